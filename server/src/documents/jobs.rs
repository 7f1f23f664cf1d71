//! The text-extraction job. A document version starts `queued`; any node's worker claims
//! it (`extracting`), runs the child, and stores the pages (`indexed`) or the reason it
//! could not (`failed`: the document stays readable, its text is just not searchable).
//! Claims of a node that died are taken over after a while; three attempts at most.
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Notify;
use uuid::Uuid;

use app::db::Db;
use app::fold::{fold, normalise};
use app::live::event::LiveEvent;
use app::live::hub::Hub;
use app::terms::index_terms;
use app::{with_db, with_tx};

use app::documents::extract::{Extractor, Picture};

/// A claim older than this is taken over (its node is presumed dead).
const STALE_AFTER_SECS: i64 = 300;
const MAX_ATTEMPTS: i64 = 3;

/// A version to extract.
#[derive(Debug)]
pub struct Job {
    pub version_id: Uuid,
    pub sha256: String,
    pub attempts: i64,
}

/// Claim the oldest waiting version, if any.
pub async fn claim(db: &Db) -> Result<Option<Job>, sqlx::Error> {
    let now = Utc::now();
    // PostgreSQL: nodes claim different rows without waiting for each other. SQLite has one
    // writer at a time anyway.
    let skip_locked = match db {
        Db::Postgres(_) => " for update skip locked",
        Db::Sqlite(_) => "",
    };
    let sql = format!(
        "update document_version
         set text_status = 'extracting', text_claimed_at = $1, text_attempts = text_attempts + 1
         where id = (select id from document_version
                     where text_status = 'queued'
                        or (text_status = 'extracting' and text_claimed_at < $2)
                     order by created_at limit 1{skip_locked})
         returning id, blob_sha256, text_attempts"
    );
    let row: Option<(Uuid, String, i64)> = app::with_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(now)
            .bind(now - chrono::Duration::seconds(STALE_AFTER_SECS))
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(version_id, sha256, attempts)| Job {
        version_id,
        sha256,
        attempts,
    }))
}

