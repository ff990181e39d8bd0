//! The shared engine: detector, policy, tenant keys, one cached [`Masker`] per
//! view, and the pool that runs large requests off the async runtime.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use custos_anonymize::{Anonymizer, KeyRing, Masker, View};
use custos_detect::{Detector, Scratch};
use custos_policy::Policy;
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::{Config, Error};

/// The policy in force and where it came from.
#[derive(Clone, Debug)]
pub struct PolicySource {
    /// The file it was read from, or `default` for the shipped policy.
    pub origin: String,
    /// Its TOML text.
    pub text: String,
}

/// Detector, policy and keys, built once and shared by every request.
#[derive(Debug)]
pub struct Engine {
    detector: Detector,
    policy: Policy,
    source: PolicySource,
    keys: Option<KeyRing>,
    reference_year: i32,
}

impl Engine {
    /// An engine over these parts; `reference_year` is this year, for age bands.
    pub fn new(
        detector: Detector,
        policy: Policy,
        source: PolicySource,
        keys: Option<KeyRing>,
        reference_year: i32,
    ) -> Engine {
        Engine {
            detector,
            policy,
            source,
            keys,
            reference_year,
        }
    }

    /// The engine `config` asks for: its policy file (or the shipped default)
    /// and minimum score, with these tenant keys.
    pub fn from_config(config: &Config, keys: Option<KeyRing>) -> Result<Engine, Error> {
        let (policy, source) = match &config.policy {
            None => (
                Policy::default_policy(),
                PolicySource {
                    origin: "default".to_owned(),
                    text: custos_policy::DEFAULT_POLICY.to_owned(),
                },
            ),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| Error::PolicyRead {
                    path: path.clone(),
                    source,
                })?;
                let policy = Policy::from_toml_str(&text).map_err(|e| Error::Policy {
                    path: path.clone(),
                    message: format!(
                        "{e}\n{}",
                        e.report().render(&path.display().to_string()).trim_end()
                    ),
                })?;
                (
                    policy,
                    PolicySource {
                        origin: path.display().to_string(),
                        text,
                    },
                )
            }
        };
        let detector = Detector::builder()
            .min_score(config.min_score)
            .build()
            .map_err(|e| Error::Detector(e.to_string()))?;
        Ok(Engine::new(detector, policy, source, keys, this_year()))
    }

    /// The detector.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The policy's text and origin.
    pub fn policy_source(&self) -> &PolicySource {
        &self.source
    }

    fn anonymizer(&self) -> Anonymizer<'_> {
        let anonymizer = Anonymizer::new().with_reference_year(self.reference_year);
        match &self.keys {
            Some(keys) => anonymizer.with_keys(keys),
            None => anonymizer,
        }
    }
}

/// This year, for age bands; the libraries never read the clock.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // mean Gregorian year of 365.2425 days
    1970 + i32::try_from(secs / 31_556_952).unwrap_or(0)
}

self_cell::self_cell!(
    /// A masker for one view that owns (a share of) the engine it borrows from.
    pub(crate) struct ViewMasker {
        owner: Arc<Engine>,
        #[covariant]
        dependent: Masker,
    }
    impl {Debug}
);

impl ViewMasker {
    pub(crate) fn masker(&self) -> &Masker<'_> {
        self.borrow_dependent()
    }
}

/// A view as the request named it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ViewKey {
    pub(crate) purpose: String,
    pub(crate) audience: String,
    pub(crate) region: Option<String>,
}

/// How many views are cached; requests for more distinct views (clients
/// inventing purposes) get a masker built for them alone.
const MAX_CACHED_VIEWS: usize = 256;

/// One [`Masker`] per view, built on first use. Building one asks the policy
/// once per entity type; the masker then answers per finding without a policy
/// walk and caches record field decisions.
#[derive(Debug)]
pub(crate) struct Maskers {
    engine: Arc<Engine>,
    cache: RwLock<HashMap<ViewKey, Arc<ViewMasker>>>,
}

impl Maskers {
    pub(crate) fn new(engine: Arc<Engine>) -> Maskers {
        Maskers {
            engine,
            cache: RwLock::new(HashMap::new()),
        }
    }

    pub(crate) fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// The masker for `view`, or a 422 saying why the policy's operators for
    /// it cannot run here (a tokenize rule without a tenant key).
    pub(crate) fn get(&self, view: &ViewKey) -> Result<Arc<ViewMasker>, ApiError> {
        if let Ok(cache) = self.cache.read() {
            if let Some(hit) = cache.get(view) {
                return Ok(Arc::clone(hit));
            }
        }
        let built = ViewMasker::try_new(Arc::clone(&self.engine), |engine| {
            Masker::new(
                &engine.detector,
                &engine.policy,
                engine.anonymizer(),
                View {
                    purpose: &view.purpose,
                    audience: &view.audience,
                    region: view.region.as_deref(),
                },
            )
        })
        .map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "view_unavailable",
                format!(
                    "the policy's operators for purpose {:?} and audience {:?} cannot run on \
                     this server: {e} (tokenize and pseudonymize need the server started with \
                     a tenant key: key_file or CUSTOS_KEY)",
                    view.purpose, view.audience
                ),
            )
        })?;
        let built = Arc::new(built);
        if let Ok(mut cache) = self.cache.write() {
            if cache.len() < MAX_CACHED_VIEWS {
                cache.insert(view.clone(), Arc::clone(&built));
            }
        }
        Ok(built)
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's detection buffers.
pub(crate) fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        // re-entered on this thread (never by this crate): fresh buffers
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Where detection and masking run. Small requests (texts up to
/// `inline_max_bytes`) run on the async worker that received them: handing a
/// 50 µs job to another thread costs more than it saves. Larger ones run on
/// tokio's blocking pool, at most `workers` at a time, so a burst of big
/// batches queues instead of starving the runtime or spawning hundreds of
/// threads.
#[derive(Debug, Clone)]
pub(crate) struct Work {
    permits: Arc<Semaphore>,
    inline_max_bytes: usize,
}

impl Work {
    pub(crate) fn new(workers: usize, inline_max_bytes: usize) -> Work {
        Work {
            permits: Arc::new(Semaphore::new(workers.max(1))),
            inline_max_bytes,
        }
    }

    pub(crate) async fn run<T: Send + 'static>(
        &self,
        cost_bytes: usize,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        if cost_bytes <= self.inline_max_bytes {
            return Ok(f());
        }
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the work pool was closed"))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f()
        })
        .await
        // the panic payload is not logged: it could quote the input
        .map_err(|e| {
            ApiError::internal(if e.is_panic() {
                "a detection task panicked"
            } else {
                "a detection task was cancelled"
            })
        })
    }
}
