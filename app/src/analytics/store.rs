//! Reading what the savings are computed from: closed meetings with their clocks, documents
//! and readers; the paper-era history; closed ballots; the settings. Shown to the secretariat
//! and the Government's leaders (the Prime Minister and the Deputy Prime Ministers).
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::analytics::model::{
    BaselineRate, Dashboard, HistoricalMeeting, LiveUsage, MeetingSavings, SavingsSettings,
};
use crate::analytics::savings::{self, ItemFact, MeetingFacts};
use crate::db::Db;
use crate::error::{AppError, BadInput, OrInternal};
use crate::identity::model::{require_secretariat, CurrentUser, Role};
use crate::meetings::model::MeetingKind;
use crate::room::model::ItemStage;
use crate::{with_db, with_tx};

/// The cost of a printed page when none is set, in đồng (printing, copying and delivery).
pub const DEFAULT_COST_PER_PAGE: i64 = 600;

const KINDS: [MeetingKind; 3] = [
    MeetingKind::Regular,
    MeetingKind::Thematic,
    MeetingKind::Extraordinary,
];

/// The secretariat, or a leader: a member holding the office of Prime Minister or Deputy
/// Prime Minister today (protocol rank below the ministers').
pub async fn require_reader(db: &Db, user: &CurrentUser) -> Result<(), AppError> {
    match user.role {
        Role::Secretariat => Ok(()),
        Role::Member if crate::identity::store::is_leader(db, user.id).await? => Ok(()),
        Role::Member | Role::Guest | Role::Admin | Role::Officer => Err(AppError::Forbidden),
    }
}

fn setting_key(kind: MeetingKind) -> String {
    format!("savings.minutes_per_item.{}", kind.as_str())
}

const COST_KEY: &str = "savings.cost_per_page";

async fn settings_map(db: &Db) -> Result<HashMap<String, String>, AppError> {
    let rows: Vec<(String, String)> = with_db!(db, |pool| {
        sqlx::query_as("select key, value from setting where key like 'savings.%'")
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().collect())
}

pub async fn settings(db: &Db) -> Result<SavingsSettings, AppError> {
    let map = settings_map(db).await?;
    let get = |k: MeetingKind| map.get(&setting_key(k)).cloned().unwrap_or_default();
    Ok(SavingsSettings {
        cost_per_page: map
            .get(COST_KEY)
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_COST_PER_PAGE),
        regular: get(MeetingKind::Regular),
        thematic: get(MeetingKind::Thematic),
        extraordinary: get(MeetingKind::Extraordinary),
    })
}

/// Save the settings (the secretariat). Minutes per item: empty, or 1 to 600.
pub async fn save_settings(
    db: &Db,
    user: &CurrentUser,
    form: &SavingsSettings,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    let bad = AppError::BadRequest(BadInput::SavingsSettings);
    if !(0..=100_000).contains(&form.cost_per_page) {
        return Err(bad);
    }
    let mut values = vec![(COST_KEY.to_owned(), form.cost_per_page.to_string())];
    for (kind, text) in [
        (MeetingKind::Regular, &form.regular),
        (MeetingKind::Thematic, &form.thematic),
        (MeetingKind::Extraordinary, &form.extraordinary),
    ] {
        let text = text.trim().replace(',', ".");
        if !text.is_empty() {
            match text.parse::<f64>() {
                Ok(v) if (1.0..=600.0).contains(&v) => {}
                _ => return Err(bad),
            }
        }
        values.push((setting_key(kind), text));
    }
    let now = Utc::now();
    let mut tx = db.begin().await?;
    for (key, value) in values {
        with_tx!(&mut tx, |conn| {
            sqlx::query(
                "insert into setting (key, value, updated_at) values ($1, $2, $3)
                 on conflict (key) do update set value = excluded.value,
                                                 updated_at = excluded.updated_at",
            )
            .bind(&key)
            .bind(&value)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        });
    }
    tx.commit().await?;
    Ok(())
}

