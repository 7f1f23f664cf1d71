//! Identity types shared by the server and the browser.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::Lang;

/// One role per account. The chair is not a role: it is set per meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Member,
    Guest,
    Secretariat,
    Admin,
    /// A ministry's officer (cán bộ đầu mối): reports on the ministry's tasks; sees nothing of
    /// meetings unless invited. Bound to one ministry by an appointment.
    Officer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Guest => "guest",
            Role::Secretariat => "secretariat",
            Role::Admin => "admin",
            Role::Officer => "officer",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = crate::identity::texts::texts(lang);
        match self {
            Role::Member => t.role_member,
            Role::Guest => t.role_guest,
            Role::Secretariat => t.role_secretariat,
            Role::Admin => t.role_admin,
            Role::Officer => t.role_officer,
        }
    }
}

impl Role {
    /// The role named in a form or a CSV file: the stored names, or the Vietnamese/English
    /// labels people write ("thành viên", "khách mời", …), case-insensitively.
    pub fn parse(text: &str) -> Option<Role> {
        match text.trim().to_lowercase().as_str() {
            "member" | "thành viên" | "thành viên chính phủ" => Some(Role::Member),
            "guest" | "khách mời" | "khách" => Some(Role::Guest),
            "secretariat" | "văn phòng chính phủ" | "vpcp" => Some(Role::Secretariat),
            "admin" | "administrator" | "quản trị" | "quản trị hệ thống" => {
                Some(Role::Admin)
            }
            "officer" | "ministry officer" | "cán bộ đầu mối" | "đầu mối" => {
                Some(Role::Officer)
            }
            _ => None,
        }
    }

    /// Whether an account of `self` may create (or re-enrol) an account of `other`:
    /// the secretariat creates members, guests and ministry officers; administrators create
    /// any account.
    pub fn may_manage(self, other: Role) -> bool {
        match self {
            Role::Admin => true,
            Role::Secretariat => matches!(other, Role::Member | Role::Guest | Role::Officer),
            Role::Member | Role::Guest | Role::Officer => false,
        }
    }
}

impl TryFrom<String> for Role {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        match value.as_str() {
            "member" => Ok(Role::Member),
            "guest" => Ok(Role::Guest),
            "secretariat" => Ok(Role::Secretariat),
            "admin" => Ok(Role::Admin),
            "officer" => Ok(Role::Officer),
            other => Err(format!("unknown role {other:?}")),
        }
    }
}

/// A title in both languages, as held on some date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Title {
    pub vi: String,
    pub en: String,
}

impl Title {
    /// A title from the two nullable columns of an outer join: both or nothing.
    pub fn from_columns(vi: Option<String>, en: Option<String>) -> Option<Title> {
        Some(Title { vi: vi?, en: en? })
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// The signed-in user, as every page sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub full_name: String,
    pub role: Role,
    pub title: Option<Title>,
}

/// `Forbidden` unless `user` is of the secretariat (the Government Office): the one check for
/// what only the secretariat does.
pub fn require_secretariat(user: &CurrentUser) -> Result<(), crate::error::AppError> {
    if user.role == Role::Secretariat {
        Ok(())
    } else {
        Err(crate::error::AppError::Forbidden)
    }
}

/// What every page knows about its viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    /// The server runs in demo mode (fictional data; demo sign-in).
    pub demo: bool,
    /// Minutes without activity after which the page locks (the server's inactivity timeout).
    pub idle_minutes: u32,
    /// The viewer leads the Government (Prime Minister or a Deputy): sees the savings.
    pub leader: bool,
}

/// One of the viewer's sessions (devices signed in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: Uuid,
    /// Browser and system, e.g. "Chrome · Android".
    pub device: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The session of the device asking.
    pub current: bool,
}

/// One of the viewer's passkeys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

