//! `custos worker` against the real NATS server on this machine
//! (127.0.0.1:4222 with JetStream; `.ci/run` starts it). Each test works under
//! its own subject prefix and deletes its streams at the end. Without a
//! reachable server the tests fail when `CI=true` and are skipped, loudly,
//! elsewhere.
//!
//! Throughput: `cargo test --release -p custos --test worker -- --ignored --nocapture`.
#![allow(missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use async_nats::jetstream::{self, consumer};
use custos_server::worker::{ensure_streams, Subjects};
use futures_util::StreamExt;
use serde_json::{json, Value};

const NATS: &str = "nats://127.0.0.1:4222";
const PHONE: &str = "13812345678";
/// Short enough that a killed worker's messages come back within a test.
const ACK_WAIT_MS: &str = "2000";

async fn connect() -> Option<jetstream::Context> {
    let connected = tokio::time::timeout(
        Duration::from_secs(5),
        async_nats::ConnectOptions::new()
            .connection_timeout(Duration::from_secs(3))
            .connect(NATS),
    )
    .await;
    match connected {
        Ok(Ok(client)) => Some(jetstream::new(client)),
        Ok(Err(e)) => unreachable_nats(&e.to_string()),
        Err(_) => unreachable_nats("timed out"),
    }
}

fn unreachable_nats(why: &str) -> Option<jetstream::Context> {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("NATS is not reachable at {NATS} ({why}); CI needs it (.ci/run starts it)");
    }
    eprintln!("SKIPPED: NATS is not reachable at {NATS} ({why}); start it to run this test");
    None
}

fn unique_prefix(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("custos-test-{name}-{}-{nanos}", std::process::id())
}

/// A `custos worker` child process, killed (SIGKILL) when dropped.
struct WorkerProcess(Child);

impl WorkerProcess {
    fn start(prefix: &str, max_in_flight: usize) -> Result<WorkerProcess> {
        let child = Command::new(env!("CARGO_BIN_EXE_custos"))
            .args(["worker", "--nats", NATS, "--prefix", prefix])
            .args(["--ack-wait-ms", ACK_WAIT_MS, "--max-message-bytes", "4096"])
            .args(["--max-in-flight", &max_in_flight.to_string()])
            .env("RUST_LOG", "error")
            .env_remove("CUSTOS_CONFIG")
            .env_remove("CUSTOS_POLICY")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .context("cannot start custos worker")?;
        Ok(WorkerProcess(child))
    }

    /// kill -9.
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

struct Fixture {
    js: jetstream::Context,
    subjects: Subjects,
}

impl Fixture {
    async fn new(prefix: &str) -> Result<Option<Fixture>> {
        let Some(js) = connect().await else {
            return Ok(None);
        };
        let subjects = Subjects::new(prefix)?;
        ensure_streams(&js, &subjects, Duration::from_secs(120)).await?;
        Ok(Some(Fixture { js, subjects }))
    }

    async fn cleanup(&self) {
        for name in [
            self.subjects.raw_stream(),
            self.subjects.clean_stream(),
            self.subjects.dead_stream(),
        ] {
            let _ = self.js.delete_stream(&name).await;
        }
    }

    async fn publish_raw(&self, room: &str, kind: &str, payload: Vec<u8>) -> Result<()> {
        self.js
            .publish(self.subjects.raw(room, kind), payload.into())
            .await?
            .await?;
        Ok(())
    }

    /// `n` chat lines with a phone number, ids `m0`…, over three rooms.
    async fn publish_chat(&self, n: usize) -> Result<BTreeSet<String>> {
        let mut acks = Vec::with_capacity(500);
        let mut ids = BTreeSet::new();
        for i in 0..n {
            let id = format!("m{i}");
            let body = json!({
                "id": id,
                "user": format!("viewer{i}"),
                "text": format!("想要的加我 {PHONE} 第{i}条 call me"),
            });
            let subject = self.subjects.raw(&format!("room{}", i % 3), "chat");
            acks.push(
                self.js
                    .publish(subject, serde_json::to_vec(&body)?.into())
                    .await?,
            );
            ids.insert(id);
            // the client holds a bounded number of unacknowledged publishes
            if acks.len() == 500 {
                for ack in acks.drain(..) {
                    ack.await?;
                }
            }
        }
        for ack in acks {
            ack.await?;
        }
        Ok(ids)
    }

