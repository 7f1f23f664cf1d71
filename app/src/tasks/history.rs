//! A task's history: appended in the act's transaction, never changed (the database refuses
//! updates and deletes of `task_event`), read in order.
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::ids::new_id;
use crate::tasks::model::{EventKind, TaskEventView};
use crate::{with_db, with_tx};

/// One entry of a task's history, as written.
pub struct Entry<'a> {
    pub task: Uuid,
    pub kind: EventKind,
    pub actor: Option<Uuid>,
    /// The ministry the actor reported for.
    pub ministry: Option<Uuid>,
    pub body: &'a str,
    pub percent: Option<i64>,
    /// The deadline assigned, asked for or granted.
    pub deadline: Option<NaiveDate>,
    pub at: DateTime<Utc>,
}

impl<'a> Entry<'a> {
    /// An entry of `kind` on `task` by `actor`, now, with `body` and nothing else.
    pub fn now(task: Uuid, kind: EventKind, actor: Option<Uuid>, body: &'a str) -> Entry<'a> {
        Entry {
            task,
            kind,
            actor,
            ministry: None,
            body,
            percent: None,
            deadline: None,
            at: Utc::now(),
        }
    }
}

/// Append one entry; its id.
pub async fn add(tx: &mut Tx, e: &Entry<'_>) -> Result<Uuid, AppError> {
    let id = new_id();
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into task_event (id, task_id, kind, actor_id, ministry_id, body, percent,
                                     deadline, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(e.task)
        .bind(e.kind.as_str())
        .bind(e.actor)
        .bind(e.ministry)
        .bind(e.body)
        .bind(e.percent)
        .bind(e.deadline)
        .bind(e.at)
        .execute(&mut *conn)
        .await?;
    });
    Ok(id)
}

type EventRow = (
    Uuid,
    String,
    DateTime<Utc>,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    Option<NaiveDate>,
);

/// The history of `task`, oldest first (ids are time-ordered: ties keep their order).
pub async fn of(db: &Db, task: Uuid) -> Result<Vec<TaskEventView>, AppError> {
    let rows: Vec<EventRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select e.id, e.kind, e.created_at, u.full_name, m.name_vi, e.body, e.percent, e.deadline
             from task_event e
             left join user_account u on u.id = e.actor_id
             left join ministry m on m.id = e.ministry_id
             where e.task_id = $1 order by e.created_at, e.id",
        )
        .bind(task)
        .fetch_all(pool)
        .await
    })?;
    let mut carried = crate::tasks::evidence::of(db, task).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, at, actor, ministry, body, percent, deadline)| {
            Some(TaskEventView {
                attachments: carried.remove(&id).unwrap_or_default(),
                kind: EventKind::parse(&kind)?,
                at,
                actor,
                ministry,
                body,
                percent,
                deadline,
            })
        })
        .collect())
}

/// The day an extension was asked for and not yet decided, if one is pending.
pub fn pending_extension(events: &[TaskEventView]) -> Option<NaiveDate> {
    let last = events.iter().rev().find(|e| {
        matches!(
            e.kind,
            EventKind::ExtensionAsked | EventKind::ExtensionGranted | EventKind::ExtensionRefused
        )
    })?;
    (last.kind == EventKind::ExtensionAsked)
        .then_some(last.deadline)
        .flatten()
}
