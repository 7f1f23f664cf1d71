//! Files people download, built on request: the ballot summary and the savings table as CSV,
//! the minutes and the conclusions notice as PDF. Each checks who asks, as a server function
//! does.
pub mod ballot_summary;
pub mod minutes_pdf;
pub mod savings_csv;
