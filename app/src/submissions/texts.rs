//! The words of the submission pages, Vietnamese first.
crate::texts! {
    pub struct SubmissionTexts {
        title: "Tờ trình của các bộ", "Ministries' submissions";
        none: "Chưa có tờ trình nào.", "No submissions yet.";
        new_submission: "Tờ trình mới", "New submission";
        ministry: "Bộ", "Ministry";
        kind: "Loại đề nghị", "Kind";
        field_title: "Tên tờ trình", "Title";
        field_summary: "Tóm tắt nội dung", "Summary";
        field_urgent: "Khẩn", "Urgent";
        field_month: "Phiên họp đề nghị (tháng)", "Session asked for (month)";
        field_presenter: "Người trình bày (thành viên Chính phủ của bộ)", "Presenter (the ministry's Government member)";
        field_presenter_name: "Hoặc thứ trưởng trình bày (họ tên, chức vụ)", "Or the deputy minister presenting (name, title)";
        save: "Lưu", "Save";
        state: "Trạng thái", "State";
        late: "Gửi muộn", "Late";
        checklist: "Hồ sơ", "The file";
        required: "bắt buộc", "required";
        optional: "không bắt buộc", "optional";
        present: "Đã có", "Present";
        missing: "Còn thiếu", "Missing";
        documents: "Tài liệu", "Documents";
        history: "Quá trình xử lý", "History";
        presenter: "Người trình bày", "Presenter";
        session: "Phiên họp đề nghị", "Session asked for";
        complete: "Hồ sơ đã đủ tài liệu bắt buộc.", "Every required document is there.";
        incomplete: "Hồ sơ chưa đủ: chưa thể gửi.", "The file is incomplete: it cannot be sent yet.";
        send: "Ký và gửi Văn phòng Chính phủ", "Sign and send to the Government Office";
        send_hint: "Đồng chí xác nhận bằng khóa truy cập (passkey); chữ ký bao gồm mọi tài liệu của hồ sơ.", "You confirm with your passkey; the signature covers every document of the file.";
        signing: "Đang ký…", "Signing…";
    }
}
