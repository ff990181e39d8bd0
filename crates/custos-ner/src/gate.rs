//! The cheap pre-filter: finds trigger positions and turns them into windows.
//!
//! One pass over the characters with a table lookup per CJK character and one
//! hash lookup per Latin word. A line with no trigger costs only this scan.

use crate::gazetteer::{self, flag, tables, SEQ_SEED};

const CJK_TRIGGER_CTX: &str = "叫名姓收联系生士姐址住寄送总哥户妈爸购服";

/// Window radii (chars before, chars after) per trigger kind.
const NAME_CJK: (usize, usize) = (3, 5);
const ADDR_CJK: (usize, usize) = (12, 4);
const CTX_CJK: (usize, usize) = (4, 10);
const NAME_LATIN: (usize, usize) = (8, 14);
const STREET_LATIN: (usize, usize) = (18, 22);
const CUE_LATIN: (usize, usize) = (2, 24);

fn push(out: &mut Vec<(usize, usize)>, n: usize, at: usize, end: usize, r: (usize, usize)) {
    let s = at.saturating_sub(r.0);
    let e = (end + r.1).min(n);
    if let Some(last) = out.last_mut() {
        if s <= last.1 + 2 {
            if e > last.1 {
                last.1 = e;
            }
            return;
        }
    }
    out.push((s, e));
}

fn is_ctx_char(c: char) -> bool {
    CJK_TRIGGER_CTX.contains(c)
}

/// Appends merged, sorted windows `[start, end)` around triggers to `out`.
pub(crate) fn windows(chars: &[char], out: &mut Vec<(usize, usize)>) {
    let t = tables();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if gazetteer::is_cjk(c) {
            let f = t.cjk_flags(c);
            if f & (flag::STREET_SUFFIX | flag::ADMIN_SUFFIX | flag::PLACE_SUFFIX) != 0 {
                push(out, n, i, i + 1, ADDR_CJK);
            } else if f & flag::SURNAME != 0 {
                if let Some(&next) = chars.get(i + 1) {
                    if t.cjk_flags(next) & flag::GIVEN != 0 {
                        push(out, n, i, i + 1, NAME_CJK);
                    }
                }
            } else if f & gazetteer::MULTI_START != 0 && is_compound_surname(chars, i) {
                push(out, n, i, i + 1, NAME_CJK);
            }
            if is_ctx_char(c) {
                push(out, n, i, i + 1, CTX_CJK);
            }
            i += 1;
        } else if gazetteer::is_word_char(c) {
            let start = i;
            let mut h = SEQ_SEED;
            while i < n && gazetteer::is_word_char(chars[i]) {
                h = gazetteer::seq_hash_step(h, gazetteer::lower(chars[i]));
                i += 1;
            }
            if c.is_ascii_digit() {
                continue;
            }
            let f = t.words.get(&h).copied().unwrap_or(0);
            let cap = c.is_uppercase();
            if f & flag::STREET_WORD != 0
                || (cap && i - start >= 5 && street_suffix(&chars[start..i]))
            {
                push(out, n, start, i, STREET_LATIN);
            } else if f & (flag::STRONG_CUE | flag::HONORIFIC) != 0 {
                push(out, n, start, i, CUE_LATIN);
            } else if cap && f & (flag::FIRST_NAME | flag::LAST_NAME) != 0 {
                push(out, n, start, i, NAME_LATIN);
            }
        } else {
            i += 1;
        }
    }
}

fn is_compound_surname(chars: &[char], i: usize) -> bool {
    match (chars.get(i), chars.get(i + 1)) {
        (Some(&a), Some(&b)) => {
            let h = gazetteer::seq_hash_step(gazetteer::seq_hash_step(SEQ_SEED, a), b);
            tables()
                .multi
                .get(&h)
                .is_some_and(|k| k & gazetteer::multi::COMPOUND_SURNAME != 0)
        }
        _ => false,
    }
}

fn street_suffix(word: &[char]) -> bool {
    const SUFFIXES: &[&str] = &[
        "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "damm",
    ];
    SUFFIXES.iter().any(|s| {
        let l = s.chars().count();
        word.len() > l + 2
            && word[word.len() - l..]
                .iter()
                .zip(s.chars())
                .all(|(&a, b)| gazetteer::lower(a) == b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win(s: &str) -> Vec<(usize, usize)> {
        let c: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        windows(&c, &mut out);
        out
    }

    #[test]
    fn no_trigger_no_window() {
        assert!(win("这个多少钱啊").is_empty());
        assert!(win("how much is this one").is_empty());
        assert!(win("").is_empty());
        assert!(win("1234 5678").is_empty());
    }

    #[test]
    fn triggers_open_windows() {
        assert_eq!(win("我是张伟").len(), 1);
        assert!(!win("深圳市南山区科技园南路18号").is_empty());
        assert!(!win("send it to 221B Baker Street please").is_empty());
        assert!(!win("hello John").is_empty());
        assert!(!win("Lindenstraße 5").is_empty());
    }

    #[test]
    fn windows_are_merged_and_sorted() {
        let w = win("张伟住在北京市朝阳区建国路88号，李娜住在上海");
        for pair in w.windows(2) {
            assert!(pair[0].1 < pair[1].0);
        }
        for &(s, e) in &w {
            assert!(s < e);
        }
    }
}
