//! What can be wrong with a ballot, an answer or a secretariat's act on a ballot, worded in
//! each language (shown by the page that sent the request).
// Stored names are the variants' own: the error crosses the network as it did before.
crate::labelled_enum! {
    pub enum BallotProblem {
        TitleMissing => "TitleMissing",
            "Chưa nhập tên phiếu.",
            "The ballot's title is missing.";
        QuestionMissing => "QuestionMissing",
            "Chưa nhập nội dung xin ý kiến.",
            "The question is missing.";
        /// Not a date and time, or not in the future.
        DeadlineInvalid => "DeadlineInvalid",
            "Thời hạn trả lời không hợp lệ hoặc đã qua.",
            "The deadline is not valid or has passed.";
        /// Someone listed who is not an active Government member.
        EligibleInvalid => "EligibleInvalid",
            "Danh sách thành viên được lấy ý kiến không hợp lệ.",
            "The list of members asked is not valid.";
        /// Reminder hours that are not whole numbers from 1 to 720.
        RemindersInvalid => "RemindersInvalid",
            "Giờ nhắc phải là số nguyên từ 1 đến 720, cách nhau bằng dấu phẩy.",
            "Reminder hours must be whole numbers from 1 to 720, separated by commas.";
        /// Only a draft can be edited or sent.
        NotDraft => "NotDraft",
            "Phiếu đã được gửi nên không sửa hoặc gửi lại được.",
            "The ballot was already sent: it cannot be changed or resent.";
        /// The ballot is not open for answers (a draft, or closed).
        NotOpen => "NotOpen",
            "Phiếu không còn mở để trả lời.",
            "The ballot is not open for answers.";
        /// The deadline has passed.
        PastDeadline => "PastDeadline",
            "Đã quá thời hạn trả lời phiếu.",
            "The deadline for answering has passed.";
        /// The member is not among the ballot's eligible members.
        NotEligible => "NotEligible",
            "Đồng chí không thuộc danh sách được lấy ý kiến của phiếu này.",
            "You are not among the members asked on this ballot.";
        /// A paper answer for a member who has answered with their passkey: their own signed
        /// answer is not replaced by what the secretariat enters.
        SignedAnswerExists => "SignedAnswerExists",
            "Thành viên đã tự trả lời phiếu này (có ký bằng khóa truy cập): không thể nhập phiếu giấy thay thế.",
            "The member has answered this ballot with their passkey: a paper answer cannot replace it.";
        /// "Other opinion" without its text.
        OtherTextMissing => "OtherTextMissing",
            "Chọn “Ý kiến khác” thì cần ghi rõ ý kiến.",
            "“Other opinion” needs its text.";
        /// A text or comment over [`crate::ballots::answers::MAX_TEXT_CHARS`] characters.
        TooLong => "TooLong",
            "Ý kiến hoặc góp ý quá dài (tối đa 5.000 ký tự).",
            "The opinion or comment is too long (at most 5,000 characters).";
        /// An extension without a reason, or to a time not after the current deadline.
        ExtensionInvalid => "ExtensionInvalid",
            "Cần nêu lý do và thời hạn mới phải sau thời hạn cũ.",
            "Give a reason, and a new deadline after the current one.";
        /// The passkey confirmation did not verify, or its nonce expired or was used.
        SignatureInvalid => "SignatureInvalid",
            "Xác nhận bằng khóa truy cập không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.",
            "The passkey confirmation is not valid or has expired. Please try again.";
        /// The member has no passkey to sign with.
        NoPasskey => "NoPasskey",
            "Đồng chí cần có khóa truy cập (passkey) để ký trả lời phiếu.",
            "You need a passkey to sign your answer.";
    }
}
