//! The state every handler shares.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use custos_store::Authenticator;

use crate::engine::{Engine, Maskers, Work};
use crate::metrics::Metrics;
use crate::{Config, Error};

/// How callers are checked.
#[derive(Clone)]
pub(crate) enum Auth {
    /// Every /v1 request needs a key whose role the route allows.
    Keys(Arc<dyn Authenticator>),
    /// Nothing is checked (`insecure_no_auth`): local demos only.
    Open,
}

/// Limits applied to every request.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub(crate) body_bytes: usize,
    pub(crate) batch_items: usize,
    pub(crate) timeout: Duration,
}

struct Inner {
    maskers: Maskers,
    auth: Auth,
    metrics: Metrics,
    work: Work,
    limits: Limits,
    ready: AtomicBool,
}

/// The server's shared state: the engine, the authenticator, metrics, limits.
/// Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("limits", &self.inner.limits)
            .field("auth", &matches!(self.inner.auth, Auth::Keys(_)))
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State over `engine` with the limits of `config`. Without an
    /// `authenticator` the server only runs when `config.insecure_no_auth` is
    /// set; with it set, the authenticator is ignored and nothing is checked.
    pub fn new(
        engine: Arc<Engine>,
        config: &Config,
        authenticator: Option<Arc<dyn Authenticator>>,
    ) -> Result<AppState, Error> {
        config.validate()?;
        let auth = match (config.insecure_no_auth, authenticator) {
            (true, _) => Auth::Open,
            (false, Some(authenticator)) => Auth::Keys(authenticator),
            (false, None) => return Err(Error::NoAuthenticator),
        };
        Ok(AppState {
            inner: Arc::new(Inner {
                maskers: Maskers::new(engine),
                auth,
                metrics: Metrics::new(),
                work: Work::new(config.worker_count(), config.inline_max_bytes),
                limits: Limits {
                    body_bytes: config.body_limit_bytes,
                    batch_items: config.batch_limit,
                    timeout: config.request_timeout(),
                },
                ready: AtomicBool::new(true),
            }),
        })
    }

    /// State for the stream worker: the engine, metrics and work pool of
    /// `config`, no HTTP and so no callers to check.
    pub(crate) fn for_pipeline(engine: Arc<Engine>, config: &Config) -> Result<AppState, Error> {
        let mut config = config.clone();
        config.insecure_no_auth = true;
        AppState::new(engine, &config, None)
    }

    /// The metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The engine.
    pub fn engine(&self) -> &Arc<Engine> {
        self.inner.maskers.engine()
    }

    /// Whether the server takes new work (`/readyz`); false once shutdown began.
    pub fn is_ready(&self) -> bool {
        self.inner.ready.load(Ordering::Relaxed)
    }

    /// Marks the server as draining: `/readyz` answers 503 from now on.
    pub fn set_draining(&self) {
        self.inner.ready.store(false, Ordering::Relaxed);
    }

    /// Whether API keys are checked.
    pub fn checks_keys(&self) -> bool {
        matches!(self.inner.auth, Auth::Keys(_))
    }

    pub(crate) fn maskers(&self) -> &Maskers {
        &self.inner.maskers
    }

    pub(crate) fn auth(&self) -> &Auth {
        &self.inner.auth
    }

    pub(crate) fn work(&self) -> &Work {
        &self.inner.work
    }

    pub(crate) fn limits(&self) -> Limits {
        self.inner.limits
    }
}
