//! Passkeys with webauthn-rs: enrolment through one-time links, username-less sign-in.
//!
//! Ceremony state lives in the database (single use, five minutes), so any app node can
//! finish a ceremony another began. Enrolment links are random tokens of which only the
//! SHA-256 is stored; opening a link reads it, only finishing the registration uses it up.
use chrono::{Duration, Utc};
use rand::RngCore;
use serde::{de::DeserializeOwned, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use webauthn_rs::prelude::{
    CreationChallengeResponse, DiscoverableAuthentication, Passkey, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, RequestChallengeResponse, Webauthn,
    WebauthnBuilder,
};

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
use crate::ids::new_id;
use crate::{with_db, with_tx};

/// How long an enrolment link stays valid.
pub const ENROLMENT_LIFETIME_HOURS: i64 = 72;
const CEREMONY_MINUTES: i64 = 5;

/// The relying party for `public_origin` (e.g. `https://ecabinet.example.gov.vn`): its host is
/// the RP id passkeys are bound to.
pub fn build_webauthn(public_origin: &str) -> Result<Webauthn, String> {
    let origin = url::Url::parse(public_origin).map_err(|e| format!("public origin: {e}"))?;
    let rp_id = origin
        .host_str()
        .ok_or("the public origin has no host")?
        .to_owned();
    WebauthnBuilder::new(&rp_id, &origin)
        .and_then(|b| b.rp_name("e-Cabinet").build())
        .map_err(|e| format!("passkey relying party for {public_origin}: {e}"))
}

fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn random_token() -> String {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    hex::encode(raw)
}

/// Create a one-time enrolment link token for `user_id`.
pub async fn create_enrolment(
    db: &Db,
    user_id: Uuid,
    created_by: Option<Uuid>,
) -> Result<String, AppError> {
    let token = random_token();
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "insert into enrolment (token_sha256, user_id, created_by, created_at, expires_at)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(sha256_hex(&token))
        .bind(user_id)
        .bind(created_by)
        .bind(now)
        .bind(now + Duration::hours(ENROLMENT_LIFETIME_HOURS))
        .execute(pool)
        .await
        .map(|_| ())
    })?;
    Ok(token)
}

/// The account an unused, unexpired enrolment link is for (reading does not use it up).
pub async fn enrolment_user(db: &Db, token: &str) -> Result<Uuid, AppError> {
    let row: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select e.user_id from enrolment e join user_account u on u.id = e.user_id
             where e.token_sha256 = $1 and e.used_at is null and e.expires_at > $2 and u.active",
        )
        .bind(sha256_hex(token))
        .bind(Utc::now())
        .fetch_optional(pool)
        .await
    })?;
    row.map(|(id,)| id)
        .ok_or(AppError::BadRequest(BadInput::EnrolmentLink))
}

async fn save_ceremony<S: Serialize>(
    db: &Db,
    kind: &str,
    user_id: Option<Uuid>,
    enrolment: Option<&str>,
    state: &S,
) -> Result<Uuid, AppError> {
    let id = new_id();
    let now = Utc::now();
    let json = serde_json::to_string(state).map_err(|e| {
        tracing::error!(error = %e, "ceremony state not serialisable");
        AppError::Internal
    })?;
    with_db!(db, |pool| {
        sqlx::query(
            "insert into webauthn_ceremony
                 (id, kind, user_id, enrolment_token_sha256, state, created_at, expires_at)
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(kind)
        .bind(user_id)
        .bind(enrolment.map(sha256_hex))
        .bind(json)
        .bind(now)
        .bind(now + Duration::minutes(CEREMONY_MINUTES))
        .execute(pool)
        .await
        .map(|_| ())
    })?;
    Ok(id)
}

/// Take (read and delete) a ceremony's state inside `tx`: a ceremony can be finished once.
async fn take_ceremony<S: DeserializeOwned>(
    tx: &mut Tx,
    id: Uuid,
    kind: &str,
) -> Result<(S, Option<Uuid>, Option<String>), AppError> {
    let row: Option<(String, Option<Uuid>, Option<String>)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "delete from webauthn_ceremony where id = $1 and kind = $2 and expires_at > $3
             returning state, user_id, enrolment_token_sha256",
        )
        .bind(id)
        .bind(kind)
        .bind(Utc::now())
        .fetch_optional(&mut *conn)
        .await?
    });
    let (json, user, enrolment) = row.ok_or(AppError::BadRequest(BadInput::Passkey))?;
    let state = serde_json::from_str(&json).map_err(|e| {
        tracing::error!(error = %e, "stored ceremony state unreadable");
        AppError::Internal
    })?;
    Ok((state, user, enrolment))
}

