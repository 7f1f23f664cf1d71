//! The secretariat assigns a task: from a conclusion, a closed ballot's result, a resolution
//! or by hand. One transaction: the task, its coordinators, the first entry of its history,
//! the audit record (with the hash of what was assigned) and the ministries' notices.
use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use crate::audit::content::sha256_detail;
use crate::audit::event::AuditEvent;
use crate::audit::store::append_detailed;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
use crate::identity::model::{require_secretariat, CurrentUser, NoticeKind};
use crate::identity::notifications::add_about_in;
use crate::ids::new_id;
use crate::tasks::model::{Cycle, EventKind, TaskForm, TaskSource};
use crate::tasks::problem::TaskProblem;
use crate::{with_db, with_tx};

pub const MAX_TEXT_CHARS: usize = 4_000;

pub(crate) fn problem(p: TaskProblem) -> AppError {
    AppError::BadRequest(BadInput::Task(p))
}

/// A task's text, trimmed: 1 to [`MAX_TEXT_CHARS`] characters.
pub(crate) fn checked_text(text: &str, missing: TaskProblem) -> Result<String, AppError> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_TEXT_CHARS {
        return Err(problem(missing));
    }
    Ok(text.to_owned())
}

/// A day written `YYYY-MM-DD`.
pub(crate) fn parse_day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
}

/// What a valid form assigns.
pub struct Valid {
    pub text: String,
    pub source: TaskSource,
    pub item: Option<Uuid>,
    pub ballot: Option<Uuid>,
    pub resolution_no: Option<String>,
    pub lead: (Uuid, String),
    pub coordinators: Vec<(Uuid, String)>,
    pub deadline: Option<NaiveDate>,
    pub cycle: Option<Cycle>,
    /// The Government member answerable for it, if one is named: (id, name).
    pub responsible: Option<(Uuid, String)>,
}

async fn ministry(db: &Db, code: &str) -> Result<Option<Uuid>, AppError> {
    let row: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select id from ministry where code = $1")
            .bind(code.trim().to_uppercase())
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(id,)| id))
}

/// Check a form against the rules and the database; `today` bounds the deadline.
pub async fn validate(db: &Db, form: &TaskForm, today: NaiveDate) -> Result<Valid, AppError> {
    let text = checked_text(&form.text, TaskProblem::TextMissing)?;
    let source =
        TaskSource::parse(form.source.trim()).ok_or(problem(TaskProblem::SourceInvalid))?;
    let (mut item, mut ballot, mut resolution_no) = (None, None, None);
    let bad_source = || problem(TaskProblem::SourceInvalid);
    match source {
        TaskSource::Conclusion => {
            let id = Uuid::parse_str(form.item_id.trim()).map_err(|_| bad_source())?;
            let concluded: Option<(Uuid,)> = with_db!(db, |pool| {
                sqlx::query_as(
                    "select id from agenda_item where id = $1 and conclusion is not null",
                )
                .bind(id)
                .fetch_optional(pool)
                .await
            })?;
            item = Some(concluded.ok_or_else(bad_source)?.0);
        }
        TaskSource::Ballot => {
            let id = Uuid::parse_str(form.ballot_id.trim()).map_err(|_| bad_source())?;
            let closed: Option<(Uuid,)> = with_db!(db, |pool| {
                sqlx::query_as("select id from ballot where id = $1 and state = 'closed'")
                    .bind(id)
                    .fetch_optional(pool)
                    .await
            })?;
            ballot = Some(closed.ok_or_else(bad_source)?.0);
        }
        TaskSource::Resolution => {
            let no = form.resolution_no.trim();
            if no.is_empty() || no.chars().count() > 100 {
                return Err(bad_source());
            }
            resolution_no = Some(no.to_owned());
        }
        TaskSource::Manual => {}
    }
    let bad_ministry = || problem(TaskProblem::MinistryInvalid);
    let lead_code = form.lead.trim().to_uppercase();
    let lead = (
        ministry(db, &lead_code).await?.ok_or_else(bad_ministry)?,
        lead_code,
    );
    let mut coordinators: Vec<(Uuid, String)> = Vec::new();
    for code in form
        .coordinators
        .split([',', ';', ' '])
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
    {
        let id = ministry(db, &code).await?.ok_or_else(bad_ministry)?;
        if id == lead.0 {
            return Err(bad_ministry());
        }
        if !coordinators.iter().any(|(c, _)| *c == id) {
            coordinators.push((id, code));
        }
    }
    let bad_deadline = || problem(TaskProblem::DeadlineInvalid);
    let (deadline, cycle) = match (form.deadline.trim(), form.cycle.trim()) {
        (day, "") => {
            let day = parse_day(day).ok_or_else(bad_deadline)?;
            if day < today {
                return Err(bad_deadline());
            }
            (Some(day), None)
        }
        ("", cycle) => (None, Some(Cycle::parse(cycle).ok_or_else(bad_deadline)?)),
        _ => return Err(bad_deadline()),
    };
    let responsible = match form.responsible.trim() {
        "" => None,
        raw => {
            let bad = || problem(TaskProblem::ResponsibleInvalid);
            let id = Uuid::parse_str(raw).map_err(|_| bad())?;
            let member: Option<(Uuid, String)> = with_db!(db, |pool| {
                sqlx::query_as(
                    "select id, full_name from user_account
                     where id = $1 and role = 'member' and active = $2",
                )
                .bind(id)
                .bind(true)
                .fetch_optional(pool)
                .await
            })?;
            let member = member.ok_or_else(bad)?;
            // Someone who sees the task: a leader, or a member of one of its ministries
            // (its text goes to them in the notice).
            let theirs = crate::identity::store::ministry_of(db, id).await?;
            let sees = crate::identity::store::is_leader(db, id).await?
                || theirs.is_some_and(|m| m == lead.0 || coordinators.iter().any(|(c, _)| *c == m));
            if !sees {
                return Err(bad());
            }
            Some(member)
        }
    };
    Ok(Valid {
        text,
        source,
        item,
        ballot,
        resolution_no,
        lead,
        coordinators,
        deadline,
        cycle,
        responsible,
    })
}

