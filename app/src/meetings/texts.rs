//! The words of the meetings pages, Vietnamese first. A missing translation does not compile.

use crate::i18n::Lang;

crate::texts! {
    pub struct MeetingTexts {
        enter_room: "Vào phòng họp", "Enter the meeting room";
        meetings_title: "Các cuộc họp", "Meetings";
        meetings_empty: "Chưa có cuộc họp nào dành cho đồng chí.", "There are no meetings for you yet.";
        meeting_kind_regular: "Phiên họp thường kỳ", "Regular session";
        meeting_kind_thematic: "Phiên họp chuyên đề", "Thematic session";
        meeting_kind_extraordinary: "Phiên họp bất thường", "Extraordinary session";
        state_draft: "Bản nháp", "Draft";
        state_published: "Đã phát hành", "Published";
        state_in_progress: "Đang họp", "In progress";
        state_closed: "Đã kết thúc", "Closed";
        state_postponed: "Hoãn", "Postponed";
        state_cancelled: "Hủy", "Cancelled";
        place: "Địa điểm", "Place";
        online: "Trực tuyến", "Online";
        chair: "Chủ tọa", "Chair";
        planned_duration: "Thời lượng dự kiến", "Planned duration";
        agenda: "Chương trình họp", "Agenda";
        agenda_items_count: "nội dung", "items";
        presenter: "Cơ quan trình", "Presented by";
        documents: "Tài liệu", "Documents";
        no_documents: "Chưa có tài liệu.", "No documents yet.";
        invitees: "Thành phần mời họp", "Invited";
        guests: "Khách mời", "Guests";
        back_to_meetings: "← Danh sách cuộc họp", "← All meetings";
        total_planned: "Tổng thời lượng các nội dung", "Total planned for the items";
        comments_title: "Thảo luận", "Discussion";
        comment_label:
            "Ý kiến của đồng chí (gõ @Họ tên để nhắc đến ai đó)",
            "Your comment (type @Full Name to mention someone)";
        comment_send: "Gửi ý kiến", "Post comment";
        comment_reply: "Trả lời", "Reply";
        comment_replying: "Trả lời ý kiến của", "Replying to";
        comment_cancel: "Hủy", "Cancel";
        comment_edit: "Sửa", "Edit";
        comment_save: "Lưu thay đổi", "Save the change";
        comment_history: "Các bản trước", "Earlier versions";
        comment_secretariat_only: "Chỉ gửi Văn phòng Chính phủ", "Secretariat only";
        comment_edited: "đã sửa", "edited";
        comment_on_document: "Về tài liệu", "On the document";
        comment_on_item: "Về nội dung chung", "On the item";
        position_legend: "Ý kiến của tôi trước cuộc họp", "My position before the meeting";
        stance_no_objection: "Không có ý kiến", "No objection";
        stance_speak: "Xin phát biểu", "Wish to speak";
        stance_object: "Không tán thành", "Object";
        position_reason: "Lý do hoặc nội dung phát biểu", "Reason, or what you wish to say";
        position_save: "Lưu ý kiến", "Save position";
        position_saved: "Đã lưu", "Saved";
        positions_title: "Ý kiến của thành viên theo từng nội dung", "Members' positions per item";
        consent_block_title:
            "Đề xuất thông qua không thảo luận",
            "Proposed for adoption without discussion";
        consent_block_empty: "Chưa có nội dung nào đủ điều kiện.", "No item qualifies yet.";
        readiness_title: "Mức độ sẵn sàng", "Readiness";
        readiness_member: "Thành viên", "Member";
        readiness_items: "Nội dung đã xem", "Items reviewed";
        readiness_not_opened: "Chưa mở", "Not opened";
        readiness_hint:
            "Mỗi ô: đã mở hay chưa, số trang đã xem / tổng số trang.",
            "Each cell: opened or not, pages viewed / pages.";
        readiness_empty:
            "Chưa có thành viên được mời hoặc chưa có tài liệu.",
            "No members invited or no documents yet.";
        meeting_new_title: "Tạo cuộc họp mới", "New meeting";
        meeting_edit_title: "Chuẩn bị cuộc họp", "Prepare the meeting";
        meeting_view_as_member: "← Xem như thành viên", "← View as members see it";
        meeting_state_label: "Trạng thái cuộc họp", "Meeting state";
        meeting_publish: "Phát hành", "Publish";
        meeting_postpone: "Hoãn", "Postpone";
        meeting_cancel: "Hủy cuộc họp", "Cancel the meeting";
        document_rename: "Đổi tên", "Rename";
        document_title_field: "Tên tài liệu", "Document title";
        publish_heading: "Phát hành cuộc họp?", "Publish the meeting?";
        publish_body:
            "Những người được mời dưới đây nhận được thông báo và xem được chương trình, tài liệu.",
            "The people invited below are notified and can see the agenda and documents.";
        cancel_heading: "Hủy cuộc họp?", "Cancel the meeting?";
        cancel_body:
            "Cuộc họp bị hủy không khôi phục được; những người được mời dưới đây nhận được thông báo hủy.",
            "A cancelled meeting cannot be restored; the people invited below are told it is cancelled.";
        meeting_copy: "Sao chép làm mẫu", "Copy as a template";
        meeting_details: "Thông tin cuộc họp", "Details";
        meeting_kind: "Loại phiên họp", "Kind of meeting";
        meeting_title_field: "Tên cuộc họp", "Title";
        item_title: "Nội dung", "Item";
        minutes_label: "Số phút", "Minutes";
        move_up: "Chuyển lên nội dung", "Move up item";
        move_down: "Chuyển xuống nội dung", "Move down item";
        item_add: "Thêm nội dung", "Add an item";
        downloadable: "Cho phép tải về", "Downloadable";
        save_guests: "Lưu khách mời", "Save guests";
        save_invitees: "Lưu thành phần mời", "Save invitations";
        invite_all: "Mời tất cả thành viên Chính phủ", "Invite all Government members";
        changes_title: "Thay đổi sau khi phát hành", "Changes since publication";
        updated_on: "Cập nhật", "Updated";
        edit_meeting: "Chuẩn bị cuộc họp", "Prepare";
        new_meeting: "Tạo cuộc họp mới", "New meeting";
    }
}

/// The flag of a scanned document: "Bản quét: 3/12 trang không có chữ, không tìm kiếm được".
pub fn scan_flag(without_text: i64, pages: Option<i64>, lang: Lang) -> String {
    let of = pages.map(|n| format!("/{n}")).unwrap_or_default();
    match lang {
        Lang::Vi => format!("Bản quét: {without_text}{of} trang không có chữ, không tìm kiếm được"),
        Lang::En if without_text == 1 => format!("Scan: 1{of} page without text, not searchable"),
        Lang::En => format!("Scan: {without_text}{of} pages without text, not searchable"),
    }
}
