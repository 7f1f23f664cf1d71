//! What free text may contain, checked once for every server function before it runs, the
//! same on both engines: valid UTF-8 (a `%FF` is refused, not stored as "�"), no control
//! characters (a NUL was stored by SQLite and refused by PostgreSQL with a 500), and at most a
//! length per kind of field (a title of 100,000 characters was stored). Line breaks and tabs
//! are text, not control characters.
//!
//! The checker walks a request's fields by name (`server/src/text_guard.rs` decodes form and
//! JSON bodies); a field's name (the last part of `form[title]`, or a JSON key) says its kind.
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The kinds of field a problem is reported for, named in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextField {
    Title,
    Name,
    Place,
    Email,
    Phone,
    /// A longer text: a comment, a reason, a question, an opinion, a note.
    Text,
    /// A file's content pasted or read in (CSV imports).
    File,
    /// Anything else (identifiers, choices, codes).
    Other,
}

/// What is wrong with a field's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextProblem {
    /// Not valid UTF-8 (a broken percent-encoding).
    NotUtf8,
    /// A control character (NUL, escape, …).
    ControlCharacter,
    /// Longer than the field allows, in characters.
    TooLong { max: u32 },
}

impl TextField {
    /// The kind of the field named `key` (`form[full_name]` → `full_name`).
    pub fn of(key: &str) -> TextField {
        let name = key.rsplit('[').next().unwrap_or(key).trim_end_matches(']');
        match name {
            "title" => TextField::Title,
            "full_name" | "name" | "presenter" => TextField::Name,
            "place" => TextField::Place,
            "email" => TextField::Email,
            "phone" => TextField::Phone,
            "csv" => TextField::File,
            "body" | "text" | "comment" | "reason" | "question" | "conclusion" | "summary"
            | "minutes" | "query" | "q" => TextField::Text,
            _ => TextField::Other,
        }
    }

    /// The most characters the field takes.
    pub fn max_chars(self) -> usize {
        match self {
            TextField::Title | TextField::Name | TextField::Place => 500,
            TextField::Email => 254,
            TextField::Phone => 40,
            // Minutes of a long session; each domain keeps its own tighter limit (a comment
            // 5,000, a note 10,000).
            TextField::Text => 100_000,
            TextField::File => 1_000_000,
            // Identifiers, choices, codes, and the browser's passkey answers (base64).
            TextField::Other => 20_000,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TextField::Title, Lang::Vi) => "Tên, tiêu đề",
            (TextField::Title, Lang::En) => "Title",
            (TextField::Name, Lang::Vi) => "Họ tên, tên",
            (TextField::Name, Lang::En) => "Name",
            (TextField::Place, Lang::Vi) => "Địa điểm",
            (TextField::Place, Lang::En) => "Place",
            (TextField::Email, Lang::Vi) => "Thư điện tử",
            (TextField::Email, Lang::En) => "E-mail",
            (TextField::Phone, Lang::Vi) => "Điện thoại",
            (TextField::Phone, Lang::En) => "Phone",
            (TextField::Text, Lang::Vi) => "Nội dung",
            (TextField::Text, Lang::En) => "Text",
            (TextField::File, Lang::Vi) => "Tệp",
            (TextField::File, Lang::En) => "File",
            (TextField::Other, Lang::Vi) => "Một trường",
            (TextField::Other, Lang::En) => "A field",
        }
    }
}

/// The message for `problem` in `field`, in `lang`.
pub fn message(field: TextField, problem: TextProblem, lang: Lang) -> String {
    let label = field.label(lang);
    match (problem, lang) {
        (TextProblem::NotUtf8, Lang::Vi) => format!("«{label}»: văn bản không đúng mã UTF-8."),
        (TextProblem::NotUtf8, Lang::En) => format!("“{label}”: the text is not valid UTF-8."),
        (TextProblem::ControlCharacter, Lang::Vi) => {
            format!("«{label}»: có ký tự điều khiển không được phép.")
        }
        (TextProblem::ControlCharacter, Lang::En) => {
            format!("“{label}”: contains a control character that is not allowed.")
        }
        (TextProblem::TooLong { max }, Lang::Vi) => {
            format!("«{label}»: dài quá {max} ký tự.")
        }
        (TextProblem::TooLong { max }, Lang::En) => {
            format!("“{label}”: longer than {max} characters.")
        }
    }
}

/// Line breaks and tabs are text; every other C0 or C1 control (and DEL) is not.
fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Check the value of the field named `key`.
pub fn check(key: &str, value: &str) -> Result<(), (TextField, TextProblem)> {
    let field = TextField::of(key);
    if value.chars().any(is_refused_control) {
        return Err((field, TextProblem::ControlCharacter));
    }
    let max = field.max_chars();
    if value.len() > max && value.chars().count() > max {
        return Err((
            field,
            TextProblem::TooLong {
                max: u32::try_from(max).unwrap_or(u32::MAX),
            },
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_known_by_the_last_part_of_their_name() {
        assert_eq!(TextField::of("form[title]"), TextField::Title);
        assert_eq!(TextField::of("account[full_name]"), TextField::Name);
        assert_eq!(TextField::of("body"), TextField::Text);
        assert_eq!(TextField::of("csv"), TextField::File);
        assert_eq!(TextField::of("id"), TextField::Other);
    }

    #[test]
    fn control_characters_are_refused_but_not_line_breaks() {
        assert_eq!(
            check("body", "a\0b"),
            Err((TextField::Text, TextProblem::ControlCharacter))
        );
        assert_eq!(
            check("form[title]", "T\u{1b}[31m"),
            Err((TextField::Title, TextProblem::ControlCharacter))
        );
        assert_eq!(
            check("body", "x\u{85}"),
            Err((TextField::Text, TextProblem::ControlCharacter))
        );
        assert_eq!(check("body", "Dòng 1\r\nDòng 2\tcột"), Ok(()));
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        // 500 Vietnamese letters of two or three bytes each fit a title; 501 do not.
        assert_eq!(check("title", &"ệ".repeat(500)), Ok(()));
        assert_eq!(
            check("title", &"ệ".repeat(501)),
            Err((TextField::Title, TextProblem::TooLong { max: 500 }))
        );
        assert_eq!(check("body", &"a".repeat(100_000)), Ok(()));
        assert_eq!(
            check("account[full_name]", &"a".repeat(100_000)),
            Err((TextField::Name, TextProblem::TooLong { max: 500 }))
        );
    }
}
