//! Identity server functions.
use leptos::prelude::*;

use crate::error::AppError;
use crate::identity::model::{SessionInfo, SignInOptions};

/// Who is signed in (if anyone), and whether this server runs in demo mode.
#[server(prefix = "/api", endpoint = "session")]
pub async fn get_session_info() -> Result<SessionInfo, AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let user = crate::identity::session::current_user().await?;
        let leader = match &user {
            Some(u) if u.role == crate::identity::model::Role::Member => {
                crate::identity::store::is_leader(&state.db, u.id).await?
            }
            _ => false,
        };
        Ok(SessionInfo {
            user,
            leader,
            demo: state.demo,
            idle_minutes: u32::try_from(state.session_idle.num_minutes()).unwrap_or(30),
        })
    })
    .await
}

/// What the sign-in page offers: in demo mode, the demo accounts one may act as.
#[server(prefix = "/api", endpoint = "sign_in_options")]
pub async fn get_sign_in_options() -> Result<SignInOptions, AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let demo_users = if state.demo {
            Some(crate::identity::store::demo_users(&state.db).await?)
        } else {
            None
        };
        Ok(SignInOptions { demo_users })
    })
    .await
}

/// The person touched, clicked or typed on their page: the session's idle clock moves. Sent by
/// the page at most once a minute while they do (`crate::identity::lock`); nothing else a page
/// asks by itself keeps a session from locking.
#[server(prefix = "/api", endpoint = "session_touch")]
pub async fn touch_session() -> Result<(), AppError> {
    crate::error::respond(crate::identity::session::touch()).await
}
