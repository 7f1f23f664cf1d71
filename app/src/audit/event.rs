//! What the audit trail records. Names are stable strings: they are hashed into the chain.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditEvent {
    /// A session started through the demo-mode shortcut.
    DemoSignIn,
    /// A session ended by the user.
    SignOut,
}

impl AuditEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditEvent::DemoSignIn => "session.demo_sign_in",
            AuditEvent::SignOut => "session.sign_out",
        }
    }
}
