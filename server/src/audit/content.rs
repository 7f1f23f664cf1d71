//! Re-checking what the chain vouches for against today's rows. A record with a `sha256=…`
//! detail names the content of its act; someone with database access who changes that
//! content afterwards (finalised minutes, a conclusion, a ballot answer, a document file)
//! leaves rows that no longer hash to what the chain recorded. Each such record is compared:
//!
//! - `minutes.finalised`: the meeting's minutes text;
//! - `meeting.conclusion`: the item's conclusion (the latest record for the item counts: a
//!   conclusion may be recorded again until the minutes are final);
//! - `ballot.answered`, `ballot.paper_answer`: the answer's canonical form (a deleted answer
//!   is reported too);
//! - `document.uploaded`, `document.version_added` (`version=N sha256=…`): the version's file,
//!   its chunks hashed again.
use std::collections::HashMap;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use app::audit::content::named_sha256;
use app::ballots::canonical::AnswerText;
use app::ballots::model::Choice;
use app::db::Db;

/// A record whose content is no longer what it vouched for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub seq: i64,
    pub event: String,
    pub subject: Option<Uuid>,
    pub reason: &'static str,
}

type Record = (i64, String, Option<Uuid>, String);

/// Every record with a content hash whose content differs today, in chain order.
pub async fn recheck(db: &Db) -> anyhow::Result<Vec<Changed>> {
    let records: Vec<Record> = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select seq, event, subject_id, detail from audit_event
             where detail like '%sha256=%' order by seq",
        )
        .fetch_all(pool)
        .await
    })?;
    // A conclusion recorded again supersedes the earlier record of its item.
    let mut latest_conclusion: HashMap<Uuid, i64> = HashMap::new();
    for (seq, event, subject, _) in &records {
        if let (Some(item), "meeting.conclusion") = (subject, event.as_str()) {
            latest_conclusion.insert(*item, *seq);
        }
    }
    let mut changed = Vec::new();
    for (seq, event, subject, detail) in records {
        let (Some(subject), Some(vouched)) = (subject, named_sha256(&detail)) else {
            continue;
        };
        let reason = match event.as_str() {
            "minutes.finalised" => minutes(db, subject, vouched).await?,
            "meeting.conclusion" if latest_conclusion.get(&subject) == Some(&seq) => {
                conclusion(db, subject, vouched).await?
            }
            "ballot.answered" | "ballot.paper_answer" => answer(db, subject, vouched).await?,
            "document.uploaded" | "document.version_added" => {
                document(db, subject, &detail, vouched).await?
            }
            _ => None,
        };
        if let Some(reason) = reason {
            changed.push(Changed {
                seq,
                event,
                subject: Some(subject),
                reason,
            });
        }
    }
    Ok(changed)
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

async fn minutes(db: &Db, meeting: Uuid, vouched: &str) -> anyhow::Result<Option<&'static str>> {
    let row: Option<(String,)> = app::with_db!(db, |pool| {
        sqlx::query_as("select body from minutes where meeting_id = $1")
            .bind(meeting)
            .fetch_optional(pool)
            .await
    })?;
    Ok(match row {
        None => Some("the finalised minutes are missing"),
        Some((body,)) if hex_sha256(body.as_bytes()) != vouched => {
            Some("the finalised minutes were changed")
        }
        Some(_) => None,
    })
}

async fn conclusion(db: &Db, item: Uuid, vouched: &str) -> anyhow::Result<Option<&'static str>> {
    let row: Option<(Option<String>,)> = app::with_db!(db, |pool| {
        sqlx::query_as("select conclusion from agenda_item where id = $1")
            .bind(item)
            .fetch_optional(pool)
            .await
    })?;
    Ok(match row {
        Some((Some(text),)) if hex_sha256(text.trim().as_bytes()) == vouched => None,
        None | Some((None,)) => Some("the recorded conclusion is missing"),
        Some(_) => Some("the recorded conclusion was changed"),
    })
}

type AnswerRow = (Uuid, Uuid, String, Option<String>, Option<String>);

async fn answer(db: &Db, id: Uuid, vouched: &str) -> anyhow::Result<Option<&'static str>> {
    let row: Option<AnswerRow> = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select ballot_id, user_id, choice, other_text, comment from ballot_answer
             where id = $1",
        )
        .bind(id)
        .fetch_optional(pool)
        .await
    })?;
    let Some((ballot, member, choice, text, comment)) = row else {
        return Ok(Some("the ballot answer is missing"));
    };
    let hash = Choice::parse(&choice).map(|choice| {
        hex_sha256(
            AnswerText {
                ballot,
                member,
                choice,
                text: text.as_deref().unwrap_or(""),
                comment: comment.as_deref().unwrap_or(""),
            }
            .canonical()
            .as_ref(),
        )
    });
    Ok((hash.as_deref() != Some(vouched)).then_some("the ballot answer was changed"))
}

async fn document(
    db: &Db,
    document: Uuid,
    detail: &str,
    vouched: &str,
) -> anyhow::Result<Option<&'static str>> {
    let Some(version) = detail
        .split_whitespace()
        .find_map(|part| part.strip_prefix("version="))
        .and_then(|n| n.parse::<i64>().ok())
    else {
        return Ok(None);
    };
    let row: Option<(String,)> = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select blob_sha256 from document_version where document_id = $1 and version_no = $2",
        )
        .bind(document)
        .bind(version)
        .fetch_optional(pool)
        .await
    })?;
    let Some((stored,)) = row else {
        // Removed before publication, with its own record: nothing left to compare.
        return Ok(None);
    };
    if stored != vouched {
        return Ok(Some("the document version points at another file"));
    }
    let rehashed = app::audit::content::rehash_blob(db, &stored).await?;
    Ok((rehashed != vouched).then_some("the document's file was changed"))
}
