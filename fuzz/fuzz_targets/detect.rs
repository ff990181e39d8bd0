//! The whole detector on arbitrary UTF-8: never panics, and every finding lies
//! inside the text, in order, without overlap, with a score in [0, 1].
#![no_main]

use std::sync::OnceLock;

use custos_detect::Detector;
use libfuzzer_sys::fuzz_target;

fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| Detector::new().expect("the shipped model loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let len = text.chars().count();
    let mut last_end = 0;
    for finding in detector().detect(text) {
        assert!(finding.start < finding.end && finding.end <= len);
        assert!(finding.start >= last_end);
        assert!((0.0..=1.0).contains(&finding.score));
        last_end = finding.end;
    }
});