pub async fn history(db: &Db) -> Result<Vec<HistoricalMeeting>, AppError> {
    let rows: Vec<(NaiveDate, String, i64, i64)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select held_on, kind, duration_minutes, item_count from historical_meeting
             order by held_on",
        )
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(held_on, kind, duration_minutes, item_count)| {
            Some(HistoricalMeeting {
                held_on,
                kind: MeetingKind::try_from(kind).ok()?,
                duration_minutes,
                item_count,
            })
        })
        .collect())
}

/// (pages of the latest version, copies, recipients who opened it)
type DocumentRow = (Option<i64>, i64, i64);

/// What was recorded about closed meeting `meeting`.
pub async fn meeting_facts(
    db: &Db,
    meeting: Uuid,
    kind: MeetingKind,
) -> Result<MeetingFacts, AppError> {
    let room = crate::room::store::read(db, meeting).await?;
    let tz: Tz = room
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Asia::Ho_Chi_Minh);
    let (documents, speeches, pauses) = with_db!(db, |pool| {
        let documents: Vec<DocumentRow> = sqlx::query_as(
            "select v.page_count,
                    (select count(*) from invitation i where i.meeting_id = ai.meeting_id)
                      + (select count(*) from item_guest g where g.agenda_item_id = ai.id),
                    (select count(distinct r.user_id) from reading r
                     join document_version rv on rv.id = r.version_id
                     where rv.document_id = d.id
                       and (exists (select 1 from invitation i
                                    where i.meeting_id = ai.meeting_id and i.user_id = r.user_id)
                            or exists (select 1 from item_guest g
                                       where g.agenda_item_id = ai.id and g.user_id = r.user_id)))
             from document d
             join agenda_item ai on ai.id = d.agenda_item_id
             join document_version v on v.document_id = d.id
             where ai.meeting_id = $1
               and v.version_no = (select max(v2.version_no) from document_version v2
                                   where v2.document_id = d.id)",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let speeches: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "select s.started_at, s.ended_at from speech s
             join agenda_item ai on ai.id = s.agenda_item_id
             where ai.meeting_id = $1 and s.started_at is not null",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let pauses: Vec<crate::room::clock::Pause> =
            sqlx::query_as("select started_at, ended_at from meeting_pause where meeting_id = $1")
                .bind(meeting)
                .fetch_all(pool)
                .await?;
        Ok::<_, sqlx::Error>((documents, speeches, pauses))
    })?;
    let now = Utc::now();
    let held_on = room
        .actual_start
        .map(|s| s.with_timezone(&tz).date_naive())
        .unwrap_or_else(|| now.with_timezone(&tz).date_naive());
    Ok(MeetingFacts {
        meeting_id: meeting,
        title: room.title,
        kind,
        held_on,
        planned_minutes: room.planned_minutes,
        seconds: room.seconds,
        items: room
            .items
            .iter()
            .map(|i| ItemFact {
                number: i.number,
                planned_minutes: i.planned_minutes,
                seconds: i.seconds,
                consent: i.stage == ItemStage::Consent,
            })
            .collect(),
        speaking_seconds: speeches
            .iter()
            .map(|(s, e)| crate::room::clock::net_seconds(*s, *e, &pauses, now))
            .sum(),
        documents: documents
            .iter()
            .map(|(pages, copies, _)| (pages.unwrap_or(0), *copies))
            .collect(),
        read_pairs: documents.iter().map(|(_, _, readers)| readers).sum(),
        distributed_pairs: documents.iter().map(|(_, copies, _)| copies).sum(),
    })
}

/// The baseline rate of each kind: history, and the secretariat's override.
pub fn rates(history: &[HistoricalMeeting], settings: &SavingsSettings) -> Vec<BaselineRate> {
    let from_history = savings::historical_rates(history);
    KINDS
        .iter()
        .map(|&kind| {
            let configured = match kind {
                MeetingKind::Regular => &settings.regular,
                MeetingKind::Thematic => &settings.thematic,
                MeetingKind::Extraordinary => &settings.extraordinary,
            };
            let (historical, count) = from_history
                .get(&kind)
                .map_or((None, 0), |(r, c)| (Some(*r), *c));
            BaselineRate {
                kind,
                historical,
                historical_meetings: count,
                configured: configured.trim().replace(',', ".").parse().ok(),
            }
        })
        .collect()
}

