//! Shared pieces of pages: error pages, formatting, the upload widget, scrolling tables,
//! the confirmation of irreversible acts, unsaved form values that outlive a re-read, and
//! charts (server-rendered SVG) for numbers people compare.
pub mod charts;
pub mod confirm;
pub mod csv_picker;
pub mod drafts;
pub mod error_pages;
pub mod format;
pub mod table_scroll;
pub mod texts;
pub mod upload;
