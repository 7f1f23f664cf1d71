//! Text cells of the CSV files we hand out, made safe for spreadsheet programs; and the days
//! and columns of the CSV files people hand in.
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
//! by Excel and LibreOffice (CSV injection: `=HYPERLINK(...)` leaks data, DDE runs programs).
//! Such a cell gets a leading apostrophe, which those programs show as text. Only free text
//! passes through here (titles, names, opinions, comments); numbers we write ourselves, such
//! as a negative percentage, stay numbers.
use std::borrow::Cow;

/// A day in a file people wrote: YYYY-MM-DD or DD/MM/YYYY.
pub fn day(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// Where the column named any of `names` (lower case) stands in a CSV header.
#[cfg(feature = "ssr")]
pub fn column(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

/// The cell as a spreadsheet should show it: as text, never as a formula.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn every_formula_start_is_neutralised() {
        for (cell, shown) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+84 24 3823 4567", "'+84 24 3823 4567"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
        ] {
            assert_eq!(text_cell(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn ordinary_text_is_left_as_it_is() {
        for cell in [
            "Đồng ý",
            "",
            "Bộ Tài chính = đầu mối",
            " =1",
            "'quoted",
            "12,5",
        ] {
            assert_eq!(text_cell(cell), cell, "{cell:?}");
        }
    }
}
