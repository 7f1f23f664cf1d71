//! One batch of answers in one transaction, with a fixed number of statements however many
//! answers it holds. On PostgreSQL each statement is a round trip to the server: answer by
//! answer, 1,000 answers were 9,000 statements one after another, about a second.
//!
//! The batch reads what every answer is checked against (earlier answers with the same
//! request key, the ballots and who was asked, the nonces issued, the passkeys), decides each
//! answer in the order received, then writes the accepted ones together: their nonces used
//! up, the answers, the passkeys' signature counters, the audit records. A refused answer
//! writes nothing of its own (a nonce it used up stays used, as a replay must not succeed
//! later).
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::{append_rows, Entry};
use crate::ballots::editing::problem;
use crate::ballots::model::BallotState;
use crate::ballots::problem::BallotProblem;
use crate::ballots::writer::NewAnswer;
use crate::db::params::Params;
use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::with_tx;

/// What became of one answer of the batch while it is being decided.
enum Verdict {
    Refused(AppError),
    /// Written before, under the same request key: that answer's id.
    Earlier(Uuid),
    /// The same request key as an accepted answer earlier in this batch: its outcome.
    SameAs(usize),
    /// To be written, at this time.
    Accepted(DateTime<Utc>),
}

/// Write `answers` in one transaction; each gets its own outcome, in order. The error fails
/// the batch as a whole (nothing written).
pub async fn write_together(
    db: &Db,
    answers: &[&NewAnswer],
) -> Result<Vec<Result<Uuid, AppError>>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let now = Utc::now();
    let mut verdicts = decide(&mut tx, answers, now).await?;
    use_nonces(&mut tx, answers, &mut verdicts).await?;
    advance_counters(&mut tx, answers, &mut verdicts).await?;
    insert_answers(&mut tx, answers, &verdicts).await?;
    // Each record vouches for the answer's content: the SHA-256 of its canonical form, which
    // `verify-ballots` compares with the stored answer.
    let records: Vec<Entry> = accepted(answers, &verdicts)
        .map(|(answer, _)| {
            let detail = Some(format!("sha256={}", answer.answer_hash()));
            match answer.entered_by {
                Some(secretariat) => (
                    Some(secretariat),
                    AuditEvent::BallotPaperAnswer,
                    Some(answer.id),
                    detail,
                ),
                None => (
                    Some(answer.member),
                    AuditEvent::BallotAnswered,
                    Some(answer.id),
                    detail,
                ),
            }
        })
        .collect();
    if !records.is_empty() {
        append_rows(&mut tx, &records).await?;
    }
    tx.commit().await?;
    Ok(outcomes(answers, verdicts))
}

/// The accepted answers with their times, in order.
fn accepted<'a>(
    answers: &'a [&'a NewAnswer],
    verdicts: &'a [Verdict],
) -> impl Iterator<Item = (&'a NewAnswer, DateTime<Utc>)> + 'a {
    answers
        .iter()
        .zip(verdicts)
        .filter_map(|(answer, verdict)| match verdict {
            Verdict::Accepted(at) => Some((*answer, *at)),
            _ => None,
        })
}

fn outcomes(answers: &[&NewAnswer], verdicts: Vec<Verdict>) -> Vec<Result<Uuid, AppError>> {
    let own = |i: usize, verdicts: &[Verdict]| match &verdicts[i] {
        Verdict::Refused(err) => Err(err.clone()),
        Verdict::Earlier(id) => Ok(*id),
        Verdict::Accepted(_) => Ok(answers[i].id),
        // `SameAs` only ever points at an answer decided as `Accepted`.
        Verdict::SameAs(_) => Err(AppError::internal("an answer the same as one not accepted")),
    };
    (0..verdicts.len())
        .map(|i| match verdicts[i] {
            Verdict::SameAs(first) => own(first, &verdicts),
            _ => own(i, &verdicts),
        })
        .collect()
}

/// The rows of `sql` with `binds` bound in order as `$1, $2, …` (nothing is asked when
/// `binds` is empty: an empty `in ()` list is not SQL).
macro_rules! fetch_bound {
    ($tx:expr, $row:ty, $sql:expr, $binds:expr) => {{
        let binds = $binds;
        if binds.is_empty() {
            Vec::<$row>::new()
        } else {
            let sql: String = $sql;
            with_tx!($tx, |conn| {
                let mut query = sqlx::query_as::<_, $row>(&sql);
                for value in binds {
                    query = query.bind(value);
                }
                query.fetch_all(&mut *conn).await?
            })
        }
    }};
}

/// `… in ($1, …, $n)` for `n` values.
fn list(params: Params, n: usize) -> String {
    format!("({})", params.rows(1, n, 1))
}

fn distinct<T: Ord + Copy>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.collect();
    items.sort_unstable();
    items.dedup();
    items
}

