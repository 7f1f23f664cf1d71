//! The group-commit writer of answers. Requests queue on a channel; one task takes every
//! request waiting (up to [`MAX_BATCH`]) and writes them in one transaction, then answers
//! each request — only after its batch has committed, so an acknowledged answer is durable
//! (it survives `kill -9`). Each answer is checked again inside the transaction (ballot open,
//! before the deadline, member eligible, nonce unused); a refused answer writes nothing and
//! does not hold back the others. The transaction itself is [`crate::ballots::batch`]: a few
//! statements for the whole batch, not a few per answer. If the batch fails as a whole, each request is retried in
//! a transaction of its own. Once a batch is written, each ballot it touched is announced on
//! the live channel once (not once per answer: 1,000 answers at once are a few batches, so a
//! few announcements and a few re-reads on every open page, not 1,000).
use sha2::{Digest, Sha256};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::ballots::batch::write_together;
use crate::ballots::canonical::AnswerText;
use crate::ballots::model::Choice;
use crate::db::Db;
use crate::error::{AppError, OrInternal};
use crate::live::event::LiveEvent;
use crate::live::hub::Hub;

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
        self.jobs.send(Job { answer, reply }).await.or_internal()?;
        done.await.or_internal()?
    }
}

async fn write_batch(db: &Db, batch: Vec<Job>) {
    let size = batch.len();
    let answers: Vec<&NewAnswer> = batch.iter().map(|job| &job.answer).collect();
    match write_together(db, &answers).await {
        Ok(outcomes) => {
            tracing::debug!(size, "answers committed");
            for (job, outcome) in batch.into_iter().zip(outcomes) {
                let _ = job.reply.send(outcome);
            }
        }
        Err(err) => {
            tracing::warn!(%err, size, "answer batch failed; writing one by one");
            for job in batch {
                let outcome = match write_together(db, &[&job.answer]).await {
                    Ok(mut outcomes) => outcomes.pop().unwrap_or_else(|| {
                        Err(AppError::internal("a batch of one without its outcome"))
                    }),
                    Err(err) => Err(AppError::internal(format_args!(
                        "answer not written: {err}"
                    ))),
                };
                let _ = job.reply.send(outcome);
            }
        }
    }
}
