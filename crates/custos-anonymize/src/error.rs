//! The one error type of the crate.

use custos_detect::EntityType;

/// Everything that can go wrong while anonymizing.
///
/// Messages carry key *names*, entity types, offsets and counts, never the
/// value being anonymized, a token or key material, so they are safe to log.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // ---- keys (configuration) ----
    /// A key was not 256 bits long.
    #[error("key {name:?} is {len} bytes long; tenant keys must be exactly 32 bytes (256 bits), e.g. from `openssl rand -hex 32`")]
    InvalidKeyLength {
        /// The key's name.
        name: String,
        /// The length that was given, in bytes.
        len: usize,
    },
    /// Key text was neither valid hex nor valid base64.
    #[error("key {name:?} is not valid {encoding}; give 64 hex digits or 44 base64 characters (the key itself is not shown)")]
    InvalidKeyEncoding {
        /// The key's name.
        name: String,
        /// The encoding that was tried (`hex`, `base64`, `hex or base64`).
        encoding: &'static str,
    },
    /// A key name was empty, too long or had characters outside `[A-Za-z0-9_.-]`.
    #[error(
        "key name {name:?} is invalid; use 1 to 64 characters from A-Z, a-z, 0-9, `_`, `.`, `-`"
    )]
    InvalidKeyName {
        /// The rejected name.
        name: String,
    },
    /// A key with this name is already in the ring.
    #[error("key {name:?} is already in the key ring; rotate to a new name instead of replacing a key, or old tokens could not be reversed")]
    DuplicateKey {
        /// The duplicated name.
        name: String,
    },
    /// The operator names a key that the ring does not hold.
    #[error("key {name:?} is not in the key ring; add it, or leave the operator's `key` unset to use the current key")]
    UnknownKey {
        /// The missing name.
        name: String,
    },
    /// A keyed operator was used without a key ring.
    #[error("operator `{operator}` needs tenant keys but none were configured; give the anonymizer a KeyRing")]
    NoKeys {
        /// The operator that needed keys.
        operator: &'static str,
    },

    // ---- operator parameters (configuration) ----
    /// The mask character is a control or whitespace character.
    #[error("mask character U+{code:04X} is a control or whitespace character; use a visible character such as `*`")]
    InvalidMaskChar {
        /// The code point.
        code: u32,
    },
    /// An age band was asked for without a reference year.
    #[error("generalizing {entity} to an age band needs a reference year; set it with Anonymizer::with_reference_year (the library never reads the clock)")]
    MissingReferenceYear {
        /// The entity type.
        entity: EntityType,
    },

    // ---- the value (bad input) ----
    /// The value has too few symbols for FF1's minimum domain (radix^len >= 1,000,000).
    #[error("{entity} value has {symbols} symbols of radix {radix} to encrypt, FF1 needs at least {min}; use pseudonymize for values this short")]
    TooShortForTokenize {
        /// The entity type.
        entity: EntityType,
        /// How many symbols would be encrypted.
        symbols: usize,
        /// The FF1 radix for them.
        radix: u32,
        /// The minimum count for that radix.
        min: usize,
    },
    /// The value does not have the shape its type needs for tokenize/detokenize
    /// (e.g. a card that fails Luhn, a resident id that is not 18 characters).
    #[error("{entity} value does not have the expected shape: {reason}")]
    ShapeMismatch {
        /// The entity type.
        entity: EntityType,
        /// What is wrong, without the value.
        reason: &'static str,
    },
    /// The entity type has no reversible tokenization.
    #[error("{entity} has no format-preserving tokenization; use pseudonymize or replace")]
    NotTokenizable {
        /// The entity type.
        entity: EntityType,
    },

    // ---- spans (caller's bad input) ----
    /// A finding reaches outside the text or ends before it starts.
    #[error("finding #{index} spans {start}..{end} but the text has {len} characters (offsets are code points, end exclusive, start < end)")]
    SpanOutOfRange {
        /// Index of the finding in the slice.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text length in code points.
        len: usize,
    },
    /// A finding starts before the previous one ends (or findings are not sorted).
    #[error("finding #{index} starts at {start}, before the previous finding ends at {previous_end}; resolve overlaps and sort findings by start before applying operators")]
    SpanOverlap {
        /// Index of the finding in the slice.
        index: usize,
        /// Its start.
        start: usize,
        /// The end of the previous finding.
        previous_end: usize,
    },
    /// The number of decisions does not match the number of findings.
    #[error(
        "{findings} findings but {decisions} decisions; give exactly one decision per finding"
    )]
    DecisionCountMismatch {
        /// Number of findings.
        findings: usize,
        /// Number of decisions.
        decisions: usize,
    },

    // ---- bugs ----
    /// An internal invariant did not hold; please file a bug.
    #[error("internal error in custos-anonymize ({0}); please file a bug")]
    Unreachable(&'static str),
}

impl Error {
    /// Whether the error is about the value itself (too short, wrong shape), as
    /// opposed to configuration or the caller's spans. Text application falls
    /// back to a safer operator on value errors instead of failing the text.
    pub fn is_value_error(&self) -> bool {
        matches!(
            self,
            Error::TooShortForTokenize { .. }
                | Error::ShapeMismatch { .. }
                | Error::NotTokenizable { .. }
        )
    }
}