/// Read what the answers are checked against, and decide each in order (nonces and counters
/// are settled after).
async fn decide(
    tx: &mut Tx,
    answers: &[&NewAnswer],
    now: DateTime<Utc>,
) -> Result<Vec<Verdict>, sqlx::Error> {
    let params = Params::of(tx);
    let keys: Vec<&str> = answers.iter().map(|a| a.request_key.as_str()).collect();
    let earlier: HashMap<String, (Uuid, Uuid, Uuid)> = fetch_bound!(
        tx,
        (String, Uuid, Uuid, Uuid),
        format!(
            "select request_key, id, ballot_id, user_id from ballot_answer where request_key in {}",
            list(params, keys.len())
        ),
        &keys
    )
    .into_iter()
    .map(|(key, id, ballot, member)| (key, (id, ballot, member)))
    .collect();
    let ballot_ids = distinct(answers.iter().map(|a| a.ballot));
    let ballots: HashMap<Uuid, (String, DateTime<Utc>)> = fetch_bound!(
        tx,
        (Uuid, String, DateTime<Utc>),
        format!(
            "select id, state, deadline_at from ballot where id in {}",
            list(params, ballot_ids.len())
        ),
        &ballot_ids
    )
    .into_iter()
    .map(|(id, state, deadline)| (id, (state, deadline)))
    .collect();
    let members = distinct(answers.iter().map(|a| a.member));
    let asked: HashSet<(Uuid, Uuid)> = fetch_bound!(
        tx,
        (Uuid, Uuid),
        format!(
            "select ballot_id, user_id from ballot_eligible
             where ballot_id in {} and user_id in ({})",
            list(params, ballot_ids.len()),
            params.rows(ballot_ids.len() + 1, members.len(), 1)
        ),
        &ballot_ids.iter().chain(&members).collect::<Vec<_>>()
    )
    .into_iter()
    .collect();
    let nonces: Vec<&[u8]> = answers
        .iter()
        .filter_map(|a| a.signed.as_ref().map(|s| s.nonce.as_slice()))
        .collect();
    let issued: HashMap<Vec<u8>, (Uuid, Uuid, DateTime<Utc>)> = fetch_bound!(
        tx,
        (Vec<u8>, Uuid, Uuid, DateTime<Utc>),
        format!(
            "select nonce, ballot_id, user_id, expires_at from ballot_nonce where nonce in {}",
            list(params, nonces.len())
        ),
        &nonces
    )
    .into_iter()
    .map(|(nonce, ballot, member, expires)| (nonce, (ballot, member, expires)))
    .collect();
    // Members of paper answers who already answered with their passkey.
    let paper: Vec<Uuid> = distinct(
        answers
            .iter()
            .filter(|a| a.entered_by.is_some())
            .map(|a| a.member),
    );
    let mut signed_before: HashSet<(Uuid, Uuid)> = fetch_bound!(
        tx,
        (Uuid, Uuid),
        format!(
            "select distinct ballot_id, user_id from ballot_answer
             where entered_by is null and user_id in {}",
            list(params, paper.len())
        ),
        &paper
    )
    .into_iter()
    .collect();

    let mut first_with_key: HashMap<&str, usize> = HashMap::new();
    let mut nonces_taken: HashSet<&[u8]> = HashSet::new();
    let mut at = now;
    let mut verdicts = Vec::with_capacity(answers.len());
    for (i, answer) in answers.iter().enumerate() {
        let own = |ballot: Uuid, member: Uuid| ballot == answer.ballot && member == answer.member;
        let refused = |why: BallotProblem| Verdict::Refused(problem(why));
        let verdict = if let Some(&(id, ballot, member)) = earlier.get(&answer.request_key) {
            if own(ballot, member) {
                Verdict::Earlier(id)
            } else {
                refused(BallotProblem::SignatureInvalid)
            }
        } else if let Some(&first) = first_with_key.get(answer.request_key.as_str()) {
            if own(answers[first].ballot, answers[first].member) {
                Verdict::SameAs(first)
            } else {
                refused(BallotProblem::SignatureInvalid)
            }
        } else {
            match ballots.get(&answer.ballot) {
                None => Verdict::Refused(AppError::NotFound),
                Some((state, _)) if BallotState::parse(state) != Some(BallotState::Open) => {
                    refused(BallotProblem::NotOpen)
                }
                Some((_, deadline)) if *deadline <= at => refused(BallotProblem::PastDeadline),
                Some(_) if !asked.contains(&(answer.ballot, answer.member)) => {
                    refused(BallotProblem::NotEligible)
                }
                Some(_)
                    if answer.entered_by.is_some()
                        && signed_before.contains(&(answer.ballot, answer.member)) =>
                {
                    refused(BallotProblem::SignedAnswerExists)
                }
                Some(_) => match &answer.signed {
                    Some(signed)
                        if nonces_taken.contains(signed.nonce.as_slice())
                            || !issued
                                .get(&signed.nonce)
                                .is_some_and(|&(b, m, expires)| own(b, m) && expires > now) =>
                    {
                        refused(BallotProblem::SignatureInvalid)
                    }
                    signed => {
                        if let Some(signed) = signed {
                            nonces_taken.insert(signed.nonce.as_slice());
                            signed_before.insert((answer.ballot, answer.member));
                        }
                        first_with_key.insert(answer.request_key.as_str(), i);
                        let this = at;
                        // Every answer its own instant: the latest of a member's counts.
                        at += Duration::microseconds(1);
                        Verdict::Accepted(this)
                    }
                },
            }
        };
        verdicts.push(verdict);
    }
    Ok(verdicts)
}

