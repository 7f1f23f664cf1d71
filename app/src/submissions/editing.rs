//! Preparing a submission (a ministry's officers): its facts, checked; each save one
//! transaction with its history entry and its audit record (the hash of the facts as saved).
//! Documents come through the upload route (`/documents/upload?submission=…&requirement=…`).
use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use crate::audit::content::sha256_detail;
use crate::audit::event::AuditEvent;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::ids::new_id;
use crate::submissions::model::{
    SubmissionForm, SubmissionKind, SubmissionState, SubmissionSummary,
};
use crate::submissions::problem::SubmissionProblem;
use crate::with_tx;

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 500;
/// The longest summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 8_000;

pub(crate) fn problem(p: SubmissionProblem) -> AppError {
    AppError::BadRequest(BadInput::Submission(p))
}

/// What a valid form saves.
pub struct Valid {
    pub kind: SubmissionKind,
    pub title: String,
    pub summary: String,
    pub urgent: bool,
    pub session_month: Option<String>,
    pub presenter_id: Option<Uuid>,
    pub presenter_name: String,
}

/// "YYYY-MM", not before `today`'s month.
fn month(raw: &str, today: NaiveDate) -> Option<String> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", raw.trim()), "%Y-%m-%d").ok()?;
    let this = today.format("%Y-%m").to_string();
    let month = first.format("%Y-%m").to_string();
    (month >= this).then_some(month)
}

/// Check `form` for an officer of `ministry`; `today` bounds the session asked for.
pub async fn validate(
    db: &Db,
    ministry: Uuid,
    form: &SubmissionForm,
    today: NaiveDate,
) -> Result<Valid, AppError> {
    let kind =
        SubmissionKind::parse(form.kind.trim()).ok_or(problem(SubmissionProblem::KindInvalid))?;
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(problem(SubmissionProblem::TitleMissing));
    }
    let summary = form.summary.trim();
    if summary.chars().count() > MAX_SUMMARY_CHARS {
        return Err(problem(SubmissionProblem::SummaryTooLong));
    }
    let session_month = match (kind, form.session_month.trim()) {
        (SubmissionKind::Ballot, "") => None,
        (SubmissionKind::Item, raw) => {
            Some(month(raw, today).ok_or(problem(SubmissionProblem::MonthInvalid))?)
        }
        (SubmissionKind::Ballot, _) => return Err(problem(SubmissionProblem::MonthInvalid)),
    };
    let bad_presenter = || problem(SubmissionProblem::PresenterInvalid);
    let presenter_name = form.presenter_name.trim().to_owned();
    let presenter_id = match form.presenter_id.trim() {
        "" if !presenter_name.is_empty() && presenter_name.chars().count() <= 200 => None,
        "" => return Err(bad_presenter()),
        raw => {
            // A Government member serving this ministry.
            let id = Uuid::parse_str(raw).map_err(|_| bad_presenter())?;
            let user = crate::identity::store::current_user(db, id)
                .await?
                .ok_or_else(bad_presenter)?;
            let theirs = crate::identity::store::ministry_of(db, id).await?;
            if user.role != crate::identity::model::Role::Member || theirs != Some(ministry) {
                return Err(bad_presenter());
            }
            Some(id)
        }
    };
    Ok(Valid {
        kind,
        title: title.to_owned(),
        summary: summary.to_owned(),
        urgent: form.urgent,
        session_month,
        presenter_id,
        presenter_name: if presenter_id.is_some() {
            String::new()
        } else {
            presenter_name
        },
    })
}

/// The facts as saved, one a line: what the audit record hashes.
pub fn canonical(v: &Valid) -> String {
    format!(
        "kind={}\ntitle={}\nsummary={}\nurgent={}\nsession={}\npresenter={}{}",
        v.kind.as_str(),
        v.title,
        v.summary,
        v.urgent,
        v.session_month.as_deref().unwrap_or_default(),
        v.presenter_id.map(|id| id.to_string()).unwrap_or_default(),
        v.presenter_name
    )
}

