//! Binding, TLS, serving and graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum_server::tls_rustls::RustlsConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::sync::Notify;

use crate::{app, AppState, Config, Error};

/// A bound server, ready to run: bind first (to learn the port, to fail early
/// on a bad certificate), then [`Server::run`].
#[derive(Debug)]
pub struct Server {
    listener: std::net::TcpListener,
    tls: Option<RustlsConfig>,
    state: AppState,
    grace: std::time::Duration,
}

impl Server {
    /// Binds `config.listen` and loads the TLS certificate and key, if any.
    pub fn bind(config: &Config, state: AppState) -> Result<Server, Error> {
        config.validate()?;
        let tls = match (&config.tls_cert, &config.tls_key) {
            (Some(cert), Some(key)) => Some(tls_config(cert, key)?),
            _ => None,
        };
        let bind_err = |source| Error::Bind {
            addr: config.listen,
            source,
        };
        let listener = std::net::TcpListener::bind(config.listen).map_err(bind_err)?;
        listener.set_nonblocking(true).map_err(bind_err)?;
        Ok(Server {
            listener,
            tls,
            state,
            grace: config.shutdown_grace(),
        })
    }

    /// The address actually bound (the port when 0 was asked for).
    pub fn local_addr(&self) -> Result<SocketAddr, Error> {
        self.listener.local_addr().map_err(Error::Serve)
    }

    /// Whether the server speaks TLS.
    pub fn is_tls(&self) -> bool {
        self.tls.is_some()
    }

    /// Serves until `shutdown` completes, then stops accepting, marks itself
    /// not ready and lets in-flight requests finish, for at most the grace
    /// period.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), Error> {
        let Server {
            listener,
            tls,
            state,
            grace,
        } = self;
        let router = app(state.clone());
        let draining = Arc::new(Notify::new());
        let signal = {
            let draining = Arc::clone(&draining);
            async move {
                shutdown.await;
                state.set_draining();
                tracing::info!(
                    grace_ms = u64::try_from(grace.as_millis()).unwrap_or(u64::MAX),
                    "shutting down: no new connections, finishing requests in flight"
                );
                draining.notify_one();
            }
        };
        match tls {
            Some(tls) => {
                let handle = axum_server::Handle::new();
                let stopper = handle.clone();
                tokio::spawn(async move {
                    signal.await;
                    stopper.graceful_shutdown(Some(grace));
                });
                axum_server::from_tcp_rustls(listener, tls)
                    .handle(handle)
                    .serve(router.into_make_service())
                    .await
                    .map_err(Error::Serve)
            }
            None => {
                let listener = tokio::net::TcpListener::from_std(listener).map_err(Error::Serve)?;
                let serve = axum::serve(listener, router).with_graceful_shutdown(signal);
                tokio::select! {
                    result = serve => result.map_err(Error::Serve),
                    () = async {
                        draining.notified().await;
                        tokio::time::sleep(grace).await;
                    } => {
                        tracing::warn!("grace period over; stopping with requests still in flight");
                        Ok(())
                    }
                }
            }
        }
    }
}

/// Waits for ctrl-c or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

fn tls_config(cert: &Path, key: &Path) -> Result<RustlsConfig, Error> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| Error::Tls(format!("cannot read certificate {}: {e}", cert.display())))?
        .collect::<Result<_, _>>()
        .map_err(|e| Error::Tls(format!("certificate {}: {e}", cert.display())))?;
    if certs.is_empty() {
        return Err(Error::Tls(format!(
            "{} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            cert.display()
        )));
    }
    // the key's own bytes never appear in an error
    let private = PrivateKeyDer::from_pem_file(key).map_err(|e| {
        Error::Tls(format!(
            "cannot read a PEM private key from {}: {e}",
            key.display()
        ))
    })?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, private)
        .map_err(|e| {
            Error::Tls(format!(
                "certificate {} and key {} do not form a usable pair: {e}",
                cert.display(),
                key.display()
            ))
        })?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(RustlsConfig::from_config(Arc::new(config)))
}
