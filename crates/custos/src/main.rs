//! The `custos` command line: flags in, library calls, exit codes out.
//!
//! Exit status: 0 when everything went through; 1 when the run finished but some
//! input lines were rejected (each reported in its place); 2 when the command
//! could not run at all (bad flags, unreadable files, a broken build).

use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

mod cmd;
mod jsonl;
mod train;

/// Custos protects the personal data flowing through live-commerce platforms.
#[derive(Parser, Debug)]
#[command(name = "custos", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Detect personal information in JSON Lines (or plain lines) of text.
    ///
    /// Reads {"id": ..., "text": ...} per line from standard input or --input and
    /// writes {"id": ..., "entities": [{"type", "start", "end", "score",
    /// "explanation"}]} per line, in input order; offsets are Unicode code points of
    /// the original text, end exclusive. A line that cannot be read yields
    /// {"line": N, "error": "..."} in its place and the exit status is 1 at the end.
    Detect(cmd::detect::DetectArgs),
    /// Mask personal information by policy in JSON Lines of text, or in records.
    ///
    /// Text: reads what `detect` reads and writes {"id", "text": <masked text>,
    /// "entities": [{"type", "start", "end", "original_start", "original_end",
    /// "operator", "rule"}]} per line (offsets in the masked text, code points).
    /// Records (--records [jsonl|csv]): fields named by path or column get their
    /// category's operator, free-text fields go through detection.
    Mask(cmd::mask::MaskArgs),
    /// Print precision, recall and F1 per entity type against labelled JSON Lines.
    Eval(cmd::eval::EvalArgs),
    /// Measure detection throughput on one core (build with --release).
    Bench(cmd::bench::BenchArgs),
    /// Print, lint or explain the policy-as-code file (categories, purposes, rules).
    Policy(cmd::policy::PolicyArgs),
    /// Manage the API keys of `custos serve`: create (printed once), list, revoke.
    Keys(cmd::keys::KeysArgs),
    /// Serve the HTTP API: detect, mask, records, live-room streams, policy, metrics.
    ///
    /// Needs an API key store with at least one key (`custos keys create --role
    /// admin`), or --insecure-no-auth for a local demo.
    Serve(cmd::serve::ServeArgs),
    /// Mask live-room messages from NATS JetStream: custos.raw.<room>.<kind> in,
    /// custos.clean.<room>.<kind> out, dead letters on custos.dead.<room>.<kind>.
    ///
    /// Workers with the same --durable share the work; at-least-once, a raw
    /// message is acknowledged only after its clean message is stored.
    Worker(cmd::worker::WorkerArgs),
    /// Train the name and address model from labelled corpora and synthetic data.
    TrainNer(train::TrainArgs),
}

/// Parses a score threshold, refusing values outside [0, 1] instead of clamping them.
fn score_in_unit_range(value: &str) -> Result<f32, String> {
    let score: f32 = value
        .parse()
        .map_err(|_| format!("{value:?} is not a number"))?;
    if (0.0..=1.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("{value} is outside 0 to 1"))
    }
}

/// Exit status 1, with a word on standard error, when input lines were rejected.
fn rejected_status(rejected: usize) -> ExitCode {
    if rejected == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!("custos: {rejected} input line(s) rejected; see the error lines in the output");
    ExitCode::from(1)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Detect(args) => return Ok(rejected_status(cmd::detect::run(&args)?)),
        Command::Mask(args) => return Ok(rejected_status(cmd::mask::run(&args)?)),
        Command::Eval(args) => {
            cmd::eval::run(&args)?;
        }
        Command::Bench(args) => cmd::bench::run(&args)?,
        Command::Serve(args) => cmd::serve::run(&args)?,
        Command::Worker(args) => cmd::worker::run(&args)?,
        Command::TrainNer(args) => train::run(&args)?,
        Command::Keys(args) => cmd::keys::run(&args)?,
        Command::Policy(args) => return cmd::policy::run(&args),
    }
    Ok(ExitCode::SUCCESS)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("custos: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
