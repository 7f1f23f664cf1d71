//! Passkeys with webauthn-rs: enrolment through one-time links, username-less sign-in.
//!
//! Ceremony state lives in the database (single use, five minutes), so any app node can
//! finish a ceremony another began. Enrolment links are random tokens of which only the
//! SHA-256 is stored; opening a link reads it, only finishing the registration uses it up.
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde::{de::DeserializeOwned, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use webauthn_rs::prelude::{
    CreationChallengeResponse, DiscoverableAuthentication, Passkey, PasskeyAuthentication,
    PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse, Webauthn, WebauthnBuilder,
};

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput, OrInternal};
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

/// What identifies an enrolment link in the database and in rate limits (never the link).
pub fn token_fingerprint(token: &str) -> String {
    sha256_hex(token)
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
    let mut tx = db.begin().await?;
    let (token, _) = create_enrolment_in(&mut tx, user_id, created_by, None).await?;
    tx.commit().await?;
    Ok(token)
}

/// Create a one-time enrolment link token for `user_id` in `tx`, asked for by `created_by`
/// and approved by `approved_by`; earlier unused links of the account stop working (only the
/// newest link is valid). Returns the token and its expiry.
pub async fn create_enrolment_in(
    tx: &mut Tx,
    user_id: Uuid,
    created_by: Option<Uuid>,
    approved_by: Option<Uuid>,
) -> Result<(String, DateTime<Utc>), AppError> {
    let token = random_token();
    let now = Utc::now();
    let expires_at = now + Duration::hours(ENROLMENT_LIFETIME_HOURS);
    with_tx!(tx, |conn| {
        sqlx::query(
            "update enrolment set expires_at = $1
             where user_id = $2 and used_at is null and expires_at > $1",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "insert into enrolment (token_sha256, user_id, created_by, created_at, expires_at,
                                    approved_by)
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(sha256_hex(&token))
        .bind(user_id)
        .bind(created_by)
        .bind(now)
        .bind(expires_at)
        .bind(approved_by)
        .execute(&mut *conn)
        .await?;
    });
    Ok((token, expires_at))
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
    let json = serde_json::to_string(state)
        .map_err(|e| AppError::internal(format_args!("ceremony state not serialisable: {e}")))?;
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
    let (json, user, enrolment) = take_ceremony_raw(tx, id, kind).await?;
    Ok((decode_state(&json)?, user, enrolment))
}

fn decode_state<S: DeserializeOwned>(json: &str) -> Result<S, AppError> {
    serde_json::from_str(json)
        .map_err(|e| AppError::internal(format_args!("stored ceremony state unreadable: {e}")))
}

async fn take_ceremony_raw(
    tx: &mut Tx,
    id: Uuid,
    kind: &str,
) -> Result<(String, Option<Uuid>, Option<String>), AppError> {
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
    row.ok_or(AppError::BadRequest(BadInput::Passkey))
}

/// The passkeys of a user that are in use (not revoked).
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

/// Registration options for `user_id`, requiring user verification and a discoverable
/// credential (so sign-in needs no user name); the account's passkeys are excluded.
async fn registration_options(
    db: &Db,
    webauthn: &Webauthn,
    user_id: Uuid,
    full_name: &str,
) -> Result<(CreationChallengeResponse, PasskeyRegistration), AppError> {
    let exclude: Vec<_> = passkeys_of(db, user_id)
        .await?
        .iter()
        .map(|p| p.cred_id().clone())
        .collect();
    let (mut options, state) = webauthn
        .start_passkey_registration(user_id, full_name, full_name, Some(exclude))
        .map_err(|e| {
            AppError::internal(format_args!("passkey registration could not start: {e}"))
        })?;
    if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
        selection.resident_key = Some(webauthn_rs_proto::ResidentKeyRequirement::Required);
        selection.require_resident_key = true;
    }
    Ok((options, state))
}

/// Step 1 of enrolment through a link: the options for `navigator.credentials.create`.
pub async fn start_enrolment(
    db: &Db,
    webauthn: &Webauthn,
    token: &str,
) -> Result<(Uuid, CreationChallengeResponse), AppError> {
    let user_id = enrolment_user(db, token).await?;
    let user = crate::identity::store::current_user(db, user_id)
        .await?
        .ok_or(AppError::BadRequest(BadInput::EnrolmentLink))?;
    let (options, state) = registration_options(db, webauthn, user_id, &user.full_name).await?;
    let ceremony = save_ceremony(db, "registration", Some(user_id), Some(token), &state).await?;
    Ok((ceremony, options))
}

/// Step 1 of adding a passkey on another device, for the signed-in user.
pub async fn start_adding(
    db: &Db,
    webauthn: &Webauthn,
    user: &crate::identity::model::CurrentUser,
) -> Result<(Uuid, CreationChallengeResponse), AppError> {
    let (options, state) = registration_options(db, webauthn, user.id, &user.full_name).await?;
    let ceremony = save_ceremony(db, "registration", Some(user.id), None, &state).await?;
    Ok((ceremony, options))
}

