//! Plain routes answer errors the way pages do: the status of the error and its message in
//! the user's language.
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};

use app::error::AppError;
use app::i18n::Lang;

pub fn error_response(err: &AppError, lang: Lang) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        err.message(lang),
    )
        .into_response();
    if let AppError::TooManyRequests { retry_after_secs } = err {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, (*retry_after_secs).into());
    }
    response
}
