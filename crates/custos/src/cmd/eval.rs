//! `custos eval`: precision, recall and F1 per entity type on a labelled file.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use custos_detect::eval::{Counts, GoldSpan, Scorecard};
use custos_detect::{Detector, EntityType, Finding, Scratch};
use serde::{Deserialize, Serialize};

/// Score detection against a labelled JSON Lines file.
#[derive(clap::Args, Debug)]
pub(crate) struct EvalArgs {
    /// Labelled JSON Lines: {"id", "text", "entities": [{"type", "start", "end"}]}.
    /// Types starting with `X_` are ignored.
    #[arg(value_name = "GOLD.jsonl", required = true)]
    pub(crate) gold: Vec<PathBuf>,
    /// Report findings scoring at least this (0 to 1).
    #[arg(long, default_value_t = custos_detect::DEFAULT_MIN_SCORE, value_parser = crate::score_in_unit_range)]
    pub(crate) min_score: f32,
    /// Print the table as JSON instead of text.
    #[arg(long)]
    pub(crate) json: bool,
    /// Also print up to N lines with a missed or spurious finding (shows the labelled text).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) show_errors: usize,
}

#[derive(Deserialize)]
struct GoldLine {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    #[serde(rename = "type")]
    entity: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Row {
    entity: String,
    /// `None` when nothing of this type was predicted or labelled.
    precision: Option<f64>,
    recall: Option<f64>,
    f1: f64,
    #[serde(flatten)]
    counts: Counts,
}

fn row(entity: &str, counts: Counts) -> Row {
    Row {
        entity: entity.to_owned(),
        precision: (counts.true_positives + counts.false_positives > 0).then(|| counts.precision()),
        recall: (counts.true_positives + counts.false_negatives > 0).then(|| counts.recall()),
        f1: counts.f1(),
        counts,
    }
}

fn gold_spans(line: &GoldLine, number: usize) -> Result<Vec<GoldSpan>> {
    let len = line.text.chars().count();
    let mut spans = Vec::with_capacity(line.entities.len());
    for e in &line.entities {
        if e.entity.starts_with("X_") {
            continue;
        }
        let entity: EntityType = e
            .entity
            .parse()
            .with_context(|| format!("line {number} (id {:?})", line.id))?;
        if e.start >= e.end || e.end > len {
            bail!(
                "line {number} (id {:?}): span {}..{} is outside the text of {len} characters",
                line.id,
                e.start,
                e.end
            );
        }
        spans.push(GoldSpan {
            entity,
            start: e.start,
            end: e.end,
        });
    }
    Ok(spans)
}

fn excerpt(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Prints the per-type table; returns the micro-averaged counts.
pub(crate) fn run(args: &EvalArgs) -> Result<Counts> {
    let detector = Detector::builder()
        .min_score(args.min_score)
        .build()
        .context("cannot set up the detector")?;
    let mut card = Scorecard::default();
    let mut scratch = Scratch::default();
    let mut findings: Vec<Finding> = Vec::new();
    let mut shown = 0;
    for path in &args.gold {
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        for (index, line) in BufReader::new(file).lines().enumerate() {
            let number = index + 1;
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let gold: GoldLine = serde_json::from_str(&line).with_context(|| {
                format!("{} line {number} is not a labelled record", path.display())
            })?;
            let spans = gold_spans(&gold, number).with_context(|| path.display().to_string())?;
            detector.detect_into(&gold.text, &mut scratch, &mut findings);
            let before = card.micro();
            card.add_line(&spans, &findings);
            let after = card.micro();
            if shown < args.show_errors
                && (after.false_positives > before.false_positives
                    || after.false_negatives > before.false_negatives)
            {
                shown += 1;
                eprintln!("--- {} {}", gold.id, gold.text);
                for g in &spans {
                    if !findings
                        .iter()
                        .any(|f| f.entity == g.entity && f.start == g.start && f.end == g.end)
                    {
                        eprintln!(
                            "  missed   {:<15} {:?}",
                            g.entity.as_str(),
                            excerpt(&gold.text, g.start, g.end)
                        );
                    }
                }
                for f in &findings {
                    if !spans
                        .iter()
                        .any(|g| f.entity == g.entity && f.start == g.start && f.end == g.end)
                    {
                        eprintln!(
                            "  spurious {:<15} {:?} score {:.2} by {}",
                            f.entity.as_str(),
                            excerpt(&gold.text, f.start, f.end),
                            f.score,
                            f.explanation.recognizer
                        );
                    }
                }
            }
        }
    }
    let micro = card.micro();
    let mut rows: Vec<Row> = card.per_type().map(|(t, c)| row(t.as_str(), c)).collect();
    rows.push(row("micro", micro));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!("{} lines", card.lines());
        println!(
            "{:<16} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6} {:>7}",
            "type", "precision", "recall", "f1", "tp", "fp", "fn", "partial"
        );
        let cell = |value: Option<f64>| value.map_or_else(|| "-".to_owned(), |v| format!("{v:.4}"));
        for r in &rows {
            println!(
                "{:<16} {:>9} {:>9} {:>9.4} {:>6} {:>6} {:>6} {:>7}",
                r.entity,
                cell(r.precision),
                cell(r.recall),
                r.f1,
                r.counts.true_positives,
                r.counts.false_positives,
                r.counts.false_negatives,
                r.counts.partial
            );
        }
    }
    Ok(micro)
}
