//! The `ecabinet` binary and its listener: settings, HTTPS, graceful shutdown.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use server::config::Config;

const BIN: &str = env!("CARGO_BIN_EXE_ecabinet");

#[test]
fn help_explains_every_setting() {
    let output = Command::new(BIN).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for env in [
        "DATABASE_URL",
        "ECAB_DATA_DIR",
        "ECAB_DB_MAX_CONNECTIONS",
        "ECAB_BIND",
        "ECAB_PUBLIC_ORIGIN",
        "ECAB_TLS_CERT",
        "ECAB_TLS_KEY",
        "ECAB_LOG_FORMAT",
        "ECAB_DEMO",
        "LEPTOS_SITE_ROOT",
        "ECAB_SESSION_HOURS",
    ] {
        assert!(
            help.contains(&format!("[env: {env}")),
            "--help lacks {env}:\n{help}"
        );
    }
}

#[test]
fn prints_its_settings_then_stops_cleanly_on_sigterm() {
    let data = tempfile::tempdir().unwrap();
    let key = data.path().join("audit.key");
    std::fs::write(&key, "an audit key of 32 bytes or more, in a file").unwrap();
    let mut child = Command::new(BIN)
        .args([
            "--bind",
            "127.0.0.1:0",
            "--log-format",
            "json",
            "--data-dir",
        ])
        .arg(data.path())
        .arg("--audit-key-file")
        .arg(&key)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    let address = loop {
        let line = lines.next().expect("server output").unwrap();
        let event: serde_json::Value = serde_json::from_str(&line).expect("JSON log line");
        seen.push(event.clone());
        if event["message"] == "listening on http" {
            break event["address"].as_str().unwrap().to_owned();
        }
    };
    let setting = |name: &str| {
        seen.iter()
            .find(|e| e["message"] == "configuration" && e["setting"] == name)
            .map(|e| e["value"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        setting("database_url"),
        Some(format!("sqlite://{}/ecabinet.db", data.path().display()))
    );
    assert_eq!(setting("demo").as_deref(), Some("false"));
    assert_eq!(setting("tls").as_deref(), Some("off"));
    // The key's file is named; the key itself is never printed.
    assert_eq!(setting("audit_key_file"), Some(key.display().to_string()));
    assert!(!seen
        .iter()
        .any(|e| e.to_string().contains("32 bytes or more")));

    let body = blocking::get(&format!("http://{address}/healthz"));
    assert_eq!(body, "ok");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("\"stopped\"")), "{rest:?}");
}

/// Stopping with tablets connected: every live channel ends (so its connection can close)
/// without `ended`, since the session is still good and the page reconnects by itself; then
/// serving returns. Before, one open channel kept the server from ever stopping.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_ends_open_live_channels_and_then_serving() {
    use crate::common::{calls::open_live, demo_cookie, start_server, Engine, FINANCE_MINISTER};

    let mut server = start_server(Engine::Sqlite, true).await;
    let cookie = demo_cookie(&server, FINANCE_MINISTER).await;
    let mut first = open_live(&server, &cookie, None).await;
    let mut second = open_live(&server, &cookie, None).await;
    tokio::time::timeout(Duration::from_secs(20), server.stop())
        .await
        .expect("serving returns with live channels open");
    for live in [&mut first, &mut second] {
        let rest = live
            .rest(Duration::from_secs(5))
            .await
            .expect("the stream has ended");
        // Not `ended`: that would make the page drop what it shows.
        assert!(!rest.contains("event: ended"), "{rest}");
    }
}

/// Run the subcommand `command` of the binary on the database in `data`.
fn operate(data: &std::path::Path, settings: &[&str], command: &str) -> std::process::Output {
    Command::new(BIN)
        .args(settings)
        .arg("--data-dir")
        .arg(data)
        .arg(command)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error")
        .output()
        .unwrap()
}

/// A tiny blocking GET so this test needs no runtime of its own.
mod blocking {
    pub fn get(url: &str) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async { reqwest::get(url).await.unwrap().text().await.unwrap() })
    }
}

