//! `POST /documents/upload`: the secretariat adds a PDF to an agenda item (`?item=<id>`), to a
//! draft ballot (`?ballot=<id>`), or a new version of a document (`?document=<id>`); a
//! ministry's officer adds evidence to a task (`?task=<id>`, carried by their next report:
//! `tasks::evidence`), or a document to a submission they prepare (`?submission=<id>&
//! requirement=<checklist code>`, or a new version with `?document=`). The body is the file
//! itself, so the browser
//! can report upload progress (server functions cannot); `?name=` carries the file name.
//! The body is read up to the configured limit; the content must start like a PDF and parse
//! (in the child process) — a non-PDF named `.pdf` is refused with a clear message.
use axum::body::{to_bytes, Body};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use app::audit::event::AuditEvent;
use app::documents::extract::ChildError;
use app::error::{AppError, BadInput, OrInternal};
use app::i18n::Lang;
use app::identity::model::Role;
use app::live::event::LiveEvent;
use app::meetings::model::MeetingState;
use app::state::AppState;

use crate::respond::error_response;

#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    item: Option<String>,
    ballot: Option<String>,
    document: Option<String>,
    task: Option<String>,
    submission: Option<String>,
    requirement: Option<String>,
    #[serde(default)]
    name: String,
}

/// What the uploader learns.
#[derive(Debug, Serialize)]
pub struct Uploaded {
    pub document_id: Uuid,
    pub version_no: i64,
    pub page_count: u32,
}

pub async fn upload(
    State(state): State<AppState>,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match receive(&state, query, &headers, body).await {
        Ok(uploaded) => Json(uploaded).into_response(),
        Err(err) => error_response(&err, Lang::from_headers(&headers)),
    }
}

/// The meeting an item belongs to and its state, if the item exists.
async fn item_meeting(state: &AppState, item: Uuid) -> Result<(Uuid, String), AppError> {
    let row: Option<(Uuid, String)> = app::with_db!(&state.db, |pool| {
        sqlx::query_as(
            "select m.id, m.state from agenda_item ai join meeting m on m.id = ai.meeting_id
             where ai.id = $1",
        )
        .bind(item)
        .fetch_optional(pool)
        .await
    })?;
    row.ok_or(AppError::NotFound)
}

/// What a document is added to: an agenda item of a meeting (in its state), or a ballot.
enum Owner {
    Item {
        item: Uuid,
        meeting: Uuid,
        meeting_state: String,
    },
    Ballot(Uuid),
    Task(Uuid),
    /// A submission, and the checklist entry a new document answers.
    Submission(Uuid, Option<String>),
}

