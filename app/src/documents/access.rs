//! Who may read a document: whoever may see its agenda item (the meeting's rules; a guest
//! only the documents of their own items), or, for a ballot's draft documents, whoever may see
//! the ballot; for a task's evidence, `tasks::evidence::readable`; a submission's, whoever
//! sees the submission. A document one may not see
//! and one that does not exist are the same `NotFound`.
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::with_db;

/// The latest version of a document, as the file route serves it.
#[derive(Debug, Clone)]
pub struct ReadableDocument {
    pub document_id: Uuid,
    pub version_id: Uuid,
    pub title: String,
    pub file_name: String,
    pub sha256: String,
    pub byte_size: i64,
    /// The secretariat allows downloading (else: read in the app only).
    pub downloadable: bool,
    pub version_no: i64,
    /// Unknown until the extraction job has read the file.
    pub page_count: Option<i64>,
    pub home: Home,
}

/// What a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    Item { item_id: Uuid, meeting_id: Uuid },
    Ballot { ballot_id: Uuid },
    Task { task_id: Uuid },
    Submission { submission_id: Uuid },
}

type Row = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    i64,
    bool,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    i64,
    Option<i64>,
);

/// The document if `user` may read it.
pub async fn readable(
    db: &Db,
    user: &CurrentUser,
    document_id: Uuid,
) -> Result<ReadableDocument, AppError> {
    let row: Option<Row> = with_db!(db, |pool| {
        sqlx::query_as(
            "select d.id, v.id, d.title, v.file_name, v.blob_sha256, b.byte_size, d.downloadable,
                    ai.id, ai.meeting_id, d.ballot_id, d.task_id, d.submission_id,
                    v.version_no, v.page_count
             from document d
             left join agenda_item ai on ai.id = d.agenda_item_id
             join document_version v on v.document_id = d.id
             join blob b on b.sha256 = v.blob_sha256
             where d.id = $1
               and v.version_no = (select max(version_no) from document_version
                                   where document_id = d.id)",
        )
        .bind(document_id)
        .fetch_optional(pool)
        .await
    })?;
    let Some((
        document_id,
        version_id,
        title,
        file_name,
        sha256,
        byte_size,
        downloadable,
        item,
        meeting,
        ballot,
        task,
        submission,
        version_no,
        page_count,
    )) = row
    else {
        return Err(AppError::NotFound);
    };
    let home = match (item, meeting, ballot, task, submission) {
        (Some(item_id), Some(meeting_id), ..) => {
            // The document's item, by the item's rules (a guest only their own items).
            crate::meetings::store::visible_item(db, user, item_id).await?;
            Home::Item {
                item_id,
                meeting_id,
            }
        }
        (None, _, Some(ballot_id), ..) => {
            if !crate::ballots::store::visible(db, user, ballot_id).await? {
                return Err(AppError::NotFound);
            }
            Home::Ballot { ballot_id }
        }
        (None, _, None, Some(task_id), _) => {
            if !crate::tasks::evidence::readable(db, user, task_id, document_id).await? {
                return Err(AppError::NotFound);
            }
            Home::Task { task_id }
        }
        (None, _, None, None, Some(submission_id)) => {
            if !crate::submissions::store::visible(db, user, submission_id).await? {
                return Err(AppError::NotFound);
            }
            Home::Submission { submission_id }
        }
        _ => return Err(AppError::NotFound),
    };
    Ok(ReadableDocument {
        document_id,
        version_id,
        title,
        file_name,
        sha256,
        byte_size,
        downloadable,
        version_no,
        page_count,
        home,
    })
}
