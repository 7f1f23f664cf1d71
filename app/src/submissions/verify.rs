//! Re-checking every signed send (the `verify-ballots` command runs it too): the text kept is
//! the text hashed; the passkey that signed is the signer's and its signature over
//! SHA-256(text ‖ nonce) holds; and each document the text names is still that very file
//! (its version points at the same SHA-256, and the stored bytes hash to it); the text names
//! the submission and ministry it is kept for; every send has its signature, and the audit
//! chain and the signatures name the same sends.
use uuid::Uuid;

use crate::audit::content::sha256_detail;
use crate::ballots::answers::{public_key_and_counter, RelyingParty};
use crate::ballots::assertion::{self, Assertion, Expected};
use crate::db::Db;
use crate::error::AppError;
use crate::submissions::canonical::{challenge, documents_named, subject_named};
use crate::with_db;

/// What the verifier found.
#[derive(Debug, Default)]
pub struct Report {
    pub signed: usize,
    /// (submission, what is wrong).
    pub mismatches: Vec<(Uuid, String)>,
}

#[derive(sqlx::FromRow)]
struct Row {
    submission_id: Uuid,
    ministry: String,
    user_id: Uuid,
    canonical: String,
    canonical_sha256: String,
    nonce: Vec<u8>,
    client_data_json: Vec<u8>,
    authenticator_data: Vec<u8>,
    signature: Vec<u8>,
    passkey: Option<String>,
    owner: Option<Uuid>,
}

/// Check every signed send.
pub async fn verify_submissions(db: &Db, party: &RelyingParty<'_>) -> Result<Report, AppError> {
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(
            "select s.submission_id, m.code as ministry, s.user_id, s.canonical,
                    s.canonical_sha256, s.nonce, s.client_data_json, s.authenticator_data,
                    s.signature, p.passkey, p.user_id as owner
             from submission_signature s
             join submission b on b.id = s.submission_id
             join ministry m on m.id = b.ministry_id
             left join passkey p on p.credential_id = s.credential_id
             order by s.created_at, s.id",
        )
        .fetch_all(pool)
        .await
    })?;
    let mut report = Report::default();
    let mut signed: Vec<(Uuid, String)> = Vec::new();
    for row in rows {
        report.signed += 1;
        if let Some(problem) = check(db, party, &row).await? {
            report
                .mismatches
                .push((row.submission_id, problem.to_owned()));
        }
        signed.push((row.submission_id, row.canonical_sha256));
    }
    report.mismatches.extend(unsigned_sends(db).await?);
    // The chain's records of sends and the signatures kept: the same sends, both ways.
    let records: Vec<(Option<Uuid>, Option<String>)> = with_db!(db, |pool| {
        sqlx::query_as("select subject_id, detail from audit_event where event = $1")
            .bind("submission.sent")
            .fetch_all(pool)
            .await
    })?;
    let recorded: Vec<(Uuid, String)> = records
        .into_iter()
        .filter_map(|(s, d)| Some((s?, d?)))
        .collect();
    for send in &recorded {
        if !signed.contains(send) {
            report.mismatches.push((
                send.0,
                "a send in the audit chain has no signature".to_owned(),
            ));
        }
    }
    for send in &signed {
        if !recorded.contains(send) {
            report.mismatches.push((
                send.0,
                "a signature the audit chain does not record".to_owned(),
            ));
        }
    }
    Ok(report)
}

/// Submissions sent more (or fewer) times than they have signatures, or in a state only a
/// send reaches with none.
async fn unsigned_sends(db: &Db) -> Result<Vec<(Uuid, String)>, AppError> {
    let rows: Vec<(Uuid, String, i64, i64)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select s.id, s.state, s.sent_count,
                    (select count(*) from submission_signature g where g.submission_id = s.id)
             from submission s where s.sent_count > 0 or s.state <> 'draft'",
        )
        .fetch_all(pool)
        .await
    })?;
    let reached_by_sending = ["sent", "returned", "accepted", "scheduled"];
    Ok(rows
        .into_iter()
        .filter(|(_, state, sent, signatures)| {
            sent != signatures || (reached_by_sending.contains(&state.as_str()) && *signatures == 0)
        })
        .map(|(id, ..)| (id, "sent without a signature for each send".to_owned()))
        .collect())
}

async fn check(
    db: &Db,
    party: &RelyingParty<'_>,
    row: &Row,
) -> Result<Option<&'static str>, AppError> {
    if sha256_detail(row.canonical.as_bytes()) != row.canonical_sha256 {
        return Ok(Some("the text kept is not the text hashed"));
    }
    let (Some(stored), Some(owner)) = (&row.passkey, row.owner) else {
        return Ok(Some("no passkey of that credential"));
    };
    if owner != row.user_id {
        return Ok(Some("signed with another person's passkey"));
    }
    let Some((public_key, _)) = public_key_and_counter(stored) else {
        return Ok(Some("the passkey is not ES256"));
    };
    let signed = Assertion {
        client_data_json: row.client_data_json.clone(),
        authenticator_data: row.authenticator_data.clone(),
        signature: row.signature.clone(),
    };
    let expected = Expected {
        challenge: &challenge(&row.canonical, &row.nonce),
        origin: party.origin,
        rp_id: party.rp_id,
        stored_counter: 0,
    };
    if assertion::verify(&expected, &signed, &public_key).is_err() {
        return Ok(Some("the signature does not hold over the text"));
    }
    if subject_named(&row.canonical) != Some((row.submission_id, row.ministry.clone())) {
        return Ok(Some("the text signed is another submission's"));
    }
    let Some(documents) = documents_named(&row.canonical) else {
        return Ok(Some("the text is not in the signed format"));
    };
    for (document, version, sha) in documents {
        if !same_file(db, document, version, &sha).await? {
            return Ok(Some("a document changed after it was signed"));
        }
    }
    Ok(None)
}

/// Version `version` of `document` still points at `sha`, and its stored bytes hash to it.
async fn same_file(db: &Db, document: Uuid, version: i64, sha: &str) -> Result<bool, AppError> {
    let row: Option<(String,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select blob_sha256 from document_version where document_id = $1 and version_no = $2",
        )
        .bind(document)
        .bind(version)
        .fetch_optional(pool)
        .await
    })?;
    if row.map(|(s,)| s).as_deref() != Some(sha) {
        return Ok(false);
    }
    Ok(crate::audit::content::rehash_blob(db, sha).await? == sha)
}
