//! Answering a ballot. A member's answer is signed: the server issues a one-use nonce and
//! asks the member's passkey to sign SHA-256(canonical answer ‖ nonce) with user
//! verification; the assertion that comes back is checked by [`crate::ballots::assertion`]
//! against the member's stored public key, then the answer goes to the group-commit writer
//! ([`crate::ballots::writer`]), which checks the ballot again inside its transaction.
//! An answer received on paper is entered by the secretariat, unsigned.
use chrono::{Duration, Utc};
use rand::RngCore;
use uuid::Uuid;
use webauthn_rs::prelude::Passkey;
use webauthn_rs_proto::{
    AllowCredentials, PublicKeyCredential, PublicKeyCredentialRequestOptions,
    RequestChallengeResponse, UserVerificationPolicy,
};

use crate::ballots::assertion::{self, Assertion, Expected};
use crate::ballots::canonical::AnswerText;
use crate::ballots::editing::problem;
use crate::ballots::model::{BallotState, Choice, SignRequest};
use crate::ballots::problem::BallotProblem;
use crate::ballots::writer::{NewAnswer, Signed};
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};
use crate::ids::new_id;
use crate::{with_db, with_tx};

/// The longest "other opinion" text or comment, in characters.
pub const MAX_TEXT_CHARS: usize = 5000;
/// How long a signing nonce may wait for its signed answer.
const NONCE_MINUTES: i64 = 5;

/// An answer's text and comment, trimmed and checked: the text only goes with "other".
pub fn normalise(choice: Choice, text: &str, comment: &str) -> Result<(String, String), AppError> {
    let text = match choice {
        Choice::Other => text.trim(),
        Choice::Agree | Choice::Disagree => "",
    };
    let comment = comment.trim();
    if choice == Choice::Other && text.is_empty() {
        return Err(problem(BallotProblem::OtherTextMissing));
    }
    if text.chars().count() > MAX_TEXT_CHARS || comment.chars().count() > MAX_TEXT_CHARS {
        return Err(problem(BallotProblem::TooLong));
    }
    Ok((text.to_owned(), comment.to_owned()))
}

/// Whether `member` may answer `ballot` now (the writer checks again when it writes).
/// A ballot the caller may not see (not asked on it, a draft, not a member) is answered as
/// missing, like one that does not exist; the secretariat is told it is not among the
/// members asked.
pub async fn check_may_answer(db: &Db, member: &CurrentUser, ballot: Uuid) -> Result<(), AppError> {
    let row: Option<(String, chrono::DateTime<Utc>, bool)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select b.state, b.deadline_at,
                    exists(select 1 from ballot_eligible e
                           where e.ballot_id = b.id and e.user_id = $2)
             from ballot b where b.id = $1",
        )
        .bind(ballot)
        .bind(member.id)
        .fetch_optional(pool)
        .await
    })?;
    let (state, deadline, eligible) = row.ok_or(AppError::NotFound)?;
    may_answer(member, &state, deadline, eligible)
}

/// The rules of [`check_may_answer`], on the ballot's state, deadline and whether `member`
/// was asked.
fn may_answer(
    member: &CurrentUser,
    state: &str,
    deadline: chrono::DateTime<Utc>,
    eligible: bool,
) -> Result<(), AppError> {
    let state = BallotState::parse(state)
        .ok_or_else(|| AppError::internal("a stored value that does not parse"))?;
    if member.role == Role::Secretariat {
        return Err(problem(BallotProblem::NotEligible));
    }
    if member.role != Role::Member || state == BallotState::Draft || !eligible {
        return Err(AppError::NotFound);
    }
    if state != BallotState::Open {
        return Err(problem(BallotProblem::NotOpen));
    }
    if deadline <= Utc::now() {
        return Err(problem(BallotProblem::PastDeadline));
    }
    Ok(())
}

/// Start signing an answer: a nonce, and the options for `navigator.credentials.get`.
pub async fn start_signing(
    db: &Db,
    member: &CurrentUser,
    rp_id: &str,
    ballot: Uuid,
    choice: Choice,
    text: &str,
    comment: &str,
) -> Result<SignRequest, AppError> {
    let (text, comment) = normalise(choice, text, comment)?;
    check_may_answer(db, member, ballot).await?;
    let credentials = credentials_of(db, member.id).await?;
    if credentials.is_empty() {
        return Err(problem(BallotProblem::NoPasskey));
    }
    let nonce = issue_nonce(db, NonceFor::Ballot, ballot, member.id).await?;
    let challenge = challenge_for(ballot, member.id, choice, &text, &comment, &nonce);
    Ok(SignRequest {
        nonce: hex::encode(nonce),
        options: request_options(rp_id, &challenge, credentials),
    })
}

/// What a one-use signing nonce is issued for: its table and the column naming the subject.
#[derive(Debug, Clone, Copy)]
pub enum NonceFor {
    Ballot,
    Submission,
}

