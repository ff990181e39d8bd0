//! Why a policy could not be loaded.

use crate::lint::Report;

/// A policy file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file has errors; the report lists every problem with its line.
    #[error("{summary}; run `custos policy lint FILE` for every problem")]
    Invalid {
        /// The first error, as `line:column: error: message`, and the count.
        summary: String,
        /// Every diagnostic, warnings included.
        report: Report,
    },
}

impl LoadError {
    pub(crate) fn invalid(report: Report) -> LoadError {
        let first = report
            .diagnostics()
            .iter()
            .find(|d| d.severity == crate::Severity::Error)
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .unwrap_or_default();
        let count = report.error_count();
        let summary = if count == 1 {
            format!("the policy has an error at {first}")
        } else {
            format!("the policy has {count} errors, the first at {first}")
        };
        LoadError::Invalid { summary, report }
    }

    /// The lint report of the refused file.
    pub fn report(&self) -> &Report {
        match self {
            LoadError::Invalid { report, .. } => report,
        }
    }
}
