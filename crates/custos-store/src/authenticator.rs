//! [`KeyAuthenticator`]: checks presented keys against the store, with a cache.
//!
//! # Cache
//!
//! argon2 is slow on purpose (tens of milliseconds), and a server checks a key
//! on every request. So a successful check is remembered in memory, keyed by
//! the SHA-256 of the whole presented key (the cache never holds the key
//! itself), for a short time (the TTL, 60 s by default), in a map of bounded
//! size (10,000 entries by default; when full, expired entries go first, then
//! the oldest). A hit costs one SHA-256 and a read lock: millions per second.
//!
//! A miss (first use, or after the TTL) reads the key's row, and when it exists
//! and is not revoked runs argon2 once; both happen in the store's
//! [blocking bridge](crate::store), inside `block_in_place` on a multi-threaded
//! tokio runtime, so the trait's sync method is safe from axum handlers.
//!
//! # Revocation
//!
//! [`KeyAuthenticator::revoke`] revokes in the store and drops the key's cache
//! entries at once. A key revoked elsewhere (`custos keys revoke`, another
//! server) keeps working in this process until its entry expires: at most one
//! TTL. Failures are not cached, so a key created elsewhere works at once.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::keys::{self, Revocation};
use crate::store::{block_on, blocking_section, Store};
use crate::{AuthError, Authenticator, Principal};

/// How long a successful check is trusted before the store is asked again.
pub const DEFAULT_CACHE_TTL: Duration = Duration::from_secs(60);
/// How many verified keys are remembered at most.
pub const DEFAULT_CACHE_CAPACITY: usize = 10_000;

type Digest32 = [u8; 32];

struct Entry {
    principal: Principal,
    verified_at: Instant,
}

/// The [`Authenticator`] over a [`Store`]'s API keys. Cheap to share behind an
/// `Arc`; safe to call from many threads at once.
pub struct KeyAuthenticator {
    store: Store,
    ttl: Duration,
    capacity: usize,
    cache: RwLock<HashMap<Digest32, Entry>>,
}

impl std::fmt::Debug for KeyAuthenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyAuthenticator")
            .field("store", &self.store)
            .field("ttl", &self.ttl)
            .field("capacity", &self.capacity)
            .field("cached", &self.cached())
            .finish()
    }
}

impl KeyAuthenticator {
    /// An authenticator with the default TTL (60 s) and capacity (10,000).
    pub fn new(store: Store) -> KeyAuthenticator {
        KeyAuthenticator {
            store,
            ttl: DEFAULT_CACHE_TTL,
            capacity: DEFAULT_CACHE_CAPACITY,
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// Sets how long a successful check is trusted: the longest a key revoked
    /// by another process keeps working here. Zero turns the cache off.
    pub fn with_ttl(mut self, ttl: Duration) -> KeyAuthenticator {
        self.ttl = ttl;
        self
    }

    /// Sets how many verified keys are remembered (at least 1).
    pub fn with_capacity(mut self, capacity: usize) -> KeyAuthenticator {
        self.capacity = capacity.max(1);
        self
    }

    /// The store behind this authenticator.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// How many verified keys are cached now.
    pub fn cached(&self) -> usize {
        self.cache.read().map_or(0, |c| c.len())
    }

    /// Revokes `key_id` in the store and forgets it here at once.
    pub async fn revoke(&self, key_id: &str) -> Result<Revocation> {
        let done = self.store.revoke_key(key_id).await;
        self.forget(key_id);
        done
    }

    /// [`KeyAuthenticator::revoke`] for callers without an async context.
    pub fn revoke_blocking(&self, key_id: &str) -> Result<Revocation> {
        let store = self.store.clone();
        let id = key_id.to_owned();
        let done = block_on(async move { store.revoke_key(&id).await });
        self.forget(key_id);
        done
    }

    /// Drops every cache entry of `key_id`, so its next use asks the store.
    pub fn forget(&self, key_id: &str) {
        if let Ok(mut cache) = self.cache.write() {
            cache.retain(|_, e| e.principal.key_id != key_id);
        }
    }

    /// Drops the whole cache.
    pub fn clear(&self) {
        if let Ok(mut cache) = self.cache.write() {
            cache.clear();
        }
    }

    fn cached_principal(&self, digest: &Digest32) -> Option<Principal> {
        let cache = self.cache.read().ok()?;
        let entry = cache.get(digest)?;
        (entry.verified_at.elapsed() < self.ttl).then(|| entry.principal.clone())
    }

    fn remember(&self, digest: Digest32, principal: Principal) {
        if self.ttl.is_zero() {
            return;
        }
        let Ok(mut cache) = self.cache.write() else {
            return;
        };
        if cache.len() >= self.capacity && !cache.contains_key(&digest) {
            let ttl = self.ttl;
            cache.retain(|_, e| e.verified_at.elapsed() < ttl);
            if cache.len() >= self.capacity {
                let oldest = cache
                    .iter()
                    .min_by_key(|(_, e)| e.verified_at)
                    .map(|(d, _)| *d);
                if let Some(oldest) = oldest {
                    cache.remove(&oldest);
                }
            }
        }
        cache.insert(
            digest,
            Entry {
                principal,
                verified_at: Instant::now(),
            },
        );
    }

    /// The slow path: the row, then argon2.
    fn verify(&self, key_id: &str, secret: &str) -> Result<Principal, AuthError> {
        let pool = self.store.inner.pool.clone();
        let id = key_id.to_owned();
        let stored = block_on(async move { keys::lookup(&pool, &id).await })
            .map_err(|e| AuthError::Unavailable(e.to_string()))?
            .ok_or(AuthError::Invalid)?;
        let matches = blocking_section(|| keys::verify_secret(key_id, secret, &stored.secret_hash))
            .map_err(|e| AuthError::Unavailable(e.to_string()))?;
        if !matches {
            return Err(AuthError::Invalid);
        }
        if stored.revoked {
            return Err(AuthError::Revoked);
        }
        Ok(Principal {
            key_id: key_id.to_owned(),
            role: stored.role,
        })
    }
}

impl Authenticator for KeyAuthenticator {
    fn authenticate(&self, presented: &str) -> Result<Principal, AuthError> {
        let presented = presented.trim();
        let parts = keys::parse(presented).ok_or(AuthError::Malformed)?;
        let digest: Digest32 = Sha256::digest(presented.as_bytes()).into();
        if let Some(principal) = self.cached_principal(&digest) {
            return Ok(principal);
        }
        let principal = self.verify(parts.key_id, parts.secret)?;
        self.store.touch_key(parts.key_id);
        self.remember(digest, principal.clone());
        Ok(principal)
    }
}
