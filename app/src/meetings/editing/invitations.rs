//! Who is invited (the secretariat): the members of a meeting, and the guests of each agenda
//! item. Each act is one transaction with its audit record, under the rules of
//! [`crate::meetings::editing`].
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Tx;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::meetings::editing::agenda::item_meeting;
use crate::meetings::editing::meeting::{editable, finish, problem, state_of};
use crate::meetings::problem::MeetingProblem;
use crate::state::AppState;
use crate::with_tx;

/// Active accounts of one of `roles` among `people`, or the invitee problem.
async fn check_people(tx: &mut Tx, people: &[Uuid], role: &str) -> Result<(), AppError> {
    for person in people {
        let found: Option<(Uuid,)> = with_tx!(&mut *tx, |conn| {
            sqlx::query_as("select id from user_account where id = $1 and role = $2 and active")
                .bind(person)
                .bind(role)
                .fetch_optional(&mut *conn)
                .await?
        });
        if found.is_none() {
            return Err(problem(MeetingProblem::PersonUnknown));
        }
    }
    Ok(())
}

/// Where people are invited: to a whole meeting, or as guests of one item.
#[derive(Clone, Copy)]
enum Invited {
    Meeting(Uuid),
    Item(Uuid),
}

/// Replace the people invited to `to` with `people` (in the caller's transaction), and audit
/// it against `meeting`.
async fn replace_people(
    tx: &mut Tx,
    actor: &CurrentUser,
    meeting: Uuid,
    to: Invited,
    people: &[Uuid],
) -> Result<(), AppError> {
    let (table, key, scope) = match to {
        Invited::Meeting(id) => ("invitation", "meeting_id", id),
        Invited::Item(id) => ("item_guest", "agenda_item_id", id),
    };
    let now = Utc::now();
    with_tx!(tx, |conn| {
        sqlx::query(&format!("delete from {table} where {key} = $1"))
            .bind(scope)
            .execute(&mut *conn)
            .await?;
        for person in people {
            sqlx::query(&format!(
                "insert into {table} ({key}, user_id, created_at) values ($1, $2, $3)"
            ))
            .bind(scope)
            .bind(person)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    });
    audit::append(
        tx,
        Some(actor.id),
        AuditEvent::InvitationsChanged,
        Some(meeting),
    )
    .await?;
    Ok(())
}

/// Invite exactly these members to the whole meeting (`None`: every active member).
pub async fn set_invitees(
    state: &AppState,
    actor: &CurrentUser,
    meeting: Uuid,
    members: Option<&[Uuid]>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let current = state_of(&mut tx, meeting).await?;
    editable(current)?;
    let members: Vec<Uuid> = match members {
        Some(list) => {
            check_people(&mut tx, list, "member").await?;
            list.to_vec()
        }
        None => {
            let all: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
                sqlx::query_as("select id from user_account where role = 'member' and active")
                    .fetch_all(&mut *conn)
                    .await?
            });
            all.into_iter().map(|(id,)| id).collect()
        }
    };
    replace_people(&mut tx, actor, meeting, Invited::Meeting(meeting), &members).await?;
    finish(state, tx, meeting).await
}

/// Invite exactly these guests to one item.
pub async fn set_item_guests(
    state: &AppState,
    actor: &CurrentUser,
    item: Uuid,
    guests: &[Uuid],
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let meeting = item_meeting(&mut tx, item).await?;
    editable(state_of(&mut tx, meeting).await?)?;
    check_people(&mut tx, guests, "guest").await?;
    replace_people(&mut tx, actor, meeting, Invited::Item(item), guests).await?;
    finish(state, tx, meeting).await
}
