//! What can be wrong with a meeting's or an agenda item's data: a closed set, worded here in
//! both languages (the error type carries it, see `crate::error::BadInput`).
crate::labelled_enum! {
    /// What is wrong with a meeting's or an item's data.
    pub enum MeetingProblem {
        TitleMissing => "title_missing",
            "Chưa nhập tên.",
            "The title is missing.";
        KindUnknown => "kind_unknown",
            "Loại phiên họp không hợp lệ.",
            "The kind of meeting is not valid.";
        StartInvalid => "start_invalid",
            "Thời gian bắt đầu không hợp lệ.",
            "The start time is not valid.";
        DurationInvalid => "duration_invalid",
            "Thời lượng phải từ 1 đến 1440 phút.",
            "The duration must be 1 to 1440 minutes.";
        ChairUnknown => "chair_unknown",
            "Chủ tọa phải là một thành viên Chính phủ.",
            "The chair must be a Government member.";
        MinistryUnknown => "ministry_unknown",
            "Không có bộ, cơ quan với mã này.",
            "There is no ministry with this code.";
        /// An invitee who is not an active member (or guest, for items).
        PersonUnknown => "person_unknown",
            "Người được mời không hợp lệ.",
            "Someone invited is not a valid invitee.";
        /// A new order of items that is not exactly the meeting's items.
        OrderInvalid => "order_invalid",
            "Thứ tự mới không khớp với các nội dung của cuộc họp.",
            "The new order does not match the meeting's items.";
    }
}