/// Use up the nonces of the accepted signed answers; one already used (by a transaction on
/// another node since it was read) refuses its answer.
async fn use_nonces(
    tx: &mut Tx,
    answers: &[&NewAnswer],
    verdicts: &mut [Verdict],
) -> Result<(), sqlx::Error> {
    let params = Params::of(tx);
    let nonces: Vec<&[u8]> = accepted(answers, verdicts)
        .filter_map(|(a, _)| a.signed.as_ref().map(|s| s.nonce.as_slice()))
        .collect();
    let used: HashSet<Vec<u8>> = fetch_bound!(
        tx,
        (Vec<u8>,),
        format!(
            "delete from ballot_nonce where nonce in {} returning nonce",
            list(params, nonces.len())
        ),
        &nonces
    )
    .into_iter()
    .map(|(nonce,)| nonce)
    .collect();
    for (answer, verdict) in answers.iter().zip(verdicts.iter_mut()) {
        if let (Verdict::Accepted(_), Some(signed)) = (&verdict, &answer.signed) {
            if !used.contains(&signed.nonce) {
                *verdict = Verdict::Refused(problem(BallotProblem::SignatureInvalid));
            }
        }
    }
    Ok(())
}

/// Store the passkeys' new signature counters (kept inside webauthn-rs's stored credential).
/// A counter that does not move past the stored one refuses its answer (a cloned
/// authenticator, or a replay); an authenticator that keeps no counter signs 0.
async fn advance_counters(
    tx: &mut Tx,
    answers: &[&NewAnswer],
    verdicts: &mut [Verdict],
) -> Result<(), sqlx::Error> {
    let params = Params::of(tx);
    let passkey_ids = distinct(
        accepted(answers, verdicts).filter_map(|(a, _)| a.signed.as_ref().map(|s| s.passkey_id)),
    );
    let mut stored: HashMap<Uuid, (serde_json::Value, bool)> = fetch_bound!(
        tx,
        (Uuid, String),
        format!(
            "select id, passkey from passkey where id in {}",
            list(params, passkey_ids.len())
        ),
        &passkey_ids
    )
    .into_iter()
    .filter_map(|(id, json)| Some((id, (serde_json::from_str(&json).ok()?, false))))
    .collect();
    for (answer, verdict) in answers.iter().zip(verdicts.iter_mut()) {
        let (Verdict::Accepted(_), Some(signed)) = (&verdict, &answer.signed) else {
            continue;
        };
        let advanced = stored
            .get_mut(&signed.passkey_id)
            .and_then(|(json, changed)| {
                let counter = json.pointer_mut("/cred/counter")?;
                let old = counter.as_u64().unwrap_or(0);
                if signed.counter != 0 && u64::from(signed.counter) <= old {
                    return None;
                }
                *counter = serde_json::Value::from(signed.counter);
                *changed = true;
                Some(())
            });
        if advanced.is_none() {
            *verdict = Verdict::Refused(problem(BallotProblem::SignatureInvalid));
        }
    }
    let changed: Vec<(Uuid, String)> = stored
        .into_iter()
        .filter(|(_, (_, changed))| *changed)
        .map(|(id, (json, _))| (id, json.to_string()))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "update passkey set passkey = v.passkey, last_used_at = {}
         from (select column1 as id, column2 as passkey from (values {}) as t) as v
         where passkey.id = v.id",
        params.one(1),
        params.rows(2, changed.len(), 2)
    );
    let now = Utc::now();
    with_tx!(tx, |conn| {
        let mut update = sqlx::query(&sql).bind(now);
        for (id, json) in &changed {
            update = update.bind(*id).bind(json);
        }
        update.execute(&mut *conn).await?;
    });
    Ok(())
}

