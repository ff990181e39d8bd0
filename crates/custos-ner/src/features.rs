//! Per-character features, hashed into a fixed table.
//!
//! [`LineFeatures::prepare`] computes, for a whole line, the gazetteer flags of every
//! character and the Latin-script words (their lowercase hash, shape and flags).
//! [`LineFeatures::features_at`] then produces the hashed feature ids of one
//! position. Nothing here allocates once the scratch vectors are warm.

use crate::gazetteer::{self, flag, multi, tables, SEQ_SEED};

/// A Latin-script (or digit) word of the line.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Word {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) lower_hash: u64,
    pub(crate) shape_hash: u64,
    pub(crate) suffix_hash: u64,
    pub(crate) flags: u32,
}

const NONE: u32 = u32::MAX;

/// Reusable per-line buffers.
#[derive(Debug, Default)]
pub(crate) struct LineFeatures {
    pub(crate) flags: Vec<u32>,
    pub(crate) words: Vec<Word>,
    /// Index of the word containing the char, or NONE.
    pub(crate) word_of: Vec<u32>,
    /// Index of the last word ending at or before the char (exclusive of the word containing it), or NONE.
    pub(crate) prev_word: Vec<u32>,
}

/// Mixes a value into a feature hash.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517C_C1B7_2722_0A95)
}

/// Character class used in class patterns.
#[inline]
fn class(c: char) -> u64 {
    if gazetteer::is_cjk(c) {
        0
    } else if c.is_uppercase() {
        1
    } else if c.is_lowercase() {
        2
    } else if c.is_ascii_digit() {
        3
    } else if c.is_whitespace() {
        4
    } else if c.is_ascii_punctuation()
        || matches!(c, '，' | '。' | '：' | '、' | '；' | '（' | '）')
    {
        5
    } else {
        6
    }
}

/// The char as used in n-gram features: digits folded to '0', letters lowercased.
#[inline]
fn norm(c: char) -> u64 {
    if c.is_ascii_digit() {
        u64::from('0')
    } else {
        u64::from(u32::from(gazetteer::lower(c)))
    }
}

const BOS: u64 = 0x11_0001;
const EOS: u64 = 0x11_0002;

fn shape_code(c: char) -> u64 {
    if c.is_uppercase() {
        1
    } else if c.is_lowercase() {
        2
    } else if c.is_ascii_digit() {
        3
    } else {
        4
    }
}

fn is_sep(c: char) -> bool {
    matches!(
        c,
        ':' | '：' | ' ' | ',' | '，' | '-' | '=' | '\t' | '.' | '是' | '为'
    )
}

