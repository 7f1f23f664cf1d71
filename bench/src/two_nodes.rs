//! Figure 8: two app nodes on one PostgreSQL. Answers: members answer one ballot at once,
//! alternately through node A and node B, against `pgbench` inserting one row per transaction
//! into the same server. Push: the chair acts through node A; tablets follow on node B (the
//! event crosses by `NOTIFY`), against the same tablets on node A.
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context};

use crate::live_push::{address, Meeting, Tablets};
use crate::measure::{ms, percentile};
use crate::server::{until_ok, Server};
use crate::voters::{round, secretary, voters};

/// pgbench: `clients` connections inserting one row per transaction for `seconds`; the
/// transactions per second it reports.
fn pgbench(url: &str, clients: usize, seconds: u64) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let script = dir.path().join("insert.sql");
    std::fs::write(
        &script,
        "insert into bench_pgbench (id, at) values (gen_random_uuid()::text, now()::text);\n",
    )?;
    let run = |args: &[&str]| -> anyhow::Result<String> {
        let out = Command::new("pgbench")
            .args(args)
            .output()
            .context("running pgbench (Debian package postgresql-contrib / postgresql)")?;
        if !out.status.success() {
            bail!("pgbench: {}", String::from_utf8_lossy(&out.stderr));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let out = Command::new("psql")
        .args([
            url,
            "-qc",
            "create table if not exists bench_pgbench (id text primary key, at text not null)",
        ])
        .output()
        .context("running psql")?;
    if !out.status.success() {
        bail!("psql: {}", String::from_utf8_lossy(&out.stderr));
    }
    let clients = clients.to_string();
    let seconds = seconds.to_string();
    let script = script.display().to_string();
    let report = run(&[
        "-n", "-c", &clients, "-j", "2", "-T", &seconds, "-f", &script, url,
    ])?;
    report
        .lines()
        .find_map(|l| l.strip_prefix("tps = "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("no tps in pgbench's report")
}

pub async fn run(server_bin: &Path, admin_url: &str, quick: bool) -> anyhow::Result<String> {
    let engine = crate::engine::Engine::Postgres(admin_url.to_owned());
    let dir = tempfile::tempdir()?;
    let url = engine.fresh(dir.path()).await?;
    let a = Server::spawn(server_bin, dir.path(), &url, true)?;
    until_ok(&format!("{}/readyz", a.base), Duration::from_secs(120)).await?;
    let b_dir = tempfile::tempdir()?;
    let b = Server::spawn_beside(server_bin, b_dir.path(), &a)?;
    until_ok(&format!("{}/readyz", b.base), Duration::from_secs(120)).await?;
    let db = app::db::Db::connect(&url, 2).await?;

    // Answers through both nodes.
    let sizes: &[usize] = if quick { &[10, 30] } else { &[100, 300, 1_000] };
    let office = secretary(&a, &db).await?;
    let mut everyone = voters(&a, &db, sizes.iter().copied().max().unwrap_or(0)).await?;
    let reference = pgbench(&url, 16, if quick { 3 } else { 10 })?;
    let mut answers = Vec::new();
    for &n in sizes {
        let r = round(&[&a, &b], &db, &office, &mut everyone, n).await?;
        let rate = n as f64 / r.total.as_secs_f64();
        answers.push(format!(
            "| {n} | {} | {} | {} | {rate:.0} | {reference:.0} | {:.0} % |",
            ms(r.total),
            ms(percentile(&r.latencies, 50.0)),
            ms(percentile(&r.latencies, 99.0)),
            100.0 * rate / reference
        ));
        eprintln!("  two nodes: {n} answers done");
    }

    // Push across nodes.
    let tablet_sizes: &[usize] = if quick {
        &[50, 200]
    } else {
        &[100, 1_000, 3_000]
    };
    let rounds = if quick { 3 } else { 20 };
    let mut meeting = Meeting::open(&a, &db).await?;
    let mut push = Vec::new();
    for &n in tablet_sizes {
        let mut there = Tablets::connect(address(&b)?, &meeting.member, n).await?;
        let across = there.follow(&a, &mut meeting, rounds).await?;
        drop(there);
        let mut here = Tablets::connect(address(&a)?, &meeting.member, n).await?;
        let local = here.follow(&a, &mut meeting, rounds).await?;
        drop(here);
        push.push(format!(
            "| {n} | {} | {} | {} | {} |",
            ms(percentile(&across, 50.0)),
            ms(percentile(&across, 99.0)),
            ms(percentile(&local, 50.0)),
            ms(percentile(&local, 99.0)),
        ));
        eprintln!("  two nodes: {n} tablets done");
    }
    Ok(format!(
        "## Figure 8 — two app nodes on one PostgreSQL\n\nTwo server processes on one \
         PostgreSQL database (fsync on). **Answers**: as figure 1, the members' answers sent \
         alternately to node A and node B, all at once; every acknowledged answer checked \
         stored once. Reference, same run and server: `pgbench` with 16 connections inserting \
         one row per transaction. Target: ≥ 50 % of pgbench.\n\n\
         | answers | all durable | p50 per answer | p99 | answers/s | pgbench inserts/s | share |\n\
         |---|---|---|---|---|---|---|\n{}\n\n\
         **Push across nodes**: the chair pauses and resumes through node A ({rounds} acts per \
         size); tablets follow on node B, where the event arrives by `LISTEN/NOTIFY` (rooms over \
         8,000 bytes by id, read once per node); then the same tablets on node A. Target: \
         cross-node p99 < 50 ms.\n\n\
         | tablets | A → B p50 | p99 | A → A p50 | p99 |\n|---|---|---|---|---|\n{}\n",
        answers.join("\n"),
        push.join("\n")
    ))
}
