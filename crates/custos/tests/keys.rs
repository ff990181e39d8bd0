//! `custos keys create | list | revoke`, and the keys they make at work.

use std::path::PathBuf;
use std::process::{Command, Output};

use custos_store::{AuthError, Authenticator, KeyAuthenticator, Location, Role, Store};

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The test's folder (where `custos` runs), found through a file written there.
fn folder(dir: &crate::util::TestDir) -> PathBuf {
    let marker = dir.write(".marker", b"");
    marker.parent().expect("test folder").to_path_buf()
}

/// `custos keys ARGS…` in `dir`, with no store settings from the environment.
fn keys(dir: &crate::util::TestDir, args: &[&str]) -> Output {
    let mut cmd: Command = dir.command();
    cmd.env_remove("CUSTOS_DATA_DIR")
        .env_remove("CUSTOS_DATABASE_URL")
        .arg("keys")
        .args(args)
        .output()
        .expect("run custos")
}

fn is_key(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("cus_") else {
        return false;
    };
    let Some((id, secret)) = rest.split_once('_') else {
        return false;
    };
    let base32 = |s: &str| s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'v'));
    id.len() == 10 && secret.len() == 52 && base32(id) && base32(secret)
}

/// Creates a key and returns (key id, whole key).
fn create(dir: &crate::util::TestDir, role: &str, label: &str) -> (String, String) {
    let out = keys(dir, &["create", "--role", role, "--label", label]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let key = text.trim_end_matches('\n').to_owned();
    let key_id = key[4..14].to_owned();
    (key_id, key)
}

custos_test!(create_prints_exactly_one_line_that_is_a_key, |dir, _cmd| {
    let out = keys(&dir, &["create", "--role", "ingest", "--label", "room 42"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text:?}");
    assert!(is_key(lines[0]), "{:?} is not a key", lines[0]);
    // The note on stderr names the id and says it is shown once, but not the secret.
    let note = stderr(&out);
    let secret = &lines[0][15..];
    assert!(note.contains(&lines[0][4..14]), "{note}");
    assert!(note.contains("only this once"), "{note}");
    assert!(!note.contains(secret), "{note}");
    // The default data folder was created, with the database in it.
    assert!(folder(&dir).join("custos-data").join("custos.db").is_file());
    // Two keys differ.
    let (_, other) = create(&dir, "ingest", "");
    assert_ne!(other, lines[0]);
});

custos_test!(list_shows_keys_without_secrets, |dir, _cmd| {
    let (admin_id, admin) = create(&dir, "admin", "ops on call");
    let (dpo_id, dpo) = create(&dir, "dpo", "");
    let out = keys(&dir, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for column in ["ID", "ROLE", "LABEL", "CREATED", "REVOKED"] {
        assert!(lines[0].contains(column), "{text}");
    }
    let admin_line = lines
        .iter()
        .find(|l| l.starts_with(&admin_id))
        .expect("admin row");
    assert!(admin_line.contains("admin") && admin_line.contains("ops on call"));
    assert!(admin_line.trim_end().ends_with("no"), "{admin_line}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with(&dpo_id) && l.contains("dpo")));
    for secret in [&admin[15..], &dpo[15..]] {
        assert!(!text.contains(secret) && !stderr(&out).contains(secret));
    }
    assert!(!text.contains("argon2") && !text.contains('$'), "{text}");
});

custos_test!(an_empty_store_lists_a_header_and_a_hint, |dir, _cmd| {
    let out = keys(&dir, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stderr(&out).contains("custos keys create --role admin"));
});

custos_test!(the_key_authenticates_until_it_is_revoked, |dir, _cmd| {
    let (key_id, key) = create(&dir, "analyst", "bi");
    let store = Store::open_blocking(&Location::DataDir(folder(&dir).join("custos-data")))
        .expect("open the store the command wrote");
    let auth = KeyAuthenticator::new(store).with_ttl(std::time::Duration::ZERO);
    let principal = auth.authenticate(&key).expect("a fresh key authenticates");
    assert_eq!(
        (principal.key_id.as_str(), principal.role),
        (key_id.as_str(), Role::Analyst)
    );

    // The right id with a wrong secret.
    let flipped = if key.ends_with('a') { 'b' } else { 'a' };
    let wrong = format!("{}{flipped}", &key[..key.len() - 1]);
    assert_eq!(auth.authenticate(&wrong), Err(AuthError::Invalid));

    let out = keys(&dir, &["revoke", &key_id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("revoked"), "{}", stderr(&out));
    assert_eq!(auth.authenticate(&key), Err(AuthError::Revoked));

    let out = keys(&dir, &["list"]);
    let row = stdout(&out)
        .lines()
        .find(|l| l.starts_with(&key_id))
        .expect("row")
        .to_owned();
    assert!(!row.trim_end().ends_with("no"), "{row}");

    // Again: nothing to do, still success.
    let out = keys(&dir, &["revoke", &key_id]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("already revoked"), "{}", stderr(&out));
});

custos_test!(revoking_an_unknown_id_fails_with_advice, |dir, _cmd| {
    let out = keys(&dir, &["revoke", "0123456789"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("custos keys list"),
        "{}",
        stderr(&out)
    );
});

custos_test!(a_bad_role_is_refused_and_nothing_printed, |dir, _cmd| {
    let out = keys(&dir, &["create", "--role", "root"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("ingest, analyst, dpo, admin"),
        "{}",
        stderr(&out)
    );
});

custos_test!(a_bad_label_is_refused_and_nothing_printed, |dir, _cmd| {
    let out = keys(&dir, &["create", "--role", "admin", "--label", "a\nb"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("label"), "{}", stderr(&out));
});

custos_test!(
    the_data_folder_comes_from_flag_or_environment,
    |dir, _cmd| {
        let out = keys(
            &dir,
            &["create", "--role", "admin", "--data-dir", "flagged"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(folder(&dir).join("flagged").join("custos.db").is_file());

        let out = dir
            .command()
            .env("CUSTOS_DATA_DIR", "from-env")
            .env_remove("CUSTOS_DATABASE_URL")
            .args(["keys", "create", "--role", "ingest"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(folder(&dir).join("from-env").join("custos.db").is_file());
        assert!(!folder(&dir).join("custos-data").exists());
    }
);

custos_test!(an_unsupported_database_url_says_what_to_use, |dir, _cmd| {
    let out = keys(&dir, &["list", "--database-url", "mysql://db/custos"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("postgres://"), "{}", stderr(&out));
});