/// A fresh one-use nonce for `user` signing `subject`, valid for five minutes (expired
/// ones of its kind are cleared in the same transaction).
pub async fn issue_nonce(
    db: &Db,
    kind: NonceFor,
    subject: Uuid,
    user: Uuid,
) -> Result<[u8; 32], AppError> {
    let (table, column) = match kind {
        NonceFor::Ballot => ("ballot_nonce", "ballot_id"),
        NonceFor::Submission => ("submission_nonce", "submission_id"),
    };
    let clear = format!("delete from {table} where expires_at < $1");
    let insert = format!(
        "insert into {table} (nonce, {column}, user_id, expires_at) values ($1, $2, $3, $4)"
    );
    let mut nonce = [0u8; 32];
    rand::rng().fill_bytes(&mut nonce);
    let now = Utc::now();
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(&clear).bind(now).execute(&mut *conn).await?;
        sqlx::query(&insert)
            .bind(nonce.as_slice())
            .bind(subject)
            .bind(user)
            .bind(now + Duration::minutes(NONCE_MINUTES))
            .execute(&mut *conn)
            .await?;
    });
    tx.commit().await?;
    Ok(nonce)
}

/// The credential ids of `user`'s passkeys not revoked: those a signature may come from.
pub async fn credentials_of(db: &Db, user: Uuid) -> Result<Vec<Vec<u8>>, AppError> {
    let rows: Vec<(Vec<u8>,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select credential_id from passkey where user_id = $1 and revoked_at is null",
        )
        .bind(user)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The options for `navigator.credentials.get` asking one of `credentials` to sign
/// `challenge`, with the user verified, within two minutes.
pub fn request_options(
    rp_id: &str,
    challenge: &[u8],
    credentials: Vec<Vec<u8>>,
) -> RequestChallengeResponse {
    RequestChallengeResponse {
        public_key: PublicKeyCredentialRequestOptions {
            challenge: challenge.to_vec(),
            timeout: Some(120_000),
            rp_id: rp_id.to_owned(),
            allow_credentials: credentials
                .into_iter()
                .map(|id| AllowCredentials {
                    type_: "public-key".to_owned(),
                    id,
                    transports: None,
                })
                .collect(),
            user_verification: UserVerificationPolicy::Required,
            hints: None,
            extensions: None,
        },
        mediation: None,
    }
}

/// What the member's passkey must sign for this answer and nonce.
fn challenge_for(
    ballot: Uuid,
    member: Uuid,
    choice: Choice,
    text: &str,
    comment: &str,
    nonce: &[u8],
) -> [u8; 32] {
    AnswerText {
        ballot,
        member,
        choice,
        text,
        comment,
    }
    .challenge(nonce)
}

/// The SEC1 public key (`04 ‖ x ‖ y`) and signature counter of a stored passkey (ES256).
pub fn public_key_and_counter(stored: &str) -> Option<(Vec<u8>, u32)> {
    // Parsed once: webauthn-rs keeps the counter inside its credential and has no getter
    // for it, so it is read from the JSON before the JSON becomes a `Passkey`.
    let json: serde_json::Value = serde_json::from_str(stored).ok()?;
    let counter = u32::try_from(json.pointer("/cred/counter")?.as_u64()?).ok()?;
    let passkey: Passkey = serde_json::from_value(json).ok()?;
    let webauthn_rs::prelude::COSEKeyType::EC_EC2(key) = &passkey.get_public_key().key else {
        return None;
    };
    let mut sec1 = vec![0x04];
    sec1.extend_from_slice(&key.x);
    sec1.extend_from_slice(&key.y);
    Some((sec1, counter))
}

/// The request key of a signed answer: its nonce (a repeated submission is the same answer).
pub fn signed_request_key(nonce_hex: &str) -> String {
    format!("signed:{nonce_hex}")
}

/// Where a relying party's origin and id come from.
pub struct RelyingParty<'a> {
    pub origin: &'a str,
    pub rp_id: &'a str,
}

/// What a signed answer is checked against, read in one statement (each statement is a
/// round trip, and a ballot's answers come in bursts): the ballot's state and deadline,
/// whether the member was asked, whether this very submission was already written, the nonce
/// as it was issued, and the passkey that signed.
#[derive(sqlx::FromRow)]
struct SignedFacts {
    state: String,
    deadline_at: chrono::DateTime<Utc>,
    eligible: bool,
    already_given: bool,
    nonce_ballot: Option<Uuid>,
    nonce_user: Option<Uuid>,
    nonce_expires: Option<chrono::DateTime<Utc>>,
    passkey_id: Option<Uuid>,
    passkey_user: Option<Uuid>,
    passkey: Option<String>,
}

