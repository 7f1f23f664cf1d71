//! What a search may look in: the meetings, items and ballots the user may see, narrowed by
//! the request's filters. Every kind of hit is checked against this scope, which applies the
//! same rules as the pages that show each record.
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use uuid::Uuid;

use crate::ballots::model::BallotState;
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};
use crate::meetings::model::MeetingState;
use crate::search::model::SearchQuery;
use crate::with_db;

pub struct Meeting {
    pub title: String,
    /// When it starts, in its own time zone.
    pub starts: chrono::NaiveDateTime,
    pub state: MeetingState,
    /// Members read the minutes and conclusions of a meeting they were invited to once final.
    pub invited: bool,
}

pub struct Item {
    pub meeting_id: Uuid,
    pub title: String,
}

pub struct Ballot {
    pub title: String,
}

pub struct Scope {
    pub meetings: HashMap<Uuid, Meeting>,
    pub items: HashMap<Uuid, Item>,
    pub ballots: HashMap<Uuid, Ballot>,
}

impl Scope {
    pub fn meeting_title(&self, meeting: Uuid) -> String {
        self.meetings
            .get(&meeting)
            .map(|m| m.title.clone())
            .unwrap_or_default()
    }

    /// Meetings newest first: a key to sort hits by.
    pub fn recency(&self, meeting: Uuid) -> std::cmp::Reverse<Option<chrono::NaiveDateTime>> {
        std::cmp::Reverse(self.meetings.get(&meeting).map(|m| m.starts))
    }

    pub fn cancelled(&self, meeting: Uuid) -> bool {
        self.meetings
            .get(&meeting)
            .is_some_and(|m| m.state == MeetingState::Cancelled)
    }
}

fn within(day: NaiveDate, query: &SearchQuery) -> bool {
    query.from.is_none_or(|from| day >= from) && query.to.is_none_or(|to| day <= to)
}

/// The scope of `query` for `user`.
pub async fn scope(db: &Db, user: &CurrentUser, query: &SearchQuery) -> Result<Scope, AppError> {
    let invited: HashSet<Uuid> = with_db!(db, |pool| {
        sqlx::query_scalar("select meeting_id from invitation where user_id = $1")
            .bind(user.id)
            .fetch_all(pool)
            .await
    })?
    .into_iter()
    .collect();
    let meetings: HashMap<Uuid, Meeting> = crate::meetings::store::list_for(db, user)
        .await?
        .into_iter()
        .filter(|m| query.meeting.is_none_or(|id| id == m.id))
        .filter(|m| within(m.starts_local.date(), query))
        .map(|m| {
            let meeting = Meeting {
                title: m.title,
                starts: m.starts_local,
                state: m.state,
                invited: invited.contains(&m.id),
            };
            (m.id, meeting)
        })
        .collect();
    let items = items(db, user, &meetings).await?;
    let ballots = ballots(db, user, query).await?;
    Ok(Scope {
        meetings,
        items,
        ballots,
    })
}

/// The agenda items of `meetings` that `user` may see (a guest: only their own items).
async fn items(
    db: &Db,
    user: &CurrentUser,
    meetings: &HashMap<Uuid, Meeting>,
) -> Result<HashMap<Uuid, Item>, AppError> {
    let rows: Vec<(Uuid, Uuid, String, bool)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select ai.id, ai.meeting_id, ai.title,
                    exists (select 1 from item_guest g
                            where g.agenda_item_id = ai.id and g.user_id = $1) as guest
             from agenda_item ai",
        )
        .bind(user.id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter(|(_, meeting, _, guest)| {
            meetings.contains_key(meeting) && (user.role != Role::Guest || *guest)
        })
        .map(|(id, meeting_id, title, _)| (id, Item { meeting_id, title }))
        .collect())
}

/// The ballots `user` may see (the secretariat all, a member those they are asked, once
/// sent), narrowed like meetings: by the meeting they belong to and by their deadline's day.
async fn ballots(
    db: &Db,
    user: &CurrentUser,
    query: &SearchQuery,
) -> Result<HashMap<Uuid, Ballot>, AppError> {
    let summaries = crate::ballots::store::list_for(db, user).await?;
    let of_meeting: HashMap<Uuid, Option<Uuid>> = with_db!(db, |pool| {
        sqlx::query_as::<_, (Uuid, Option<Uuid>)>("select id, meeting_id from ballot")
            .fetch_all(pool)
            .await
    })?
    .into_iter()
    .collect();
    Ok(summaries
        .into_iter()
        .filter(|b| user.role == Role::Secretariat || b.state != BallotState::Draft)
        .filter(|b| {
            let meeting = of_meeting.get(&b.id).copied().flatten();
            query.meeting.is_none_or(|wanted| meeting == Some(wanted))
        })
        .filter(|b| {
            let day = b.deadline_at.with_timezone(&chrono_tz::Asia::Ho_Chi_Minh);
            within(day.date_naive(), query)
        })
        .map(|b| (b.id, Ballot { title: b.title }))
        .collect())
}