crate::labelled_enum! {
    /// What an in-app notice (and its e-mail copy) tells its person.
    pub enum NoticeKind {
        NewLink => "new_enrolment_link",
            "Văn phòng Chính phủ đã cấp cho đồng chí một liên kết đăng ký khóa truy cập mới.",
            "A new passkey enrolment link was issued for you.";
        Revoked => "passkeys_revoked_new_link",
            "Các khóa truy cập cũ của đồng chí đã bị thu hồi và một liên kết đăng ký mới đã được cấp.",
            "Your previous passkeys were revoked and a new enrolment link was issued.";
        MeetingPublished => "meeting_published",
            "Một cuộc họp đồng chí được mời đã được phát hành.",
            "A meeting you are invited to was published.";
        MeetingPostponed => "meeting_postponed",
            "Một cuộc họp đồng chí được mời đã bị hoãn.",
            "A meeting you are invited to was postponed.";
        MeetingCancelled => "meeting_cancelled",
            "Một cuộc họp đồng chí được mời đã bị hủy.",
            "A meeting you are invited to was cancelled.";
        BallotSent => "ballot_sent",
            "Đồng chí được đề nghị cho ý kiến trên một phiếu lấy ý kiến mới.",
            "You are asked for your opinion on a new ballot.";
        BallotReminder => "ballot_reminder",
            "Nhắc việc: đồng chí chưa trả lời một phiếu lấy ý kiến sắp hết hạn.",
            "Reminder: you have not answered a ballot whose deadline is near.";
        BallotExtended => "ballot_extended",
            "Thời hạn trả lời một phiếu lấy ý kiến đã được gia hạn.",
            "The deadline of a ballot was extended.";
        BallotClosed => "ballot_closed",
            "Một phiếu lấy ý kiến đã kết thúc.",
            "A ballot has closed.";
        BallotOverdue => "ballot_overdue",
            "Một phiếu lấy ý kiến đã hết hạn mà đồng chí chưa trả lời.",
            "A ballot closed before you answered it.";
        CommentMention => "comment_mention",
            "Đồng chí được nhắc đến trong một ý kiến thảo luận.",
            "You were mentioned in a comment.";
        TaskAssigned => "task_assigned",
            "Bộ của đồng chí được giao một nhiệm vụ mới.",
            "Your ministry was assigned a new task.";
        TaskDueSoon => "task_due_soon",
            "Nhắc việc: một nhiệm vụ của bộ sắp đến hạn.",
            "Reminder: a task of your ministry is nearly due.";
        TaskOverdue => "task_overdue",
            "Một nhiệm vụ của bộ đã quá hạn.",
            "A task of your ministry is overdue.";
        TaskCompletionReported => "task_completion_reported",
            "Một bộ đã báo cáo hoàn thành nhiệm vụ, chờ xác nhận.",
            "A ministry reported a task done: it awaits your review.";
        TaskDecided => "task_decided",
            "Văn phòng Chính phủ đã xem xét báo cáo hoặc đề nghị về một nhiệm vụ của bộ.",
            "The Government Office decided on a report or request about your ministry's task.";
        TaskExtensionAsked => "task_extension_asked",
            "Một bộ đề nghị gia hạn nhiệm vụ.",
            "A ministry asked for a task's deadline to be extended.";
        TaskOverdueDigest => "task_overdue_digest",
            "Tổng hợp hằng tuần: có nhiệm vụ quá hạn (xem mục Theo dõi nhiệm vụ).",
            "Weekly digest: some tasks are overdue (see Follow-up tasks).";
        /// A kind this version does not know (written by a newer one).
        Other => "other", "Thông báo hệ thống", "System notice";
    }
}

/// A notice to the viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    /// What happened.
    pub kind: NoticeKind,
    pub created_at: DateTime<Utc>,
}

/// Everything the "my account" page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub passkeys: Vec<PasskeyView>,
    pub sessions: Vec<SessionView>,
    pub notifications: Vec<NotificationView>,
}

/// An account as the administration page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: Uuid,
    pub full_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub role: Role,
    pub title: Option<Title>,
    pub active: bool,
    /// Passkeys in use (not revoked).
    pub passkeys: i64,
}

/// What creating an account takes (one form, or one CSV line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NewAccount {
    pub full_name: String,
    pub title: String,
    /// Ministry code (e.g. "BTC"), empty for none.
    pub ministry: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

/// An account just created (or re-issued a link), with its one-time enrolment link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedLink {
    pub user_id: Uuid,
    pub full_name: String,
    pub link: String,
    pub expires_at: DateTime<Utc>,
}

/// An enrolment link was asked for: a second authorised person must approve it before any
/// link exists. What the one who asked is told (never a link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestedEnrolment {
    pub user_id: Uuid,
    pub full_name: String,
}

/// A request for an enrolment link waiting for a second person's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingEnrolment {
    pub id: Uuid,
    pub user_id: Uuid,
    pub full_name: String,
    pub role: Role,
    pub requested_by: String,
    pub requested_at: DateTime<Utc>,
    /// Approval revokes every passkey and session of the account first.
    pub reset: bool,
    /// Asked for by the viewer: they may withdraw it, not approve it.
    pub mine: bool,
}

/// What to show under a name: the title held, else the role.
pub fn title_or_role(title: Option<&Title>, role: Role, lang: Lang) -> String {
    match title {
        Some(t) => t.get(lang).to_owned(),
        None => role.label(lang).to_owned(),
    }
}

/// A person as listed on a page: name and the title held at the time in question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Uuid,
    pub full_name: String,
    pub title: Option<Title>,
}

/// What the sign-in page offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// Present only in demo mode: accounts one may act as without a passkey.
    pub demo_users: Option<Vec<DemoUser>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoUser {
    pub id: Uuid,
    pub full_name: String,
    pub role: Role,
    pub title: Option<Title>,
}

#[cfg(test)]
mod tests {
    use super::Role::{self, *};

    #[test]
    fn only_administrators_create_secretariat_and_administrators() {
        let expected = [
            // (creator, created, allowed) — the rule, written out.
            (Admin, Member, true),
            (Admin, Guest, true),
            (Admin, Secretariat, true),
            (Admin, Admin, true),
            (Secretariat, Member, true),
            (Secretariat, Guest, true),
            (Secretariat, Secretariat, false),
            (Secretariat, Admin, false),
            (Member, Member, false),
            (Member, Guest, false),
            (Guest, Guest, false),
            (Guest, Member, false),
            // Ministry officers: created by either; they create nobody.
            (Admin, Officer, true),
            (Secretariat, Officer, true),
            (Officer, Officer, false),
            (Officer, Member, false),
        ];
        for (creator, created, allowed) in expected {
            assert_eq!(
                creator.may_manage(created),
                allowed,
                "{creator:?} → {created:?}"
            );
        }
    }

    #[test]
    fn roles_are_read_in_either_language() {
        assert_eq!(Role::parse(" Thành viên "), Some(Member));
        assert_eq!(Role::parse("KHÁCH MỜI"), Some(Guest));
        assert_eq!(Role::parse("secretariat"), Some(Secretariat));
        assert_eq!(Role::parse("chair"), None);
    }
}
