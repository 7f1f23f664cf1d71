//! Meetings on the server side: the minutes and the conclusions notice as PDF.
pub mod minutes_pdf;