    async fn stream_messages(&self, name: &str) -> Result<u64> {
        let stream = self.js.get_stream(name).await?;
        Ok(stream.get_info().await?.state.messages)
    }

    /// Waits until the stream `name` holds `n` messages (or `deadline`).
    async fn wait_for(&self, name: &str, n: u64, deadline: Instant) -> Result<u64> {
        loop {
            let have = self.stream_messages(name).await?;
            if have >= n || Instant::now() > deadline {
                return Ok(have);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Every message of the stream `name`, as JSON.
    async fn read_all(&self, name: &str) -> Result<Vec<Value>> {
        let stream = self.js.get_stream(name).await?;
        let total = stream.get_info().await?.state.messages;
        let consumer: consumer::PullConsumer = stream
            .create_consumer(consumer::pull::Config {
                ack_policy: consumer::AckPolicy::None,
                deliver_policy: consumer::DeliverPolicy::All,
                ..Default::default()
            })
            .await?;
        let mut out = Vec::new();
        let mut messages = consumer.messages().await?;
        while (out.len() as u64) < total {
            let next = tokio::time::timeout(Duration::from_secs(5), messages.next())
                .await
                .context("reading the stream timed out")?;
            let Some(message) = next else { break };
            let message = message.map_err(|e| anyhow::anyhow!("{e}"))?;
            out.push(serde_json::from_slice(&message.payload)?);
        }
        Ok(out)
    }

    /// Checks the clean stream: every id exactly once, no phone number.
    async fn check_clean(&self, ids: &BTreeSet<String>) -> Result<()> {
        let clean = self.read_all(&self.subjects.clean_stream()).await?;
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for message in &clean {
            let id = message["id"].as_str().context("clean message without id")?;
            *seen.entry(id.to_owned()).or_default() += 1;
            let text = message["message"]["text"]
                .as_str()
                .context("clean message without text")?;
            ensure!(!text.contains(PHONE), "phone number left in {text:?}");
            ensure!(message["changed"] == true, "nothing masked in {message}");
            ensure!(message["message"]["kind"] == "chat");
        }
        let got: BTreeSet<String> = seen.keys().cloned().collect();
        let missing: Vec<_> = ids.difference(&got).take(5).collect();
        ensure!(
            missing.is_empty(),
            "{} missing, e.g. {missing:?}",
            ids.len() - got.len().min(ids.len())
        );
        ensure!(got == *ids, "unexpected ids in the clean stream");
        let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).take(5).collect();
        ensure!(twice.is_empty(), "published more than once: {twice:?}");
        Ok(())
    }
}

/// Runs `body` with a 30 s limit, then deletes the streams whatever happened.
async fn run_test<F, Fut>(name: &str, body: F)
where
    F: FnOnce(Fixture) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let prefix = unique_prefix(name);
    let fixture = match Fixture::new(&prefix).await {
        Ok(Some(fixture)) => fixture,
        Ok(None) => return,
        Err(e) => panic!("cannot set up the streams: {e:#}"),
    };
    let cleanup = Fixture {
        js: fixture.js.clone(),
        subjects: fixture.subjects.clone(),
    };
    let result = tokio::time::timeout(Duration::from_secs(30), body(fixture)).await;
    cleanup.cleanup().await;
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("{e:#}"),
        Err(_) => panic!("the test took more than 30 s"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_clean_every_message_once_and_dead_letter_bad_ones() {
    run_test("e2e", |f| async move {
        let ids = f.publish_chat(300).await?;
        f.publish_raw("room0", "chat", b"{not json".to_vec())
            .await?;
        f.publish_raw("room1", "chat", br#"{"text": "no id here"}"#.to_vec())
            .await?;
        f.publish_raw("room2", "chat", vec![b'x'; 5000]).await?;
        f.publish_raw("room2", "chat", b"\xff\xfe".to_vec()).await?;
        let _a = WorkerProcess::start(f.subjects.prefix(), 32)?;
        let _b = WorkerProcess::start(f.subjects.prefix(), 32)?;
        let deadline = Instant::now() + Duration::from_secs(25);
        let clean = f
            .wait_for(&f.subjects.clean_stream(), ids.len() as u64, deadline)
            .await?;
        let dead = f.wait_for(&f.subjects.dead_stream(), 4, deadline).await?;
        ensure!(clean == 300, "{clean} clean messages of 300");
        ensure!(dead == 4, "{dead} dead letters of 4");
        f.check_clean(&ids).await?;
        let letters = f.read_all(&f.subjects.dead_stream()).await?;
        let mut codes: Vec<&str> = letters
            .iter()
            .map(|l| l["error"]["code"].as_str().unwrap_or("?"))
            .collect();
        codes.sort_unstable();
        ensure!(
            codes == ["bad_request", "not_json", "not_json", "too_large"],
            "dead-letter codes {codes:?}"
        );
        for letter in &letters {
            ensure!(letter["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()));
            ensure!(letter["subject"]
                .as_str()
                .is_some_and(|s| s.contains(".raw.room")));
            ensure!(letter["payload"].is_string() || letter["payload_base64"].is_string());
        }
        let missing_id = letters
            .iter()
            .find(|l| l["error"]["code"] == "bad_request")
            .context("no bad_request letter")?;
        ensure!(missing_id["payload"] == r#"{"text": "no id here"}"#);
        ensure!(letters.iter().any(|l| l["payload_base64"] == "//4="));
        // the raw stream is a work queue: everything acknowledged, nothing left
        let raw = f.wait_for_empty(&f.subjects.raw_stream(), deadline).await?;
        ensure!(raw == 0, "{raw} raw messages left unacknowledged");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_mid_stream_loses_nothing() {
    run_test("kill", |f| async move {
        let n = 2000;
        let ids = f.publish_chat(n).await?;
        let prefix = f.subjects.prefix().to_owned();
        let mut a = WorkerProcess::start(&prefix, 64)?;
        let _b = WorkerProcess::start(&prefix, 64)?;
        let deadline = Instant::now() + Duration::from_secs(25);
        let before = f
            .wait_for(&f.subjects.clean_stream(), 200, deadline)
            .await?;
        a.kill();
        let clean = f
            .wait_for(&f.subjects.clean_stream(), n as u64, deadline)
            .await?;
        ensure!(
            clean == n as u64,
            "{clean} clean messages of {n} (worker killed after {before})"
        );
        f.check_clean(&ids).await?;
        let raw = f.wait_for_empty(&f.subjects.raw_stream(), deadline).await?;
        ensure!(raw == 0, "{raw} raw messages left unacknowledged");
        eprintln!("killed a worker at {before} of {n} clean messages; all {n} arrived once");
        Ok(())
    })
    .await;
}

/// Messages per second through `workers` worker processes, measured from the
/// first clean message to the last.
async fn throughput(f: &Fixture, n: usize, workers: usize) -> Result<f64> {
    f.publish_chat(n).await?;
    let prefix = f.subjects.prefix().to_owned();
    let _procs: Vec<_> = (0..workers)
        .map(|_| WorkerProcess::start(&prefix, 256))
        .collect::<Result<_>>()?;
    let deadline = Instant::now() + Duration::from_secs(120);
    let clean = f.subjects.clean_stream();
    let first = f.wait_for(&clean, 1, deadline).await?;
    let started = Instant::now();
    let done = f.wait_for(&clean, n as u64, deadline).await?;
    let secs = started.elapsed().as_secs_f64();
    if done < n as u64 {
        bail!("{done} of {n} after the deadline");
    }
    Ok((done - first) as f64 / secs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
async fn measure_throughput() {
    for workers in [1, 2] {
        let prefix = unique_prefix(&format!("bench{workers}"));
        let Some(f) = Fixture::new(&prefix).await.expect("streams") else {
            return;
        };
        let rate = throughput(&f, 20_000, workers).await;
        f.cleanup().await;
        let rate = rate.expect("throughput run");
        println!("custos worker x{workers}: {rate:.0} messages/s");
    }
}

impl Fixture {
    /// Waits until the stream `name` is empty (or `deadline`); its count then.
    async fn wait_for_empty(&self, name: &str, deadline: Instant) -> Result<u64> {
        loop {
            let have = self.stream_messages(name).await?;
            if have == 0 || Instant::now() > deadline {
                return Ok(have);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
