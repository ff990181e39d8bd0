//! `custos policy`: print, lint and explain the policy-as-code file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use custos_policy::{Policy, Query, DEFAULT_POLICY};

/// Print, check or explain the policy.
#[derive(clap::Args, Debug)]
pub(crate) struct PolicyArgs {
    #[command(subcommand)]
    pub(crate) command: PolicyCommand,
}

#[derive(clap::Subcommand, Debug)]
pub(crate) enum PolicyCommand {
    /// Print the shipped default policy, to copy and edit: `custos policy show > policy.toml`.
    Show,
    /// Check a policy file; prints FILE:LINE:COLUMN: error|warning: ... per problem.
    /// Exits 1 when there are errors.
    Lint {
        /// The policy file (TOML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the operator that applies to a category, purpose and audience, the rule
    /// that decided and why every other rule lost or did not match.
    Explain(ExplainArgs),
}

#[derive(clap::Args, Debug)]
pub(crate) struct ExplainArgs {
    /// Data category, e.g. user.contact.phone.
    #[arg(long)]
    category: String,
    /// Purpose, e.g. live_chat_display.
    #[arg(long)]
    purpose: String,
    /// Audience, e.g. public_chat.
    #[arg(long)]
    audience: String,
    /// The data subject's region, e.g. CN or EU.
    #[arg(long)]
    region: Option<String>,
    /// Policy file to use instead of the shipped default.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

pub(crate) fn run(args: &PolicyArgs) -> Result<ExitCode> {
    match &args.command {
        PolicyCommand::Show => {
            print!("{DEFAULT_POLICY}");
            Ok(ExitCode::SUCCESS)
        }
        PolicyCommand::Lint { file } => lint(file),
        PolicyCommand::Explain(args) => explain(args),
    }
}

fn read(file: &Path) -> Result<String> {
    std::fs::read_to_string(file)
        .with_context(|| format!("cannot read policy file {}", file.display()))
}

fn lint(file: &Path) -> Result<ExitCode> {
    let source = read(file)?;
    let report = custos_policy::lint(&source);
    print!("{}", report.render(&file.display().to_string()));
    eprintln!(
        "custos: {}: {} error(s), {} warning(s)",
        file.display(),
        report.error_count(),
        report.warning_count()
    );
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Loads `--policy FILE` or the default; a file with errors is refused with its lint output.
pub(crate) fn load(file: Option<&Path>) -> Result<Policy> {
    let Some(file) = file else {
        return Ok(Policy::default_policy());
    };
    let source = read(file)?;
    Policy::from_toml_str(&source).map_err(|err| {
        let listing = err.report().render(&file.display().to_string());
        anyhow::anyhow!("{}: {err}\n{}", file.display(), listing.trim_end())
    })
}

fn explain(args: &ExplainArgs) -> Result<ExitCode> {
    let policy = load(args.policy.as_deref())?;
    let decision = policy.decide(&Query {
        category: &args.category,
        purpose: &args.purpose,
        audience: &args.audience,
        region: args.region.as_deref(),
    });
    println!(
        "query: category {}, purpose {}, audience {}, region {}",
        args.category,
        args.purpose,
        args.audience,
        args.region.as_deref().unwrap_or("(any)")
    );
    print!("{decision}");
    Ok(ExitCode::SUCCESS)
}
