//! `custos serve`: the HTTP API over detection and masking.
//!
//! Settings come from the defaults, then `--config FILE` (TOML), then the
//! `CUSTOS_…` environment, then the flags below; see `custos_server::Config`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use custos_server::{AppState, Config, Engine, Server};
use custos_store::{Authenticator, KeyAuthenticator, Location, Store};

/// Serve the HTTP API.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Other settings (body_limit_bytes, batch_limit, request_timeout_ms, \
shutdown_grace_ms, inline_max_bytes, workers, min_score, key_file) are read from the \
--config file and from CUSTOS_BODY_LIMIT_BYTES, CUSTOS_BATCH_LIMIT, \
CUSTOS_REQUEST_TIMEOUT_MS, CUSTOS_SHUTDOWN_GRACE_MS, CUSTOS_INLINE_MAX_BYTES, \
CUSTOS_WORKERS, CUSTOS_MIN_SCORE, CUSTOS_KEY_FILE; the tenant key for tokenize and \
pseudonymize from key_file or CUSTOS_KEY. Precedence: flags, then environment, then \
the config file, then defaults. Logs are JSON lines on standard error \
(level from RUST_LOG, default info); they never contain texts or keys."
)]
pub(crate) struct ServeArgs {
    /// TOML config file with any of the settings (flags and CUSTOS_… variables win).
    #[arg(long, value_name = "FILE", env = "CUSTOS_CONFIG")]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR", env = "CUSTOS_LISTEN")]
    listen: Option<SocketAddr>,
    /// Data folder holding the API keys (custos.db) [default: ./custos-data].
    #[arg(long, value_name = "DIR", env = "CUSTOS_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// A PostgreSQL URL for the API keys instead of the data folder.
    #[arg(
        long,
        value_name = "URL",
        env = "CUSTOS_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
    /// Policy file (TOML) [default: the shipped policy, `custos policy show`].
    #[arg(long, value_name = "FILE", env = "CUSTOS_POLICY")]
    policy: Option<PathBuf>,
    /// Serve without API keys: anyone who can reach the port may call every
    /// route. For a local demo only; never in production.
    #[arg(long, env = "CUSTOS_INSECURE_NO_AUTH")]
    insecure_no_auth: bool,
    /// PEM certificate chain: serve HTTPS (with --tls-key).
    #[arg(
        long,
        value_name = "FILE",
        env = "CUSTOS_TLS_CERT",
        requires = "tls_key"
    )]
    tls_cert: Option<PathBuf>,
    /// PEM private key for --tls-cert.
    #[arg(
        long,
        value_name = "FILE",
        env = "CUSTOS_TLS_KEY",
        requires = "tls_cert"
    )]
    tls_key: Option<PathBuf>,
}

/// Defaults, config file, environment, flags: in that order, the last wins.
fn resolve(args: &ServeArgs) -> Result<Config> {
    let mut config = Config::from_file(args.config.as_deref())?;
    config.apply_env(std::env::vars())?;
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    if let Some(dir) = &args.data_dir {
        config.data_dir.clone_from(dir);
    }
    if args.policy.is_some() {
        config.policy.clone_from(&args.policy);
    }
    if args.insecure_no_auth {
        config.insecure_no_auth = true;
    }
    if args.tls_cert.is_some() {
        config.tls_cert.clone_from(&args.tls_cert);
        config.tls_key.clone_from(&args.tls_key);
    }
    config.validate()?;
    Ok(config)
}

/// The tenant key from key_file or CUSTOS_KEY, if any; never echoed.
/// The API key store's authenticator; refuses to start while it holds no key.
async fn authenticator(
    config: &Config,
    database_url: Option<&str>,
) -> Result<Arc<dyn Authenticator>> {
    let location = Location::from_flags(&config.data_dir, database_url);
    let store = Store::open(&location)
        .await
        .with_context(|| format!("cannot open the API key store {location}"))?;
    let keys = store
        .list_keys()
        .await
        .with_context(|| format!("cannot read the API keys in {location}"))?;
    if !keys.iter().any(|k| !k.revoked()) {
        bail!(
            "no API key in {location}: create the first admin key with\n\n    \
             custos keys create --role admin --data-dir {}\n\n\
             then start again and send it as `Authorization: Bearer <key>`; \
             or pass --insecure-no-auth for a local demo (never in production)",
            config.data_dir.display()
        );
    }
    Ok(Arc::new(KeyAuthenticator::new(store)))
}

pub(crate) fn run(args: &ServeArgs) -> Result<()> {
    let config = resolve(args)?;
    let keys = crate::cmd::mask::tenant_keys(config.key_file.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        crate::cmd::init_logs();
        let auth = if config.insecure_no_auth {
            tracing::warn!(
                "INSECURE: --insecure-no-auth is set; every route is open to anyone who can \
                 reach {}; use it for local demos only",
                config.listen
            );
            eprintln!(
                "custos: WARNING: serving WITHOUT authentication (--insecure-no-auth); \
                 local demos only, never in production"
            );
            None
        } else {
            Some(authenticator(&config, args.database_url.as_deref()).await?)
        };
        let engine = Arc::new(Engine::from_config(&config, keys)?);
        let state = AppState::new(engine, &config, auth)?;
        let server = Server::bind(&config, state)?;
        let addr = server.local_addr()?;
        let scheme = if server.is_tls() { "https" } else { "http" };
        tracing::info!(
            listen = %addr,
            tls = server.is_tls(),
            auth = !config.insecure_no_auth,
            policy = config.policy.as_ref().map_or_else(|| "default".to_owned(), |p| p.display().to_string()),
            "custos serve started"
        );
        eprintln!("custos: serving on {scheme}://{addr} (stop with ctrl-c or SIGTERM)");
        server.run(custos_server::shutdown_signal()).await?;
        tracing::info!("custos serve stopped");
        Ok(())
    })
}
