//! The words of the audit log page, Vietnamese first. A missing translation does not compile.
use crate::i18n::Lang;

pub struct AuditLogTexts {
    pub audit_title: &'static str,
    pub audit_event: &'static str,
    pub audit_all_events: &'static str,
    pub audit_actor: &'static str,
    pub audit_subject: &'static str,
    pub audit_from: &'static str,
    pub audit_to: &'static str,
    pub audit_apply: &'static str,
    pub audit_security_only: &'static str,
    pub audit_older: &'static str,
    pub audit_empty: &'static str,
}

static VI: AuditLogTexts = AuditLogTexts {
    audit_title: "Nhật ký kiểm tra",
    audit_event: "Sự kiện",
    audit_all_events: "Tất cả sự kiện",
    audit_actor: "Người thực hiện",
    audit_subject: "Đối tượng",
    audit_from: "Từ ngày",
    audit_to: "Đến ngày",
    audit_apply: "Lọc",
    audit_security_only: "Quản trị viên chỉ xem các sự kiện an ninh.",
    audit_older: "Xem các bản ghi cũ hơn",
    audit_empty: "Không có bản ghi nào phù hợp.",
};

static EN: AuditLogTexts = AuditLogTexts {
    audit_title: "Audit log",
    audit_event: "Event",
    audit_all_events: "All events",
    audit_actor: "Actor",
    audit_subject: "Subject",
    audit_from: "From",
    audit_to: "To",
    audit_apply: "Filter",
    audit_security_only: "Administrators see security events only.",
    audit_older: "Older records",
    audit_empty: "No records match.",
};

pub fn texts(lang: Lang) -> &'static AuditLogTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
