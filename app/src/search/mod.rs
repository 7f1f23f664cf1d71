//! Search over everything a person may see: meeting and item titles and the full text of
//! documents, accent-insensitively in Vietnamese ("chinh phu" finds "Chính phủ", "da nang"
//! finds "Đà Nẵng"). SQLite FTS5 on the embedded engine, PostgreSQL full-text search on
//! Postgres, one API; results pass the same authorization as everything else.
pub mod api;
#[cfg(feature = "ssr")]
pub mod fold;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
pub mod views;
