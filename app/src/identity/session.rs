//! Server-side sessions. The browser holds a random token in a `__Host-` cookie (HttpOnly,
//! Secure, SameSite=Strict — browsers accept Secure cookies on http://localhost, so one setting
//! serves development and production); the database holds only the token's SHA-256, so a
//! leaked database cannot be replayed as cookies.
use chrono::{Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::{with_db, with_tx};

pub const SESSION_COOKIE: &str = "__Host-ecab_session";

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Start a session for `user_id`, recorded in the audit trail as `event`; returns the token
/// to put in the cookie.
pub async fn create(
    db: &Db,
    user_id: Uuid,
    lifetime: Duration,
    event: AuditEvent,
) -> Result<String, AppError> {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let token = hex::encode(raw);
    let now = Utc::now();
    let hash = token_hash(&token);
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into session (token_sha256, user_id, created_at, last_seen_at, expires_at)
             values ($1, $2, $3, $3, $4)",
        )
        .bind(&hash)
        .bind(user_id)
        .bind(now)
        .bind(now + lifetime)
        .execute(&mut *conn)
        .await?;
    });
    audit::append(&mut tx, Some(user_id), event, Some(user_id)).await?;
    tx.commit().await?;
    Ok(token)
}

/// End the session whose cookie holds `token` (no error when it is already gone); an ended
/// session is recorded in the audit trail.
pub async fn end(db: &Db, token: &str) -> Result<(), AppError> {
    let hash = token_hash(token);
    let mut tx = db.begin().await?;
    let ended: Option<(Uuid,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("delete from session where token_sha256 = $1 returning user_id")
            .bind(&hash)
            .fetch_optional(&mut *conn)
            .await?
    });
    if let Some((user_id,)) = ended {
        audit::append(&mut tx, Some(user_id), AuditEvent::SignOut, Some(user_id)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The active user behind `token`, if the session exists, has not expired and the account is
/// still active.
pub async fn user_for_token(db: &Db, token: &str) -> Result<Option<CurrentUser>, AppError> {
    let hash = token_hash(token);
    let user_id: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select s.user_id from session s join user_account u on u.id = s.user_id
             where s.token_sha256 = $1 and s.expires_at > $2 and u.active",
        )
        .bind(&hash)
        .bind(Utc::now())
        .fetch_optional(pool)
        .await
    })?;
    match user_id {
        Some((id,)) => super::store::current_user(db, id).await,
        None => Ok(None),
    }
}

/// `Set-Cookie` value that stores `token` for `max_age`.
pub fn set_cookie(token: &str, max_age: Duration) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={}; HttpOnly; Secure; SameSite=Strict",
        max_age.num_seconds()
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict")
}

/// The session token in a request's `Cookie:` header, if any.
pub fn token_from_headers(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| crate::cookies::find(h, SESSION_COOKIE).map(str::to_owned))
}

/// The signed-in user of the request being served (server functions and pages).
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return Ok(None);
    };
    let Some(token) = token_from_headers(&parts.headers) else {
        return Ok(None);
    };
    let state = crate::state::AppState::from_context()?;
    user_for_token(&state.db, &token).await
}

/// Like [`current_user`], but a missing session is an error (401).
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// Start a passkey session for `user_id` and put its cookie on the current server-function
/// response.
pub async fn start_for_response(
    state: &crate::state::AppState,
    user_id: Uuid,
) -> Result<(), AppError> {
    let token = create(
        &state.db,
        user_id,
        state.session_lifetime,
        AuditEvent::SignIn,
    )
    .await?;
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(value) = http::HeaderValue::from_str(&set_cookie(&token, state.session_lifetime))
        {
            response.insert_header(http::header::SET_COOKIE, value);
        }
    }
    Ok(())
}
