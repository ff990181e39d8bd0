//! Times `Tagger::tag` over the lines of a JSON Lines file:
//! `cargo run --release -p custos-ner --example bench_tag -- eval/dev.jsonl`.
#![allow(missing_docs)]
use custos_ner::{TagScratch, Tagger};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "eval/dev.jsonl".into());
    let text = std::fs::read_to_string(&path)?;
    let lines: Vec<Vec<char>> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            v.get("text")
                .and_then(|t| t.as_str())
                .map(|t| custos_ner::train::fold_width(t).chars().collect())
        })
        .collect();
    let tagger = Tagger::shipped()?;
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let reps = 200;
    let t = Instant::now();
    for _ in 0..reps {
        for l in &lines {
            out.clear();
            tagger.tag(l, &mut scratch, &mut out);
        }
    }
    let us = t.elapsed().as_secs_f64() * 1e6 / (reps * lines.len()) as f64;
    println!("{} lines, {:.3} µs/line", lines.len(), us);
    Ok(())
}
