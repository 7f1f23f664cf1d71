//! The minister signs and sends a submission: the same signed confirmation as a ballot
//! answer (`ballots::assertion`), over the submission's canonical text (`canonical.rs`: its
//! facts and each document's version and SHA-256). The signature is kept with the very text
//! signed; the verifier re-checks both (`verify.rs`).
use chrono::Utc;
use uuid::Uuid;
use webauthn_rs::prelude::PublicKeyCredential;

use crate::audit::content::sha256_detail;
use crate::audit::event::AuditEvent;
use crate::ballots::answers::RelyingParty;
use crate::ballots::answers::{
    credentials_of, issue_nonce, public_key_and_counter, request_options, NonceFor,
};
use crate::ballots::assertion::{self, Assertion, Expected};
use crate::ballots::model::SignRequest;
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};
use crate::ids::new_id;
use crate::submissions::canonical::{challenge, SubmissionText};
use crate::submissions::editing::{add_event, problem};
use crate::submissions::model::{SubmissionState, SubmissionSummary};
use crate::submissions::problem::SubmissionProblem;
use crate::{with_db, with_tx};

/// The submission `id` as it would be signed now.
pub async fn text_of(db: &Db, id: Uuid) -> Result<SubmissionText, AppError> {
    type Facts = (String, String, String, String, bool, Option<String>, String);
    let facts: Option<Facts> = with_db!(db, |pool| {
        sqlx::query_as(
            "select m.code, s.kind, s.title, s.summary, s.urgent, s.session_month,
                    coalesce(u.full_name, s.presenter_name)
             from submission s join ministry m on m.id = s.ministry_id
             left join user_account u on u.id = s.presenter_id
             where s.id = $1",
        )
        .bind(id)
        .fetch_optional(pool)
        .await
    })?;
    let (ministry, kind, title, summary, urgent, session, presenter) =
        facts.ok_or(AppError::NotFound)?;
    let documents = crate::submissions::store::documents(db, id)
        .await?
        .into_iter()
        .map(|d| {
            let entry = d.requirement.unwrap_or_default();
            (entry, d.document_id, d.version_no, d.sha256)
        })
        .collect();
    Ok(SubmissionText {
        id,
        ministry,
        kind,
        title,
        summary,
        urgent,
        session: session.unwrap_or_default(),
        presenter,
        documents,
    })
}

/// `user` may send `id`: a Government member of its ministry, while it is prepared or
/// returned and its file is complete.
async fn may_send(db: &Db, user: &CurrentUser, id: Uuid) -> Result<SubmissionSummary, AppError> {
    // Outside the ministry: not found; within it, only its members sign.
    let summary = crate::submissions::store::summary(db, user, id).await?;
    if user.role != Role::Member {
        return Err(AppError::Forbidden);
    }
    if !matches!(
        summary.state,
        SubmissionState::Draft | SubmissionState::Returned
    ) {
        return Err(problem(SubmissionProblem::WrongState));
    }
    let documents = crate::submissions::store::documents(db, id).await?;
    let checklist = crate::submissions::checklist::of_kind(db, summary.kind).await?;
    let ticked = crate::submissions::checklist::ticked(checklist, &documents);
    if !crate::submissions::model::complete(&ticked) {
        return Err(problem(SubmissionProblem::DocumentMissing));
    }
    Ok(summary)
}

/// Start sending: a nonce, and the passkey request whose challenge is
/// SHA-256(canonical submission ‖ nonce).
pub async fn start_send(
    db: &Db,
    user: &CurrentUser,
    rp_id: &str,
    id: Uuid,
    revision: i64,
) -> Result<SignRequest, AppError> {
    // The minister signs the file as they saw it: if it moved since, they review it again.
    if may_send(db, user, id).await?.revision != revision {
        return Err(problem(SubmissionProblem::Changed));
    }
    let credentials = credentials_of(db, user.id).await?;
    if credentials.is_empty() {
        return Err(problem(SubmissionProblem::NoPasskey));
    }
    let nonce = issue_nonce(db, NonceFor::Submission, id, user.id).await?;
    let text = text_of(db, id).await?;
    Ok(SignRequest {
        nonce: hex::encode(nonce),
        options: request_options(rp_id, &challenge(&text.canonical(), &nonce), credentials),
    })
}

