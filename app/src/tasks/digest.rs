//! The secretariat's weekly digest of overdue tasks: once an ISO week (the first clock tick
//! of the week in the Government's time zone, on whichever node), a notice to each of the
//! Office's active staff if any task is overdue; its e-mail lists them, the oldest deadline
//! first (`overdue_lines`, read when the mail is sent).
use chrono::{Datelike, NaiveDate};

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::NoticeKind;
use crate::identity::notifications::add_in;
use crate::with_tx;

/// At most this many tasks are listed in one mail (the dashboard has them all).
pub const MAX_LINES: i64 = 50;

/// The week `day` falls in, as ISO 8601 writes it: "2026-W50".
pub fn week_of(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Send this week's digest unless a node did; the number of overdue tasks it named (0: none
/// overdue, or already sent this week).
pub async fn weekly(db: &Db, today: NaiveDate) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let (overdue,): (i64,) = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "select count(*) from task
             where state <> 'done' and deadline is not null and deadline < $1",
        )
        .bind(today)
        .fetch_one(&mut *conn)
        .await?
    });
    let claimed = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into task_digest (week, overdue, created_at) values ($1, $2, $3)
             on conflict do nothing",
        )
        .bind(week_of(today))
        .bind(overdue)
        .bind(chrono::Utc::now())
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if claimed == 0 || overdue == 0 {
        tx.commit().await?;
        return Ok(0);
    }
    let office: Vec<(uuid::Uuid,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select id from user_account where role = 'secretariat' and active = $1")
            .bind(true)
            .fetch_all(&mut *conn)
            .await?
    });
    for (person,) in office {
        add_in(&mut tx, person, NoticeKind::TaskOverdueDigest).await?;
    }
    tx.commit().await?;
    Ok(overdue)
}

/// The overdue tasks on `today`, a line each, the oldest deadline first:
/// "2026-11-20 · BTC · Trình Nghị định B".
pub async fn overdue_lines(db: &Db, today: NaiveDate) -> Result<Vec<String>, AppError> {
    let rows: Vec<(NaiveDate, String, String)> = crate::with_db!(db, |pool| {
        sqlx::query_as(
            "select t.deadline, m.code, t.text from task t
             join ministry m on m.id = t.lead_ministry_id
             where t.state <> 'done' and t.deadline is not null and t.deadline < $1
             order by t.deadline, t.id limit $2",
        )
        .bind(today)
        .bind(MAX_LINES)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(deadline, code, text)| {
            let text: String = text.chars().take(160).collect();
            format!("{deadline} · {code} · {text}")
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::week_of;

    #[test]
    fn weeks_as_iso_writes_them() {
        let day = |s: &str| s.parse().unwrap();
        // Monday 7 December 2026 starts week 50; 3 January 2027 (a Sunday) is in 2026-W53.
        assert_eq!(week_of(day("2026-12-07")), "2026-W50");
        assert_eq!(week_of(day("2026-12-13")), "2026-W50");
        assert_eq!(week_of(day("2027-01-03")), "2026-W53");
        assert_eq!(week_of(day("2027-01-04")), "2027-W01");
    }
}
