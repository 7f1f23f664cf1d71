//! Analytics on the server side: the savings table as CSV.
pub mod savings_csv;
