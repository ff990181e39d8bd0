//! The policy-as-code model of Custos: one file says, for each data category,
//! purpose and audience, what happens to personal information.
//!
//! A privacy officer writes the file; this crate loads it ([`Policy::from_toml_str`]),
//! lints it ([`lint`] → [`Report`] of [`Diagnostic`]s with line and column) and
//! answers "which [`Operator`] applies here, by which rule, and why?"
//! ([`Policy::decide`] → [`Decision`]). Applying the operator is
//! `custos-anonymize`'s job. The crate does no I/O and touches no keys; the
//! shipped default policy is compiled in ([`Policy::default_policy`]).
//!
//! # Why TOML
//!
//! The file is TOML rather than YAML: it has comments (a policy must explain
//! itself to an auditor), no implicit typing surprises (YAML reads `NO` as
//! false, `1e3` as a number and `09:30` as a sexagesimal integer; a region code
//! or a retention must stay what it was written as), no indentation-sensitive
//! structure, and the `toml` crate gives byte spans for every key and value,
//! so every lint message carries a line and column.
//!
//! # The file
//!
//! ```toml
//! version = 1
//! [regions.CN]                       # subject regions, their law and storage
//! law = "PIPL"
//! storage = "cn-east"
//! [categories."user.contact.phone"]  # a dotted taxonomy
//! entities = ["PHONE_NUMBER"]        # detected entity types in it
//! fields = ["order.receiver.phone", "*.mobile"]  # record fields (`*` = one segment)
//! sensitive = false                  # PIPL Art. 28 sensitive personal information
//! retention = "180d"                 # d, w or y
//! storage_region = "subject"         # or a declared region
//! [purposes.live_chat_display]
//! consent = "none"                   # none | required | separate
//! legal_basis = "contract"
//! audiences = ["public_chat"]        # the audiences it serves (all when left out)
//! [audiences.public_chat]
//! description = "everyone in the live room"
//! [[rules]]
//! id = "chat-contact"
//! categories = ["user.contact.*"]    # names, prefixes `a.b.*`, or "*"
//! purposes = ["live_chat_display"]   # left out or ["*"]: any
//! audiences = ["public_chat"]
//! regions = ["CN"]                   # optional: subject regions
//! operator = "replace"               # or { op = "mask", keep_last = 4 }
//! [[transfers]]
//! id = "cn-eu-support"
//! from = "CN"
//! to = "EU"
//! categories = ["user.contact.*"]
//! legal_basis = "pipl_standard_contract"
//! consent = "separate"
//! ```
//!
//! # Precedence
//!
//! Among the rules that match a query, the **most specific** wins. Specificity
//! is compared per dimension: for the category an exact name beats a prefix,
//! a longer prefix (`user.contact.*`) beats a shorter one (`user.*`), and any
//! prefix beats `*`; for purpose, audience and region an explicit list beats a
//! wildcard (left out or `"*"`). Rule A is more specific than rule B when it is
//! at least as specific in every dimension and more specific in one. No
//! dimension outranks another: when neither of two matching rules is more
//! specific and their operators differ, that is a **contradiction** — the linter
//! reports it as an error, and at run time the stronger operator (by
//! [`Operator::strength`]) wins. Equal rules with the same operator are a tie
//! that names the first in the file.
//!
//! **Fail-safe default:** an unknown category, purpose, audience or region, a
//! purpose that does not serve the audience, or no matching rule gives
//! [`Operator::STRONGEST`] (`drop`), never a pass-through.
//!
//! # Example
//!
//! ```
//! use custos_policy::{Policy, Query};
//!
//! let policy = Policy::default_policy();
//! let decision = policy.decide(&Query {
//!     category: "user.contact.phone",
//!     purpose: "live_chat_display",
//!     audience: "public_chat",
//!     region: Some("CN"),
//! });
//! assert_ne!(decision.operator.name(), "keep");
//! println!("{decision}"); // the operator, the rule, and every rule considered
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod lint;
mod model;
mod operator;
mod raw;

pub use error::LoadError;
pub use lint::{lint, Diagnostic, Report, Severity};
pub use model::{
    Audience, Basis, Category, CategoryPattern, Consent, Considered, Decision, Dimension, FailSafe,
    Law, LegalBasis, Policy, Purpose, Query, Region, Retention, Rule, RuleId, Selector,
    StorageRegion, Transfer, TransferBasis, Verdict,
};
pub use operator::{GeneralizeLevel, Operator};

/// The shipped default policy for a live-commerce platform, as text.
pub const DEFAULT_POLICY: &str = include_str!("../policy/default.toml");

impl Policy {
    /// Loads a policy from TOML text. Refuses a file with lint errors; warnings
    /// are allowed (run [`lint`] to see them).
    pub fn from_toml_str(source: &str) -> Result<Policy, LoadError> {
        match lint::load(source) {
            (Some(policy), report) if !report.has_errors() => Ok(policy),
            (_, report) => Err(LoadError::invalid(report)),
        }
    }

    /// The shipped default policy ([`DEFAULT_POLICY`]); it passes lint, which a
    /// test checks.
    pub fn default_policy() -> Policy {
        match Policy::from_toml_str(DEFAULT_POLICY) {
            Ok(policy) => policy,
            Err(err) => unreachable!("the shipped default policy is lint-clean: {err}"),
        }
    }
}
