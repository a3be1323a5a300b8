//! The command line (SPEC §10) run as the real binary: only `serve` creates a database; the
//! other commands open an existing one, and `log verify` only reads it (R-LOG-2).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use mottak_store::Store;
use mottak_store::events::{Actor, NewEvent};

use crate::helpers::{PASSWORD, fresh_database, spawn_app, unique_name};

/// Runs `mottak ARGS --database-url URL`, with `stdin` as its standard input.
pub(crate) fn mottak(args: &[&str], database_url: &str, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mottak"))
        .args(args)
        .args(["--database-url", database_url])
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the mottak binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A database that does not exist: a mistyped SQLite path (returned, to check that nothing
/// appears there), or a mistyped database name on the PostgreSQL server of `TEST_DATABASE_URL`.
struct MissingDatabase {
    url: String,
    path: Option<PathBuf>,
    _directory: Option<tempfile::TempDir>,
}

fn missing_database() -> MissingDatabase {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            let (server, _database) = base.rsplit_once('/').expect("a URL with a database");
            MissingDatabase {
                url: format!("{server}/mottak_mistyped_{}", unique_name()),
                path: None,
                _directory: None,
            }
        }
        _ => {
            let directory = tempfile::tempdir().unwrap();
            let path = directory.path().join("mistyped.db");
            MissingDatabase {
                url: format!("sqlite:{}", path.display()),
                path: Some(path),
                _directory: Some(directory),
            }
        }
    }
}

fn assert_refused_as_missing(output: &Output, missing: &MissingDatabase) {
    assert!(!output.status.success(), "{}", stdout(output));
    let message = stderr(output);
    assert!(message.contains("no database at"), "{message}");
    assert!(message.contains(&missing.url), "names the URL: {message}");
    if let Some(path) = &missing.path {
        assert!(!path.exists(), "{} was created", path.display());
    }
}

#[tokio::test]
async fn r_log_2_verify_on_a_missing_database_fails_and_creates_nothing() {
    let missing = missing_database();
    let output = mottak(&["log", "verify"], &missing.url, "");
    assert_refused_as_missing(&output, &missing);
}

#[tokio::test]
async fn cli_user_add_and_token_issue_on_a_missing_database_fail_and_create_nothing() {
    let missing = missing_database();
    let user_add = [
        "user",
        "add",
        "--username",
        "kari",
        "--role",
        "admin",
        "--password-stdin",
    ];
    assert_refused_as_missing(&mottak(&user_add, &missing.url, PASSWORD), &missing);
    let token_issue = ["token", "issue", "--username", "kari"];
    assert_refused_as_missing(&mottak(&token_issue, &missing.url, ""), &missing);
}

#[tokio::test]
async fn r_log_2_verify_on_a_database_without_mottak_schema_fails_and_leaves_it_empty() {
    // An existing but empty database: an empty SQLite file, or an empty PostgreSQL schema.
    let (url, _directory) = fresh_database().await;
    if let Some(path) = url.strip_prefix("sqlite:") {
        std::fs::File::create(path).unwrap();
    }
    // Twice: had the first run created the schema, the second would report an intact log.
    for _ in 0..2 {
        let output = mottak(&["log", "verify"], &url, "");
        assert!(!output.status.success(), "{}", stdout(&output));
        assert!(
            stderr(&output).contains("holds no mottak database"),
            "{}",
            stderr(&output)
        );
    }
    if let Some(path) = url.strip_prefix("sqlite:") {
        assert_eq!(std::fs::metadata(path).unwrap().len(), 0, "nothing written");
    }
}

#[tokio::test]
async fn r_log_2_verify_writes_nothing() {
    // A schema with one event and no reference data: a verify that loaded the reference data
    // (or wrote anything else through the log) would leave more than one event behind.
    let (url, _directory) = fresh_database().await;
    let store = Store::connect(&url).await.unwrap();
    let mut tx = store.begin_write().await.unwrap();
    tx.record(NewEvent::new(
        &Actor::system("test"),
        mottak_store::events::EventDomain::Registry,
        "test.event",
        "user",
        1,
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    store.close().await;

    let output = mottak(&["log", "verify"], &url, "");

    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "event log intact: 1 events");
    let store = Store::connect(&url).await.unwrap();
    assert_eq!(store.verify_event_chain().await.unwrap(), 1);
    assert_eq!(store.reference_counts().await.unwrap().municipalities, 0);
}

#[tokio::test]
async fn cli_user_add_token_issue_and_verify_work_on_a_served_database() {
    let app = spawn_app().await;
    let user_add = [
        "user",
        "add",
        "--username",
        "kari",
        "--role",
        "admin",
        "--password-stdin",
    ];

    let added = mottak(&user_add, &app.database_url, PASSWORD);
    let issued = mottak(
        &["token", "issue", "--username", "kari"],
        &app.database_url,
        "",
    );
    let verified = mottak(&["log", "verify"], &app.database_url, "");

    assert!(added.status.success(), "{}", stderr(&added));
    assert!(issued.status.success(), "{}", stderr(&issued));
    let token = stdout(&issued).trim().to_owned();
    let users: Vec<serde_json::Value> = reqwest::Client::new()
        .get(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(users.iter().any(|user| user["username"] == "kari"));
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(stdout(&verified).starts_with("event log intact"));
}
