//! Documents of agenda items and ballots: versions, stored files, and the PDF writer.
#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod extract;
pub mod model;
#[cfg(feature = "ssr")]
pub mod pdf_writer;
#[cfg(feature = "ssr")]
pub mod store;
