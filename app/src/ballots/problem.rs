//! What can be wrong with a ballot, an answer or a secretariat's act on a ballot, worded in
//! each language (shown by the page that sent the request).
crate::labelled_enum! {
    pub enum BallotProblem {
        TitleMissing => "title_missing",
            "Chưa nhập tên phiếu.",
            "The ballot's title is missing.";
        QuestionMissing => "question_missing",
            "Chưa nhập nội dung xin ý kiến.",
            "The question is missing.";
        /// Not a date and time, or not in the future.
        DeadlineInvalid => "deadline_invalid",
            "Thời hạn trả lời không hợp lệ hoặc đã qua.",
            "The deadline is not valid or has passed.";
        /// Someone listed who is not an active Government member.
        EligibleInvalid => "eligible_invalid",
            "Danh sách thành viên được lấy ý kiến không hợp lệ.",
            "The list of members asked is not valid.";
        /// Reminder hours that are not whole numbers from 1 to 720.
        RemindersInvalid => "reminders_invalid",
            "Giờ nhắc phải là số nguyên từ 1 đến 720, cách nhau bằng dấu phẩy.",
            "Reminder hours must be whole numbers from 1 to 720, separated by commas.";
        /// Only a draft can be edited or sent.
        NotDraft => "not_draft",
            "Phiếu đã được gửi nên không sửa hoặc gửi lại được.",
            "The ballot was already sent: it cannot be changed or resent.";
        /// The ballot is not open for answers (a draft, or closed).
        NotOpen => "not_open",
            "Phiếu không còn mở để trả lời.",
            "The ballot is not open for answers.";
        /// The deadline has passed.
        PastDeadline => "past_deadline",
            "Đã quá thời hạn trả lời phiếu.",
            "The deadline for answering has passed.";
        /// The member is not among the ballot's eligible members.
        NotEligible => "not_eligible",
            "Bạn không thuộc danh sách được lấy ý kiến của phiếu này.",
            "You are not among the members asked on this ballot.";
        /// A paper answer for a member who has answered with their passkey: their own signed
        /// answer is not replaced by what the secretariat enters.
        SignedAnswerExists => "signed_answer_exists",
            "Thành viên đã tự trả lời phiếu này (có ký bằng khóa truy cập): không thể nhập phiếu giấy thay thế.",
            "The member has answered this ballot with their passkey: a paper answer cannot replace it.";
        /// "Other opinion" without its text.
        OtherTextMissing => "other_text_missing",
            "Chọn “Ý kiến khác” thì cần ghi rõ ý kiến.",
            "“Other opinion” needs its text.";
        /// A text or comment over [`crate::ballots::answers::MAX_TEXT_CHARS`] characters.
        TooLong => "too_long",
            "Ý kiến hoặc góp ý quá dài (tối đa 5.000 ký tự).",
            "The opinion or comment is too long (at most 5,000 characters).";
        /// An extension without a reason, or to a time not after the current deadline.
        ExtensionInvalid => "extension_invalid",
            "Cần nêu lý do và thời hạn mới phải sau thời hạn cũ.",
            "Give a reason, and a new deadline after the current one.";
        /// The passkey confirmation did not verify, or its nonce expired or was used.
        SignatureInvalid => "signature_invalid",
            "Xác nhận bằng khóa truy cập không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.",
            "The passkey confirmation is not valid or has expired. Please try again.";
        /// The member has no passkey to sign with.
        NoPasskey => "no_passkey",
            "Bạn cần có khóa truy cập (passkey) để ký trả lời phiếu.",
            "You need a passkey to sign your answer.";
    }
}
