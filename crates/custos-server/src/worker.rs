//! The stream worker: raw live-room messages in from NATS JetStream, clean
//! messages out, through the same function as `POST /v1/streams/{room}/messages`.
//!
//! Subjects and streams, for a prefix `P` (default `custos`; streams are named
//! by its upper-case form, `CUSTOS_…`):
//!
//! | subject | stream | what |
//! | --- | --- | --- |
//! | `P.raw.<room>.<kind>` | `P_RAW` (work queue) | raw messages, the JSON body the streams route takes |
//! | `P.clean.<room>.<kind>` | `P_CLEAN` (duplicate window) | the clean message, as the route returns it |
//! | `P.dead.<room>.<kind>` | `P_DEAD` | messages that cannot be processed, with the reason |
//!
//! Every worker of a deployment pulls from one durable consumer on `P_RAW`
//! (`P-workers` by default), so JetStream hands each message to one of them:
//! adding workers adds throughput.
//!
//! **At least once, nothing lost.** A raw message is acknowledged only after
//! its clean message (or its dead letter) was published and JetStream
//! acknowledged storing it. A worker killed before that leaves the message
//! unacknowledged; JetStream redelivers it after the ack wait to any worker.
//! The clean message carries `Nats-Msg-Id: <room>/<kind>/<id>` (the raw
//! message's id, scoped by its room and kind), so a message republished after
//! a redelivery within the clean stream's duplicate window is dropped by
//! JetStream; the ack wait must stay below that window. Dead letters carry
//! `Nats-Msg-Id: P_RAW/<stream sequence>`.
//!
//! **Backpressure.** A worker holds at most `max_in_flight` messages being
//! processed and pulls batches of at most that size, so its memory is bounded
//! by about twice `max_in_flight` messages of at most `body_limit_bytes`. When
//! producers outrun the workers, messages wait in `P_RAW` (on disk, within the
//! stream's limits), not in the workers; adding a worker drains it faster.
//!
//! **Dead letters.** A message that is not JSON, over the size limit, lacks a
//! string `id`, sits on a subject without a valid room and kind, or that the
//! policy cannot mask goes to `P.dead.…` as `{"subject", "stream_sequence",
//! "delivered", "error": {"code", "message"}, "payload" | "payload_base64"}`
//! and is then acknowledged: the stream goes on. NATS errors (a publish not
//! acknowledged in time) are not dead letters: the raw message is left
//! unacknowledged and comes back.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::consumer::{pull, AckPolicy, DeliverPolicy, PullConsumer};
use async_nats::jetstream::{self, stream, AckKind};
use async_nats::HeaderMap;
use futures_util::StreamExt;
use serde::Serialize;
use serde_json::Value;
use tokio::sync::Semaphore;

use crate::engine::{Engine, ViewKey};
use crate::routes::streams::{check_room, clean_message};
use crate::state::AppState;
use crate::Config;

/// How a worker connects and what it consumes.
#[derive(Clone, Debug)]
pub struct WorkerConfig {
    /// The NATS server, e.g. `nats://127.0.0.1:4222`.
    pub nats_url: String,
    /// The first subject token and the streams' name stem (default `custos`):
    /// letters, digits, `_` or `-`.
    pub prefix: String,
    /// The durable consumer shared by the workers of one deployment
    /// (default `<prefix>-workers`).
    pub durable: Option<String>,
    /// Messages processed at once, and the largest pull batch.
    pub max_in_flight: usize,
    /// How long JetStream waits for an ack before redelivering (when the
    /// consumer is created).
    pub ack_wait: Duration,
    /// The clean stream's duplicate window (when the stream is created); keep
    /// it well above `ack_wait`.
    pub duplicate_window: Duration,
    /// The view messages are masked for; the room's public chat by default.
    pub purpose: String,
    /// The audience.
    pub audience: String,
    /// The data subjects' region, if the policy distinguishes it.
    pub region: Option<String>,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        let view = custos_anonymize::View::PUBLIC_CHAT;
        WorkerConfig {
            nats_url: "nats://127.0.0.1:4222".to_owned(),
            prefix: "custos".to_owned(),
            durable: None,
            max_in_flight: 256,
            ack_wait: Duration::from_secs(30),
            duplicate_window: Duration::from_secs(120),
            purpose: view.purpose.to_owned(),
            audience: view.audience.to_owned(),
            region: None,
        }
    }
}

