//! Documents on the server side: reading PDFs in a sandboxed child process with limits (a
//! hostile PDF can never crash or hang the server, nor reach its data), and the background job
//! that extracts their text for search.
pub mod file_route;
pub mod jobs;
pub mod legacy_encoding;
pub mod page_text;
pub mod pdf_child;
pub mod picture_route;
pub mod sandbox;
pub mod upload_route;
