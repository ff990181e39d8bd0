//! Server settings: defaults, a TOML file, `CUSTOS_…` environment variables;
//! the command line overrides them last.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::Error;

/// Everything the server needs to start, in the order of precedence
/// defaults < config file < environment < command-line flags.
///
/// ```toml
/// listen = "0.0.0.0:8080"
/// data_dir = "/var/lib/custos"
/// policy = "/etc/custos/policy.toml"
/// body_limit_bytes = 1048576
/// batch_limit = 1000
/// request_timeout_ms = 10000
/// tls_cert = "/etc/custos/cert.pem"
/// tls_key = "/etc/custos/key.pem"
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// Address to listen on (`CUSTOS_LISTEN`), default `127.0.0.1:8080`.
    pub listen: SocketAddr,
    /// The data folder holding the API keys (`CUSTOS_DATA_DIR`), default `./custos-data`.
    pub data_dir: PathBuf,
    /// The policy file (`CUSTOS_POLICY`); the shipped default when unset.
    pub policy: Option<PathBuf>,
    /// The tenant key file for tokenize/pseudonymize (`CUSTOS_KEY_FILE`);
    /// the `CUSTOS_KEY` variable otherwise.
    pub key_file: Option<PathBuf>,
    /// The largest request body accepted, in bytes (`CUSTOS_BODY_LIMIT_BYTES`), default 1 MiB.
    pub body_limit_bytes: usize,
    /// The most items in one batch (`CUSTOS_BATCH_LIMIT`), default 1000.
    pub batch_limit: usize,
    /// The longest a request may take, in milliseconds (`CUSTOS_REQUEST_TIMEOUT_MS`), default 10 s.
    pub request_timeout_ms: u64,
    /// How long shutdown waits for in-flight requests, in milliseconds
    /// (`CUSTOS_SHUTDOWN_GRACE_MS`), default 30 s.
    pub shutdown_grace_ms: u64,
    /// Requests whose texts total at most this many bytes are processed on the
    /// async runtime; larger ones on the blocking pool (`CUSTOS_INLINE_MAX_BYTES`), default 4096.
    pub inline_max_bytes: usize,
    /// How many large requests are processed at once on the blocking pool
    /// (`CUSTOS_WORKERS`); default: the number of cores.
    pub workers: Option<usize>,
    /// Report findings scoring at least this, 0 to 1 (`CUSTOS_MIN_SCORE`).
    pub min_score: f32,
    /// PEM certificate chain for TLS (`CUSTOS_TLS_CERT`); plain HTTP when unset.
    pub tls_cert: Option<PathBuf>,
    /// PEM private key for TLS (`CUSTOS_TLS_KEY`).
    pub tls_key: Option<PathBuf>,
    /// Serve without API keys (`CUSTOS_INSECURE_NO_AUTH`): local demos only.
    pub insecure_no_auth: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./custos-data"),
            policy: None,
            key_file: None,
            body_limit_bytes: 1 << 20,
            batch_limit: 1000,
            request_timeout_ms: 10_000,
            shutdown_grace_ms: 30_000,
            inline_max_bytes: 4096,
            workers: None,
            min_score: custos_detect::DEFAULT_MIN_SCORE,
            tls_cert: None,
            tls_key: None,
            insecure_no_auth: false,
        }
    }
}

/// The environment variables read by [`Config::apply_env`], with what they set.
pub const ENV_VARS: &[(&str, &str)] = &[
    ("CUSTOS_LISTEN", "listen"),
    ("CUSTOS_DATA_DIR", "data_dir"),
    ("CUSTOS_POLICY", "policy"),
    ("CUSTOS_KEY_FILE", "key_file"),
    ("CUSTOS_BODY_LIMIT_BYTES", "body_limit_bytes"),
    ("CUSTOS_BATCH_LIMIT", "batch_limit"),
    ("CUSTOS_REQUEST_TIMEOUT_MS", "request_timeout_ms"),
    ("CUSTOS_SHUTDOWN_GRACE_MS", "shutdown_grace_ms"),
    ("CUSTOS_INLINE_MAX_BYTES", "inline_max_bytes"),
    ("CUSTOS_WORKERS", "workers"),
    ("CUSTOS_MIN_SCORE", "min_score"),
    ("CUSTOS_TLS_CERT", "tls_cert"),
    ("CUSTOS_TLS_KEY", "tls_key"),
    ("CUSTOS_INSECURE_NO_AUTH", "insecure_no_auth"),
];

impl Config {
    /// Parses a TOML config file's text; `origin` names it in errors.
    pub fn from_toml_str(text: &str, origin: &Path) -> Result<Config, Error> {
        toml::from_str(text).map_err(|e| Error::ConfigParse {
            path: origin.to_owned(),
            message: e.to_string(),
        })
    }

