//! What happens to ballots as time passes, run every few seconds by each node (any node may;
//! the database decides who does each thing once): reminders to members who have not
//! answered at the ballot's hours before the deadline, and closing at the deadline (members
//! who did not answer get the overdue notice then).
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::identity::model::NoticeKind;
use crate::identity::notifications::add_about_in;
use crate::{with_db, with_tx};

/// What one tick did: ballots closed and reminders sent (for logs and tests).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub closed: usize,
    pub reminded: usize,
}

/// (id, deadline, sent at, reminder hours) of an open ballot.
type OpenRow = (Uuid, DateTime<Utc>, Option<DateTime<Utc>>, String);

/// Close what is due, remind who is due; returns the ballots that changed.
pub async fn tick(db: &Db) -> Result<(Tick, Vec<Uuid>), AppError> {
    let now = Utc::now();
    let open: Vec<OpenRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, deadline_at, sent_at, reminder_hours from ballot where state = 'open'",
        )
        .fetch_all(pool)
        .await
    })?;
    let mut done = Tick::default();
    let mut changed = Vec::new();
    for (ballot, deadline, sent_at, hours) in open {
        if deadline <= now {
            if close_due(db, ballot).await? {
                done.closed += 1;
                changed.push(ballot);
            }
            continue;
        }
        // The nearest reminder time already reached (earlier ones are not sent late), and
        // only times after the ballot went out (sending is itself the first notice).
        let sent_at = sent_at.unwrap_or(now);
        let due = hours
            .split(',')
            .filter_map(|h| h.trim().parse::<i64>().ok())
            .map(|h| (h, deadline - Duration::hours(h)))
            .filter(|(_, at)| *at <= now && *at > sent_at)
            .map(|(h, _)| h)
            .min();
        if let Some(hours_before) = due {
            done.reminded += remind(db, ballot, hours_before).await?;
        }
    }
    Ok((done, changed))
}

async fn close_due(db: &Db, ballot: Uuid) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    // Whoever flips the state first closes it.
    let flipped = with_tx!(&mut tx, |conn| {
        sqlx::query("update ballot set state = 'closed' where id = $1 and state = 'open'")
            .bind(ballot)
            .execute(&mut *conn)
            .await?
            .rows_affected()
    });
    if flipped != 1 {
        return Ok(false);
    }
    crate::ballots::results::close_in(&mut tx, ballot, None).await?;
    tx.commit().await?;
    Ok(true)
}

/// Send the `hours_before` reminder of `ballot` unless sent; returns the members reminded.
async fn remind(db: &Db, ballot: Uuid, hours_before: i64) -> Result<usize, AppError> {
    let mut tx: Tx = db.begin().await?;
    let claimed = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into ballot_reminder (ballot_id, hours_before, sent_at) values ($1, $2, $3)
             on conflict do nothing",
        )
        .bind(ballot)
        .bind(hours_before)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if claimed != 1 {
        return Ok(0);
    }
    let silent: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "select e.user_id from ballot_eligible e
             where e.ballot_id = $1 and not exists(
                 select 1 from ballot_answer a where a.ballot_id = e.ballot_id
                   and a.user_id = e.user_id)",
        )
        .bind(ballot)
        .fetch_all(&mut *conn)
        .await?
    });
    for (member,) in &silent {
        add_about_in(&mut tx, *member, NoticeKind::BallotReminder, ballot).await?;
    }
    tx.commit().await?;
    Ok(silent.len())
}
