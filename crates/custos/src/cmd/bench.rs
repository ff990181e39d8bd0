//! `custos bench`: lines per second on one core, for the whole detection
//! pipeline and for its parts, each against a baseline measured in the same run.
//!
//! The baseline is the cheapest thing any detector must do: walk every character
//! of every line. Each stage is timed over the same lines, several times; the
//! median run is reported, with its ratio to the baseline's median, so that the
//! figures compare across machines and noisy neighbours. Criterion benches in
//! `crates/custos-detect/benches/` measure the same stages per line.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use custos_detect::{Detector, Scratch};
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
    peak_rss_mib: Option<f64>,
}

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
        ],
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
        "{:<24} {:>14} {:>10} {:>14}",
        "stage", "lines/s", "µs/line", "× baseline"
    );
    for s in &report.stages {
        println!(
            "{:<24} {:>14.0} {:>10.3} {:>14.1}",
            s.stage, s.lines_per_second, s.micros_per_line, s.cost_vs_baseline
        );
    }
    if let Some(mib) = report.peak_rss_mib {
        println!("peak resident memory: {mib:.1} MiB");
    }
    if cfg!(debug_assertions) {
        println!("note: this is a debug build; run with --release for meaningful figures");
    }
    Ok(())
}
