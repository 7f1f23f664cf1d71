//! `ecabinet`: serve the site, or run an operator command. `ecabinet --help` lists settings.
#![forbid(unsafe_code)]

use clap::Parser;
use server::config::{Command, Config};

/// mimalloc instead of glibc's allocator: a fifth of a rendered page's CPU went to
/// `malloc`/`free` (figure 5 of BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    // The PDF reader child: no runtime, no logging, nothing on stdout but its answer.
    if let Some(Command::PdfChild {
        task,
        memory_mb,
        cpu_secs,
    }) = &config.command
    {
        server::documents::pdf_child::run(*task, *memory_mb, *cpu_secs);
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve_or_operate(config))
}

async fn serve_or_operate(config: Config) -> anyhow::Result<()> {
    server::telemetry::init(config.log_format);
    for (name, value) in config.describe() {
        tracing::info!(setting = name, value = %value, "configuration");
    }
    match config.command.clone().unwrap_or(Command::Serve) {
        Command::Serve => {
            let state = server::start(&config).await?;
            server::serve::run(&config, state).await
        }
        Command::VerifyAudit => {
            let db = app::db::Db::connect(&config.database_url(), 2).await?;
            let key = config.audit_key()?;
            // Every copy counts: one rewritten along with the database is caught by another.
            let mut checkpoints = Vec::new();
            for path in config.audit_checkpoint_files() {
                checkpoints.extend(server::audit::checkpoint::read_all(&path)?);
            }
            match server::audit::verify::verify(&db, &checkpoints, key.as_deref()).await? {
                Ok(intact) => {
                    println!(
                        "audit chain intact: {} records; {} checkpoints {}",
                        intact.records,
                        intact.checkpoints,
                        if key.is_some() {
                            "verified"
                        } else {
                            "not verified (no key)"
                        }
                    );
                }
                Err(broken) => {
                    println!(
                        "audit chain BROKEN at record {}: {}",
                        broken.seq, broken.reason
                    );
                    std::process::exit(1);
                }
            }
            // What the records vouch for, against today's rows.
            let changed = server::audit::content::recheck(&db).await?;
            for c in &changed {
                println!(
                    "CONTENT CHANGED since record {} ({}, {}): {}",
                    c.seq,
                    c.event,
                    c.subject.map(|s| s.to_string()).unwrap_or_default(),
                    c.reason
                );
            }
            if !changed.is_empty() {
                std::process::exit(1);
            }
            println!("content vouched for by the chain unchanged");
            Ok(())
        }
        Command::VerifyBallots => {
            let db = app::db::Db::connect(&config.database_url(), 2).await?;
            let origin = config.public_origin.trim_end_matches('/').to_owned();
            let rp_id = url::Url::parse(&origin)?
                .host_str()
                .unwrap_or_default()
                .to_owned();
            let party = app::ballots::answers::RelyingParty {
                origin: &origin,
                rp_id: &rp_id,
            };
            let report = app::ballots::verify::verify_ballots(&db, &party)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            for m in &report.mismatches {
                let answer = m
                    .answer
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "-".into());
                println!(
                    "MISMATCH ballot {} answer {}: {}",
                    m.ballot, answer, m.problem
                );
            }
            println!(
                "ballots verified: {} answers ({} signed), {} closed ballots recounted, {} mismatches",
                report.answers,
                report.signed,
                report.closed_ballots,
                report.mismatches.len()
            );
            let sends = app::submissions::verify::verify_submissions(&db, &party)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            for (submission, problem) in &sends.mismatches {
                println!("MISMATCH submission {submission}: {problem}");
            }
            println!(
                "submissions verified: {} signed sends, {} mismatches",
                sends.signed,
                sends.mismatches.len()
            );
            if !report.mismatches.is_empty() || !sends.mismatches.is_empty() {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::PdfChild { .. } => anyhow::bail!("pdf-child is handled before the runtime starts"),
        Command::Migrate => {
            let db = app::db::Db::connect(&config.database_url(), 1).await?;
            db.migrate().await?;
            app::search::reindex::fill_missing_terms(&db).await?;
            app::search::reindex::fill_missing_name_terms(&db).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
    }
}
