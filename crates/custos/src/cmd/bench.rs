//! `custos bench`: lines per second on one core, for the whole detection
//! pipeline and for its parts, each against a baseline measured in the same run.
//!
//! The baseline is the cheapest thing any detector must do: walk every character
//! of every line. Each stage is timed over the same lines, several times; the
//! median run is reported, with its ratio to the baseline's median, so that the
//! figures compare across machines and noisy neighbours. Criterion benches in
//! `crates/custos-detect/benches/` measure the same stages per line.
//!
//! Masking is measured beside detection in the same run: the same lines through
//! detection plus the default policy's public-chat operators, and a 12-field order
//! record through the analyst view (pseudonyms and generalization, the costliest
//! view of the shipped policy).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use custos_anonymize::{Anonymizer, KeyRing, Masker, View};
use custos_detect::{Detector, Scratch};
use custos_policy::Policy;
use custos_text::{Normalized, Normalizer};
use serde::Serialize;

/// Measure detection throughput on one core.
#[derive(clap::Args, Debug)]
pub(crate) struct BenchArgs {
    /// JSON Lines with a "text" field; the lines are cycled through.
    #[arg(long, value_name = "FILE", default_value = "eval/samples/chat.jsonl")]
    pub(crate) input: PathBuf,
    /// Lines processed per timed run.
    #[arg(long, default_value_t = 200_000)]
    pub(crate) lines: usize,
    /// Timed runs per stage; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub(crate) runs: usize,
    /// Print the results as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Serialize)]
struct StageResult {
    stage: &'static str,
    lines_per_second: f64,
    micros_per_line: f64,
    cost_vs_baseline: f64,
}

#[derive(Serialize)]
struct Report {
    input: String,
    distinct_lines: usize,
    mean_chars_per_line: f64,
    lines_per_run: usize,
    runs: usize,
    stages: Vec<StageResult>,
    mask_overhead_vs_detection: f64,
    order_records_per_second: f64,
    peak_rss_mib: Option<f64>,
}

/// The record of the record benchmark: an order as a shop system sends it, 12
/// leaf fields, some categorized by path and some free text.
const ORDER_RECORD: &str = r#"{"order":{"id":"ORD-2025-0611-88231","created":"2025-06-11T20:15:03+08:00","receiver":{"name":"王晓明","phone":"13812345678","address":"广东省深圳市南山区科技园南路18号A栋1203室"},"items":[{"sku":"LIP-RED-03","qty":2}],"total":199.5},"buyer":{"email":"xiaoming.wang@example.com","ip":"121.35.207.18"},"note":"周末送，到了打我电话13912345678，或者加V信 wxm_8899","event":{"likes":12873}}"#;

/// A fixed throwaway key: the benchmark measures cost, it protects nothing.
const BENCH_KEY_HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time_stage(
    texts: &[String],
    lines: usize,
    runs: usize,
    mut stage: impl FnMut(&str),
) -> Duration {
    // One untimed pass warms caches and scratch buffers.
    for text in texts {
        stage(text);
    }
    let timed = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for text in texts.iter().cycle().take(lines) {
                stage(text);
            }
            start.elapsed()
        })
        .collect();
    median(timed)
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn read_texts(path: &PathBuf) -> Result<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Line {
        text: String,
    }
    let content =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut texts = Vec::new();
    for (i, line) in content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let parsed: Line = serde_json::from_str(line)
            .with_context(|| format!("{} line {} has no \"text\"", path.display(), i + 1))?;
        texts.push(parsed.text);
    }
    if texts.is_empty() {
        bail!("{} holds no lines to measure", path.display());
    }
    Ok(texts)
}

