//! `ecabinet-bench`: measures the real server (a release build, started as its own process on
//! loopback with a fresh database) against references measured in the same run, and writes
//! the report. Every loop is bounded in count and time. Run through `bash bench/run`.
//!
//! Figures so far (issue 7 numbers them): 2 — live push to N tablets and memory per idle
//! connection, against a raw socket writer; 7 — cold start on an empty database and on one
//! with 10,000 documents, against a bare binary answering its first request.
mod live_push;
mod measure;
mod server;
mod startup;

use std::path::PathBuf;

use anyhow::Context;

fn usage() -> ! {
    eprintln!(
        "usage: ecabinet-bench --server <ecabinet binary> --out <report.md> [--quick]\n       ecabinet-bench bare <port>   (the reference: answers HTTP on <port>)"
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
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--server" => server_bin = it.next().map(PathBuf::from),
            "--out" => out = it.next().map(PathBuf::from),
            "--quick" => quick = true,
            _ => usage(),
        }
    }
    let (Some(server_bin), Some(out)) = (server_bin, out) else {
        usage()
    };
    let me = std::env::current_exe().context("own path")?;
    let machine = measure::machine();
    eprintln!("{machine}");

    let mut sections = Vec::new();
    eprintln!("figure 7: cold start");
    sections.push(startup::run(&server_bin, &me, quick).await?);
    eprintln!("figure 2: live push");
    sections.push(live_push::run(&server_bin, quick).await?);

    let report = format!(
        "# Benchmarks\n\nProduced by `bash bench/run` (which builds in release mode and runs \
         `target/release/ecabinet-bench --server target/release/ecabinet --out BENCHMARKS.md`). \
         Every figure is measured side by side with its reference in the same run, on this \
         machine, all traffic on loopback.\n\n## Machine\n\n{machine}\n\n{}\n",
        sections.join("\n")
    );
    std::fs::write(&out, report).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("report written to {}", out.display());
    Ok(())
}
