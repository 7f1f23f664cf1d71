//! Server functions of comments on agenda items.
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::error::AppError;
use crate::meetings::model::{CommentForm, CommentView};

#[cfg(feature = "ssr")]
async fn tell(meeting: uuid::Uuid) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    state
        .live
        .publish(
            &state.db,
            crate::live::event::LiveEvent::CommentsChanged {
                meeting_id: meeting,
            },
        )
        .await;
    Ok(())
}

/// The comments on every agenda item of a meeting the caller may read (a guest: on their own
/// items): the meeting page's discussions in one call.
#[server(prefix = "/api", endpoint = "meeting_comments")]
pub async fn get_meeting_comments(meeting_id: String) -> Result<Vec<CommentView>, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::meetings::comments::store::list_for_meeting(&state.db, &user, meeting).await
    })
    .await
}

/// Write a comment (or an answer to one); returns its id.
#[server(prefix = "/api", endpoint = "comment_add", input = Json)]
pub async fn add_comment(form: CommentForm) -> Result<uuid::Uuid, AppError> {
    crate::error::respond(async {
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        let (id, meeting) = crate::meetings::comments::store::add(&state.db, &user, &form).await?;
        tell(meeting).await?;
        Ok(id)
    })
    .await
}

/// Change one of the caller's comments (the earlier text is kept).
#[server(prefix = "/api", endpoint = "comment_edit")]
pub async fn edit_comment(id: String, body: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let id = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        let meeting = crate::meetings::comments::store::edit(&state.db, &user, id, &body).await?;
        tell(meeting).await
    })
    .await
}

/// The earlier texts of a comment.
#[server(prefix = "/api", endpoint = "comment_history")]
pub async fn get_comment_history(id: String) -> Result<Vec<String>, AppError> {
    crate::error::respond(async {
        let id = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::meetings::comments::store::history(&state.db, &user, id).await
    })
    .await
}
