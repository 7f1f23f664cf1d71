//! What can be wrong with a submission or an act on one, worded in each language.
crate::labelled_enum! {
    pub enum SubmissionProblem {
        TitleMissing => "TitleMissing",
            "Chưa nhập tên tờ trình (tối đa 500 ký tự).",
            "The submission's title is missing (at most 500 characters).";
        SummaryTooLong => "SummaryTooLong",
            "Tóm tắt quá dài (tối đa 8.000 ký tự).",
            "The summary is too long (at most 8,000 characters).";
        /// The file changed since the minister opened it: reload and review it again.
        Changed => "Changed",
            "Hồ sơ vừa thay đổi: hãy tải lại trang, xem lại rồi ký.",
            "The file has just changed: reload the page, review it, then sign.";
        KindInvalid => "KindInvalid",
            "Loại đề nghị không hợp lệ.",
            "The kind of submission is not valid.";
        /// Not a month, or one already past; or a month given for a ballot.
        MonthInvalid => "MonthInvalid",
            "Phiên họp đề nghị phải là một tháng từ tháng này trở đi (chỉ với đề nghị đưa vào phiên họp).",
            "The session asked for must be a month from this one on (for a meeting's item only).";
        PresenterInvalid => "PresenterInvalid",
            "Người trình bày phải là thành viên Chính phủ của bộ hoặc một thứ trưởng được ghi tên.",
            "The presenter must be a Government member of the ministry or a named deputy minister.";
        /// A required document of the checklist is missing.
        DocumentMissing => "DocumentMissing",
            "Chưa đủ hồ sơ: còn thiếu tài liệu bắt buộc.",
            "The file is incomplete: a required document is missing.";
        RequirementInvalid => "RequirementInvalid",
            "Loại tài liệu không có trong danh mục hồ sơ.",
            "That kind of document is not on the checklist.";
        NoPasskey => "NoPasskey",
            "Đồng chí chưa có khóa truy cập (passkey) để ký gửi tờ trình.",
            "You have no passkey to sign and send the submission with.";
        /// The signature did not verify, its nonce was unknown, used or expired, or the
        /// submission changed while it was being signed.
        SignatureInvalid => "SignatureInvalid",
            "Chữ ký không hợp lệ hoặc hồ sơ đã thay đổi trong khi ký: hãy ký lại.",
            "The signature is not valid, or the file changed while it was signed: sign again.";
        WrongState => "WrongState",
            "Tờ trình không ở trạng thái cho phép thao tác này.",
            "The submission is not in a state that allows this.";
    }
}
