//! Who may call what: API keys carry one role each.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What an API key may do. Roles are ordered: each includes the ones before it
/// only where the server's route table says so (an `admin` may do everything).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Sends traffic in: detect, mask, stream messages.
    Ingest,
    /// Reads pseudonymized and generalized views for analytics.
    Analyst,
    /// The data protection officer: policy, explanations, reports, subject requests.
    Dpo,
    /// Everything, including key management.
    Admin,
}

impl Role {
    /// Every role, in order.
    pub const ALL: [Role; 4] = [Role::Ingest, Role::Analyst, Role::Dpo, Role::Admin];

    /// The role's name as written on the command line and in the store.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Ingest => "ingest",
            Role::Analyst => "analyst",
            Role::Dpo => "dpo",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a role name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}; expected one of ingest, analyst, dpo, admin")]
pub struct UnknownRole(String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// The caller behind a valid API key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The key's public id (safe to log; never the secret).
    pub key_id: String,
    /// What the key may do.
    pub role: Role,
}

/// Why a presented key was not accepted. The messages never repeat the key.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// No key, or one not in the expected form.
    #[error("missing or malformed API key; send `Authorization: Bearer <key>`")]
    Malformed,
    /// The key is unknown or its secret does not match.
    #[error("invalid API key")]
    Invalid,
    /// The key was revoked.
    #[error("the API key was revoked")]
    Revoked,
    /// The key store could not be read.
    #[error("the key store is unavailable: {0}")]
    Unavailable(String),
}

/// Checks presented API keys. Implementations cache successful checks, since a
/// password hash is deliberately slow and a server checks a key per request.
pub trait Authenticator: Send + Sync + 'static {
    /// The principal behind `presented` (the whole key as the client sent it).
    fn authenticate(&self, presented: &str) -> Result<Principal, AuthError>;
}
