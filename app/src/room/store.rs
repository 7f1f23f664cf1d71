//! Reading the meeting room: once per change (then pushed to every tablet), and when a page
//! opens. Who may see what is decided here: the meeting's rules, and a guest only their items.
use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role, Title};
use crate::meetings::model::MeetingState;
use crate::room::clock::{net_seconds, Pause};
use crate::room::model::{
    AttendanceLine, ItemRun, ItemStage, Presence, Quorum, Room, RoomVote, Speaker, VoteTally,
};
use crate::with_db;

#[derive(sqlx::FromRow)]
struct MeetingRow {
    title: String,
    #[sqlx(try_from = "String")]
    state: MeetingState,
    starts_at: DateTime<Utc>,
    time_zone: String,
    chair_id: Option<Uuid>,
    planned_minutes: i64,
    actual_start_at: Option<DateTime<Utc>>,
    actual_end_at: Option<DateTime<Utc>>,
    current_item_id: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: Uuid,
    position: i64,
    title: String,
    planned_minutes: i64,
    started_at: Option<DateTime<Utc>>,
    ended_at: Option<DateTime<Utc>>,
    consent: bool,
    conclusion: Option<String>,
    unopposed: bool,
}

/// True for an item (`agenda_item`) nobody invited to meeting `$1` asked to speak on or
/// objected to: what the consent block adopts.
pub(crate) const UNOPPOSED: &str = "not exists (
    select 1 from item_position p
    join invitation i on i.user_id = p.user_id and i.meeting_id = $1
    where p.agenda_item_id = agenda_item.id and p.stance in ('speak', 'object'))";

