//! The words of the audit log page, Vietnamese first. A missing translation does not compile.

crate::texts! {
    pub struct AuditLogTexts {
        audit_title: "Nhật ký kiểm tra", "Audit log";
        audit_event: "Sự kiện", "Event";
        audit_all_events: "Tất cả sự kiện", "All events";
        audit_actor: "Người thực hiện", "Actor";
        audit_subject: "Đối tượng", "Subject";
        audit_from: "Từ ngày", "From";
        audit_to: "Đến ngày", "To";
        audit_apply: "Lọc", "Filter";
        audit_security_only:
            "Quản trị viên chỉ xem các sự kiện an ninh.",
            "Administrators see security events only.";
        audit_older: "Xem các bản ghi cũ hơn", "Older records";
        audit_empty: "Không có bản ghi nào phù hợp.", "No records match.";
    }
}
