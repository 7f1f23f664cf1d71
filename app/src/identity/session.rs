//! Server-side sessions. The browser holds a random token in a `__Host-` cookie (HttpOnly,
//! Secure, SameSite=Strict — browsers accept Secure cookies on http://localhost, so one setting
//! serves development and production); the database holds only the token's SHA-256, so a
//! leaked database cannot be replayed as cookies.
//!
//! Two timeouts: the absolute one (`expires_at`, set at sign-in) and inactivity (no action of
//! the person for `session_idle`). An idle session is *locked*, not deleted: the page stays,
//! and a passkey assertion by the same person opens a fresh session (a new token: ids rotate at
//! sign-in). Only a person's actions move the idle clock ([`Touch::Activity`]: opening a page,
//! or the page's `session_touch` when they touch, click or type); reads a page makes by itself
//! (server functions, polling, re-reads after live events, the live channel) never do, so an
//! unattended tablet locks however busy its page is.
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, SessionView};
use crate::ids::new_id;
use crate::{with_db, with_tx};

pub const SESSION_COOKIE: &str = "__Host-ecab_session";
/// `last_seen_at` is written at most this often per session (not on every request).
const TOUCH_EVERY_SECS: i64 = 30;

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
    create_replacing(db, user_id, lifetime, event, "", None, None).await
}

/// Like [`create`], recording the device (`User-Agent`) and ending the session of the old
/// cookie `replacing` (if any) in the same transaction: the session id rotates at sign-in.
pub async fn create_replacing(
    db: &Db,
    user_id: Uuid,
    lifetime: Duration,
    event: AuditEvent,
    user_agent: &str,
    replacing: Option<&str>,
    passkey: Option<Uuid>,
) -> Result<String, AppError> {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let token = hex::encode(raw);
    let now = Utc::now();
    let hash = token_hash(&token);
    let user_agent: String = user_agent.chars().take(200).collect();
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        if let Some(old) = replacing {
            sqlx::query("delete from session where token_sha256 = $1")
                .bind(token_hash(old))
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query(
            "insert into session
                 (id, token_sha256, user_id, user_agent, created_at, last_seen_at, expires_at,
                  passkey_id)
             values ($1, $2, $3, $4, $5, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(&hash)
        .bind(user_id)
        .bind(&user_agent)
        .bind(now)
        .bind(now + lifetime)
        .bind(passkey)
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

/// What a cookie's token stands for now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A live session of an active account.
    Active { user: CurrentUser, session_id: Uuid },
    /// The session exists but saw no request for longer than the inactivity timeout: the
    /// same person's passkey unlocks it.
    Locked { user_id: Uuid },
    /// No such session, expired, or the account was deactivated.
    None,
}

/// Whether a request is the person's own action, which moves the idle clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Touch {
    /// A page opened, or the page reporting a touch, click or key.
    Activity,
    /// Anything the page asks by itself.
    Read,
}

/// Look the token up; on [`Touch::Activity`] an active session's `last_seen_at` moves to now
/// (at most every 30 s).
pub async fn lookup(
    db: &Db,
    token: &str,
    idle: Duration,
    touch: Touch,
) -> Result<Lookup, AppError> {
    let hash = token_hash(token);
    let now = Utc::now();
    let Some((session_id, last_seen, user)) = super::store::session_user(db, &hash, now).await?
    else {
        return Ok(Lookup::None);
    };
    if now - last_seen > idle {
        return Ok(Lookup::Locked { user_id: user.id });
    }
    if touch == Touch::Activity && now - last_seen > Duration::seconds(TOUCH_EVERY_SECS) {
        with_db!(db, |pool| {
            sqlx::query("update session set last_seen_at = $1 where id = $2")
                .bind(now)
                .bind(session_id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
    }
    Ok(Lookup::Active { user, session_id })
}

/// When session `id` last saw its person, if it still exists, has not expired and belongs to
/// an active account (it may be locked). Does not count as activity.
pub async fn still_open(db: &Db, id: Uuid) -> Result<Option<DateTime<Utc>>, AppError> {
    let row: Option<(DateTime<Utc>,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select s.last_seen_at from session s join user_account u on u.id = s.user_id
             where s.id = $1 and s.expires_at > $2 and u.active",
        )
        .bind(id)
        .bind(Utc::now())
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(at,)| at))
}

/// The active user behind `token`, if the session is neither gone, expired nor locked.
pub async fn user_for_token(
    db: &Db,
    token: &str,
    idle: Duration,
) -> Result<Option<CurrentUser>, AppError> {
    Ok(match lookup(db, token, idle, Touch::Read).await? {
        Lookup::Active { user, .. } => Some(user),
        _ => None,
    })
}

/// The sessions of `user_id` that have not expired, newest first; `current` is marked.
pub async fn list(db: &Db, user_id: Uuid, current: Uuid) -> Result<Vec<SessionView>, AppError> {
    let rows: Vec<(Uuid, String, DateTime<Utc>, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, user_agent, created_at, last_seen_at from session
             where user_id = $1 and expires_at > $2 order by created_at desc",
        )
        .bind(user_id)
        .bind(Utc::now())
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, user_agent, created_at, last_seen_at)| SessionView {
            id,
            device: describe_device(&user_agent),
            created_at,
            last_seen_at,
            current: id == current,
        })
        .collect())
}

