//! One module per subcommand.

pub(crate) mod bench;
pub(crate) mod detect;
pub(crate) mod eval;
pub(crate) mod keys;
pub(crate) mod mask;
pub(crate) mod policy;
pub(crate) mod serve;
pub(crate) mod worker;

/// JSON logs on standard error for the long-running commands (serve, worker); the
/// level comes from `RUST_LOG` (default info). A second call keeps the first subscriber.
pub(crate) fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
