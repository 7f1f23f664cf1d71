//! The one idiom for words people read, in two macros:
//!
//! - [`texts!`](crate::texts): a domain's words, each field with its Vietnamese and its English
//!   side by side; it makes the struct, both languages' values and `texts(lang)`.
//! - [`labelled_enum!`](crate::labelled_enum): an enum stored or sent by name and shown to
//!   people: each variant's stable name (`as_str`, `parse`, serde) and its labels (`label`).
//!
//! Either way a missing translation does not compile.
//!
//! ```text
//! crate::labelled_enum! {
//!     /// What became of a document's text.
//!     pub enum TextStatus {
//!         Queued => "queued", "Chờ trích xuất văn bản", "Text: waiting";
//!     }
//! }
//! ```

/// A domain's words: `field: "tiếng Việt", "English";` for each, Vietnamese first. Makes
/// `pub struct $name` of `&'static str` fields, its value in each language, and
/// `pub fn texts(lang) -> &'static $name`.
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$doc:meta])* $field:ident: $vi:expr, $en:expr; )*
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$doc])* pub $field: &'static str, )*
        }

        static VI: $name = $name { $( $field: $vi, )* };
        static EN: $name = $name { $( $field: $en, )* };

        /// These words in `lang`.
        pub fn texts(lang: $crate::i18n::Lang) -> &'static $name {
            match lang {
                $crate::i18n::Lang::Vi => &VI,
                $crate::i18n::Lang::En => &EN,
            }
        }
    };
}

/// An enum with, for each variant, its stored name and its Vietnamese and English labels.
#[macro_export]
macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$doc:meta])* $variant:ident => $stored:literal, $vi:literal, $en:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $( $(#[$doc])* #[serde(rename = $stored)] $variant, )*
        }

        impl $name {
            /// Every value, in the order written.
            pub const ALL: &'static [$name] = &[$( $name::$variant, )*];

            /// The stable name, as stored and sent.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $stored, )* }
            }

            /// The value a stored name stands for (`None`: not one of ours).
            pub fn parse(stored: &str) -> Option<$name> {
                match stored {
                    $( $stored => Some($name::$variant), )*
                    _ => None,
                }
            }

            /// As people read it, in `lang`.
            pub fn label(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $( ($name::$variant, $crate::i18n::Lang::Vi) => $vi,
                       ($name::$variant, $crate::i18n::Lang::En) => $en, )*
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    crate::labelled_enum! {
        /// Two values, to check what the macro gives.
        enum Sample {
            First => "first", "Thứ nhất", "First";
            Second => "second_one", "Thứ hai", "Second";
        }
    }

    crate::texts! {
        /// Two words, to check what the macro gives.
        pub struct Words {
            yes: "Có", "Yes";
            no: "Không", "No";
        }
    }

    #[test]
    fn words_follow_the_language() {
        assert_eq!(texts(Lang::Vi).yes, "Có");
        assert_eq!(texts(Lang::En).no, "No");
    }

    #[test]
    fn names_parse_back_and_labels_follow_the_language() {
        assert_eq!(Sample::ALL, &[Sample::First, Sample::Second]);
        assert_eq!(Sample::Second.as_str(), "second_one");
        assert_eq!(Sample::parse("second_one"), Some(Sample::Second));
        assert_eq!(Sample::parse("Second"), None);
        assert_eq!(Sample::First.label(Lang::Vi), "Thứ nhất");
        assert_eq!(Sample::Second.label(Lang::En), "Second");
        assert_eq!(
            serde_json::to_string(&Sample::Second).ok().as_deref(),
            Some("\"second_one\"")
        );
    }
}
