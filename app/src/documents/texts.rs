//! The words of the document reader and notes, Vietnamese first. A missing translation does not compile.

crate::texts! {
    pub struct DocumentTexts {
        reader_loading: "Đang tải tài liệu…", "Loading the document…";
        reader_failed: "Không mở được tài liệu.", "The document could not be opened.";
        reader_page: "Trang", "Page";
        reader_prev: "Trang trước", "Previous page";
        reader_next: "Trang sau", "Next page";
        reader_go: "Đến", "Go";
        reader_zoom_out: "Thu nhỏ", "Zoom out";
        reader_zoom_in: "Phóng to", "Zoom in";
        reader_fit: "Vừa khổ", "Fit width";
        reader_tools: "Điều hướng tài liệu", "Document navigation";
        reader_stage: "Trang tài liệu", "Document page";
        reader_picture:
            "Trang 1 (ảnh xem trước, đang tải tài liệu)",
            "Page 1 (a preview while the document loads)";
        version_label: "Phiên bản", "Version";
        download: "Tải xuống", "Download";
        notes_title: "Ghi chú riêng", "Private notes";
        notes_close: "Đóng", "Close";
        notes_private_hint: "Chỉ đồng chí đọc được ghi chú của mình.", "Only you can read your notes.";
        note_on_page: "Ghi chú cho trang", "Note on page";
        note_save: "Lưu ghi chú", "Save note";
        note_delete: "Xóa ghi chú", "Delete note";
        note_old_version: "viết trên phiên bản", "written on version";
        notes_none: "Chưa có ghi chú.", "No notes yet.";
        my_notes: "Ghi chú của tôi", "My notes";
    }
}