/// Finish sending: the nonce was issued to this member for this submission and is used
/// once, the passkey is theirs (not revoked, its counter moving on), and it signed the
/// submission as it stands now — and still stands when written (its revision unchanged).
/// One transaction: the signature, the state, the counter, the history and the audit record.
pub async fn finish_send(
    db: &Db,
    user: &CurrentUser,
    party: &RelyingParty<'_>,
    id: Uuid,
    nonce_hex: &str,
    credential: &PublicKeyCredential,
) -> Result<(), AppError> {
    let invalid = |why: &str| {
        tracing::warn!(reason = why, "submission signature refused");
        problem(SubmissionProblem::SignatureInvalid)
    };
    let summary = may_send(db, user, id).await?;
    let seen = summary.revision;
    let nonce = hex::decode(nonce_hex.trim()).map_err(|_| invalid("nonce"))?;
    let credential_id: Vec<u8> = AsRef::<[u8]>::as_ref(&credential.raw_id).to_vec();
    let stored: Option<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, passkey from passkey
             where credential_id = $1 and user_id = $2 and revoked_at is null",
        )
        .bind(&credential_id)
        .bind(user.id)
        .fetch_optional(pool)
        .await
    })?;
    let (passkey_id, stored) = stored.ok_or_else(|| invalid("not this member's passkey"))?;
    let (public_key, counter) =
        public_key_and_counter(&stored).ok_or_else(|| invalid("not an ES256 passkey"))?;
    let canonical = text_of(db, id).await?.canonical();
    let response = &credential.response;
    let signed = Assertion {
        client_data_json: AsRef::<[u8]>::as_ref(&response.client_data_json).to_vec(),
        authenticator_data: AsRef::<[u8]>::as_ref(&response.authenticator_data).to_vec(),
        signature: AsRef::<[u8]>::as_ref(&response.signature).to_vec(),
    };
    let new_counter = assertion::verify(
        &Expected {
            challenge: &challenge(&canonical, &nonce),
            origin: party.origin,
            rp_id: party.rp_id,
            stored_counter: counter,
        },
        &signed,
        &public_key,
    )
    .map_err(|why| invalid(&format!("{why:?}")))?;
    let digest = sha256_detail(canonical.as_bytes());
    let now = Utc::now();
    let mut tx = db.begin().await?;
    // The nonce, once: issued to this member for this submission, not expired.
    let used = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "delete from submission_nonce
             where nonce = $1 and submission_id = $2 and user_id = $3 and expires_at > $4",
        )
        .bind(&nonce)
        .bind(id)
        .bind(user.id)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if used != 1 {
        return Err(invalid(
            "nonce unknown, used, expired or not this submission's",
        ));
    }
    let moved = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update submission set state = 'sent', sent_count = sent_count + 1,
                 revision = revision + 1, updated_at = $1
             where id = $2 and state in ('draft', 'returned') and revision = $3",
        )
        .bind(now)
        .bind(id)
        .bind(seen)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if moved != 1 {
        return Err(problem(SubmissionProblem::Changed));
    }
    // The passkey as it is now: not revoked meanwhile, its counter not moved past this one.
    let current: Option<(String,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select passkey from passkey where id = $1 and revoked_at is null")
            .bind(passkey_id)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (current,) = current.ok_or_else(|| invalid("passkey revoked meanwhile"))?;
    let mut json: serde_json::Value =
        serde_json::from_str(&current).map_err(|_| invalid("stored passkey"))?;
    if let Some(c) = json.pointer_mut("/cred/counter") {
        let old = c.as_u64().unwrap_or(0);
        if new_counter != 0 && u64::from(new_counter) <= old {
            return Err(invalid("signature counter did not move on"));
        }
        *c = serde_json::Value::from(new_counter);
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query("update passkey set passkey = $1 where id = $2")
            .bind(json.to_string())
            .bind(passkey_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "insert into submission_signature (id, submission_id, sent_no, user_id, canonical,
                 canonical_sha256, nonce, credential_id, client_data_json, authenticator_data,
                 signature, created_at)
             values ($1, $2, (select sent_count from submission where id = $2), $3, $4, $5,
                     $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(id)
        .bind(user.id)
        .bind(&canonical)
        .bind(&digest)
        .bind(&nonce)
        .bind(&credential_id)
        .bind(&signed.client_data_json)
        .bind(&signed.authenticator_data)
        .bind(&signed.signature)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    let hex = digest.trim_start_matches("sha256=");
    add_event(
        &mut tx,
        id,
        "sent",
        Some(user.id),
        &summary.title,
        Some(hex),
    )
    .await?;
    crate::audit::store::append_detailed(
        &mut tx,
        Some(user.id),
        AuditEvent::SubmissionSent,
        Some(id),
        digest.clone(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