/// Why a worker could not start or had to stop.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkerError {
    /// A setting cannot be used.
    #[error("invalid worker setting: {0}")]
    Invalid(String),
    /// The NATS server could not be reached.
    #[error("cannot connect to NATS at {url}: {message}")]
    Connect {
        /// The server.
        url: String,
        /// The cause.
        message: String,
    },
    /// A JetStream stream or consumer could not be set up or read.
    #[error("JetStream: {0}")]
    JetStream(String),
    /// The engine's state could not be set up.
    #[error(transparent)]
    Setup(#[from] crate::Error),
    /// The policy cannot mask for the worker's view.
    #[error("{0}")]
    View(String),
}

/// The subjects and stream names of one prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subjects {
    prefix: String,
}

impl Subjects {
    /// The subjects under `prefix` (one subject token).
    pub fn new(prefix: &str) -> Result<Subjects, WorkerError> {
        if check_room(prefix).is_err() {
            return Err(WorkerError::Invalid(format!(
                "prefix {prefix:?}: 1 to 128 letters, digits, '_' or '-'"
            )));
        }
        Ok(Subjects {
            prefix: prefix.to_owned(),
        })
    }

    /// The prefix.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    fn stem(&self) -> String {
        self.prefix
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect()
    }

    /// `P_RAW`.
    pub fn raw_stream(&self) -> String {
        format!("{}_RAW", self.stem())
    }

    /// `P_CLEAN`.
    pub fn clean_stream(&self) -> String {
        format!("{}_CLEAN", self.stem())
    }

    /// `P_DEAD`.
    pub fn dead_stream(&self) -> String {
        format!("{}_DEAD", self.stem())
    }

    /// The subject of a raw message: `P.raw.<room>.<kind>`.
    pub fn raw(&self, room: &str, kind: &str) -> String {
        format!("{}.raw.{room}.{kind}", self.prefix)
    }

    /// The subject of a clean message: `P.clean.<room>.<kind>`.
    pub fn clean(&self, room: &str, kind: &str) -> String {
        format!("{}.clean.{room}.{kind}", self.prefix)
    }

    /// `P.<area>.>`: every subject of `raw`, `clean` or `dead`.
    pub fn all(&self, area: &str) -> String {
        format!("{}.{area}.>", self.prefix)
    }

    /// The tokens after `P.raw.` of a raw subject.
    fn raw_tail<'a>(&self, subject: &'a str) -> Option<&'a str> {
        subject
            .strip_prefix(self.prefix.as_str())?
            .strip_prefix(".raw.")
    }
}

/// What a worker did, counted since it started.
#[derive(Debug, Default)]
struct Counters {
    clean: AtomicU64,
    dead: AtomicU64,
    retried: AtomicU64,
}

/// What a worker did until it stopped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkerStats {
    /// Clean messages published and their raw messages acknowledged.
    pub clean: u64,
    /// Dead letters published and their raw messages acknowledged.
    pub dead: u64,
    /// Messages left unacknowledged after a NATS error, to come back.
    pub retried: u64,
}

struct Shared {
    state: AppState,
    subjects: Subjects,
    view: ViewKey,
    jetstream: jetstream::Context,
    counters: Counters,
}

/// A stream worker, connected, with its streams and consumer in place.
pub struct Worker {
    shared: Arc<Shared>,
    consumer: PullConsumer,
    max_in_flight: usize,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("subjects", &self.shared.subjects)
            .field("view", &self.shared.view)
            .field("max_in_flight", &self.max_in_flight)
            .finish_non_exhaustive()
    }
}

fn js_error(what: &str, e: impl std::fmt::Display) -> WorkerError {
    WorkerError::JetStream(format!("{what}: {e}"))
}

