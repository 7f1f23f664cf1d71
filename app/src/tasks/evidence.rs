//! A report's evidence: PDFs a ministry's officer uploads (`/documents/upload?task=`, the
//! same checks, storage and reader as any document) and then names in a report. Until a
//! report carries it, an upload is its uploader's alone; once carried it is part of the
//! task's history (`task_attachment` refuses changes) and readable by whoever sees the task.
use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::tasks::editing::problem;
use crate::tasks::model::{Attachment, TaskState};
use crate::tasks::problem::TaskProblem;
use crate::{with_db, with_tx};

/// At most this many files in one report.
pub const MAX_PER_REPORT: usize = 10;

/// Whether `user` may add evidence to task `id`: an officer of its lead or of a coordinating
/// ministry, while the task is not done. Outside their reach: `NotFound`.
pub async fn may_attach(
    db: &Db,
    user: &CurrentUser,
    id: Uuid,
    today: NaiveDate,
) -> Result<(), AppError> {
    let task = crate::tasks::reports::task_for(db, user, id, today).await?;
    let (lead, coordinator) = crate::tasks::reports::roles_on(db, user, &task).await?;
    if !(lead || coordinator) {
        return Err(AppError::Forbidden);
    }
    if task.state == TaskState::Done {
        return Err(problem(TaskProblem::WrongState));
    }
    Ok(())
}

/// In an act's transaction: task `id` is not done (accepted meanwhile: `WrongState`, and the
/// act is rolled back). Touches the task, so two acts on it do not interleave.
pub async fn still_open(tx: &mut Tx, id: Uuid) -> Result<(), AppError> {
    let open = with_tx!(tx, |conn| {
        sqlx::query("update task set updated_at = $1 where id = $2 and state <> 'done'")
            .bind(chrono::Utc::now())
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected()
    });
    if open != 1 {
        return Err(problem(TaskProblem::WrongState));
    }
    Ok(())
}

/// The ids a report form sends, comma-separated (empty: none), each once.
pub fn parse_ids(text: &str) -> Result<Vec<Uuid>, AppError> {
    let mut ids: Vec<Uuid> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let id = crate::ids::parse_id(part, BadInput::Id)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.len() > MAX_PER_REPORT {
        return Err(problem(TaskProblem::AttachmentInvalid));
    }
    Ok(ids)
}

/// Tie `documents` to the report `event` on `task`: each must be `user`'s own upload to this
/// task that no report carries yet. The files' SHA-256, in order, for the audit record.
pub async fn carry(
    tx: &mut Tx,
    user: &CurrentUser,
    task: Uuid,
    event: Uuid,
    documents: &[Uuid],
) -> Result<Vec<String>, AppError> {
    let mut hashes = Vec::with_capacity(documents.len());
    for document in documents {
        let row: Option<(String,)> = with_tx!(tx, |conn| {
            sqlx::query_as(
                "select v.blob_sha256 from document d
                 join document_version v on v.document_id = d.id and v.version_no = 1
                 where d.id = $1 and d.task_id = $2 and v.uploaded_by = $3
                   and not exists (select 1 from task_attachment a where a.document_id = d.id)",
            )
            .bind(document)
            .bind(task)
            .bind(user.id)
            .fetch_optional(&mut *conn)
            .await?
        });
        let (sha,) = row.ok_or(problem(TaskProblem::AttachmentInvalid))?;
        // Another report may carry it at the same moment: one of them wins, the other is told.
        let carried = with_tx!(tx, |conn| {
            sqlx::query(
                "insert into task_attachment (event_id, document_id) values ($1, $2)
                 on conflict do nothing",
            )
            .bind(event)
            .bind(document)
            .execute(&mut *conn)
            .await?
            .rows_affected()
        });
        if carried != 1 {
            return Err(problem(TaskProblem::AttachmentInvalid));
        }
        hashes.push(sha);
    }
    Ok(hashes)
}

/// The files each report of `task` carried, by the report's id, in upload order.
pub async fn of(db: &Db, task: Uuid) -> Result<HashMap<Uuid, Vec<Attachment>>, AppError> {
    let rows: Vec<(Uuid, Uuid, String, Option<i64>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select a.event_id, d.id, v.file_name, v.page_count from task_attachment a
             join task_event e on e.id = a.event_id
             join document d on d.id = a.document_id
             join document_version v on v.document_id = d.id and v.version_no = 1
             where e.task_id = $1 order by d.created_at, d.id",
        )
        .bind(task)
        .fetch_all(pool)
        .await
    })?;
    let mut out: HashMap<Uuid, Vec<Attachment>> = HashMap::new();
    for (event, document_id, file_name, page_count) in rows {
        out.entry(event).or_default().push(Attachment {
            document_id,
            file_name,
            page_count,
        });
    }
    Ok(out)
}

/// Whether `user` may read `document` of `task`: a report carries it and `user` sees the
/// task, or it is `user`'s own upload that no report carries yet.
pub async fn readable(
    db: &Db,
    user: &CurrentUser,
    task: Uuid,
    document: Uuid,
) -> Result<bool, AppError> {
    let row: Option<(bool, Option<Uuid>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select exists (select 1 from task_attachment a where a.document_id = d.id),
                    v.uploaded_by
             from document d
             join document_version v on v.document_id = d.id and v.version_no = 1
             where d.id = $1 and d.task_id = $2",
        )
        .bind(document)
        .bind(task)
        .fetch_optional(pool)
        .await
    })?;
    match row {
        Some((true, _)) => crate::tasks::store::visible(db, user, task).await,
        Some((false, uploader)) => Ok(uploader == Some(user.id)),
        None => Ok(false),
    }
}
