//! What happens to a task after it is assigned, each act one transaction with its history
//! entry, its audit record (the hash of what it says) and its notices:
//! - the lead ministry's officers report progress, report completion, ask for more time;
//! - a coordinating ministry's officers post contributions;
//! - the secretariat accepts a completion (done, on the day it was reported) or returns it
//!   with a reason, and grants or refuses an extension (the first deadline stays on record).
use chrono::NaiveDate;
use uuid::Uuid;

use crate::audit::content::sha256_detail;
use crate::audit::event::AuditEvent;
use crate::audit::store::append_detailed;
use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::identity::model::{require_secretariat, CurrentUser, NoticeKind, Role};
use crate::identity::notifications::add_about_in;
use crate::tasks::editing::{checked_text, parse_day, people_of, problem};
use crate::tasks::history::Entry;
use crate::tasks::model::{EventKind, TaskState, TaskSummary};
use crate::tasks::problem::TaskProblem;
use crate::with_tx;

/// The task `id` as `user` may act on it: `NotFound` outside their reach.
pub(crate) async fn task_for(
    db: &Db,
    user: &CurrentUser,
    id: Uuid,
    today: NaiveDate,
) -> Result<TaskSummary, AppError> {
    let reach = crate::tasks::access::reach(db, user).await?;
    crate::tasks::store::read(db, reach, Some(id), today)
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// The ministry an officer reports for on `task`: `Forbidden` for anyone else.
async fn officer_ministry(db: &Db, user: &CurrentUser) -> Result<Uuid, AppError> {
    if user.role != Role::Officer {
        return Err(AppError::Forbidden);
    }
    crate::identity::store::ministry_of(db, user.id)
        .await?
        .ok_or(AppError::Forbidden)
}

/// Move `task` from `from` to `to` (one row, or the task moved meanwhile: `WrongState`).
async fn transition(
    tx: &mut Tx,
    task: Uuid,
    from: TaskState,
    to: TaskState,
    done_on: Option<NaiveDate>,
) -> Result<(), AppError> {
    let moved = with_tx!(tx, |conn| {
        sqlx::query(
            "update task set state = $1, done_on = $2, updated_at = $3
             where id = $4 and state = $5",
        )
        .bind(to.as_str())
        .bind(done_on)
        .bind(chrono::Utc::now())
        .bind(task)
        .bind(from.as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if moved != 1 {
        return Err(problem(TaskProblem::WrongState));
    }
    Ok(())
}

/// The audit record of an act on task `id`, with the hash of what it says.
async fn vouch(
    tx: &mut Tx,
    user: &CurrentUser,
    event: AuditEvent,
    id: Uuid,
    said: &str,
) -> Result<(), AppError> {
    append_detailed(
        tx,
        Some(user.id),
        event,
        Some(id),
        sha256_detail(said.as_bytes()),
    )
    .await?;
    Ok(())
}

/// A notice to each of the Office's active staff about task `id`.
async fn tell_office(tx: &mut Tx, id: Uuid, kind: NoticeKind) -> Result<(), AppError> {
    let rows: Vec<(Uuid,)> = with_tx!(tx, |conn| {
        sqlx::query_as("select id from user_account where role = 'secretariat' and active")
            .fetch_all(&mut *conn)
            .await?
    });
    for (person,) in rows {
        add_about_in(tx, person, kind, id).await?;
    }
    Ok(())
}

/// A notice to the people of the task's ministries (lead and coordinators).
async fn tell_ministries(
    tx: &mut Tx,
    task: &TaskSummary,
    kind: NoticeKind,
) -> Result<(), AppError> {
    let mut all = vec![task.lead.id];
    all.extend(task.coordinators.iter().map(|m| m.id));
    for person in people_of(tx, &all).await? {
        add_about_in(tx, person, kind, task.id).await?;
    }
    Ok(())
}

/// What a ministry's officer reports: `kind` is progress or completion (the lead) or a
/// contribution (a coordinator); `attachments` their uploads to the task (`tasks::evidence`).
pub struct Report<'a> {
    pub kind: EventKind,
    pub body: &'a str,
    pub percent: Option<i64>,
    pub attachments: &'a [Uuid],
}

/// A report from a ministry's officer. A completion carries at least one PDF as evidence.
pub async fn report(
    db: &Db,
    user: &CurrentUser,
    id: Uuid,
    r: Report<'_>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let task = task_for(db, user, id, today).await?;
    let ministry = officer_ministry(db, user).await?;
    let lead = ministry == task.lead.id;
    let kind = r.kind;
    let allowed = match kind {
        EventKind::Progress | EventKind::Completion => lead,
        EventKind::Contribution => task.coordinators.iter().any(|m| m.id == ministry),
        _ => false,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let body = checked_text(r.body, TaskProblem::ReportMissing)?;
    if r.percent.is_some_and(|p| !(0..=100).contains(&p)) {
        return Err(problem(TaskProblem::PercentInvalid));
    }
    if task.state == TaskState::Done
        || (kind == EventKind::Completion && task.state != TaskState::Assigned)
    {
        return Err(problem(TaskProblem::WrongState));
    }
    if kind == EventKind::Completion && r.attachments.is_empty() {
        return Err(problem(TaskProblem::EvidenceMissing));
    }
    let percent = if kind == EventKind::Completion {
        Some(100)
    } else {
        r.percent
    };
    let mut tx = db.begin().await?;
    crate::tasks::evidence::still_open(&mut tx, id).await?;
    if kind == EventKind::Completion {
        transition(
            &mut tx,
            id,
            TaskState::Assigned,
            TaskState::CompletionReported,
            None,
        )
        .await?;
    }
    let entry = Entry {
        ministry: Some(ministry),
        percent,
        ..Entry::now(id, kind, Some(user.id), &body)
    };
    let event = crate::tasks::history::add(&mut tx, &entry).await?;
    let files = crate::tasks::evidence::carry(&mut tx, user, id, event, r.attachments).await?;
    let said = format!(
        "kind={}\npercent={}\nbody={body}\nfiles={}",
        kind.as_str(),
        percent.map(|p| p.to_string()).unwrap_or_default(),
        files.join(",")
    );
    vouch(&mut tx, user, AuditEvent::TaskReported, id, &said).await?;
    if kind == EventKind::Completion {
        tell_office(&mut tx, id, NoticeKind::TaskCompletionReported).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The secretariat accepts a reported completion (`accept`) or returns it with `reason`.
pub async fn decide(
    db: &Db,
    user: &CurrentUser,
    id: Uuid,
    accept: bool,
    reason: &str,
    today: NaiveDate,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    let task = task_for(db, user, id, today).await?;
    let reason = reason.trim();
    if !accept && reason.is_empty() {
        return Err(problem(TaskProblem::ReasonMissing));
    }
    let reason = if reason.is_empty() {
        String::new()
    } else {
        checked_text(reason, TaskProblem::ReasonMissing)?
    };
    let events = crate::tasks::history::of(db, id).await?;
    // Done on the day the completion was reported, in the Government's time zone.
    let reported_on = events
        .iter()
        .rev()
        .find(|e| e.kind == EventKind::Completion)
        .map(|e| {
            e.at.with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
                .date_naive()
        });
    let mut tx = db.begin().await?;
    let (to, kind, done_on) = if accept {
        (TaskState::Done, EventKind::Accepted, reported_on)
    } else {
        (TaskState::Assigned, EventKind::Returned, None)
    };
    transition(&mut tx, id, TaskState::CompletionReported, to, done_on).await?;
    let entry = Entry::now(id, kind, Some(user.id), &reason);
    crate::tasks::history::add(&mut tx, &entry).await?;
    let event = if accept {
        AuditEvent::TaskAccepted
    } else {
        AuditEvent::TaskReturned
    };
    let said = format!("kind={}\nreason={reason}", kind.as_str());
    vouch(&mut tx, user, event, id, &said).await?;
    tell_ministries(&mut tx, &task, NoticeKind::TaskDecided).await?;
    tx.commit().await?;
    Ok(())
}

/// The lead ministry's officer asks for a new deadline, after the one in force.
pub async fn ask_extension(
    db: &Db,
    user: &CurrentUser,
    id: Uuid,
    day: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<(), AppError> {
    let task = task_for(db, user, id, today).await?;
    let ministry = officer_ministry(db, user).await?;
    if ministry != task.lead.id {
        return Err(AppError::Forbidden);
    }
    let reason = checked_text(reason, TaskProblem::ReasonMissing)?;
    if task.state == TaskState::Done {
        return Err(problem(TaskProblem::WrongState));
    }
    let events = crate::tasks::history::of(db, id).await?;
    let day = parse_day(day)
        .filter(|d| task.deadline.is_some_and(|now| *d > now))
        .filter(|_| crate::tasks::history::pending_extension(&events).is_none())
        .ok_or(problem(TaskProblem::ExtensionInvalid))?;
    let mut tx = db.begin().await?;
    let entry = Entry {
        ministry: Some(ministry),
        deadline: Some(day),
        ..Entry::now(id, EventKind::ExtensionAsked, Some(user.id), &reason)
    };
    crate::tasks::history::add(&mut tx, &entry).await?;
    let said = format!("deadline={day}\nreason={reason}");
    vouch(&mut tx, user, AuditEvent::TaskExtensionAsked, id, &said).await?;
    tell_office(&mut tx, id, NoticeKind::TaskExtensionAsked).await?;
    tx.commit().await?;
    Ok(())
}

/// The secretariat grants the pending extension (the deadline in force moves to the day
/// asked) or refuses it, with a reason.
pub async fn decide_extension(
    db: &Db,
    user: &CurrentUser,
    id: Uuid,
    grant: bool,
    reason: &str,
    today: NaiveDate,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    let task = task_for(db, user, id, today).await?;
    let events = crate::tasks::history::of(db, id).await?;
    let asked = crate::tasks::history::pending_extension(&events)
        .ok_or(problem(TaskProblem::WrongState))?;
    let reason = reason.trim();
    if !grant && reason.is_empty() {
        return Err(problem(TaskProblem::ReasonMissing));
    }
    let mut tx = db.begin().await?;
    if grant {
        with_tx!(&mut tx, |conn| {
            sqlx::query("update task set deadline = $1, updated_at = $2 where id = $3")
                .bind(asked)
                .bind(chrono::Utc::now())
                .bind(id)
                .execute(&mut *conn)
                .await?;
        });
    }
    let kind = if grant {
        EventKind::ExtensionGranted
    } else {
        EventKind::ExtensionRefused
    };
    let entry = Entry {
        deadline: Some(asked),
        ..Entry::now(id, kind, Some(user.id), reason)
    };
    crate::tasks::history::add(&mut tx, &entry).await?;
    let said = format!("kind={}\ndeadline={asked}\nreason={reason}", kind.as_str());
    vouch(&mut tx, user, AuditEvent::TaskExtensionDecided, id, &said).await?;
    tell_ministries(&mut tx, &task, NoticeKind::TaskDecided).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether `user` reports for the lead (progress, completion, extension) or a coordinator.
pub async fn roles_on(
    db: &Db,
    user: &CurrentUser,
    task: &TaskSummary,
) -> Result<(bool, bool), AppError> {
    let Ok(ministry) = officer_ministry(db, user).await else {
        return Ok((false, false));
    };
    Ok((
        ministry == task.lead.id,
        task.coordinators.iter().any(|m| m.id == ministry),
    ))
}
