//! Demo mode only: start a session as any seeded account, without a passkey. The route is
//! not mounted outside demo mode (see `router.rs`).
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use http::header;
use serde::Deserialize;

use app::audit::event::AuditEvent;
use app::error::{AppError, BadInput};
use app::i18n::Lang;
use app::identity::session;
use app::state::AppState;

use crate::respond::error_response;

#[derive(Deserialize)]
pub struct SignInForm {
    user_id: String,
}

/// POST /demo/sign-in with `user_id`: sign in as that account and go to the meetings.
pub async fn sign_in(
    State(state): State<AppState>,
    headers: http::HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let lang = Lang::from_headers(&headers);
    let user_id = match app::ids::parse_id(&form.user_id, BadInput::UserId) {
        Ok(id) => id,
        Err(err) => return error_response(&err, lang),
    };
    match app::identity::store::current_user(&state.db, user_id).await {
        Ok(Some(_)) => {}
        Ok(None) => return error_response(&AppError::NotFound, lang),
        Err(err) => return error_response(&err, lang),
    }
    match session::create(
        &state.db,
        user_id,
        state.session_lifetime,
        AuditEvent::DemoSignIn,
    )
    .await
    {
        Ok(token) => (
            [(
                header::SET_COOKIE,
                session::set_cookie(&token, state.session_lifetime),
            )],
            Redirect::to("/"),
        )
            .into_response(),
        Err(err) => error_response(&err, lang),
    }
}