/// Creates the raw, clean and dead-letter streams of `subjects` where they are
/// missing (existing ones are used as they are).
pub async fn ensure_streams(
    jetstream: &jetstream::Context,
    subjects: &Subjects,
    duplicate_window: Duration,
) -> Result<stream::Stream, WorkerError> {
    let raw = jetstream
        .get_or_create_stream(stream::Config {
            name: subjects.raw_stream(),
            subjects: vec![subjects.all("raw")],
            retention: stream::RetentionPolicy::WorkQueue,
            storage: stream::StorageType::File,
            ..Default::default()
        })
        .await
        .map_err(|e| js_error(&format!("stream {}", subjects.raw_stream()), e))?;
    for (name, area) in [
        (subjects.clean_stream(), "clean"),
        (subjects.dead_stream(), "dead"),
    ] {
        jetstream
            .get_or_create_stream(stream::Config {
                name: name.clone(),
                subjects: vec![subjects.all(area)],
                duplicate_window,
                storage: stream::StorageType::File,
                ..Default::default()
            })
            .await
            .map_err(|e| js_error(&format!("stream {name}"), e))?;
    }
    Ok(raw)
}

impl Worker {
    /// Connects to NATS, creates the streams and the shared durable consumer
    /// where missing, and checks that the policy can mask for the view.
    /// `server` gives the size limit (`body_limit_bytes`) and the work pool.
    pub async fn connect(
        engine: Arc<Engine>,
        server: &Config,
        config: &WorkerConfig,
    ) -> Result<Worker, WorkerError> {
        if config.max_in_flight == 0 {
            return Err(WorkerError::Invalid("max_in_flight must be above 0".into()));
        }
        if config.ack_wait >= config.duplicate_window {
            return Err(WorkerError::Invalid(
                "ack_wait must be shorter than the duplicate window, or a message \
                 redelivered after it could be published twice"
                    .into(),
            ));
        }
        let subjects = Subjects::new(&config.prefix)?;
        let durable = config
            .durable
            .clone()
            .unwrap_or_else(|| format!("{}-workers", config.prefix));
        if check_room(&durable).is_err() {
            return Err(WorkerError::Invalid(format!(
                "durable consumer name {durable:?}: letters, digits, '_' or '-'"
            )));
        }
        let state = AppState::for_pipeline(engine, server)?;
        let view = ViewKey {
            purpose: config.purpose.clone(),
            audience: config.audience.clone(),
            region: config.region.clone(),
        };
        state
            .maskers()
            .get(&view)
            .map_err(|e| WorkerError::View(e.message().to_owned()))?;
        let client = async_nats::ConnectOptions::new()
            .name("custos-worker")
            .connection_timeout(Duration::from_secs(5))
            .connect(config.nats_url.as_str())
            .await
            .map_err(|e| WorkerError::Connect {
                url: config.nats_url.clone(),
                message: e.to_string(),
            })?;
        let jetstream = jetstream::new(client);
        let raw = ensure_streams(&jetstream, &subjects, config.duplicate_window).await?;
        let consumer: PullConsumer = raw
            .get_or_create_consumer(
                &durable,
                pull::Config {
                    durable_name: Some(durable.clone()),
                    filter_subject: subjects.all("raw"),
                    deliver_policy: DeliverPolicy::All,
                    ack_policy: AckPolicy::Explicit,
                    ack_wait: config.ack_wait,
                    max_ack_pending: 1 << 16,
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| js_error(&format!("consumer {durable}"), e))?;
        Ok(Worker {
            shared: Arc::new(Shared {
                state,
                subjects,
                view,
                jetstream,
                counters: Counters::default(),
            }),
            consumer,
            max_in_flight: config.max_in_flight,
        })
    }

    /// Processes messages until `shutdown` completes, then stops pulling and
    /// waits for the messages in flight (those pulled but not started are
    /// left unacknowledged and come back to another worker).
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> Result<WorkerStats, WorkerError> {
        let batch = self.max_in_flight;
        let mut messages = self
            .consumer
            .stream()
            .max_messages_per_batch(batch)
            .messages()
            .await
            .map_err(|e| js_error("cannot pull from the consumer", e))?;
        let permits = Arc::new(Semaphore::new(batch));
        tokio::pin!(shutdown);
        let mut failures = 0u32;
        let result = loop {
            let permit = tokio::select! {
                () = &mut shutdown => break Ok(()),
                permit = Arc::clone(&permits).acquire_owned() => match permit {
                    Ok(permit) => permit,
                    Err(_) => break Ok(()),
                },
            };
            let next = tokio::select! {
                () = &mut shutdown => break Ok(()),
                next = messages.next() => next,
            };
            match next {
                None => break Err(WorkerError::JetStream("the consumer's stream ended".into())),
                Some(Err(e)) => {
                    failures += 1;
                    tracing::warn!(error = %e, failures, "pulling from JetStream failed");
                    if failures > 30 {
                        break Err(js_error("pulling failed 30 times in a row", e));
                    }
                    tokio::time::sleep(Duration::from_millis(100 * u64::from(failures.min(10))))
                        .await;
                }
                Some(Ok(message)) => {
                    failures = 0;
                    let shared = Arc::clone(&self.shared);
                    tokio::spawn(async move {
                        let _permit = permit;
                        shared.handle(message).await;
                    });
                }
            }
        };
        // wait for the messages in flight
        let all = u32::try_from(batch).unwrap_or(u32::MAX);
        let _drained = permits.acquire_many(all).await;
        let counters = &self.shared.counters;
        let stats = WorkerStats {
            clean: counters.clean.load(Ordering::Relaxed),
            dead: counters.dead.load(Ordering::Relaxed),
            retried: counters.retried.load(Ordering::Relaxed),
        };
        tracing::info!(
            clean = stats.clean,
            dead = stats.dead,
            retried = stats.retried,
            "custos worker stopped"
        );
        result.map(|()| stats)
    }
}

/// Why a message went to the dead-letter subject.
#[derive(Debug)]
struct Reject {
    code: &'static str,
    message: String,
}

impl Reject {
    fn new(code: &'static str, message: impl Into<String>) -> Reject {
        Reject {
            code,
            message: message.into(),
        }
    }
}

/// A message ready to publish.
struct Outgoing {
    subject: String,
    msg_id: Option<String>,
    payload: Vec<u8>,
}

#[derive(Serialize)]
struct DeadLetter<'a> {
    subject: &'a str,
    stream_sequence: Option<u64>,
    delivered: Option<i64>,
    error: DeadError<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload_base64: Option<String>,
}