/// Insert the accepted answers, in one statement.
async fn insert_answers(
    tx: &mut Tx,
    answers: &[&NewAnswer],
    verdicts: &[Verdict],
) -> Result<(), sqlx::Error> {
    let rows: Vec<(&NewAnswer, DateTime<Utc>)> = accepted(answers, verdicts).collect();
    if rows.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "insert into ballot_answer (id, ballot_id, user_id, choice, other_text, comment,
             entered_by, answered_at, answer_sha256, nonce, credential_id, client_data_json,
             authenticator_data, signature, request_key)
         values {}",
        Params::of(tx).rows(1, rows.len(), 15)
    );
    with_tx!(tx, |conn| {
        let mut insert = sqlx::query(&sql);
        for (answer, at) in &rows {
            let signed = answer.signed.as_ref();
            insert = insert
                .bind(answer.id)
                .bind(answer.ballot)
                .bind(answer.member)
                .bind(answer.choice.as_str())
                .bind(Some(answer.text.as_str()).filter(|t| !t.is_empty()))
                .bind(Some(answer.comment.as_str()).filter(|c| !c.is_empty()))
                .bind(answer.entered_by)
                .bind(*at)
                .bind(answer.answer_hash())
                .bind(signed.map(|s| s.nonce.as_slice()))
                .bind(signed.map(|s| s.credential_id.as_slice()))
                .bind(signed.map(|s| s.client_data_json.as_slice()))
                .bind(signed.map(|s| s.authenticator_data.as_slice()))
                .bind(signed.map(|s| s.signature.as_slice()))
                .bind(answer.request_key.as_str());
        }
        insert.execute(&mut *conn).await?;
    });
    Ok(())
}
