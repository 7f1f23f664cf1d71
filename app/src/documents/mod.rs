//! Documents of agenda items and ballots: versions, stored files, and the PDF writer.
pub mod model;
#[cfg(feature = "ssr")]
pub mod pdf_writer;
#[cfg(feature = "ssr")]
pub mod store;
