//! Anonymization operators of Custos and their application to text.
//!
//! Detection ([`custos_detect`]) says where personal information is; the
//! policy ([`custos_policy`]) says which [`Operator`] applies; this crate
//! applies it, to one value ([`Anonymizer::apply`]) or to a text and its
//! findings ([`Anonymizer::apply_text`]), and says per finding what was done.
//!
//! Main types:
//!
//! - [`KeyRing`]: the tenant's named 256-bit keys (current one plus older ones
//!   kept for detokenizing), zeroized on drop, never printed. Per-use and
//!   per-type subkeys are derived with HKDF-SHA-256.
//! - [`Anonymizer`]: the operators, configured with the key ring (for
//!   `tokenize`/`pseudonymize`) and a reference year (for age bands). The
//!   library never reads the clock or any file.
//! - [`Decision`] → [`Anonymized`] with one [`AppliedSpan`] per finding.
//!
//! The operators: `keep`, `redact`, `drop` (in text: as `redact`), `replace`
//! (type tag `<PHONE_NUMBER>` or a fixed string), `mask` (per-type defaults,
//! see [Masking](#masking)), `pseudonymize` (HMAC-SHA-256 token
//! `tok_ph_…`), `tokenize` (FF1-AES-256, shape-preserving, reversible with
//! [`danger::detokenize`]) and `generalize`.
//!
//! ```
//! use custos_anonymize::{Anonymizer, KeyRing};
//! use custos_detect::EntityType;
//! use custos_policy::Operator;
//!
//! let keys = KeyRing::from_hex("2026-01", &"42".repeat(32))?;
//! let anon = Anonymizer::new().with_keys(&keys);
//! let mask = Operator::Mask { keep_first: None, keep_last: None, mask_char: None };
//! assert_eq!(anon.apply(&mask, EntityType::PhoneNumber, "138 1234 5678")?, "138 **** 5678");
//! let token = anon.apply(&Operator::Tokenize { key: None }, EntityType::PhoneNumber, "13812345678")?;
//! assert_eq!(token.len(), 11);
//! assert!(token.starts_with("138"));
//! let back = custos_anonymize::danger::detokenize(&keys, None, EntityType::PhoneNumber, &token)?;
//! assert_eq!(back, "13812345678");
//! # Ok::<(), custos_anonymize::Error>(())
//! ```
//!
//! # Masking
//!
//! | type | default |
//! | --- | --- |
//! | PHONE_NUMBER | first 3 + last 4 digits (`138****5678`), after a `+86`/`0086` code |
//! | CN_RESIDENT_ID | first 6 + last 4 (`110105********002X`) |
//! | PAYMENT_CARD | last 4 (`**** **** **** 1234`, `************1234`) |
//! | IBAN_CODE | first 4 (country + check) + last 4 |
//! | IM_ACCOUNT | first 2 + last 2 |
//! | EMAIL_ADDRESS | `z***@example.com` |
//! | PERSON | `张**`, `欧阳**` (compound surname whole), `J*** S****` |
//! | STREET_ADDRESS | Chinese: kept up to the road (or district) before the first number; Western: words holding a digit masked |
//! | IP_ADDRESS | `192.168.*.*`; IPv6 first two groups |
//!
//! Numeric values are masked by digit positions, so evasive forms
//! (`138 1234 5678`, full-width digits, `幺三八…`) keep their separators and
//! length; each masked unit becomes one mask character; at least a third of
//! the units is always masked whatever `keep_first`/`keep_last` ask.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod canon;
mod error;
mod generalize;
mod keys;
mod mask;
mod masker;
mod pseudonym;
pub mod text;
mod tokenize;

use custos_detect::EntityType;
use custos_policy::Operator;

pub use error::Error;
pub use generalize::{age_band, count_band};
pub use keys::{KeyRing, KEY_LEN};
pub use masker::{FieldDecision, MaskedRecord, Masker, TextFieldFindings, View, FAIL_SAFE_RULE};
pub use pseudonym::abbreviation;
pub use text::{Anonymized, AppliedSpan, Decision};