#[tokio::test]
async fn speaks_https_when_given_a_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let cert_path = dir.path().join("cert.pem");
    let key_path = dir.path().join("key.pem");
    std::fs::write(&cert_path, cert.cert.pem()).unwrap();
    std::fs::write(&key_path, cert.signing_key.serialize_pem()).unwrap();

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let audit_key = dir.path().join("audit.key");
    std::fs::write(&audit_key, "an audit key of 32 bytes or more, in a file").unwrap();
    let config = Config::parse_from([
        "ecabinet".to_owned(),
        "--audit-key-file".to_owned(),
        audit_key.display().to_string(),
        "--data-dir".to_owned(),
        dir.path().display().to_string(),
        "--public-origin".to_owned(),
        format!("https://localhost:{port}"),
        "--tls-cert".to_owned(),
        cert_path.display().to_string(),
        "--tls-key".to_owned(),
        key_path.display().to_string(),
    ]);
    let state = server::start(&config).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(async move {
        server::serve::serve_on(listener, &config, state, async {
            let _ = stopped.await;
        })
        .await
    });

    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap())
        .resolve("localhost", ([127, 0, 0, 1], port).into())
        .build()
        .unwrap();
    let response = client
        .get(format!("https://localhost:{port}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.text().await.unwrap(), "ok");

    stop.send(()).unwrap();
    serving.await.unwrap().unwrap();
}

/// A fresh SQLite database in `data` whose audit chain holds five sign-outs.
async fn five_sign_outs(data: &std::path::Path) -> app::db::Db {
    use app::audit::event::AuditEvent;
    let url = format!("sqlite://{}/ecabinet.db", data.display());
    let db = app::db::Db::connect(&url, 2).await.unwrap();
    db.migrate().await.unwrap();
    for _ in 0..5 {
        let mut tx = db.begin().await.unwrap();
        app::audit::store::append(&mut tx, None, AuditEvent::SignOut, None)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    db
}

#[tokio::test]
async fn verify_audit_reports_an_intact_chain_and_names_a_broken_record() {
    let data = tempfile::tempdir().unwrap();
    let db = five_sign_outs(data.path()).await;
    let key = "a key for this test only, long enough";
    let key_file = data.path().join("audit.key");
    std::fs::write(&key_file, key).unwrap();
    let checkpoints = data.path().join("audit-checkpoints.jsonl");
    server::audit::checkpoint::write(&db, key.as_bytes(), &checkpoints)
        .await
        .unwrap()
        .expect("a checkpoint");

    let key_arg = key_file.display().to_string();
    let run = || operate(data.path(), &["--audit-key-file", &key_arg], "verify-audit");
    let ok = run();
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        text.contains("audit chain intact: 5 records; 1 checkpoints verified"),
        "{text}"
    );
    assert!(
        text.contains("content vouched for by the chain unchanged"),
        "{text}"
    );

    app::with_db!(&db, |pool| {
        sqlx::query("update audit_event set event = 'session.demo_sign_in' where seq = 4")
            .execute(pool)
            .await
            .unwrap();
    });
    let broken = run();
    let text = String::from_utf8_lossy(&broken.stdout);
    assert_eq!(broken.status.code(), Some(1), "{text}");
    assert!(text.contains("audit chain BROKEN at record 4"), "{text}");
}

#[tokio::test]
async fn verify_ballots_passes_the_demo_and_exits_1_on_a_forged_answer() {
    let data = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/ecabinet.db", data.path().display());
    let db = app::db::Db::connect(&url, 2).await.unwrap();
    db.migrate().await.unwrap();
    // With its history: two closed ballots of 20 paper answers each.
    server::demo::seed(&db, true).await.unwrap();
    let run = || operate(data.path(), &[], "verify-ballots");
    let ok = run();
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{text}");
    assert!(
        text.contains(
            "ballots verified: 40 answers (0 signed), 2 closed ballots recounted, 0 mismatches"
        ),
        "{text}"
    );

    // An answer written straight into the database: no signature, no audit record.
    app::with_db!(&db, |pool| {
        sqlx::query(
            "insert into ballot_answer (id, ballot_id, user_id, choice, answered_at, request_key)
             select $1, e.ballot_id, e.user_id, 'agree', $2, 'forged' from ballot_eligible e
             join ballot b on b.id = e.ballot_id where b.state = 'open'
             limit 1",
        )
        .bind(uuid::Uuid::now_v7())
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .unwrap();
    });
    let broken = run();
    let text = String::from_utf8_lossy(&broken.stdout);
    assert_eq!(broken.status.code(), Some(1), "{text}");
    assert!(text.contains("MISMATCH ballot"), "{text}");
    assert!(text.contains("not in the audit chain"), "{text}");
    assert!(
        text.contains("41 answers (0 signed), 2 closed ballots recounted, 2 mismatches"),
        "{text}"
    );
}

/// Someone with the database and the server's host rewrites a record and every hash after
/// it, and re-signs the local checkpoint file with the key they found there: the local file
/// alone now agrees, the copy kept elsewhere (`--audit-checkpoint-copy`) does not.
#[tokio::test]
async fn a_rewritten_chain_and_checkpoint_file_are_caught_by_the_copy() {
    use app::audit::chain::record_hash;

    let data = tempfile::tempdir().unwrap();
    let db = five_sign_outs(data.path()).await;
    let key = "the audit key, kept in a file on the host";
    let key_file = data.path().join("audit.key");
    std::fs::write(&key_file, key).unwrap();
    let local = data.path().join("audit-checkpoints.jsonl");
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("checkpoints.jsonl");
    for path in [&local, &copy] {
        server::audit::checkpoint::write(&db, key.as_bytes(), path)
            .await
            .unwrap()
            .expect("a checkpoint");
    }

    // The rewrite: record 3 becomes a demo sign-in, records 3..5 get fresh hashes.
    let records = app::audit::store::page(&db, 0, 10).await.unwrap();
    let mut prev = records[1].hash.clone();
    for record in &records[2..] {
        let event = if record.seq == 3 {
            "session.demo_sign_in"
        } else {
            record.event.as_str()
        };
        let hash = record_hash(&prev, record.seq, record.at, None, event, None, None);
        app::with_db!(&db, |pool| {
            sqlx::query(
                "update audit_event set event = $1, prev_hash = $2, hash = $3 where seq = $4",
            )
            .bind(event)
            .bind(&prev)
            .bind(&hash)
            .bind(record.seq)
            .execute(pool)
            .await
            .map(|_| ())
        })
        .unwrap();
        prev = hash;
    }
    std::fs::remove_file(&local).unwrap();
    server::audit::checkpoint::write(&db, key.as_bytes(), &local)
        .await
        .unwrap()
        .expect("a re-signed checkpoint");

    let key_arg = key_file.display().to_string();
    let local_only = operate(data.path(), &["--audit-key-file", &key_arg], "verify-audit");
    let text = String::from_utf8_lossy(&local_only.stdout);
    assert!(
        local_only.status.success(),
        "the local file alone is fooled: {text}"
    );
    let copy_arg = copy.display().to_string();
    let with_copy = operate(
        data.path(),
        &[
            "--audit-key-file",
            &key_arg,
            "--audit-checkpoint-copy",
            &copy_arg,
        ],
        "verify-audit",
    );
    let text = String::from_utf8_lossy(&with_copy.stdout);
    assert_eq!(with_copy.status.code(), Some(1), "{text}");
    assert!(
        text.contains("audit chain BROKEN at record 5: differs from the checkpoint"),
        "{text}"
    );
}

/// Outside demo mode the server does not start without an audit key of 32 bytes or more.
#[test]
fn serving_outside_demo_mode_needs_an_audit_key() {
    let data = tempfile::tempdir().unwrap();
    let run = |settings: &[&str]| {
        Command::new(BIN)
            .args(settings)
            .args(["--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data.path())
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "error")
            .output()
            .unwrap()
    };
    let none = run(&[]);
    assert!(!none.status.success());
    let said = String::from_utf8_lossy(&none.stderr);
    assert!(said.contains("no audit key"), "{said}");
    let short = data.path().join("short.key");
    std::fs::write(&short, "too short").unwrap();
    let short_arg = short.display().to_string();
    let refused = run(&["--audit-key-file", &short_arg]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("at least 32 are needed"), "{said}");
}