/// Passkeys of a user (revoked ones included when `with_revoked`).
async fn passkeys_of(db: &Db, user_id: Uuid) -> Result<Vec<Passkey>, AppError> {
    let rows: Vec<(String,)> = with_db!(db, |pool| {
        sqlx::query_as("select passkey from passkey where user_id = $1 and revoked_at is null")
            .bind(user_id)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(json,)| serde_json::from_str(&json).ok())
        .collect())
}

/// Step 1 of enrolment: the options for `navigator.credentials.create`, requiring user
/// verification and a discoverable credential (so sign-in needs no user name).
pub async fn start_enrolment(
    db: &Db,
    webauthn: &Webauthn,
    token: &str,
) -> Result<(Uuid, CreationChallengeResponse), AppError> {
    let user_id = enrolment_user(db, token).await?;
    let user = crate::identity::store::current_user(db, user_id)
        .await?
        .ok_or(AppError::BadRequest(BadInput::EnrolmentLink))?;
    let exclude: Vec<_> = passkeys_of(db, user_id)
        .await?
        .iter()
        .map(|p| p.cred_id().clone())
        .collect();
    let (mut options, state): (CreationChallengeResponse, PasskeyRegistration) = webauthn
        .start_passkey_registration(user_id, &user.full_name, &user.full_name, Some(exclude))
        .map_err(|e| {
            tracing::error!(error = %e, "passkey registration could not start");
            AppError::Internal
        })?;
    if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
        selection.resident_key = Some(webauthn_rs_proto::ResidentKeyRequirement::Required);
        selection.require_resident_key = true;
    }
    let ceremony = save_ceremony(db, "registration", Some(user_id), Some(token), &state).await?;
    Ok((ceremony, options))
}

