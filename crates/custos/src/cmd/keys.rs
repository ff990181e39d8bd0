//! `custos keys create | list | revoke`: manage the API keys of `custos serve`.
//!
//! `create` prints the new key once on standard output and nothing else there
//! (so `KEY=$(custos keys create --role ingest)` works); notes go to standard
//! error. No command prints a secret or a hash otherwise.

use std::io::Write;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use custos_store::{KeyInfo, Location, Revocation, Role, Store};

/// Where the key store is: the flags every `keys` subcommand takes.
#[derive(Args, Debug, Clone)]
pub(crate) struct StoreArgs {
    /// The data folder of the embedded store (SQLite file custos.db inside).
    #[arg(
        long,
        value_name = "DIR",
        env = "CUSTOS_DATA_DIR",
        default_value = "custos-data"
    )]
    data_dir: PathBuf,
    /// A PostgreSQL URL (postgres://USER@HOST:PORT/DB) to use instead of the data folder.
    #[arg(
        long,
        value_name = "URL",
        env = "CUSTOS_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
}

/// `custos keys`.
#[derive(Args, Debug)]
pub(crate) struct KeysArgs {
    #[command(subcommand)]
    command: KeysCommand,
}

#[derive(Subcommand, Debug)]
enum KeysCommand {
    /// Create a key and print it once on standard output (only a hash is stored).
    Create {
        /// What the key may do: ingest, analyst, dpo or admin.
        #[arg(long, value_name = "ROLE")]
        role: Role,
        /// A note on who or what uses the key (shown by `list`).
        #[arg(long, value_name = "TEXT", default_value = "")]
        label: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List the keys: id, role, label, created, last used, revoked (never secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a key by its id; servers stop accepting it within a minute.
    Revoke {
        /// The key's id (the part after `cus_`, as `list` shows it).
        #[arg(value_name = "KEY_ID")]
        key_id: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// Runs `custos keys …`.
pub(crate) fn run(args: &KeysArgs) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        match &args.command {
            KeysCommand::Create { role, label, store } => create(store, *role, label).await,
            KeysCommand::List { store } => list(store).await,
            KeysCommand::Revoke { key_id, store } => revoke(store, key_id).await,
        }
    })
}

async fn open(args: &StoreArgs) -> Result<Store> {
    let location = Location::from_flags(&args.data_dir, args.database_url.as_deref());
    Ok(Store::open(&location).await?)
}

async fn create(args: &StoreArgs, role: Role, label: &str) -> Result<()> {
    let store = open(args).await?;
    let created = store.create_key(role, label).await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", created.key.expose()).context("cannot write the key to standard output")?;
    out.flush()
        .context("cannot write the key to standard output")?;
    eprintln!(
        "custos: created {role} key {} in {}; it is shown only this once: store it now \
         (send it as `Authorization: Bearer <key>`)",
        created.key_id,
        store.target()
    );
    Ok(())
}

async fn list(args: &StoreArgs) -> Result<()> {
    let store = open(args).await?;
    let keys = store.list_keys().await?;
    let mut out = std::io::stdout().lock();
    out.write_all(table(&keys).as_bytes())?;
    if keys.is_empty() {
        eprintln!(
            "custos: no API keys in {}; create one with `custos keys create --role admin`",
            store.target()
        );
    }
    Ok(())
}

async fn revoke(args: &StoreArgs, key_id: &str) -> Result<()> {
    let store = open(args).await?;
    let key_id = key_id
        .strip_prefix(custos_store::KEY_PREFIX)
        .unwrap_or(key_id);
    // Accept a whole key pasted by mistake, but use only its id.
    let key_id = key_id.split('_').next().unwrap_or(key_id);
    match store.revoke_key(key_id).await? {
        Revocation::Revoked => {
            eprintln!("custos: revoked key {key_id}; running servers stop accepting it within 60 s")
        }
        Revocation::AlreadyRevoked => {
            eprintln!("custos: key {key_id} was already revoked; nothing changed")
        }
    }
    Ok(())
}

/// The `list` table: aligned columns, one key per line, a header first.
fn table(keys: &[KeyInfo]) -> String {
    let header = ["ID", "ROLE", "LABEL", "CREATED", "LAST USED", "REVOKED"];
    let rows: Vec<[String; 6]> = keys
        .iter()
        .map(|k| {
            [
                k.key_id.clone(),
                k.role.to_string(),
                if k.label.is_empty() {
                    "-".to_owned()
                } else {
                    k.label
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect()
                },
                utc(k.created_at),
                k.last_used_at.map_or_else(|| "-".to_owned(), utc),
                k.revoked_at.map_or_else(|| "no".to_owned(), utc),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut text = String::new();
    let mut line = |cells: &[&str]| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            l.push_str(cell);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        text.push_str(l.trim_end());
        text.push('\n');
    };
    line(&header);
    for row in &rows {
        line(&row.each_ref().map(String::as_str));
    }
    text
}

/// `2026-08-14 09:30:00Z`.
fn utc(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (H. Hinnant's algorithm, for non-negative days).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn times_print_as_utc() {
        let at = |s| UNIX_EPOCH + Duration::from_secs(s);
        assert_eq!(utc(at(0)), "1970-01-01 00:00:00Z");
        assert_eq!(utc(at(951_782_400)), "2000-02-29 00:00:00Z");
        assert_eq!(utc(at(1_786_700_000)), "2026-08-14 09:33:20Z");
    }

    #[test]
    fn the_table_aligns_and_hides_control_characters() {
        let key = KeyInfo {
            key_id: "0123456789".into(),
            role: Role::Admin,
            label: "ops\tteam".into(),
            created_at: UNIX_EPOCH,
            last_used_at: None,
            revoked_at: None,
        };
        let text = table(&[key]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("ID          ROLE   LABEL     CREATED"));
        assert!(lines[1].starts_with("0123456789  admin  ops team  1970-01-01 00:00:00Z  -"));
        assert!(lines[1].ends_with("no"));
    }
}