/// Verify a new credential and store it for `user_id` in `tx`.
async fn store_new_passkey(
    tx: &mut Tx,
    webauthn: &Webauthn,
    state: &PasskeyRegistration,
    user_id: Uuid,
    credential: &RegisterPublicKeyCredential,
    name: &str,
    detail: String,
) -> Result<Uuid, AppError> {
    let passkey = webauthn
        .finish_passkey_registration(credential, state)
        .map_err(|e| {
            tracing::warn!(error = %e, "passkey registration refused");
            AppError::BadRequest(BadInput::Passkey)
        })?;
    let json = serde_json::to_string(&passkey).or_internal()?;
    let name = name.trim();
    let name = if name.is_empty() { "Passkey" } else { name };
    let id = new_id();
    let inserted = with_tx!(tx, |conn| {
        sqlx::query(
            "insert into passkey (id, user_id, credential_id, passkey, name, created_at)
             values ($1, $2, $3, $4, $5, $6) on conflict (credential_id) do nothing",
        )
        .bind(id)
        .bind(user_id)
        .bind(AsRef::<[u8]>::as_ref(passkey.cred_id()).to_vec())
        .bind(&json)
        .bind(name.chars().take(80).collect::<String>())
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if inserted != 1 {
        // The credential is already registered (to this or another account).
        tracing::warn!("passkey refused: credential already registered");
        return Err(AppError::BadRequest(BadInput::Passkey));
    }
    audit::append_detailed(
        tx,
        Some(user_id),
        AuditEvent::PasskeyEnrolled,
        Some(user_id),
        detail,
    )
    .await?;
    Ok(id)
}

/// Step 2 of enrolment: verify the new credential, store it, use the link up — one
/// transaction. Returns the user's id and the new passkey's (the caller starts a session).
pub async fn finish_enrolment(
    db: &Db,
    webauthn: &Webauthn,
    token: &str,
    ceremony: Uuid,
    credential: &RegisterPublicKeyCredential,
    name: &str,
) -> Result<(Uuid, Uuid), AppError> {
    let mut tx = db.begin().await?;
    let (state, user, enrolment): (PasskeyRegistration, _, _) =
        take_ceremony(&mut tx, ceremony, "registration").await?;
    let user_id = user.ok_or(AppError::BadRequest(BadInput::Passkey))?;
    let token_hash = sha256_hex(token);
    if enrolment.as_deref() != Some(token_hash.as_str()) {
        return Err(AppError::BadRequest(BadInput::EnrolmentLink));
    }
    let now = Utc::now();
    let used: Option<(Option<Uuid>, Option<Uuid>)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "update enrolment set used_at = $1
             where token_sha256 = $2 and user_id = $3 and used_at is null and expires_at > $1
             returning created_by, approved_by",
        )
        .bind(now)
        .bind(&token_hash)
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?
    });
    let Some((issuer, approver)) = used else {
        return Err(AppError::BadRequest(BadInput::EnrolmentLink));
    };
    // The record names who issued and who approved the link, not only its holder.
    let id_or_dash = |id: Option<Uuid>| id.map_or_else(|| "-".to_owned(), |id| id.to_string());
    let detail = format!(
        "link issued_by={} approved_by={}",
        id_or_dash(issuer),
        id_or_dash(approver)
    );
    let passkey =
        store_new_passkey(&mut tx, webauthn, &state, user_id, credential, name, detail).await?;
    tx.commit().await?;
    Ok((user_id, passkey))
}

