//! Search over everything a person may read: meeting and item titles, documents (titles,
//! file names and full text, ballot documents included), comments, conclusions and
//! finalised minutes, accent-insensitively in Vietnamese ("chinh phu" finds "Chính phủ").
//! Text is cut into terms by our own tokenizer (`crate::terms`) before either engine indexes it,
//! so SQLite (FTS5) and PostgreSQL (`tsvector`) find the same pages; results pass the same
//! authorization as the pages that show each record (`scope`).
pub mod api;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
pub mod highlight;
pub mod hits_views;
pub mod model;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod records;
#[cfg(feature = "ssr")]
pub mod reindex;
#[cfg(feature = "ssr")]
pub mod scope;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
pub mod views;
