//! Storage of Custos: one database handle over the embedded SQLite default or
//! PostgreSQL, its schema migrations, and the API keys that guard the server.
//!
//! # Overview
//!
//! - [`Store`] opens a [`Location`] (a data folder holding `custos.db`, or a
//!   `postgres://` URL), applies the embedded migrations, and offers async
//!   operations; the same queries run on both engines (see [`store`]).
//! - [`Store::create_key`] makes a key `cus_<key_id>_<secret>` for a [`Role`]
//!   and returns its text once ([`CreatedKey`]); only an argon2id hash of the
//!   secret is stored. [`Store::list_keys`] gives [`KeyInfo`]s (never secrets or
//!   hashes), [`Store::revoke_key`] revokes.
//! - [`KeyAuthenticator`] implements the sync [`Authenticator`] trait the server
//!   codes against: parse, look up, verify, cache (see [`authenticator`]).
//!
//! This crate does I/O (files, network to PostgreSQL) and handles key secrets:
//! they live in zeroizing buffers, print as `[redacted]`, and appear in no error.
//!
//! # Example
//!
//! ```
//! use custos_store::{Authenticator, KeyAuthenticator, Location, Role, Store};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = std::env::temp_dir().join(format!("custos-store-doctest-{}", std::process::id()));
//! let store = Store::open_blocking(&Location::DataDir(dir.clone()))?;
//! let auth = KeyAuthenticator::new(store.clone());
//! let rt = tokio::runtime::Builder::new_current_thread().build()?;
//! let created = rt.block_on(store.create_key(Role::Ingest, "room 42 ingest"))?;
//! let principal = auth.authenticate(created.key.expose())?;
//! assert_eq!(principal.role, Role::Ingest);
//! rt.block_on(auth.revoke(&created.key_id))?;
//! assert!(auth.authenticate(created.key.expose()).is_err());
//! # std::fs::remove_dir_all(dir)?;
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod auth;
pub mod authenticator;
mod error;
mod keys;
pub mod store;

pub use auth::{AuthError, Authenticator, Principal, Role, UnknownRole};
pub use authenticator::KeyAuthenticator;
pub use error::{Error, Result};
pub use keys::{
    is_key_id, CreatedKey, KeyInfo, KeyText, Revocation, KEY_ID_LEN, KEY_PREFIX, MAX_LABEL_CHARS,
};
pub use store::{Backend, Location, Store, SQLITE_FILE_NAME};
