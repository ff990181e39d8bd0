//! API keys: the text format, generation, hashing and the `api_keys` table.
//!
//! A key reads `cus_<key_id>_<secret>`:
//! - `key_id`: 10 characters, 48 random bits in lower-case base32 (`0-9a-v`);
//!   public, safe to log, the primary key of its row;
//! - `secret`: 52 characters, 32 bytes (256 bits) from the operating system's
//!   random generator in the same alphabet.
//!
//! Only an argon2id hash of the secret is stored (PHC string, the `argon2`
//! crate's default parameters: 19 MiB, 2 passes, 1 lane, a random 16-byte salt),
//! so a copy of the database does not give anyone a working key.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use data_encoding::BASE32_DNSSEC;
use sqlx::any::AnyRow;
use sqlx::Row;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::{spawn, Store};
use crate::Role;

/// The prefix of every key, so that scanners and people recognize one.
pub const KEY_PREFIX: &str = "cus_";
/// Random bytes in a key id.
const KEY_ID_BYTES: usize = 6;
/// Characters in a key id (`KEY_ID_BYTES` in base32).
pub const KEY_ID_LEN: usize = 10;
/// Random bytes in a secret.
const SECRET_BYTES: usize = 32;
/// Characters in a secret (`SECRET_BYTES` in base32, unpadded).
const SECRET_LEN: usize = 52;
/// The longest label accepted, in characters.
pub const MAX_LABEL_CHARS: usize = 200;

/// A new key's full text, to be shown once. Zeroized on drop; `Debug` and
/// `Display` print `[redacted]`, so reach for [`KeyText::expose`] on purpose.
pub struct KeyText(Zeroizing<String>);

impl KeyText {
    /// The key as the client must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for KeyText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyText([redacted])")
    }
}

impl fmt::Display for KeyText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// What [`Store::create_key`] returns: the public id and the one-time key text.
#[derive(Debug)]
pub struct CreatedKey {
    /// The key's public id.
    pub key_id: String,
    /// The whole key; the store keeps only a hash of its secret.
    pub key: KeyText,
}

/// A key as listed: everything but the secret and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    /// The public id.
    pub key_id: String,
    /// What the key may do.
    pub role: Role,
    /// The free-text label given at creation (may be empty).
    pub label: String,
    /// When it was created.
    pub created_at: SystemTime,
    /// When a request last authenticated with it (updated once per cache miss,
    /// so at most about once a cache TTL per process).
    pub last_used_at: Option<SystemTime>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<SystemTime>,
}

impl KeyInfo {
    /// Whether the key was revoked.
    pub fn revoked(&self) -> bool {
        self.revoked_at.is_some()
    }
}

/// What [`Store::revoke_key`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revocation {
    /// The key was active and is revoked now.
    Revoked,
    /// The key had been revoked before; nothing changed.
    AlreadyRevoked,
}

/// A key as presented, split into its parts. The secret is zeroized on drop.
pub(crate) struct Presented<'a> {
    pub(crate) key_id: &'a str,
    pub(crate) secret: &'a str,
}

/// Splits `cus_<key_id>_<secret>`; `None` for anything else.
pub(crate) fn parse(presented: &str) -> Option<Presented<'_>> {
    let rest = presented.strip_prefix(KEY_PREFIX)?;
    let (key_id, secret) = rest.split_once('_')?;
    let ok = |part: &str, len: usize| {
        part.len() == len && part.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'v'))
    };
    (ok(key_id, KEY_ID_LEN) && ok(secret, SECRET_LEN)).then_some(Presented { key_id, secret })
}

/// Whether `key_id` has the form of a key id (cheap check before a lookup).
pub fn is_key_id(key_id: &str) -> bool {
    key_id.len() == KEY_ID_LEN
        && key_id
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'v'))
}

fn random_base32(n: usize) -> Result<Zeroizing<String>> {
    let mut bytes = Zeroizing::new(vec![0u8; n]);
    getrandom::fill(&mut bytes).map_err(|e| Error::Random(e.to_string()))?;
    Ok(Zeroizing::new(BASE32_DNSSEC.encode(&bytes)))
}

fn hash_secret(secret: &str) -> Result<String> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| Error::Hash(e.to_string()))
}

/// Whether `secret` matches the stored PHC hash. A hash that does not parse
/// is reported, never treated as a match.
pub(crate) fn verify_secret(key_id: &str, secret: &str, phc: &str) -> Result<bool> {
    let hash = PasswordHash::new(phc).map_err(|e| Error::CorruptRow {
        key_id: key_id.to_owned(),
        reason: format!("the secret hash is not a PHC string ({e})"),
    })?;
    Ok(Argon2::default()
        .verify_password(secret.as_bytes(), &hash)
        .is_ok())
}

