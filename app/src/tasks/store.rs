//! Reading tasks: those within the viewer's reach (`tasks::access`), with where each stands
//! today in the Government's time zone (`tasks::status`).
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::tasks::access::{reach, Reach};
use crate::tasks::model::{Cycle, MinistryRef, TaskSource, TaskState, TaskSummary};
use crate::with_db;

/// Today in the Government's time zone: the day deadlines are judged on.
pub fn today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .date_naive()
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    text: String,
    source: String,
    resolution_no: Option<String>,
    lead_id: Uuid,
    lead_code: String,
    lead_vi: String,
    lead_en: String,
    deadline: Option<NaiveDate>,
    first_deadline: Option<NaiveDate>,
    cycle: Option<String>,
    state: String,
    done_on: Option<NaiveDate>,
    created_at: chrono::DateTime<Utc>,
    responsible: Option<String>,
    meeting_title: Option<String>,
    item_title: Option<String>,
    ballot_title: Option<String>,
}

const SELECT: &str =
    "select t.id, t.text, t.source, t.resolution_no, t.lead_ministry_id as lead_id,
        m.code as lead_code, m.name_vi as lead_vi, m.name_en as lead_en, t.deadline,
        t.first_deadline, t.cycle, t.state, t.done_on, t.created_at,
        ru.full_name as responsible, mt.title as meeting_title,
        ai.title as item_title, b.title as ballot_title
    from task t
    join ministry m on m.id = t.lead_ministry_id
    left join user_account ru on ru.id = t.responsible_id
    left join agenda_item ai on ai.id = t.agenda_item_id
    left join meeting mt on mt.id = ai.meeting_id
    left join ballot b on b.id = t.ballot_id";

const MINE: &str = "(t.lead_ministry_id = $1 or exists (select 1 from task_coordinator c
                     where c.task_id = t.id and c.ministry_id = $1))";

/// The tasks in `reach`, oldest deadline first (regular tasks last); `only` narrows to one.
pub async fn read(
    db: &Db,
    reach: Reach,
    only: Option<Uuid>,
    today: NaiveDate,
) -> Result<Vec<TaskSummary>, AppError> {
    let ministry = match reach {
        Reach::Nothing => return Ok(Vec::new()),
        Reach::All => None,
        Reach::Ministry(m) => Some(m),
    };
    let mut filters: Vec<String> = Vec::new();
    if ministry.is_some() {
        filters.push(MINE.to_owned());
    }
    if only.is_some() {
        filters.push(format!("t.id = ${}", filters.len() + 1));
    }
    let filter = if filters.is_empty() {
        String::new()
    } else {
        format!("where {}", filters.join(" and "))
    };
    let sql = format!(
        "{SELECT} {filter}
         order by case when t.deadline is null then 1 else 0 end, t.deadline, t.created_at, t.id"
    );
    let rows: Vec<Row> = with_db!(db, |pool| {
        let mut q = sqlx::query_as::<_, Row>(&sql);
        if let Some(m) = ministry {
            q = q.bind(m);
        }
        if let Some(id) = only {
            q = q.bind(id);
        }
        q.fetch_all(pool).await
    })?;
    let mut coordinators = if rows.is_empty() {
        HashMap::new()
    } else {
        coordinators(db, &filter, ministry, only).await?
    };
    let sees_sources = reach == Reach::All;
    Ok(rows
        .into_iter()
        .map(|r| {
            let coordinators = coordinators.remove(&r.id).unwrap_or_default();
            summary(r, coordinators, sees_sources, today)
        })
        .collect())
}

/// The tasks `user` may see.
pub async fn list_for(
    db: &Db,
    user: &crate::identity::model::CurrentUser,
    today: NaiveDate,
) -> Result<Vec<TaskSummary>, AppError> {
    let reach = reach(db, user).await?;
    read(db, reach, None, today).await
}

fn summary(
    r: Row,
    coordinators: Vec<MinistryRef>,
    sees_sources: bool,
    today: NaiveDate,
) -> TaskSummary {
    let source = TaskSource::parse(&r.source).unwrap_or(TaskSource::Manual);
    let state = TaskState::parse(&r.state).unwrap_or(TaskState::Assigned);
    // Meeting and ballot titles are meeting content: for the secretariat and the leaders;
    // a ministry reads the task's own text and the resolution's number.
    let resolution = match source {
        TaskSource::Resolution => r.resolution_no.clone(),
        TaskSource::Conclusion if sees_sources => r.meeting_title.clone(),
        _ => None,
    };
    let source_title = match source {
        TaskSource::Resolution => r.resolution_no.unwrap_or_default(),
        TaskSource::Conclusion if sees_sources => format!(
            "{} — {}",
            r.meeting_title.unwrap_or_default(),
            r.item_title.unwrap_or_default()
        ),
        TaskSource::Ballot if sees_sources => r.ballot_title.unwrap_or_default(),
        _ => String::new(),
    };
    TaskSummary {
        id: r.id,
        text: r.text,
        source,
        source_title,
        lead: MinistryRef {
            id: r.lead_id,
            code: r.lead_code,
            name_vi: r.lead_vi,
            name_en: r.lead_en,
        },
        coordinators,
        deadline: r.deadline,
        first_deadline: r.first_deadline,
        cycle: r.cycle.as_deref().and_then(Cycle::parse),
        state,
        status: crate::tasks::status::status(state, r.deadline, r.done_on, today),
        done_on: r.done_on,
        assigned_on: r
            .created_at
            .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
            .date_naive(),
        responsible: r.responsible,
        resolution,
    }
}