async fn signed_facts(
    db: &Db,
    member: Uuid,
    ballot: Uuid,
    request_key: &str,
    nonce: &[u8],
    credential_id: &[u8],
) -> Result<Option<SignedFacts>, AppError> {
    Ok(with_db!(db, |pool| {
        sqlx::query_as(
            "select b.state, b.deadline_at,
                    exists(select 1 from ballot_eligible e
                           where e.ballot_id = b.id and e.user_id = $2) as eligible,
                    exists(select 1 from ballot_answer a
                           where a.request_key = $3 and a.ballot_id = b.id and a.user_id = $2)
                      as already_given,
                    n.ballot_id as nonce_ballot, n.user_id as nonce_user,
                    n.expires_at as nonce_expires,
                    p.id as passkey_id, p.user_id as passkey_user, p.passkey
             from ballot b
             left join ballot_nonce n on n.nonce = $4
             left join passkey p on p.credential_id = $5 and p.revoked_at is null
             where b.id = $1",
        )
        .bind(ballot)
        .bind(member)
        .bind(request_key)
        .bind(nonce)
        .bind(credential_id)
        .fetch_optional(pool)
        .await
    })?)
}

/// Check a signed answer (the member may answer it, the nonce was issued for it, the stored
/// passkey signed it) and prepare it for the writer; `None` if this very submission was
/// already written (a retry after a dropped connection: done).
#[allow(clippy::too_many_arguments)]
pub async fn check_signed(
    db: &Db,
    member: &CurrentUser,
    party: &RelyingParty<'_>,
    ballot: Uuid,
    nonce_hex: &str,
    choice: Choice,
    text: &str,
    comment: &str,
    credential: &PublicKeyCredential,
) -> Result<Option<NewAnswer>, AppError> {
    let invalid = |why: &str| {
        tracing::warn!(reason = why, "signed answer refused");
        problem(BallotProblem::SignatureInvalid)
    };
    let request_key = signed_request_key(nonce_hex.trim());
    // An undecodable nonce matches no row; it is refused below, after the ballot's own checks.
    let nonce = hex::decode(nonce_hex.trim()).ok();
    let credential_id: Vec<u8> = AsRef::<[u8]>::as_ref(&credential.raw_id).to_vec();
    let facts = signed_facts(
        db,
        member.id,
        ballot,
        &request_key,
        nonce.as_deref().unwrap_or_default(),
        &credential_id,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    if facts.already_given {
        return Ok(None);
    }
    may_answer(member, &facts.state, facts.deadline_at, facts.eligible)?;
    let (text, comment) = normalise(choice, text, comment)?;
    let nonce = nonce.ok_or_else(|| invalid("nonce"))?;
    match (facts.nonce_ballot, facts.nonce_user, facts.nonce_expires) {
        (Some(b), Some(u), Some(expires))
            if b == ballot && u == member.id && expires > Utc::now() => {}
        _ => return Err(invalid("nonce unknown, used, expired or not this answer's")),
    }
    let (Some(passkey_id), Some(owner), Some(stored)) =
        (facts.passkey_id, facts.passkey_user, facts.passkey)
    else {
        return Err(invalid("unknown credential"));
    };
    if owner != member.id {
        return Err(invalid("credential of another account"));
    }
    let (public_key, counter) =
        public_key_and_counter(&stored).ok_or_else(|| invalid("not an ES256 passkey"))?;
    let challenge = challenge_for(ballot, member.id, choice, &text, &comment, &nonce);
    let response = &credential.response;
    let signed = Assertion {
        client_data_json: AsRef::<[u8]>::as_ref(&response.client_data_json).to_vec(),
        authenticator_data: AsRef::<[u8]>::as_ref(&response.authenticator_data).to_vec(),
        signature: AsRef::<[u8]>::as_ref(&response.signature).to_vec(),
    };
    let new_counter = assertion::verify(
        &Expected {
            challenge: &challenge,
            origin: party.origin,
            rp_id: party.rp_id,
            stored_counter: counter,
        },
        &signed,
        &public_key,
    )
    .map_err(|refused| invalid(&format!("{refused:?}")))?;
    Ok(Some(NewAnswer {
        id: new_id(),
        ballot,
        member: member.id,
        choice,
        text,
        comment,
        entered_by: None,
        request_key,
        signed: Some(Signed {
            nonce,
            passkey_id,
            credential_id,
            client_data_json: signed.client_data_json,
            authenticator_data: signed.authenticator_data,
            signature: signed.signature,
            counter: new_counter,
        }),
    }))
}

/// An answer received on paper, entered by the secretariat for `member` (unsigned).
/// `form_key` names the form submission, so sending it twice enters it once.
#[allow(clippy::too_many_arguments)]
pub fn paper(
    secretariat: &CurrentUser,
    ballot: Uuid,
    member: Uuid,
    choice: Choice,
    text: &str,
    comment: &str,
    form_key: Uuid,
) -> Result<NewAnswer, AppError> {
    crate::identity::model::require_secretariat(secretariat)?;
    let (text, comment) = normalise(choice, text, comment)?;
    // The writer checks the ballot (exists, open, before the deadline, member asked).
    Ok(NewAnswer {
        id: new_id(),
        ballot,
        member,
        choice,
        text,
        comment,
        entered_by: Some(secretariat.id),
        request_key: format!("paper:{form_key}"),
        signed: None,
    })
}
