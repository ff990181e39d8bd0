//! `custos train-ner`: trains the PERSON / STREET_ADDRESS tagger of `custos-ner`.
//!
//! Reads the public Chinese corpora in `--datasets` (CLUENER2020 and Weibo NER, JSON
//! Lines as described in their README), adds the synthetic examples of
//! `custos_ner::train::synthetic`, trains the CRF, reports span-level precision,
//! recall and F1 per kind on the dev files after every epoch, and writes the model.
//! The corpora are read from outside the repository and never copied into it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use custos_ner::train::{self, Example, Scores, TrainOptions};
use custos_ner::{SpanKind, TagScratch, Tagger};

/// Arguments of `custos train-ner`.
#[derive(clap::Args, Debug)]
pub(crate) struct TrainArgs {
    /// Folder with cluener_{train,dev}.jsonl and weibo_{train,dev}.jsonl.
    #[arg(long, default_value = "../shared/datasets")]
    pub(crate) datasets: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/custos-ner/model/ner.bin")]
    pub(crate) out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    pub(crate) epochs: usize,
    /// Seed of the synthetic data and of the shuffling.
    #[arg(long, default_value_t = 42)]
    pub(crate) seed: u64,
    /// Number of synthetic examples.
    #[arg(long, default_value_t = 30_000)]
    pub(crate) synthetic: usize,
    /// log2 of the number of hash buckets (model file ≈ 10 × 2^bits bytes).
    #[arg(long, default_value_t = 18)]
    pub(crate) bits: u32,
    /// L2 penalty.
    #[arg(long, default_value_t = 0.0)]
    pub(crate) l2: f32,
    /// Feature dropout while training.
    #[arg(long, default_value_t = 0.0)]
    pub(crate) dropout: f64,
    /// Share of training lines whose name/place list flags are partly hidden.
    #[arg(long, default_value_t = 0.4)]
    pub(crate) gazetteer_dropout: f64,
    /// Print up to this many misses and false alarms on --dev after training.
    #[arg(long, default_value_t = 0)]
    pub(crate) show_errors: usize,
    /// Extra labelled JSON Lines files to report on (e.g. eval/dev.jsonl); repeat
    /// the flag for several. Each is named by its file stem (`dev`, `dev2`).
    #[arg(long)]
    pub(crate) dev: Vec<PathBuf>,
    /// Which dev set --show-errors lists: the stem of a --dev file (default `dev`),
    /// cluener_dev or weibo_dev.
    #[arg(long, default_value = "dev")]
    pub(crate) errors_on: String,
}

#[derive(serde::Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    entities: Vec<Entity>,
}

#[derive(serde::Deserialize)]
struct Entity {
    #[serde(rename = "type")]
    kind: String,
    start: usize,
    end: usize,
}

/// How `STREET_ADDRESS` labels are read.
#[derive(Clone, Copy, PartialEq)]
enum AddressLabels {
    /// Keep only street-level spans (the public corpora label bare places too).
    StreetLevelOnly,
    /// Keep them all (a corpus labelled by this project's convention).
    AsIs,
}

fn read_jsonl(path: &Path, addresses: AddressLabels) -> anyhow::Result<Vec<Example>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a labelled JSON line", path.display(), n + 1))?;
        let chars: Vec<char> = rec.text.chars().collect();
        let mut spans = Vec::new();
        for e in &rec.entities {
            if e.start >= e.end || e.end > chars.len() {
                bail!(
                    "{}:{}: entity {}..{} out of range",
                    path.display(),
                    n + 1,
                    e.start,
                    e.end
                );
            }
            let kind = match e.kind.as_str() {
                "PERSON" => SpanKind::Person,
                "STREET_ADDRESS" => {
                    let surface: String = chars[e.start..e.end].iter().collect();
                    if addresses == AddressLabels::StreetLevelOnly
                        && !train::is_street_level(&surface)
                    {
                        continue;
                    }
                    SpanKind::Address
                }
                _ => continue,
            };
            spans.push((kind, e.start, e.end));
        }
        out.push(Example {
            text: train::fold_width(&rec.text),
            spans,
        });
    }
    Ok(out)
}

fn report(name: &str, s: &Scores) {
    for (kind, c) in [("PERSON", &s.person), ("STREET_ADDRESS", &s.address)] {
        println!(
            "    {name:<14} {kind:<15} P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_positives,
            c.false_positives,
            c.false_negatives
        );
    }
}

/// Average tagging cost per line, in microseconds (best of three passes).
fn micros_per_line(tagger: &Tagger, lines: &[Vec<char>]) -> f64 {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        for l in lines {
            out.clear();
            tagger.tag(l, &mut scratch, &mut out);
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / lines.len().max(1) as f64);
    }
    best
}

