//! The policy-as-code model of Custos.
//!
//! A privacy officer writes one file that says, for each data category, purpose
//! and audience, what happens to personal information; this crate loads it,
//! lints it and answers "what operator applies here, and by which rule?".
//! Applying the operator is `custos-anonymize`'s job.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod operator;

pub use operator::{GeneralizeLevel, Operator};
