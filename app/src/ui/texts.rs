//! Words every page uses (loading, save, error pages, the upload widget), Vietnamese first. A missing translation does not compile.
use crate::i18n::Lang;

pub struct UiTexts {
    pub loading: &'static str,
    pub when: &'static str,
    pub pages: &'static str,
    pub not_found_title: &'static str,
    pub bad_request_title: &'static str,
    pub forbidden_title: &'static str,
    pub server_error_title: &'static str,
    pub go_home: &'static str,
    pub save: &'static str,
    pub remove: &'static str,
    pub upload_label: &'static str,
    pub uploaded: &'static str,
}

static VI: UiTexts = UiTexts {
    loading: "Đang tải…",
    when: "Thời gian",
    pages: "trang",
    not_found_title: "Không tìm thấy",
    bad_request_title: "Yêu cầu không hợp lệ",
    forbidden_title: "Không có quyền truy cập",
    server_error_title: "Lỗi máy chủ",
    go_home: "Về trang chủ",
    save: "Lưu",
    remove: "Xóa",
    upload_label: "Tải lên tệp PDF (chọn hoặc kéo thả nhiều tệp)",
    uploaded: "Đã tải lên",
};

static EN: UiTexts = UiTexts {
    loading: "Loading…",
    when: "When",
    pages: "pages",
    not_found_title: "Not found",
    bad_request_title: "Invalid request",
    forbidden_title: "Not allowed",
    server_error_title: "Server error",
    go_home: "Go to the home page",
    save: "Save",
    remove: "Remove",
    upload_label: "Upload PDFs (pick or drop several)",
    uploaded: "Uploaded",
};

pub fn texts(lang: Lang) -> &'static UiTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
