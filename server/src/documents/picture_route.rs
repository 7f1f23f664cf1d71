//! `GET /documents/{id}/first-page`: the picture of the first page of a document's latest
//! version (a JPEG made when its text was read), to the people who may read the document. The
//! reader page shows it at once, while pdf.js loads; 404 where no picture was made. Never
//! cached: `Cache-Control: private, no-store`, as the file itself.
use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue};

use app::error::{AppError, BadInput};
use app::i18n::Lang;
use app::state::AppState;

use crate::respond::error_response;

pub async fn first_page(
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
    let document_id = app::ids::parse_id(id, BadInput::Id)?;
    let user = app::identity::session::user_from_headers(state, headers).await?;
    let doc = app::documents::access::readable(&state.db, &user, document_id).await?;
    let jpeg = app::documents::store::first_page_picture(&state.db, &doc.sha256)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut response = Response::new(Body::from(jpeg));
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}
