//! The viewer's session as the page knows it: loaded once per page by the shell, read by every
//! view that shows or hides something by who is looking.
use leptos::prelude::Resource;

use crate::error::AppError;
use crate::identity::model::SessionInfo;

/// The viewer's session, loaded once per page.
#[derive(Clone, Copy)]
pub struct SessionResource(pub Resource<Result<SessionInfo, AppError>>);