fn show_errors(tagger: &Tagger, dev: &[Example], limit: usize) {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut shown = 0;
    for ex in dev {
        let chars: Vec<char> = ex.text.chars().collect();
        out.clear();
        tagger.tag(&chars, &mut scratch, &mut out);
        let pred: Vec<(SpanKind, usize, usize)> = out
            .iter()
            .filter(|s| s.probability >= 0.5)
            .map(|s| (s.kind, s.start, s.end))
            .collect();
        let surface = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        // A miss that decoding the whole line would find is the gate's.
        let ungated = train::evaluate_with(tagger, std::slice::from_ref(ex), 0.5, false);
        let by = |kind: SpanKind| {
            let c = match kind {
                SpanKind::Person => ungated.person,
                SpanKind::Address => ungated.address,
            };
            if c.false_negatives == 0 {
                " (gate)"
            } else {
                ""
            }
        };
        for g in &ex.spans {
            if !pred.contains(g) {
                println!(
                    "  MISS{} {:?} {:?} in {:?}",
                    by(g.0),
                    g.0,
                    surface(g.1, g.2),
                    ex.text
                );
                shown += 1;
            }
        }
        for p in &pred {
            if !ex.spans.contains(p) {
                println!("  FALSE {:?} {:?} in {:?}", p.0, surface(p.1, p.2), ex.text);
                shown += 1;
            }
        }
        if shown >= limit {
            break;
        }
    }
}

/// Runs `custos train-ner`.
pub(crate) fn run(args: &TrainArgs) -> anyhow::Result<()> {
    let d = &args.datasets;
    let mut examples = Vec::new();
    for f in ["cluener_train.jsonl", "weibo_train.jsonl"] {
        let ex = read_jsonl(&d.join(f), AddressLabels::StreetLevelOnly)?;
        println!("read {} examples from {f}", ex.len());
        examples.extend(ex);
    }
    let mut devs = Vec::new();
    for (name, f) in [
        ("cluener_dev", "cluener_dev.jsonl"),
        ("weibo_dev", "weibo_dev.jsonl"),
    ] {
        devs.push((
            name.to_string(),
            read_jsonl(&d.join(f), AddressLabels::StreetLevelOnly)?,
        ));
    }
    for dev in &args.dev {
        let name = dev
            .file_stem()
            .map_or_else(|| "dev".to_string(), |s| s.to_string_lossy().into_owned());
        devs.push((name, read_jsonl(dev, AddressLabels::AsIs)?));
    }
    let synthetic = train::synthetic(args.seed, args.synthetic);
    println!(
        "{} synthetic examples (seed {})",
        synthetic.len(),
        args.seed
    );
    examples.extend(synthetic);
    let options = TrainOptions {
        epochs: args.epochs,
        bits: args.bits,
        seed: args.seed,
        l2: args.l2,
        feature_dropout: args.dropout,
        gazetteer_dropout: args.gazetteer_dropout,
        ..TrainOptions::default()
    };
    let start = Instant::now();
    let tagger = train::train_with_progress(&examples, &options, &mut |r, t| {
        println!(
            "epoch {:>2}: loss {:.4}, {} chars, {:.1}s",
            r.epoch,
            r.loss,
            r.chars,
            start.elapsed().as_secs_f64()
        );
        for (name, dev) in &devs {
            report(name, &train::evaluate(t, dev, 0.5));
        }
    });
    println!("without the gate (whole lines decoded):");
    for (name, dev) in &devs {
        report(name, &train::evaluate_with(&tagger, dev, 0.5, false));
    }
    // Calibration: F1 of the labelled dev files at a few span-probability cuts.
    for (name, dev) in devs.iter().filter(|(n, _)| n.starts_with("dev")) {
        let row: Vec<String> = [0.3f32, 0.4, 0.5, 0.6, 0.7]
            .iter()
            .map(|&t| {
                let s = train::evaluate(&tagger, dev, t);
                format!("{t:.1}: {:.3}/{:.3}", s.person.f1(), s.address.f1())
            })
            .collect();
        println!(
            "    {name:<14} F1 PERSON/ADDRESS by cut  {}",
            row.join("  ")
        );
    }
    if args.show_errors > 0 {
        if let Some((_, dev)) = devs.iter().find(|(n, _)| *n == args.errors_on) {
            show_errors(&tagger, dev, args.show_errors);
        }
    }
    let bytes = tagger.to_bytes();
    Tagger::from_bytes(&bytes).context("the trained model does not read back")?;
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    // Cost per line: dev texts as they are, and short chat lines (mostly negatives).
    for (name, dev) in &devs {
        let lines: Vec<Vec<char>> = dev.iter().map(|e| e.text.chars().collect()).collect();
        println!(
            "    {name:<14} {:.2} µs/line (tag only, one core)",
            micros_per_line(&tagger, &lines)
        );
    }
    if let Some((_, dev)) = devs.iter().find(|(n, _)| n == "dev") {
        let quiet: Vec<Vec<char>> = dev
            .iter()
            .filter(|e| e.spans.is_empty())
            .map(|e| e.text.chars().collect())
            .collect();
        println!(
            "    dev, {} lines without name/address: {:.2} µs/line",
            quiet.len(),
            micros_per_line(&tagger, &quiet)
        );
    }
    let chat: Vec<Vec<char>> = train::synthetic(args.seed ^ 0xC4A7, 5000)
        .iter()
        .map(|e| e.text.chars().collect())
        .collect();
    println!(
        "    synthetic      {:.2} µs/line (tag only, one core)",
        micros_per_line(&tagger, &chat)
    );
    Ok(())
}
