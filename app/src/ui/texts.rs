//! Words every page uses (loading, save, error pages, the upload widget), Vietnamese first. A missing translation does not compile.

crate::texts! {
    pub struct UiTexts {
        loading: "Đang tải…", "Loading…";
        when: "Thời gian", "When";
        not_found_title: "Không tìm thấy", "Not found";
        bad_request_title: "Yêu cầu không hợp lệ", "Invalid request";
        forbidden_title: "Không có quyền truy cập", "Not allowed";
        server_error_title: "Lỗi máy chủ", "Server error";
        go_home: "Về trang chủ", "Go to the home page";
        save: "Lưu", "Save";
        remove: "Xóa", "Remove";
        go_back: "Quay lại", "Go back";
        upload_label:
            "Tải lên tệp PDF (chọn hoặc kéo thả nhiều tệp)",
            "Upload PDFs (pick or drop several)";
        uploaded: "Đã tải lên", "Uploaded";
    }
}
