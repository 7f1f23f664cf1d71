//! The tasks' clock: a notice to the ministry's people (its minister and officers) some days
//! before a deadline and once a task is overdue. Every node runs it; each notice is claimed
//! once in `task_reminder` (task, deadline, days before it; -1 for overdue), so a deadline
//! moved by an extension is reminded of again and no notice goes out twice.
use chrono::NaiveDate;
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::NoticeKind;
use crate::identity::notifications::add_about_in;
use crate::with_tx;

/// Days before a deadline the ministry is reminded, unless the setting says otherwise.
pub const DEFAULT_REMINDER_DAYS: [i64; 2] = [7, 1];
/// The setting: whole days, comma-separated (e.g. "7, 3, 1").
pub const REMINDER_DAYS_SETTING: &str = "task_reminder_days";

/// The reminder days as set ("7, 1"): whole days from 1 to 365; anything else is ignored.
pub fn reminder_days(setting: Option<&str>) -> Vec<i64> {
    let days: Vec<i64> = setting
        .unwrap_or_default()
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .filter(|d| (1..=365).contains(d))
        .collect();
    if days.is_empty() {
        DEFAULT_REMINDER_DAYS.to_vec()
    } else {
        days
    }
}

/// The notice due for a task with `deadline` on `today`, as (days before, kind).
pub fn due(deadline: NaiveDate, today: NaiveDate, days: &[i64]) -> Option<(i64, NoticeKind)> {
    let left = (deadline - today).num_days();
    if left < 0 {
        Some((-1, NoticeKind::TaskOverdue))
    } else if days.contains(&left) {
        Some((left, NoticeKind::TaskDueSoon))
    } else {
        None
    }
}

type Open = (Uuid, NaiveDate);

/// Send what is due on `today`; returns how many tasks were noticed.
pub async fn tick(db: &Db, today: NaiveDate) -> Result<usize, AppError> {
    let setting: Option<(String,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select value from setting where key = $1")
            .bind(REMINDER_DAYS_SETTING)
            .fetch_optional(pool)
            .await
    })?;
    let days = reminder_days(setting.as_ref().map(|(v,)| v.as_str()));
    let open: Vec<Open> = crate::with_db!(db, |pool| {
        sqlx::query_as(
            "select id, deadline from task where state <> 'done' and deadline is not null",
        )
        .fetch_all(pool)
        .await
    })?;
    let mut noticed = 0;
    for (task, deadline) in open {
        let Some((before, kind)) = due(deadline, today, &days) else {
            continue;
        };
        let mut tx = db.begin().await?;
        let claimed = with_tx!(&mut tx, |conn| {
            sqlx::query(
                "insert into task_reminder (task_id, deadline, days_before, created_at)
                 values ($1, $2, $3, $4) on conflict do nothing",
            )
            .bind(task)
            .bind(deadline)
            .bind(before)
            .bind(chrono::Utc::now())
            .execute(&mut *conn)
            .await?
            .rows_affected()
        });
        if claimed == 0 {
            continue;
        }
        let ministries: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
            sqlx::query_as(
                "select lead_ministry_id from task where id = $1
                 union select ministry_id from task_coordinator where task_id = $1",
            )
            .bind(task)
            .fetch_all(&mut *conn)
            .await?
        });
        let ministries: Vec<Uuid> = ministries.into_iter().map(|(m,)| m).collect();
        for person in crate::tasks::editing::people_of(&mut tx, &ministries).await? {
            add_about_in(&mut tx, person, kind, task).await?;
        }
        tx.commit().await?;
        noticed += 1;
    }
    Ok(noticed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_due_by_hand() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let deadline = day("2026-12-10");
        let days = [7, 1];
        assert_eq!(
            due(deadline, day("2026-12-03"), &days),
            Some((7, NoticeKind::TaskDueSoon))
        );
        assert_eq!(due(deadline, day("2026-12-04"), &days), None);
        assert_eq!(
            due(deadline, day("2026-12-09"), &days),
            Some((1, NoticeKind::TaskDueSoon))
        );
        assert_eq!(due(deadline, day("2026-12-10"), &days), None);
        assert_eq!(
            due(deadline, day("2026-12-11"), &days),
            Some((-1, NoticeKind::TaskOverdue))
        );
        assert_eq!(reminder_days(Some("3, x, 0, 1")), [3, 1]);
        assert_eq!(reminder_days(None), [7, 1]);
        assert_eq!(reminder_days(Some("")), [7, 1]);
    }
}
