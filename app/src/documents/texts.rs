//! The words of the document reader and notes, Vietnamese first. A missing translation does not compile.
use crate::i18n::Lang;

pub struct DocumentTexts {
    pub reader_loading: &'static str,
    pub reader_failed: &'static str,
    pub reader_page: &'static str,
    pub reader_prev: &'static str,
    pub reader_next: &'static str,
    pub reader_go: &'static str,
    pub reader_zoom_out: &'static str,
    pub reader_zoom_in: &'static str,
    pub reader_fit: &'static str,
    pub reader_tools: &'static str,
    pub reader_stage: &'static str,
    pub reader_picture: &'static str,
    pub version_label: &'static str,
    pub download: &'static str,
    pub notes_title: &'static str,
    pub notes_private_hint: &'static str,
    pub note_on_page: &'static str,
    pub note_save: &'static str,
    pub note_delete: &'static str,
    pub note_old_version: &'static str,
    pub notes_none: &'static str,
    pub my_notes: &'static str,
}

static VI: DocumentTexts = DocumentTexts {
    reader_loading: "Đang tải tài liệu…",
    reader_failed: "Không mở được tài liệu.",
    reader_page: "Trang",
    reader_prev: "Trang trước",
    reader_next: "Trang sau",
    reader_go: "Đến",
    reader_zoom_out: "Thu nhỏ",
    reader_zoom_in: "Phóng to",
    reader_fit: "Vừa khổ",
    reader_tools: "Điều hướng tài liệu",
    reader_stage: "Trang tài liệu",
    reader_picture: "Trang 1 (ảnh xem trước, đang tải tài liệu)",
    version_label: "Phiên bản",
    download: "Tải xuống",
    notes_title: "Ghi chú riêng",
    notes_private_hint: "Chỉ bạn đọc được ghi chú của mình.",
    note_on_page: "Ghi chú cho trang",
    note_save: "Lưu ghi chú",
    note_delete: "Xóa ghi chú",
    note_old_version: "viết trên phiên bản",
    notes_none: "Chưa có ghi chú.",
    my_notes: "Ghi chú của tôi",
};

static EN: DocumentTexts = DocumentTexts {
    reader_loading: "Loading the document…",
    reader_failed: "The document could not be opened.",
    reader_page: "Page",
    reader_prev: "Previous page",
    reader_next: "Next page",
    reader_go: "Go",
    reader_zoom_out: "Zoom out",
    reader_zoom_in: "Zoom in",
    reader_fit: "Fit width",
    reader_tools: "Document navigation",
    reader_stage: "Document page",
    reader_picture: "Page 1 (a preview while the document loads)",
    version_label: "Version",
    download: "Download",
    notes_title: "Private notes",
    notes_private_hint: "Only you can read your notes.",
    note_on_page: "Note on page",
    note_save: "Save note",
    note_delete: "Delete note",
    note_old_version: "written on version",
    notes_none: "No notes yet.",
    my_notes: "My notes",
};

pub fn texts(lang: Lang) -> &'static DocumentTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