#[derive(Serialize)]
struct DeadError<'a> {
    code: &'a str,
    message: &'a str,
}

impl Shared {
    async fn handle(&self, message: jetstream::Message) {
        let subject = message.subject.as_str().to_owned();
        let (outgoing, dead) = match self.clean(&subject, &message.payload).await {
            Ok(outgoing) => (outgoing, false),
            Err(reject) => {
                tracing::warn!(
                    subject = %subject,
                    code = reject.code,
                    reason = %reject.message,
                    "message sent to the dead-letter subject"
                );
                (self.dead_letter(&subject, &message, &reject), true)
            }
        };
        if let Err(e) = self.publish(outgoing).await {
            self.counters.retried.fetch_add(1, Ordering::Relaxed);
            tracing::warn!(subject = %subject, error = %e, "publish not acknowledged; the message will come back");
            // back soon, to this or another worker
            let _ = message
                .ack_with(AckKind::Nak(Some(Duration::from_millis(500))))
                .await;
            return;
        }
        match message.ack().await {
            Ok(()) => {
                let counter = if dead {
                    &self.counters.dead
                } else {
                    &self.counters.clean
                };
                counter.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                // redelivered later; the duplicate window drops the republished copy
                self.counters.retried.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(subject = %subject, error = %e, "ack failed");
            }
        }
    }

    async fn publish(&self, outgoing: Outgoing) -> Result<(), String> {
        let mut headers = HeaderMap::new();
        if let Some(id) = &outgoing.msg_id {
            headers.insert("Nats-Msg-Id", id.as_str());
        }
        let ack = self
            .jetstream
            .publish_with_headers(outgoing.subject, headers, outgoing.payload.into())
            .await
            .map_err(|e| e.to_string())?;
        ack.await.map(|_| ()).map_err(|e| e.to_string())
    }

