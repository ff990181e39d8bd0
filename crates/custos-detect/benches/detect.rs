//! Per-line cost of detection on realistic chat lines: the whole pipeline and
//! the pattern recognizers alone. `custos bench` (crates/custos/src/cmd/bench.rs)
//! measures the same stages as lines per second against a baseline.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use custos_detect::{Detector, Scratch};

fn chat_lines() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/samples/chat.jsonl");
    let content =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect()
}

fn bench(c: &mut Criterion) {
    let lines = chat_lines();
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Elements(lines.len() as u64));
    for (name, detector) in [
        (
            "whole_pipeline",
            Detector::new().expect("shipped model loads"),
        ),
        (
            "patterns_only",
            Detector::builder()
                .use_model(false)
                .build()
                .expect("detector builds"),
        ),
    ] {
        let mut scratch = Scratch::default();
        let mut findings = Vec::new();
        group.bench_function(name, |b| {
            b.iter(|| {
                for line in &lines {
                    detector.detect_into(black_box(line), &mut scratch, &mut findings);
                    black_box(findings.len());
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
