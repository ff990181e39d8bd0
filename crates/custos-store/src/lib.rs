//! Storage of Custos.
//!
//! The embedded default keeps everything in SQLite under a data folder; at
//! scale the same interfaces run on PostgreSQL. This crate owns the connection,
//! the schema migrations and the API keys; the vault, consent ledger and audit
//! log add their tables here as they come.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod auth;

pub use auth::{AuthError, Authenticator, Principal, Role};
