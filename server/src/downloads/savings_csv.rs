//! `GET /analytics/savings.csv`: every closed meeting's savings, for the secretariat and the
//! Government's leaders. Not cached.
use axum::extract::State;
use axum::response::Response;
use http::HeaderMap;

use app::error::AppError;
use app::i18n::Lang;
use app::state::AppState;

use crate::respond::error_response;

pub async fn savings_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match serve(&state, &headers).await {
        Ok(response) => response,
        Err(err) => error_response(&err, Lang::from_headers(&headers)),
    }
}

async fn serve(state: &AppState, headers: &HeaderMap) -> Result<Response, AppError> {
    let user = app::identity::session::user_from_headers(state, headers).await?;
    let bytes = app::analytics::store::csv(&state.db, &user).await?;
    Ok(super::csv_file(bytes, "hieu-qua-chinh-phu-dien-tu.csv"))
}