fn check_label(label: &str) -> Result<()> {
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(Error::InvalidLabel(
            "it is longer than 200 characters; shorten it",
        ));
    }
    if label.chars().any(char::is_control) {
        return Err(Error::InvalidLabel(
            "it contains control characters (tabs, new lines); use plain text",
        ));
    }
    Ok(())
}

pub(crate) fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn from_unix(secs: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).unwrap_or(0))
}

/// A stored key as the authenticator needs it.
pub(crate) struct StoredKey {
    pub(crate) role: Role,
    pub(crate) secret_hash: String,
    pub(crate) revoked: bool,
}

fn role_of(key_id: &str, text: &str) -> Result<Role> {
    text.parse().map_err(|_| Error::CorruptRow {
        key_id: key_id.to_owned(),
        reason: format!("unknown role {text:?}"),
    })
}

fn query_err(what: &'static str) -> impl Fn(sqlx::Error) -> Error {
    move |source| Error::Query { what, source }
}

fn info_from_row(row: &AnyRow) -> Result<KeyInfo> {
    let err = query_err("list keys");
    let key_id: String = row.try_get("id").map_err(&err)?;
    let role: String = row.try_get("role").map_err(&err)?;
    Ok(KeyInfo {
        role: role_of(&key_id, &role)?,
        label: row.try_get("label").map_err(&err)?,
        created_at: from_unix(row.try_get("created_at").map_err(&err)?),
        last_used_at: row
            .try_get::<Option<i64>, _>("last_used_at")
            .map_err(&err)?
            .map(from_unix),
        revoked_at: row
            .try_get::<Option<i64>, _>("revoked_at")
            .map_err(&err)?
            .map(from_unix),
        key_id,
    })
}

