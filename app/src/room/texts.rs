//! The words of the meeting room, Vietnamese first.

crate::texts! {
    pub struct RoomTexts {
        room: "Phòng họp", "Meeting room";
        not_started: "Phiên họp chưa bắt đầu.", "The meeting has not started.";
        closed: "Phiên họp đã kết thúc.", "The meeting has ended.";
        paused: "Tạm dừng", "Paused";
        meeting_clock: "Thời gian họp", "Meeting time";
        item_clock: "Thời gian nội dung", "Item time";
        open: "Khai mạc", "Open the meeting";
        pause: "Tạm dừng", "Pause";
        resume: "Tiếp tục", "Resume";
        adopt_consent:
            "Thông qua các nội dung không thảo luận",
            "Adopt the items without discussion";
        consent_heading:
            "Thông qua không thảo luận các nội dung sau?",
            "Adopt these items without discussion?";
        consent_body:
            "Không thành viên nào xin phát biểu hoặc không tán thành các nội dung này. Chúng được ghi là đã thông qua, không thảo luận; không hoàn tác được.",
            "No member asked to speak on these items or objected to them. They are recorded as adopted without discussion; this cannot be undone.";
        start_item: "Bắt đầu", "Start";
        end_item: "Kết thúc nội dung", "End the item";
        close: "Bế mạc", "Close the meeting";
        all_present: "Ghi có mặt tất cả người chưa điểm danh", "Mark everyone not yet recorded present";
        close_heading: "Bế mạc phiên họp?", "Close the meeting?";
        close_confirm:
            "Thời điểm kết thúc được ghi lại và phiên họp không mở lại được; biên bản được soạn từ những gì đã ghi nhận.",
            "Its end time is recorded and it cannot be reopened; the minutes are drafted from what was recorded.";
        current_item: "Đang thảo luận", "Under discussion";
        no_current_item: "Chưa có nội dung nào đang thảo luận.", "No item is under discussion.";
        agenda: "Chương trình", "Agenda";
        documents: "Tài liệu", "Documents";
        speaking: "Đang phát biểu", "Speaking";
        nobody_speaking: "Chưa có ai phát biểu.", "Nobody has the floor.";
        queue: "Đăng ký phát biểu", "Requests to speak";
        queue_empty: "Chưa có ai đăng ký.", "Nobody is waiting.";
        spoken: "Đã phát biểu", "Have spoken";
        give_floor: "Mời phát biểu", "Give the floor";
        end_floor: "Kết thúc phát biểu", "End the speech";
        request: "Xin phát biểu", "Request to speak";
        withdraw: "Rút đăng ký", "Withdraw";
        you_are_queued: "Đồng chí đã đăng ký phát biểu.", "You are in the queue.";
        deputy_for: "dự thay", "deputy";
        conclusion: "Kết luận", "Conclusion";
        save_conclusion: "Lưu kết luận", "Save the conclusion";
        saved: "Đã lưu.", "Saved.";
        attendance: "Điểm danh", "Attendance";
        quorum: "Có mặt", "Present";
        quorum_reached: "Đủ hai phần ba để biểu quyết", "Two thirds present: votes allowed";
        quorum_missing:
            "Chưa đủ hai phần ba để biểu quyết",
            "Fewer than two thirds present: no vote";
        reason: "Lý do vắng", "Reason for absence";
        deputy_name: "Người dự thay", "Deputy";
        record: "Ghi", "Record";
        not_recorded: "Chưa điểm danh", "Not recorded";
        vote: "Biểu quyết", "Vote";
        vote_question: "Nội dung biểu quyết", "Question";
        vote_minutes: "Thời gian (phút)", "Time (minutes)";
        start_vote: "Bắt đầu biểu quyết", "Start the vote";
        votes: "Biểu quyết tại phiên họp", "Votes in the meeting";
        vote_open: "Đang biểu quyết", "Voting";
        answer_vote: "Biểu quyết ngay", "Vote now";
        answered: "đã trả lời", "answered";
        end_vote: "Kết thúc biểu quyết", "End the vote";
        minutes_link: "Biên bản", "Minutes";
    }
}

/// `m:ss` (or `h:mm:ss`) of a number of seconds.
pub fn clock(seconds: i64) -> String {
    clock_in(seconds, seconds.max(0) >= 3600)
}

/// Time spent against time planned, both in one format: `h:mm:ss` for both as soon as
/// either reaches an hour ("0:08:21 / 4:00:00", never "8:21 / 4:00:00").
pub fn clock_against(spent: i64, planned: i64) -> (String, String) {
    let hours = spent.max(planned) >= 3600;
    (clock_in(spent, hours), clock_in(planned, hours))
}

fn clock_in(seconds: i64, hours: bool) -> String {
    let s = seconds.max(0);
    if hours {
        format!("{}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn clocks_read_as_people_write_them() {
        assert_eq!(super::clock(0), "0:00");
        assert_eq!(super::clock(75), "1:15");
        assert_eq!(super::clock(2700), "45:00");
        assert_eq!(super::clock(3725), "1:02:05");
        assert_eq!(super::clock(-4), "0:00");
    }

    #[test]
    fn spent_and_planned_share_one_format() {
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            super::clock_against(501, 14_400),
            pair("0:08:21", "4:00:00")
        );
        assert_eq!(super::clock_against(75, 600), pair("1:15", "10:00"));
        assert_eq!(super::clock_against(3725, 1800), pair("1:02:05", "0:30:00"));
    }
}