/// Mark a version failed with a reason people can read.
async fn fail(db: &Db, version: Uuid, reason: &str) -> Result<(), sqlx::Error> {
    app::with_db!(db, |pool| {
        sqlx::query(
            "update document_version set text_status = 'failed', text_error = $1 where id = $2",
        )
        .bind(reason.chars().take(500).collect::<String>())
        .bind(version)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

/// Extract one claimed version and record the outcome. Returns the status written.
pub async fn process(
    db: &Db,
    extractor: &Extractor,
    job: &Job,
) -> Result<&'static str, sqlx::Error> {
    if job.attempts > MAX_ATTEMPTS {
        fail(db, job.version_id, "gave up after repeated attempts").await?;
        return Ok("failed");
    }
    // The same file (by its SHA-256) was already read for another version — re-uploaded,
    // or attached to another meeting: its pages are copied, the child is not run again.
    if copy_from_twin(db, job).await? {
        return Ok("indexed");
    }
    let bytes = app::documents::store::read_blob(db, &job.sha256).await?;
    let extracted = match extractor.extract(&bytes).await {
        Ok(e) => e,
        Err(err) => {
            tracing::warn!(version = %job.version_id, %err, "text extraction failed");
            fail(db, job.version_id, &err.to_string()).await?;
            return Ok("failed");
        }
    };
    let picture = first_page_picture(db, extractor, job, &bytes).await?;
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        if let Some(picture) = &picture {
            sqlx::query(
                "insert into blob_picture (sha256, jpeg, width, height) values ($1, $2, $3, $4)
                 on conflict (sha256) do nothing",
            )
            .bind(&job.sha256)
            .bind(&picture.jpeg)
            .bind(i64::from(picture.width))
            .bind(i64::from(picture.height))
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query("delete from document_page where version_id = $1")
            .bind(job.version_id)
            .execute(&mut *conn)
            .await?;
        for (index, page) in extracted.pages.iter().enumerate() {
            let text = normalise(&page.text);
            let folded = fold(&text);
            sqlx::query(
                "insert into document_page (version_id, page_no, text, folded, terms, no_text)
                 values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(job.version_id)
            .bind(i64::try_from(index + 1).unwrap_or(i64::MAX))
            .bind(&text)
            .bind(&folded)
            .bind(index_terms(&folded))
            .bind(page.no_text)
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query(
            "update document_version
             set text_status = 'indexed', text_error = null,
                 page_count = coalesce(page_count, $1)
             where id = $2",
        )
        .bind(i64::from(extracted.facts.pages))
        .bind(job.version_id)
        .execute(&mut *conn)
        .await?;
    });
    tx.commit().await?;
    tracing::info!(version = %job.version_id, pages = extracted.pages.len(), "text indexed");
    Ok("indexed")
}

/// The picture of the file's first page, unless the file has one already. A file the
/// rasteriser cannot draw (or a machine without `pdftoppm`) has none: the reader then shows
/// the page once pdf.js has drawn it, as it always could.
async fn first_page_picture(
    db: &Db,
    extractor: &Extractor,
    job: &Job,
    pdf: &[u8],
) -> Result<Option<Picture>, sqlx::Error> {
    let existing: Option<(i64,)> = app::with_db!(db, |pool| {
        sqlx::query_as("select width from blob_picture where sha256 = $1")
            .bind(&job.sha256)
            .fetch_optional(pool)
            .await
    })?;
    if existing.is_some() {
        return Ok(None);
    }
    match extractor.picture(pdf).await {
        Ok(picture) => Ok(Some(picture)),
        Err(err) => {
            tracing::warn!(version = %job.version_id, %err, "no picture of the first page");
            Ok(None)
        }
    }
}

/// Copy the pages of an indexed version of the same file into `job`'s version; whether
/// there was one.
async fn copy_from_twin(db: &Db, job: &Job) -> Result<bool, sqlx::Error> {
    let twin: Option<(Uuid, Option<i64>)> = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select id, page_count from document_version
             where blob_sha256 = $1 and text_status = 'indexed' and id <> $2 limit 1",
        )
        .bind(&job.sha256)
        .bind(job.version_id)
        .fetch_optional(pool)
        .await
    })?;
    let Some((twin, pages)) = twin else {
        return Ok(false);
    };
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query("delete from document_page where version_id = $1")
            .bind(job.version_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "insert into document_page (version_id, page_no, text, folded, terms, no_text)
             select $1, page_no, text, folded, terms, no_text
             from document_page where version_id = $2",
        )
        .bind(job.version_id)
        .bind(twin)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "update document_version
             set text_status = 'indexed', text_error = null,
                 page_count = coalesce(page_count, $1)
             where id = $2",
        )
        .bind(pages)
        .bind(job.version_id)
        .execute(&mut *conn)
        .await?;
    });
    tx.commit().await?;
    tracing::info!(version = %job.version_id, %twin, "text copied from the same file");
    Ok(true)
}

/// Tell the pages showing a version's document (its meeting's) that its text status changed. Best effort: a page that misses it reads the status on its next load.
async fn announce(db: &Db, live: &Hub, version: Uuid) {
    let meeting: Result<Option<(Uuid,)>, sqlx::Error> = with_db!(db, |pool| {
        sqlx::query_as(
            "select ai.meeting_id from document_version v
             join document d on d.id = v.document_id
             join agenda_item ai on ai.id = d.agenda_item_id
             where v.id = $1",
        )
        .bind(version)
        .fetch_optional(pool)
        .await
    });
    match meeting {
        Ok(Some((meeting_id,))) => live.publish(db, LiveEvent::TextRead { meeting_id }).await,
        // A ballot's draft documents: its page shows no text status.
        Ok(None) => {}
        Err(err) => tracing::warn!(%err, %version, "text status not announced"),
    }
}

/// Run the worker of this node: take jobs while there are any, then wait to be woken (an
/// upload on this node) or for the next poll (an upload on another node).
pub fn spawn(db: Db, extractor: Arc<Extractor>, wake: Arc<Notify>, live: Hub) {
    tokio::spawn(async move {
        loop {
            match claim(&db).await {
                Ok(Some(job)) => {
                    // Pages showing the document follow its status: extracting, then done.
                    announce(&db, &live, job.version_id).await;
                    if let Err(err) = process(&db, &extractor, &job).await {
                        tracing::error!(%err, version = %job.version_id, "text job not recorded");
                        tokio::time::sleep(Duration::from_secs(5)).await;
                    }
                    announce(&db, &live, job.version_id).await;
                }
                Ok(None) => {
                    tokio::select! {
                        () = wake.notified() => {}
                        () = tokio::time::sleep(Duration::from_secs(5)) => {}
                    }
                }
                Err(err) => {
                    tracing::error!(%err, "cannot claim a text job");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            }
        }
    });
}