pub(crate) fn run(args: &BenchArgs) -> Result<()> {
    if args.runs == 0 || args.lines == 0 {
        bail!("--runs and --lines must be at least 1");
    }
    let texts = read_texts(&args.input)?;
    let full = Detector::new().context("cannot set up the detector")?;
    let patterns = Detector::builder()
        .use_model(false)
        .build()
        .context("cannot set up the detector")?;
    let normalizer = Normalizer::new();

    let baseline = time_stage(&texts, args.lines, args.runs, |text| {
        black_box(text.chars().count());
    });
    let mut normalized = Normalized::default();
    let normalize = time_stage(&texts, args.lines, args.runs, |text| {
        normalizer.normalize_into(text, &mut normalized);
        black_box(normalized.len_chars());
    });
    let mut scratch = Scratch::default();
    let mut findings = Vec::new();
    let patterns_only = time_stage(&texts, args.lines, args.runs, |text| {
        patterns.detect_into(text, &mut scratch, &mut findings);
        black_box(findings.len());
    });
    let whole = time_stage(&texts, args.lines, args.runs, |text| {
        full.detect_into(text, &mut scratch, &mut findings);
        black_box(findings.len());
    });

    let policy = Policy::default_policy();
    let public_chat = Masker::new(&full, &policy, Anonymizer::new(), View::PUBLIC_CHAT)
        .context("cannot apply the default policy to public chat")?;
    let masked = time_stage(&texts, args.lines, args.runs, |text| {
        let out = public_chat.mask_text(text, &mut scratch);
        black_box(out.map(|m| m.text.len()).unwrap_or(0));
    });
    let keys = KeyRing::from_hex("bench", BENCH_KEY_HEX).context("bench key")?;
    let analyst = Masker::new(
        &full,
        &policy,
        Anonymizer::new().with_keys(&keys).with_reference_year(2026),
        View {
            purpose: "analytics",
            audience: "analyst",
            region: None,
        },
    )
    .context("cannot apply the default policy to the analyst view")?;
    let order: serde_json::Value = serde_json::from_str(ORDER_RECORD).context("bench record")?;
    let records = args.lines / 10;
    let record_runs: Vec<Duration> = (0..args.runs)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..records {
                let out = analyst.mask_record(order.clone(), &mut scratch);
                black_box(out.map(|m| m.fields.len()).unwrap_or(0));
            }
            start.elapsed()
        })
        .collect();
    let record_time = median(record_runs);

    let stage = |stage: &'static str, took: Duration| StageResult {
        stage,
        lines_per_second: args.lines as f64 / took.as_secs_f64(),
        micros_per_line: took.as_secs_f64() * 1e6 / args.lines as f64,
        cost_vs_baseline: took.as_secs_f64() / baseline.as_secs_f64(),
    };
    let report = Report {
        input: args.input.display().to_string(),
        distinct_lines: texts.len(),
        mean_chars_per_line: texts.iter().map(|t| t.chars().count()).sum::<usize>() as f64
            / texts.len() as f64,
        lines_per_run: args.lines,
        runs: args.runs,
        stages: vec![
            stage("baseline (walk chars)", baseline),
            stage("normalize", normalize),
            stage("patterns only", patterns_only),
            stage("whole pipeline", whole),
            stage("detect + mask (public chat)", masked),
        ],
        mask_overhead_vs_detection: masked.as_secs_f64() / whole.as_secs_f64() - 1.0,
        order_records_per_second: records.max(1) as f64 / record_time.as_secs_f64(),
        peak_rss_mib: peak_rss_mib(),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!(
        "{} distinct lines from {}, {:.1} chars on average; {} lines per run, median of {} runs, one thread",
        report.distinct_lines, report.input, report.mean_chars_per_line, report.lines_per_run, report.runs
    );
    println!(
        "{:<28} {:>14} {:>10} {:>14}",
        "stage", "lines/s", "µs/line", "× baseline"
    );
    for s in &report.stages {
        println!(
            "{:<28} {:>14.0} {:>10.3} {:>14.1}",
            s.stage, s.lines_per_second, s.micros_per_line, s.cost_vs_baseline
        );
    }
    println!(
        "masking adds {:.1}% to detection; order records (12 fields, analyst view): {:.0} per second",
        report.mask_overhead_vs_detection * 100.0,
        report.order_records_per_second
    );
    if let Some(mib) = report.peak_rss_mib {
        println!("peak resident memory: {mib:.1} MiB");
    }
    if cfg!(debug_assertions) {
        println!("note: this is a debug build; run with --release for meaningful figures");
    }
    Ok(())
}
