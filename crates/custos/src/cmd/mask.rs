//! `custos mask`: detection plus the policy's operators, for chat text and for
//! structured records (JSON Lines or CSV).

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use custos_anonymize::{Anonymizer, AppliedSpan, KeyRing, Masker, View};
use custos_detect::{Detector, Scratch};
use serde::Serialize;

use crate::cmd::detect::{for_each_line, InputArgs, InputFormat, Outcome};
use crate::jsonl::{self, LineReader, RawLine};

/// The environment variable holding the tenant key (64 hex digits or base64 of 32 bytes).
const KEY_ENV: &str = "CUSTOS_KEY";
/// The environment variable naming that key (default `default`).
const KEY_NAME_ENV: &str = "CUSTOS_KEY_NAME";

/// What kind of records `--records` reads.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RecordFormat {
    /// One JSON object per line; fields are named by dotted path (`order.receiver.phone`).
    Jsonl,
    /// CSV with a header row; fields are named by column.
    Csv,
}

/// Mask personal information by policy.
#[derive(clap::Args, Debug)]
pub(crate) struct MaskArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// The policy file (TOML); the shipped default when left out (`custos policy show`).
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: Option<PathBuf>,
    /// Why the output is made (a purpose declared in the policy).
    #[arg(long, default_value = View::PUBLIC_CHAT.purpose)]
    pub(crate) purpose: String,
    /// Who will see the output (an audience declared in the policy).
    #[arg(long, default_value = View::PUBLIC_CHAT.audience)]
    pub(crate) audience: String,
    /// The data subject's region (e.g. CN, EU), for region-specific rules.
    #[arg(long)]
    pub(crate) region: Option<String>,
    /// Read structured records instead of chat lines: whole JSON objects per line,
    /// or CSV with a header row.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "jsonl")]
    pub(crate) records: Option<RecordFormat>,
    /// File holding the tenant key for tokenize/pseudonymize (64 hex digits or
    /// base64 of 32 bytes); else the CUSTOS_KEY environment variable.
    #[arg(long, value_name = "FILE")]
    pub(crate) key_file: Option<PathBuf>,
    /// Mask findings scoring at least this (0 to 1).
    #[arg(long, default_value_t = custos_detect::DEFAULT_MIN_SCORE, value_parser = crate::score_in_unit_range)]
    pub(crate) min_score: f32,
}

#[derive(Serialize)]
struct MaskedLine<'a> {
    id: &'a str,
    text: &'a str,
    entities: &'a [AppliedSpan],
}

/// The tenant key from a key file or the `CUSTOS_KEY` environment variable, if any,
/// named by `CUSTOS_KEY_NAME` (default `default`). Shared by mask, serve and worker.
pub(crate) fn tenant_keys(key_file: Option<&std::path::Path>) -> Result<Option<KeyRing>> {
    let name = std::env::var(KEY_NAME_ENV).unwrap_or_else(|_| "default".to_owned());
    let text = match key_file {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read key file {}", path.display()))?,
        None => match std::env::var(KEY_ENV) {
            Ok(text) => text,
            Err(_) => return Ok(None),
        },
    };
    // never echo the key text in an error
    KeyRing::from_text(&name, text.trim())
        .map(Some)
        .map_err(|e| anyhow::anyhow!("cannot use the tenant key {name:?}: {e}"))
}

/// This year, for age bands; the library itself never reads the clock.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // mean Gregorian year of 365.2425 days
    1970 + i32::try_from(secs / 31_556_952).unwrap_or(0)
}

/// Writes one output line per input line; returns how many were rejected.
pub(crate) fn run(args: &MaskArgs) -> Result<usize> {
    // a broken policy is refused before anything is read
    let policy = crate::cmd::policy::load(args.policy.as_deref())?;
    let detector = Detector::builder()
        .min_score(args.min_score)
        .build()
        .context("cannot set up the detector")?;
    let keys = tenant_keys(args.key_file.as_deref())?;
    let mut anonymizer = Anonymizer::new().with_reference_year(this_year());
    if let Some(keys) = &keys {
        anonymizer = anonymizer.with_keys(keys);
    }
    let view = View {
        purpose: &args.purpose,
        audience: &args.audience,
        region: args.region.as_deref(),
    };
    let masker = Masker::new(&detector, &policy, anonymizer, view).map_err(|e| {
        anyhow::anyhow!(
            "cannot apply the policy for purpose {:?} and audience {:?}: {e} \
             (tokenize and pseudonymize need a key: --key-file or {KEY_ENV})",
            args.purpose,
            args.audience
        )
    })?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let rejected = match args.records {
        None => mask_lines(args, &detector, &masker, &mut out)?,
        Some(RecordFormat::Jsonl) => mask_json_records(args, &masker, &mut out)?,
        Some(RecordFormat::Csv) => mask_csv(args, &masker, &mut out)?,
    };
    out.flush()?;
    Ok(rejected)
}

