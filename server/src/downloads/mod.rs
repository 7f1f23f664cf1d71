//! Files people download, built on request: the ballot summary, the savings table and the
//! tasks as CSV,
//! the minutes and the conclusions notice as PDF. Each checks who asks, as a server function
//! does.
pub mod ballot_summary;
pub mod minutes_pdf;
pub mod savings_csv;
pub mod tasks_csv;

use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue};

/// A CSV file to download as `file_name` (plain ASCII), never cached.
pub fn csv_file(bytes: Vec<u8>, file_name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
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
        .into_response()
}
