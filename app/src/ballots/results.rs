//! Counting a ballot: the latest answer of each eligible member counts; the tally and the
//! outcome follow the Government's rules ([`crate::ballots::outcome`]). Closing stores them,
//! so the verifier can recompute and compare.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::ballots::model::{BallotResult, Choice, OtherOpinion};
use crate::ballots::outcome::Tally;
use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::identity::model::NoticeKind;
use crate::identity::notifications::add_about_in;
use crate::{with_db, with_tx};

/// One eligible member and their latest answer: (member, name, Prime Minister, choice,
/// other text, comment).
pub type CountedRow = (
    Uuid,
    String,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Eligible members in protocol order, each with their latest answer (by time, then id:
/// ids are time-ordered UUIDv7).
const COUNTED: &str = "
    select e.user_id, u.full_name, e.prime_minister, a.choice, a.other_text, a.comment
    from ballot_eligible e
    join user_account u on u.id = e.user_id
    left join ballot_answer a on a.id = (
        select b.id from ballot_answer b
        where b.ballot_id = e.ballot_id and b.user_id = e.user_id
        order by b.answered_at desc, b.id desc limit 1)
    where e.ballot_id = $1
    order by coalesce((select min(ap.protocol_rank) from appointment ap
                       where ap.user_id = u.id and ap.ends_on is null), 100000),
             u.full_name";

/// The tally of `rows` (pure: the verifier uses it on what it reads).
pub fn tally_of(rows: &[CountedRow]) -> Tally {
    let mut tally = Tally {
        eligible: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        agree: 0,
        disagree: 0,
        other: 0,
        prime_minister: None,
    };
    for (_, _, prime_minister, choice, _, _) in rows {
        let Some(choice) = choice.as_deref().and_then(Choice::parse) else {
            continue;
        };
        match choice {
            Choice::Agree => tally.agree += 1,
            Choice::Disagree => tally.disagree += 1,
            Choice::Other => tally.other += 1,
        }
        if *prime_minister {
            tally.prime_minister = Some(choice);
        }
    }
    tally
}

/// The result shown from `rows`.
pub fn result_of(rows: &[CountedRow]) -> BallotResult {
    let tally = tally_of(rows);
    let mut others = Vec::new();
    let mut comments = Vec::new();
    let mut not_answered = Vec::new();
    for (_, name, _, choice, text, comment) in rows {
        match choice.as_deref().and_then(Choice::parse) {
            None => not_answered.push(name.clone()),
            Some(Choice::Other) => others.push(OtherOpinion {
                full_name: name.clone(),
                text: text.clone().unwrap_or_default(),
            }),
            Some(_) => {}
        }
        if let Some(comment) = comment.as_deref().filter(|c| !c.is_empty()) {
            comments.push(OtherOpinion {
                full_name: name.clone(),
                text: comment.to_owned(),
            });
        }
    }
    BallotResult {
        tally,
        outcome: tally.outcome(),
        others,
        comments,
        not_answered,
    }
}

pub async fn counted(db: &Db, ballot: Uuid) -> Result<Vec<CountedRow>, AppError> {
    Ok(with_db!(db, |pool| sqlx::query_as(COUNTED)
        .bind(ballot)
        .fetch_all(pool)
        .await)?)
}

/// Close `ballot` in the caller's transaction (its state already checked as open): store
/// the tally and the outcome, tell the eligible members (those who did not answer get the
/// overdue notice) and the author, and record it in the audit chain.
pub async fn close_in(tx: &mut Tx, ballot: Uuid, by: Option<Uuid>) -> Result<(), AppError> {
    let rows: Vec<CountedRow> = with_tx!(tx, |conn| {
        sqlx::query_as(COUNTED)
            .bind(ballot)
            .fetch_all(&mut *conn)
            .await?
    });
    let tally = tally_of(&rows);
    let now = Utc::now();
    let author: Option<(Option<Uuid>,)> = with_tx!(tx, |conn| {
        sqlx::query(
            "update ballot set state = 'closed', closed_at = $2, closed_by = $3,
                    eligible_count = $4, agree_count = $5, disagree_count = $6,
                    other_count = $7, outcome = $8, updated_at = $2
             where id = $1",
        )
        .bind(ballot)
        .bind(now)
        .bind(by)
        .bind(i64::from(tally.eligible))
        .bind(i64::from(tally.agree))
        .bind(i64::from(tally.disagree))
        .bind(i64::from(tally.other))
        .bind(crate::ballots::model::outcome_key(tally.outcome()))
        .execute(&mut *conn)
        .await?;
        sqlx::query("delete from ballot_nonce where ballot_id = $1")
            .bind(ballot)
            .execute(&mut *conn)
            .await?;
        sqlx::query_as("select created_by from ballot where id = $1")
            .bind(ballot)
            .fetch_optional(&mut *conn)
            .await?
    });
    for (member, _, _, choice, _, _) in &rows {
        let kind = if choice.is_some() {
            NoticeKind::BallotClosed
        } else {
            NoticeKind::BallotOverdue
        };
        add_about_in(tx, *member, kind, ballot).await?;
    }
    if let Some((Some(author),)) = author {
        add_about_in(tx, author, NoticeKind::BallotClosed, ballot).await?;
    }
    append(tx, by, AuditEvent::BallotClosed, Some(ballot)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballots::outcome::Outcome;

    fn row(pm: bool, choice: Option<&str>, text: Option<&str>) -> CountedRow {
        (
            Uuid::nil(),
            format!("{choice:?}"),
            pm,
            choice.map(str::to_owned),
            text.map(str::to_owned),
            None,
        )
    }

    #[test]
    fn the_tally_counts_each_members_latest_answer_and_marks_the_prime_ministers() {
        let rows = [
            row(true, Some("disagree"), None),
            row(false, Some("agree"), None),
            row(false, Some("agree"), None),
            row(false, Some("disagree"), None),
            row(false, Some("other"), Some("Cần thêm số liệu")),
            row(false, None, None),
        ];
        let tally = tally_of(&rows);
        assert_eq!(
            tally,
            Tally {
                eligible: 6,
                agree: 2,
                disagree: 2,
                other: 1,
                prime_minister: Some(Choice::Disagree),
            }
        );
        // 2 of 6 is not more than half either way; a tie, and the Prime Minister disagreed.
        let result = result_of(&rows);
        assert_eq!(result.outcome, Outcome::Rejected);
        assert_eq!(result.others.len(), 1);
        assert_eq!(result.others[0].text, "Cần thêm số liệu");
        assert_eq!(result.not_answered.len(), 1);
    }
}
