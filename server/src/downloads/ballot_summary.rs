//! `GET /ballots/{id}/summary.csv`: the summary of opinions of a closed ballot, for the
//! secretariat. Not cached.
use axum::extract::{Path, State};
use axum::response::Response;
use http::HeaderMap;

use app::error::{AppError, BadInput};
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
    Ok(super::csv_file(bytes, &name))
}
