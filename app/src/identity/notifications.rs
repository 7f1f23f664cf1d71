//! In-app notices to one person (e.g. "your passkeys were revoked and a new enrolment link
//! was issued"). Later features (publication, ballots) add kinds.
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::identity::model::{NoticeKind, NotificationView};
use crate::ids::new_id;
use crate::{with_db, with_tx};

/// Add a notice for `user_id` in the caller's transaction.
pub async fn add_in(tx: &mut Tx, user_id: Uuid, kind: NoticeKind) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into notification (id, user_id, kind, created_at) values ($1, $2, $3, $4)",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(kind.as_str())
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// Add a notice about `subject` (e.g. a meeting) for `user_id` in the caller's transaction.
pub async fn add_about_in(
    tx: &mut Tx,
    user_id: Uuid,
    kind: NoticeKind,
    subject: Uuid,
) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into notification (id, user_id, kind, created_at, subject_id)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(kind.as_str())
        .bind(Utc::now())
        .bind(subject)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// A stored kind; one this version does not know (a newer node wrote it) reads as `Other`.
fn notice_kind(stored: &str) -> NoticeKind {
    NoticeKind::parse(stored).unwrap_or(NoticeKind::Other)
}

/// The latest notices of `user_id`, newest first.
pub async fn latest(db: &Db, user_id: Uuid) -> Result<Vec<NotificationView>, AppError> {
    let rows: Vec<(String, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select kind, created_at from notification where user_id = $1
             order by created_at desc limit 20",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(kind, created_at)| NotificationView {
            kind: notice_kind(&kind),
            created_at,
        })
        .collect())
}

/// A notice to copy by e-mail, claimed by this node.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    pub kind: NoticeKind,
    /// What it is about, if anything: (the page's path, e.g. `/meetings/{id}`, its title).
    pub about: Option<(String, String)>,
}

/// A claim older than this is taken again (its node may have died while sending).
const EMAIL_CLAIM_STALE: chrono::TimeDelta = chrono::TimeDelta::minutes(5);
/// Notices older than this are not mailed (e.g. those made before SMTP was configured).
const EMAIL_WINDOW: chrono::TimeDelta = chrono::TimeDelta::hours(24);
const EMAIL_MAX_ATTEMPTS: i64 = 5;

/// A notice to mail, with what it is about (at most one of a meeting, a ballot, a task).
#[derive(sqlx::FromRow)]
struct OutgoingRow {
    id: Uuid,
    email: String,
    full_name: String,
    kind: String,
    meeting_id: Option<Uuid>,
    meeting_title: Option<String>,
    ballot_id: Option<Uuid>,
    ballot_title: Option<String>,
    task_id: Option<Uuid>,
    task_text: Option<String>,
}

impl OutgoingRow {
    /// The page the notice is about and its title.
    fn about(&self) -> Option<(String, String)> {
        let meeting = self.meeting_id.zip(self.meeting_title.clone());
        let ballot = self.ballot_id.zip(self.ballot_title.clone());
        let task = self.task_id.zip(self.task_text.clone());
        meeting
            .map(|(id, title)| (format!("/meetings/{id}"), title))
            .or_else(|| ballot.map(|(id, title)| (format!("/ballots/{id}"), title)))
            .or_else(|| {
                task.map(|(id, text)| (format!("/tasks/{id}"), text.chars().take(120).collect()))
            })
    }
}

/// Claim up to `limit` notices to e-mail. Each is claimed by one node only (a conditional
/// update); a claim not marked sent within five minutes is retaken, five attempts at most.
pub async fn claim_for_email(db: &Db, limit: i64) -> Result<Vec<Outgoing>, sqlx::Error> {
    let now = Utc::now();
    let stale = now - EMAIL_CLAIM_STALE;
    let rows: Vec<OutgoingRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select n.id, u.email, u.full_name, n.kind, m.id as meeting_id,
                    m.title as meeting_title, b.id as ballot_id, b.title as ballot_title,
                    t.id as task_id, t.text as task_text
             from notification n
             join user_account u on u.id = n.user_id
             left join meeting m on m.id = n.subject_id
             left join ballot b on b.id = n.subject_id
             left join task t on t.id = n.subject_id
             where n.email_sent_at is null and n.email_attempts < $1 and n.created_at > $2
               and (n.email_claimed_at is null or n.email_claimed_at < $3)
               and u.active = $4
             order by n.created_at
             limit $5",
        )
        .bind(EMAIL_MAX_ATTEMPTS)
        .bind(now - EMAIL_WINDOW)
        .bind(stale)
        .bind(true)
        .bind(limit)
        .fetch_all(pool)
        .await?
    });
    let mut claimed = Vec::new();
    for row in rows {
        let id = row.id;
        let won = with_db!(db, |pool| {
            sqlx::query(
                "update notification
                 set email_claimed_at = $1, email_attempts = email_attempts + 1
                 where id = $2 and email_sent_at is null
                   and (email_claimed_at is null or email_claimed_at < $3)",
            )
            .bind(now)
            .bind(id)
            .bind(stale)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if won == 1 {
            claimed.push(Outgoing {
                id,
                kind: notice_kind(&row.kind),
                about: row.about(),
                email: row.email,
                full_name: row.full_name,
            });
        }
    }
    Ok(claimed)
}

/// The e-mail copy of notice `id` was accepted by the SMTP server.
pub async fn mark_emailed(db: &Db, id: Uuid) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("update notification set email_sent_at = $1 where id = $2")
            .bind(Utc::now())
            .bind(id)
            .execute(pool)
            .await?;
    });
    Ok(())
}
