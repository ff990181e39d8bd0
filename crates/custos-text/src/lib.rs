//! Evasion-aware text normalization with an offset map back to the original.
//!
//! Viewers in live-commerce chat write `幺三八 1234 ５６７８`, `V信: abc_123` or
//! `138🌸1234🌸5678` to get past filters. [`Normalizer`] folds such text into a
//! canonical form ([`Normalized`]) that recognizers can match with plain patterns,
//! and keeps, for every normalized character, the range of original characters it
//! came from, so that a finding in normalized text points at the original.
//!
//! Offsets are Unicode code points (characters), end exclusive, as in the
//! `custos detect` contract. The crate does no I/O and holds no secrets.
//!
//! ```
//! use custos_text::{Normalized, Normalizer};
//!
//! let normalizer = Normalizer::new();
//! let mut out = Normalized::default();
//! normalizer.normalize_into("电话：幺三八 1234 ５６７８", &mut out);
//! assert_eq!(out.as_str(), "电话:13812345678");
//! // normalized characters 3..14 came from original characters 3..19
//! assert_eq!(out.original_range(3..14), 3..19);
//! ```

/// Placeholder: the normalizer is being written.
#[derive(Debug, Default)]
pub struct Normalizer;

/// Placeholder.
#[derive(Debug, Default)]
pub struct Normalized;
