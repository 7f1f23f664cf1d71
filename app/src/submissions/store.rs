//! Reading submissions within the viewer's reach (`submissions::access`).
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::submissions::access::{reach, Reach};
use crate::submissions::model::{
    SubmissionDocument, SubmissionEvent, SubmissionKind, SubmissionState, SubmissionSummary,
    SubmissionView,
};
use crate::with_db;

/// Today in the Government's time zone (sessions are months there).
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .date_naive()
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    ministry_id: Uuid,
    code: String,
    name_vi: String,
    kind: String,
    title: String,
    urgent: bool,
    session_month: Option<String>,
    state: String,
    late: bool,
    updated_at: chrono::DateTime<chrono::Utc>,
    revision: i64,
    summary: String,
    presenter: String,
}

const SELECT: &str = "select s.id, s.ministry_id, m.code, m.name_vi, s.kind, s.title, s.urgent,
        s.session_month, s.state, s.late, s.updated_at, s.revision, s.summary,
        coalesce(u.full_name, s.presenter_name) as presenter
    from submission s
    join ministry m on m.id = s.ministry_id
    left join user_account u on u.id = s.presenter_id";

fn summary_of(r: &Row) -> SubmissionSummary {
    SubmissionSummary {
        id: r.id,
        ministry_code: r.code.clone(),
        ministry_vi: r.name_vi.clone(),
        kind: SubmissionKind::parse(&r.kind).unwrap_or(SubmissionKind::Item),
        title: r.title.clone(),
        urgent: r.urgent,
        session_month: r.session_month.clone(),
        state: SubmissionState::parse(&r.state).unwrap_or(SubmissionState::Draft),
        late: r.late,
        updated_at: r.updated_at,
        revision: r.revision,
    }
}

/// The submissions in `user`'s reach, the latest change first.
pub async fn list_for(db: &Db, user: &CurrentUser) -> Result<Vec<SubmissionSummary>, AppError> {
    let reach = reach(db, user).await?;
    let rows: Vec<Row> = with_db!(db, |pool| {
        match reach {
            Reach::All => {
                let sql = format!("{SELECT} order by s.updated_at desc, s.id");
                sqlx::query_as::<_, Row>(&sql).fetch_all(pool).await
            }
            Reach::Ministry(m) => {
                let sql =
                    format!("{SELECT} where s.ministry_id = $1 order by s.updated_at desc, s.id");
                sqlx::query_as::<_, Row>(&sql).bind(m).fetch_all(pool).await
            }
        }
    })?;
    Ok(rows.iter().map(summary_of).collect())
}

/// The submission `id` with its ministry, if `user` may see it (else `NotFound`).
async fn row_for(db: &Db, user: &CurrentUser, id: Uuid) -> Result<Row, AppError> {
    let reach = reach(db, user).await?;
    let sql = format!("{SELECT} where s.id = $1");
    let row: Option<Row> = with_db!(db, |pool| {
        sqlx::query_as::<_, Row>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await
    })?;
    match (row, reach) {
        (Some(r), Reach::All) => Ok(r),
        (Some(r), Reach::Ministry(m)) if r.ministry_id == m => Ok(r),
        _ => Err(AppError::NotFound),
    }
}

/// Whether `user` may see submission `id` (the document rules ask).
pub async fn visible(db: &Db, user: &CurrentUser, id: Uuid) -> Result<bool, AppError> {
    match row_for(db, user, id).await {
        Ok(_) => Ok(true),
        Err(AppError::NotFound | AppError::Forbidden) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The documents of submission `id`, each at its latest version, in the order added.
pub async fn documents(db: &Db, id: Uuid) -> Result<Vec<SubmissionDocument>, AppError> {
    type DocRow = (Uuid, String, String, i64, String, Option<String>);
    let rows: Vec<DocRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select d.id, d.title, v.file_name, v.version_no, v.blob_sha256, d.requirement
             from document d join document_version v on v.document_id = d.id
             where d.submission_id = $1
               and v.version_no = (select max(version_no) from document_version
                                   where document_id = d.id)
             order by d.position, d.id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(document_id, title, file_name, version_no, sha256, requirement)| SubmissionDocument {
                document_id,
                title,
                file_name,
                version_no,
                sha256,
                requirement,
            },
        )
        .collect())
}

async fn events(db: &Db, id: Uuid) -> Result<Vec<SubmissionEvent>, AppError> {
    type EventRow = (
        String,
        chrono::DateTime<chrono::Utc>,
        Option<String>,
        String,
    );
    let rows: Vec<EventRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select e.kind, e.created_at, u.full_name, e.body from submission_event e
             left join user_account u on u.id = e.actor_id
             where e.submission_id = $1 order by e.created_at, e.id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(kind, at, actor, body)| SubmissionEvent {
            kind,
            at,
            actor,
            body,
        })
        .collect())
}

/// One submission's page for `user`.
pub async fn view(db: &Db, user: &CurrentUser, id: Uuid) -> Result<SubmissionView, AppError> {
    let row = row_for(db, user, id).await?;
    let submission = summary_of(&row);
    let documents = documents(db, id).await?;
    let checklist = crate::submissions::checklist::ticked(
        crate::submissions::checklist::of_kind(db, submission.kind).await?,
        &documents,
    );
    let may_edit = crate::submissions::editing::may_prepare(db, user, &submission)
        .await
        .is_ok();
    let may_send = user.role == crate::identity::model::Role::Member
        && matches!(
            submission.state,
            crate::submissions::model::SubmissionState::Draft
                | crate::submissions::model::SubmissionState::Returned
        )
        && crate::submissions::model::complete(&checklist);
    Ok(SubmissionView {
        events: events(db, id).await?,
        summary: row.summary,
        presenter: row.presenter,
        submission,
        documents,
        checklist,
        may_edit,
        may_send,
    })
}

/// The submission `id` as its preparer acts on it (`NotFound` outside their reach).
pub async fn summary(db: &Db, user: &CurrentUser, id: Uuid) -> Result<SubmissionSummary, AppError> {
    Ok(summary_of(&row_for(db, user, id).await?))
}

/// The active Government members serving `ministry` today.
pub async fn members_of(db: &Db, ministry: Uuid) -> Result<Vec<(Uuid, String)>, AppError> {
    let today = today();
    let rows: Vec<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select distinct u.id, u.full_name from user_account u
             join appointment a on a.user_id = u.id
             where a.ministry_id = $1 and u.role = 'member' and u.active = $2
               and a.starts_on <= $3 and (a.ends_on is null or a.ends_on >= $3)
             order by u.full_name",
        )
        .bind(ministry)
        .bind(true)
        .bind(today)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}
