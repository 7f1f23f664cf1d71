//! Reading progress: who opened which document version (audited), every page they had on
//! screen, and where they stopped. A new version starts afresh: progress belongs to a version.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::db::Db;
use crate::documents::access::{Home, ReadableDocument};
use crate::documents::model::ReaderView;
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::{with_db, with_tx};

/// The largest page number accepted while a version's page count is not known yet.
const UNKNOWN_COUNT_LIMIT: i64 = 100_000;

/// Open `doc` in the reader: record the opening (and audit it) in one transaction, and
/// return what the reader page shows, starting where this reader stopped last time.
pub async fn open(
    db: &Db,
    user: &CurrentUser,
    doc: &ReadableDocument,
) -> Result<ReaderView, AppError> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let (last_page,): (i64,) = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into reading (user_id, version_id, last_page, opened_at, updated_at)
             values ($1, $2, 1, $3, $3)
             on conflict (user_id, version_id) do update set updated_at = excluded.updated_at",
        )
        .bind(user.id)
        .bind(doc.version_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query_as("select last_page from reading where user_id = $1 and version_id = $2")
            .bind(user.id)
            .bind(doc.version_id)
            .fetch_one(&mut *conn)
            .await?
    });
    let (back_href, back_title, item_title) = match doc.home {
        Home::Item {
            item_id,
            meeting_id,
        } => {
            let (meeting_title, item_title): (String, String) = with_tx!(&mut tx, |conn| {
                sqlx::query_as(
                    "select m.title, ai.title from agenda_item ai
                     join meeting m on m.id = ai.meeting_id where ai.id = $1",
                )
                .bind(item_id)
                .fetch_one(&mut *conn)
                .await?
            });
            (format!("/meetings/{meeting_id}"), meeting_title, item_title)
        }
        Home::Ballot { ballot_id } => {
            let (title,): (String,) = with_tx!(&mut tx, |conn| {
                sqlx::query_as("select title from ballot where id = $1")
                    .bind(ballot_id)
                    .fetch_one(&mut *conn)
                    .await?
            });
            (format!("/ballots/{ballot_id}"), title, String::new())
        }
        Home::Task { task_id } => {
            let (text,): (String,) = with_tx!(&mut tx, |conn| {
                sqlx::query_as("select text from task where id = $1")
                    .bind(task_id)
                    .fetch_one(&mut *conn)
                    .await?
            });
            // The back link names the task by its first words.
            let mut title: String = text.chars().take(120).collect();
            if title.len() < text.len() {
                title.push('…');
            }
            (format!("/tasks/{task_id}"), title, String::new())
        }
        Home::Submission { submission_id } => {
            let (title,): (String,) = with_tx!(&mut tx, |conn| {
                sqlx::query_as("select title from submission where id = $1")
                    .bind(submission_id)
                    .fetch_one(&mut *conn)
                    .await?
            });
            (
                format!("/submissions/{submission_id}"),
                title,
                String::new(),
            )
        }
    };
    let picture: Option<(i64, i64)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select width, height from blob_picture where sha256 = $1")
            .bind(&doc.sha256)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (pages_without_text,): (i64,) = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select count(*) from document_page where version_id = $1 and no_text")
            .bind(doc.version_id)
            .fetch_one(&mut *conn)
            .await?
    });
    crate::audit::store::append(
        &mut tx,
        Some(user.id),
        AuditEvent::DocumentOpened,
        Some(doc.document_id),
    )
    .await?;
    tx.commit().await?;
    Ok(ReaderView {
        document_id: doc.document_id,
        version_id: doc.version_id,
        version_no: doc.version_no,
        title: doc.title.clone(),
        page_count: doc.page_count,
        downloadable: doc.downloadable,
        back_href,
        back_title,
        item_title,
        last_page,
        viewer: user.full_name.clone(),
        first_page_picture: picture,
        pages_without_text,
    })
}

/// Page `page` of version `version_id` of `doc` was on this reader's screen.
pub async fn record_page(
    db: &Db,
    user: &CurrentUser,
    doc: &ReadableDocument,
    version_id: Uuid,
    page: i64,
) -> Result<(), AppError> {
    let count: Option<(Option<i64>,)> = with_db!(db, |pool| {
        sqlx::query_as("select page_count from document_version where id = $1 and document_id = $2")
            .bind(version_id)
            .bind(doc.document_id)
            .fetch_optional(pool)
            .await
    })?;
    let Some((count,)) = count else {
        return Err(AppError::BadRequest(BadInput::Page));
    };
    if page < 1 || page > count.unwrap_or(UNKNOWN_COUNT_LIMIT) {
        return Err(AppError::BadRequest(BadInput::Page));
    }
    let now = Utc::now();
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into page_view (user_id, version_id, page_no, first_at)
             values ($1, $2, $3, $4) on conflict do nothing",
        )
        .bind(user.id)
        .bind(version_id)
        .bind(page)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "insert into reading (user_id, version_id, last_page, opened_at, updated_at)
             values ($1, $2, $3, $4, $4)
             on conflict (user_id, version_id)
             do update set last_page = excluded.last_page, updated_at = excluded.updated_at",
        )
        .bind(user.id)
        .bind(version_id)
        .bind(page)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    tx.commit().await?;
    Ok(())
}