/// The default mask character.
pub const DEFAULT_MASK_CHAR: char = '*';

/// Applies operators to values and texts.
///
/// Cheap to build (two references); build one per request or share one.
///
/// - Without keys, `tokenize` and `pseudonymize` fail with [`Error::NoKeys`].
/// - Without a reference year, generalizing a birth date to an age band fails
///   with [`Error::MissingReferenceYear`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Anonymizer<'k> {
    keys: Option<&'k KeyRing>,
    reference_year: Option<i32>,
}

impl<'k> Anonymizer<'k> {
    /// An anonymizer with no keys and no reference year.
    pub fn new() -> Self {
        Anonymizer::default()
    }

    /// Use these tenant keys for `tokenize` and `pseudonymize`.
    pub fn with_keys(mut self, keys: &'k KeyRing) -> Self {
        self.keys = Some(keys);
        self
    }

    /// The year ages are computed in (age bands); pass the current year from the
    /// caller's clock, or a fixed one for reproducible output.
    pub fn with_reference_year(mut self, year: i32) -> Self {
        self.reference_year = Some(year);
        self
    }

    /// Check an operator's parameters once, at policy-load time: the mask
    /// character is visible, named keys exist, keyed operators have keys.
    pub fn validate(&self, op: &Operator) -> Result<(), Error> {
        match op {
            Operator::Mask {
                mask_char: Some(c), ..
            } => mask::check_mask_char(*c),
            Operator::Tokenize { key } | Operator::Pseudonymize { key } => {
                self.keys(op)?.resolve(key.as_deref()).map(|_| ())
            }
            _ => Ok(()),
        }
    }

    /// Apply one operator to one value of the given type.
    ///
    /// Errors: configuration ([`Error::NoKeys`], [`Error::UnknownKey`],
    /// [`Error::InvalidMaskChar`], [`Error::MissingReferenceYear`]) or a value
    /// `tokenize` cannot handle ([`Error::TooShortForTokenize`],
    /// [`Error::ShapeMismatch`], [`Error::NotTokenizable`]; see
    /// [`Error::is_value_error`]). Never panics.
    pub fn apply(&self, op: &Operator, entity: EntityType, value: &str) -> Result<String, Error> {
        match op {
            Operator::Keep => Ok(value.to_owned()),
            Operator::Redact | Operator::Drop => Ok(String::new()),
            Operator::Replace { with } => Ok(match with {
                Some(s) => s.clone(),
                None => format!("<{}>", entity.as_str()),
            }),
            Operator::Mask {
                keep_first,
                keep_last,
                mask_char,
            } => mask::mask(
                entity,
                value,
                *keep_first,
                *keep_last,
                mask_char.unwrap_or(DEFAULT_MASK_CHAR),
            ),
            Operator::Pseudonymize { key } => {
                pseudonym::pseudonymize(self.keys(op)?, key.as_deref(), entity, value)
            }
            Operator::Tokenize { key } => tokenize::transform(
                self.keys(op)?,
                key.as_deref(),
                entity,
                value,
                tokenize::Dir::Encrypt,
            ),
            Operator::Generalize { level } => {
                generalize::generalize(entity, value, *level, self.reference_year)
            }
        }
    }

    fn keys(&self, op: &Operator) -> Result<&'k KeyRing, Error> {
        self.keys.ok_or(Error::NoKeys {
            operator: op.name(),
        })
    }
}

/// Operations that give plaintext back. Every call is a re-identification:
/// the caller must check the purpose and audit it.
pub mod danger {
    use custos_detect::EntityType;

    use crate::{tokenize, Error, KeyRing};

    /// Reverse a `tokenize` token made with key `key` (the current key when
    /// `None`) for the entity type. Returns the value in the canonical form
    /// the token was made from: digits as ASCII, e-mail local parts lower
    /// case; separators as they are in the token.
    pub fn detokenize(
        keys: &KeyRing,
        key: Option<&str>,
        entity: EntityType,
        token: &str,
    ) -> Result<String, Error> {
        tokenize::transform(keys, key, entity, token, tokenize::Dir::Decrypt)
    }
}
