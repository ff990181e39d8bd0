//! Opening the database (SQLite or PostgreSQL), migrations, and the bridge
//! between the caller's threads and the store's own runtime.
//!
//! # One code path for two engines
//!
//! The store holds one [`sqlx::AnyPool`]. Every query is written once, with
//! `$1, $2, …` placeholders (which SQLite also understands) and only portable
//! types (`TEXT`, `BIGINT`, nullable), so there is no `match backend` in the
//! query code. What differs per engine is only what must: the migration files
//! (`migrations/sqlite/`, `migrations/postgres/`, embedded at compile time by
//! `sqlx::migrate!`) and the SQLite-only setup (WAL journal). The price is that
//! `Any` has no compile-time checked queries and no rich types (times are Unix
//! seconds); the integration suite runs every query on both engines instead.
//!
//! # Its own runtime
//!
//! All database work runs on one small, process-wide tokio runtime owned by
//! this crate (one worker thread named `custos-store`). Async callers await a
//! join handle, which works from any executor; sync callers (the
//! [`Authenticator`](crate::Authenticator) trait is sync) send the work there
//! and wait, inside [`tokio::task::block_in_place`] when they are themselves on
//! a multi-threaded tokio runtime. Because the work never needs the caller's
//! runtime to make progress, a sync call cannot deadlock it, whatever its flavor.

use std::fmt;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use tokio::runtime::{Runtime, RuntimeFlavor};

use crate::error::{Error, Result};

/// The file name of the embedded database inside the data folder.
pub const SQLITE_FILE_NAME: &str = "custos.db";

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Which database engine a [`Store`] runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default: one SQLite file under the data folder.
    Sqlite,
    /// PostgreSQL, for deployments of several processes.
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        })
    }
}

/// Where a [`Store`] lives.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// `<dir>/custos.db` (SQLite), the folder and file created when missing.
    DataDir(PathBuf),
    /// A database URL: `postgres://…`/`postgresql://…`, or `sqlite://PATH`.
    ///
    /// To keep Custos's tables in their own PostgreSQL schema, add
    /// `?options=-c%20search_path%3DSCHEMA` (the schema must exist).
    Url(String),
}

impl Location {
    /// The database URL if one is given, else the data folder: what the
    /// `--database-url` / `--data-dir` flags resolve to.
    pub fn from_flags(data_dir: &Path, database_url: Option<&str>) -> Location {
        match database_url {
            Some(url) if !url.trim().is_empty() => Location::Url(url.trim().to_owned()),
            _ => Location::DataDir(data_dir.to_path_buf()),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::DataDir(dir) => f.debug_tuple("DataDir").field(dir).finish(),
            Location::Url(url) => f.debug_tuple("Url").field(&redact_url(url)).finish(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::DataDir(dir) => write!(f, "{}", dir.join(SQLITE_FILE_NAME).display()),
            Location::Url(url) => f.write_str(&redact_url(url)),
        }
    }
}

/// The handle to Custos's database. Cheap to clone; all clones share one pool.
#[derive(Clone)]
pub struct Store {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) pool: AnyPool,
    backend: Backend,
    target: String,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.inner.backend)
            .field("target", &self.inner.target)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `location` and applies any
    /// schema migrations this build has that the database lacks.
    pub async fn open(location: &Location) -> Result<Store> {
        let location = location.clone();
        spawn(async move { open_inner(location).await }).await
    }

    /// [`Store::open`] for callers without an async context.
    pub fn open_blocking(location: &Location) -> Result<Store> {
        let location = location.clone();
        block_on(async move { open_inner(location).await })
    }

    /// The engine this store runs on.
    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// Where the store is, for messages: a file path, or a URL without password.
    pub fn target(&self) -> &str {
        &self.inner.target
    }

    /// The schema versions applied so far, oldest first.
    pub async fn schema_versions(&self) -> Result<Vec<i64>> {
        let pool = self.inner.pool.clone();
        spawn(async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version",
            )
            .fetch_all(&pool)
            .await
            .map_err(|source| Error::Query {
                what: "read schema versions",
                source,
            })
        })
        .await
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        let pool = self.inner.pool.clone();
        let _ = spawn(async move {
            pool.close().await;
            Ok(())
        })
        .await;
    }
}

