//! The one error type of the store.

use std::path::PathBuf;

use crate::Backend;

/// What went wrong in the store. Messages carry key ids, paths and database
/// hosts, never a key's secret, its hash or a database password.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // ---- bad input ----
    /// The database URL names a scheme this build cannot open.
    #[error(
        "unsupported database URL scheme {scheme:?}; use postgres://USER@HOST:PORT/DB, \
         sqlite://PATH, or leave the URL out for the embedded SQLite under the data folder"
    )]
    UnsupportedUrl {
        /// The scheme as given (text before `:`).
        scheme: String,
    },
    /// A path that is not valid UTF-8 cannot be handed to SQLite's URL form.
    #[error("the data folder path {0:?} is not valid UTF-8; choose a folder with a UTF-8 name")]
    NonUtf8Path(PathBuf),
    /// A key label that is too long or holds control characters.
    #[error("invalid key label: {0}")]
    InvalidLabel(&'static str),
    /// No key has this id.
    #[error("no API key with id {key_id:?}; `custos keys list` shows the ids")]
    UnknownKey {
        /// The id that was asked for.
        key_id: String,
    },

    // ---- storage ----
    /// The data folder could not be created or resolved.
    #[error("cannot use the data folder {path:?}: {source}; check the path and its permissions, or pass --data-dir")]
    DataDir {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The database could not be opened or reached.
    #[error("cannot open the {backend} database at {target}: {source}")]
    Connect {
        /// Which engine.
        backend: Backend,
        /// Where, without credentials.
        target: String,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// The schema could not be brought up to date.
    #[error("cannot apply the schema migrations to the {backend} database: {source}; if another Custos version wrote this database, use that version or a newer one")]
    Migrate {
        /// Which engine.
        backend: Backend,
        /// The migrator's error.
        source: sqlx::migrate::MigrateError,
    },
    /// A query failed.
    #[error("storage query failed ({what}): {source}")]
    Query {
        /// Which operation, e.g. `create key`.
        what: &'static str,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// A stored row does not have the shape this version writes.
    #[error(
        "the stored API key {key_id:?} is unreadable: {reason}; revoke it and create a new one"
    )]
    CorruptRow {
        /// The key's id.
        key_id: String,
        /// What is wrong with it.
        reason: String,
    },

    // ---- the platform ----
    /// The operating system's random number generator failed.
    #[error("the operating system's random number generator failed: {0}")]
    Random(String),
    /// Hashing a secret failed.
    #[error("hashing the key secret failed: {0}")]
    Hash(String),
    /// The store's background runtime could not be started or went away.
    #[error("the store's background runtime failed: {0}")]
    Runtime(String),
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
