//! Vietnamese first, English second.
//!
//! Every user-visible string lives here as a field of [`Messages`], so a missing translation is a
//! compile error rather than a blank on screen. The choice persists in a cookie (`ecab_lang`), is
//! read by the server to render the right language, and becomes the `<html lang>` the browser
//! picks up when it hydrates.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const LANG_COOKIE: &str = "ecab_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language chosen in a `Cookie:` header, Vietnamese when absent or unknown.
    pub fn from_cookie_header(header: &str) -> Lang {
        crate::cookies::find(header, LANG_COOKIE)
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }

    /// The language chosen in a request's cookies.
    pub fn from_headers(headers: &http::HeaderMap) -> Lang {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|h| crate::cookies::find(h, LANG_COOKIE).and_then(Lang::from_code))
            .unwrap_or_default()
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    pub fn messages(self) -> &'static Messages {
        texts(self)
    }
}

/// The current language, shared by every component of a page.
///
/// In the browser it is a signal: switching language re-renders every text. On the server a
/// page never switches language, so texts read the language it is rendered in as a plain
/// value. That matters: leptos_meta formats the page's `<Title>` outside the render's reactive
/// arena, where reading a signal could find another request's value or none (a panic that
/// dropped about 1 page in 200 under concurrent load).
#[derive(Clone, Copy)]
pub struct I18n {
    current: RwSignal<Lang>,
    #[cfg(feature = "ssr")]
    rendered: Lang,
}

impl I18n {
    pub fn new(lang: Lang) -> Self {
        I18n {
            current: RwSignal::new(lang),
            #[cfg(feature = "ssr")]
            rendered: lang,
        }
    }

    pub fn lang(&self) -> Lang {
        #[cfg(feature = "ssr")]
        {
            self.rendered
        }
        #[cfg(not(feature = "ssr"))]
        {
            self.current.get()
        }
    }

    pub fn t(&self) -> &'static Messages {
        self.lang().messages()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Switch language for this page and remember the choice in a cookie for the next ones.
pub fn switch_language(i18n: I18n, lang: Lang) {
    i18n.current.set(lang);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(html_doc) = doc.clone().dyn_into::<web_sys::HtmlDocument>() {
                let _ = html_doc.set_cookie(&format!(
                    "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                    lang.code()
                ));
            }
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
        }
    }
}

// The one idiom for words people read, in two macros; either way a missing translation does
// not compile:
// - `texts!`: a domain's words, each field with its Vietnamese and its English side by side;
//   it makes the struct, both languages' values and `texts(lang)`;
// - `labelled_enum!`: an enum stored or sent by name and shown to people: each variant's
//   stable name (`as_str`, `parse`, serde) and its labels (`label`).

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

crate::texts! {
    pub struct Messages {
        app_name: "e-Cabinet", "e-Cabinet";
        app_tagline:
            "Hệ thống thông tin phục vụ họp của Chính phủ",
            "The Government's paperless meeting system";
        skip_to_content: "Chuyển đến nội dung chính", "Skip to main content";
        nav_label: "Điều hướng chính", "Main navigation";
        nav_meetings: "Cuộc họp", "Meetings";
        nav_ballots: "Phiếu lấy ý kiến", "Written-opinion ballots";
        nav_tasks: "Nhiệm vụ", "Tasks";
        nav_submissions: "Tờ trình", "Submissions";
        nav_analytics: "Thống kê", "Analytics";
        switch_language: "English", "Tiếng Việt";
        switch_language_label: "Switch to English", "Chuyển sang tiếng Việt";
        sign_in: "Đăng nhập", "Sign in";
        sign_out: "Đăng xuất", "Sign out";
        signed_in_as: "Đang đăng nhập:", "Signed in as:";
        demo_banner:
            "Chế độ trình diễn — mọi tên người và dữ liệu đều là hư cấu.",
            "Demo mode — every name and all data are fictional.";
        sign_in_title: "Đăng nhập", "Sign in";
        nav_audit: "Nhật ký", "Audit log";
        nav_accounts: "Tài khoản", "Accounts";
        nav_search: "Tìm kiếm", "Search";
    }
}

#[cfg(test)]
mod tests {
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

    use super::*;

    #[test]
    fn cookie_header_picks_language_and_defaults_to_vietnamese() {
        assert_eq!(Lang::from_cookie_header(""), Lang::Vi);
        assert_eq!(Lang::from_cookie_header("a=b; ecab_lang=en"), Lang::En);
        assert_eq!(Lang::from_cookie_header("ecab_lang=vi;x=1"), Lang::Vi);
        assert_eq!(Lang::from_cookie_header("ecab_lang=fr"), Lang::Vi);
        assert_eq!(Lang::from_cookie_header("xecab_lang=en"), Lang::Vi);
    }

    #[test]
    fn the_switch_offers_the_other_language_in_that_language() {
        assert_eq!(Lang::Vi.messages().switch_language, "English");
        assert_eq!(Lang::En.messages().switch_language, "Tiếng Việt");
        assert_eq!(Lang::Vi.other(), Lang::En);
    }
}
