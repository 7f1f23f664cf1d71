//! Private notes on document pages. Every query is scoped to the author: no role, not even
//! the secretariat, reads another person's notes. A note stays on the version it was written
//! on; after a new version it is listed as written on the older one.
use chrono::Utc;
use uuid::Uuid;

use crate::db::Db;
use crate::documents::access::ReadableDocument;
use crate::documents::model::Note;
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::ids::new_id;
use crate::{with_db, with_tx};

/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

type Row = (
    Uuid,
    Uuid,
    String,
    i64,
    i64,
    i64,
    String,
    chrono::DateTime<Utc>,
);

const SELECT: &str = "select n.id, d.id, d.title, v.version_no,
        (select max(version_no) from document_version where document_id = d.id),
        n.page_no, n.body, n.updated_at
     from note n
     join document_version v on v.id = n.version_id
     join document d on d.id = v.document_id";

fn to_note((id, document_id, document_title, version_no, latest, page_no, body, at): Row) -> Note {
    Note {
        id,
        document_id,
        document_title,
        version_no,
        on_latest: version_no == latest,
        page_no,
        body,
        updated_at: at,
    }
}

fn checked_body(body: &str) -> Result<String, AppError> {
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::BadRequest(BadInput::Note));
    }
    Ok(body.to_owned())
}

/// Write a new note on page `page` of the document's latest version.
pub async fn add(
    db: &Db,
    user: &CurrentUser,
    doc: &ReadableDocument,
    page: i64,
    body: &str,
) -> Result<Uuid, AppError> {
    let body = checked_body(body)?;
    if page < 1 || doc.page_count.is_some_and(|count| page > count) {
        return Err(AppError::BadRequest(BadInput::Page));
    }
    let id = new_id();
    let now = Utc::now();
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into note (id, user_id, version_id, page_no, body, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(id)
        .bind(user.id)
        .bind(doc.version_id)
        .bind(page)
        .bind(&body)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    tx.commit().await?;
    Ok(id)
}

/// Delete one of the author's notes (someone else's is `NotFound`).
pub async fn remove(db: &Db, user: &CurrentUser, id: Uuid) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let removed = with_tx!(&mut tx, |conn| {
        sqlx::query("delete from note where id = $1 and user_id = $2")
            .bind(id)
            .bind(user.id)
            .execute(&mut *conn)
            .await?
            .rows_affected()
    });
    if removed == 0 {
        tx.rollback().await?;
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// The author's notes on every version of one document, by page.
pub async fn of_document(
    db: &Db,
    user: &CurrentUser,
    document_id: Uuid,
) -> Result<Vec<Note>, AppError> {
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(&format!(
            "{SELECT} where n.user_id = $1 and d.id = $2
             order by n.page_no, v.version_no, n.created_at"
        ))
        .bind(user.id)
        .bind(document_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(to_note).collect())
}

/// The author's notes on the documents of one meeting, in agenda order.
pub async fn of_meeting(
    db: &Db,
    user: &CurrentUser,
    meeting_id: Uuid,
) -> Result<Vec<Note>, AppError> {
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(&format!(
            "{SELECT} join agenda_item ai on ai.id = d.agenda_item_id
             where n.user_id = $1 and ai.meeting_id = $2
             order by ai.position, d.position, n.page_no, n.created_at"
        ))
        .bind(user.id)
        .bind(meeting_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(to_note).collect())
}
