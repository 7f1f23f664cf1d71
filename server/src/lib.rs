//! The e-Cabinet server: configuration, start-up, the HTTP router and operator commands.
//! Domain logic lives in the `app` crate; this crate wires it to the network.
#![forbid(unsafe_code)]

pub mod audit;
pub mod config;
pub mod demo;
pub mod documents;
pub mod downloads;
pub mod health;
pub mod http1;
pub mod live_route;
pub mod mail;
pub mod owner_isolation;
pub mod respond;
pub mod router;
pub mod security;
pub mod serve;
pub mod session_routes;
pub mod telemetry;
pub mod text_guard;

use app::db::Db;
use app::state::AppState;
use leptos::prelude::LeptosOptions;

use crate::config::Config;

/// Connect to the database, apply migrations, load demo data in demo mode, and build the
/// state every request handler shares.
pub async fn start(config: &Config) -> anyhow::Result<AppState> {
    let url = config.database_url();
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    let db = Db::connect(&url, config.db_max_connections).await?;
    db.migrate().await?;
    let filled = app::search::reindex::fill_missing_terms(&db).await?;
    if filled > 0 {
        tracing::info!(pages = filled, "search terms filled in");
    }
    let named = app::search::reindex::fill_missing_name_terms(&db).await?;
    if named > 0 {
        tracing::info!(
            names = named,
            "search terms of titles and file names filled in"
        );
    }
    tracing::info!(engine = db.engine().name(), "database ready");
    if config.demo {
        let outcome = demo::seed(&db, config.demo_history).await?;
        tracing::info!(?outcome, "demo data");
    }
    let leptos_options = LeptosOptions::builder()
        .output_name("ecabinet")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .build();
    let webauthn = app::identity::passkeys::build_webauthn(&config.public_origin)
        .map_err(|e| anyhow::anyhow!(e))?;
    if config.demo {
        demo::enrolment_links(&db, config).await?;
    }
    spawn_audit_checkpoints(config, &db)?;
    let extractor = std::sync::Arc::new(config.extractor()?);
    let text_jobs = std::sync::Arc::new(tokio::sync::Notify::new());
    let live = app::live::hub::Hub::new();
    live.listen(&db);
    documents::jobs::spawn(
        db.clone(),
        extractor.clone(),
        text_jobs.clone(),
        live.clone(),
    );
    spawn_live_pruning(&db);
    let answers = app::ballots::writer::AnswerWriter::spawn(db.clone(), live.clone());
    spawn_ballot_clock(&db, &live, config.ballot_tick_secs);
    if let Some(smtp_url) = &config.smtp_url {
        mail::Mailer::new(smtp_url, &config.mail_from, &config.public_origin)?.spawn(db.clone());
    }
    Ok(AppState {
        leptos_options,
        db,
        demo: config.demo,
        session_lifetime: chrono::Duration::hours(i64::from(config.session_hours)),
        session_idle: chrono::Duration::minutes(i64::from(config.session_idle_minutes.max(1))),
        public_origin: config.public_origin.trim_end_matches('/').to_owned(),
        trusted_proxies: std::sync::Arc::new(config.trusted_proxies.clone()),
        live,
        extractor,
        text_jobs,
        max_upload_bytes: usize::try_from(config.max_upload_mb.saturating_mul(1024 * 1024))
            .unwrap_or(usize::MAX),
        webauthn: std::sync::Arc::new(webauthn),
        answers,
    })
}

/// Close ballots at their deadline and send reminders, every `every_secs` (any node may:
/// the database decides who does each thing once).
fn spawn_ballot_clock(db: &Db, live: &app::live::hub::Hub, every_secs: u64) {
    let db = db.clone();
    let live = live.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(every_secs.max(1)));
        loop {
            every.tick().await;
            match app::ballots::schedule::tick(&db).await {
                Ok((done, changed)) => {
                    if done.closed + done.reminded > 0 {
                        tracing::info!(closed = done.closed, reminded = done.reminded, "ballots");
                    }
                    for ballot_id in changed {
                        live.publish(
                            &db,
                            app::live::event::LiveEvent::BallotChanged { ballot_id },
                        )
                        .await;
                    }
                }
                Err(err) => tracing::warn!(?err, "ballot clock"),
            }
            // The tasks' deadlines, on the same clock (a notice a day at most per task).
            match app::tasks::schedule::tick(&db, app::tasks::store::today()).await {
                Ok(0) => {}
                Ok(noticed) => tracing::info!(noticed, "task deadlines"),
                Err(err) => tracing::warn!(?err, "task clock"),
            }
            match app::tasks::digest::weekly(&db, app::tasks::store::today()).await {
                Ok(0) => {}
                Ok(overdue) => tracing::info!(overdue, "weekly overdue digest"),
                Err(err) => tracing::warn!(?err, "weekly overdue digest"),
            }
        }
    });
}

/// Forget, every ten minutes, stored live events older than a day and what identity keeps for
/// a while (expired ceremonies, old rate-limit windows, used links, ended sessions): any node
/// may; deleting twice is fine.
fn spawn_live_pruning(db: &Db) {
    let db = db.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            if let Err(err) = app::live::hub::Hub::prune(&db).await {
                tracing::warn!(%err, "stored live events not pruned");
            }
            match app::identity::pruning::prune(&db, chrono::Utc::now()).await {
                Ok(done) => tracing::debug!(?done, "identity pruned"),
                Err(err) => tracing::warn!(%err, "identity not pruned"),
            }
        }
    });
}

/// Write a signed audit checkpoint every `audit_checkpoint_secs` to the checkpoint file and
/// its copy. Outside demo mode there is no serving without a key.
fn spawn_audit_checkpoints(config: &Config, db: &Db) -> anyhow::Result<()> {
    let Some(key) = config.audit_key()? else {
        anyhow::bail!(
            "no audit key: give --audit-key-file (ECAB_AUDIT_KEY_FILE), a file of at least \
             {} random bytes, so the audit chain is anchored outside the database",
            config::MIN_AUDIT_KEY_BYTES
        );
    };
    let paths = config.audit_checkpoint_files();
    let every = std::time::Duration::from_secs(config.audit_checkpoint_secs.max(1));
    let db = db.clone();
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        loop {
            ticks.tick().await;
            for path in &paths {
                match audit::checkpoint::write(&db, &key, path).await {
                    Ok(Some(cp)) => {
                        tracing::info!(seq = cp.seq, file = %path.display(), "audit checkpoint written")
                    }
                    Ok(None) => {}
                    Err(err) => {
                        tracing::error!(%err, file = %path.display(), "audit checkpoint failed")
                    }
                }
            }
        }
    });
    Ok(())
}
