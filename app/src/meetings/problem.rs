//! What can be wrong with a meeting's or an agenda item's data: a closed set, worded here in
//! both languages (the error type carries it, see `crate::error::BadInput`).
// Stored names are the variants' own: the error crosses the network as it did before.
crate::labelled_enum! {
    /// What is wrong with a meeting's or an item's data.
    pub enum MeetingProblem {
        TitleMissing => "TitleMissing",
            "Chưa nhập tên.",
            "The title is missing.";
        KindUnknown => "KindUnknown",
            "Loại phiên họp không hợp lệ.",
            "The kind of meeting is not valid.";
        StartInvalid => "StartInvalid",
            "Thời gian bắt đầu không hợp lệ.",
            "The start time is not valid.";
        DurationInvalid => "DurationInvalid",
            "Thời lượng phải từ 1 đến 1440 phút.",
            "The duration must be 1 to 1440 minutes.";
        ChairUnknown => "ChairUnknown",
            "Chủ tọa phải là một thành viên Chính phủ.",
            "The chair must be a Government member.";
        MinistryUnknown => "MinistryUnknown",
            "Không có bộ, cơ quan với mã này.",
            "There is no ministry with this code.";
        /// An invitee who is not an active member (or guest, for items).
        PersonUnknown => "PersonUnknown",
            "Người được mời không hợp lệ.",
            "Someone invited is not a valid invitee.";
        /// A new order of items that is not exactly the meeting's items.
        OrderInvalid => "OrderInvalid",
            "Thứ tự mới không khớp với các nội dung của cuộc họp.",
            "The new order does not match the meeting's items.";
    }
}
