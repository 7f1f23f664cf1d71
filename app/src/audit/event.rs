//! What the audit trail records. Names are stable strings: they are hashed into the chain.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditEvent {
    /// A session started through the demo-mode shortcut.
    DemoSignIn,
    /// A session ended by the user.
    SignOut,
    /// A session started with a passkey.
    SignIn,
    /// A passkey sign-in was refused.
    SignInFailed,
    /// A passkey was registered through an enrolment link.
    PasskeyEnrolled,
}

impl AuditEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditEvent::DemoSignIn => "session.demo_sign_in",
            AuditEvent::SignOut => "session.sign_out",
            AuditEvent::SignIn => "session.sign_in",
            AuditEvent::SignInFailed => "session.sign_in_failed",
            AuditEvent::PasskeyEnrolled => "identity.passkey_enrolled",
        }
    }
}
