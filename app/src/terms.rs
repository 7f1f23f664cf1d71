//! Our one tokenizer. Text is cut into terms here, in Rust, before either engine sees it:
//! SQLite's FTS5 (`ascii` tokenizer) and PostgreSQL's `tsvector` (built by position, without
//! its parser) index the same terms at the same positions, so both find the same pages.
//!
//! The rules, on folded text (lower case, accents removed, "đ" as "d"):
//! - a term is a run of letters or of digits: everything else separates terms, and a letter
//!   next to a digit starts a new term ("01/nq-cp" → `1 nq cp`, "covid19" → `covid 19`);
//! - a number written with thousands dots is one term ("1.234.567" → `1234567`;
//!   "1.234,5" → `1234 5`);
//! - leading zeros are dropped ("01" → `1`, "03/12/2024" and "3/12/2024" agree);
//! - a term longer than [`MAX_TERM_CHARS`] is left out (no one types it; PostgreSQL refuses
//!   lexemes over 2 KB), and a text keeps its first [`MAX_TERMS`] terms (PostgreSQL's last
//!   word position).
//!
//! A query is cut the same way and matched as a phrase: its terms, in order, at consecutive
//! positions. So `01/NQ-CP`, `01 NQ CP` and `01/nq-cp` are all the phrase `1 nq cp`, and a
//! compound is found whole or by any run of its parts.

/// The longest term kept, in characters.
pub const MAX_TERM_CHARS: usize = 64;
/// The most terms a text is indexed by (PostgreSQL positions stop at 16,383).
pub const MAX_TERMS: usize = 16_383;
/// The most terms a query keeps.
pub const MAX_QUERY_TERMS: usize = 12;

/// One term and where it stands in the text it was cut from (char indices, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Digit,
    Letter,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_alphanumeric() {
        Class::Letter
    } else {
        Class::Other
    }
}

/// Where a number starting at `start` (a digit run `start..end`) ends when it carries
/// thousands dots: a group of 1–3 digits, then one or more `.ddd` groups, the last not
/// followed by another digit. `end` itself when it does not.
fn thousands_end(chars: &[char], start: usize, end: usize) -> usize {
    if end - start > 3 {
        return end;
    }
    let mut at = end;
    loop {
        let group = at + 1..at + 4;
        let dotted = chars.get(at) == Some(&'.')
            && group
                .clone()
                .all(|i| chars.get(i).is_some_and(char::is_ascii_digit))
            && !chars.get(at + 4).is_some_and(char::is_ascii_digit);
        if !dotted {
            return at;
        }
        at += 4;
    }
}

/// The terms of folded text, in order.
pub fn terms(folded: &str) -> Vec<Term> {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() && out.len() < MAX_TERMS {
        let kind = class(chars[at]);
        if kind == Class::Other {
            at += 1;
            continue;
        }
        let start = at;
        while at < chars.len() && class(chars[at]) == kind {
            at += 1;
        }
        let mut text: String = chars[start..at].iter().collect();
        if kind == Class::Digit {
            let end = thousands_end(&chars, start, at);
            if end > at {
                text = chars[start..end].iter().filter(|c| **c != '.').collect();
                at = end;
            }
            let trimmed = text.trim_start_matches('0');
            text = if trimmed.is_empty() { "0" } else { trimmed }.to_owned();
        }
        if text.chars().count() <= MAX_TERM_CHARS {
            out.push(Term {
                text,
                start,
                end: at,
            });
        }
    }
    out
}

