//! `ecabinet-bench`: measures the real server (a release build, started as its own process on
//! loopback with a fresh database) against references measured in the same run, and writes
//! the report. Every loop is bounded in count and time. Run through `bash bench/run`.
//!
//! The figures (issue 7 numbers them): 1 simultaneous voters, 2 live push, 3 reading PDFs,
//! 4 search, 5 the meeting page, 6 the front end, 7 cold start, 8 two nodes on PostgreSQL,
//! 9 Lighthouse (mobile).
//! `--only 2,7` runs some; figures 4 and 1 run on PostgreSQL too, and 8 only there, when
//! `--postgres` names a server; 6 and 9 need the built site (`--site`).
/// The software passkey authenticator of the integration tests (one copy, used by both).
#[path = "../../server/tests/integration/common/authenticator.rs"]
#[allow(dead_code)] // what only the tests use
mod authenticator;
mod corpus;
mod engine;
#[path = "../../server/tests/integration/common/fixtures.rs"]
mod fixtures;
mod frontend;
mod lighthouse;
mod live_push;
mod load;
mod measure;
mod page;
mod pdf;
mod playwright;
mod search;
mod server;
mod startup;
mod two_nodes;
mod voters;

use std::path::PathBuf;

use anyhow::Context;

fn usage() -> ! {
    eprintln!(
        "usage: ecabinet-bench --server <ecabinet binary> --out <report.md> [--site <dir>] [--postgres <url>] [--only <figure,…>] [--quick]\n       ecabinet-bench bare <port>   (the reference: answers HTTP on <port>)"
    );
    std::process::exit(2)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("bare") {
        let port: u16 = args
            .get(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| usage());
        return startup::bare(port).await;
    }
    let mut server_bin = None;
    let mut out = None;
    let mut quick = false;
    let mut postgres = None;
    let mut site: Option<PathBuf> = None;
    let mut only: Option<Vec<u8>> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--server" => server_bin = it.next().map(PathBuf::from),
            "--out" => out = it.next().map(PathBuf::from),
            "--quick" => quick = true,
            "--postgres" => postgres = it.next().cloned(),
            "--site" => site = it.next().map(PathBuf::from),
            "--only" => {
                only = it
                    .next()
                    .map(|list| list.split(',').filter_map(|f| f.parse().ok()).collect())
            }
            _ => usage(),
        }
    }
    let (Some(server_bin), Some(out)) = (server_bin, out) else {
        usage()
    };
    let me = std::env::current_exe().context("own path")?;
    let machine = measure::machine();
    eprintln!("{machine}");

    let mut engines = vec![engine::Engine::Sqlite];
    engines.extend(postgres.clone().map(engine::Engine::Postgres));
    let wanted = |figure: u8| only.as_ref().is_none_or(|list| list.contains(&figure));

    let mut sections = Vec::new();
    let mut failed = Vec::new();
    let started = chrono::Utc::now();
    if wanted(1) {
        eprintln!("figure 1: simultaneous voters");
        sections.push(section(
            1,
            voters::run(&server_bin, &engines, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(2) {
        eprintln!("figure 2: live push");
        sections.push(section(
            2,
            live_push::run(&server_bin, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(3) {
        eprintln!("figure 3: reading PDFs");
        sections.push(section(3, pdf::run(&server_bin, quick).await, &mut failed));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(4) {
        eprintln!("figure 4: search");
        sections.push(section(
            4,
            search::run(&server_bin, &engines, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(5) {
        eprintln!("figure 5: the meeting page");
        sections.push(section(5, page::run(&server_bin, quick).await, &mut failed));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(6) {
        let site = site
            .as_ref()
            .context("figure 6 needs --site (the built site)")?;
        eprintln!("figure 6: the front end");
        sections.push(section(
            6,
            frontend::run(&server_bin, site, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(7) {
        eprintln!("figure 7: cold start");
        sections.push(section(
            7,
            startup::run(&server_bin, &me, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(8) {
        let url = postgres.as_ref().context("figure 8 needs --postgres")?;
        eprintln!("figure 8: two nodes on PostgreSQL");
        sections.push(section(
            8,
            two_nodes::run(&server_bin, url, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }
    if wanted(9) {
        let site = site
            .as_ref()
            .context("figure 9 needs --site (the built site)")?;
        eprintln!("figure 9: Lighthouse (mobile)");
        sections.push(section(
            9,
            lighthouse::run(&server_bin, site, quick).await,
            &mut failed,
        ));
        write_report(&out, &args, &machine, started, &sections)?;
    }

    eprintln!("report written to {}", out.display());
    if failed.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("figures not measured: {failed:?} (see the report)")
    }
}

/// A figure's section, or what stopped it: a figure that fails is named in the report and
/// the run goes on with the next one (the run still fails at the end).
fn section(figure: u8, result: anyhow::Result<String>, failed: &mut Vec<u8>) -> String {
    result.unwrap_or_else(|error| {
        eprintln!("figure {figure} failed: {error:#}");
        failed.push(figure);
        format!(
            "## Figure {figure} — not measured\n\nThis figure failed in this run: `{error:#}`\n"
        )
    })
}

/// Write the report with the figures measured so far (after each one: a run stopped midway
/// still leaves what it measured).
fn write_report(
    out: &std::path::Path,
    args: &[String],
    machine: &str,
    started: chrono::DateTime<chrono::Utc>,
    sections: &[String],
) -> anyhow::Result<()> {
    // What the run shows beyond its tables (targets missed, and what would reach them),
    // written by hand after reading it.
    let reading = std::fs::read_to_string("bench/reading.md").unwrap_or_default();
    let report = format!(
        "# Benchmarks\n\nProduced by `bash bench/run` from a clean checkout: it installs what is \
         missing, builds e-Cabinet in release mode (`cargo leptos build --release --precompress --split`) \
         and this harness, starts a throwaway PostgreSQL on loopback, and runs\n\n```\necabinet-bench {}\n```\n\n\
         Every figure is measured side by side with its reference in the same run, on this \
         machine, all traffic on loopback. Started {} UTC.\n\n## Machine\n\n{machine}\n\n{}\n{reading}",
        args.join(" "),
        started.format("%Y-%m-%d %H:%M"),
        sections.join("\n")
    );
    std::fs::write(out, report).with_context(|| format!("writing {}", out.display()))
}
