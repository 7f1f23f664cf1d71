//! The ballot verifier (`ecabinet verify-ballots`): re-checks every stored answer — its hash
//! recomputed from the stored fields, its passkey signature over SHA-256(canonical ‖ nonce),
//! its member's eligibility, its audit record — and recomputes the tally and outcome of every
//! closed ballot from the stored answers. Reports each mismatch; trusts nothing it recomputes.
use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::ballots::answers::{public_key_and_counter, RelyingParty};
use crate::ballots::assertion::{self, Assertion, Expected};
use crate::ballots::canonical::AnswerText;
use crate::ballots::model::outcome_key;
use crate::ballots::model::Choice;
use crate::ballots::results::{counted, tally_of};
use crate::db::Db;
use crate::error::AppError;
use crate::with_db;

/// Something that does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub ballot: Uuid,
    pub answer: Option<Uuid>,
    pub problem: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub answers: usize,
    pub signed: usize,
    pub closed_ballots: usize,
    pub mismatches: Vec<Mismatch>,
}

type StoredAnswer = (
    Uuid,
    Uuid,
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

/// (id, eligible, agree, disagree, other, outcome) of a closed ballot as stored at closing.
type StoredResult = (
    Uuid,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

/// (answer, the record's event, its detail `sha256=…`) of an answer's audit record.
type AuditedAnswer = (Uuid, String, Option<String>);

/// (credential id, owner, webauthn-rs passkey JSON)
type PasskeyRow = (Vec<u8>, Uuid, String);

/// Everything the verifier reads, in one go.
type Stored = (
    Vec<StoredAnswer>,
    Vec<PasskeyRow>,
    Vec<AuditedAnswer>,
    Vec<(Uuid, Uuid)>,
    Vec<StoredResult>,
);

pub async fn verify_ballots(db: &Db, party: &RelyingParty<'_>) -> Result<Report, AppError> {
    let (answers, passkeys, records, eligible, closed): Stored = with_db!(db, |pool| {
        (
            sqlx::query_as(
                "select id, ballot_id, user_id, choice, other_text, comment, entered_by,
                        answer_sha256, nonce, credential_id, client_data_json,
                        authenticator_data, signature
                 from ballot_answer order by answered_at, id",
            )
            .fetch_all(pool)
            .await?,
            // Revoked passkeys too: what they signed stays verifiable.
            sqlx::query_as("select credential_id, user_id, passkey from passkey")
                .fetch_all(pool)
                .await?,
            sqlx::query_as(
                "select subject_id, event, detail from audit_event
                 where event in ('ballot.answered', 'ballot.paper_answer')
                   and subject_id is not null",
            )
            .fetch_all(pool)
            .await?,
            sqlx::query_as("select ballot_id, user_id from ballot_eligible")
                .fetch_all(pool)
                .await?,
            sqlx::query_as(
                "select id, eligible_count, agree_count, disagree_count, other_count, outcome
                 from ballot where state = 'closed'",
            )
            .fetch_all(pool)
            .await?,
        )
    });
    let passkeys: HashMap<Vec<u8>, (Uuid, String)> = passkeys
        .into_iter()
        .map(|(credential, owner, json)| (credential, (owner, json)))
        .collect();
    let audited: HashMap<Uuid, (String, Option<String>)> = records
        .iter()
        .map(|(id, event, detail)| (*id, (event.clone(), detail.clone())))
        .collect();
    let stored_ids: HashSet<Uuid> = answers.iter().map(|a| a.0).collect();
    let eligible: HashSet<(Uuid, Uuid)> = eligible.into_iter().collect();
    let mut report = Report {
        answers: answers.len(),
        ..Report::default()
    };
    for answer in &answers {
        let (id, ballot, _, _, _, _, entered_by, _, _, _, _, _, _) = answer;
        let mut flag = |problem| {
            report.mismatches.push(Mismatch {
                ballot: *ballot,
                answer: Some(*id),
                problem,
            })
        };
        if let Some(problem) = against_record(answer, audited.get(id)) {
            flag(problem);
        }
        match check_answer(answer, &passkeys, &eligible, party) {
            Ok(()) => {
                if entered_by.is_none() {
                    report.signed += 1;
                }
            }
            Err(problem) => flag(problem),
        }
    }
    // An answer the chain vouches for must still be there.
    let mut missing: Vec<Uuid> = audited
        .keys()
        .filter(|id| !stored_ids.contains(id))
        .copied()
        .collect();
    missing.sort();
    for id in missing {
        report.mismatches.push(Mismatch {
            ballot: Uuid::nil(),
            answer: Some(id),
            problem: "an answer in the audit chain is missing from the database",
        });
    }
    for (ballot, stored_eligible, agree, disagree, other, outcome) in closed {
        report.closed_ballots += 1;
        let tally = tally_of(&counted(db, ballot).await?);
        let stored = (stored_eligible, agree, disagree, other, outcome.as_deref());
        let recomputed = (
            Some(i64::from(tally.eligible)),
            Some(i64::from(tally.agree)),
            Some(i64::from(tally.disagree)),
            Some(i64::from(tally.other)),
            Some(outcome_key(tally.outcome())),
        );
        if stored != recomputed {
            report.mismatches.push(Mismatch {
                ballot,
                answer: None,
                problem: "the stored tally or outcome differs from the stored answers",
            });
        }
    }
    Ok(report)
}

/// What the answer's audit record says against the answer as stored: the record must exist,
/// be of the answer's kind (a member's signed answer or a paper answer entered by the
/// secretariat), and vouch for the hash of the answer as recomputed from its fields.
fn against_record(
    answer: &StoredAnswer,
    record: Option<&(String, Option<String>)>,
) -> Option<&'static str> {
    let Some((event, detail)) = record else {
        return Some("the answer is not in the audit chain");
    };
    let expected_event = if answer.6.is_some() {
        "ballot.paper_answer"
    } else {
        "ballot.answered"
    };
    if event != expected_event {
        return Some("the answer's kind (signed or paper) differs from its audit record");
    }
    let recomputed = Choice::parse(&answer.3).map(|choice| {
        hex::encode(Sha256::digest(
            AnswerText {
                ballot: answer.1,
                member: answer.2,
                choice,
                text: answer.4.as_deref().unwrap_or(""),
                comment: answer.5.as_deref().unwrap_or(""),
            }
            .canonical(),
        ))
    });
    match (detail, recomputed) {
        (Some(detail), Some(hash)) if *detail == format!("sha256={hash}") => None,
        _ => Some("the answer differs from what its audit record vouches for"),
    }
}

fn check_answer(
    answer: &StoredAnswer,
    passkeys: &HashMap<Vec<u8>, (Uuid, String)>,
    eligible: &HashSet<(Uuid, Uuid)>,
    party: &RelyingParty<'_>,
) -> Result<(), &'static str> {
    let (
        _,
        ballot,
        member,
        choice,
        text,
        comment,
        entered_by,
        hash,
        nonce,
        credential,
        cdj,
        ad,
        sig,
    ) = answer;
    let choice = Choice::parse(choice).ok_or("the choice is not one of the three")?;
    let text = AnswerText {
        ballot: *ballot,
        member: *member,
        choice,
        text: text.as_deref().unwrap_or(""),
        comment: comment.as_deref().unwrap_or(""),
    };
    if hash.as_deref() != Some(hex::encode(Sha256::digest(text.canonical())).as_str()) {
        return Err("the answer differs from what was given (hash mismatch)");
    }
    if !eligible.contains(&(*ballot, *member)) {
        return Err("the member is not eligible on this ballot");
    }
    if entered_by.is_some() {
        // Entered from paper by the secretariat: unsigned by design.
        return Ok(());
    }
    let (Some(nonce), Some(credential), Some(cdj), Some(ad), Some(sig)) =
        (nonce, credential, cdj, ad, sig)
    else {
        return Err("a member's answer without its signature");
    };
    let (owner, json) = passkeys
        .get(credential)
        .ok_or("signed with an unknown passkey")?;
    if owner != member {
        return Err("signed with another person's passkey");
    }
    let (public_key, _) = public_key_and_counter(json).ok_or("the passkey's key is unreadable")?;
    assertion::verify(
        &Expected {
            challenge: &text.challenge(nonce),
            origin: party.origin,
            rp_id: party.rp_id,
            // The counter was checked when the answer was given; it has moved on since.
            stored_counter: 0,
        },
        &Assertion {
            client_data_json: cdj.clone(),
            authenticator_data: ad.clone(),
            signature: sig.clone(),
        },
        &public_key,
    )
    .map(|_| ())
    .map_err(|_| "the signature does not verify for this answer")
}