    /// Reads the TOML config file at `path`, or the defaults when `None`.
    pub fn from_file(path: Option<&Path>) -> Result<Config, Error> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = std::fs::read_to_string(path).map_err(|source| Error::ConfigRead {
            path: path.to_owned(),
            source,
        })?;
        Config::from_toml_str(&text, path)
    }

    /// Applies the `CUSTOS_…` variables in `vars` (usually `std::env::vars()`);
    /// unknown variables are ignored, a set variable with a bad value is an error.
    pub fn apply_env(
        &mut self,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(), Error> {
        for (name, value) in vars {
            let Some(&(name, _)) = ENV_VARS.iter().find(|(n, _)| *n == name) else {
                continue;
            };
            self.set(name, &value)?;
        }
        Ok(())
    }

    fn set(&mut self, name: &'static str, value: &str) -> Result<(), Error> {
        let bad = |message: String| Error::Env { name, message };
        let path = || (!value.is_empty()).then(|| PathBuf::from(value));
        let number = |what: &str| -> Result<u64, Error> {
            value
                .trim()
                .parse::<u64>()
                .map_err(|_| bad(format!("{value:?} is not {what}")))
        };
        match name {
            "CUSTOS_LISTEN" => {
                self.listen = value.trim().parse().map_err(|_| {
                    bad(format!(
                        "{value:?} is not an address such as 127.0.0.1:8080"
                    ))
                })?
            }
            "CUSTOS_DATA_DIR" => self.data_dir = PathBuf::from(value),
            "CUSTOS_POLICY" => self.policy = path(),
            "CUSTOS_KEY_FILE" => self.key_file = path(),
            "CUSTOS_BODY_LIMIT_BYTES" => {
                self.body_limit_bytes = to_usize(number("a number of bytes")?)
            }
            "CUSTOS_BATCH_LIMIT" => self.batch_limit = to_usize(number("a number of items")?),
            "CUSTOS_REQUEST_TIMEOUT_MS" => {
                self.request_timeout_ms = number("a number of milliseconds")?
            }
            "CUSTOS_SHUTDOWN_GRACE_MS" => {
                self.shutdown_grace_ms = number("a number of milliseconds")?
            }
            "CUSTOS_INLINE_MAX_BYTES" => {
                self.inline_max_bytes = to_usize(number("a number of bytes")?)
            }
            "CUSTOS_WORKERS" => {
                self.workers = (!value.trim().is_empty())
                    .then(|| number("a number of workers").map(to_usize))
                    .transpose()?
            }
            "CUSTOS_MIN_SCORE" => {
                self.min_score = value
                    .trim()
                    .parse::<f32>()
                    .map_err(|_| bad(format!("{value:?} is not a number from 0 to 1")))?
            }
            "CUSTOS_TLS_CERT" => self.tls_cert = path(),
            "CUSTOS_TLS_KEY" => self.tls_key = path(),
            "CUSTOS_INSECURE_NO_AUTH" => {
                self.insecure_no_auth = match value.trim().to_ascii_lowercase().as_str() {
                    "1" | "true" | "yes" | "on" => true,
                    "" | "0" | "false" | "no" | "off" => false,
                    _ => return Err(bad(format!("{value:?} is not true or false"))),
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks the settings that the types do not: limits above zero, a score in
    /// range, TLS files given as a pair.
    pub fn validate(&self) -> Result<(), Error> {
        let invalid = |message: &str| Err(Error::InvalidConfig(message.to_owned()));
        if self.body_limit_bytes == 0 {
            return invalid("body_limit_bytes must be above 0");
        }
        if self.batch_limit == 0 {
            return invalid("batch_limit must be above 0");
        }
        if self.request_timeout_ms == 0 {
            return invalid("request_timeout_ms must be above 0");
        }
        if self.workers == Some(0) {
            return invalid("workers must be above 0 (or left out for the number of cores)");
        }
        if !(0.0..=1.0).contains(&self.min_score) {
            return invalid("min_score must be from 0 to 1");
        }
        match (&self.tls_cert, &self.tls_key) {
            (Some(_), None) => invalid("tls_cert is set but tls_key is not; give both or neither"),
            (None, Some(_)) => invalid("tls_key is set but tls_cert is not; give both or neither"),
            _ => Ok(()),
        }
    }

    /// The request timeout.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms)
    }

    /// How long shutdown waits for in-flight requests.
    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_millis(self.shutdown_grace_ms)
    }

    /// How many large requests run at once on the blocking pool.
    pub fn worker_count(&self) -> usize {
        self.workers.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
        })
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_file_then_env() {
        let mut config = Config::from_toml_str(
            "listen = \"0.0.0.0:9000\"\nbatch_limit = 5\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.batch_limit, 5);
        assert_eq!(config.body_limit_bytes, 1 << 20);
        config
            .apply_env(vars(&[
                ("CUSTOS_BATCH_LIMIT", "7"),
                ("CUSTOS_INSECURE_NO_AUTH", "true"),
                ("CUSTOS_POLICY", "/p.toml"),
                ("HOME", "/root"),
            ]))
            .unwrap();
        assert_eq!(config.batch_limit, 7);
        assert!(config.insecure_no_auth);
        assert_eq!(config.policy.as_deref(), Some(Path::new("/p.toml")));
        config.validate().unwrap();
    }

    #[test]
    fn bad_values_name_their_source() {
        let err = Config::from_toml_str("listen = 3\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("c.toml"), "{err}");
        let err = Config::from_toml_str("lissten = \"x\"\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("lissten"), "{err}");
        let mut config = Config::default();
        let err = config
            .apply_env(vars(&[("CUSTOS_BATCH_LIMIT", "many")]))
            .unwrap_err();
        assert!(err.to_string().contains("CUSTOS_BATCH_LIMIT"), "{err}");
        config.tls_cert = Some("c.pem".into());
        assert!(config
            .validate()
            .unwrap_err()
            .to_string()
            .contains("tls_key"));
    }
}
