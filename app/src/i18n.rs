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
    pub session_ended_title: &'static str,
    pub session_ended_text: &'static str,
    pub lock_title: &'static str,
    pub lock_text: &'static str,
    pub lock_unlock: &'static str,
    pub account_title: &'static str,
    pub passkeys_title: &'static str,
    pub created_on: &'static str,
    pub last_used: &'static str,
    pub save: &'static str,
    pub remove: &'static str,
    pub passkey_last_hint: &'static str,
    pub passkey_add_title: &'static str,
    pub passkey_add_button: &'static str,
    pub sessions_title: &'static str,
    pub this_device: &'static str,
    pub signed_in_on: &'static str,
    pub last_active: &'static str,
    pub sign_out_others: &'static str,
    pub notices_title: &'static str,
    pub notice_new_link: &'static str,
    pub notice_revoked: &'static str,
    pub notice_other: &'static str,
    pub accounts_title: &'static str,
    pub accounts_list_title: &'static str,
    pub issued_links_title: &'static str,
    pub issued_links_hint: &'static str,
    pub valid_until: &'static str,
    pub account_create_title: &'static str,
    pub account_name: &'static str,
    pub account_title_field: &'static str,
    pub account_ministry: &'static str,
    pub account_role: &'static str,
    pub account_email: &'static str,
    pub account_phone: &'static str,
    pub account_create_button: &'static str,
    pub account_import_title: &'static str,
    pub account_import_hint: &'static str,
    pub account_import_file: &'static str,
    pub account_import_text: &'static str,
    pub account_import_button: &'static str,
    pub actions: &'static str,
    pub account_inactive: &'static str,
    pub revoke_other_passkeys: &'static str,
    pub reissue_link: &'static str,
    pub deactivate: &'static str,
    pub deactivate_confirm: &'static str,
    pub sign_in_named_summary: &'static str,
    pub sign_in_named_button: &'static str,
    pub audit_title: &'static str,
    pub audit_event: &'static str,
    pub audit_all_events: &'static str,
    pub audit_actor: &'static str,
    pub audit_subject: &'static str,
    pub audit_from: &'static str,
    pub audit_to: &'static str,
    pub audit_apply: &'static str,
    pub audit_security_only: &'static str,
    pub audit_older: &'static str,
    pub audit_empty: &'static str,
    pub nav_audit: &'static str,
    pub nav_accounts: &'static str,
    pub search_title: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_hint: &'static str,
    pub search_nothing: &'static str,
    pub search_kind_meeting: &'static str,
    pub search_kind_item: &'static str,
    pub page_label: &'static str,
    pub nav_search: &'static str,
    pub meeting_new_title: &'static str,
    pub meeting_edit_title: &'static str,
    pub meeting_view_as_member: &'static str,
    pub meeting_state_label: &'static str,
    pub meeting_publish: &'static str,
    pub meeting_postpone: &'static str,
    pub meeting_cancel: &'static str,
    pub meeting_copy: &'static str,
    pub meeting_details: &'static str,
    pub meeting_kind: &'static str,
    pub meeting_title_field: &'static str,
    pub item_title: &'static str,
    pub minutes_label: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub item_add: &'static str,
    pub downloadable: &'static str,
    pub upload_label: &'static str,
    pub uploaded: &'static str,
    pub save_guests: &'static str,
    pub save_invitees: &'static str,
    pub invite_all: &'static str,
    pub text_queued: &'static str,
    pub text_extracting: &'static str,
    pub text_indexed: &'static str,
    pub text_failed: &'static str,
    pub changes_title: &'static str,
    pub change_details: &'static str,
    pub change_item_added: &'static str,
    pub change_item_changed: &'static str,
    pub change_items_reordered: &'static str,
    pub change_document_added: &'static str,
    pub change_document_version: &'static str,
    pub change_state: &'static str,
    pub updated_on: &'static str,
    pub edit_meeting: &'static str,
    pub new_meeting: &'static str,
    pub notice_meeting_published: &'static str,
    pub notice_meeting_postponed: &'static str,
    pub notice_meeting_cancelled: &'static str,
}

