//! Meeting server functions. Authorization is decided here, on the server, for every call.
use leptos::prelude::*;

use crate::error::AppError;
use crate::meetings::model::{DocumentText, MeetingDetail, MeetingSummary};

/// The meetings the signed-in user may see, latest first.
#[server(prefix = "/api", endpoint = "meetings")]
pub async fn list_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    crate::error::respond(async {
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::meetings::store::list_for(&state.db, &user).await
    })
    .await
}

/// One meeting with its agenda. `id` comes from the URL, so it is checked here.
#[server(prefix = "/api", endpoint = "meeting")]
pub async fn get_meeting(id: String) -> Result<MeetingDetail, AppError> {
    crate::error::respond(async {
        let meeting_id = crate::ids::parse_id(&id, crate::error::BadInput::MeetingId)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::meetings::store::detail_for(&state.db, &user, meeting_id).await
    })
    .await
}

/// Where the text of each document of a meeting stands, for the status badges: whoever may see
/// the meeting, and only the documents they may see (a guest: their items').
#[server(prefix = "/api", endpoint = "meeting_texts")]
pub async fn meeting_texts(id: String) -> Result<Vec<DocumentText>, AppError> {
    let detail = get_meeting(id).await?;
    Ok(detail
        .items
        .iter()
        .flat_map(|i| i.documents.iter().map(DocumentText::from))
        .collect())
}
