//! What a policy rule tells the anonymizer to do with a value.

use serde::{Deserialize, Serialize};

/// One anonymization operator with its parameters, as a policy rule declares it.
///
/// In the policy file an operator is written as a table tagged by `op`, e.g.
/// `{ op = "mask", keep_last = 4 }`, or, when it has no parameters, as its bare
/// name (`"redact"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
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

impl Operator {
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
