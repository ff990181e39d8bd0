//! What a policy rule tells the anonymizer to do with a value.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One anonymization operator with its parameters, as a policy rule declares it.
///
/// In the policy file an operator is written as a table tagged by `op`, e.g.
/// `{ op = "mask", keep_last = 4 }`, or, when it has no parameters, as its bare
/// name (`"redact"`).
// `remote = "Self"` makes the derives inherent functions, so the trait impls
// below can accept the bare-name form as well as the tagged table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    tag = "op",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum Operator {
    /// Pass the value through unchanged.
    Keep,
    /// Partial mask; unset counts fall back to the per-type defaults users in
    /// China expect (`138****5678`, resident id first 6 + last 4, card last 4,
    /// `z***@example.com`, `张**`).
    Mask {
        /// Characters kept at the start.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keep_first: Option<usize>,
        /// Characters kept at the end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keep_last: Option<usize>,
        /// The masking character (default `*`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mask_char: Option<char>,
    },
    /// Coarsen the value: an address to district, city or province; a date of
    /// birth to year or age band; IPv4 to /24 and IPv6 to /48; a count to a band.
    Generalize {
        /// How coarse; the per-type default when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<GeneralizeLevel>,
    },
    /// Format-preserving encryption (FF1, AES-256): same shape, reversible with the key.
    Tokenize {
        /// Name of the tenant key to use; the tenant's current key when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
    },
    /// Keyed HMAC-SHA-256 token (`tok_ph_…`): stable per key and type, not reversible.
    Pseudonymize {
        /// Name of the tenant key to use; the tenant's current key when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
    },
    /// Replace with the type tag (`<PHONE_NUMBER>`) or a fixed string.
    Replace {
        /// The replacement; the type tag when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        with: Option<String>,
    },
    /// Remove the value from the text.
    Redact,
    /// Remove the whole field from a record (in free text: same as `redact`).
    Drop,
}

impl Serialize for Operator {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Operator::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Operator {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OperatorVisitor)
    }
}

struct OperatorVisitor;

