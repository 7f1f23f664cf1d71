//! Server functions of written-opinion ballots. Every one decides on the server who may do
//! what (the secretariat manages; eligible members answer); each change is announced on the
//! live channel so open pages re-read.
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
use webauthn_rs_proto::PublicKeyCredential;

use crate::ballots::model::{BallotDraft, BallotSummaryRow, BallotView, Choice, SignRequest};
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn ballot_id(raw: &str) -> Result<Uuid, AppError> {
    crate::ids::parse_id(raw, crate::error::BadInput::Id)
}

/// Tell open pages that `ballot` changed.
#[cfg(feature = "ssr")]
async fn announce(state: &crate::state::AppState, ballot: Uuid) {
    state
        .live
        .publish(
            &state.db,
            crate::live::event::LiveEvent::BallotChanged { ballot_id: ballot },
        )
        .await;
}

#[cfg(feature = "ssr")]
use crate::identity::session::caller;

/// The ballots the caller may see.
#[server(prefix = "/api", endpoint = "ballots")]
pub async fn list_ballots() -> Result<Vec<BallotSummaryRow>, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::ballots::store::list_for(&state.db, &user).await
    })
    .await
}

/// Active Government members (id, name) for the eligible picker: the secretariat.
#[server(prefix = "/api", endpoint = "ballot_members")]
pub async fn list_ballot_members() -> Result<Vec<(Uuid, String)>, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::ballots::store::members(&state.db, &user).await
    })
    .await
}

/// One ballot as the caller may see it.
#[server(prefix = "/api", endpoint = "ballot")]
pub async fn get_ballot(id: String) -> Result<BallotView, AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        crate::ballots::store::view(&state.db, &user, ballot).await
    })
    .await
}

/// Create a draft ballot (the secretariat); returns its id.
#[server(prefix = "/api", endpoint = "ballot_create", input = Json)]
pub async fn create_ballot(draft: BallotDraft) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::ballots::editing::create(&state.db, &user, &draft).await
    })
    .await
}

/// Edit a draft ballot (the secretariat).
#[server(prefix = "/api", endpoint = "ballot_update", input = Json)]
pub async fn update_ballot(id: String, draft: BallotDraft) -> Result<(), AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        crate::ballots::editing::update(&state.db, &user, ballot, &draft).await?;
        announce(&state, ballot).await;
        Ok(())
    })
    .await
}

/// Send a draft to its eligible members (the secretariat).
#[server(prefix = "/api", endpoint = "ballot_send")]
pub async fn send_ballot(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        crate::ballots::editing::send(&state.db, &user, ballot).await?;
        announce(&state, ballot).await;
        Ok(())
    })
    .await
}

/// Extend an open ballot's deadline with a reason (the secretariat).
#[server(prefix = "/api", endpoint = "ballot_extend")]
pub async fn extend_ballot(id: String, deadline: String, reason: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        crate::ballots::editing::extend(&state.db, &user, ballot, &deadline, &reason).await?;
        announce(&state, ballot).await;
        Ok(())
    })
    .await
}

/// Close an open ballot now (the secretariat); the result is computed.
#[server(prefix = "/api", endpoint = "ballot_close")]
pub async fn close_ballot(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        crate::ballots::editing::close(&state.db, &user, ballot).await?;
        announce(&state, ballot).await;
        Ok(())
    })
    .await
}

/// The relying party of this site (origin and RP id, the origin's host).
#[cfg(feature = "ssr")]
pub(crate) fn relying_party(state: &crate::state::AppState) -> Result<(String, String), AppError> {
    let rp_id = url::Url::parse(&state.public_origin)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .ok_or_else(|| AppError::internal("a stored value that does not parse"))?;
    Ok((state.public_origin.clone(), rp_id))
}

/// Begin a signed answer: a nonce and the passkey request whose challenge is
/// SHA-256(canonical answer ‖ nonce).
#[server(prefix = "/api", endpoint = "ballot_sign_start")]
pub async fn start_signed_answer(
    id: String,
    choice: Choice,
    text: String,
    comment: String,
) -> Result<SignRequest, AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        let (_, rp_id) = relying_party(&state)?;
        crate::ballots::answers::start_signing(
            &state.db, &user, &rp_id, ballot, choice, &text, &comment,
        )
        .await
    })
    .await
}

/// Give a signed answer (eligible members, until the deadline); acknowledged once written.
#[server(prefix = "/api", endpoint = "ballot_answer", input = Json)]
pub async fn give_signed_answer(
    id: String,
    nonce: String,
    choice: Choice,
    text: String,
    comment: String,
    credential: PublicKeyCredential,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let (user, state) = caller().await?;
        let (origin, rp_id) = relying_party(&state)?;
        let checked = crate::ballots::answers::check_signed(
            &state.db,
            &user,
            &crate::ballots::answers::RelyingParty {
                origin: &origin,
                rp_id: &rp_id,
            },
            ballot,
            &nonce,
            choice,
            &text,
            &comment,
            &credential,
        )
        .await?;
        // The same signed answer sent again (a retry after a dropped connection): done.
        let Some(answer) = checked else {
            return Ok(());
        };
        // The writer announces the ballot once its batch is written.
        state.answers.submit(answer).await?;
        Ok(())
    })
    .await
}

/// Enter an answer received on paper for a member (the secretariat; marked unsigned).
/// `form_key` is generated by the form, so submitting it twice enters it once.
#[server(prefix = "/api", endpoint = "ballot_paper_answer")]
pub async fn enter_paper_answer(
    id: String,
    member_id: String,
    choice: Choice,
    text: String,
    comment: String,
    form_key: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let ballot = ballot_id(&id)?;
        let member = crate::ids::parse_id(&member_id, crate::error::BadInput::UserId)?;
        let form_key = crate::ids::parse_id(&form_key, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        let answer = crate::ballots::answers::paper(
            &user, ballot, member, choice, &text, &comment, form_key,
        )?;
        // The writer announces the ballot once its batch is written.
        state.answers.submit(answer).await?;
        Ok(())
    })
    .await
}