/// What the audit record vouches for: the assignment written out, one fact a line (a last
/// line names the responsible member, when there is one).
pub fn canonical(v: &Valid) -> String {
    let coordinators: Vec<&str> = v.coordinators.iter().map(|(_, c)| c.as_str()).collect();
    let mut out = format!(
        "text={}\nsource={}\nlead={}\ncoordinators={}\ndeadline={}\ncycle={}",
        v.text,
        v.source.as_str(),
        v.lead.1,
        coordinators.join(","),
        v.deadline.map(|d| d.to_string()).unwrap_or_default(),
        v.cycle.map(|c| c.as_str()).unwrap_or_default(),
    );
    if let Some((id, name)) = &v.responsible {
        out.push_str(&format!("\nresponsible={id} {name}"));
    }
    out
}

/// Assign a task (the secretariat); returns its id.
pub async fn assign(
    db: &Db,
    user: &CurrentUser,
    form: &TaskForm,
    today: NaiveDate,
) -> Result<Uuid, AppError> {
    require_secretariat(user)?;
    let valid = validate(db, form, today).await?;
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, Some(user.id), &valid, EventKind::Assigned).await?;
    append_detailed(
        &mut tx,
        Some(user.id),
        AuditEvent::TaskAssigned,
        Some(id),
        sha256_detail(canonical(&valid).as_bytes()),
    )
    .await?;
    let mut ministries = vec![valid.lead.0];
    ministries.extend(valid.coordinators.iter().map(|(m, _)| *m));
    let mut told = people_of(&mut tx, &ministries).await?;
    if let Some((member, _)) = valid.responsible {
        if !told.contains(&member) {
            told.push(member);
        }
    }
    for person in told {
        add_about_in(&mut tx, person, NoticeKind::TaskAssigned, id).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Write a valid task, its coordinators and the first entry of its history.
pub async fn insert(
    tx: &mut Tx,
    actor: Option<Uuid>,
    v: &Valid,
    first: EventKind,
) -> Result<Uuid, AppError> {
    let id = new_id();
    let now = Utc::now();
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into task (id, text, source, agenda_item_id, ballot_id, resolution_no,
                               lead_ministry_id, first_deadline, deadline, cycle, state,
                               assigned_by, created_at, updated_at, responsible_id)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, 'assigned', $10, $11, $11, $12)",
        )
        .bind(id)
        .bind(&v.text)
        .bind(v.source.as_str())
        .bind(v.item)
        .bind(v.ballot)
        .bind(&v.resolution_no)
        .bind(v.lead.0)
        .bind(v.deadline)
        .bind(v.cycle.map(|c| c.as_str()))
        .bind(actor)
        .bind(now)
        .bind(v.responsible.as_ref().map(|(id, _)| *id))
        .execute(&mut *conn)
        .await?;
        for (ministry, _) in &v.coordinators {
            sqlx::query("insert into task_coordinator (task_id, ministry_id) values ($1, $2)")
                .bind(id)
                .bind(ministry)
                .execute(&mut *conn)
                .await?;
        }
    });
    let entry = crate::tasks::history::Entry {
        deadline: v.deadline,
        ..crate::tasks::history::Entry::now(id, first, actor, &v.text)
    };
    crate::tasks::history::add(tx, &entry).await?;
    Ok(id)
}

/// The active members and officers serving `ministries` today: who hears about their tasks.
pub async fn people_of(tx: &mut Tx, ministries: &[Uuid]) -> Result<Vec<Uuid>, AppError> {
    let today = crate::tasks::store::today();
    let mut people = Vec::new();
    for ministry in ministries {
        let rows: Vec<(Uuid,)> = with_tx!(tx, |conn| {
            sqlx::query_as(
                "select distinct u.id from user_account u
                 join appointment a on a.user_id = u.id
                 where a.ministry_id = $1 and u.active and u.role in ('member', 'officer')
                   and a.starts_on <= $2 and (a.ends_on is null or a.ends_on >= $2)",
            )
            .bind(ministry)
            .bind(today)
            .fetch_all(&mut *conn)
            .await?
        });
        for (person,) in rows {
            if !people.contains(&person) {
                people.push(person);
            }
        }
    }
    Ok(people)
}