/// End every session of `user_id` except `keep` (all when `None`), in the caller's
/// transaction. Returns how many ended.
pub async fn end_all_in(
    tx: &mut crate::db::Tx,
    user_id: Uuid,
    keep: Option<Uuid>,
) -> Result<u64, sqlx::Error> {
    let ended = with_tx!(tx, |conn| {
        sqlx::query("delete from session where user_id = $1 and ($2 is null or id <> $2)")
            .bind(user_id)
            .bind(keep)
            .execute(&mut *conn)
            .await?
            .rows_affected()
    });
    Ok(ended)
}

/// A short, human description of a `User-Agent` ("Chrome · Android").
pub fn describe_device(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| *name);
    let system = [
        ("iPad", "iPadOS"),
        ("iPhone", "iOS"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        (None, None) => "—".to_owned(),
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

/// The signed-in user of a plain route's request (not a server function), or 401.
pub async fn user_from_headers(
    state: &crate::state::AppState,
    headers: &http::HeaderMap,
) -> Result<CurrentUser, AppError> {
    let token = token_from_headers(headers).ok_or(AppError::Unauthenticated)?;
    // A file, a picture, an export: fetched by the page (pdf.js reads in ranges) as often as
    // asked for by the person; they do not move the idle clock.
    match lookup(&state.db, &token, state.session_idle, Touch::Read).await? {
        Lookup::Active { user, .. } => Ok(user),
        _ => Err(AppError::Unauthenticated),
    }
}

/// The session token the request in context carries.
pub fn request_token() -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    token_from_headers(&parts.headers)
}

/// The current request's session (server functions and pages). Opening a page is the
/// person's action; a server function is not (the page calls `session_touch` for theirs).
pub async fn current() -> Result<Lookup, AppError> {
    let Some(token) = request_token() else {
        return Ok(Lookup::None);
    };
    let touch = match leptos::prelude::use_context::<http::request::Parts>() {
        Some(parts)
            if parts.method == http::Method::GET && !parts.uri.path().starts_with("/api/") =>
        {
            Touch::Activity
        }
        _ => Touch::Read,
    };
    let state = crate::state::AppState::from_context()?;
    crate::identity::render_memo::RenderMemo::session(&token, async || {
        lookup(&state.db, &token, state.session_idle, touch).await
    })
    .await
}

/// The person touched, clicked or typed on their page: move the idle clock (or 401 when the
/// session is already locked or gone).
pub async fn touch() -> Result<(), AppError> {
    let token = request_token().ok_or(AppError::Unauthenticated)?;
    let state = crate::state::AppState::from_context()?;
    match lookup(&state.db, &token, state.session_idle, Touch::Activity).await? {
        Lookup::Active { .. } => Ok(()),
        _ => Err(AppError::Unauthenticated),
    }
}

/// The signed-in user of the request being served (server functions and pages).
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    Ok(match current().await? {
        Lookup::Active { user, .. } => Some(user),
        _ => None,
    })
}

/// Like [`current_user`], but a missing or locked session is an error (401).
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in caller of a server function (or 401) and the app's state.
pub async fn caller() -> Result<(CurrentUser, crate::state::AppState), AppError> {
    let user = require_user().await?;
    Ok((user, crate::state::AppState::from_context()?))
}

/// The signed-in user and the id of their session, or 401.
pub async fn require_session() -> Result<(CurrentUser, Uuid), AppError> {
    match current().await? {
        Lookup::Active { user, session_id } => Ok((user, session_id)),
        _ => Err(AppError::Unauthenticated),
    }
}

/// Start a passkey session for `user_id` and put its cookie on the current server-function
/// response, replacing the request's old session (rotation; also how a locked one unlocks).
pub async fn start_for_response(
    state: &crate::state::AppState,
    user_id: Uuid,
    passkey: Uuid,
) -> Result<(), AppError> {
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    let user_agent = parts
        .as_ref()
        .and_then(|p| p.headers.get(http::header::USER_AGENT))
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let old = parts.as_ref().and_then(|p| token_from_headers(&p.headers));
    let token = create_replacing(
        &state.db,
        user_id,
        state.session_lifetime,
        AuditEvent::SignIn,
        &user_agent,
        old.as_deref(),
        Some(passkey),
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

/// How recently a session must have been started (with a passkey, at sign-in or unlock) for
/// its person to add another passkey: a page left open is not enough to add one's own device
/// to someone's account.
pub const FRESH_FOR_NEW_PASSKEY: Duration = Duration::minutes(5);

/// Whether session `id` was started within [`FRESH_FOR_NEW_PASSKEY`].
pub async fn is_fresh(db: &Db, id: Uuid) -> Result<bool, AppError> {
    let row: Option<(DateTime<Utc>,)> = with_db!(db, |pool| {
        sqlx::query_as("select created_at from session where id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.is_some_and(|(at,)| Utc::now() - at <= FRESH_FOR_NEW_PASSKEY))
}

#[cfg(test)]
mod tests {
    use super::describe_device;

    #[test]
    fn devices_are_described_briefly() {
        assert_eq!(
            describe_device("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"),
            "Chrome · Android"
        );
        assert_eq!(
            describe_device("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/604.1"),
            "Safari · iPadOS"
        );
        assert_eq!(describe_device(""), "—");
    }
}
