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
const TRIGGER_CJK: (usize, usize) = (5, 5);
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
    // End and flags of the previous Latin word (a name cue opens a window on the
    // capitalized word after it).
    let mut prev_end = usize::MAX;
    let mut prev_flags = 0u32;
    // Start of the previous Latin word if it looked like a name word (`Dmitri`,
    // `WANG`): two such words in a row open a window even when neither is listed.
    let mut prev_namelike = usize::MAX;
    while i < n {
        let c = chars[i];
        if gazetteer::is_cjk(c) {
            let f = t.cjk_flags(c);
            if f & (flag::STREET_SUFFIX | flag::ADMIN_SUFFIX | flag::PLACE_SUFFIX) != 0 {
                if c != '号' || house_number_before(chars, i) {
                    push(out, n, i, i + 1, ADDR_CJK);
                }
            } else if f & flag::SURNAME != 0 {
                if let Some(&next) = chars.get(i + 1) {
                    let given = t.cjk_flags(next) & flag::GIVEN != 0;
                    if (given || short_run_at(chars, i)) && !common_pair(chars, i, f) {
                        push(out, n, i, i + 1, NAME_CJK);
                    }
                }
            } else if f & gazetteer::MULTI_START != 0 && is_compound_surname(chars, i) {
                push(out, n, i, i + 1, NAME_CJK);
            }
            if is_ctx_char(c) {
                push(out, n, i, i + 1, CTX_CJK);
            } else if f & flag::TRIGGER_END != 0 {
                if let Some(len) = trigger_word_ending_at(chars, i) {
                    push(out, n, i + 1 - len, i + 1, TRIGGER_CJK);
                }
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
            let namelike = cap && name_shape(&chars[start..i]) && f & NOT_A_NAME_WORD == 0;
            let pair = namelike && prev_namelike != usize::MAX && start == prev_end + 1 && {
                let g = chars[prev_end];
                g == ' ' || g == '-'
            };
            let after_cue = prev_flags & flag::NAME_CONTEXT != 0
                && start.saturating_sub(prev_end) <= 2
                && chars[prev_end.min(start)..start]
                    .iter()
                    .all(|&g| matches!(g, ' ' | ',' | ':'));
            if f & flag::STREET_WORD != 0
                || (cap && i - start >= 5 && gazetteer::has_street_suffix(&chars[start..i]))
            {
                push(out, n, start, i, STREET_LATIN);
            } else if f & (flag::STRONG_CUE | flag::HONORIFIC) != 0 {
                push(out, n, start, i, CUE_LATIN);
            } else if pair {
                push(out, n, prev_namelike, i, NAME_LATIN);
            } else if cap
                && ((f & (flag::FIRST_NAME | flag::LAST_NAME) != 0
                    && (f & flag::PRODUCT == 0 || prev_flags & flag::PRODUCT == 0))
                    || (after_cue
                        && i - start >= 3
                        && chars[start + 1].is_lowercase()
                        && f & (flag::PRODUCT | flag::NON_NAME) == 0))
            {
                push(out, n, start, i, NAME_LATIN);
            }
            prev_end = i;
            prev_flags = f;
            prev_namelike = if namelike { start } else { usize::MAX };
        } else {
            i += 1;
        }
    }
}

/// Word flags that rule a capitalized word out as half of an unlisted name pair.
const NOT_A_NAME_WORD: u32 = flag::PRODUCT
    | flag::NON_NAME
    | flag::STREET_WORD
    | flag::CITY
    | flag::HONORIFIC
    | flag::NAME_CONTEXT
    | flag::ADDR_CONTEXT
    | flag::STRONG_CUE;

/// Does a capitalized word look like a name word: `Dmitri` (2–14 letters, lower
/// case after the first) or `WANG` (2–14 capitals)?
fn name_shape(word: &[char]) -> bool {
    let n = word.len();
    if !(2..=14).contains(&n) || !word.iter().all(|c| c.is_alphabetic()) {
        return false;
    }
    let rest = &word[1..];
    rest.iter().all(|c| c.is_lowercase()) || rest.iter().all(|c| c.is_uppercase())
}

/// Is `号` at `i` a house number (`路18号`, `A-3号`)? Not `订单号`, `卡号`, `3号链接`.
fn house_number_before(chars: &[char], i: usize) -> bool {
    let digits = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '之'))
        .count();
    digits > 0 && i > digits && {
        let b = chars[i - digits - 1];
        gazetteer::is_cjk(b) || b.is_ascii_alphabetic() || b == ' '
    }
}

/// Is the surname char at `i` the start of a common word (明天 高端 …) that no
/// given-name char follows?
fn common_pair(chars: &[char], i: usize, f: u32) -> bool {
    if f & gazetteer::MULTI_START == 0 {
        return false;
    }
    let (Some(&a), Some(&b)) = (chars.get(i), chars.get(i + 1)) else {
        return false;
    };
    let h = gazetteer::seq_hash_step(gazetteer::seq_hash_step(SEQ_SEED, a), b);
    let t = tables();
    t.multi
        .get(&h)
        .is_some_and(|k| k & gazetteer::multi::COMMON_WORD != 0)
        && chars
            .get(i + 2)
            .is_none_or(|&c| t.cjk_flags(c) & flag::GIVEN == 0)
}

/// Does a short CJK run (2–4 chars, not CJK on either side) start at `i`? Such a
/// run led by a surname char is often a bare name (`金石开:`, `(袁峰)`, a signature).
fn short_run_at(chars: &[char], i: usize) -> bool {
    if i > 0 && gazetteer::is_cjk(chars[i - 1]) {
        return false;
    }
    let run = chars[i..]
        .iter()
        .take(5)
        .take_while(|&&c| gazetteer::is_cjk(c))
        .count();
    (2..=4).contains(&run)
}

/// Length of the trigger word (记者 表示 主持人 …) ending at `i`, if any.
fn trigger_word_ending_at(chars: &[char], i: usize) -> Option<usize> {
    let t = tables();
    (2..=3usize).filter(|&len| len <= i + 1).find(|&len| {
        let h = chars[i + 1 - len..=i]
            .iter()
            .fold(SEQ_SEED, |h, &c| gazetteer::seq_hash_step(h, c));
        t.triggers.contains_key(&h)
    })
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
        assert!(win("订单号2750 卡号5562").is_empty());
        assert!(win("3号链接还有吗").is_empty());
        assert!(win("明天见").is_empty());
    }

    #[test]
    fn triggers_open_windows() {
        assert_eq!(win("我是张伟").len(), 1);
        assert!(!win("深圳市南山区科技园南路18号").is_empty());
        assert!(!win("send it to 221B Baker Street please").is_empty());
        assert!(!win("hello John").is_empty());
        assert!(!win("Lindenstraße 5").is_empty());
        assert!(!win("本报记者于澜报道").is_empty());
        assert!(!win("(袁峰)").is_empty());
        assert!(!win("holder: Ngozi Okafor").is_empty());
        assert!(!win("人民路18号").is_empty());
        assert!(!win("1024,Dmitri Volkov,2024-05-01").is_empty());
        assert!(!win("WANG Xiaoming").is_empty());
        assert!(!win("Via Garibaldi 7, 20121 Milano").is_empty());
        assert!(win("Flash Sale today").is_empty());
        assert!(win("iPhone Pro Max").is_empty());
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
