//! Shared fixtures: one engine per test binary, an in-memory authenticator,
//! request helpers.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use custos_anonymize::KeyRing;
use custos_detect::Detector;
use custos_policy::Policy;
use custos_server::{AppState, Config, Engine, PolicySource};
use custos_store::{AuthError, Authenticator, Principal, Role};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub(crate) const INGEST: &str = "ck_ingest_secret";
pub(crate) const ANALYST: &str = "ck_analyst_secret";
pub(crate) const DPO: &str = "ck_dpo_secret";
pub(crate) const ADMIN: &str = "ck_admin_secret";
pub(crate) const REVOKED: &str = "ck_revoked_secret";
/// A key whose check takes 400 ms: a request in flight for the shutdown test.
pub(crate) const SLOW: &str = "ck_slow_secret";

/// Keys in a map; the real store hashes them with argon2.
pub(crate) struct MemoryAuth {
    keys: HashMap<&'static str, Principal>,
}

impl MemoryAuth {
    pub(crate) fn new() -> MemoryAuth {
        let principal = |id: &str, role| Principal {
            key_id: id.to_owned(),
            role,
        };
        MemoryAuth {
            keys: HashMap::from([
                (INGEST, principal("k_ingest", Role::Ingest)),
                (ANALYST, principal("k_analyst", Role::Analyst)),
                (DPO, principal("k_dpo", Role::Dpo)),
                (ADMIN, principal("k_admin", Role::Admin)),
                (SLOW, principal("k_slow", Role::Ingest)),
            ]),
        }
    }
}

impl Authenticator for MemoryAuth {
    fn authenticate(&self, presented: &str) -> Result<Principal, AuthError> {
        if presented == REVOKED {
            return Err(AuthError::Revoked);
        }
        if presented == SLOW {
            std::thread::sleep(Duration::from_millis(400));
        }
        self.keys.get(presented).cloned().ok_or(AuthError::Invalid)
    }
}

/// The engine: built once per test binary (the detector loads its model).
pub(crate) fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    Arc::clone(ENGINE.get_or_init(|| {
        let keys = KeyRing::from_hex("test", &"42".repeat(32)).expect("test key");
        Arc::new(Engine::new(
            Detector::new().expect("detector"),
            Policy::default_policy(),
            PolicySource {
                origin: "default".to_owned(),
                text: custos_policy::DEFAULT_POLICY.to_owned(),
            },
            Some(keys),
            2026,
        ))
    }))
}

/// A config for tests: small limits so they are easy to cross.
pub(crate) fn config() -> Config {
    let mut config = Config::default();
    config.listen = "127.0.0.1:0".parse().expect("addr");
    config.body_limit_bytes = 64 * 1024;
    config.batch_limit = 10;
    config.shutdown_grace_ms = 5_000;
    config
}

pub(crate) fn state_with(config: &Config) -> AppState {
    AppState::new(engine(), config, Some(Arc::new(MemoryAuth::new()))).expect("state")
}

pub(crate) fn state() -> AppState {
    state_with(&config())
}

/// Sends one request through the router; returns the status and the body
/// (JSON when it parses, else a string).
pub(crate) async fn send(
    state: &AppState,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(key) = key {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    if body.is_some() {
        request = request.header("content-type", "application/json");
    }
    let request = request
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_owned())))
        .expect("request");
    let response = custos_server::app(state.clone())
        .oneshot(request)
        .await
        .expect("infallible");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, value)
}

pub(crate) async fn post(
    state: &AppState,
    path: &str,
    key: Option<&str>,
    body: &str,
) -> (StatusCode, Value) {
    send(state, "POST", path, key, Some(body)).await
}

/// The `error` message of an error body.
pub(crate) fn error(body: &Value) -> &str {
    body["error"].as_str().unwrap_or("")
}
