//! Who sees which submissions: the Government Office all; a ministry's officers and its
//! minister their ministry's; nobody else (a member sees what a submission became, on the
//! agenda or ballot, by those rules). Guests and administrators: 403.
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    All,
    Ministry(Uuid),
}

pub async fn reach(db: &Db, user: &CurrentUser) -> Result<Reach, AppError> {
    match user.role {
        Role::Secretariat => Ok(Reach::All),
        Role::Member | Role::Officer => crate::identity::store::ministry_of(db, user.id)
            .await?
            .map(Reach::Ministry)
            .ok_or(AppError::Forbidden),
        Role::Guest | Role::Admin => Err(AppError::Forbidden),
    }
}

/// The ministry `user` prepares submissions for: an officer's; `Forbidden` for anyone else.
pub async fn preparer_ministry(db: &Db, user: &CurrentUser) -> Result<Uuid, AppError> {
    if user.role != Role::Officer {
        return Err(AppError::Forbidden);
    }
    crate::identity::store::ministry_of(db, user.id)
        .await?
        .ok_or(AppError::Forbidden)
}