impl LineFeatures {
    /// Computes flags and words for the whole line.
    pub(crate) fn prepare(&mut self, chars: &[char]) {
        let t = tables();
        let n = chars.len();
        self.flags.clear();
        self.flags.resize(n, 0);
        self.words.clear();
        self.word_of.clear();
        self.word_of.resize(n, NONE);
        self.prev_word.clear();
        self.prev_word.resize(n, NONE);

        // Pass 1: CJK single-char flags and multi-char entries.
        for i in 0..n {
            let c = chars[i];
            let f = t.cjk_flags(c);
            self.flags[i] |= f & !(gazetteer::MULTI_START | flag::TRIGGER_END);
            if f & gazetteer::MULTI_START != 0 {
                let max = t.cjk_max(c).min(n - i);
                let mut h = SEQ_SEED;
                for len in 1..=max {
                    h = gazetteer::seq_hash_step(h, chars[i + len - 1]);
                    if let Some(&kind) = t.multi.get(&h) {
                        self.mark_multi(chars, i, i + len, kind);
                    }
                }
            }
        }

        // Pass 2: Latin words.
        let mut i = 0;
        while i < n {
            if !gazetteer::is_word_char(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            let mut lower_hash = SEQ_SEED;
            let mut shape_hash = SEQ_SEED;
            let mut last_shape = 0;
            let mut run = 0;
            while i < n && gazetteer::is_word_char(chars[i]) {
                lower_hash = gazetteer::seq_hash_step(lower_hash, gazetteer::lower(chars[i]));
                let s = shape_code(chars[i]);
                if s != last_shape {
                    shape_hash = mix(shape_hash, s);
                    last_shape = s;
                    run = 0;
                } else {
                    run += 1;
                    if run == 3 {
                        shape_hash = mix(shape_hash, 9);
                    }
                }
                i += 1;
            }
            let end = i;
            let len = end - start;
            shape_hash = mix(shape_hash, len.min(7) as u64);
            let mut suffix_hash = SEQ_SEED;
            for &c in &chars[end.saturating_sub(3).max(start)..end] {
                suffix_hash = gazetteer::seq_hash_step(suffix_hash, gazetteer::lower(c));
            }
            let mut flags = t.words.get(&lower_hash).copied().unwrap_or(0);
            let first = chars[start];
            if first.is_uppercase() {
                flags |= flag::CAPITALIZED;
                if len >= 5 && gazetteer::has_street_suffix(&chars[start..end]) {
                    flags |= flag::STREET_SUFFIX_WORD;
                }
            }
            if chars[start..end].iter().all(|c| c.is_ascii_digit()) && (4..=5).contains(&len) {
                flags |= flag::POSTCODE;
            }
            let idx = u32::try_from(self.words.len()).unwrap_or(NONE);
            self.words.push(Word {
                start: start as u32,
                end: end as u32,
                lower_hash,
                shape_hash,
                suffix_hash,
                flags,
            });
            for w in &mut self.word_of[start..end] {
                *w = idx;
            }
        }
        // Contextual word flags: word after an honorific or a cue.
        for k in 1..self.words.len() {
            let prev = self.words[k - 1];
            let gap = &chars[prev.end as usize..self.words[k].start as usize];
            if gap.len() > 3 || gap.iter().any(|&c| !is_sep(c)) {
                continue;
            }
            if prev.flags & flag::HONORIFIC != 0 {
                self.words[k].flags |= flag::AFTER_HONORIFIC;
            }
            if prev.flags & (flag::STRONG_CUE | flag::NAME_CONTEXT) != 0 {
                self.words[k].flags |= flag::AFTER_NAME_CTX;
            }
            if prev.flags & flag::ADDR_CONTEXT != 0 {
                self.words[k].flags |= flag::AFTER_ADDR_CTX;
            }
        }
        let mut last = NONE;
        let mut k = 0usize;
        for i in 0..n {
            while k < self.words.len() && (self.words[k].end as usize) <= i {
                last = k as u32;
                k += 1;
            }
            self.prev_word[i] = last;
            let w = self.word_of[i];
            if w != NONE {
                self.flags[i] |= self.words[w as usize].flags;
            }
        }
    }

    fn mark_multi(&mut self, chars: &[char], start: usize, end: usize, kind: u8) {
        let n = chars.len();
        if kind & multi::COMPOUND_SURNAME != 0 {
            for f in &mut self.flags[start..end] {
                *f |= flag::COMPOUND_SURNAME;
            }
        }
        if kind & multi::ADMIN != 0 {
            for f in &mut self.flags[start..end] {
                *f |= flag::ADMIN_NAME;
            }
            self.flags[start] |= flag::ADMIN_BEGIN;
        }
        if kind & multi::PRODUCT != 0 {
            for f in &mut self.flags[start..end] {
                *f |= flag::PRODUCT;
            }
        }
        if kind & multi::COMMON_WORD != 0 {
            for f in &mut self.flags[start..end] {
                *f |= flag::COMMON_WORD;
            }
        }
        if kind & multi::NOMINAL != 0 {
            for f in &mut self.flags[start..end] {
                *f |= flag::NOMINAL;
            }
        }
        if kind & (multi::NAME_BEFORE | multi::ADDR_BEFORE) != 0 {
            for f in &mut self.flags[start..end] {
                *f |= flag::IN_CONTEXT;
            }
            let mut j = end;
            while j < n && j < end + 2 && is_sep(chars[j]) {
                j += 1;
            }
            if j < n {
                if kind & multi::NAME_BEFORE != 0 {
                    self.flags[j] |= flag::AFTER_NAME_CTX;
                }
                if kind & multi::ADDR_BEFORE != 0 {
                    self.flags[j] |= flag::AFTER_ADDR_CTX;
                }
            }
        }
        if kind & multi::NAME_AFTER != 0 && start > 0 {
            self.flags[start - 1] |= flag::BEFORE_HONORIFIC;
        }
    }

    /// Appends the hashed feature ids (bucket indices) of position `i` to `out`.
    pub(crate) fn features_at(&self, chars: &[char], i: usize, bits: u32, out: &mut Vec<u32>) {
        let n = chars.len();
        let shift = 64 - bits;
        let mut push = |h: u64| out.push((h >> shift) as u32);
        let at = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                BOS
            } else if j as usize >= n {
                EOS
            } else {
                norm(chars[j as usize])
            }
        };
        let cls = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                7
            } else {
                class(chars[j as usize])
            }
        };
        let (m2, m1, c0, p1, p2) = (at(-2), at(-1), at(0), at(1), at(2));
        push(mix(1, 0));
        push(mix(2, c0));
        push(mix(3, m1));
        push(mix(4, p1));
        push(mix(5, m2));
        push(mix(6, p2));
        push(mix(mix(7, m1), c0));
        push(mix(mix(8, c0), p1));
        push(mix(mix(9, m2), m1));
        push(mix(mix(10, p1), p2));
        push(mix(mix(mix(11, m1), c0), p1));
        let cp = cls(-2) | cls(-1) << 3 | cls(0) << 6 | cls(1) << 9 | cls(2) << 12;
        push(mix(12, cp));
        // Gazetteer flags of the neighbourhood.
        for k in -2isize..=2 {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                continue;
            }
            let f = self.flags[j as usize];
            if k == 0 {
                let mut bits_left = f;
                while bits_left != 0 {
                    let b = bits_left.trailing_zeros();
                    bits_left &= bits_left - 1;
                    push(mix(13, u64::from(b)));
                }
            } else if f != 0 {
                // Neighbours: the whole flag set as one feature.
                push(mix(mix(14, (k + 2) as u64), u64::from(f)));
            }
        }
        // Word features.
        let w = self.word_of[i];
        let prev = if w != NONE {
            let word = self.words[w as usize];
            let pos = if word.end - word.start == 1 {
                0
            } else if i as u32 == word.start {
                1
            } else if i as u32 + 1 == word.end {
                2
            } else {
                3
            };
            push(mix(20, word.lower_hash));
            push(mix(21, word.shape_hash));
            push(mix(mix(22, pos), word.shape_hash));
            push(mix(23, word.suffix_hash));
            push(mix(mix(24, pos), u64::from(word.flags)));
            if (w as usize) + 1 < self.words.len() {
                let next = self.words[w as usize + 1];
                push(mix(25, next.lower_hash));
                push(mix(26, u64::from(next.flags)));
            }
            if w > 0 {
                Some(w - 1)
            } else {
                None
            }
        } else {
            let p = self.prev_word[i];
            let next = if p == NONE { 0 } else { p as usize + 1 };
            if let Some(nw) = self.words.get(next) {
                if (nw.start as usize) > i && (nw.start as usize) - i <= 3 {
                    push(mix(27, nw.shape_hash));
                    push(mix(28, u64::from(nw.flags)));
                }
            }
            if p == NONE {
                None
            } else {
                Some(p)
            }
        };
        if let Some(p) = prev {
            let pw = self.words[p as usize];
            if (i as u32).saturating_sub(pw.end) <= 3 {
                push(mix(29, pw.lower_hash));
                push(mix(30, u64::from(pw.flags)));
                push(mix(31, pw.shape_hash));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn flags_cover_gazetteer_entries() {
        let c = chars("收件人:欧阳娜娜 地址:北京市朝阳区建国路88号");
        let mut lf = LineFeatures::default();
        lf.prepare(&c);
        assert!(lf.flags[0] & flag::IN_CONTEXT != 0);
        assert!(lf.flags[4] & flag::AFTER_NAME_CTX != 0);
        assert!(lf.flags[4] & flag::COMPOUND_SURNAME != 0);
        let bei = c.iter().position(|&x| x == '北').unwrap();
        assert!(lf.flags[bei] & flag::ADMIN_BEGIN != 0);
        assert!(lf.flags[bei] & flag::AFTER_ADDR_CTX != 0);
        let lu = c.iter().position(|&x| x == '路').unwrap();
        assert!(lf.flags[lu] & flag::STREET_SUFFIX != 0);
    }

    #[test]
    fn latin_words_and_context() {
        let c = chars("Mr. John Smith lives at 12 Hauptstraße, 10115 Berlin");
        let mut lf = LineFeatures::default();
        lf.prepare(&c);
        let j = 4;
        assert!(lf.flags[j] & flag::FIRST_NAME != 0);
        assert!(lf.flags[j] & flag::AFTER_HONORIFIC != 0);
        assert!(lf.flags[9] & flag::LAST_NAME != 0);
        let h = c.iter().position(|&x| x == 'H').unwrap();
        assert!(lf.flags[h] & flag::STREET_SUFFIX_WORD != 0);
        let p = c.iter().position(|&x| x == '1').unwrap();
        assert_eq!(lf.word_of[p], lf.word_of[p + 1]);
        let pc = 40;
        assert!(lf.flags[pc] & flag::POSTCODE != 0, "{:?}", &c[pc..]);
    }

    #[test]
    fn features_are_deterministic_and_bounded() {
        let c = chars("Hi 张伟, ship to 221B Baker St");
        let mut lf = LineFeatures::default();
        lf.prepare(&c);
        let mut a = Vec::new();
        let mut b = Vec::new();
        for i in 0..c.len() {
            a.clear();
            b.clear();
            lf.features_at(&c, i, 16, &mut a);
            lf.features_at(&c, i, 16, &mut b);
            assert_eq!(a, b);
            assert!(a.len() >= 12);
            assert!(a.iter().all(|&f| f < (1 << 16)));
        }
    }
}