async fn item_owner(state: &AppState, item: Uuid) -> Result<Owner, AppError> {
    let (meeting, meeting_state) = item_meeting(state, item).await?;
    if matches!(meeting_state.as_str(), "closed" | "cancelled") {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    Ok(Owner::Item {
        item,
        meeting,
        meeting_state,
    })
}

/// A ballot takes documents while it is a draft (what members are asked about is fixed
/// when it is sent).
async fn ballot_owner(state: &AppState, ballot: Uuid) -> Result<Owner, AppError> {
    let row: Option<(String,)> = app::with_db!(&state.db, |pool| {
        sqlx::query_as("select state from ballot where id = $1")
            .bind(ballot)
            .fetch_optional(pool)
            .await
    })?;
    match row {
        None => Err(AppError::NotFound),
        Some((s,)) if s == "draft" => Ok(Owner::Ballot(ballot)),
        Some(_) => Err(AppError::BadRequest(BadInput::Ballot(
            app::ballots::problem::BallotProblem::NotDraft,
        ))),
    }
}

/// What a ministry's officer adds to: a task's evidence, a submission's document (a new one
/// answering a checklist entry, or a new version); `None`: the request is the secretariat's.
async fn preparer_owner(
    state: &AppState,
    user: &app::identity::model::CurrentUser,
    query: &UploadQuery,
) -> Result<Option<(Owner, Option<Uuid>)>, AppError> {
    let db = &state.db;
    let may_prepare = |id: Uuid| async move {
        let summary = app::submissions::store::summary(db, user, id).await?;
        app::submissions::editing::may_prepare(db, user, &summary).await?;
        Ok::<_, AppError>(summary)
    };
    let q = query;
    match (&q.item, &q.ballot, &q.document, &q.task, &q.submission) {
        (None, None, None, Some(task), None) => {
            let task = app::ids::parse_id(task, BadInput::Id)?;
            let today = app::tasks::store::today();
            app::tasks::evidence::may_attach(db, user, task, today).await?;
            Ok(Some((Owner::Task(task), None)))
        }
        (None, None, None, None, Some(id)) => {
            let id = app::ids::parse_id(id, BadInput::Id)?;
            let summary = may_prepare(id).await?;
            let code = q
                .requirement
                .as_deref()
                .unwrap_or_default()
                .trim()
                .to_owned();
            let checklist = app::submissions::checklist::of_kind(db, summary.kind).await?;
            if !checklist.iter().any(|r| r.code == code) {
                return Err(AppError::BadRequest(BadInput::Submission(
                    app::submissions::problem::SubmissionProblem::RequirementInvalid,
                )));
            }
            Ok(Some((Owner::Submission(id, Some(code)), None)))
        }
        (None, None, Some(doc), None, None) => {
            let document = app::ids::parse_id(doc, BadInput::Id)?;
            let row: Option<(Option<Uuid>,)> = app::with_db!(db, |pool| {
                sqlx::query_as("select submission_id from document where id = $1")
                    .bind(document)
                    .fetch_optional(pool)
                    .await
            })?;
            match row {
                Some((Some(id),)) => {
                    may_prepare(id).await?;
                    Ok(Some((Owner::Submission(id, None), Some(document))))
                }
                _ => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

async fn document_owner(state: &AppState, document: Uuid) -> Result<Owner, AppError> {
    let row: Option<(Option<Uuid>, Option<Uuid>)> = app::with_db!(&state.db, |pool| {
        sqlx::query_as("select agenda_item_id, ballot_id from document where id = $1")
            .bind(document)
            .fetch_optional(pool)
            .await
    })?;
    match row {
        Some((Some(item), _)) => item_owner(state, item).await,
        Some((None, Some(ballot))) => ballot_owner(state, ballot).await,
        _ => Err(AppError::NotFound),
    }
}

/// A title from a file name: without the extension, underscores as spaces.
fn title_from(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = stem.replace('_', " ").trim().to_owned();
    if title.is_empty() {
        "Tài liệu".to_owned()
    } else {
        title.chars().take(200).collect()
    }
}

async fn receive(
    state: &AppState,
    query: UploadQuery,
    headers: &HeaderMap,
    body: Body,
) -> Result<Uploaded, AppError> {
    let user = app::identity::session::user_from_headers(state, headers).await?;
    let (owner, document) = match preparer_owner(state, &user, &query).await? {
        Some(owner) => owner,
        None if user.role != Role::Secretariat => return Err(AppError::Forbidden),
        None => match (&query.item, &query.ballot, &query.document) {
            (Some(item), None, None) => {
                let item = app::ids::parse_id(item, BadInput::Id)?;
                (item_owner(state, item).await?, None)
            }
            (None, Some(ballot), None) => {
                let ballot = app::ids::parse_id(ballot, BadInput::Id)?;
                (ballot_owner(state, ballot).await?, None)
            }
            (None, None, Some(doc)) => {
                let document = app::ids::parse_id(doc, BadInput::Id)?;
                (document_owner(state, document).await?, Some(document))
            }
            _ => return Err(AppError::BadRequest(BadInput::Malformed)),
        },
    };
    let limit = state.max_upload_bytes;
    let bytes = to_bytes(body, limit).await.map_err(|_| {
        AppError::BadRequest(BadInput::TooLarge {
            limit_mb: (limit / (1024 * 1024)) as u64,
        })
    })?;
    if !bytes.starts_with(b"%PDF-") {
        return Err(AppError::BadRequest(BadInput::NotPdf));
    }
    let facts = match state.extractor.inspect(&bytes).await {
        Ok(facts) => facts,
        Err(ChildError::Spawn(reason) | ChildError::Sandbox(reason)) => {
            return Err(AppError::internal(format_args!(
                "cannot run the PDF reader: {reason}"
            )));
        }
        Err(other) => {
            tracing::warn!(error = %other, "upload refused: unreadable PDF");
            return Err(AppError::BadRequest(BadInput::NotPdf));
        }
    };
    if facts.encrypted {
        return Err(AppError::BadRequest(BadInput::EncryptedPdf));
    }
    let name: String = query.name.trim().chars().take(200).collect();
    let name = if name.is_empty() {
        "document.pdf".to_owned()
    } else {
        name
    };
    let pages = Some(i64::from(facts.pages));
    let mut tx = state.db.begin().await?;
    let (document_id, version_no, event) = match document {
        None => {
            let (home, column) = match &owner {
                Owner::Item { item, .. } => (*item, "agenda_item_id"),
                Owner::Ballot(ballot) => (*ballot, "ballot_id"),
                Owner::Task(task) => (*task, "task_id"),
                Owner::Submission(id, _) => (*id, "submission_id"),
            };
            let sql =
                format!("select coalesce(max(position), 0) + 1 from document where {column} = $1");
            let position: (i64,) = app::with_tx!(&mut tx, |conn| {
                sqlx::query_as(&sql)
                    .bind(home)
                    .fetch_one(&mut *conn)
                    .await?
            });
            let of = |wanted: &str| (column == wanted).then_some(home);
            let id = app::documents::store::add_document(
                &mut tx,
                app::documents::store::NewDocument {
                    agenda_item_id: of("agenda_item_id"),
                    ballot_id: of("ballot_id"),
                    task_id: of("task_id"),
                    submission_id: of("submission_id"),
                    title: &title_from(&name),
                    position: position.0,
                    file_name: &name,
                    bytes: &bytes,
                    page_count: pages,
                    uploaded_by: Some(user.id),
                },
            )
            .await?;
            if let Owner::Submission(_, Some(code)) = &owner {
                app::with_tx!(&mut tx, |conn| {
                    sqlx::query("update document set requirement = $1 where id = $2")
                        .bind(code)
                        .bind(id)
                        .execute(&mut *conn)
                        .await?;
                });
            }
            (id, 1, AuditEvent::DocumentUploaded)
        }
        Some(document) => {
            let number = app::documents::store::add_version(
                &mut tx,
                document,
                &name,
                &bytes,
                pages,
                Some(user.id),
            )
            .await?;
            (document, number, AuditEvent::DocumentVersionAdded)
        }
    };
    if let Owner::Task(task) = &owner {
        app::tasks::evidence::still_open(&mut tx, *task).await?;
    }
    if let Owner::Submission(submission, _) = &owner {
        let sha = app::audit::content::sha256_detail(&bytes);
        let sha = sha.trim_start_matches("sha256=");
        app::submissions::editing::document_changed(&mut tx, *submission, user.id, &name, sha)
            .await?;
    }
    let live = match owner {
        Owner::Item {
            meeting,
            meeting_state,
            ..
        } => {
            let current = MeetingState::try_from(meeting_state).or_internal()?;
            let change = if version_no == 1 {
                app::meetings::model::ChangeKind::DocumentAdded
            } else {
                app::meetings::model::ChangeKind::DocumentVersion
            };
            app::meetings::editing::meeting::note_change(
                &mut tx,
                meeting,
                current,
                change,
                Some(document_id),
            )
            .await?;
            Some(LiveEvent::MeetingChanged {
                meeting_id: meeting,
            })
        }
        Owner::Ballot(ballot_id) => Some(LiveEvent::BallotChanged { ballot_id }),
        // Nobody else sees the file until a report carries it.
        Owner::Task(_) => None,
        // The ministry's own page re-reads after the upload.
        Owner::Submission(..) => None,
    };
    // The record vouches for the file: its version and SHA-256 (re-checked by verify-audit).
    let detail = format!(
        "version={version_no} {}",
        app::audit::content::sha256_detail(&bytes)
    );
    app::audit::store::append_detailed(&mut tx, Some(user.id), event, Some(document_id), detail)
        .await?;
    tx.commit().await?;
    state.text_jobs.notify_one();
    if let Some(live) = live {
        state.live.publish(&state.db, live).await;
    }
    Ok(Uploaded {
        document_id,
        version_no,
        page_count: facts.pages,
    })
}

#[cfg(test)]
mod tests {
    use super::title_from;

    #[test]
    fn titles_come_from_file_names() {
        assert_eq!(title_from("To_trinh_so_12.pdf"), "To trinh so 12");
        assert_eq!(title_from("Báo cáo.v2.pdf"), "Báo cáo.v2");
        assert_eq!(title_from(".pdf"), "Tài liệu");
    }
}