type MinistryRow = (Uuid, Uuid, String, String, String);

/// The coordinating ministries of the tasks `filter` selects (the same filter and values as
/// the tasks' own query: not every task's), in the Government's order.
async fn coordinators(
    db: &Db,
    filter: &str,
    ministry: Option<Uuid>,
    only: Option<Uuid>,
) -> Result<HashMap<Uuid, Vec<MinistryRef>>, AppError> {
    let mut out: HashMap<Uuid, Vec<MinistryRef>> = HashMap::new();
    let sql = format!(
        "select c.task_id, m.id, m.code, m.name_vi, m.name_en
         from task_coordinator c join ministry m on m.id = c.ministry_id
         join task t on t.id = c.task_id {filter}
         order by m.protocol_order"
    );
    let rows: Vec<MinistryRow> = with_db!(db, |pool| {
        let mut q = sqlx::query_as::<_, MinistryRow>(&sql);
        if let Some(m) = ministry {
            q = q.bind(m);
        }
        if let Some(id) = only {
            q = q.bind(id);
        }
        q.fetch_all(pool).await
    })?;
    for (task, id, code, name_vi, name_en) in rows {
        out.entry(task).or_default().push(MinistryRef {
            id,
            code,
            name_vi,
            name_en,
        });
    }
    Ok(out)
}

/// One task's page for `user`: `NotFound` outside their reach.
pub async fn view(
    db: &Db,
    user: &crate::identity::model::CurrentUser,
    id: Uuid,
    today: NaiveDate,
) -> Result<crate::tasks::model::TaskView, AppError> {
    let reach = reach(db, user).await?;
    let task = read(db, reach, Some(id), today)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let events = crate::tasks::history::of(db, id).await?;
    let (may_report, may_contribute) = crate::tasks::reports::roles_on(db, user, &task).await?;
    Ok(crate::tasks::model::TaskView {
        extension_asked: crate::tasks::history::pending_extension(&events),
        may_decide: user.role == crate::identity::model::Role::Secretariat,
        task,
        events,
        may_report,
        may_contribute,
    })
}

/// What a task may be assigned from (the secretariat): concluded agenda items ("meeting —
/// item", newest first) and closed ballots, as (id, label).
pub async fn sources(
    db: &Db,
    user: &crate::identity::model::CurrentUser,
) -> Result<crate::tasks::model::Sources, AppError> {
    crate::identity::model::require_secretariat(user)?;
    let items: Vec<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select ai.id, m.title || ' — ' || ai.title from agenda_item ai
             join meeting m on m.id = ai.meeting_id
             where ai.conclusion is not null
             order by m.starts_at desc, ai.position",
        )
        .fetch_all(pool)
        .await
    })?;
    let ballots: Vec<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, title from ballot where state = 'closed' order by deadline_at desc",
        )
        .fetch_all(pool)
        .await
    })?;
    let members: Vec<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, full_name from user_account where role = 'member' and active = $1
             order by full_name",
        )
        .bind(true)
        .fetch_all(pool)
        .await
    })?;
    Ok(crate::tasks::model::Sources {
        items,
        ballots,
        members,
    })
}

/// Whether `user` may see task `id` (the live channel asks, for each change).
pub async fn visible(
    db: &Db,
    user: &crate::identity::model::CurrentUser,
    id: Uuid,
) -> Result<bool, AppError> {
    let reach = match reach(db, user).await {
        Ok(reach) => reach,
        Err(AppError::Forbidden) => return Ok(false),
        Err(e) => return Err(e),
    };
    Ok(!read(db, reach, Some(id), today()).await?.is_empty())
}

/// The tasks assigned from the conclusions of `meeting`'s items, as (item, task), in the order
/// they were assigned (a meeting has a handful: each is read as the task page reads it).
pub async fn from_meeting(
    db: &Db,
    meeting: Uuid,
    today: NaiveDate,
) -> Result<Vec<(Uuid, TaskSummary)>, AppError> {
    let ids: Vec<(Uuid, Uuid)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select t.agenda_item_id, t.id from task t
             join agenda_item ai on ai.id = t.agenda_item_id
             where ai.meeting_id = $1 order by t.created_at, t.id",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await
    })?;
    let mut out = Vec::with_capacity(ids.len());
    for (item, id) in ids {
        if let Some(task) = read(db, Reach::All, Some(id), today).await?.pop() {
            out.push((item, task));
        }
    }
    Ok(out)
}
