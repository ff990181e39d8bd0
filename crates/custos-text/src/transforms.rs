//! The set of transformations that produced a stretch of normalized text.

use std::fmt;
use std::ops::{BitOr, BitOrAssign};

/// A small bit set naming the transformations that produced some normalized
/// characters, so that a finding can explain how the viewer disguised it.
///
/// ```
/// use custos_text::Transforms;
///
/// let t = Transforms::FULLWIDTH | Transforms::CN_NUMERAL;
/// assert!(t.contains(Transforms::FULLWIDTH));
/// assert_eq!(t.names().collect::<Vec<_>>(), ["fullwidth", "cn_numeral"]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Transforms(u16);

/// Names, in bit order; stable, used in explanations.
const NAMES: [&str; 8] = [
    "fullwidth",
    "cn_numeral",
    "digit_form",
    "lookalike",
    "homoglyph",
    "separator_removed",
    "invisible_removed",
    "im_alias",
];

impl Transforms {
    /// No transformation.
    pub const NONE: Transforms = Transforms(0);
    /// Full-width ASCII or ideographic space folded to ASCII (`１` → `1`, `：` → `:`).
    pub const FULLWIDTH: Transforms = Transforms(1 << 0);
    /// Chinese numeral read as a digit inside a digit run (`幺三八` → `138`).
    pub const CN_NUMERAL: Transforms = Transforms(1 << 1);
    /// Circled, keycap, superscript, mathematical or other-script digit (`①`, `1️⃣`, `٣`).
    pub const DIGIT_FORM: Transforms = Transforms(1 << 2);
    /// Look-alike letter inside a digit run (`l38OO…` → `13800…`).
    pub const LOOKALIKE: Transforms = Transforms(1 << 3);
    /// Cyrillic or Greek letter in a Latin word folded to Latin (`wеchat`).
    pub const HOMOGLYPH: Transforms = Transforms(1 << 4);
    /// Spaces, dots, dashes or emoji between digit groups removed.
    pub const SEPARATOR_REMOVED: Transforms = Transforms(1 << 5);
    /// Zero-width characters, variation selectors and the like removed.
    pub const INVISIBLE_REMOVED: Transforms = Transforms(1 << 6);
    /// Instant-messaging alias replaced by its canonical keyword (`V信` → `微信`).
    pub const IM_ALIAS: Transforms = Transforms(1 << 7);

    /// The empty set.
    pub const fn empty() -> Transforms {
        Transforms(0)
    }

    /// The raw bits (stable: bit `i` is the `i`-th name of [`Transforms::names`]).
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// Whether every transformation in `other` is in `self`.
    pub const fn contains(self, other: Transforms) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any transformation in `other` is in `self`.
    pub const fn intersects(self, other: Transforms) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no transformation is recorded.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The union of both sets.
    #[must_use]
    pub const fn union(self, other: Transforms) -> Transforms {
        Transforms(self.0 | other.0)
    }

    /// Adds the transformations in `other`.
    pub fn insert(&mut self, other: Transforms) {
        self.0 |= other.0;
    }

    /// Stable snake_case names of the transformations in the set, in bit order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        let bits = self.0;
        NAMES
            .iter()
            .enumerate()
            .filter(move |(i, _)| bits & (1 << i) != 0)
            .map(|(_, name)| *name)
    }
}

impl BitOr for Transforms {
    type Output = Transforms;

    fn bitor(self, rhs: Transforms) -> Transforms {
        self.union(rhs)
    }
}

impl BitOrAssign for Transforms {
    fn bitor_assign(&mut self, rhs: Transforms) {
        self.insert(rhs);
    }
}

impl fmt::Display for Transforms {
    /// The names joined by `+`, or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        for (i, name) in self.names().enumerate() {
            if i > 0 {
                f.write_str("+")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stable_and_ordered() {
        let all = Transforms::FULLWIDTH
            | Transforms::CN_NUMERAL
            | Transforms::DIGIT_FORM
            | Transforms::LOOKALIKE
            | Transforms::HOMOGLYPH
            | Transforms::SEPARATOR_REMOVED
            | Transforms::INVISIBLE_REMOVED
            | Transforms::IM_ALIAS;
        assert_eq!(all.names().collect::<Vec<_>>(), NAMES);
        assert_eq!(Transforms::empty().names().count(), 0);
        assert_eq!(Transforms::default(), Transforms::NONE);
    }

    #[test]
    fn set_operations() {
        let mut t = Transforms::empty();
        assert!(t.is_empty());
        t |= Transforms::HOMOGLYPH;
        assert!(t.contains(Transforms::HOMOGLYPH));
        assert!(!t.contains(Transforms::HOMOGLYPH | Transforms::IM_ALIAS));
        assert!(t.intersects(Transforms::HOMOGLYPH | Transforms::IM_ALIAS));
        assert!(t.contains(Transforms::empty()));
        assert_eq!(t.to_string(), "homoglyph");
        assert_eq!((t | Transforms::IM_ALIAS).to_string(), "homoglyph+im_alias");
        assert_eq!(Transforms::empty().to_string(), "none");
    }
}
