//! Four eyes on enrolment links: only a minister can speak for a minister.
//!
//! Whoever asks for a link — for a new account, or a fresh one for a lost device — is never
//! shown it. The request waits for a second authorised person (one who may manage the
//! account's role, other than the one who asked; for secretariat and administrator accounts
//! that is a second administrator). Only their approval makes a link, shown to them once for
//! the hand-over in person. A reset (revoke every passkey and session of the account) happens
//! at that approval, and the holder is told on every channel they have (the in-app notice,
//! and its e-mail copy when mail is set up). An account that already has a passkey gets a new
//! link only through such a reset: a new device is otherwise added with one of its own
//! passkeys (My account). Every step is in the audit chain: the request (by its issuer), the
//! approval or refusal (by the second person, naming the issuer), and the enrolment through
//! the link (naming issuer and approver).
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
use crate::identity::model::{
    CurrentUser, IssuedLink, NoticeKind, PendingEnrolment, RequestedEnrolment, Role,
};
use crate::identity::problem::AccountProblem;
use crate::ids::new_id;
use crate::live::event::LiveEvent;
use crate::state::AppState;
use crate::{with_db, with_tx};

/// The detail of an audit record naming who asked for a link.
fn requested_by(issuer: Uuid) -> String {
    format!("requested_by={issuer}")
}

/// Ask, in `tx`, for an enrolment link for `user_id` (`reset`: revoke its passkeys and
/// sessions when approved). An earlier open request for the account is superseded.
pub async fn request_in(
    tx: &mut Tx,
    issuer: &CurrentUser,
    user_id: Uuid,
    full_name: String,
    reset: bool,
) -> Result<RequestedEnrolment, AppError> {
    let now = Utc::now();
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "update enrolment_request set decided_at = $1, outcome = 'superseded'
             where user_id = $2 and decided_at is null",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "insert into enrolment_request (id, user_id, requested_by, requested_at, reset)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(issuer.id)
        .bind(now)
        .bind(reset)
        .execute(&mut *conn)
        .await?;
    });
    let detail = if reset { "reset" } else { "new_link" };
    audit::append_detailed(
        tx,
        Some(issuer.id),
        AuditEvent::EnrolmentRequested,
        Some(user_id),
        detail.to_owned(),
    )
    .await?;
    Ok(RequestedEnrolment { user_id, full_name })
}

type PendingRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    Uuid,
    DateTime<Utc>,
    bool,
);

/// The open requests `viewer` may decide on (or withdraw, when theirs), oldest first.
pub async fn pending(db: &Db, viewer: &CurrentUser) -> Result<Vec<PendingEnrolment>, AppError> {
    let rows: Vec<PendingRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "select r.id, r.user_id, u.full_name, u.role, i.full_name, r.requested_by,
                    r.requested_at, r.reset
             from enrolment_request r
             join user_account u on u.id = r.user_id
             join user_account i on i.id = r.requested_by
             where r.decided_at is null and u.active
             order by r.requested_at",
        )
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, user_id, full_name, role, issuer, issuer_id, at, reset)| {
                let role = Role::parse(&role)?;
                viewer.role.may_manage(role).then(|| PendingEnrolment {
                    id,
                    user_id,
                    full_name,
                    role,
                    requested_by: issuer,
                    requested_at: at,
                    reset,
                    mine: issuer_id == viewer.id,
                })
            },
        )
        .collect())
}

/// An open request and its account: (account, its role, its name, issuer, reset).
async fn open_request(
    tx: &mut Tx,
    decider: &CurrentUser,
    request: Uuid,
) -> Result<(Uuid, String, Uuid, bool), AppError> {
    let row: Option<(Uuid, String, String, bool, Uuid, bool)> = with_tx!(&mut *tx, |conn| {
        sqlx::query_as(
            "select r.user_id, u.role, u.full_name, u.active, r.requested_by, r.reset
             from enrolment_request r join user_account u on u.id = r.user_id
             where r.id = $1 and r.decided_at is null",
        )
        .bind(request)
        .fetch_optional(&mut *conn)
        .await?
    });
    let (user_id, role, name, active, issuer, reset) = row.ok_or(AppError::NotFound)?;
    let role = Role::parse(&role)
        .ok_or_else(|| AppError::internal("a stored value that does not parse"))?;
    if !decider.role.may_manage(role) {
        return Err(AppError::Forbidden);
    }
    if !active {
        return Err(AppError::BadRequest(BadInput::EnrolmentLink));
    }
    Ok((user_id, name, issuer, reset))
}

async fn decide(
    tx: &mut Tx,
    decider: &CurrentUser,
    request: Uuid,
    outcome: &str,
) -> Result<(), AppError> {
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "update enrolment_request set decided_by = $1, decided_at = $2, outcome = $3
             where id = $4",
        )
        .bind(decider.id)
        .bind(Utc::now())
        .bind(outcome)
        .bind(request)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// Approve another person's request: (for a reset) revoke the account's passkeys and end its
/// sessions, tell the holder, and make the link — shown to the approver alone, once.
pub async fn approve(
    state: &AppState,
    approver: &CurrentUser,
    request: Uuid,
) -> Result<IssuedLink, AppError> {
    let mut tx = state.db.begin().await?;
    let (user_id, full_name, issuer, reset) = open_request(&mut tx, approver, request).await?;
    if issuer == approver.id {
        return Err(AppError::BadRequest(BadInput::Account(
            AccountProblem::OwnRequest,
        )));
    }
    decide(&mut tx, approver, request, "approved").await?;
    if reset {
        with_tx!(&mut tx, |conn| {
            sqlx::query(
                "update passkey set revoked_at = $1 where user_id = $2 and revoked_at is null",
            )
            .bind(Utc::now())
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
        });
        crate::identity::session::end_all_in(&mut tx, user_id, None).await?;
        audit::append_detailed(
            &mut tx,
            Some(approver.id),
            AuditEvent::PasskeysRevoked,
            Some(user_id),
            requested_by(issuer),
        )
        .await?;
    }
    let kind = if reset {
        NoticeKind::Revoked
    } else {
        NoticeKind::NewLink
    };
    crate::identity::notifications::add_in(&mut tx, user_id, kind).await?;
    let (token, expires_at) = crate::identity::passkeys::create_enrolment_in(
        &mut tx,
        user_id,
        Some(issuer),
        Some(approver.id),
    )
    .await?;
    audit::append_detailed(
        &mut tx,
        Some(approver.id),
        AuditEvent::EnrolmentApproved,
        Some(user_id),
        requested_by(issuer),
    )
    .await?;
    tx.commit().await?;
    if reset {
        state
            .live
            .publish(&state.db, LiveEvent::SessionsEnded { user_id })
            .await;
    }
    Ok(IssuedLink {
        user_id,
        full_name,
        link: format!("{}/enrol/{token}", state.public_origin),
        expires_at,
    })
}

/// Refuse a request (a second person), or withdraw one's own: no link is made.
pub async fn refuse(db: &Db, decider: &CurrentUser, request: Uuid) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let (user_id, _, issuer, _) = open_request(&mut tx, decider, request).await?;
    let outcome = if issuer == decider.id {
        "withdrawn"
    } else {
        "refused"
    };
    decide(&mut tx, decider, request, outcome).await?;
    audit::append_detailed(
        &mut tx,
        Some(decider.id),
        AuditEvent::EnrolmentRefused,
        Some(user_id),
        requested_by(issuer),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
