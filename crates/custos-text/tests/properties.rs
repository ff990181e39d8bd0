//! Property tests: the offset map holds its invariants on any text.

use custos_text::{Normalized, Normalizer};
use proptest::prelude::*;

/// Characters the rules act on, so that generated text exercises them often.
const POOL: &[char] = &[
    '0', '1', '3', '5', '8', '9', ' ', '.', '-', '_', '+', ':', ',', '/', '@', 'O', 'o', 'l', 'I',
    'i', 'S', 'B', 'g', 'q', 'Q', 'v', 'V', 'w', 'x', 'X', 'e', 'c', 'h', 'a', 't', 'n', '１',
    '８', '：', '　', '①', '⑩', '⑳', '❶', '¹', '₃', '𝟖', '٣', '〇', '零', '一', '二', '三', '幺',
    '两', '洞', '壹', '捌', '十', '百', '个', '信', '微', '薇', '扣', '企', '鹅', '号', '加', '绿',
    '泡', '❤', '🌸', '😀', '丨', '|', '\u{200B}', '\u{200D}', '\u{FE0F}', '\u{20E3}', '\u{FEFF}',
    '\u{AD}', 'а', 'е', 'о', 'р', 'ѕ', 'Ο', 'ν', 'ɡ', '·', '~', '—', '。',
];

fn text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => proptest::sample::select(POOL),
        1 => any::<char>(),
    ];
    proptest::collection::vec(c, 0..48).prop_map(|v| v.into_iter().collect())
}

fn ascii_alnum() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9]{0,24}"
}

fn check_invariants(text: &str, out: &Normalized) {
    let orig_len = text.chars().count();
    let n = out.len_chars();
    assert_eq!(out.original_len_chars(), orig_len);

    // chars() agrees with as_str()
    assert!(out.chars().iter().copied().eq(out.as_str().chars()));

    // every normalized char comes from a non-empty range inside the text, in order
    let mut prev = (0usize, 0usize);
    for i in 0..n {
        let r = out.original_range(i..i + 1);
        assert!(r.start < r.end && r.end <= orig_len, "char {i}: {r:?}");
        let cur = (r.start, r.end);
        assert!(
            cur == prev || cur.0 >= prev.1,
            "char {i}: {cur:?} overlaps {prev:?}"
        );
        prev = cur;
    }
    let all = out.original_range(0..n);
    assert!(all.start <= all.end && all.end <= orig_len);
    // out-of-range and empty queries stay inside too
    let far = out.original_range(n..n + 10);
    assert!(far.start == far.end && far.end <= orig_len);
    let _ = out.transforms(0..n + 10);

    // identity means the text and the map are unchanged
    if out.is_identity() {
        assert_eq!(out.as_str(), text);
        for i in 0..n {
            assert_eq!(out.original_range(i..i + 1), i..i + 1);
        }
        assert!(out.transforms(0..n).is_empty());
    }

    // byte <-> char round trip on every char boundary
    for (i, (b, _)) in out.as_str().char_indices().enumerate() {
        assert_eq!(out.byte_of_char(i), b);
        assert_eq!(out.char_index_of_byte(b), i);
    }
    assert_eq!(out.byte_of_char(n), out.as_str().len());
    assert_eq!(out.char_index_of_byte(out.as_str().len()), n);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn map_invariants_hold(s in text()) {
        let out = Normalizer::new().normalize(&s);
        check_invariants(&s, &out);
    }

    #[test]
    fn reused_buffers_give_the_same_result(a in text(), b in text()) {
        let normalizer = Normalizer::new();
        let mut out = Normalized::default();
        normalizer.normalize_into(&a, &mut out);
        normalizer.normalize_into(&b, &mut out);
        let fresh = normalizer.normalize(&b);
        prop_assert_eq!(out.as_str(), fresh.as_str());
        prop_assert_eq!(out.is_identity(), fresh.is_identity());
        let n = fresh.len_chars();
        for i in 0..n {
            prop_assert_eq!(out.original_range(i..i + 1), fresh.original_range(i..i + 1));
            prop_assert_eq!(out.transforms(i..i + 1), fresh.transforms(i..i + 1));
        }
    }

    #[test]
    fn ascii_alnum_renormalizes_to_identity(s in ascii_alnum()) {
        let normalizer = Normalizer::new();
        let once = normalizer.normalize(&s);
        check_invariants(&s, &once);
        let twice = normalizer.normalize(once.as_str());
        prop_assert!(twice.is_identity(), "{:?} -> {:?} -> {:?}", s, once.as_str(), twice.as_str());
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        let out = Normalizer::new().normalize(&s);
        check_invariants(&s, &out);
    }
}
