//! The masker in the public chat view under the default policy, on arbitrary
//! UTF-8 as chat text and on arbitrary JSON as a record: never panics, and text
//! outside the findings is unchanged.
//!
//! Run with `cargo +nightly fuzz run mask` from the repository root.

#![no_main]

use std::sync::OnceLock;

use custos_anonymize::{Anonymizer, Masker, View};
use custos_detect::{Detector, Scratch};
use custos_policy::Policy;
use libfuzzer_sys::fuzz_target;

fn masker() -> &'static Masker<'static> {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    static POLICY: OnceLock<Policy> = OnceLock::new();
    static MASKER: OnceLock<Masker<'static>> = OnceLock::new();
    MASKER.get_or_init(|| {
        let detector = DETECTOR.get_or_init(|| Detector::new().expect("the shipped model loads"));
        let policy = POLICY.get_or_init(Policy::default_policy);
        let anonymizer = Anonymizer::new().with_reference_year(2025);
        Masker::new(detector, policy, anonymizer, View::PUBLIC_CHAT)
            .expect("the default policy's public chat view needs no key")
    })
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let masker = masker();
    let mut scratch = Scratch::default();
    let masked = masker
        .mask_text(text, &mut scratch)
        .expect("public chat masks without keys");
    let (len, out_len) = (text.chars().count(), masked.text.chars().count());
    let (mut prev, mut prev_out) = (0, 0);
    for span in &masked.spans {
        assert!(prev <= span.original_start && span.original_start < span.original_end);
        assert!(span.original_end <= len);
        assert!(prev_out <= span.start && span.start <= span.end && span.end <= out_len);
        assert_eq!(
            chars(text, prev, span.original_start),
            chars(&masked.text, prev_out, span.start)
        );
        (prev, prev_out) = (span.original_end, span.end);
    }
    assert_eq!(
        chars(text, prev, len),
        chars(&masked.text, prev_out, out_len)
    );

    if let Ok(record) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = masker
            .mask_record(record, &mut scratch)
            .expect("public chat masks records without keys");
    }
});
