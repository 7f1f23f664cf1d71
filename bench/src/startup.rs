//! Figure 7: cold start — from starting the process to its first 200 on `/readyz` — on an
//! empty database (the migrations run) and on databases holding 1,000 and 10,000 documents,
//! against a bare binary (this one, `bare`) answering its first request.
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use uuid::Uuid;

use crate::measure::{ms, percentile};
use crate::server::{free_port, until_ok, Server};

/// The reference: answer every HTTP request with 200, as little as a server can do.
pub async fn bare(port: u16) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    loop {
        let (mut socket, _) = listener.accept().await?;
        tokio::spawn(async move {
            let mut buf = [0u8; 1024];
            let _ = socket.read(&mut buf).await;
            let _ = socket
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok")
                .await;
        });
    }
}

/// A database with `documents` documents (one shared file, already indexed) in `dir`.
async fn prepare(dir: &Path, documents: usize) -> anyhow::Result<String> {
    let url = format!("sqlite://{}/ecabinet.db", dir.display());
    if documents == 0 {
        return Ok(url);
    }
    let db = app::db::Db::connect(&url, 2).await?;
    db.migrate().await?;
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let meeting = Uuid::now_v7();
    let sha = "0".repeat(64);
    app::with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into meeting (id, kind, title, starts_at, planned_minutes, state, created_at, updated_at)
             values ($1, 'regular', 'Phiên họp thử tải', $2, 240, 'published', $2, $2)",
        )
        .bind(meeting)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    crate::fixtures::blob(&mut tx, &sha, now).await?;
    // 100 documents per item.
    let mut item = Uuid::nil();
    for n in 0..documents {
        if n % 100 == 0 {
            item = Uuid::now_v7();
            app::with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "insert into agenda_item (id, meeting_id, position, title, planned_minutes, created_at, updated_at)
                     values ($1, $2, $3, $4, 10, $5, $5)",
                )
                .bind(item)
                .bind(meeting)
                .bind((n / 100) as i64 + 1)
                .bind(format!("Nội dung {}", n / 100 + 1))
                .bind(now)
                .execute(&mut *conn)
                .await?;
            });
        }
        let title = format!("Tài liệu {n}");
        crate::fixtures::document(&mut tx, item, (&title, (n % 100) as i64), (&sha, 10), now)
            .await?;
    }
    tx.commit().await?;
    Ok(url)
}

pub async fn run(server_bin: &Path, me: &Path, quick: bool) -> anyhow::Result<String> {
    let runs = if quick { 2 } else { 7 };
    let limit = Duration::from_secs(60);
    let mut rows = Vec::new();

    // The reference: this binary's `bare` mode.
    let mut bare = Vec::new();
    for _ in 0..runs {
        let port = free_port()?;
        let start = Instant::now();
        let mut child = Command::new(me)
            .args(["bare", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting the bare reference")?;
        until_ok(&format!("http://127.0.0.1:{port}/"), limit).await?;
        bare.push(start.elapsed());
        let _ = child.kill();
        let _ = child.wait();
    }
    let bare_p50 = percentile(&bare, 50.0);
    rows.push(format!(
        "| bare binary (reference) | — | {} | {} | 1.0× |",
        ms(bare_p50),
        ms(percentile(&bare, 99.0))
    ));

    for documents in [0_usize, 1_000, 10_000] {
        let mut samples = Vec::new();
        for _ in 0..runs {
            let dir = tempfile::tempdir()?;
            let url = prepare(dir.path(), documents).await?;
            let start = Instant::now();
            let server = Server::spawn(server_bin, dir.path(), &url, false)?;
            until_ok(&format!("{}/readyz", server.base), limit).await?;
            samples.push(start.elapsed());
            drop(server);
        }
        let p50 = percentile(&samples, 50.0);
        rows.push(format!(
            "| e-Cabinet, SQLite | {} | {} | {} | {:.1}× |",
            if documents == 0 {
                "empty (migrations run)".to_owned()
            } else {
                format!("{documents} documents")
            },
            ms(p50),
            ms(percentile(&samples, 99.0)),
            p50.as_secs_f64() / bare_p50.as_secs_f64().max(1e-9)
        ));
    }
    Ok(format!(
        "## Figure 7 — cold start\n\nFrom starting the process to its first `200` on \
         `/readyz` (polled every millisecond), {runs} runs each, each on a fresh copy of the \
         database; the reference is a bare binary answering its first request. Targets: \
         < 100 ms empty, < 300 ms with 10,000 documents.\n\n\
         | what | database | p50 | p99 (of {runs}: the slowest) | ratio to reference (p50) |\n\
         |---|---|---|---|---|\n{}\n",
        rows.join("\n")
    ))
}
