//! Who sees which tasks, decided once for every task read and act:
//! - the secretariat (it assigns and accepts) and the Government's leaders (the Prime
//!   Minister and the Deputies: the dashboard is theirs) see every task;
//! - a minister and a ministry's officers see the tasks their ministry leads or coordinates;
//! - guests and administrators see none (403), nor does anyone without a ministry (empty).
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    All,
    Ministry(Uuid),
    Nothing,
}

pub async fn reach(db: &Db, user: &CurrentUser) -> Result<Reach, AppError> {
    let ministry = || async {
        Ok::<_, AppError>(
            crate::identity::store::ministry_of(db, user.id)
                .await?
                .map_or(Reach::Nothing, Reach::Ministry),
        )
    };
    match user.role {
        Role::Secretariat => Ok(Reach::All),
        Role::Member if crate::identity::store::is_leader(db, user.id).await? => Ok(Reach::All),
        Role::Member | Role::Officer => ministry().await,
        Role::Guest | Role::Admin => Err(AppError::Forbidden),
    }
}
