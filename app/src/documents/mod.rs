//! Documents of agenda items and ballots: versions, stored files, and the PDF writer.
#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod extract;
pub mod model;
#[cfg(feature = "ssr")]
pub mod notes;
#[cfg(feature = "ssr")]
pub mod pdf_writer;
pub mod reader_api;
pub mod reader_views;
#[cfg(feature = "ssr")]
pub mod reading;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
