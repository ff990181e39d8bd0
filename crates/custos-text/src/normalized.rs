//! The normalized text and its map back to the original characters.

use std::fmt;
use std::ops::Range;

use crate::normalizer::Scratch;
use crate::Transforms;

/// Normalized text with, for every normalized character, the range of
/// original characters it came from and the transformations that produced it.
///
/// Filled by [`Normalizer::normalize_into`](crate::Normalizer::normalize_into),
/// which clears and reuses the buffers, so one value per worker thread means
/// no allocation per line once warm.
///
/// The map is monotonic: normalized characters come from non-decreasing,
/// non-overlapping original ranges, except that the characters produced by
/// one original unit (`⑩` → `10`, `vx` → `微信`) share that unit's range.
/// Removed original characters (zero-width spaces, compacted separators) are
/// covered by no normalized character, but [`Normalized::original_range`] of
/// a range spanning them covers them.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    pub(crate) text: String,
    pub(crate) chars: Vec<char>,
    /// Byte offset in `text` of each normalized char.
    pub(crate) bytes: Vec<usize>,
    /// Original char range of each normalized char (empty when `!changed`).
    pub(crate) ranges: Vec<(usize, usize)>,
    /// Transforms that produced each normalized char (empty when `!changed`).
    pub(crate) flags: Vec<Transforms>,
    /// Transforms of removed original chars just before each normalized char.
    pub(crate) gaps: Vec<Transforms>,
    pub(crate) original_len: usize,
    /// Whether anything differs from the original; `false` means identity,
    /// and then `ranges`, `flags` and `gaps` are left empty.
    pub(crate) changed: bool,
    pub(crate) scratch: Scratch,
}

impl Normalized {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text as characters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Number of normalized characters.
    pub fn len_chars(&self) -> usize {
        self.chars.len()
    }

    /// Number of characters of the original text.
    pub fn original_len_chars(&self) -> usize {
        self.original_len
    }

    /// Whether the normalized text is the original text, character for
    /// character (then every offset maps to itself).
    pub fn is_identity(&self) -> bool {
        !self.changed
    }

    /// The original character range covering the normalized characters
    /// `normalized_chars`: from the start of the first one's range to the end
    /// of the last one's. An empty range maps to an empty range at the
    /// original position of its start (the original length at the end).
    /// Out-of-range input is clamped; this never panics.
    ///
    /// ```
    /// let n = custos_text::Normalizer::new().normalize("tel 138 1234 5678");
    /// assert_eq!(n.as_str(), "tel 13812345678");
    /// assert_eq!(n.original_range(4..15), 4..17);
    /// assert_eq!(n.original_range(15..15), 17..17);
    /// assert_eq!(n.original_range(10..99), 11..17);
    /// ```
    pub fn original_range(&self, normalized_chars: Range<usize>) -> Range<usize> {
        let (start, end) = self.clamp(normalized_chars);
        if !self.changed {
            return start..end;
        }
        if start == end {
            let at = self.ranges.get(start).map_or(self.original_len, |r| r.0);
            return at..at;
        }
        let first = self.ranges.get(start).map_or(self.original_len, |r| r.0);
        let last = self.ranges.get(end - 1).map_or(self.original_len, |r| r.1);
        first..last.max(first)
    }

    /// The normalized character index at normalized byte offset `byte`.
    /// For an offset inside a character, the index of the next character;
    /// past the end, [`Normalized::len_chars`].
    pub fn char_index_of_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    /// The normalized byte offset of normalized character `ch`; the text's
    /// byte length for `ch >= len_chars()`.
    pub fn byte_of_char(&self, ch: usize) -> usize {
        self.bytes.get(ch).copied().unwrap_or(self.text.len())
    }

    /// The union of the transformations that produced the normalized
    /// characters `normalized_chars`, including those of original characters
    /// removed between them. Out-of-range input is clamped.
    pub fn transforms(&self, normalized_chars: Range<usize>) -> Transforms {
        let (start, end) = self.clamp(normalized_chars);
        let mut t = Transforms::empty();
        if !self.changed || start == end {
            return t;
        }
        for &f in self.flags.get(start..end).unwrap_or_default() {
            t |= f;
        }
        for &g in self.gaps.get(start + 1..end).unwrap_or_default() {
            t |= g;
        }
        t
    }

    /// The transformations of the original characters removed just before
    /// normalized character `ch` (e.g. [`Transforms::SEPARATOR_REMOVED`] where a
    /// separator between digit groups was compacted); empty out of range.
    ///
    /// ```
    /// use custos_text::Transforms;
    /// let n = custos_text::Normalizer::new().normalize("138 1234 5678");
    /// assert!(n.gap_before(3).contains(Transforms::SEPARATOR_REMOVED));
    /// assert!(n.gap_before(4).is_empty());
    /// ```
    pub fn gap_before(&self, ch: usize) -> Transforms {
        self.gaps.get(ch).copied().unwrap_or_default()
    }

    /// [`Normalized::gap_before`] for every normalized character (empty when
    /// the text is unchanged).
    pub fn gaps(&self) -> &[Transforms] {
        &self.gaps
    }

    fn clamp(&self, r: Range<usize>) -> (usize, usize) {
        let len = self.chars.len();
        let start = r.start.min(len);
        (start, r.end.min(len).max(start))
    }

    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.chars.clear();
        self.bytes.clear();
        self.ranges.clear();
        self.flags.clear();
        self.gaps.clear();
        self.original_len = 0;
        self.changed = false;
    }

    /// Appends one normalized char with its map entry.
    pub(crate) fn push(
        &mut self,
        c: char,
        range: (usize, usize),
        flags: Transforms,
        gap: Transforms,
    ) {
        self.bytes.push(self.text.len());
        self.text.push(c);
        self.chars.push(c);
        self.ranges.push(range);
        self.flags.push(flags);
        self.gaps.push(gap);
    }
}

impl fmt::Display for Normalized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
