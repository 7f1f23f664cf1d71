//! Server functions of positions before the meeting.
use leptos::prelude::*;

use crate::error::AppError;
use crate::meetings::model::{MyPosition, PositionSummary, Stance};

/// Set the caller's position on an agenda item (invited members, until the meeting starts).
#[server(prefix = "/api", endpoint = "position_set")]
pub async fn set_position(item_id: String, stance: Stance, reason: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let item = crate::ids::parse_id(&item_id, crate::error::BadInput::Id)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        let meeting =
            crate::meetings::positions::store::set(&state.db, &user, item, stance, &reason).await?;
        // The chair's and the secretariat's summaries re-read.
        state
            .live
            .publish(
                &state.db,
                crate::live::event::LiveEvent::PositionsChanged {
                    meeting_id: meeting,
                },
            )
            .await;
        Ok(())
    })
    .await
}

/// The caller's own positions on a meeting.
#[server(prefix = "/api", endpoint = "positions_mine")]
pub async fn get_my_positions(meeting_id: String) -> Result<Vec<MyPosition>, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::meetings::positions::store::mine(&state.db, &user, meeting).await
    })
    .await
}

/// Counts and names per item, and the proposed consent block: the secretariat and the chair.
#[server(prefix = "/api", endpoint = "positions_summary")]
pub async fn get_position_summary(meeting_id: String) -> Result<PositionSummary, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::meetings::positions::store::summary(&state.db, &user, meeting).await
    })
    .await
}
