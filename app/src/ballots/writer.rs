//! The group-commit writer of answers. Requests queue on a channel; one task takes every
//! request waiting (up to [`MAX_BATCH`]) and writes them in one transaction, then answers
//! each request — only after its batch has committed, so an acknowledged answer is durable
//! (it survives `kill -9`). Each answer is checked again inside the transaction (ballot open,
//! before the deadline, member eligible, nonce unused); a refused answer writes nothing and
//! does not hold back the others. If the batch fails as a whole, each request is retried in
//! a transaction of its own. Once a batch is written, each ballot it touched is announced on
//! the live channel once (not once per answer: 1,000 answers at once are a few batches, so a
//! few announcements and a few re-reads on every open page, not 1,000).
use chrono::Utc;
use sha2::{Digest, Sha256};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::ballots::canonical::AnswerText;
use crate::ballots::editing::problem;
use crate::ballots::model::{BallotState, Choice};
use crate::ballots::problem::BallotProblem;
use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::live::event::LiveEvent;
use crate::live::hub::Hub;
use crate::with_tx;

/// The most answers written in one transaction.
pub const MAX_BATCH: usize = 256;

/// The signature part of a signed answer.
#[derive(Debug, Clone)]
pub struct Signed {
    pub nonce: Vec<u8>,
    pub passkey_id: Uuid,
    pub credential_id: Vec<u8>,
    pub client_data_json: Vec<u8>,
    pub authenticator_data: Vec<u8>,
    pub signature: Vec<u8>,
    /// The authenticator's new signature counter.
    pub counter: u32,
}

/// An answer ready to be written.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    pub id: Uuid,
    pub ballot: Uuid,
    pub member: Uuid,
    pub choice: Choice,
    pub text: String,
    pub comment: String,
    /// The secretariat member who entered a paper answer.
    pub entered_by: Option<Uuid>,
    /// The same key twice is the same answer (a repeated submission).
    pub request_key: String,
    pub signed: Option<Signed>,
}

impl NewAnswer {
    /// SHA-256 of the canonical answer, hex.
    pub fn answer_hash(&self) -> String {
        hex::encode(Sha256::digest(
            AnswerText {
                ballot: self.ballot,
                member: self.member,
                choice: self.choice,
                text: &self.text,
                comment: &self.comment,
            }
            .canonical(),
        ))
    }
}

#[derive(Debug)]
struct Job {
    answer: NewAnswer,
    reply: oneshot::Sender<Result<Uuid, AppError>>,
}

/// A handle on this node's writer (cheap to clone).
#[derive(Clone, Debug)]
pub struct AnswerWriter {
    jobs: mpsc::Sender<Job>,
}

impl AnswerWriter {
    /// Start the writer task on `db`, announcing written answers on `live`.
    pub fn spawn(db: Db, live: Hub) -> AnswerWriter {
        let (jobs, mut queue) = mpsc::channel::<Job>(4 * MAX_BATCH);
        tokio::spawn(async move {
            while let Some(first) = queue.recv().await {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match queue.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                let mut ballots: Vec<Uuid> = batch.iter().map(|job| job.answer.ballot).collect();
                ballots.sort();
                ballots.dedup();
                write_batch(&db, batch).await;
                // Announced beside the writer, not in its way: the next batch need not wait
                // for the live event's own write.
                let (db, live) = (db.clone(), live.clone());
                tokio::spawn(async move {
                    for ballot_id in ballots {
                        live.publish(&db, LiveEvent::BallotChanged { ballot_id })
                            .await;
                    }
                });
            }
        });
        AnswerWriter { jobs }
    }

    /// Write `answer`; returns its id (the earlier one for a repeated submission) once its
    /// transaction has committed.
    pub async fn submit(&self, answer: NewAnswer) -> Result<Uuid, AppError> {
        let (reply, done) = oneshot::channel();
        self.jobs
            .send(Job { answer, reply })
            .await
            .map_err(|_| AppError::Internal)?;
        done.await.map_err(|_| AppError::Internal)?
    }
}

async fn write_batch(db: &Db, batch: Vec<Job>) {
    let size = batch.len();
    match write_together(db, &batch).await {
        Ok(outcomes) => {
            tracing::debug!(size, "answers committed");
            for (job, outcome) in batch.into_iter().zip(outcomes) {
                let _ = job.reply.send(outcome);
            }
        }
        Err(err) => {
            tracing::warn!(%err, size, "answer batch failed; writing one by one");
            for job in batch {
                let outcome = match write_together(db, std::slice::from_ref(&job)).await {
                    Ok(mut outcomes) => outcomes.pop().unwrap_or(Err(AppError::Internal)),
                    Err(err) => {
                        tracing::error!(%err, "answer not written");
                        Err(AppError::Internal)
                    }
                };
                let _ = job.reply.send(outcome);
            }
        }
    }
}

/// One transaction for all of `jobs`; each gets its own outcome (refusals write nothing).
async fn write_together(db: &Db, jobs: &[Job]) -> Result<Vec<Result<Uuid, AppError>>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let mut outcomes = Vec::with_capacity(jobs.len());
    for job in jobs {
        outcomes.push(apply(&mut tx, &job.answer).await?);
    }
    tx.commit().await?;
    Ok(outcomes)
}