/// `user` prepares `s`: an officer of its ministry, while it is a draft or returned.
pub async fn may_prepare(
    db: &Db,
    user: &CurrentUser,
    s: &SubmissionSummary,
) -> Result<(), AppError> {
    let ministry = crate::submissions::access::preparer_ministry(db, user).await?;
    let theirs: Option<(Uuid,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select ministry_id from submission where id = $1")
            .bind(s.id)
            .fetch_optional(pool)
            .await
    })?;
    if theirs.map(|(m,)| m) != Some(ministry) {
        return Err(AppError::Forbidden);
    }
    if !matches!(s.state, SubmissionState::Draft | SubmissionState::Returned) {
        return Err(problem(SubmissionProblem::WrongState));
    }
    Ok(())
}

/// A change to the documents of submission `id`, in the change's transaction: the
/// submission must still be the ministry's to prepare (else `WrongState`, and the change is
/// rolled back), its revision moves on, and its history names the file.
pub async fn document_changed(
    tx: &mut Tx,
    id: Uuid,
    actor: Uuid,
    file_name: &str,
    sha256: &str,
) -> Result<(), AppError> {
    let moved = with_tx!(tx, |conn| {
        sqlx::query(
            "update submission set revision = revision + 1, updated_at = $1
             where id = $2 and state in ('draft', 'returned')",
        )
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if moved != 1 {
        return Err(problem(SubmissionProblem::WrongState));
    }
    add_event(tx, id, "document", Some(actor), file_name, Some(sha256)).await
}

/// Append one entry to a submission's history.
pub async fn add_event(
    tx: &mut Tx,
    submission: Uuid,
    kind: &str,
    actor: Option<Uuid>,
    body: &str,
    content_sha256: Option<&str>,
) -> Result<(), AppError> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into submission_event (id, submission_id, kind, actor_id, body,
                                           content_sha256, created_at)
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(submission)
        .bind(kind)
        .bind(actor)
        .bind(body)
        .bind(content_sha256)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// Save `form` as a new submission (`id` `None`) or over a draft or returned one; its id.
pub async fn save(
    db: &Db,
    user: &CurrentUser,
    id: Option<Uuid>,
    form: &SubmissionForm,
    today: NaiveDate,
) -> Result<Uuid, AppError> {
    let ministry = crate::submissions::access::preparer_ministry(db, user).await?;
    if let Some(id) = id {
        let current = crate::submissions::store::summary(db, user, id).await?;
        may_prepare(db, user, &current).await?;
        if current.kind.as_str() != form.kind.trim() {
            return Err(problem(SubmissionProblem::KindInvalid));
        }
    }
    let v = validate(db, ministry, form, today).await?;
    let said = canonical(&v);
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let id = match id {
        None => {
            let id = new_id();
            with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "insert into submission (id, ministry_id, kind, title, summary, urgent,
                         session_month, presenter_id, presenter_name, created_by, created_at,
                         updated_at)
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
                )
                .bind(id)
                .bind(ministry)
                .bind(v.kind.as_str())
                .bind(&v.title)
                .bind(&v.summary)
                .bind(v.urgent)
                .bind(&v.session_month)
                .bind(v.presenter_id)
                .bind(&v.presenter_name)
                .bind(user.id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            });
            add_event(&mut tx, id, "created", Some(user.id), &v.title, None).await?;
            id
        }
        Some(id) => {
            let saved = with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update submission set title = $1, summary = $2, urgent = $3,
                         session_month = $4, presenter_id = $5, presenter_name = $6,
                         updated_at = $7, revision = revision + 1
                     where id = $8 and state in ('draft', 'returned')",
                )
                .bind(&v.title)
                .bind(&v.summary)
                .bind(v.urgent)
                .bind(&v.session_month)
                .bind(v.presenter_id)
                .bind(&v.presenter_name)
                .bind(now)
                .bind(id)
                .execute(&mut *conn)
                .await?
                .rows_affected()
            });
            // Sent meanwhile: the file is the Office's now.
            if saved != 1 {
                return Err(problem(SubmissionProblem::WrongState));
            }
            id
        }
    };
    crate::audit::store::append_detailed(
        &mut tx,
        Some(user.id),
        AuditEvent::SubmissionSaved,
        Some(id),
        sha256_detail(said.as_bytes()),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::month;

    #[test]
    fn months_from_this_one_on() {
        let today = "2026-12-07".parse().unwrap();
        assert_eq!(month("2026-12", today).as_deref(), Some("2026-12"));
        assert_eq!(month("2027-01", today).as_deref(), Some("2027-01"));
        assert_eq!(month("2026-11", today), None);
        assert_eq!(month("2026-13", today), None);
        assert_eq!(month("tháng 12", today), None);
    }
}
