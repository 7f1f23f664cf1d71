//! What can be wrong with an act in the meeting room, worded in each language.
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoomProblem {
    /// The meeting is not in progress (not opened yet, or closed).
    NotRunning,
    /// The meeting cannot be opened from its state (a draft, closed, cancelled).
    CannotOpen,
    AlreadyPaused,
    NotPaused,
    /// The item was already taken up or adopted.
    ItemNotPending,
    /// No item is being discussed.
    NoCurrentItem,
    /// Every item proposed for the consent block was already taken up (or none was proposed).
    NothingToAdopt,
    /// The request to speak is not waiting on the item under discussion.
    SpeakerNotWaiting,
    /// Nobody has the floor.
    NobodySpeaking,
    /// A conclusion that is empty or over 5,000 characters.
    ConclusionInvalid,
    /// Absent without a reason, a deputy without a name, or someone not invited.
    AttendanceInvalid,
    /// The member is recorded as absent, or the item is over: no request to speak.
    CannotRequest,
    /// A vote without a question, or with a time outside 1 to 120 minutes.
    VoteInvalid,
    /// Fewer than two thirds of the Government members are present.
    NoQuorum {
        present: u32,
        needed: u32,
    },
}

impl RoomProblem {
    pub fn message(self, lang: Lang) -> String {
        use RoomProblem::*;
        let fixed = match (self, lang) {
            (NoQuorum { present, needed }, Lang::Vi) => {
                return format!(
                    "Chưa đủ hai phần ba thành viên Chính phủ có mặt để biểu quyết: {present}/{needed}."
                )
            }
            (NoQuorum { present, needed }, Lang::En) => {
                return format!(
                    "Fewer than two thirds of the Government members are present to vote: {present}/{needed}."
                )
            }
            (NotRunning, Lang::Vi) => "Phiên họp không đang diễn ra.",
            (NotRunning, Lang::En) => "The meeting is not in progress.",
            (CannotOpen, Lang::Vi) => "Không thể khai mạc phiên họp ở trạng thái này.",
            (CannotOpen, Lang::En) => "The meeting cannot be opened in its present state.",
            (AlreadyPaused, Lang::Vi) => "Phiên họp đang tạm dừng.",
            (AlreadyPaused, Lang::En) => "The meeting is already paused.",
            (NotPaused, Lang::Vi) => "Phiên họp không tạm dừng.",
            (NotPaused, Lang::En) => "The meeting is not paused.",
            (ItemNotPending, Lang::Vi) => "Nội dung này đã được thảo luận hoặc thông qua.",
            (ItemNotPending, Lang::En) => "This item was already taken up or adopted.",
            (NoCurrentItem, Lang::Vi) => "Không có nội dung nào đang thảo luận.",
            (NoCurrentItem, Lang::En) => "No item is under discussion.",
            (NothingToAdopt, Lang::Vi) => "Không còn nội dung nào trong danh mục thông qua không thảo luận.",
            (NothingToAdopt, Lang::En) => "No item is left to adopt without discussion.",
            (SpeakerNotWaiting, Lang::Vi) => "Đăng ký phát biểu này không còn chờ.",
            (SpeakerNotWaiting, Lang::En) => "This request to speak is no longer waiting.",
            (NobodySpeaking, Lang::Vi) => "Không có ai đang phát biểu.",
            (NobodySpeaking, Lang::En) => "Nobody has the floor.",
            (ConclusionInvalid, Lang::Vi) => "Kết luận không được để trống và tối đa 5.000 ký tự.",
            (ConclusionInvalid, Lang::En) => "A conclusion must not be empty and has at most 5,000 characters.",
            (AttendanceInvalid, Lang::Vi) => {
                "Điểm danh không hợp lệ: vắng mặt cần lý do, người dự thay cần họ tên, và chỉ cho thành viên được mời."
            }
            (AttendanceInvalid, Lang::En) => {
                "Attendance not valid: an absence needs a reason, a deputy a name, and only invited members count."
            }
            (CannotRequest, Lang::Vi) => "Không thể đăng ký phát biểu về nội dung này.",
            (CannotRequest, Lang::En) => "You cannot ask to speak on this item.",
            (VoteInvalid, Lang::Vi) => "Biểu quyết cần nội dung và thời gian từ 1 đến 120 phút.",
            (VoteInvalid, Lang::En) => "A vote needs a question and a time of 1 to 120 minutes.",
        };
        fixed.to_owned()
    }
}
