//! The words of the meeting room, Vietnamese first.
use crate::i18n::Lang;

pub struct RoomTexts {
    pub room: &'static str,
    pub not_started: &'static str,
    pub closed: &'static str,
    pub paused: &'static str,
    pub meeting_clock: &'static str,
    pub item_clock: &'static str,
    pub open: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub adopt_consent: &'static str,
    pub adopt_consent_hint: &'static str,
    pub start_item: &'static str,
    pub end_item: &'static str,
    pub close: &'static str,
    pub close_confirm: &'static str,
    pub current_item: &'static str,
    pub no_current_item: &'static str,
    pub agenda: &'static str,
    pub documents: &'static str,
    pub speaking: &'static str,
    pub nobody_speaking: &'static str,
    pub queue: &'static str,
    pub queue_empty: &'static str,
    pub spoken: &'static str,
    pub give_floor: &'static str,
    pub end_floor: &'static str,
    pub request: &'static str,
    pub withdraw: &'static str,
    pub you_are_queued: &'static str,
    pub deputy_for: &'static str,
    pub conclusion: &'static str,
    pub save_conclusion: &'static str,
    pub saved: &'static str,
    pub attendance: &'static str,
    pub quorum: &'static str,
    pub quorum_reached: &'static str,
    pub quorum_missing: &'static str,
    pub reason: &'static str,
    pub deputy_name: &'static str,
    pub record: &'static str,
    pub not_recorded: &'static str,
    pub vote: &'static str,
    pub vote_question: &'static str,
    pub vote_minutes: &'static str,
    pub start_vote: &'static str,
    pub votes: &'static str,
    pub vote_open: &'static str,
    pub answer_vote: &'static str,
    pub answered: &'static str,
    pub end_vote: &'static str,
    pub minutes_link: &'static str,
}

static VI: RoomTexts = RoomTexts {
    room: "Phòng họp",
    not_started: "Phiên họp chưa bắt đầu.",
    closed: "Phiên họp đã kết thúc.",
    paused: "Tạm dừng",
    meeting_clock: "Thời gian họp",
    item_clock: "Thời gian nội dung",
    open: "Khai mạc",
    pause: "Tạm dừng",
    resume: "Tiếp tục",
    adopt_consent: "Thông qua các nội dung không thảo luận",
    adopt_consent_hint: "Các nội dung không có thành viên xin phát biểu hoặc không tán thành.",
    start_item: "Bắt đầu",
    end_item: "Kết thúc nội dung",
    close: "Bế mạc",
    close_confirm: "Bế mạc phiên họp? Thời điểm kết thúc sẽ được ghi lại.",
    current_item: "Đang thảo luận",
    no_current_item: "Chưa có nội dung nào đang thảo luận.",
    agenda: "Chương trình",
    documents: "Tài liệu",
    speaking: "Đang phát biểu",
    nobody_speaking: "Chưa có ai phát biểu.",
    queue: "Đăng ký phát biểu",
    queue_empty: "Chưa có ai đăng ký.",
    spoken: "Đã phát biểu",
    give_floor: "Mời phát biểu",
    end_floor: "Kết thúc phát biểu",
    request: "Xin phát biểu",
    withdraw: "Rút đăng ký",
    you_are_queued: "Bạn đã đăng ký phát biểu.",
    deputy_for: "dự thay",
    conclusion: "Kết luận",
    save_conclusion: "Lưu kết luận",
    saved: "Đã lưu.",
    attendance: "Điểm danh",
    quorum: "Có mặt",
    quorum_reached: "Đủ hai phần ba để biểu quyết",
    quorum_missing: "Chưa đủ hai phần ba để biểu quyết",
    reason: "Lý do vắng",
    deputy_name: "Người dự thay",
    record: "Ghi",
    not_recorded: "Chưa điểm danh",
    vote: "Biểu quyết",
    vote_question: "Nội dung biểu quyết",
    vote_minutes: "Thời gian (phút)",
    start_vote: "Bắt đầu biểu quyết",
    votes: "Biểu quyết tại phiên họp",
    vote_open: "Đang biểu quyết",
    answer_vote: "Biểu quyết ngay",
    answered: "đã trả lời",
    end_vote: "Kết thúc biểu quyết",
    minutes_link: "Biên bản",
};

static EN: RoomTexts = RoomTexts {
    room: "Meeting room",
    not_started: "The meeting has not started.",
    closed: "The meeting has ended.",
    paused: "Paused",
    meeting_clock: "Meeting time",
    item_clock: "Item time",
    open: "Open the meeting",
    pause: "Pause",
    resume: "Resume",
    adopt_consent: "Adopt the items without discussion",
    adopt_consent_hint: "Items on which no member asked to speak or objected.",
    start_item: "Start",
    end_item: "End the item",
    close: "Close the meeting",
    close_confirm: "Close the meeting? Its end time will be recorded.",
    current_item: "Under discussion",
    no_current_item: "No item is under discussion.",
    agenda: "Agenda",
    documents: "Documents",
    speaking: "Speaking",
    nobody_speaking: "Nobody has the floor.",
    queue: "Requests to speak",
    queue_empty: "Nobody is waiting.",
    spoken: "Have spoken",
    give_floor: "Give the floor",
    end_floor: "End the speech",
    request: "Request to speak",
    withdraw: "Withdraw",
    you_are_queued: "You are in the queue.",
    deputy_for: "deputy",
    conclusion: "Conclusion",
    save_conclusion: "Save the conclusion",
    saved: "Saved.",
    attendance: "Attendance",
    quorum: "Present",
    quorum_reached: "Two thirds present: votes allowed",
    quorum_missing: "Fewer than two thirds present: no vote",
    reason: "Reason for absence",
    deputy_name: "Deputy",
    record: "Record",
    not_recorded: "Not recorded",
    vote: "Vote",
    vote_question: "Question",
    vote_minutes: "Time (minutes)",
    start_vote: "Start the vote",
    votes: "Votes in the meeting",
    vote_open: "Voting",
    answer_vote: "Vote now",
    answered: "answered",
    end_vote: "End the vote",
    minutes_link: "Minutes",
};

pub fn texts(lang: Lang) -> &'static RoomTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// `m:ss` (or `h:mm:ss`) of a number of seconds.
pub fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
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
}