/// Check and write one answer in `tx`. The outer error fails the batch; the inner one
/// refuses this answer only (nothing of it written).
async fn apply(tx: &mut Tx, answer: &NewAnswer) -> Result<Result<Uuid, AppError>, sqlx::Error> {
    let earlier: Option<(Uuid, Uuid, Uuid)> = with_tx!(tx, |conn| {
        sqlx::query_as("select id, ballot_id, user_id from ballot_answer where request_key = $1")
            .bind(&answer.request_key)
            .fetch_optional(&mut *conn)
            .await?
    });
    if let Some((id, ballot, member)) = earlier {
        return Ok(if ballot == answer.ballot && member == answer.member {
            Ok(id)
        } else {
            Err(problem(BallotProblem::SignatureInvalid))
        });
    }
    let row: Option<(String, chrono::DateTime<Utc>, bool)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "select b.state, b.deadline_at,
                    exists(select 1 from ballot_eligible e
                           where e.ballot_id = b.id and e.user_id = $2)
             from ballot b where b.id = $1",
        )
        .bind(answer.ballot)
        .bind(answer.member)
        .fetch_optional(&mut *conn)
        .await?
    });
    let Some((state, deadline, eligible)) = row else {
        return Ok(Err(AppError::NotFound));
    };
    if BallotState::parse(&state) != Some(BallotState::Open) {
        return Ok(Err(problem(BallotProblem::NotOpen)));
    }
    let now = Utc::now();
    if deadline <= now {
        return Ok(Err(problem(BallotProblem::PastDeadline)));
    }
    if !eligible {
        return Ok(Err(problem(BallotProblem::NotEligible)));
    }
    if let Some(signed) = &answer.signed {
        let used = with_tx!(tx, |conn| {
            sqlx::query(
                "delete from ballot_nonce where nonce = $1 and ballot_id = $2 and user_id = $3
                   and expires_at > $4",
            )
            .bind(signed.nonce.as_slice())
            .bind(answer.ballot)
            .bind(answer.member)
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected()
        });
        if used != 1 {
            return Ok(Err(problem(BallotProblem::SignatureInvalid)));
        }
        if !advance_counter(tx, signed).await? {
            return Ok(Err(problem(BallotProblem::SignatureInvalid)));
        }
    }
    let signed = answer.signed.as_ref();
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into ballot_answer (id, ballot_id, user_id, choice, other_text, comment,
                 entered_by, answered_at, answer_sha256, nonce, credential_id, client_data_json,
                 authenticator_data, signature, request_key)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(answer.id)
        .bind(answer.ballot)
        .bind(answer.member)
        .bind(answer.choice.as_str())
        .bind(Some(answer.text.as_str()).filter(|t| !t.is_empty()))
        .bind(Some(answer.comment.as_str()).filter(|c| !c.is_empty()))
        .bind(answer.entered_by)
        .bind(now)
        .bind(answer.answer_hash())
        .bind(signed.map(|s| s.nonce.clone()))
        .bind(signed.map(|s| s.credential_id.clone()))
        .bind(signed.map(|s| s.client_data_json.clone()))
        .bind(signed.map(|s| s.authenticator_data.clone()))
        .bind(signed.map(|s| s.signature.clone()))
        .bind(&answer.request_key)
        .execute(&mut *conn)
        .await?;
    });
    let (actor, event) = match answer.entered_by {
        Some(secretariat) => (secretariat, AuditEvent::BallotPaperAnswer),
        None => (answer.member, AuditEvent::BallotAnswered),
    };
    append(tx, Some(actor), event, Some(answer.id)).await?;
    Ok(Ok(answer.id))
}

/// Store the passkey's new signature counter; false if another use already moved it past.
async fn advance_counter(tx: &mut Tx, signed: &Signed) -> Result<bool, sqlx::Error> {
    let stored: Option<(String,)> = with_tx!(tx, |conn| {
        sqlx::query_as("select passkey from passkey where id = $1")
            .bind(signed.passkey_id)
            .fetch_optional(&mut *conn)
            .await?
    });
    let Some((stored,)) = stored else {
        return Ok(false);
    };
    let Ok(mut json) = serde_json::from_str::<serde_json::Value>(&stored) else {
        return Ok(false);
    };
    let Some(counter) = json.pointer_mut("/cred/counter") else {
        return Ok(false);
    };
    let old = counter.as_u64().unwrap_or(0);
    if signed.counter != 0 && u64::from(signed.counter) <= old {
        return Ok(false);
    }
    *counter = serde_json::Value::from(signed.counter);
    with_tx!(tx, |conn| {
        sqlx::query("update passkey set passkey = $1, last_used_at = $2 where id = $3")
            .bind(json.to_string())
            .bind(Utc::now())
            .bind(signed.passkey_id)
            .execute(&mut *conn)
            .await?;
    });
    Ok(true)
}
