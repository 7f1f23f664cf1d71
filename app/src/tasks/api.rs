//! Server functions of follow-up tasks. Every one decides on the server who may do what
//! (`tasks::access`: the secretariat assigns and decides; a ministry's officers report on
//! its tasks; ministers and leaders read).
use leptos::prelude::*;

use crate::error::AppError;
use crate::tasks::model::{Dashboard, Sources, TaskForm, TaskSummary, TaskView};

#[cfg(feature = "ssr")]
use crate::identity::session::caller;

#[cfg(feature = "ssr")]
fn task_id(raw: &str) -> Result<uuid::Uuid, AppError> {
    crate::ids::parse_id(raw, crate::error::BadInput::Id)
}

/// Tell open pages that task `id` changed (each stream asks whether its viewer may see it).
#[cfg(feature = "ssr")]
async fn announce(state: &crate::state::AppState, id: uuid::Uuid) {
    state
        .live
        .publish(
            &state.db,
            crate::live::event::LiveEvent::TaskChanged { task_id: id },
        )
        .await;
}

#[cfg(feature = "ssr")]
fn today() -> chrono::NaiveDate {
    crate::tasks::store::today()
}

/// The tasks the caller may see, the oldest deadline first.
#[server(prefix = "/api", endpoint = "tasks")]
pub async fn list_tasks() -> Result<Vec<TaskSummary>, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::tasks::store::list_for(&state.db, &user, today()).await
    })
    .await
}

/// The figures of the tasks the caller may see.
#[server(prefix = "/api", endpoint = "task_dashboard")]
pub async fn task_dashboard() -> Result<Dashboard, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::tasks::dashboard::dashboard(&state.db, &user, today()).await
    })
    .await
}

/// One task, its history, and what the caller may do on it.
#[server(prefix = "/api", endpoint = "task")]
pub async fn get_task(id: String) -> Result<TaskView, AppError> {
    crate::error::respond(async {
        let id = task_id(&id)?;
        let (user, state) = caller().await?;
        crate::tasks::store::view(&state.db, &user, id, today()).await
    })
    .await
}

/// What a task may be assigned from (the secretariat): concluded items, closed ballots.
#[server(prefix = "/api", endpoint = "task_sources")]
pub async fn task_sources() -> Result<Sources, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::tasks::store::sources(&state.db, &user).await
    })
    .await
}

/// Assign a task (the secretariat); returns its id.
#[server(prefix = "/api", endpoint = "task_assign")]
pub async fn assign_task(form: TaskForm) -> Result<String, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        let id = crate::tasks::editing::assign(&state.db, &user, &form, today()).await?;
        announce(&state, id).await;
        Ok(id.to_string())
    })
    .await
}

/// Import the tasks of the paper era from CSV (the secretariat); returns how many.
#[server(prefix = "/api", endpoint = "tasks_import")]
pub async fn import_tasks(csv: String) -> Result<usize, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::tasks::import::import(&state.db, &user, &csv).await
    })
    .await
}

/// A ministry officer's report: `kind` is `progress`, `completion` or `contribution`;
/// `percent` a whole number from 0 to 100, or empty; `attachments` the ids of the officer's
/// uploads to the task, comma-separated.
#[server(prefix = "/api", endpoint = "task_report")]
pub async fn report_task(
    id: String,
    kind: String,
    body: String,
    percent: String,
    #[server(default)] attachments: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        use crate::tasks::model::EventKind;
        let id = task_id(&id)?;
        let (user, state) = caller().await?;
        let kind = EventKind::parse(kind.trim())
            .filter(|k| {
                matches!(
                    k,
                    EventKind::Progress | EventKind::Completion | EventKind::Contribution
                )
            })
            .ok_or(crate::tasks::editing::problem(
                crate::tasks::problem::TaskProblem::WrongState,
            ))?;
        let percent = match percent.trim() {
            "" => None,
            p => Some(p.parse::<i64>().map_err(|_| {
                crate::tasks::editing::problem(crate::tasks::problem::TaskProblem::PercentInvalid)
            })?),
        };
        let attachments = crate::tasks::evidence::parse_ids(&attachments)?;
        let report = crate::tasks::reports::Report {
            kind,
            body: &body,
            percent,
            attachments: &attachments,
        };
        crate::tasks::reports::report(&state.db, &user, id, report, today()).await?;
        announce(&state, id).await;
        Ok(())
    })
    .await
}

/// The secretariat accepts a reported completion (`decision` = `accept`) or returns it
/// (`return`, with a reason).
#[server(prefix = "/api", endpoint = "task_decide")]
pub async fn decide_task(id: String, decision: String, reason: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let id = task_id(&id)?;
        let (user, state) = caller().await?;
        let accept = decision.trim() == "accept";
        crate::tasks::reports::decide(&state.db, &user, id, accept, &reason, today()).await?;
        announce(&state, id).await;
        Ok(())
    })
    .await
}

/// The lead ministry's officer asks for a new deadline (`YYYY-MM-DD`), with a reason.
#[server(prefix = "/api", endpoint = "task_extension_ask")]
pub async fn ask_task_extension(
    id: String,
    deadline: String,
    reason: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let id = task_id(&id)?;
        let (user, state) = caller().await?;
        crate::tasks::reports::ask_extension(&state.db, &user, id, &deadline, &reason, today())
            .await?;
        announce(&state, id).await;
        Ok(())
    })
    .await
}

/// The secretariat grants (`decision` = `grant`) or refuses the pending extension.
#[server(prefix = "/api", endpoint = "task_extension_decide")]
pub async fn decide_task_extension(
    id: String,
    decision: String,
    reason: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let id = task_id(&id)?;
        let (user, state) = caller().await?;
        let grant = decision.trim() == "grant";
        crate::tasks::reports::decide_extension(&state.db, &user, id, grant, &reason, today())
            .await?;
        announce(&state, id).await;
        Ok(())
    })
    .await
}