impl Messages {
    /// The state of a document's text extraction, as people read it.
    pub fn text_status(&self, status: &str) -> &'static str {
        match status {
            "queued" => self.text_queued,
            "extracting" => self.text_extracting,
            "indexed" => self.text_indexed,
            _ => self.text_failed,
        }
    }

    /// A change made to a meeting after publication.
    pub fn change(&self, kind: &str) -> &'static str {
        match kind {
            "details" => self.change_details,
            "item_added" => self.change_item_added,
            "item_changed" => self.change_item_changed,
            "items_reordered" => self.change_items_reordered,
            "document_added" => self.change_document_added,
            "document_version" => self.change_document_version,
            _ => self.change_state,
        }
    }

    /// The text of an in-app notice of `kind`.
    pub fn notice(&self, kind: &str) -> &'static str {
        match kind {
            "new_enrolment_link" => self.notice_new_link,
            "passkeys_revoked_new_link" => self.notice_revoked,
            "meeting_published" => self.notice_meeting_published,
            "meeting_postponed" => self.notice_meeting_postponed,
            "meeting_cancelled" => self.notice_meeting_cancelled,
            _ => self.notice_other,
        }
    }
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
    session_ended_title: "Phiên làm việc đã kết thúc",
    session_ended_text: "Tài khoản đã bị đăng xuất khỏi thiết bị này; nội dung đã được gỡ khỏi màn hình.",
    lock_title: "Màn hình đã khóa",
    lock_text: "Không có thao tác trong một thời gian. Xác nhận bằng khóa truy cập để tiếp tục đúng chỗ đang xem.",
    lock_unlock: "Mở khóa bằng khóa truy cập",
    account_title: "Tài khoản của tôi",
    passkeys_title: "Khóa truy cập",
    created_on: "Tạo lúc",
    last_used: "dùng lần cuối",
    save: "Lưu",
    remove: "Xóa",
    passkey_last_hint: "Không thể xóa khóa truy cập cuối cùng.",
    passkey_add_title: "Thêm khóa truy cập trên thiết bị này",
    passkey_add_button: "Thêm khóa truy cập",
    sessions_title: "Các thiết bị đang đăng nhập",
    this_device: "Thiết bị này",
    signed_in_on: "đăng nhập lúc",
    last_active: "hoạt động lần cuối",
    sign_out_others: "Đăng xuất tất cả thiết bị khác",
    notices_title: "Thông báo",
    notice_new_link: "Văn phòng Chính phủ đã cấp cho bạn một liên kết đăng ký khóa truy cập mới.",
    notice_revoked: "Các khóa truy cập cũ của bạn đã bị thu hồi và một liên kết đăng ký mới đã được cấp.",
    notice_other: "Thông báo hệ thống",
    accounts_title: "Quản lý tài khoản",
    accounts_list_title: "Danh sách tài khoản",
    issued_links_title: "Liên kết đăng ký vừa cấp",
    issued_links_hint: "Gửi mỗi liên kết cho đúng người qua kênh an toàn. Liên kết dùng được một lần và hết hạn sau 72 giờ.",
    valid_until: "hiệu lực đến",
    account_create_title: "Tạo tài khoản",
    account_name: "Họ và tên",
    account_title_field: "Chức vụ",
    account_ministry: "Mã bộ, cơ quan (ví dụ BTC)",
    account_role: "Vai trò",
    account_email: "Thư điện tử",
    account_phone: "Điện thoại",
    account_create_button: "Tạo tài khoản và cấp liên kết",
    account_import_title: "Nhập nhiều tài khoản từ tệp CSV",
    account_import_hint: "Dòng đầu là tên cột: họ_tên, chức_vụ, mã_bộ, vai_trò, email, điện_thoại (hoặc full_name, title, ministry, role, email, phone). Tệp lỗi ở dòng nào thì không tài khoản nào được tạo.",
    account_import_file: "Chọn tệp CSV",
    account_import_text: "hoặc dán nội dung",
    account_import_button: "Nhập và cấp liên kết",
    actions: "Thao tác",
    account_inactive: "Đã vô hiệu hóa",
    revoke_other_passkeys: "Thu hồi các khóa cũ (mất thiết bị)",
    reissue_link: "Cấp liên kết mới",
    deactivate: "Vô hiệu hóa",
    deactivate_confirm: "Xác nhận vô hiệu hóa",
    sign_in_named_summary: "Thiết bị không gợi ý khóa? Đăng nhập bằng thư điện tử",
    sign_in_named_button: "Tiếp tục với khóa truy cập",
    audit_title: "Nhật ký kiểm tra",
    audit_event: "Sự kiện",
    audit_all_events: "Tất cả sự kiện",
    audit_actor: "Người thực hiện",
    audit_subject: "Đối tượng",
    audit_from: "Từ ngày",
    audit_to: "Đến ngày",
    audit_apply: "Lọc",
    audit_security_only: "Quản trị viên chỉ xem các sự kiện an ninh.",
    audit_older: "Xem các bản ghi cũ hơn",
    audit_empty: "Không có bản ghi nào phù hợp.",
    nav_audit: "Nhật ký",
    nav_accounts: "Tài khoản",
    search_title: "Tìm kiếm",
    search_label: "Tìm trong tên cuộc họp, nội dung và toàn văn tài liệu",
    search_button: "Tìm",
    search_hint: "Gõ có dấu hoặc không dấu: \"da nang\" tìm được \"Đà Nẵng\".",
    search_nothing: "Không tìm thấy kết quả trong những gì bạn được xem.",
    search_kind_meeting: "Cuộc họp",
    search_kind_item: "Nội dung họp",
    page_label: "trang",
    nav_search: "Tìm kiếm",
    meeting_new_title: "Tạo cuộc họp mới",
    meeting_edit_title: "Chuẩn bị cuộc họp",
    meeting_view_as_member: "← Xem như thành viên",
    meeting_state_label: "Trạng thái cuộc họp",
    meeting_publish: "Phát hành",
    meeting_postpone: "Hoãn",
    meeting_cancel: "Hủy cuộc họp",
    meeting_copy: "Sao chép làm mẫu",
    meeting_details: "Thông tin cuộc họp",
    meeting_kind: "Loại phiên họp",
    meeting_title_field: "Tên cuộc họp",
    item_title: "Nội dung",
    minutes_label: "Số phút",
    move_up: "Chuyển lên nội dung",
    move_down: "Chuyển xuống nội dung",
    item_add: "Thêm nội dung",
    downloadable: "Cho phép tải về",
    upload_label: "Tải lên tệp PDF (chọn hoặc kéo thả nhiều tệp)",
    uploaded: "Đã tải lên",
    save_guests: "Lưu khách mời",
    save_invitees: "Lưu thành phần mời",
    invite_all: "Mời tất cả thành viên Chính phủ",
    text_queued: "Chờ trích xuất văn bản",
    text_extracting: "Đang trích xuất văn bản",
    text_indexed: "Đã lập chỉ mục",
    text_failed: "Không có văn bản để tìm kiếm",
    changes_title: "Thay đổi sau khi phát hành",
    change_details: "Thông tin cuộc họp thay đổi",
    change_item_added: "Thêm nội dung họp",
    change_item_changed: "Nội dung họp được sửa",
    change_items_reordered: "Thứ tự nội dung thay đổi",
    change_document_added: "Thêm tài liệu",
    change_document_version: "Tài liệu được cập nhật",
    change_state: "Trạng thái cuộc họp thay đổi",
    updated_on: "Cập nhật",
    edit_meeting: "Chuẩn bị cuộc họp",
    new_meeting: "Tạo cuộc họp mới",
    notice_meeting_published: "Một cuộc họp bạn được mời đã được phát hành.",
    notice_meeting_postponed: "Một cuộc họp bạn được mời đã bị hoãn.",
    notice_meeting_cancelled: "Một cuộc họp bạn được mời đã bị hủy.",
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
    session_ended_title: "Your session has ended",
    session_ended_text: "This device was signed out; the content has been removed from the screen.",
    lock_title: "Screen locked",
    lock_text: "There was no activity for a while. Confirm with your passkey to carry on where you were.",
    lock_unlock: "Unlock with a passkey",
    account_title: "My account",
    passkeys_title: "Passkeys",
    created_on: "Created",
    last_used: "last used",
    save: "Save",
    remove: "Remove",
    passkey_last_hint: "The last passkey cannot be removed.",
    passkey_add_title: "Add a passkey on this device",
    passkey_add_button: "Add passkey",
    sessions_title: "Devices signed in",
    this_device: "This device",
    signed_in_on: "signed in",
    last_active: "last active",
    sign_out_others: "Sign out all other devices",
    notices_title: "Notices",
    notice_new_link: "A new passkey enrolment link was issued for you.",
    notice_revoked: "Your previous passkeys were revoked and a new enrolment link was issued.",
    notice_other: "System notice",
    accounts_title: "Accounts",
    accounts_list_title: "All accounts",
    issued_links_title: "Enrolment links issued",
    issued_links_hint: "Send each link to its owner over a safe channel. A link works once and expires after 72 hours.",
    valid_until: "valid until",
    account_create_title: "Create an account",
    account_name: "Full name",
    account_title_field: "Title",
    account_ministry: "Ministry code (e.g. BTC)",
    account_role: "Role",
    account_email: "E-mail",
    account_phone: "Phone",
    account_create_button: "Create and issue a link",
    account_import_title: "Import accounts from CSV",
    account_import_hint: "The first line names the columns: full_name, title, ministry, role, email, phone. If any line is wrong, no account is created.",
    account_import_file: "Choose a CSV file",
    account_import_text: "or paste its content",
    account_import_button: "Import and issue links",
    actions: "Actions",
    account_inactive: "Deactivated",
    revoke_other_passkeys: "Revoke old passkeys (lost device)",
    reissue_link: "Issue a new link",
    deactivate: "Deactivate",
    deactivate_confirm: "Confirm deactivation",
    sign_in_named_summary: "Device offers no passkey? Sign in with your e-mail",
    sign_in_named_button: "Continue with a passkey",
    audit_title: "Audit log",
    audit_event: "Event",
    audit_all_events: "All events",
    audit_actor: "Actor",
    audit_subject: "Subject",
    audit_from: "From",
    audit_to: "To",
    audit_apply: "Filter",
    audit_security_only: "Administrators see security events only.",
    audit_older: "Older records",
    audit_empty: "No records match.",
    nav_audit: "Audit log",
    nav_accounts: "Accounts",
    search_title: "Search",
    search_label: "Search meeting and item titles and the full text of documents",
    search_button: "Search",
    search_hint: "Type with or without accents: \"da nang\" finds \"Đà Nẵng\".",
    search_nothing: "Nothing found in what you may see.",
    search_kind_meeting: "Meeting",
    search_kind_item: "Agenda item",
    page_label: "page",
    nav_search: "Search",
    meeting_new_title: "New meeting",
    meeting_edit_title: "Prepare the meeting",
    meeting_view_as_member: "← View as members see it",
    meeting_state_label: "Meeting state",
    meeting_publish: "Publish",
    meeting_postpone: "Postpone",
    meeting_cancel: "Cancel the meeting",
    meeting_copy: "Copy as a template",
    meeting_details: "Details",
    meeting_kind: "Kind of meeting",
    meeting_title_field: "Title",
    item_title: "Item",
    minutes_label: "Minutes",
    move_up: "Move up item",
    move_down: "Move down item",
    item_add: "Add an item",
    downloadable: "Downloadable",
    upload_label: "Upload PDFs (pick or drop several)",
    uploaded: "Uploaded",
    save_guests: "Save guests",
    save_invitees: "Save invitations",
    invite_all: "Invite all Government members",
    text_queued: "Text: waiting",
    text_extracting: "Text: extracting",
    text_indexed: "Text indexed",
    text_failed: "Text not available",
    changes_title: "Changes since publication",
    change_details: "Meeting details changed",
    change_item_added: "Item added",
    change_item_changed: "Item changed",
    change_items_reordered: "Items reordered",
    change_document_added: "Document added",
    change_document_version: "Document updated",
    change_state: "Meeting state changed",
    updated_on: "Updated",
    edit_meeting: "Prepare",
    new_meeting: "New meeting",
    notice_meeting_published: "A meeting you are invited to was published.",
    notice_meeting_postponed: "A meeting you are invited to was postponed.",
    notice_meeting_cancelled: "A meeting you are invited to was cancelled.",
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