/// Step 2 of enrolment: verify the new credential, store it, use the link up and start a
/// session — one transaction. Returns the user's id.
pub async fn finish_enrolment(
    db: &Db,
    webauthn: &Webauthn,
    token: &str,
    ceremony: Uuid,
    credential: &RegisterPublicKeyCredential,
    name: &str,
) -> Result<Uuid, AppError> {
    let mut tx = db.begin().await?;
    let (state, user, enrolment): (PasskeyRegistration, _, _) =
        take_ceremony(&mut tx, ceremony, "registration").await?;
    let user_id = user.ok_or(AppError::BadRequest(BadInput::Passkey))?;
    let token_hash = sha256_hex(token);
    if enrolment.as_deref() != Some(token_hash.as_str()) {
        return Err(AppError::BadRequest(BadInput::EnrolmentLink));
    }
    let passkey = webauthn
        .finish_passkey_registration(credential, &state)
        .map_err(|e| {
            tracing::warn!(error = %e, "passkey registration refused");
            AppError::BadRequest(BadInput::Passkey)
        })?;
    let now = Utc::now();
    let json = serde_json::to_string(&passkey).map_err(|_| AppError::Internal)?;
    let name = name.trim();
    let name = if name.is_empty() { "Passkey" } else { name };
    let used = with_tx!(&mut tx, |conn| {
        let used = sqlx::query(
            "update enrolment set used_at = $1
             where token_sha256 = $2 and user_id = $3 and used_at is null and expires_at > $1",
        )
        .bind(now)
        .bind(&token_hash)
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        let inserted = sqlx::query(
            "insert into passkey (id, user_id, credential_id, passkey, name, created_at)
             values ($1, $2, $3, $4, $5, $6) on conflict (credential_id) do nothing",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(AsRef::<[u8]>::as_ref(passkey.cred_id()).to_vec())
        .bind(&json)
        .bind(name.chars().take(80).collect::<String>())
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        (used, inserted)
    });
    match used {
        (1, 1) => {}
        (0, _) => return Err(AppError::BadRequest(BadInput::EnrolmentLink)),
        // The credential is already registered (to this or another account).
        _ => return Err(AppError::BadRequest(BadInput::Passkey)),
    }
    audit::append(
        &mut tx,
        Some(user_id),
        AuditEvent::PasskeyEnrolled,
        Some(user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}

/// Step 1 of sign-in: options for `navigator.credentials.get` with no user named.
pub async fn start_sign_in(
    db: &Db,
    webauthn: &Webauthn,
) -> Result<(Uuid, RequestChallengeResponse), AppError> {
    let (mut options, state): (RequestChallengeResponse, DiscoverableAuthentication) =
        webauthn.start_discoverable_authentication().map_err(|e| {
            tracing::error!(error = %e, "passkey sign-in could not start");
            AppError::Internal
        })?;
    // A sign-in button, not browser autofill.
    options.mediation = None;
    let ceremony = save_ceremony(db, "authentication", None, None, &state).await?;
    Ok((ceremony, options))
}

/// Step 2 of sign-in: verify the assertion against the stored passkey and update its counter.
/// Returns the user's id. The ceremony is used up either way, and a refusal is audited in the
/// same transaction.
pub async fn finish_sign_in(
    db: &Db,
    webauthn: &Webauthn,
    ceremony: Uuid,
    credential: &PublicKeyCredential,
) -> Result<Uuid, AppError> {
    let mut tx = db.begin().await?;
    match verify_sign_in(&mut tx, webauthn, ceremony, credential).await {
        Ok(user_id) => {
            tx.commit().await?;
            Ok(user_id)
        }
        Err(AppError::BadRequest(what)) => {
            audit::append(&mut tx, None, AuditEvent::SignInFailed, None).await?;
            tx.commit().await?;
            Err(AppError::BadRequest(what))
        }
        Err(other) => {
            tx.rollback().await?;
            Err(other)
        }
    }
}

async fn verify_sign_in(
    tx: &mut Tx,
    webauthn: &Webauthn,
    ceremony: Uuid,
    credential: &PublicKeyCredential,
) -> Result<Uuid, AppError> {
    let refused = |what: &str| {
        tracing::warn!(reason = what, "passkey sign-in refused");
        AppError::BadRequest(BadInput::Passkey)
    };
    let (state, _, _): (DiscoverableAuthentication, _, _) =
        take_ceremony(tx, ceremony, "authentication").await?;
    let (user_id, credential_id) = webauthn
        .identify_discoverable_authentication(credential)
        .map_err(|_| refused("unidentifiable credential"))?;
    let row: Option<(Uuid, Uuid, String)> = with_tx!(&mut *tx, |conn| {
        sqlx::query_as(
            "select p.id, p.user_id, p.passkey from passkey p join user_account u on u.id = p.user_id
             where p.credential_id = $1 and p.revoked_at is null and u.active",
        )
        .bind(credential_id)
        .fetch_optional(&mut *conn)
        .await?
    });
    let (passkey_id, owner, json) = row.ok_or_else(|| refused("unknown credential"))?;
    if owner != user_id {
        return Err(refused("credential of another account"));
    }
    let mut passkey: Passkey = serde_json::from_str(&json).map_err(|_| AppError::Internal)?;
    let outcome = webauthn
        .finish_discoverable_authentication_v2(credential, state, &passkey)
        .map_err(|_| refused("assertion did not verify"))?;
    passkey.update_credential(&outcome);
    let json = serde_json::to_string(&passkey).map_err(|_| AppError::Internal)?;
    with_tx!(&mut *tx, |conn| {
        sqlx::query("update passkey set passkey = $1, last_used_at = $2 where id = $3")
            .bind(&json)
            .bind(Utc::now())
            .bind(passkey_id)
            .execute(&mut *conn)
            .await?;
    });
    Ok(user_id)
}
