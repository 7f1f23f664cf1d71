//! `GET /ballots/{id}/summary.csv`: the summary of opinions of a closed ballot, for the
//! secretariat. Not cached.
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue};

use app::error::{AppError, BadInput, OrInternal};
use app::i18n::Lang;
use app::state::AppState;

use crate::respond::error_response;

pub async fn summary_csv(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    match serve(&state, &id, &headers).await {
        Ok(response) => response,
        Err(err) => error_response(&err, Lang::from_headers(&headers)),
    }
}

async fn serve(state: &AppState, id: &str, headers: &HeaderMap) -> Result<Response, AppError> {
    let ballot = app::ids::parse_id(id, BadInput::Id)?;
    let user = app::identity::session::user_from_headers(state, headers).await?;
    let (name, bytes) = app::ballots::summary::csv(&state.db, &user, ballot).await?;
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).or_internal()?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        bytes,
    )
        .into_response())
}
