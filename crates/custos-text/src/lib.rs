//! Evasion-aware text normalization with an offset map back to the original.
//!
//! Viewers in live-commerce chat write `幺三八 1234 ５６７８`, `V信: abc_123` or
//! `138🌸1234🌸5678` to get past filters. [`Normalizer`] folds such text into a
//! canonical form ([`Normalized`]) that recognizers can match with plain patterns,
//! and keeps, for every normalized character, the range of original characters it
//! came from, so that a finding in normalized text points at the original.
//! [`Transforms`] says which foldings produced a stretch, for explanations.
//!
//! Offsets are Unicode code points (characters), end exclusive, as in the
//! `custos detect` contract. The crate does no I/O and holds no secrets.
//!
//! ```
//! use custos_text::{Normalized, Normalizer, Transforms};
//!
//! let normalizer = Normalizer::new();
//! let mut out = Normalized::default();
//! normalizer.normalize_into("电话：幺三八 1234 ５６７８", &mut out);
//! assert_eq!(out.as_str(), "电话:13812345678");
//! // normalized characters 3..14 came from original characters 3..16
//! assert_eq!(out.original_range(3..14), 3..16);
//! let how = out.transforms(3..14);
//! assert_eq!(
//!     how.names().collect::<Vec<_>>(),
//!     ["fullwidth", "cn_numeral", "separator_removed"]
//! );
//! ```
//!
//! # Transformations
//!
//! Each rule is as narrow as its evasion, because every over-eager fold is a
//! false positive downstream.
//!
//! 1. **Width** ([`Transforms::FULLWIDTH`]): full-width ASCII U+FF01–FF5E,
//!    the ideographic space and the full-width currency signs become their
//!    ASCII/narrow forms (`１` → `1`, `：` → `:`); patterns need only ASCII.
//!    Chinese text is otherwise untouched (`。` stays, no script conversion).
//! 2. **Digit forms** ([`Transforms::DIGIT_FORM`]): circled, parenthesized,
//!    full-stop and dingbat digits (`⑩` → `10`, both mapped to the one
//!    original), keycaps (`1️⃣`), super/subscripts, mathematical digits and the
//!    decimal digits of other scripts become ASCII digits; they are digits
//!    wherever they appear.
//! 3. **Chinese numerals** ([`Transforms::CN_NUMERAL`]): `〇零一二…九`, `幺两洞`
//!    and the financial forms become digits only in a digit run with at least
//!    4 digit-like characters, so `一个` and `三四个` stay; positional
//!    `十百千万亿` never do.
//! 4. **Look-alikes** ([`Transforms::LOOKALIKE`]): `O o` → 0, `l I i | 丨` → 1,
//!    `Z z` → 2, `S s` → 5, `B` → 8, `g q` → 9, only in a group with no other
//!    letters, between digits (or, for at most two of `O o l I`, at the edge
//!    of a group of 3+ more), as a minority of the group, in a run reaching 7
//!    digits: `l38OO1234567` folds, `iPhone15`, `ID12345`, `SKU-A12B` don't.
//! 5. **Separators** ([`Transforms::SEPARATOR_REMOVED`]): between digit groups,
//!    clusters of 1–3 blanks, `.`, `-`, `_`, `~`, middle dots, dashes or
//!    symbols/emoji are removed when the run holds 7+ digits
//!    (`138 1234 5678`, `138🌸1234🌸5678`); a leading `+` stays. Never
//!    separators: `,` (prices), `:` (times, IPv6), `/` (paths, fractions),
//!    `*` (already masked `138****5678`). Never compacted: IPv4 addresses
//!    (`192.168.1.20`), dates (`2024-05-01`, `01.05.2024`: kept readable
//!    rather than left to validators), decimals (`199.00`), two groups of 7+
//!    digits (two numbers), and a 1–2 digit group next to a 7+ digit one
//!    (`买2 13812345678`) unless it is a `+` country code.
//! 6. **Invisible characters** ([`Transforms::INVISIBLE_REMOVED`]): zero-width
//!    spaces and joiners, word joiner, BOM, soft hyphen, bidi controls and
//!    variation selectors are removed everywhere; they only serve to split.
//! 7. **Homoglyphs** ([`Transforms::HOMOGLYPH`]): Cyrillic/Greek letters that
//!    look Latin (`wеchat` with a Cyrillic `е`) become Latin, only in a word
//!    that also holds Latin letters or digits, so Russian and Greek stay.
//! 8. **IM aliases** ([`Transforms::IM_ALIAS`]): `V信`, `薇信`, `vx`, `wx`,
//!    `wechat`… → `微信`; `扣扣`, `qq`… → `QQ`. ASCII aliases only as whole
//!    words (not in `vxlan`, `@qq.com`); common words (`威信`, `企鹅`) only next
//!    to a contact. Every output character maps to the whole alias.
//!
//! Order: width/digit forms/invisibles, then homoglyphs, then aliases, then
//! digit runs (numerals, look-alikes, separators).

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod alias;
mod normalized;
mod normalizer;
mod tables;
mod transforms;

pub use normalized::Normalized;
pub use normalizer::Normalizer;
pub use transforms::Transforms;

#[cfg(test)]
mod tests;