/// What an index stores for folded text: its terms, one space between each.
pub fn index_terms(folded: &str) -> String {
    terms(folded)
        .into_iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a short name (a document's title, a file's name) stores to be found by a phrase
/// without reading it: its terms between spaces, a space at each end. A phrase stands in it
/// exactly when ` its terms ` is a substring ([`phrase_pattern`]).
pub fn name_terms(name: &str) -> String {
    let folded = crate::fold::fold(&crate::fold::normalise(name));
    format!(" {} ", index_terms(&folded))
}

/// A `like` pattern that matches the [`name_terms`] of a name holding the phrase `query`
/// (terms are letters and digits: nothing in them is special to `like`).
pub fn phrase_pattern(query: &[String]) -> String {
    format!("% {} %", query.join(" "))
}

/// The terms of a query as typed (accents and case aside), at most [`MAX_QUERY_TERMS`].
pub fn query_terms(query: &str) -> Vec<String> {
    let folded = crate::fold::fold(&crate::fold::normalise(query));
    terms(&folded)
        .into_iter()
        .take(MAX_QUERY_TERMS)
        .map(|t| t.text)
        .collect()
}

/// Every place the phrase `query` stands in `terms` (char spans of the text they were cut
/// from), in order, not overlapping.
pub fn phrase_spans(terms: &[Term], query: &[String]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    if query.is_empty() {
        return spans;
    }
    let mut i = 0;
    while i + query.len() <= terms.len() {
        let window = &terms[i..i + query.len()];
        if window.iter().zip(query).all(|(t, q)| t.text == *q) {
            spans.push((window[0].start, window[query.len() - 1].end));
            i += query.len();
        } else {
            i += 1;
        }
    }
    spans
}

/// Where the phrase `query` stands in folded text (char spans).
pub fn find_all(folded: &str, query: &[String]) -> Vec<(usize, usize)> {
    phrase_spans(&terms(folded), query)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name holds a phrase when the pattern's middle stands in its terms: worked by hand.
    #[test]
    fn names_hold_phrases_as_runs_of_whole_terms() {
        assert_eq!(
            name_terms("Tờ trình số 01/TTr-BKHĐT.pdf"),
            " to trinh so 1 ttr bkhdt pdf "
        );
        assert_eq!(name_terms(""), "  ");
        let holds = |name: &str, query: &str| {
            let pattern = phrase_pattern(&query_terms(query));
            let middle = pattern.trim_matches('%');
            name_terms(name).contains(middle)
        };
        assert!(holds("Tờ trình số 01/TTr-BKHĐT.pdf", "01 ttr"));
        assert!(holds("Tờ trình số 01/TTr-BKHĐT.pdf", "to trinh"));
        assert!(!holds("Tờ trình số 01/TTr-BKHĐT.pdf", "trinh to"));
        // A term is whole: "trinh" does not hold "tri", nor "10" hold "1".
        assert!(!holds("Tờ trình", "tri"));
        assert!(!holds("Số 10", "1"));
    }

    fn cut(text: &str) -> String {
        let folded = crate::fold::fold(&crate::fold::normalise(text));
        index_terms(&folded)
    }

    #[test]
    fn document_numbers_are_cut_into_their_parts() {
        assert_eq!(cut("Nghị quyết số 01/NQ-CP"), "nghi quyet so 1 nq cp");
        assert_eq!(cut("45/2019/NĐ-CP"), "45 2019 nd cp");
        assert_eq!(cut("Số: 123/QĐ-TTg"), "so 123 qd ttg");
        assert_eq!(cut("1234/BKHĐT-TH"), "1234 bkhdt th");
    }

    #[test]
    fn every_way_of_typing_a_number_is_the_same_phrase() {
        let want = ["1", "nq", "cp"];
        for typed in ["01/NQ-CP", "01 NQ CP", "01/nq-cp", "01-nq/cp", "01NQ-CP"] {
            assert_eq!(query_terms(typed), want, "{typed}");
        }
    }

    #[test]
    fn dates_decimals_and_thousands() {
        assert_eq!(cut("ngày 12/3/2024"), "ngay 12 3 2024");
        assert_eq!(cut("03/12/2024"), cut("3/12/2024"));
        assert_eq!(cut("12.03.2024"), "12 3 2024");
        assert_eq!(cut("1.234,5 tỷ đồng"), "1234 5 ty dong");
        assert_eq!(cut("1.234.567 người"), "1234567 nguoi");
        // Not thousands: a fourth digit, a group of two, a long first group.
        assert_eq!(cut("1.2345"), "1 2345");
        assert_eq!(cut("3.14"), "3 14");
        assert_eq!(cut("2024.123"), "2024 123");
        assert_eq!(cut("000"), "0");
    }

    #[test]
    fn abbreviations_and_compounds() {
        assert_eq!(cut("UBND tỉnh"), "ubnd tinh");
        assert_eq!(cut("kinh tế-xã hội"), "kinh te xa hoi");
        assert_eq!(cut("COVID-19, covid19"), "covid 19 covid 19");
        assert_eq!(cut("Điều 5a"), "dieu 5 a");
    }

    #[test]
    fn terms_keep_their_places_in_the_text() {
        let folded = crate::fold::fold("Số 01/NQ-CP ngày 1.234");
        let t = terms(&folded);
        let places: Vec<(&str, usize, usize)> = t
            .iter()
            .map(|t| (t.text.as_str(), t.start, t.end))
            .collect();
        assert_eq!(
            places,
            [
                ("so", 0, 2),
                ("1", 3, 5),
                ("nq", 6, 8),
                ("cp", 9, 11),
                ("ngay", 12, 16),
                ("1234", 17, 22)
            ]
        );
    }

    #[test]
    fn long_terms_are_left_out() {
        let long = "a".repeat(MAX_TERM_CHARS + 1);
        assert_eq!(cut(&format!("x {long} y")), "x y");
        assert_eq!(cut(&"a".repeat(MAX_TERM_CHARS)).len(), MAX_TERM_CHARS);
    }

    #[test]
    fn phrases_are_found_wherever_they_stand() {
        let folded = crate::fold::fold("Nghị quyết 01/NQ-CP và nghị quyết 1 NQ CP");
        let q = query_terms("nghị quyết 01/NQ-CP");
        assert_eq!(find_all(&folded, &q), [(0, 19), (23, 41)]);
        // Part of a compound, and not a part of a word.
        assert_eq!(find_all(&folded, &query_terms("NQ-CP")).len(), 2);
        assert!(find_all("nqcp", &query_terms("nq")).is_empty());
        assert!(find_all(&folded, &[]).is_empty());
    }
}
