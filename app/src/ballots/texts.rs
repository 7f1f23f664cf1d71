//! The words of the ballot pages, Vietnamese first. Kept beside the ballots (not in the
//! shared catalogue) so the domain's texts live with it.

crate::texts! {
    pub struct BallotTexts {
        title: "Phiếu lấy ý kiến thành viên Chính phủ", "Written-opinion ballots";
        meeting_vote: "Biểu quyết tại phiên họp", "Vote in the meeting";
        back_to_room: "Về phòng họp", "Back to the meeting room";
        none: "Chưa có phiếu lấy ý kiến nào.", "No ballots yet.";
        new_ballot: "Tạo phiếu lấy ý kiến", "New ballot";
        create: "Tạo phiếu (bản nháp)", "Create (draft)";
        edit_draft: "Sửa bản nháp", "Edit the draft";
        save_draft: "Lưu bản nháp", "Save the draft";
        field_title: "Tên phiếu", "Title";
        field_question: "Nội dung xin ý kiến", "Question";
        field_deadline: "Thời hạn trả lời", "Deadline";
        field_reminders: "Nhắc trước hạn (giờ)", "Reminders before the deadline (hours)";
        reminders_hint:
            "Ví dụ: 24, 2 — nhắc thành viên chưa trả lời 24 giờ và 2 giờ trước hạn.",
            "E.g. 24, 2 — remind members who have not answered 24 and 2 hours before.";
        field_results_to_members:
            "Thành viên xem được kết quả sau khi kết thúc",
            "Members see the result once closed";
        field_eligible: "Thành viên được lấy ý kiến", "Members asked";
        eligible_all:
            "Để trống: tất cả thành viên Chính phủ (chốt khi gửi).",
            "Leave empty: all Government members (fixed when sent).";
        deadline: "Hạn trả lời", "Deadline";
        answered_of: "đã trả lời", "answered";
        send: "Gửi phiếu", "Send";
        close: "Kết thúc lấy ý kiến", "Close the ballot";
        close_heading: "Kết thúc lấy ý kiến bây giờ?", "Close the ballot now?";
        close_confirm:
            "Kết quả được tính và lưu; những thành viên chưa trả lời dưới đây sẽ không trả lời được nữa.",
            "The result is counted and stored; the members below who have not answered can no longer answer.";
        extend: "Gia hạn", "Extend";
        extend_reason: "Lý do gia hạn", "Reason for the extension";
        new_deadline: "Thời hạn mới", "New deadline";
        extended: "Đã gia hạn", "Extended";
        your_answer: "Ý kiến của đồng chí", "Your answer";
        your_current_answer: "Ý kiến đồng chí đã gửi", "Your answer as given";
        other_text: "Nội dung ý kiến khác", "Your other opinion";
        comment: "Góp ý thêm (không bắt buộc)", "Comment (optional)";
        sign_and_send: "Ký bằng khóa truy cập và gửi", "Sign with your passkey and send";
        signing: "Đang chờ xác nhận bằng khóa truy cập…", "Waiting for your passkey…";
        signed_saved: "Đã ký và ghi nhận ý kiến", "Signed and recorded";
        sign_hint:
            "Ý kiến được ký bằng khóa truy cập của đồng chí; có thể thay đổi đến hết thời hạn (ý kiến sau cùng được tính).",
            "Your answer is signed with your passkey; you may change it until the deadline (the last one counts).";
        not_answered: "Chưa trả lời", "Not answered";
        progress: "Tình hình trả lời", "Answers so far";
        on_paper:
            "do Văn phòng Chính phủ nhập, không ký số",
            "entered by the Government Office, unsigned";
        paper_title: "Nhập phiếu giấy", "Enter a paper answer";
        paper_member: "Thành viên", "Member";
        paper_save: "Nhập phiếu", "Enter";
        paper_saved: "Đã nhập phiếu giấy", "Paper answer entered";
        result: "Kết quả", "Result";
        others: "Ý kiến khác", "Other opinions";
        comments: "Góp ý kèm theo", "Comments";
        nobody: "Không có", "None";
        summary_link: "Tổng hợp ý kiến (bản in)", "Summary of opinions (printable)";
        csv_link: "Tải tổng hợp (CSV)", "Download the summary (CSV)";
        print: "In", "Print";
        summary_title:
            "Tổng hợp ý kiến thành viên Chính phủ",
            "Summary of the Government members' opinions";
        eligible_count: "Số thành viên được lấy ý kiến", "Members asked";
        results_hidden:
            "Kết quả phiếu này không công bố cho thành viên.",
            "This ballot's result is not published to members.";
        count_label: "phiếu", "votes";
    }
}
