//! `GET /meetings/{id}/minutes.pdf` and `GET /meetings/{id}/conclusions.pdf`: the minutes and
//! the conclusions notice as PDF (A4, DejaVu Sans embedded, so the Vietnamese text prints
//! and extracts as written). Who may read them is decided as for their pages.
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue};

use app::error::{AppError, BadInput, OrInternal};
use app::i18n::Lang;
use app::state::AppState;

use crate::respond::error_response;

#[derive(Clone, Copy)]
enum Which {
    Minutes,
    Conclusions,
}

pub async fn minutes(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    respond(&state, &id, &headers, Which::Minutes).await
}

pub async fn conclusions(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    respond(&state, &id, &headers, Which::Conclusions).await
}

async fn respond(state: &AppState, id: &str, headers: &HeaderMap, which: Which) -> Response {
    match serve(state, id, headers, which).await {
        Ok(response) => response,
        Err(err) => error_response(&err, Lang::from_headers(headers)),
    }
}

/// The meeting's date in its own time zone (already known to be the caller's to see).
async fn meeting_date(
    state: &AppState,
    meeting: uuid::Uuid,
) -> Result<chrono::NaiveDate, AppError> {
    let (starts_at, zone): (chrono::DateTime<chrono::Utc>, String) =
        app::with_db!(&state.db, |pool| {
            sqlx::query_as("select starts_at, time_zone from meeting where id = $1")
                .bind(meeting)
                .fetch_one(pool)
                .await
        })?;
    let zone: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Asia::Ho_Chi_Minh);
    Ok(starts_at.with_timezone(&zone).date_naive())
}

async fn serve(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
    which: Which,
) -> Result<Response, AppError> {
    let meeting = app::ids::parse_id(id, BadInput::MeetingId)?;
    let user = app::identity::session::user_from_headers(state, headers).await?;
    let (text, name) = match which {
        Which::Minutes => (
            app::room::minutes_store::view(&state.db, &user, meeting)
                .await?
                .body,
            "bien-ban",
        ),
        Which::Conclusions => (
            app::room::minutes_store::notice(&state.db, &user, meeting).await?,
            "thong-bao-ket-luan",
        ),
    };
    // Laying out text is CPU work: off the async workers.
    let pdf = tokio::task::spawn_blocking(move || {
        app::documents::pdf_writer::render(&app::room::minutes::as_document(&text))
    })
    .await
    .or_internal()?
    .map_err(|err| AppError::internal(format_args!("minutes PDF not rendered: {err}")))?;
    let date = meeting_date(state, meeting).await?;
    // Saved, under a name a person recognises: the kind of paper and the meeting's date.
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}-{date}.pdf\""))
        .or_internal()?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        pdf.bytes,
    )
        .into_response())
}
