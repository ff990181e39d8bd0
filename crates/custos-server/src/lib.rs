//! The HTTP API of Custos: detection and policy-driven masking in the path of
//! live traffic.
//!
//! [`Config`] (defaults, TOML file, `CUSTOS_…` environment) → [`Engine`]
//! (detector, policy, tenant keys) → [`AppState`] (engine, authenticator,
//! metrics, limits) → [`app`] (the axum `Router`) → [`Server`] (bound socket,
//! optional TLS, graceful shutdown).
//!
//! Routes: `POST /v1/detect`, `POST /v1/mask`, `POST /v1/records/mask`,
//! `POST /v1/streams/{room}/messages`, `GET /v1/policy`,
//! `POST /v1/policy/explain` (each needs `Authorization: Bearer <key>` with a
//! role the route allows; see [`auth`]), and the open `GET /healthz`,
//! `/readyz`, `/metrics`, `/openapi.json`.
//!
//! The crate does network I/O and reads the policy and TLS files; it never
//! logs request texts, findings' text or keys: the access log holds the route,
//! status, latency, item count and the caller's key id.
//!
//! ```no_run
//! use std::sync::Arc;
//! use custos_server::{AppState, Config, Engine, Server};
//!
//! # async fn run() -> Result<(), custos_server::Error> {
//! let mut config = Config::default();
//! config.insecure_no_auth = true; // a local demo; give an Authenticator otherwise
//! let engine = Arc::new(Engine::from_config(&config, None)?);
//! let state = AppState::new(engine, &config, None)?;
//! Server::bind(&config, state)?.run(custos_server::shutdown_signal()).await
//! # }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::time::Instant;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

pub mod auth;
mod config;
mod engine;
mod error;
mod metrics;
mod openapi;
mod routes;
mod server;
mod state;
pub mod worker;

pub use config::{Config, ENV_VARS};
pub use engine::{Engine, PolicySource};
pub use error::{ApiError, Error};
pub use metrics::Metrics;
pub use openapi::document as openapi_document;
pub use server::{shutdown_signal, Server};
pub use state::AppState;
pub use worker::{Worker, WorkerConfig, WorkerError, WorkerStats};

/// The router of every route, with the layers: access log and metrics,
/// panic catcher, timeout, body limit.
pub fn app(state: AppState) -> Router {
    let limits = state.limits();
    Router::new()
        .merge(routes::detect::router(&state))
        .merge(routes::mask::router(&state))
        .merge(routes::records::router(&state))
        .merge(routes::streams::router(&state))
        .merge(routes::policy::router(&state))
        .merge(routes::health::router())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(from_fn_with_state(state.clone(), timeout))
        .layer(CatchPanicLayer::custom(panicked))
        .layer(from_fn_with_state(state.clone(), observe))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such route; GET /openapi.json lists them",
    )
}

fn panicked(_payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    // the payload is not logged: it could quote the input
    ApiError::internal("a request handler panicked").into_response()
}

async fn timeout(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = state.limits().timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request took longer than the limit of {} ms; send smaller batches",
                limit.as_millis()
            ),
        )
        .into_response(),
    }
}

/// Counts and times every request and writes one access-log line: method,
/// route template (never the path's values), status, latency, the caller's
/// key id and the rejection code. Never the body.
async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().clone();
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    let metrics = state.metrics();
    metrics.observe_request(&route, method.as_str(), status, elapsed.as_secs_f64());
    let rejected = response.extensions().get::<error::Rejected>().map(|r| r.0);
    if let Some(reason) = rejected {
        metrics.reject(reason, 1);
    }
    let key_id = response
        .extensions()
        .get::<auth::KeyId>()
        .map(|k| k.0.as_str());
    tracing::info!(
        target: "custos::access",
        method = %method,
        route = %route,
        status,
        latency_us = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
        key_id,
        rejected,
        "request"
    );
    response
}
