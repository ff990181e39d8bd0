//! Detects personal information in Chinese and Western text.
//!
//! This is the first room of Custos: text in, entity spans out, with no I/O and
//! no secrets. The flow for one line:
//!
//! 1. [`custos_text::Normalizer`] folds what viewers type to dodge filters
//!    (full-width digits, `幺三八`, `138🌸1234🌸5678`, `V信`) into a canonical
//!    form and keeps an offset map back to the original characters.
//! 2. The pattern recognizers scan the normalized text once and validate what
//!    they find (GB 11643, Luhn and issuer ranges, IBAN mod-97, mobile prefixes,
//!    area codes, country numbering plans); a context enhancer raises or lowers
//!    scores from the words around a candidate (`电话`, `call me` raise;
//!    `订单号`, `tracking` lower).
//! 3. A learned sequence tagger ([`custos_ner`]) finds names and street
//!    addresses, run only where cheap triggers say one may be.
//! 4. Overlaps are resolved once, by one documented rule, and each survivor
//!    becomes a [`Finding`] in original code-point offsets with its
//!    [`Explanation`].
//!
//! [`Detector`] is the entry point; [`eval`] scores findings against labelled data.
//!
//! ```
//! use custos_detect::{Detector, EntityType};
//!
//! let detector = Detector::new()?;
//! let text = "主播我电话 幺三八 1234 ５６７８，V信 abc_8888";
//! let findings = detector.detect(text);
//! let phone = &findings[0];
//! assert_eq!(phone.entity, EntityType::PhoneNumber);
//! let chars: Vec<char> = text.chars().collect();
//! let found: String = chars[phone.start..phone.end].iter().collect();
//! assert_eq!(found, "幺三八 1234 ５６７８");
//! assert!(findings.iter().any(|f| f.entity == EntityType::ImAccount));
//! # Ok::<(), custos_detect::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod candidate;
mod context;
mod detector;
mod entity;
pub mod eval;
mod model;
mod patterns;
mod recognizers;
mod resolve;

pub use detector::{Detector, DetectorBuilder, Scratch, DEFAULT_MIN_SCORE};
pub use entity::{
    ContextEvidence, EntityType, Explanation, Finding, UnknownEntityType, Validation,
};

/// What can go wrong when setting up detection.
///
/// Detection itself cannot fail: any text, however malformed, yields findings or none.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The name and address model compiled into this build could not be read.
    /// This is a broken build, not bad input: rebuild, or retrain with
    /// `custos train-ner` and rebuild.
    #[error("the shipped name/address model is unreadable")]
    Model(#[source] custos_ner::Error),
}
