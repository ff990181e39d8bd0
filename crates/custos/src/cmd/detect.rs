//! `custos detect`: JSON Lines (or plain lines) in, findings out, one line per line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use custos_detect::{Detector, Finding, Scratch};
use serde::Serialize;

use crate::jsonl::{self, LineReader, RawLine};

/// How input lines are read.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum InputFormat {
    /// One JSON object per line with string fields "id" and "text".
    #[default]
    Jsonl,
    /// One plain text per line; its id is its 1-based line number.
    Text,
}

/// Where and how `custos detect` reads its input lines.
#[derive(clap::Args, Debug)]
pub(crate) struct InputArgs {
    /// Read from FILE instead of standard input.
    #[arg(long, value_name = "FILE")]
    pub(crate) input: Option<PathBuf>,
    /// How each input line is written (the output is always JSON Lines).
    #[arg(long, value_enum, default_value_t = InputFormat::Jsonl)]
    pub(crate) format: InputFormat,
    /// Refuse input lines longer than this many bytes (reported in their place).
    #[arg(
        long,
        value_name = "BYTES",
        default_value_t = jsonl::DEFAULT_MAX_LINE_BYTES,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub(crate) max_line_bytes: u64,
}

impl InputArgs {
    pub(crate) fn open(&self) -> Result<Box<dyn BufRead>> {
        Ok(match &self.input {
            Some(path) => Box::new(BufReader::with_capacity(
                1 << 16,
                File::open(path)
                    .with_context(|| format!("cannot open input {}", path.display()))?,
            )),
            None => Box::new(io::stdin().lock()),
        })
    }
}

/// Detect personal information in each input line.
#[derive(clap::Args, Debug)]
pub(crate) struct DetectArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Report findings scoring at least this (0 to 1).
    #[arg(long, default_value_t = custos_detect::DEFAULT_MIN_SCORE, value_parser = crate::score_in_unit_range)]
    pub(crate) min_score: f32,
}

#[derive(Serialize)]
struct OutputLine<'a> {
    id: &'a str,
    entities: &'a [Finding],
}

/// What one input line turned into.
pub(crate) enum Outcome<'a> {
    /// The line was read; here are its id and text (the findings come beside it).
    Detected { id: &'a str, text: &'a str },
    /// The line was refused, for this reason.
    Rejected(String),
}

/// Reads every line of `input` and calls `each` with its number and outcome, after
/// running detection into `findings`. Returns how many lines were rejected.
pub(crate) fn for_each_line(
    input: &InputArgs,
    detector: &Detector,
    findings: &mut Vec<Finding>,
    mut each: impl FnMut(usize, Outcome<'_>, &[Finding]) -> Result<()>,
) -> Result<usize> {
    let mut reader = LineReader::new(input.open()?, input.max_line_bytes);
    let mut buf = Vec::with_capacity(4096);
    let mut scratch = Scratch::default();
    let mut rejected = 0;
    let mut number_text = String::new();
    while let Some((number, raw)) = reader.next_line(&mut buf).context("cannot read input")? {
        let parsed = match raw {
            RawLine::TooLong { bytes } => Err(jsonl::too_long(bytes, input.max_line_bytes)),
            RawLine::Complete => match input.format {
                InputFormat::Jsonl => jsonl::parse_record(&buf).map(|r| (r.id, r.text)),
                InputFormat::Text => jsonl::utf8(&buf).map(|text| {
                    number_text.clear();
                    number_text.push_str(&number.to_string());
                    (number_text.as_str().into(), text.into())
                }),
            },
        };
        match parsed {
            Ok((id, text)) => {
                detector.detect_into(&text, &mut scratch, findings);
                each(
                    number,
                    Outcome::Detected {
                        id: &id,
                        text: &text,
                    },
                    findings,
                )?;
            }
            Err(reason) => {
                rejected += 1;
                findings.clear();
                each(number, Outcome::Rejected(reason), findings)?;
            }
        }
    }
    Ok(rejected)
}

/// Writes one output line per input line; returns how many were rejected.
pub(crate) fn run(args: &DetectArgs) -> Result<usize> {
    let detector = Detector::builder()
        .min_score(args.min_score)
        .build()
        .context("cannot set up the detector")?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut findings = Vec::new();
    let rejected = for_each_line(
        &args.input,
        &detector,
        &mut findings,
        |number, outcome, findings| {
            match outcome {
                Outcome::Detected { id, .. } => serde_json::to_writer(
                    &mut out,
                    &OutputLine {
                        id,
                        entities: findings,
                    },
                )?,
                Outcome::Rejected(reason) => jsonl::write_error_line(&mut out, number, &reason)?,
            }
            out.write_all(b"\n")?;
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(rejected)
}
