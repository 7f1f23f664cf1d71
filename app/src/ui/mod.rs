//! Shared pieces of pages: error pages, formatting, the upload widget.
pub mod error_pages;
pub mod format;
pub mod texts;
pub mod upload;
