//! Which sections each role sees in the navigation.
use crate::i18n::Messages;
use crate::identity::model::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Meetings,
    Administration,
}

impl Section {
    pub fn href(self) -> &'static str {
        match self {
            Section::Meetings => "/",
            Section::Administration => "/admin",
        }
    }

    pub fn label(self, t: &Messages) -> &'static str {
        match self {
            Section::Meetings => t.nav_meetings,
            Section::Administration => t.nav_admin,
        }
    }
}

/// The sections of the navigation for `role`. Later features (ballots, analytics, audit)
/// add theirs here; administrators never get meeting content.
pub fn sections_for(role: Role) -> &'static [Section] {
    match role {
        Role::Member | Role::Guest | Role::Secretariat => &[Section::Meetings],
        Role::Admin => &[Section::Administration],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn administrators_get_no_meeting_section() {
        assert_eq!(sections_for(Role::Admin), &[Section::Administration]);
        for role in [Role::Member, Role::Guest, Role::Secretariat] {
            assert!(sections_for(role).contains(&Section::Meetings), "{role:?}");
            assert!(
                !sections_for(role).contains(&Section::Administration),
                "{role:?}"
            );
        }
    }
}