#[derive(sqlx::FromRow)]
struct SpeechRow {
    id: Uuid,
    user_id: Uuid,
    full_name: String,
    title_vi: Option<String>,
    title_en: Option<String>,
    deputy_name: Option<String>,
    requested_at: DateTime<Utc>,
    started_at: Option<DateTime<Utc>>,
    ended_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct AttendanceRow {
    user_id: Uuid,
    full_name: String,
    title_vi: Option<String>,
    title_en: Option<String>,
    status: Option<String>,
    reason: Option<String>,
    deputy_name: Option<String>,
    active: bool,
}

#[derive(sqlx::FromRow)]
struct VoteRow {
    id: Uuid,
    agenda_item_id: Option<Uuid>,
    title: String,
    state: String,
    deadline_at: DateTime<Utc>,
    eligible: i64,
    answered: i64,
    outcome: Option<String>,
    agree_count: Option<i64>,
    disagree_count: Option<i64>,
    other_count: Option<i64>,
}

/// People with the title they held on `$2`, in protocol order (`u` is the person).
const TITLE_JOIN: &str = "left join appointment a on a.user_id = u.id and a.starts_on <= $2
                          and (a.ends_on is null or a.ends_on >= $2)";

/// The room of `meeting` as it is now, with everything in it (for the secretariat, the
/// chair and invited members; guests get [`Room::for_guest`]). `NotFound` if no meeting.
pub async fn read(db: &Db, meeting: Uuid) -> Result<Room, AppError> {
    let now = Utc::now();
    let row: Option<MeetingRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select title, state, starts_at, time_zone, chair_id, planned_minutes,
                    actual_start_at, actual_end_at, current_item_id
             from meeting where id = $1",
        )
        .bind(meeting)
        .fetch_optional(pool)
        .await
    })?;
    let m = row.ok_or(AppError::NotFound)?;
    let tz: Tz = m.time_zone.parse().unwrap_or(chrono_tz::Asia::Ho_Chi_Minh);
    let on: NaiveDate = m.starts_at.with_timezone(&tz).date_naive();
    let speeches_sql = format!(
        "select s.id, s.user_id, u.full_name, a.title_vi, a.title_en,
                case when t.status = 'deputy' then t.deputy_name end as deputy_name,
                s.requested_at, s.started_at, s.ended_at
         from speech s join user_account u on u.id = s.user_id
         {TITLE_JOIN}
         left join attendance t on t.meeting_id = $3 and t.user_id = s.user_id
         where s.agenda_item_id = $1 and s.withdrawn_at is null
         order by coalesce(s.started_at, s.requested_at), s.requested_at, s.id"
    );
    let attendance_sql = format!(
        "select u.id as user_id, u.full_name, a.title_vi, a.title_en, t.status, t.reason,
                t.deputy_name, u.active
         from invitation i join user_account u on u.id = i.user_id
         {TITLE_JOIN}
         left join attendance t on t.meeting_id = i.meeting_id and t.user_id = u.id
         where i.meeting_id = $1
         order by coalesce(a.protocol_rank, 100000), u.full_name"
    );
    let (pauses, items, documents, speeches, attendance, members, votes) = with_db!(db, |pool| {
        let pauses: Vec<Pause> = sqlx::query_as(
            "select started_at, ended_at from meeting_pause where meeting_id = $1
             order by started_at",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let items: Vec<ItemRow> = sqlx::query_as(&format!(
            "select id, position, title, planned_minutes, started_at, ended_at, consent,
                    conclusion, {UNOPPOSED} as unopposed
             from agenda_item where meeting_id = $1 order by position"
        ))
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let documents: Vec<(Uuid, Uuid, String)> = sqlx::query_as(
            "select d.agenda_item_id, d.id, d.title from document d
             join agenda_item ai on ai.id = d.agenda_item_id
             where ai.meeting_id = $1 order by d.position, d.created_at",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let speeches: Vec<SpeechRow> = match m.current_item_id {
            Some(item) => {
                sqlx::query_as(&speeches_sql)
                    .bind(item)
                    .bind(on)
                    .bind(meeting)
                    .fetch_all(pool)
                    .await?
            }
            None => Vec::new(),
        };
        let attendance: Vec<AttendanceRow> = sqlx::query_as(&attendance_sql)
            .bind(meeting)
            .bind(on)
            .fetch_all(pool)
            .await?;
        let members: (i64,) =
            sqlx::query_as("select count(*) from user_account where role = 'member' and active")
                .fetch_one(pool)
                .await?;
        let votes: Vec<VoteRow> = sqlx::query_as(
            "select b.id, b.agenda_item_id, b.title, b.state, b.deadline_at,
                    (select count(*) from ballot_eligible e where e.ballot_id = b.id) as eligible,
                    (select count(distinct x.user_id) from ballot_answer x
                     where x.ballot_id = b.id) as answered,
                    b.outcome, b.agree_count, b.disagree_count, b.other_count
             from ballot b where b.meeting_id = $1 and b.state <> 'draft'
             order by b.sent_at",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        Ok::<_, sqlx::Error>((
            pauses, items, documents, speeches, attendance, members, votes,
        ))
    })?;

    let seconds = |start: Option<DateTime<Utc>>, end: Option<DateTime<Utc>>| {
        start.map_or(0, |s| net_seconds(s, end, &pauses, now))
    };
    let items = items
        .into_iter()
        .map(|i| ItemRun {
            stage: if i.consent {
                ItemStage::Consent
            } else if i.ended_at.is_some() {
                ItemStage::Done
            } else if i.started_at.is_some() {
                ItemStage::Running
            } else {
                ItemStage::Pending
            },
            seconds: if i.consent {
                0
            } else {
                seconds(i.started_at, i.ended_at)
            },
            documents: documents
                .iter()
                .filter(|(item, _, _)| *item == i.id)
                .map(|(_, id, title)| (*id, title.clone()))
                .collect(),
            in_consent_block: i.unopposed && !i.consent && i.started_at.is_none(),
            id: i.id,
            number: i.position,
            title: i.title,
            planned_minutes: i.planned_minutes,
            started_at: i.started_at,
            ended_at: i.ended_at,
            conclusion: i.conclusion,
        })
        .collect();
    let mut speaking = None;
    let mut queue = Vec::new();
    let mut spoken = Vec::new();
    for s in speeches {
        let speaker = Speaker {
            speech_id: s.id,
            user_id: s.user_id,
            full_name: s.full_name,
            title: Title::from_columns(s.title_vi, s.title_en),
            deputy: s.deputy_name,
            requested_at: s.requested_at,
            seconds: seconds(s.started_at, s.ended_at),
        };
        match (s.started_at, s.ended_at) {
            (None, _) => queue.push(speaker),
            (Some(_), None) => speaking = Some(speaker),
            (Some(_), Some(_)) => spoken.push(speaker),
        }
    }
    // Present voting members among the invited (deputies do not count), active only.
    let present = attendance
        .iter()
        .filter(|a| {
            a.active
                && a.status
                    .as_deref()
                    .and_then(Presence::parse)
                    .is_some_and(Presence::votes)
        })
        .count();
    let attendance: Vec<AttendanceLine> = attendance
        .into_iter()
        .map(|a| AttendanceLine {
            presence: a.status.as_deref().and_then(Presence::parse),
            user_id: a.user_id,
            full_name: a.full_name,
            title: Title::from_columns(a.title_vi, a.title_en),
            reason: a.reason,
            deputy: a.deputy_name,
        })
        .collect();
    let paused_since = pauses
        .iter()
        .find(|(_, end)| end.is_none())
        .map(|(start, _)| *start);
    Ok(Room {
        meeting_id: meeting,
        title: m.title,
        state: m.state,
        time_zone: m.time_zone,
        chair_id: m.chair_id,
        planned_minutes: m.planned_minutes,
        actual_start: m.actual_start_at,
        actual_end: m.actual_end_at,
        paused_since,
        read_at: now,
        seconds: seconds(m.actual_start_at, m.actual_end_at),
        current_item: m.current_item_id,
        items,
        speaking,
        queue,
        spoken,
        attendance,
        quorum: Quorum::of(
            u32::try_from(present).unwrap_or(u32::MAX),
            u32::try_from(members.0).unwrap_or(u32::MAX),
        ),
        votes: votes
            .into_iter()
            .map(|v| RoomVote {
                ballot_id: v.id,
                item_id: v.agenda_item_id,
                title: v.title,
                open: v.state == "open",
                deadline_at: v.deadline_at,
                eligible: v.eligible,
                answered: v.answered,
                outcome: v.outcome,
                tally: match (v.agree_count, v.disagree_count, v.other_count) {
                    (Some(agree), Some(disagree), Some(other)) => Some(VoteTally {
                        agree,
                        disagree,
                        other,
                    }),
                    _ => None,
                },
            })
            .collect(),
    })
}

/// The room as `user` may see it: `NotFound` for a meeting they may not see; a guest's is
/// cut down to their items.
pub async fn for_viewer(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<Room, AppError> {
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    let room = read(db, meeting).await?;
    Ok(match user.role {
        Role::Guest => room.for_guest(&guest_items(db, user.id, meeting).await?),
        _ => room,
    })
}

/// The items of `meeting` that `guest` is invited to.
pub async fn guest_items(db: &Db, guest: Uuid, meeting: Uuid) -> Result<HashSet<Uuid>, AppError> {
    let rows: Vec<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select g.agenda_item_id from item_guest g
             join agenda_item ai on ai.id = g.agenda_item_id
             where ai.meeting_id = $1 and g.user_id = $2",
        )
        .bind(meeting)
        .bind(guest)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
