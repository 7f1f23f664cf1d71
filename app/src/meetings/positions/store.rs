//! Positions before the meeting (as in Estonia's e-Cabinet): each invited member marks each
//! agenda item — no objection (the default, no row), wish to speak, or object with a reason —
//! until the meeting starts. The chair and the secretariat see the counts and names; items
//! where nobody wishes to speak or objects are proposed as the consent block.
use std::collections::HashMap;

use chrono::Utc;
use uuid::Uuid;

use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::{CurrentUser, Role};
use crate::meetings::model::{
    ItemPositions, MeetingState, MyPosition, PositionHolder, PositionSummary, Stance,
};
use crate::{with_db, with_tx};

/// The longest reason, in characters.
pub const MAX_REASON_CHARS: usize = 2000;

/// What decides who may do what with positions on a meeting.
struct Standing {
    state: MeetingState,
    chair_id: Option<Uuid>,
    invited: bool,
}

async fn standing(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<Standing, AppError> {
    let row: Option<(String, Option<Uuid>, bool)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select m.state, m.chair_id,
                    exists(select 1 from invitation i where i.meeting_id = m.id and i.user_id = $2)
             from meeting m where m.id = $1",
        )
        .bind(meeting)
        .bind(user.id)
        .fetch_optional(pool)
        .await
    })?;
    let (state, chair_id, invited) = row.ok_or(AppError::NotFound)?;
    let state = MeetingState::try_from(state).map_err(|_| AppError::NotFound)?;
    Ok(Standing {
        state,
        chair_id,
        invited,
    })
}

/// Record `user`'s position on item `item` (replacing any earlier one); returns the meeting.
pub async fn set(
    db: &Db,
    user: &CurrentUser,
    item: Uuid,
    stance: Stance,
    reason: &str,
) -> Result<Uuid, AppError> {
    let reason = reason.trim();
    let reason = match stance {
        Stance::Object if reason.is_empty() => {
            return Err(AppError::BadRequest(BadInput::Position))
        }
        _ if reason.chars().count() > MAX_REASON_CHARS => {
            return Err(AppError::BadRequest(BadInput::Position))
        }
        Stance::Object | Stance::Speak if !reason.is_empty() => Some(reason.to_owned()),
        _ => None,
    };
    let meeting: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select meeting_id from agenda_item where id = $1")
            .bind(item)
            .fetch_optional(pool)
            .await
    })?;
    let (meeting,) = meeting.ok_or(AppError::NotFound)?;
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    let standing = standing(db, user, meeting).await?;
    if user.role != Role::Member || !standing.invited {
        return Err(AppError::Forbidden);
    }
    if !matches!(
        standing.state,
        MeetingState::Published | MeetingState::Postponed
    ) {
        // The meeting has started (or ended, or was cancelled): positions are frozen.
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into item_position (agenda_item_id, user_id, stance, reason, updated_at)
             values ($1, $2, $3, $4, $5)
             on conflict (agenda_item_id, user_id) do update
             set stance = excluded.stance, reason = excluded.reason,
                 updated_at = excluded.updated_at",
        )
        .bind(item)
        .bind(user.id)
        .bind(stance.as_str())
        .bind(reason)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    tx.commit().await?;
    Ok(meeting)
}

/// `user`'s own positions on a meeting they may see (items without a row: no objection).
pub async fn mine(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<Vec<MyPosition>, AppError> {
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    let rows: Vec<(Uuid, String, Option<String>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select p.agenda_item_id, p.stance, p.reason from item_position p
             join agenda_item ai on ai.id = p.agenda_item_id
             where ai.meeting_id = $1 and p.user_id = $2",
        )
        .bind(meeting)
        .bind(user.id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(item_id, stance, reason)| {
            Some(MyPosition {
                item_id,
                stance: Stance::parse(&stance)?,
                reason,
            })
        })
        .collect())
}

/// (item, member's name, stance, reason)
type HolderRow = (Uuid, String, String, Option<String>);
/// (item, number, title)
type ItemRow = (Uuid, i64, String);

/// Counts and names per item, for the secretariat and the meeting's chair.
pub async fn summary(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
) -> Result<PositionSummary, AppError> {
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    let standing = standing(db, user, meeting).await?;
    let may = user.role == Role::Secretariat || standing.chair_id == Some(user.id);
    if !may {
        return Err(AppError::Forbidden);
    }
    let (items, members, holders): (Vec<ItemRow>, (i64,), Vec<HolderRow>) = with_db!(db, |pool| {
        (
            sqlx::query_as(
                "select id, position, title from agenda_item where meeting_id = $1
                     order by position",
            )
            .bind(meeting)
            .fetch_all(pool)
            .await?,
            sqlx::query_as(
                "select count(*) from invitation i join user_account u on u.id = i.user_id
                     where i.meeting_id = $1 and u.role = 'member'",
            )
            .bind(meeting)
            .fetch_one(pool)
            .await?,
            // Only invited members count (an invitation withdrawn withdraws the position).
            sqlx::query_as(
                "select p.agenda_item_id, u.full_name, p.stance, p.reason
                     from item_position p
                     join agenda_item ai on ai.id = p.agenda_item_id
                     join user_account u on u.id = p.user_id
                     join invitation i on i.meeting_id = ai.meeting_id and i.user_id = p.user_id
                     where ai.meeting_id = $1 and p.stance <> 'no_objection'
                     order by u.full_name",
            )
            .bind(meeting)
            .fetch_all(pool)
            .await?,
        )
    });
    let invited = usize::try_from(members.0).unwrap_or(0);
    let mut by_item: HashMap<Uuid, (Vec<PositionHolder>, Vec<PositionHolder>)> = HashMap::new();
    for (item, full_name, stance, reason) in holders {
        let entry = by_item.entry(item).or_default();
        let holder = PositionHolder { full_name, reason };
        match Stance::parse(&stance) {
            Some(Stance::Speak) => entry.0.push(holder),
            Some(Stance::Object) => entry.1.push(holder),
            _ => {}
        }
    }
    let items = items
        .into_iter()
        .map(|(item_id, number, title)| {
            let (speak, object) = by_item.remove(&item_id).unwrap_or_default();
            ItemPositions {
                item_id,
                number,
                title,
                no_objection: invited.saturating_sub(speak.len() + object.len()),
                speak,
                object,
            }
        })
        .collect();
    Ok(PositionSummary {
        invited_members: invited,
        items,
    })
}