impl<'de> Visitor<'de> for OperatorVisitor {
    type Value = Operator;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an operator name such as \"redact\" or a table such as { op = \"mask\", keep_last = 4 }")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Operator, E> {
        Operator::from_name(name).ok_or_else(|| {
            E::custom(format!(
                "unknown operator \"{name}\"; use one of {}",
                Operator::NAMES.join(", ")
            ))
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Operator, A::Error> {
        Operator::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl Operator {
    /// Every operator name, weakest first.
    pub const NAMES: [&'static str; 8] = [
        "keep",
        "mask",
        "generalize",
        "tokenize",
        "pseudonymize",
        "replace",
        "redact",
        "drop",
    ];

    /// The strongest operator: what the fail-safe default applies.
    pub const STRONGEST: Operator = Operator::Drop;

    /// The operator named `name` with default parameters (`"mask"` → per-type mask).
    pub fn from_name(name: &str) -> Option<Operator> {
        Some(match name {
            "keep" => Operator::Keep,
            "mask" => Operator::Mask {
                keep_first: None,
                keep_last: None,
                mask_char: None,
            },
            "generalize" => Operator::Generalize { level: None },
            "tokenize" => Operator::Tokenize { key: None },
            "pseudonymize" => Operator::Pseudonymize { key: None },
            "replace" => Operator::Replace { with: None },
            "redact" => Operator::Redact,
            "drop" => Operator::Drop,
            _ => return None,
        })
    }

    /// How much of the original the operator lets through, from `Keep` (all, 0)
    /// to `Drop` (nothing, 7). The linter compares rules by it and the fail-safe
    /// default picks the strongest.
    ///
    /// The order is a judgement and documented as such: a mask shows part of the
    /// value; a generalization shows a coarse truth; a token can be reversed by
    /// whoever holds the key; a pseudonym links records but reveals nothing;
    /// a tag or removal reveals only that something was there.
    pub const fn strength(&self) -> u8 {
        match self {
            Operator::Keep => 0,
            Operator::Mask { .. } => 1,
            Operator::Generalize { .. } => 2,
            Operator::Tokenize { .. } => 3,
            Operator::Pseudonymize { .. } => 4,
            Operator::Replace { .. } => 5,
            Operator::Redact => 6,
            Operator::Drop => 7,
        }
    }

    /// The operator's name as written in the policy file.
    pub const fn name(&self) -> &'static str {
        match self {
            Operator::Keep => "keep",
            Operator::Mask { .. } => "mask",
            Operator::Generalize { .. } => "generalize",
            Operator::Tokenize { .. } => "tokenize",
            Operator::Pseudonymize { .. } => "pseudonymize",
            Operator::Replace { .. } => "replace",
            Operator::Redact => "redact",
            Operator::Drop => "drop",
        }
    }
}

/// How coarse a generalization is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneralizeLevel {
    /// Address → district (区/县, or a Western city district/postcode area).
    District,
    /// Address → city.
    City,
    /// Address → province, state or country region.
    Province,
    /// Date of birth → year.
    Year,
    /// Date of birth → age band (`30-39`); count → band.
    Band,
    /// IP address → network prefix (/24 for IPv4, /48 for IPv6).
    Network,
}

impl fmt::Display for Operator {
    /// The operator as a policy file would write it: `redact`, or
    /// `mask { keep_last = 4 }` when it has parameters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())?;
        let mut params: Vec<String> = Vec::new();
        match self {
            Operator::Mask {
                keep_first,
                keep_last,
                mask_char,
            } => {
                if let Some(n) = keep_first {
                    params.push(format!("keep_first = {n}"));
                }
                if let Some(n) = keep_last {
                    params.push(format!("keep_last = {n}"));
                }
                if let Some(c) = mask_char {
                    params.push(format!("mask_char = {:?}", c.to_string()));
                }
            }
            Operator::Generalize { level: Some(level) } => {
                params.push(format!("level = \"{}\"", level.name()));
            }
            Operator::Tokenize { key: Some(key) } | Operator::Pseudonymize { key: Some(key) } => {
                params.push(format!("key = {key:?}"));
            }
            Operator::Replace { with: Some(with) } => params.push(format!("with = {with:?}")),
            _ => {}
        }
        if !params.is_empty() {
            write!(f, " {{ {} }}", params.join(", "))?;
        }
        Ok(())
    }
}

impl GeneralizeLevel {
    /// The level's name as written in the policy file.
    pub const fn name(self) -> &'static str {
        match self {
            GeneralizeLevel::District => "district",
            GeneralizeLevel::City => "city",
            GeneralizeLevel::Province => "province",
            GeneralizeLevel::Year => "year",
            GeneralizeLevel::Band => "band",
            GeneralizeLevel::Network => "network",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        op: Operator,
    }

    fn parse(value: &str) -> Result<Operator, toml::de::Error> {
        toml::from_str::<Doc>(&format!("op = {value}")).map(|d| d.op)
    }

    #[test]
    fn bare_names_and_tables_both_parse() {
        assert_eq!(parse("\"redact\"").unwrap(), Operator::Redact);
        assert_eq!(
            parse("\"mask\"").unwrap(),
            Operator::from_name("mask").unwrap()
        );
        assert_eq!(
            parse("{ op = \"mask\", keep_last = 4 }").unwrap(),
            Operator::Mask {
                keep_first: None,
                keep_last: Some(4),
                mask_char: None
            }
        );
        assert_eq!(
            parse("{ op = \"generalize\", level = \"city\" }").unwrap(),
            Operator::Generalize {
                level: Some(GeneralizeLevel::City)
            }
        );
    }

    #[test]
    fn unknown_names_and_fields_are_refused() {
        let err = parse("\"scramble\"").unwrap_err().to_string();
        assert!(err.contains("unknown operator"), "{err}");
        assert!(parse("{ op = \"mask\", keep_lats = 4 }").is_err());
        assert!(parse("{ op = \"nope\" }").is_err());
        assert!(parse("4").is_err());
    }

    #[test]
    fn names_are_in_strength_order_and_round_trip() {
        for (i, name) in Operator::NAMES.iter().enumerate() {
            let op = Operator::from_name(name).unwrap();
            assert_eq!(op.name(), *name);
            assert_eq!(usize::from(op.strength()), i);
        }
        assert_eq!(Operator::STRONGEST.strength(), 7);
    }

    #[test]
    fn display_writes_parameters() {
        let op = parse("{ op = \"mask\", keep_first = 3, keep_last = 4 }").unwrap();
        assert_eq!(op.to_string(), "mask { keep_first = 3, keep_last = 4 }");
        assert_eq!(Operator::Redact.to_string(), "redact");
    }
}