/// Every closed meeting's savings, oldest first.
pub async fn savings_list(
    db: &Db,
    rates: &[BaselineRate],
    cost_per_page: i64,
) -> Result<Vec<MeetingSavings>, AppError> {
    let closed: Vec<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, kind from meeting where state = 'closed' and actual_start_at is not null
             order by actual_start_at",
        )
        .fetch_all(pool)
        .await
    })?;
    let mut reviews = crate::analytics::review::all(db).await?;
    let mut out = Vec::with_capacity(closed.len());
    for (id, kind) in closed {
        let kind = MeetingKind::try_from(kind).or_internal()?;
        let facts = meeting_facts(db, id, kind).await?;
        let rate = rates
            .iter()
            .find(|r| r.kind == kind)
            .and_then(BaselineRate::effective);
        let mut meeting = savings::meeting_savings(&facts, rate, cost_per_page);
        meeting.review = reviews.remove(&id);
        meeting.counts = savings::counts(meeting.far_shorter, meeting.review.as_ref());
        out.push(meeting);
    }
    Ok(out)
}

/// (a ballot's sending, a member's first answer)
type SentAnswered = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The dashboard as `user` may see it.
pub async fn dashboard(db: &Db, user: &CurrentUser) -> Result<Dashboard, AppError> {
    require_reader(db, user).await?;
    let settings = settings(db).await?;
    let history = history(db).await?;
    let rates = rates(&history, &settings);
    let mut meetings = savings_list(db, &rates, settings.cost_per_page).await?;
    if user.role != Role::Secretariat {
        // A leader sees the meetings they may see (invited), as everywhere else: not the
        // titles of closed meetings they were not part of.
        let mut visible = Vec::with_capacity(meetings.len());
        for meeting in meetings {
            if crate::meetings::store::visible(db, user, meeting.meeting_id).await? {
                visible.push(meeting);
            }
        }
        meetings = visible;
    }
    let (ballots_closed, answers) = with_db!(db, |pool| {
        let closed: (i64,) = sqlx::query_as(
            "select count(*) from ballot where state = 'closed' and meeting_id is null",
        )
        .fetch_one(pool)
        .await?;
        // Each member's first answer to each closed written ballot, against its sending.
        let answers: Vec<SentAnswered> = sqlx::query_as(
            "select min(b.sent_at), min(a.answered_at) from ballot b
             join ballot_answer a on a.ballot_id = b.id
             where b.state = 'closed' and b.meeting_id is null
             group by b.id, a.user_id",
        )
        .fetch_all(pool)
        .await?;
        Ok::<_, sqlx::Error>((closed.0, answers))
    })?;
    let mut hours: Vec<f64> = answers
        .into_iter()
        .filter_map(|(sent, answered)| {
            Some((answered? - sent?).num_seconds().max(0) as f64 / 3600.0)
        })
        .collect();
    let regular = rates
        .iter()
        .find(|r| r.kind == MeetingKind::Regular)
        .and_then(BaselineRate::effective);
    // Meetings excluded, or waiting for review, are listed but not added up.
    let counted: Vec<MeetingSavings> = meetings.iter().filter(|m| m.counts).cloned().collect();
    let totals = savings::totals(&counted, ballots_closed, regular, &mut hours);
    Ok(Dashboard {
        meetings,
        totals,
        rates,
        history,
        settings,
        may_configure: user.role == Role::Secretariat,
        task_days_to_done: crate::tasks::dashboard::median_days_from_conclusions(db).await?,
    })
}

