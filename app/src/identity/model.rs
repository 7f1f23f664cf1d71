//! Identity types shared by the server and the browser.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::{Lang, Messages};

/// One role per account. The chair is not a role: it is set per meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Member,
    Guest,
    Secretariat,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Guest => "guest",
            Role::Secretariat => "secretariat",
            Role::Admin => "admin",
        }
    }

    pub fn label(self, t: &Messages) -> &'static str {
        match self {
            Role::Member => t.role_member,
            Role::Guest => t.role_guest,
            Role::Secretariat => t.role_secretariat,
            Role::Admin => t.role_admin,
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

/// What every page knows about its viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    /// The server runs in demo mode (fictional data; demo sign-in).
    pub demo: bool,
}

/// What to show under a name: the title held, else the role.
pub fn title_or_role(title: Option<&Title>, role: Role, lang: Lang) -> String {
    match title {
        Some(t) => t.get(lang).to_owned(),
        None => role.label(lang.messages()).to_owned(),
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
