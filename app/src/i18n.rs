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
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// The current language, shared by every component of a page.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn lang(&self) -> Lang {
        self.0.get()
    }

    pub fn t(&self) -> &'static Messages {
        self.0.get().messages()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Switch language for this page and remember the choice in a cookie for the next ones.
pub fn switch_language(i18n: I18n, lang: Lang) {
    i18n.0.set(lang);
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

pub struct Messages {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_meetings: &'static str,
    pub nav_ballots: &'static str,
    pub nav_analytics: &'static str,
    pub nav_admin: &'static str,
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub demo_banner: &'static str,
    pub demo_sign_in_title: &'static str,
    pub demo_sign_in_intro: &'static str,
    pub demo_act_as: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_passkey_soon: &'static str,
    pub meetings_title: &'static str,
    pub meetings_empty: &'static str,
    pub meetings_admin_none: &'static str,
    pub loading: &'static str,
    pub meeting_kind_regular: &'static str,
    pub meeting_kind_thematic: &'static str,
    pub meeting_kind_extraordinary: &'static str,
    pub state_draft: &'static str,
    pub state_published: &'static str,
    pub state_in_progress: &'static str,
    pub state_closed: &'static str,
    pub state_postponed: &'static str,
    pub state_cancelled: &'static str,
    pub when: &'static str,
    pub place: &'static str,
    pub online: &'static str,
    pub chair: &'static str,
    pub planned_duration: &'static str,
    pub minutes_short: &'static str,
    pub agenda: &'static str,
    pub agenda_items_count: &'static str,
    pub presenter: &'static str,
    pub documents: &'static str,
    pub pages: &'static str,
    pub no_documents: &'static str,
    pub invitees: &'static str,
    pub guests: &'static str,
    pub back_to_meetings: &'static str,
    pub not_found_title: &'static str,
    pub bad_request_title: &'static str,
    pub forbidden_title: &'static str,
    pub server_error_title: &'static str,
    pub go_home: &'static str,
    pub role_member: &'static str,
    pub role_guest: &'static str,
    pub role_secretariat: &'static str,
    pub role_admin: &'static str,
    pub coming_soon: &'static str,
    pub admin_title: &'static str,
    pub enrol_title: &'static str,
    pub enrol_intro: &'static str,
    pub enrol_account: &'static str,
    pub passkey_name_label: &'static str,
    pub passkey_name_default: &'static str,
    pub enrol_button: &'static str,
    pub sign_in_with_passkey: &'static str,
    pub working: &'static str,
    pub passkey_cancelled: &'static str,
    pub total_planned: &'static str,
}

pub static VI: Messages = Messages {
    app_name: "e-Cabinet",
    app_tagline: "Hệ thống thông tin phục vụ họp của Chính phủ",
    skip_to_content: "Chuyển đến nội dung chính",
    nav_label: "Điều hướng chính",
    nav_meetings: "Cuộc họp",
    nav_ballots: "Phiếu lấy ý kiến",
    nav_analytics: "Thống kê",
    nav_admin: "Quản trị",
    switch_language: "English",
    switch_language_label: "Switch to English",
    sign_in: "Đăng nhập",
    sign_out: "Đăng xuất",
    signed_in_as: "Đang đăng nhập:",
    demo_banner: "Chế độ trình diễn — mọi tên người và dữ liệu đều là hư cấu.",
    demo_sign_in_title: "Đăng nhập trình diễn",
    demo_sign_in_intro: "Chọn một người dùng trình diễn để xem hệ thống với vai trò của họ. Lối tắt này chỉ có trong chế độ trình diễn.",
    demo_act_as: "Đăng nhập với tư cách",
    sign_in_title: "Đăng nhập",
    sign_in_passkey_soon: "Đăng nhập bằng khóa truy cập (passkey) là cách đăng nhập duy nhất của hệ thống. Người dùng mới nhận liên kết đăng ký từ Văn phòng Chính phủ.",
    meetings_title: "Các cuộc họp",
    meetings_empty: "Chưa có cuộc họp nào dành cho bạn.",
    meetings_admin_none: "Quản trị viên không xem nội dung cuộc họp.",
    loading: "Đang tải…",
    meeting_kind_regular: "Phiên họp thường kỳ",
    meeting_kind_thematic: "Phiên họp chuyên đề",
    meeting_kind_extraordinary: "Phiên họp bất thường",
    state_draft: "Bản nháp",
    state_published: "Đã phát hành",
    state_in_progress: "Đang họp",
    state_closed: "Đã kết thúc",
    state_postponed: "Hoãn",
    state_cancelled: "Hủy",
    when: "Thời gian",
    place: "Địa điểm",
    online: "Trực tuyến",
    chair: "Chủ tọa",
    planned_duration: "Thời lượng dự kiến",
    minutes_short: "phút",
    agenda: "Chương trình họp",
    agenda_items_count: "nội dung",
    presenter: "Cơ quan trình",
    documents: "Tài liệu",
    pages: "trang",
    no_documents: "Chưa có tài liệu.",
    invitees: "Thành phần mời họp",
    guests: "Khách mời",
    back_to_meetings: "← Danh sách cuộc họp",
    not_found_title: "Không tìm thấy",
    bad_request_title: "Yêu cầu không hợp lệ",
    forbidden_title: "Không có quyền truy cập",
    server_error_title: "Lỗi máy chủ",
    go_home: "Về trang chủ",
    role_member: "Thành viên Chính phủ",
    role_guest: "Khách mời",
    role_secretariat: "Văn phòng Chính phủ",
    role_admin: "Quản trị hệ thống",
    coming_soon: "Chức năng này đang được xây dựng.",
    admin_title: "Quản trị hệ thống",
    enrol_title: "Đăng ký khóa truy cập",
    enrol_intro: "Tạo khóa truy cập (passkey) trên thiết bị này để đăng nhập e-Cabinet. Thiết bị sẽ hỏi vân tay, khuôn mặt hoặc mã PIN; không có mật khẩu nào cần nhớ.",
    enrol_account: "Tài khoản",
    passkey_name_label: "Tên thiết bị (để nhận biết khóa này)",
    passkey_name_default: "Máy tính bảng",
    enrol_button: "Tạo khóa truy cập",
    sign_in_with_passkey: "Đăng nhập bằng khóa truy cập",
    working: "Đang chờ thiết bị…",
    passkey_cancelled: "Thiết bị không tạo hoặc không dùng được khóa truy cập (thao tác bị hủy hoặc không được hỗ trợ).",
    total_planned: "Tổng thời lượng các nội dung",
};

pub static EN: Messages = Messages {
    app_name: "e-Cabinet",
    app_tagline: "The Government's paperless meeting system",
    skip_to_content: "Skip to main content",
    nav_label: "Main navigation",
    nav_meetings: "Meetings",
    nav_ballots: "Written-opinion ballots",
    nav_analytics: "Analytics",
    nav_admin: "Administration",
    switch_language: "Tiếng Việt",
    switch_language_label: "Chuyển sang tiếng Việt",
    sign_in: "Sign in",
    sign_out: "Sign out",
    signed_in_as: "Signed in as:",
    demo_banner: "Demo mode — every name and all data are fictional.",
    demo_sign_in_title: "Demo sign-in",
    demo_sign_in_intro:
        "Pick a demo user to see the system in their role. This shortcut exists only in demo mode.",
    demo_act_as: "Sign in as",
    sign_in_title: "Sign in",
    sign_in_passkey_soon: "Passkeys are the only way to sign in to this system. New users get an enrolment link from the Government Office.",
    meetings_title: "Meetings",
    meetings_empty: "There are no meetings for you yet.",
    meetings_admin_none: "Administrators do not see meeting content.",
    loading: "Loading…",
    meeting_kind_regular: "Regular session",
    meeting_kind_thematic: "Thematic session",
    meeting_kind_extraordinary: "Extraordinary session",
    state_draft: "Draft",
    state_published: "Published",
    state_in_progress: "In progress",
    state_closed: "Closed",
    state_postponed: "Postponed",
    state_cancelled: "Cancelled",
    when: "When",
    place: "Place",
    online: "Online",
    chair: "Chair",
    planned_duration: "Planned duration",
    minutes_short: "min",
    agenda: "Agenda",
    agenda_items_count: "items",
    presenter: "Presented by",
    documents: "Documents",
    pages: "pages",
    no_documents: "No documents yet.",
    invitees: "Invited",
    guests: "Guests",
    back_to_meetings: "← All meetings",
    not_found_title: "Not found",
    bad_request_title: "Invalid request",
    forbidden_title: "Not allowed",
    server_error_title: "Server error",
    go_home: "Go to the home page",
    role_member: "Government member",
    role_guest: "Guest",
    role_secretariat: "Government Office",
    role_admin: "System administrator",
    coming_soon: "This part is being built.",
    admin_title: "Administration",
    enrol_title: "Set up your passkey",
    enrol_intro: "Create a passkey on this device to sign in to e-Cabinet. The device will ask for your fingerprint, face or PIN; there is no password to remember.",
    enrol_account: "Account",
    passkey_name_label: "Device name (to recognise this passkey)",
    passkey_name_default: "Tablet",
    enrol_button: "Create passkey",
    sign_in_with_passkey: "Sign in with a passkey",
    working: "Waiting for the device…",
    passkey_cancelled: "The device did not create or use a passkey (cancelled, or not supported).",
    total_planned: "Total planned for the items",
};

#[cfg(test)]
mod tests {
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
