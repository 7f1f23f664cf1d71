//! Ending a session. (Starting one is the passkey ceremony of the identity issue, or the
//! demo sign-in in demo mode.)
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use http::{header, HeaderMap};

use app::i18n::Lang;
use app::identity::session;
use app::state::AppState;

use crate::respond::error_response;

/// POST /sign-out: end this device's session and go to the sign-in page.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = session::token_from_headers(&headers) {
        if let Err(err) = session::end(&state.db, &token).await {
            return error_response(&err, Lang::from_headers(&headers));
        }
    }
    (
        [
            (header::SET_COOKIE, session::clear_cookie()),
            // What this browser kept of the session's pages (its HTTP cache, storage, a
            // service worker's copies) goes with it: a shared tablet shows nothing after.
            // The language cookie is kept; the session cookie is removed above.
            (
                http::HeaderName::from_static("clear-site-data"),
                "\"cache\", \"storage\"".to_owned(),
            ),
        ],
        Redirect::to("/sign-in"),
    )
        .into_response()
}
