//! Server functions of the meeting room. Each decides on the server who may do what: the
//! chair and the secretariat run the meeting; invited members ask to speak; everyone who
//! sees the meeting follows it. After each change the room is read once and pushed to every
//! tablet on the live channel.
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

use crate::error::AppError;
use crate::room::model::{Presence, Room, RoomAct};

#[cfg(feature = "ssr")]
use crate::identity::session::caller;

#[cfg(feature = "ssr")]
fn meeting_id(raw: &str) -> Result<Uuid, AppError> {
    crate::ids::parse_id(raw, crate::error::BadInput::MeetingId)
}

/// Read the room once and push it to every tablet following the meeting; when the meeting's
/// state changed, its other pages re-read too.
#[cfg(feature = "ssr")]
pub async fn announce(state: &crate::state::AppState, meeting: Uuid, state_changed: bool) {
    use crate::live::event::LiveEvent;
    if state_changed {
        state
            .live
            .publish(
                &state.db,
                LiveEvent::MeetingChanged {
                    meeting_id: meeting,
                },
            )
            .await;
    }
    let read = crate::room::store::read(&state.db, meeting).await;
    match read.and_then(|room| serde_json::to_string(&room).map_err(AppError::internal)) {
        Ok(room) => {
            state
                .live
                .publish(
                    &state.db,
                    LiveEvent::RoomChanged {
                        meeting_id: meeting,
                        room: room.into(),
                    },
                )
                .await;
        }
        Err(err) => tracing::error!(?err, %meeting, "room not read after a change"),
    }
}

/// The room of a meeting, as the caller may see it.
#[server(prefix = "/api", endpoint = "meeting_room")]
pub async fn get_room(meeting_id: String) -> Result<Room, AppError> {
    crate::error::respond(async {
        let meeting = self::meeting_id(&meeting_id)?;
        let (user, state) = caller().await?;
        crate::room::store::for_viewer(&state.db, &user, meeting).await
    })
    .await
}

/// The chair's (or the secretariat's) act on the meeting.
#[server(prefix = "/api", endpoint = "room_act", input = Json)]
pub async fn act_in_room(meeting_id: String, act: RoomAct) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = self::meeting_id(&meeting_id)?;
        let (user, state) = caller().await?;
        crate::room::chairing::require_chair(&state.db, &user, meeting).await?;
        let state_changed = crate::room::chairing::act(&state.db, &user, meeting, &act).await?;
        if let RoomAct::EndVote(ballot) = act {
            state
                .live
                .publish(
                    &state.db,
                    crate::live::event::LiveEvent::BallotChanged { ballot_id: ballot },
                )
                .await;
        }
        announce(&state, meeting, state_changed).await;
        Ok(())
    })
    .await
}

/// Record how an invited member attends.
#[server(prefix = "/api", endpoint = "attendance_set")]
pub async fn set_attendance(
    meeting_id: String,
    user_id: String,
    presence: Presence,
    reason: String,
    deputy: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = self::meeting_id(&meeting_id)?;
        let member = crate::ids::parse_id(&user_id, crate::error::BadInput::UserId)?;
        let (user, state) = caller().await?;
        crate::room::chairing::require_chair(&state.db, &user, meeting).await?;
        crate::room::attendance::record(
            &state.db, &user, meeting, member, presence, &reason, &deputy,
        )
        .await?;
        announce(&state, meeting, false).await;
        Ok(())
    })
    .await
}

/// Record several invited members present in one act (the "everyone present" start).
#[server(prefix = "/api", endpoint = "attendance_present", input = Json)]
pub async fn set_present(meeting_id: String, members: Vec<String>) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = self::meeting_id(&meeting_id)?;
        let members = members
            .iter()
            .map(|m| crate::ids::parse_id(m, crate::error::BadInput::UserId))
            .collect::<Result<Vec<_>, _>>()?;
        let (user, state) = caller().await?;
        crate::room::chairing::require_chair(&state.db, &user, meeting).await?;
        crate::room::attendance::record_present(&state.db, &user, meeting, &members).await?;
        announce(&state, meeting, false).await;
        Ok(())
    })
    .await
}

/// Ask to speak on an item (invited members, while the meeting runs).
#[server(prefix = "/api", endpoint = "speak_request")]
pub async fn request_to_speak(item_id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let item = crate::ids::parse_id(&item_id, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        let meeting = crate::room::speakers::request(&state.db, &user, item).await?;
        announce(&state, meeting, false).await;
        Ok(())
    })
    .await
}

/// Withdraw one's waiting request to speak on an item.
#[server(prefix = "/api", endpoint = "speak_withdraw")]
pub async fn withdraw_request(item_id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let item = crate::ids::parse_id(&item_id, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        let meeting = crate::room::speakers::withdraw(&state.db, &user, item).await?;
        announce(&state, meeting, false).await;
        Ok(())
    })
    .await
}

/// Start an in-meeting vote on an item; returns the ballot to answer.
#[server(prefix = "/api", endpoint = "room_vote")]
pub async fn start_vote(
    meeting_id: String,
    item_id: String,
    question: String,
    minutes: i64,
) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        let meeting = self::meeting_id(&meeting_id)?;
        let item = crate::ids::parse_id(&item_id, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        crate::room::chairing::require_chair(&state.db, &user, meeting).await?;
        let ballot =
            crate::room::vote::start(&state.db, &user, meeting, item, &question, minutes).await?;
        state
            .live
            .publish(
                &state.db,
                crate::live::event::LiveEvent::BallotChanged { ballot_id: ballot },
            )
            .await;
        announce(&state, meeting, false).await;
        Ok(ballot)
    })
    .await
}