/// Step 2 of adding a passkey: the ceremony must be this user's own, begun while signed in.
pub async fn finish_adding(
    db: &Db,
    webauthn: &Webauthn,
    user_id: Uuid,
    ceremony: Uuid,
    credential: &RegisterPublicKeyCredential,
    name: &str,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let (state, user, enrolment): (PasskeyRegistration, _, _) =
        take_ceremony(&mut tx, ceremony, "registration").await?;
    if user != Some(user_id) || enrolment.is_some() {
        return Err(AppError::BadRequest(BadInput::Passkey));
    }
    store_new_passkey(
        &mut tx,
        webauthn,
        &state,
        user_id,
        credential,
        name,
        "own_passkey".to_owned(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Step 1 of sign-in: options for `navigator.credentials.get` with no user named.
pub async fn start_sign_in(
    db: &Db,
    webauthn: &Webauthn,
) -> Result<(Uuid, RequestChallengeResponse), AppError> {
    let (mut options, state): (RequestChallengeResponse, DiscoverableAuthentication) = webauthn
        .start_discoverable_authentication()
        .map_err(|e| AppError::internal(format_args!("passkey sign-in could not start: {e}")))?;
    // A sign-in button, not browser autofill.
    options.mediation = None;
    let ceremony = save_ceremony(db, "authentication", None, None, &state).await?;
    Ok((ceremony, options))
}

/// Step 1 of the username-first fallback: options naming the account's own passkeys (for
/// devices that cannot offer discoverable credentials). An unknown or deactivated address,
/// or an account without passkeys, gets the same refusal.
pub async fn start_sign_in_for(
    db: &Db,
    webauthn: &Webauthn,
    email: &str,
) -> Result<(Uuid, RequestChallengeResponse), AppError> {
    let email = email.trim().to_lowercase();
    let row: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select id from user_account where email = $1 and active")
            .bind(&email)
            .fetch_optional(pool)
            .await
    })?;
    let refused = AppError::BadRequest(BadInput::Passkey);
    let (user_id,) = row.ok_or(refused.clone())?;
    let passkeys = passkeys_of(db, user_id).await?;
    if passkeys.is_empty() {
        return Err(refused);
    }
    let (options, state): (RequestChallengeResponse, PasskeyAuthentication) = webauthn
        .start_passkey_authentication(&passkeys)
        .map_err(|e| AppError::internal(format_args!("passkey sign-in could not start: {e}")))?;
    let ceremony = save_ceremony(db, "authentication", Some(user_id), None, &state).await?;
    Ok((ceremony, options))
}

/// Step 2 of sign-in: verify the assertion against the stored passkey and update its counter.
/// Returns the user's id. An answer to no live ceremony leaves nothing behind (no record, no
/// counter: anyone can send those). Otherwise the ceremony is used up either way, the attempt
/// counts against the credential's owner from this `client`, and a refusal is audited in the
/// same transaction.
pub async fn finish_sign_in(
    db: &Db,
    webauthn: &Webauthn,
    ceremony: Uuid,
    credential: &PublicKeyCredential,
    client: &str,
) -> Result<(Uuid, Uuid), AppError> {
    let mut tx = db.begin().await?;
    let taken = match take_ceremony_raw(&mut tx, ceremony, "authentication").await {
        Ok(taken) => taken,
        Err(err) => {
            tx.rollback().await?;
            return Err(err);
        }
    };
    match verify_sign_in(&mut tx, webauthn, taken, credential, client).await {
        Ok(signed_in) => {
            tx.commit().await?;
            Ok(signed_in)
        }
        Err(AppError::BadRequest(what)) => {
            audit::append(&mut tx, None, AuditEvent::SignInFailed, None).await?;
            tx.commit().await?;
            Err(AppError::BadRequest(what))
        }
        // Over the owner's limit: the ceremony stays used up and the attempt counted.
        Err(limited @ AppError::TooManyRequests { .. }) => {
            tx.commit().await?;
            Err(limited)
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
    (json, named, _): (String, Option<Uuid>, Option<String>),
    credential: &PublicKeyCredential,
    client: &str,
) -> Result<(Uuid, Uuid), AppError> {
    let refused = |what: &str| {
        tracing::warn!(reason = what, "passkey sign-in refused");
        AppError::BadRequest(BadInput::Passkey)
    };
    let credential_id: Vec<u8> = AsRef::<[u8]>::as_ref(&credential.raw_id).to_vec();
    let row: Option<(Uuid, Uuid, String)> = with_tx!(&mut *tx, |conn| {
        sqlx::query_as(
            "select p.id, p.user_id, p.passkey from passkey p join user_account u on u.id = p.user_id
             where p.credential_id = $1 and p.revoked_at is null and u.active",
        )
        .bind(&credential_id)
        .fetch_optional(&mut *conn)
        .await?
    });
    let (passkey_id, owner, stored) = row.ok_or_else(|| refused("unknown credential"))?;
    crate::identity::rate_limit::hit_in(
        tx,
        crate::identity::rate_limit::SIGN_IN_PER_ACCOUNT,
        &format!("{owner}:{client}"),
    )
    .await?;
    let mut passkey: Passkey = serde_json::from_str(&stored).or_internal()?;
    let outcome = match named {
        // Username-first: the ceremony named the account.
        Some(user_id) => {
            if owner != user_id {
                return Err(refused("credential of another account"));
            }
            let state: PasskeyAuthentication = decode_state(&json)?;
            webauthn
                .finish_passkey_authentication(credential, &state)
                .map_err(|_| refused("assertion did not verify"))?
        }
        // Username-less: the authenticator names the account (user handle).
        None => {
            let state: DiscoverableAuthentication = decode_state(&json)?;
            let (user_id, _) = webauthn
                .identify_discoverable_authentication(credential)
                .map_err(|_| refused("unidentifiable credential"))?;
            if owner != user_id {
                return Err(refused("credential of another account"));
            }
            webauthn
                .finish_discoverable_authentication_v2(credential, state, &passkey)
                .map_err(|_| refused("assertion did not verify"))?
        }
    };
    passkey.update_credential(&outcome);
    let json = serde_json::to_string(&passkey).or_internal()?;
    with_tx!(&mut *tx, |conn| {
        sqlx::query("update passkey set passkey = $1, last_used_at = $2 where id = $3")
            .bind(&json)
            .bind(Utc::now())
            .bind(passkey_id)
            .execute(&mut *conn)
            .await?;
    });
    Ok((owner, passkey_id))
}
