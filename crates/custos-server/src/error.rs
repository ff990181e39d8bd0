//! Errors: [`Error`] for starting the server, [`ApiError`] for answering a request.

use std::path::PathBuf;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Why the server could not be set up or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The config file could not be read.
    #[error("cannot read config file {}: {source}", path.display())]
    ConfigRead {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The config file is not valid TOML of the expected shape.
    #[error("config file {}: {message}", path.display())]
    ConfigParse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column.
        message: String,
    },
    /// An environment variable has a value that cannot be used.
    #[error("environment variable {name}: {message}")]
    Env {
        /// The variable.
        name: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A setting is out of range or inconsistent with another.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// The policy file could not be read.
    #[error("cannot read policy file {}: {source}", path.display())]
    PolicyRead {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The policy file has lint errors.
    #[error("policy file {}: {message}", path.display())]
    Policy {
        /// The file.
        path: PathBuf,
        /// The lint report, one problem per line with line and column.
        message: String,
    },
    /// The detector could not be built.
    #[error("cannot set up the detector: {0}")]
    Detector(String),
    /// The TLS certificate or key could not be used.
    #[error("TLS: {0}")]
    Tls(String),
    /// No authenticator was given and `insecure_no_auth` is off.
    #[error(
        "no API key store: create the first admin key with \
         `custos keys create --role admin --data-dir DIR` and start again, \
         or pass --insecure-no-auth for a local demo (never in production)"
    )]
    NoAuthenticator,
    /// The listening socket could not be opened.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: std::net::SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The server stopped with an I/O error.
    #[error("server error: {0}")]
    Serve(std::io::Error),
}

/// An error answer: a status and `{"error": "...", "code": "..."}`. Messages
/// say what to do; they never contain the request's texts or keys. For 5xx the
/// message is generic and the detail goes to the log.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ErrorBody<'a> {
    /// What went wrong and what to do about it.
    error: &'a str,
    /// A stable machine-readable code, e.g. `unauthorized`, `body_too_large`.
    code: &'a str,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400: the request body or a parameter is wrong.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 401: no key, or a key that is not valid.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// 403: a valid key whose role may not do this.
    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 413: the body is over the limit.
    pub fn body_too_large(limit: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!(
                "the request body is over the limit of {limit} bytes; \
                 split it into smaller requests"
            ),
        )
    }

    /// 413: the batch has too many items.
    pub fn batch_too_large(items: usize, limit: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!(
                "the batch has {items} items, over the limit of {limit}; \
                 split it into batches of at most {limit}"
            ),
        )
    }

    /// 500: something failed inside; the detail is logged, not returned.
    pub fn internal(detail: &str) -> Self {
        tracing::error!(detail, "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "something went wrong inside the server; the detail is in its log",
        )
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

/// The rejection reason recorded in the metrics and the access log.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rejected(pub(crate) &'static str);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: &self.message,
            code: self.code,
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"custos\""),
            );
        }
        response.extensions_mut().insert(Rejected(self.code));
        response
    }
}