impl Store {
    /// Creates a key with `role` and `label` and returns its id and its full
    /// text, which exists nowhere else afterwards: show it once, then drop it.
    pub async fn create_key(&self, role: Role, label: &str) -> Result<CreatedKey> {
        check_label(label)?;
        let pool = self.inner.pool.clone();
        let label = label.to_owned();
        spawn(async move {
            let secret = random_base32(SECRET_BYTES)?;
            let to_hash = secret.clone();
            let secret_hash = tokio::task::spawn_blocking(move || hash_secret(&to_hash))
                .await
                .map_err(|e| Error::Runtime(format!("hashing task failed: {e}")))??;
            // A 48-bit id collides with another key's only by rare chance; try again then.
            let mut attempt = 0;
            loop {
                attempt += 1;
                let key_id = random_base32(KEY_ID_BYTES)?;
                let inserted = sqlx::query(
                    "INSERT INTO api_keys (id, role, secret_hash, label, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(key_id.as_str())
                .bind(role.as_str())
                .bind(secret_hash.as_str())
                .bind(label.as_str())
                .bind(now_unix())
                .execute(&pool)
                .await;
                match inserted {
                    Ok(_) => {
                        let key = Zeroizing::new(format!(
                            "{KEY_PREFIX}{}_{}",
                            key_id.as_str(),
                            secret.as_str()
                        ));
                        return Ok(CreatedKey {
                            key_id: key_id.as_str().to_owned(),
                            key: KeyText(key),
                        });
                    }
                    Err(e)
                        if attempt < 5
                            && e.as_database_error()
                                .is_some_and(|d| d.is_unique_violation()) => {}
                    Err(source) => {
                        return Err(Error::Query {
                            what: "create key",
                            source,
                        })
                    }
                }
            }
        })
        .await
    }

    /// Every key, oldest first, without secrets or hashes.
    pub async fn list_keys(&self) -> Result<Vec<KeyInfo>> {
        let pool = self.inner.pool.clone();
        spawn(async move {
            let rows = sqlx::query(
                "SELECT id, role, label, created_at, last_used_at, revoked_at \
                 FROM api_keys ORDER BY created_at, id",
            )
            .fetch_all(&pool)
            .await
            .map_err(query_err("list keys"))?;
            rows.iter().map(info_from_row).collect()
        })
        .await
    }

    /// Revokes the key `key_id`. Revoking a revoked key changes nothing.
    /// A running [`KeyAuthenticator`](crate::KeyAuthenticator) in another
    /// process stops accepting the key within its cache TTL; use
    /// [`KeyAuthenticator::revoke`](crate::KeyAuthenticator::revoke) in the
    /// same process to make it immediate there.
    pub async fn revoke_key(&self, key_id: &str) -> Result<Revocation> {
        if !is_key_id(key_id) {
            return Err(Error::UnknownKey {
                key_id: key_id.to_owned(),
            });
        }
        let pool = self.inner.pool.clone();
        let key_id = key_id.to_owned();
        spawn(async move {
            let done = sqlx::query(
                "UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
            )
            .bind(now_unix())
            .bind(key_id.as_str())
            .execute(&pool)
            .await
            .map_err(query_err("revoke key"))?;
            if done.rows_affected() > 0 {
                return Ok(Revocation::Revoked);
            }
            let exists = sqlx::query("SELECT id FROM api_keys WHERE id = $1")
                .bind(key_id.as_str())
                .fetch_optional(&pool)
                .await
                .map_err(query_err("revoke key"))?;
            match exists {
                Some(_) => Ok(Revocation::AlreadyRevoked),
                None => Err(Error::UnknownKey { key_id }),
            }
        })
        .await
    }

    /// Records a successful authentication, in the background.
    pub(crate) fn touch_key(&self, key_id: &str) {
        let pool = self.inner.pool.clone();
        let key_id = key_id.to_owned();
        if let Ok(rt) = crate::store::runtime() {
            rt.spawn(async move {
                // Best effort: a failed update costs only the `last_used_at` column.
                let _ = sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2")
                    .bind(now_unix())
                    .bind(key_id.as_str())
                    .execute(&pool)
                    .await;
            });
        }
    }
}

pub(crate) async fn lookup(pool: &sqlx::AnyPool, key_id: &str) -> Result<Option<StoredKey>> {
    let row = sqlx::query("SELECT role, secret_hash, revoked_at FROM api_keys WHERE id = $1")
        .bind(key_id)
        .fetch_optional(pool)
        .await
        .map_err(query_err("look up key"))?;
    let Some(row) = row else { return Ok(None) };
    let err = query_err("look up key");
    let role: String = row.try_get("role").map_err(&err)?;
    Ok(Some(StoredKey {
        role: role_of(key_id, &role)?,
        secret_hash: row.try_get("secret_hash").map_err(&err)?,
        revoked: row
            .try_get::<Option<i64>, _>("revoked_at")
            .map_err(&err)?
            .is_some(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_key() -> String {
        format!(
            "{KEY_PREFIX}{}_{}",
            random_base32(KEY_ID_BYTES).unwrap().as_str(),
            random_base32(SECRET_BYTES).unwrap().as_str()
        )
    }

    #[test]
    fn generated_keys_have_the_documented_shape() {
        let key = sample_key();
        assert_eq!(key.len(), 4 + KEY_ID_LEN + 1 + SECRET_LEN);
        let parts = parse(&key).expect("a generated key parses");
        assert!(is_key_id(parts.key_id));
        assert_eq!(
            BASE32_DNSSEC.decode(parts.secret.as_bytes()).unwrap().len(),
            32
        );
    }

    #[test]
    fn keys_are_random() {
        assert_ne!(sample_key(), sample_key());
    }

    #[test]
    fn malformed_keys_do_not_parse() {
        let good = sample_key();
        let cases = [
            String::new(),
            "cus_".into(),
            good.replacen("cus_", "sk_", 1),
            good.to_uppercase(),
            format!("{good}x"),
            good[..good.len() - 1].to_owned(),
            good.replacen('_', "-", 2),
            format!(" {good}"),
            good.replace(&good[4..14], "wxyz012345"),
        ];
        for (i, case) in cases.iter().enumerate() {
            assert!(parse(case).is_none(), "case {i} parsed");
        }
    }

    #[test]
    fn hashes_verify_only_their_secret() {
        let secret = random_base32(SECRET_BYTES).unwrap();
        let phc = hash_secret(&secret).unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains(secret.as_str()));
        assert!(verify_secret("k", &secret, &phc).unwrap());
        let other = random_base32(SECRET_BYTES).unwrap();
        assert!(!verify_secret("k", &other, &phc).unwrap());
        assert!(matches!(
            verify_secret("k", &secret, "not a hash"),
            Err(Error::CorruptRow { .. })
        ));
    }

    #[test]
    fn labels_are_checked() {
        assert!(check_label("").is_ok());
        assert!(check_label("直播间 ingest #3").is_ok());
        assert!(check_label(&"x".repeat(MAX_LABEL_CHARS)).is_ok());
        assert!(check_label(&"x".repeat(MAX_LABEL_CHARS + 1)).is_err());
        assert!(check_label("a\tb").is_err());
        assert!(check_label("a\nb").is_err());
    }

    #[test]
    fn key_text_does_not_print_itself() {
        let key = KeyText(Zeroizing::new(sample_key()));
        assert_eq!(format!("{key}"), "[redacted]");
        assert_eq!(format!("{key:?}"), "KeyText([redacted])");
        assert!(key.expose().starts_with(KEY_PREFIX));
    }
}
