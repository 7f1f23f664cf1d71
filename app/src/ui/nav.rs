//! Which sections each role sees in the navigation.
use crate::i18n::Messages;
use crate::identity::model::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Meetings,
    Ballots,
    Search,
    /// Account administration: the secretariat (members, guests) and administrators.
    Accounts,
    Audit,
}

impl Section {
    pub fn href(self) -> &'static str {
        match self {
            Section::Meetings => "/",
            Section::Ballots => "/ballots",
            Section::Search => "/search",
            Section::Accounts => "/admin",
            Section::Audit => "/audit",
        }
    }

    pub fn label(self, t: &Messages) -> &'static str {
        match self {
            Section::Meetings => t.nav_meetings,
            Section::Ballots => t.nav_ballots,
            Section::Search => t.nav_search,
            Section::Accounts => t.nav_accounts,
            Section::Audit => t.nav_audit,
        }
    }
}

/// The sections of the navigation for `role`. Later features (ballots, analytics, audit)
/// add theirs here; administrators never get meeting content.
pub fn sections_for(role: Role) -> &'static [Section] {
    match role {
        Role::Member => &[Section::Meetings, Section::Ballots, Section::Search],
        Role::Guest => &[Section::Meetings, Section::Search],
        Role::Secretariat => &[
            Section::Meetings,
            Section::Ballots,
            Section::Search,
            Section::Accounts,
            Section::Audit,
        ],
        Role::Admin => &[Section::Accounts, Section::Audit],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn administrators_get_no_meeting_section() {
        assert_eq!(
            sections_for(Role::Admin),
            &[Section::Accounts, Section::Audit]
        );
        assert_eq!(
            sections_for(Role::Secretariat),
            &[
                Section::Meetings,
                Section::Ballots,
                Section::Search,
                Section::Accounts,
                Section::Audit
            ]
        );
        assert_eq!(
            sections_for(Role::Member),
            &[Section::Meetings, Section::Ballots, Section::Search]
        );
        // Guests are never asked on ballots.
        assert_eq!(
            sections_for(Role::Guest),
            &[Section::Meetings, Section::Search]
        );
    }
}
