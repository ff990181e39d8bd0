//! Normalizes arbitrary UTF-8 and checks the offset-map invariants.
//!
//! Run with `cargo +nightly fuzz run normalize` from the repository root.

#![no_main]

use custos_text::{Normalized, Normalizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let normalizer = Normalizer::new();
    let mut out = Normalized::default();
    // once into a dirty buffer, to exercise reuse
    normalizer.normalize_into("幺三八 1234 ５６７８ 加vx", &mut out);
    normalizer.normalize_into(text, &mut out);

    let orig_len = text.chars().count();
    let n = out.len_chars();
    assert_eq!(out.original_len_chars(), orig_len);
    assert!(out.chars().iter().copied().eq(out.as_str().chars()));

    let mut prev = (0usize, 0usize);
    for i in 0..n {
        let r = out.original_range(i..i + 1);
        assert!(r.start < r.end && r.end <= orig_len);
        let cur = (r.start, r.end);
        assert!(cur == prev || cur.0 >= prev.1, "map not monotonic");
        prev = cur;
    }
    let all = out.original_range(0..n);
    assert!(all.start <= all.end && all.end <= orig_len);
    let past = out.original_range(n..n + 3);
    assert!(past.start == past.end && past.end <= orig_len);
    let _ = out.transforms(0..n + 3);

    if out.is_identity() {
        assert_eq!(out.as_str(), text);
        assert_eq!(all, 0..n);
    }
    for (i, (b, _)) in out.as_str().char_indices().enumerate() {
        assert_eq!(out.byte_of_char(i), b);
        assert_eq!(out.char_index_of_byte(b), i);
    }
    assert_eq!(out.byte_of_char(n), out.as_str().len());
});
