//! The follow-up dashboard: the figures of the tasks within the viewer's reach (all for the
//! secretariat and the leaders, a ministry's own for its minister and officers), counted by
//! the rules of `tasks::status` on `today`.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::tasks::model::{BurnDown, Dashboard, TaskSource, TaskStatus};
use crate::tasks::status::{burn_down, figures, median_days, on_time_by_month};
use crate::with_db;

/// Overdue tasks listed on the dashboard, the oldest deadline first.
pub const OLDEST_OVERDUE: usize = 10;
/// Resolutions given a burn-down, those with the most tasks.
pub const BURN_DOWNS: usize = 6;

pub async fn dashboard(
    db: &Db,
    user: &CurrentUser,
    today: NaiveDate,
) -> Result<Dashboard, AppError> {
    let reach = crate::tasks::access::reach(db, user).await?;
    let tasks = crate::tasks::store::read(db, reach, None, today).await?;
    let total = figures(tasks.iter().map(|t| t.status));
    let mut by_lead: BTreeMap<String, (crate::tasks::model::MinistryRef, Vec<TaskStatus>)> =
        BTreeMap::new();
    for t in &tasks {
        by_lead
            .entry(t.lead.code.clone())
            .or_insert_with(|| (t.lead.clone(), Vec::new()))
            .1
            .push(t.status);
    }
    let by_ministry = by_lead
        .into_values()
        .map(|(ministry, statuses)| (ministry, figures(statuses)))
        .collect();
    let by_source = TaskSource::ALL
        .iter()
        .map(|source| {
            let of_source = tasks.iter().filter(|t| t.source == *source);
            (*source, figures(of_source.map(|t| t.status)))
        })
        .filter(|(_, f)| f.assigned > 0)
        .collect();
    let done = tasks
        .iter()
        .filter_map(|t| t.done_on.map(|day| (day, t.status)));
    let concluded = concluded_on(db).await?;
    let days_to_done = tasks
        .iter()
        .filter_map(|t| Some((t.done_on? - *concluded.get(&t.id)?).num_days()))
        .collect();
    Ok(Dashboard {
        today: Some(today),
        total,
        by_ministry,
        by_source,
        on_time_by_month: on_time_by_month(done),
        median_days_to_done: median_days(days_to_done),
        burn_downs: burn_downs(&tasks, today),
        oldest_overdue: tasks
            .iter()
            .filter(|t| t.status == TaskStatus::Overdue)
            .take(OLDEST_OVERDUE)
            .cloned()
            .collect(),
    })
}

/// The burn-downs of the resolutions with the most tasks (ties: by name).
fn burn_downs(tasks: &[crate::tasks::model::TaskSummary], today: NaiveDate) -> Vec<BurnDown> {
    let mut by: BTreeMap<&str, Vec<(NaiveDate, Option<NaiveDate>)>> = BTreeMap::new();
    for t in tasks {
        if let Some(resolution) = t.resolution.as_deref() {
            by.entry(resolution)
                .or_default()
                .push((t.assigned_on, t.done_on));
        }
    }
    let mut largest: Vec<_> = by.into_iter().collect();
    largest.sort_by_key(|(_, of)| std::cmp::Reverse(of.len()));
    largest
        .into_iter()
        .take(BURN_DOWNS)
        .map(|(resolution, of)| BurnDown {
            resolution: resolution.to_owned(),
            tasks: of.len() as i64,
            open: burn_down(&of, today),
        })
        .collect()
}

/// Median days from a conclusion to its task's completion, over every task done (the
/// savings page's figure: its readers see every task).
pub async fn median_days_from_conclusions(db: &Db) -> Result<Option<f64>, AppError> {
    let concluded = concluded_on(db).await?;
    let done: Vec<(Uuid, Option<NaiveDate>)> = with_db!(db, |pool| {
        sqlx::query_as("select id, done_on from task where state = 'done'")
            .fetch_all(pool)
            .await
    })?;
    Ok(median_days(
        done.into_iter()
            .filter_map(|(id, day)| Some((day? - *concluded.get(&id)?).num_days()))
            .collect(),
    ))
}

/// The day (Government time) each done task's conclusion was recorded.
async fn concluded_on(db: &Db) -> Result<HashMap<Uuid, NaiveDate>, AppError> {
    let rows: Vec<(Uuid, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select t.id, ai.concluded_at from task t
             join agenda_item ai on ai.id = t.agenda_item_id
             where t.state = 'done' and t.source = 'conclusion' and ai.concluded_at is not null",
        )
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, at)| {
            let day = at.with_timezone(&chrono_tz::Asia::Ho_Chi_Minh).date_naive();
            (id, day)
        })
        .collect())
}
