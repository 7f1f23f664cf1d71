//! Server functions of the minutes and the conclusions notice. Who may do what is decided in
//! [`crate::room::minutes_store`]: the secretariat edits and finalises, the chair
//! approves, invited members read final minutes.
use leptos::prelude::*;

use crate::error::AppError;
use crate::room::minutes::MinutesView;

#[cfg(feature = "ssr")]
async fn caller(
    meeting_id: &str,
) -> Result<
    (
        crate::identity::model::CurrentUser,
        crate::state::AppState,
        uuid::Uuid,
    ),
    AppError,
> {
    let meeting = crate::ids::parse_id(meeting_id, crate::error::BadInput::MeetingId)?;
    let (user, state) = crate::identity::session::caller().await?;
    Ok((user, state, meeting))
}

/// The minutes of a closed meeting (drafted from the records until saved).
#[server(prefix = "/api", endpoint = "minutes")]
pub async fn get_minutes(meeting_id: String) -> Result<MinutesView, AppError> {
    crate::error::respond(async {
        let (user, state, meeting) = caller(&meeting_id).await?;
        crate::room::minutes_store::view(&state.db, &user, meeting).await
    })
    .await
}

/// The secretariat's edit of the minutes.
#[server(prefix = "/api", endpoint = "minutes_save")]
pub async fn save_minutes(meeting_id: String, body: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let (user, state, meeting) = caller(&meeting_id).await?;
        crate::room::minutes_store::save(&state.db, &user, meeting, Some(&body)).await
    })
    .await
}

/// Draft the minutes again from what was recorded (the secretariat).
#[server(prefix = "/api", endpoint = "minutes_redraft")]
pub async fn redraft_minutes(meeting_id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let (user, state, meeting) = caller(&meeting_id).await?;
        crate::room::minutes_store::save(&state.db, &user, meeting, None).await
    })
    .await
}

/// The chair approves the minutes.
#[server(prefix = "/api", endpoint = "minutes_approve")]
pub async fn approve_minutes(meeting_id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let (user, state, meeting) = caller(&meeting_id).await?;
        crate::room::minutes_store::approve(&state.db, &user, meeting).await
    })
    .await
}

/// The secretariat finalises approved minutes.
#[server(prefix = "/api", endpoint = "minutes_finalise")]
pub async fn finalise_minutes(meeting_id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let (user, state, meeting) = caller(&meeting_id).await?;
        crate::room::minutes_store::finalise(&state.db, &user, meeting).await
    })
    .await
}

/// The conclusions notice of a closed meeting, as text.
#[server(prefix = "/api", endpoint = "conclusions")]
pub async fn get_conclusions(meeting_id: String) -> Result<String, AppError> {
    crate::error::respond(async {
        let (user, state, meeting) = caller(&meeting_id).await?;
        crate::room::minutes_store::notice(&state.db, &user, meeting).await
    })
    .await
}