/// Who is online, documents opened today, answers pending.
pub async fn live_usage(db: &Db, user: &CurrentUser) -> Result<LiveUsage, AppError> {
    require_reader(db, user).await?;
    let now = Utc::now();
    let recent = now - chrono::TimeDelta::minutes(5);
    // Today in Vietnam (UTC+7).
    let vn = chrono::FixedOffset::east_opt(7 * 3600)
        .ok_or_else(|| AppError::internal("a stored value that does not parse"))?;
    let midnight = now
        .with_timezone(&vn)
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|m| m.and_local_timezone(vn).single())
        .map(|m| m.with_timezone(&Utc))
        .ok_or_else(|| AppError::internal("a stored value that does not parse"))?;
    let (online, opened, pending) = with_db!(db, |pool| {
        let online: Vec<(String,)> = sqlx::query_as(
            "select distinct u.full_name from session s join user_account u on u.id = s.user_id
             where s.last_seen_at >= $1 and s.expires_at > $2 and u.active
             order by u.full_name",
        )
        .bind(recent)
        .bind(now)
        .fetch_all(pool)
        .await?;
        let opened: (i64, i64) = sqlx::query_as(
            "select count(*), count(distinct actor_id) from audit_event
             where event = 'document.opened' and at >= $1",
        )
        .bind(midnight)
        .fetch_one(pool)
        .await?;
        // The open ballots: all for the secretariat, a leader's own (asked on) for a leader.
        let pending: Vec<(Uuid, String, i64)> = sqlx::query_as(
            "select b.id, b.title,
                    (select count(*) from ballot_eligible e where e.ballot_id = b.id
                       and not exists (select 1 from ballot_answer a
                                       where a.ballot_id = b.id and a.user_id = e.user_id))
             from ballot b where b.state = 'open'
               and ($1 or exists(select 1 from ballot_eligible o
                                 where o.ballot_id = b.id and o.user_id = $2))
             order by b.deadline_at",
        )
        .bind(user.role == Role::Secretariat)
        .bind(user.id)
        .fetch_all(pool)
        .await?;
        Ok::<_, sqlx::Error>((online, opened, pending))
    })?;
    Ok(LiveUsage {
        online: online.into_iter().map(|(n,)| n).collect(),
        documents_opened_today: opened.0,
        readers_today: opened.1,
        pending,
    })
}

/// The savings of every closed meeting as CSV (UTF-8 with a BOM, for spreadsheet programs).
pub async fn csv(db: &Db, user: &CurrentUser) -> Result<Vec<u8>, AppError> {
    let dashboard = dashboard(db, user).await?;
    let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let header = [
        "ngày",
        "phiên họp",
        "loại",
        "số nội dung",
        "thông qua không thảo luận",
        "dự kiến (phút)",
        "thực tế (phút)",
        "cơ sở so sánh (phút)",
        "giảm so với cơ sở (%)",
        "thời gian phát biểu (phút)",
        "số trang giấy tiết kiệm",
        "chi phí tiết kiệm (đồng)",
        "tỷ lệ tài liệu được đọc trên thiết bị (%)",
        "tính vào kết quả",
        "lý do",
    ];
    let io = |e: csv::Error| AppError::internal(e);
    writer.write_record(header).map_err(io)?;
    for m in &dashboard.meetings {
        let read = if m.distributed_pairs > 0 {
            format!(
                "{:.1}",
                m.read_pairs as f64 / m.distributed_pairs as f64 * 100.0
            )
        } else {
            String::new()
        };
        writer
            .write_record([
                m.held_on.to_string(),
                crate::spreadsheet::text_cell(&m.title).into_owned(),
                m.kind.as_str().to_owned(),
                m.items.to_string(),
                m.consent_items.to_string(),
                m.planned_minutes.to_string(),
                m.actual_minutes.to_string(),
                m.baseline_minutes
                    .map(|b| b.to_string())
                    .unwrap_or_default(),
                m.reduction_percent
                    .map(|r| format!("{r:.1}"))
                    .unwrap_or_default(),
                m.speaking_minutes.to_string(),
                m.pages_saved.to_string(),
                m.cost_saved.to_string(),
                read,
                if m.counts { "có" } else { "không" }.to_owned(),
                match &m.review {
                    Some(r) => crate::spreadsheet::text_cell(&r.reason).into_owned(),
                    None if m.far_shorter => {
                        "chờ xem xét: ngắn hơn một nửa thời gian dự kiến".to_owned()
                    }
                    None => String::new(),
                },
            ])
            .map_err(io)?;
    }
    writer.into_inner().or_internal()
}