fn mask_lines(
    args: &MaskArgs,
    detector: &Detector,
    masker: &Masker<'_>,
    out: &mut impl Write,
) -> Result<usize> {
    let mut findings = Vec::new();
    // lines that were read but could not be masked count as rejected too
    let mut unmasked = 0;
    let rejected = for_each_line(
        &args.input,
        detector,
        &mut findings,
        |number, outcome, findings| {
            match outcome {
                Outcome::Detected { id, text } => match masker.mask_findings(text, findings) {
                    Ok(masked) => serde_json::to_writer(
                        &mut *out,
                        &MaskedLine {
                            id,
                            text: &masked.text,
                            entities: &masked.spans,
                        },
                    )?,
                    // fail closed: a line that cannot be masked is not let through
                    Err(e) => {
                        unmasked += 1;
                        jsonl::write_error_line(
                            &mut *out,
                            number,
                            &format!("cannot mask this line: {e}"),
                        )?;
                    }
                },
                Outcome::Rejected(reason) => jsonl::write_error_line(&mut *out, number, &reason)?,
            }
            out.write_all(b"\n")?;
            Ok(())
        },
    )?;
    Ok(rejected + unmasked)
}

fn mask_json_records(args: &MaskArgs, masker: &Masker<'_>, out: &mut impl Write) -> Result<usize> {
    if args.input.format != InputFormat::Jsonl {
        bail!("--records reads JSON objects or CSV; --format text does not apply");
    }
    let mut reader = LineReader::new(args.input.open()?, args.input.max_line_bytes);
    let mut buf = Vec::with_capacity(4096);
    let mut scratch = Scratch::default();
    let mut rejected = 0;
    while let Some((number, raw)) = reader.next_line(&mut buf).context("cannot read input")? {
        let masked = match raw {
            RawLine::TooLong { bytes } => Err(jsonl::too_long(bytes, args.input.max_line_bytes)),
            RawLine::Complete => jsonl::utf8(&buf)
                .and_then(|line| {
                    serde_json::from_str::<serde_json::Value>(line)
                        .map_err(|e| format!("line is not valid JSON: {e}"))
                })
                .and_then(|value| {
                    if value.is_object() {
                        Ok(value)
                    } else {
                        Err("line is JSON but not an object; --records expects one record object per line".to_owned())
                    }
                })
                .and_then(|value| {
                    masker
                        .mask_record(value, &mut scratch)
                        .map_err(|e| format!("cannot mask this record: {e}"))
                }),
        };
        match masked {
            Ok(record) => serde_json::to_writer(&mut *out, &record)?,
            Err(reason) => {
                rejected += 1;
                jsonl::write_error_line(&mut *out, number, &reason)?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(rejected)
}

/// CSV: the header row names the fields; a column the policy drops is left out of
/// the output; a row that cannot be read or masked is reported on standard error
/// with its line number and left out, and counts as rejected.
fn mask_csv(args: &MaskArgs, masker: &Masker<'_>, out: &mut impl Write) -> Result<usize> {
    if args.input.format != InputFormat::Jsonl {
        bail!("--records reads JSON objects or CSV; --format text does not apply");
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(args.input.open()?);
    let headers = reader
        .headers()
        .context("cannot read the CSV header row")?
        .clone();
    // the policy decides per column, so the columns it drops are known up front
    let columns: Vec<usize> = (0..headers.len())
        .filter(|&i| headers.get(i).is_some_and(|h| !masker.drops_field(h)))
        .collect();
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(columns.iter().filter_map(|&i| headers.get(i)))?;
    let mut scratch = Scratch::default();
    let mut rejected = 0;
    for (index, row) in reader.records().enumerate() {
        let line = index + 2;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                rejected += 1;
                eprintln!("custos: line {line}: cannot read this CSV row: {e}");
                continue;
            }
        };
        if row.as_slice().len() as u64 > args.input.max_line_bytes {
            rejected += 1;
            eprintln!(
                "custos: line {line}: row is over the limit of {} bytes (raise it with --max-line-bytes)",
                args.input.max_line_bytes
            );
            continue;
        }
        let object: serde_json::Map<String, serde_json::Value> = headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| (h.to_owned(), serde_json::Value::String(v.to_owned())))
            .collect();
        let masked = match masker.mask_record(serde_json::Value::Object(object), &mut scratch) {
            Ok(masked) => masked,
            Err(e) => {
                rejected += 1;
                eprintln!("custos: line {line}: cannot mask this row: {e}");
                continue;
            }
        };
        let fields = masked.record;
        writer.write_record(columns.iter().map(|&i| {
            match headers.get(i).and_then(|h| fields.get(h)) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            }
        }))?;
    }
    writer.flush()?;
    Ok(rejected)
}
