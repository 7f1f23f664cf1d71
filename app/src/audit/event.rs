//! What the audit trail records. Names are stable strings: they are hashed into the chain.

/// Every event with its stored name, whether it is a security event, and its labels.
macro_rules! audit_events {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, $security:literal, $vi:literal, $en:literal; )*) => {
        crate::labelled_enum! {
            /// One kind of act the trail records (`as_str` is hashed into the chain).
            pub enum AuditEvent {
                $( $(#[$doc])* $variant => $name, $vi, $en; )*
            }
        }

        impl AuditEvent {
            /// Security events (sign-ins, passkeys, accounts, refusals) are what
            /// administrators see; the secretariat sees every event.
            pub fn is_security(self) -> bool {
                match self { $( AuditEvent::$variant => $security, )* }
            }
        }
    };
}

audit_events! {
    /// A session started through the demo-mode shortcut.
    DemoSignIn => "session.demo_sign_in", true, "Đăng nhập trình diễn", "Demo sign-in";
    /// A session ended by the user.
    SignOut => "session.sign_out", true, "Đăng xuất", "Sign-out";
    /// A session started with a passkey.
    SignIn => "session.sign_in", true, "Đăng nhập", "Sign-in";
    /// A passkey sign-in was refused.
    SignInFailed => "session.sign_in_failed", true, "Đăng nhập thất bại", "Failed sign-in";
    /// The user ended their sessions on other devices.
    OtherSessionsEnded => "session.others_ended", true, "Đăng xuất các thiết bị khác", "Signed out other devices";
    /// A passkey was registered (through an enrolment link, or added while signed in).
    PasskeyEnrolled => "identity.passkey_enrolled", true, "Đăng ký khóa truy cập", "Passkey registered";
    /// A passkey was renamed by its owner.
    PasskeyRenamed => "identity.passkey_renamed", true, "Đổi tên khóa truy cập", "Passkey renamed";
    /// A passkey was removed (revoked, kept) by its owner.
    PasskeyRemoved => "identity.passkey_removed", true, "Xóa khóa truy cập", "Passkey removed";
    /// Every passkey of an account was revoked by an administrator (lost device).
    PasskeysRevoked => "identity.passkeys_revoked", true, "Thu hồi mọi khóa truy cập", "All passkeys revoked";
    /// An account was created.
    AccountCreated => "identity.account_created", true, "Tạo tài khoản", "Account created";
    /// A one-time enrolment link was issued.
    EnrolmentIssued => "identity.enrolment_issued", true, "Cấp liên kết đăng ký", "Enrolment link issued";
    /// An enrolment link was asked for (new account or reset): it waits for a second person.
    EnrolmentRequested => "identity.enrolment_requested", true, "Đề nghị cấp liên kết đăng ký", "Enrolment link requested";
    /// A second person approved a request: the link was made and shown to them.
    EnrolmentApproved => "identity.enrolment_approved", true, "Phê duyệt cấp liên kết đăng ký", "Enrolment link approved";
    /// A request was refused by a second person, or withdrawn by its issuer.
    EnrolmentRefused => "identity.enrolment_refused", true, "Từ chối cấp liên kết đăng ký", "Enrolment link refused";
    /// An account was deactivated (its sessions ended, its pages wiped).
    AccountDeactivated => "identity.account_deactivated", true, "Vô hiệu hóa tài khoản", "Account deactivated";
    /// Someone signed in asked for something they may not see or do.
    AccessDenied => "access.denied", true, "Từ chối truy cập", "Access denied";
    /// A meeting was created (or copied from another).
    MeetingCreated => "meeting.created", false, "Tạo cuộc họp", "Meeting created";
    /// A meeting's details changed.
    MeetingChanged => "meeting.changed", false, "Sửa thông tin cuộc họp", "Meeting details changed";
    MeetingPublished => "meeting.published", false, "Phát hành cuộc họp", "Meeting published";
    MeetingPostponed => "meeting.postponed", false, "Hoãn cuộc họp", "Meeting postponed";
    MeetingCancelled => "meeting.cancelled", false, "Hủy cuộc họp", "Meeting cancelled";
    /// Agenda items added, changed, reordered or removed; a document's download permission.
    AgendaChanged => "meeting.agenda_changed", false, "Sửa chương trình họp", "Agenda changed";
    InvitationsChanged => "meeting.invitations_changed", false, "Sửa thành phần mời", "Invitations changed";
    /// A document was removed before publication.
    DocumentRemoved => "document.removed", false, "Gỡ tài liệu", "Document removed";
    /// A document was uploaded to an agenda item.
    DocumentUploaded => "document.uploaded", false, "Tải lên tài liệu", "Document uploaded";
    /// A new version of a document was uploaded.
    DocumentVersionAdded => "document.version_added", false, "Tải lên phiên bản mới", "New document version";
    /// A document was opened in the reader (once per opening, not per page fetched).
    DocumentOpened => "document.opened", false, "Mở tài liệu", "Document opened";
    /// A document was downloaded as a file.
    DocumentDownloaded => "document.downloaded", false, "Tải tài liệu về", "Document downloaded";
    BallotCreated => "ballot.created", false, "Tạo phiếu lấy ý kiến", "Ballot created";
    BallotChanged => "ballot.changed", false, "Sửa phiếu lấy ý kiến", "Ballot changed";
    BallotSent => "ballot.sent", false, "Gửi phiếu lấy ý kiến", "Ballot sent";
    /// A ballot's deadline was extended (the reason is stored with the extension).
    BallotExtended => "ballot.extended", false, "Gia hạn phiếu lấy ý kiến", "Ballot deadline extended";
    /// A ballot closed (by the secretariat, or at its deadline: no actor).
    BallotClosed => "ballot.closed", false, "Kết thúc phiếu lấy ý kiến", "Ballot closed";
    /// A member's signed answer (the subject is the answer).
    BallotAnswered => "ballot.answered", false, "Trả lời phiếu (có ký)", "Signed ballot answer";
    /// An answer received on paper, entered by the secretariat (the subject is the answer).
    BallotPaperAnswer => "ballot.paper_answer", false, "Nhập phiếu giấy", "Paper answer entered";
    /// The meeting was opened (its actual start recorded).
    MeetingOpened => "meeting.opened", false, "Khai mạc phiên họp", "Meeting opened";
    MeetingPaused => "meeting.paused", false, "Tạm dừng phiên họp", "Meeting paused";
    MeetingResumed => "meeting.resumed", false, "Tiếp tục phiên họp", "Meeting resumed";
    /// The meeting was closed (its actual end recorded).
    MeetingClosed => "meeting.closed", false, "Bế mạc phiên họp", "Meeting closed";
    /// Attendance of a member recorded (the subject is the meeting).
    AttendanceRecorded => "meeting.attendance", false, "Điểm danh", "Attendance recorded";
    /// The consent block was adopted without discussion (the subject is the meeting).
    ConsentAdopted => "meeting.consent_adopted", false, "Thông qua không thảo luận", "Consent block adopted";
    ItemStarted => "meeting.item_started", false, "Bắt đầu nội dung", "Item started";
    ItemEnded => "meeting.item_ended", false, "Kết thúc nội dung", "Item ended";
    /// The floor was given (the subject is the request to speak).
    FloorGiven => "meeting.floor_given", false, "Mời phát biểu", "Floor given";
    /// An item's conclusion was recorded (the subject is the item).
    ConclusionRecorded => "meeting.conclusion", false, "Ghi kết luận", "Conclusion recorded";
    /// An in-meeting vote was started on the ballot engine (the subject is the ballot).
    VoteStarted => "meeting.vote_started", false, "Biểu quyết tại phiên họp", "In-meeting vote started";
    /// The minutes were edited or drafted again by the secretariat (the subject is the meeting).
    MinutesSaved => "minutes.saved", false, "Sửa biên bản", "Minutes edited";
    MinutesApproved => "minutes.approved", false, "Chủ tọa duyệt biên bản", "Minutes approved by the chair";
    /// Finalised: locked, with the SHA-256 of the text kept beside it.
    MinutesFinalised => "minutes.finalised", false, "Hoàn tất biên bản", "Minutes finalised";
    /// Whether a closed meeting counts in the savings, decided with a reason (the detail is
    /// the hash of the decision and its reason).
    SavingsReviewed => "analytics.reviewed", false, "Xem xét tính vào hiệu quả", "Savings review";
    /// A task was assigned (the subject is the task; the detail the hash of what was assigned).
    TaskAssigned => "task.assigned", false, "Giao nhiệm vụ", "Task assigned";
    /// A ministry reported on a task: progress, a contribution or completion (the detail is
    /// the hash of the report).
    TaskReported => "task.reported", false, "Báo cáo nhiệm vụ", "Task reported on";
    TaskAccepted => "task.accepted", false, "Xác nhận hoàn thành nhiệm vụ", "Task accepted as done";
    TaskReturned => "task.returned", false, "Trả lại báo cáo nhiệm vụ", "Task returned";
    TaskExtensionAsked => "task.extension_asked", false, "Đề nghị gia hạn nhiệm vụ", "Task extension asked";
    /// An extension granted or refused (the detail: the hash of the decision and its reason).
    TaskExtensionDecided => "task.extension_decided", false, "Quyết định gia hạn nhiệm vụ", "Task extension decided";
    /// Tasks of the paper era imported from a CSV file (the detail: the file's hash).
    TasksImported => "task.imported", false, "Nhập danh sách nhiệm vụ", "Tasks imported";
    /// A ministry's submission was started or its facts changed (the detail: the hash of the
    /// facts as saved).
    SubmissionSaved => "submission.saved", false, "Lưu tờ trình", "Submission saved";
    /// The minister signed and sent a submission (the detail: the hash of the canonical text
    /// signed, its documents' SHA-256 included).
    SubmissionSent => "submission.sent", false, "Ký gửi tờ trình", "Submission signed and sent";
}

#[cfg(test)]
mod tests {
    use super::AuditEvent;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<_> = AuditEvent::ALL.iter().map(|e| e.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), AuditEvent::ALL.len());
        assert_eq!(
            AuditEvent::parse("session.sign_in_failed"),
            Some(AuditEvent::SignInFailed)
        );
        assert_eq!(AuditEvent::parse("nope"), None);
    }
}
