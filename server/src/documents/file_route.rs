//! `GET /documents/{id}/file`: the latest version of a document, to the people who may read
//! it, with byte ranges (a reader asks for the pages it shows; only the chunks a range covers
//! are read). `?download=1` asks for an attachment — allowed where the secretariat permits
//! it, and audited. Never cached: `Cache-Control: private, no-store`.
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use serde::Deserialize;

use app::audit::event::AuditEvent;
use app::error::{AppError, BadInput};
use app::i18n::Lang;
use app::identity::model::Role;
use app::state::AppState;

use crate::respond::error_response;

#[derive(Debug, Deserialize)]
pub struct FileQuery {
    #[serde(default)]
    download: Option<String>,
}

pub async fn file(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<FileQuery>,
    headers: HeaderMap,
) -> Response {
    let download = query.download.as_deref() == Some("1");
    match serve(&state, &id, download, &headers).await {
        Ok(response) => response,
        Err(err) => error_response(&err, Lang::from_headers(&headers)),
    }
}

/// A Range header that no part of the body can satisfy (answered 416).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsatisfiable;

/// A single byte range of a body of `size` bytes: `Ok(None)` for the whole body (no or an
/// unsupported Range header), `Err` when it cannot be satisfied.
pub fn parse_range(header: Option<&str>, size: u64) -> Result<Option<(u64, u64)>, Unsatisfiable> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        // Several ranges: answering with the whole body is allowed.
        return Ok(None);
    }
    let (first, last) = spec.split_once('-').ok_or(Unsatisfiable)?;
    let (first, last) = (first.trim(), last.trim());
    let range = if first.is_empty() {
        // The last `n` bytes.
        let n: u64 = last.parse().map_err(|_| Unsatisfiable)?;
        if n == 0 || size == 0 {
            return Err(Unsatisfiable);
        }
        (size.saturating_sub(n), size - 1)
    } else {
        let start: u64 = first.parse().map_err(|_| Unsatisfiable)?;
        let end: u64 = if last.is_empty() {
            size.saturating_sub(1)
        } else {
            last.parse::<u64>()
                .map_err(|_| Unsatisfiable)?
                .min(size.saturating_sub(1))
        };
        if start >= size || end < start {
            return Err(Unsatisfiable);
        }
        (start, end)
    };
    Ok(Some(range))
}

fn disposition(kind: &str, file_name: &str) -> HeaderValue {
    // An ASCII fallback and the real (UTF-8) name, as RFC 6266 describes.
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(file_name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    HeaderValue::from_str(&format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("inline"))
}

async fn serve(
    state: &AppState,
    id: &str,
    download: bool,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let document_id = app::ids::parse_id(id, BadInput::Id)?;
    let user = app::identity::session::user_from_headers(state, headers).await?;
    let doc = app::documents::access::readable(&state.db, &user, document_id).await?;
    if download {
        if !(doc.downloadable || user.role == Role::Secretariat) {
            return Err(AppError::Forbidden);
        }
        app::audit::store::record(
            &state.db,
            Some(user.id),
            AuditEvent::DocumentDownloaded,
            Some(doc.document_id),
        )
        .await?;
    }
    let size = u64::try_from(doc.byte_size).unwrap_or(0);
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let (status, start, end) = match parse_range(range, size) {
        Ok(Some((start, end))) => (StatusCode::PARTIAL_CONTENT, start, end),
        Ok(None) => (StatusCode::OK, 0, size.saturating_sub(1)),
        Err(Unsatisfiable) => {
            let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{size}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            return Ok(response);
        }
    };
    let body = if size == 0 {
        Body::empty()
    } else {
        Body::from_stream(chunks(state.db.clone(), doc.sha256.clone(), start, end))
    };
    let mut response = Response::new(body);
    if let Ok(length) = HeaderValue::from_str(&(end + 1 - start).to_string()) {
        if size > 0 {
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, length);
        }
    }
    *response.status_mut() = status;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        disposition(
            if download { "attachment" } else { "inline" },
            &doc.file_name,
        ),
    );
    if status == StatusCode::PARTIAL_CONTENT {
        if let Ok(value) = HeaderValue::from_str(&format!("bytes {start}-{end}/{size}")) {
            h.insert(header::CONTENT_RANGE, value);
        }
    }
    Ok(response)
}

/// Bytes `start..=end` of a stored file as they are read, one stored chunk (256 KiB) at a
/// time: a large file is never held whole in memory (it was, about three times over).
fn chunks(
    db: app::db::Db,
    sha256: String,
    start: u64,
    end: u64,
) -> impl futures::Stream<Item = Result<axum::body::Bytes, std::io::Error>> {
    let size = app::documents::store::CHUNK_SIZE as u64;
    futures::stream::unfold(Some(start / size), move |next| {
        let (db, sha256) = (db.clone(), sha256.clone());
        async move {
            let index = next.filter(|index| *index <= end / size)?;
            let data = match app::documents::store::read_chunk(&db, &sha256, index).await {
                Ok(Some(data)) => data,
                Ok(None) => {
                    let missing = std::io::Error::other("a stored chunk is missing");
                    return Some((Err(missing), None));
                }
                Err(err) => return Some((Err(std::io::Error::other(err)), None)),
            };
            let base = index * size;
            let from = usize::try_from(start.saturating_sub(base)).unwrap_or(usize::MAX);
            let to = usize::try_from(end + 1 - base)
                .unwrap_or(usize::MAX)
                .min(data.len());
            let bytes = axum::body::Bytes::from(data);
            Some((Ok(bytes.slice(from.min(to)..to)), Some(index + 1)))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{parse_range, Unsatisfiable};

    #[test]
    fn ranges_as_readers_send_them() {
        assert_eq!(parse_range(None, 1000), Ok(None));
        assert_eq!(parse_range(Some("bytes=0-99"), 1000), Ok(Some((0, 99))));
        assert_eq!(parse_range(Some("bytes=900-"), 1000), Ok(Some((900, 999))));
        assert_eq!(parse_range(Some("bytes=-100"), 1000), Ok(Some((900, 999))));
        // An end past the body is cut to its last byte.
        assert_eq!(
            parse_range(Some("bytes=990-2000"), 1000),
            Ok(Some((990, 999)))
        );
        assert_eq!(parse_range(Some("bytes=0-1,5-9"), 1000), Ok(None));
        assert_eq!(parse_range(Some("items=0-1"), 1000), Ok(None));
    }

    #[test]
    fn impossible_ranges_are_refused() {
        assert_eq!(parse_range(Some("bytes=1000-"), 1000), Err(Unsatisfiable));
        assert_eq!(parse_range(Some("bytes=5-1"), 1000), Err(Unsatisfiable));
        assert_eq!(parse_range(Some("bytes=x-1"), 1000), Err(Unsatisfiable));
        assert_eq!(parse_range(Some("bytes=-0"), 1000), Err(Unsatisfiable));
    }
}