async fn open_inner(location: Location) -> Result<Store> {
    sqlx::any::install_default_drivers();
    let (backend, url, target) = match location {
        Location::DataDir(dir) => {
            let file = prepare_data_dir(&dir)?;
            let url = sqlite_url(&file)?;
            (Backend::Sqlite, url, file.display().to_string())
        }
        Location::Url(url) => {
            let scheme = url
                .split(':')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            let backend = match scheme.as_str() {
                "postgres" | "postgresql" => Backend::Postgres,
                "sqlite" => Backend::Sqlite,
                _ => return Err(Error::UnsupportedUrl { scheme }),
            };
            let url = if backend == Backend::Sqlite && !url.contains("mode=") {
                // Create the file when missing, as the data-folder form does.
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            } else {
                url.clone()
            };
            let target = redact_url(&url);
            (backend, url, target)
        }
    };
    let connect_err = |source| Error::Connect {
        backend,
        target: target.clone(),
        source,
    };
    let max = match backend {
        Backend::Sqlite => 4,
        Backend::Postgres => 8,
    };
    let pool = AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&url)
        .await
        .map_err(connect_err)?;
    let migrator = match backend {
        Backend::Sqlite => {
            // WAL lets readers (a running server) and a writer (`custos keys`)
            // work at once; the mode is stored in the file, so once is enough.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(connect_err)?;
            &SQLITE_MIGRATIONS
        }
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrator
        .run(&pool)
        .await
        .map_err(|source| Error::Migrate { backend, source })?;
    Ok(Store {
        inner: Arc::new(Inner {
            pool,
            backend,
            target,
        }),
    })
}

/// Creates the data folder (owner-only on Unix) and returns the database file's
/// absolute path.
fn prepare_data_dir(dir: &Path) -> Result<PathBuf> {
    let dir_err = |source| Error::DataDir {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(dir_err)?;
    }
    let dir = dir.canonicalize().map_err(dir_err)?;
    Ok(dir.join(SQLITE_FILE_NAME))
}

/// `sqlite://<absolute path, percent-encoded>?mode=rwc`.
fn sqlite_url(file: &Path) -> Result<String> {
    let text = file
        .to_str()
        .ok_or_else(|| Error::NonUtf8Path(file.to_path_buf()))?;
    let mut url = String::from("sqlite://");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url.push_str("?mode=rwc");
    Ok(url)
}

/// The URL without its password (and without query options, which may hold one).
pub(crate) fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.split('?').next().unwrap_or_default().to_owned();
    };
    let rest = rest.split('?').next().unwrap_or_default();
    let rest = match rest.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{user}@{host}")
        }
        None => rest.to_owned(),
    };
    format!("{scheme}://{rest}")
}

// ---- the runtime bridge ----

static RUNTIME: OnceLock<std::result::Result<Runtime, String>> = OnceLock::new();

pub(crate) fn runtime() -> Result<&'static Runtime> {
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("custos-store")
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| Error::Runtime(e.clone()))
}

/// Runs `fut` on the store's runtime and awaits it from any executor.
pub(crate) async fn spawn<T, F>(fut: F) -> Result<T>
where
    T: Send + 'static,
    F: Future<Output = Result<T>> + Send + 'static,
{
    runtime()?
        .spawn(fut)
        .await
        .map_err(|e| Error::Runtime(format!("a store task failed: {e}")))?
}

/// Runs `fut` on the store's runtime and blocks this thread until it is done.
pub(crate) fn block_on<T, F>(fut: F) -> Result<T>
where
    T: Send + 'static,
    F: Future<Output = Result<T>> + Send + 'static,
{
    let rt = runtime()?;
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    rt.spawn(async move {
        let _ = tx.send(fut.await);
    });
    blocking_section(|| rx.recv())
        .map_err(|_| Error::Runtime("a store task ended without an answer".into()))?
}

/// Runs blocking work (waiting for the store, hashing) so that a multi-threaded
/// tokio runtime calling it keeps serving its other tasks.
pub(crate) fn blocking_section<R>(work: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        // No runtime, or a current-thread one: block this thread. The work
        // itself runs on the store's runtime, so nothing here waits on us.
        _ => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_their_password_and_options() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db.example:5432/custos?sslmode=require"),
            "postgres://app@db.example:5432/custos"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1:5432/test"),
            "postgres://postgres@127.0.0.1:5432/test"
        );
        assert_eq!(
            redact_url("sqlite:///tmp/x.db?mode=rwc"),
            "sqlite:///tmp/x.db"
        );
    }

    #[test]
    fn sqlite_paths_are_percent_encoded() {
        let url = sqlite_url(Path::new("/tmp/a b/#1?/custos.db")).unwrap();
        assert_eq!(url, "sqlite:///tmp/a%20b/%231%3F/custos.db?mode=rwc");
    }

    #[test]
    fn flags_prefer_the_url() {
        let dir = Path::new("custos-data");
        assert_eq!(
            Location::from_flags(dir, Some("postgres://h/db")),
            Location::Url("postgres://h/db".into())
        );
        assert_eq!(
            Location::from_flags(dir, Some("  ")),
            Location::DataDir(dir.into())
        );
        assert_eq!(
            Location::from_flags(dir, None),
            Location::DataDir(dir.into())
        );
    }

    #[test]
    fn unknown_schemes_are_refused_with_advice() {
        let err = Store::open_blocking(&Location::Url("mysql://h/db".into())).unwrap_err();
        assert!(matches!(err, Error::UnsupportedUrl { .. }), "{err}");
        assert!(err.to_string().contains("postgres://"), "{err}");
    }
}
