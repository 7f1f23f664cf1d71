//! Figure 5: the meeting page rendered on the server (SSR) for a signed-in member, at 30, 300
//! and 3,000 concurrent members, against the same binary serving a plain-text route
//! (`/healthz`) at the same concurrency.
use std::path::Path;
use std::time::Duration;

use uuid::Uuid;

use crate::load::{drive, Outcome, Target};
use crate::measure::ms;
use crate::server::{until_ok, Server};

fn row(what: &str, c: usize, o: &Outcome, ratio: &str) -> String {
    format!(
        "| {c} | {what} | {:.0} | {} | {} | {} | {ratio} |",
        o.rate(),
        ms(o.p50()),
        ms(o.p99()),
        o.failed
    )
}

pub async fn run(server_bin: &Path, quick: bool) -> anyhow::Result<String> {
    let sizes: &[usize] = if quick { &[10, 50] } else { &[30, 300, 3_000] };
    let limit = Duration::from_secs(if quick { 5 } else { 20 });
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}/ecabinet.db", dir.path().display());
    let server = Server::spawn(server_bin, dir.path(), &url, true)?;
    until_ok(&format!("{}/readyz", server.base), Duration::from_secs(120)).await?;
    let db = app::db::Db::connect(&server.database_url, 2).await?;
    let member = server.sign_in(&db, "Bạch Quang Nhật").await?;
    let (meeting, title): (Uuid, String) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id, title from meeting where state = 'published' limit 1")
            .fetch_one(pool)
            .await
    })?;
    let page = Target {
        url: format!("{}/meetings/{meeting}", server.base),
        cookie: Some(member),
        expect: title.clone(),
    };
    let plain = Target {
        url: format!("{}/healthz", server.base),
        cookie: None,
        expect: String::new(),
    };
    // Warm up both.
    drive(&page, 4, 200, limit).await;
    drive(&plain, 4, 200, limit).await;
    let mut rows = Vec::new();
    for &c in sizes {
        let total = (c * 20).max(5_000);
        let reference = drive(&plain, c, total, limit).await;
        let ours = drive(&page, c, total, limit).await;
        let ratio = format!("{:.0} %", 100.0 * ours.rate() / reference.rate().max(1e-9));
        rows.push(row("`/healthz` (reference)", c, &reference, "100 %"));
        rows.push(row("meeting page (SSR)", c, &ours, &ratio));
        eprintln!("  {c} members done");
    }
    Ok(format!(
        "## Figure 5 — the meeting page\n\nSQLite, demo cabinet. `GET /meetings/{{id}}` of the \
         published regular session, rendered on the server for a signed-in member (the session \
         looked up, the meeting, agenda, documents and the member's positions read, the page \
         written), against `GET /healthz` of the same process. Closed loop: each concurrent \
         member is one keep-alive connection sending its next request when the last is \
         answered; every answer is checked (200, and the page holds the meeting's title). The \
         load generator runs on the same two cores as the server. Targets: ≥ 25 % of the \
         plain-text rate; p99 < 10 ms at 300.\n\n\
         | members | route | requests/s | p50 | p99 | failed | rate vs reference |\n\
         |---|---|---|---|---|---|---|\n{}\n",
        rows.join("\n")
    ))
}
