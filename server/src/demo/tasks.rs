//! The demo history's follow-up: each concluded item of the past meetings assigns two tasks,
//! led in turn by every ministry, with histories that tell a story on the first run — most
//! done on time, some late, some extended, some still open or overdue. Deterministic: the
//! pattern of task n is `n % 8`; nothing is dated after `now`.
use std::collections::HashMap;

use app::db::Tx;
use app::identity::model::Role;
use app::ids::new_id;
use app::tasks::history::Entry;
use app::tasks::model::{EventKind, TaskState};
use app::with_tx;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use super::cabinet::MINISTRIES;
use super::officers::OFFICERS;

/// One entry of a demo history: (kind, day, percent, deadline, text).
type Step = (
    EventKind,
    NaiveDate,
    Option<i64>,
    Option<NaiveDate>,
    &'static str,
);

/// One task to write: its facts and its history.
struct Planned {
    text: String,
    item: Uuid,
    lead: Uuid,
    coordinator: Uuid,
    first_deadline: NaiveDate,
    deadline: NaiveDate,
    state: TaskState,
    done_on: Option<NaiveDate>,
    events: Vec<Step>,
}

fn at_nine(day: NaiveDate) -> DateTime<Utc> {
    chrono_tz::Asia::Ho_Chi_Minh
        .from_local_datetime(&day.and_hms_opt(9, 0, 0).unwrap_or_default())
        .single()
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// The story of task `n`, concluded on `concluded`, as of `today`.
fn story(n: usize, concluded: NaiveDate, today: NaiveDate) -> Planned {
    let first = concluded + Duration::days(30 + 15 * (n % 3) as i64);
    let mut p = Planned {
        text: String::new(),
        item: Uuid::nil(),
        lead: Uuid::nil(),
        coordinator: Uuid::nil(),
        first_deadline: first,
        deadline: first,
        state: TaskState::Assigned,
        done_on: None,
        events: vec![(EventKind::Assigned, concluded, None, None, "")],
    };
    let mid = concluded + Duration::days(12);
    if mid <= today {
        p.events.push((
            EventKind::Progress,
            mid,
            Some(40),
            None,
            "Đã xây dựng dự thảo, đang lấy ý kiến các bộ, ngành.",
        ));
    }
    let done = match n % 8 {
        0..=2 => Some(first - Duration::days(3 + (n % 5) as i64)),
        3 => Some(first + Duration::days(4)),
        4 => {
            let asked = first + Duration::days(30);
            if first - Duration::days(5) <= today {
                p.events.push((
                    EventKind::ExtensionAsked,
                    first - Duration::days(5),
                    None,
                    Some(asked),
                    "Cần thêm thời gian lấy ý kiến địa phương.",
                ));
                p.events.push((
                    EventKind::ExtensionGranted,
                    first - Duration::days(4),
                    None,
                    Some(asked),
                    "Đồng ý gia hạn.",
                ));
                p.deadline = asked;
            }
            Some(asked - Duration::days(2))
        }
        _ => None,
    };
    if let Some(day) = done.filter(|d| *d + Duration::days(1) <= today) {
        p.events.push((
            EventKind::Completion,
            day,
            Some(100),
            None,
            "Đã hoàn thành, gửi kèm văn bản.",
        ));
        p.events
            .push((EventKind::Accepted, day + Duration::days(1), None, None, ""));
        p.state = TaskState::Done;
        p.done_on = Some(day);
    }
    p
}

/// Write the tasks of every concluded past item; returns how many.
pub async fn insert(
    tx: &mut Tx,
    ministries: &HashMap<&'static str, Uuid>,
    people: &HashMap<&'static str, (Uuid, Role)>,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let today = now
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .date_naive();
    let secretary = people.get("tt.hanh").map(|(id, _)| *id);
    let items: Vec<(Uuid, String, DateTime<Utc>)> = with_tx!(&mut *tx, |conn| {
        sqlx::query_as(
            "select ai.id, ai.title, ai.concluded_at from agenda_item ai
             join meeting m on m.id = ai.meeting_id
             where ai.conclusion is not null and ai.concluded_at is not null and m.state = 'closed'
             order by ai.concluded_at, ai.position",
        )
        .fetch_all(&mut *conn)
        .await?
    });
    let ministry = |k: usize| {
        ministries
            .get(MINISTRIES[k % MINISTRIES.len()].code)
            .copied()
    };
    let officer = |lead: usize| {
        let code = MINISTRIES[lead % MINISTRIES.len()].code;
        let o = OFFICERS.iter().find(|o| o.ministry == Some(code))?;
        people.get(o.email_local).map(|(id, _)| *id)
    };
    let mut n = 0;
    for (i, (item, title, concluded_at)) in items.iter().enumerate() {
        let concluded = concluded_at
            .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
            .date_naive();
        for (k, verb) in [
            "Tiếp thu ý kiến thành viên Chính phủ, hoàn thiện",
            "Xây dựng kế hoạch triển khai",
        ]
        .iter()
        .enumerate()
        {
            let lead_index = 2 * i + k;
            let (Some(lead), Some(coordinator)) = (ministry(lead_index), ministry(lead_index + 5))
            else {
                continue;
            };
            let mut p = story(n, concluded, today);
            p.text = format!("{verb}: {title}");
            (p.item, p.lead, p.coordinator) = (*item, lead, coordinator);
            write(tx, &p, secretary, officer(lead_index), lead).await?;
            n += 1;
        }
    }
    Ok(n)
}

async fn write(
    tx: &mut Tx,
    p: &Planned,
    secretary: Option<Uuid>,
    officer: Option<Uuid>,
    lead: Uuid,
) -> anyhow::Result<()> {
    let id = new_id();
    let assigned = at_nine(p.events[0].1);
    let updated = p.events.last().map_or(assigned, |e| at_nine(e.1));
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "insert into task (id, text, source, agenda_item_id, lead_ministry_id,
                               first_deadline, deadline, state, done_on, assigned_by,
                               created_at, updated_at)
             values ($1, $2, 'conclusion', $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(&p.text)
        .bind(p.item)
        .bind(p.lead)
        .bind(p.first_deadline)
        .bind(p.deadline)
        .bind(p.state.as_str())
        .bind(p.done_on)
        .bind(secretary)
        .bind(assigned)
        .bind(updated)
        .execute(&mut *conn)
        .await?;
        sqlx::query("insert into task_coordinator (task_id, ministry_id) values ($1, $2)")
            .bind(id)
            .bind(p.coordinator)
            .execute(&mut *conn)
            .await?;
    });
    for (kind, day, percent, deadline, body) in &p.events {
        let by_ministry = matches!(
            kind,
            EventKind::Progress | EventKind::Completion | EventKind::ExtensionAsked
        );
        let (actor, ministry) = if by_ministry {
            (officer, Some(lead))
        } else {
            (secretary, None)
        };
        let body = if *kind == EventKind::Assigned {
            p.text.as_str()
        } else {
            body
        };
        let entry = Entry {
            task: id,
            kind: *kind,
            actor,
            ministry,
            body,
            percent: *percent,
            deadline: *deadline,
            at: at_nine(*day),
        };
        app::tasks::history::add(tx, &entry).await?;
    }
    Ok(())
}
