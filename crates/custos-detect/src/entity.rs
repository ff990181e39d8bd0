//! The entity types of the detection contract and the findings that carry them.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A kind of personal information, named exactly as in the `custos detect` contract.
///
/// The names returned by [`EntityType::as_str`] are a public contract shared with
/// other tools: they never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EntityType {
    /// A person's name, Chinese or Western.
    Person,
    /// Mainland mobile and landline numbers, and international numbers, in any written form.
    PhoneNumber,
    /// An e-mail address.
    EmailAddress,
    /// An 18-digit PRC resident identity number with a valid GB 11643 check digit.
    CnResidentId,
    /// A bank or credit card number with a valid Luhn digit, UnionPay included.
    PaymentCard,
    /// A postal address down to street level, Chinese or Western.
    StreetAddress,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// An IBAN with a valid mod-97 check.
    IbanCode,
    /// A WeChat, QQ, Line or similar account id given as a contact (the id only).
    ImAccount,
}

impl EntityType {
    /// Every entity type, in contract order.
    pub const ALL: [EntityType; 9] = [
        EntityType::Person,
        EntityType::PhoneNumber,
        EntityType::EmailAddress,
        EntityType::CnResidentId,
        EntityType::PaymentCard,
        EntityType::StreetAddress,
        EntityType::IpAddress,
        EntityType::IbanCode,
        EntityType::ImAccount,
    ];

    /// The contract name, e.g. `PHONE_NUMBER`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::PhoneNumber => "PHONE_NUMBER",
            EntityType::EmailAddress => "EMAIL_ADDRESS",
            EntityType::CnResidentId => "CN_RESIDENT_ID",
            EntityType::PaymentCard => "PAYMENT_CARD",
            EntityType::StreetAddress => "STREET_ADDRESS",
            EntityType::IpAddress => "IP_ADDRESS",
            EntityType::IbanCode => "IBAN_CODE",
            EntityType::ImAccount => "IM_ACCOUNT",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EntityType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The error of parsing an entity type name that is not in the contract.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity type {name:?}; expected one of PERSON, PHONE_NUMBER, EMAIL_ADDRESS, CN_RESIDENT_ID, PAYMENT_CARD, STREET_ADDRESS, IP_ADDRESS, IBAN_CODE, IM_ACCOUNT")]
pub struct UnknownEntityType {
    name: String,
}

impl FromStr for EntityType {
    type Err = UnknownEntityType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownEntityType { name: s.to_owned() })
    }
}

/// One piece of personal information found in a text.
///
/// `start` and `end` are offsets in Unicode code points of the *original* text,
/// end exclusive, whatever normalization was needed to find it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// What was found.
    #[serde(rename = "type")]
    pub entity: EntityType,
    /// First character of the finding in the original text.
    pub start: usize,
    /// One past the last character of the finding in the original text.
    pub end: usize,
    /// Confidence in [0, 1] after validation and context.
    pub score: f32,
    /// Why this was reported.
    pub explanation: Explanation,
}

/// Why a finding was reported: which recognizer, which evidence.
///
/// It never holds the matched text itself, so it is safe to log.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The recognizer that produced the finding, e.g. `cn_resident_id`.
    pub recognizer: &'static str,
    /// The pattern or rule within the recognizer, if it has several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static str>,
    /// The score before context was taken into account.
    pub original_score: f32,
    /// The validator that was run (`gb11643`, `luhn`, `iban_mod97`, …) and whether it passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validator: Option<Validation>,
    /// Context words seen near the finding and how they moved the score.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<ContextEvidence>,
    /// Evasions the normalizer saw through inside the finding (`fullwidth`, `cn_numeral`, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evasions: Vec<&'static str>,
    /// The model's probability for the span, for model-based findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_probability: Option<f32>,
}

impl Explanation {
    /// An explanation naming only the recognizer and its base score.
    pub fn new(recognizer: &'static str, original_score: f32) -> Self {
        Explanation {
            recognizer,
            pattern: None,
            original_score,
            validator: None,
            context: Vec::new(),
            evasions: Vec::new(),
            model_probability: None,
        }
    }
}

/// The outcome of a checksum or plausibility validator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Validation {
    /// The validator's name, e.g. `luhn`.
    pub name: &'static str,
    /// Whether the candidate passed.
    pub passed: bool,
}

/// A context word near a finding and its effect on the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContextEvidence {
    /// The context word as listed (a keyword, never user text).
    pub word: &'static str,
    /// The score change it caused: positive raises, negative lowers.
    pub effect: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in EntityType::ALL {
            assert_eq!(t.as_str().parse::<EntityType>(), Ok(t));
        }
        assert!("PHONE".parse::<EntityType>().is_err());
    }
}
