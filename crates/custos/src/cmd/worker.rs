//! `custos worker`: masks live-room messages from NATS JetStream, the same way
//! `POST /v1/streams/{room}/messages` does; see `custos_server::worker`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use custos_server::{Config, Engine, Worker, WorkerConfig};

/// Consume raw messages from NATS JetStream and publish clean ones.
#[derive(clap::Args, Debug)]
#[command(after_help = "Subjects (P = --prefix): raw messages are read from \
P.raw.<room>.<kind> (stream P_RAW, created if missing), clean messages published to \
P.clean.<room>.<kind> (stream P_CLEAN, with a duplicate window: the header Nats-Msg-Id \
is <room>/<kind>/<id>), messages that cannot be processed to P.dead.<room>.<kind> \
(stream P_DEAD) with the reason. Every worker with the same --durable shares the work. \
A raw message is acknowledged only after its clean message or dead letter was stored; \
a worker killed before that loses nothing: JetStream redelivers after --ack-wait-ms. \
When producers outrun the workers, messages wait in P_RAW; each worker holds at most \
--max-in-flight of them. Other settings (body_limit_bytes as the message size limit, \
workers, inline_max_bytes, min_score, key_file) come from --config and CUSTOS_… \
variables as for `custos serve`. Logs are JSON lines on standard error; they never \
contain message texts.")]
pub(crate) struct WorkerArgs {
    /// The NATS server.
    #[arg(
        long,
        value_name = "URL",
        env = "CUSTOS_NATS_URL",
        default_value = "nats://127.0.0.1:4222"
    )]
    nats: String,
    /// First subject token and stream name stem.
    #[arg(long, env = "CUSTOS_NATS_PREFIX", default_value = "custos")]
    prefix: String,
    /// Durable consumer shared by the workers of one deployment [default: <prefix>-workers].
    #[arg(long, value_name = "NAME", env = "CUSTOS_NATS_DURABLE")]
    durable: Option<String>,
    /// Messages processed at once by this worker, and the largest pull batch.
    #[arg(long, value_name = "N", default_value_t = 256)]
    max_in_flight: usize,
    /// Milliseconds before JetStream redelivers an unacknowledged message
    /// (when the consumer is created).
    #[arg(long, value_name = "MS", default_value_t = 30_000)]
    ack_wait_ms: u64,
    /// Seconds of the clean stream's duplicate window (when it is created).
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    duplicate_window_secs: u64,
    /// The largest raw message in bytes [default: body_limit_bytes, 1 MiB].
    #[arg(long, value_name = "BYTES")]
    max_message_bytes: Option<usize>,
    /// Purpose declared in the policy [default: live_chat_display].
    #[arg(long)]
    purpose: Option<String>,
    /// Audience declared in the policy [default: public_chat].
    #[arg(long)]
    audience: Option<String>,
    /// The data subjects' region, e.g. CN or EU.
    #[arg(long)]
    region: Option<String>,
    /// Policy file (TOML) [default: the shipped policy].
    #[arg(long, value_name = "FILE", env = "CUSTOS_POLICY")]
    policy: Option<PathBuf>,
    /// TOML config file, as for `custos serve`.
    #[arg(long, value_name = "FILE", env = "CUSTOS_CONFIG")]
    config: Option<PathBuf>,
}

pub(crate) fn run(args: &WorkerArgs) -> Result<()> {
    let mut config = Config::from_file(args.config.as_deref())?;
    config.apply_env(std::env::vars())?;
    if args.policy.is_some() {
        config.policy.clone_from(&args.policy);
    }
    if let Some(limit) = args.max_message_bytes {
        config.body_limit_bytes = limit;
    }
    config.validate()?;
    let defaults = WorkerConfig::default();
    let worker_config = WorkerConfig {
        nats_url: args.nats.clone(),
        prefix: args.prefix.clone(),
        durable: args.durable.clone(),
        max_in_flight: args.max_in_flight,
        ack_wait: Duration::from_millis(args.ack_wait_ms),
        duplicate_window: Duration::from_secs(args.duplicate_window_secs),
        purpose: args.purpose.clone().unwrap_or(defaults.purpose),
        audience: args.audience.clone().unwrap_or(defaults.audience),
        region: args.region.clone(),
    };
    let keys = crate::cmd::mask::tenant_keys(config.key_file.as_deref())?;
    let engine = Arc::new(Engine::from_config(&config, keys)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        crate::cmd::init_logs();
        let worker = Worker::connect(engine, &config, &worker_config).await?;
        tracing::info!(
            nats = %worker_config.nats_url,
            prefix = %worker_config.prefix,
            max_in_flight = worker_config.max_in_flight,
            "custos worker started"
        );
        eprintln!(
            "custos: worker consuming {}.raw.> on {} (stop with ctrl-c or SIGTERM)",
            worker_config.prefix, worker_config.nats_url
        );
        let stats = worker.run(custos_server::shutdown_signal()).await?;
        eprintln!(
            "custos: worker stopped: {} clean, {} dead letters, {} left for redelivery",
            stats.clean, stats.dead, stats.retried
        );
        Ok(())
    })
}