    /// The clean message for a raw one, through the streams route's function.
    async fn clean(&self, subject: &str, payload: &[u8]) -> Result<Outgoing, Reject> {
        let tail = self
            .subjects
            .raw_tail(subject)
            .ok_or_else(|| Reject::new("bad_subject", "not a raw subject"))?;
        let (room, kind) = match tail.split('.').collect::<Vec<_>>()[..] {
            [room, kind] => (room, kind),
            _ => {
                return Err(Reject::new(
                    "bad_subject",
                    "raw subjects are <prefix>.raw.<room>.<kind>",
                ))
            }
        };
        for (what, token) in [("room", room), ("kind", kind)] {
            check_room(token).map_err(|_| {
                Reject::new(
                    "bad_subject",
                    format!("the subject's {what} must be 1 to 128 letters, digits, '_' or '-'"),
                )
            })?;
        }
        let limit = self.state.limits().body_bytes;
        if payload.len() > limit {
            return Err(Reject::new(
                "too_large",
                format!(
                    "the message has {} bytes, over the limit of {limit}",
                    payload.len()
                ),
            ));
        }
        let mut value: Value = serde_json::from_slice(payload)
            .map_err(|e| Reject::new("not_json", format!("the message is not valid JSON: {e}")))?;
        if let Value::Object(map) = &mut value {
            if !map.contains_key("kind") {
                map.insert("kind".to_owned(), Value::String(kind.to_owned()));
            }
        }
        let clean = clean_message(
            &self.state,
            room.to_owned(),
            &self.view,
            value,
            payload.len(),
        )
        .await
        .map_err(|e| Reject::new(e.code(), e.message()))?;
        let payload = serde_json::to_vec(&clean)
            .map_err(|e| Reject::new("internal", format!("cannot encode: {e}")))?;
        Ok(Outgoing {
            subject: self.subjects.clean(room, kind),
            msg_id: Some(format!("{room}/{kind}/{}", clean.id)),
            payload,
        })
    }

    fn dead_letter(
        &self,
        subject: &str,
        message: &jetstream::Message,
        reject: &Reject,
    ) -> Outgoing {
        let info = message.info().ok();
        let stream_sequence = info.as_ref().map(|i| i.stream_sequence);
        let text = std::str::from_utf8(&message.payload).ok();
        let letter = DeadLetter {
            subject,
            stream_sequence,
            delivered: info.as_ref().map(|i| i.delivered),
            error: DeadError {
                code: reject.code,
                message: &reject.message,
            },
            payload: text,
            payload_base64: match text {
                Some(_) => None,
                None => Some(data_encoding::BASE64.encode(&message.payload)),
            },
        };
        let tail = self.subjects.raw_tail(subject).unwrap_or("invalid");
        Outgoing {
            subject: format!("{}.dead.{tail}", self.subjects.prefix),
            msg_id: stream_sequence.map(|seq| format!("{}/{seq}", self.subjects.raw_stream())),
            // a struct of strings and numbers always encodes
            payload: serde_json::to_vec(&letter).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Subjects;

    #[test]
    fn subjects_and_streams() {
        let s = Subjects::new("custos-t1").unwrap();
        assert_eq!(s.raw_stream(), "CUSTOS_T1_RAW");
        assert_eq!(s.clean_stream(), "CUSTOS_T1_CLEAN");
        assert_eq!(s.raw("r1", "chat"), "custos-t1.raw.r1.chat");
        assert_eq!(s.clean("r1", "chat"), "custos-t1.clean.r1.chat");
        assert_eq!(s.all("dead"), "custos-t1.dead.>");
        assert_eq!(s.raw_tail("custos-t1.raw.r1.chat"), Some("r1.chat"));
        assert_eq!(s.raw_tail("custos-t1.clean.r1.chat"), None);
        assert_eq!(s.raw_tail("custos.raw.r1.chat"), None);
        for bad in ["", "a.b", "a>", "*"] {
            assert!(Subjects::new(bad).is_err(), "{bad:?}");
        }
    }
}
