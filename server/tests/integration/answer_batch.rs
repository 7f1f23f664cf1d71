//! The group-commit writer's transaction on both engines: eight answers decided in one batch,
//! in the order received, each with the outcome it would have had alone (duplicates, a
//! counter that does not advance, another member's nonce, a member not asked, a ballot that
//! does not exist), and only the accepted ones written, with their audit records.
use chrono::{Duration, Utc};
use serde_json::json;
use uuid::Uuid;

use app::ballots::batch::write_together;
use app::ballots::model::Choice;
use app::ballots::problem::BallotProblem;
use app::ballots::writer::{NewAnswer, Signed};
use app::error::{AppError, BadInput};

use crate::ballots::{enrol, NOT_ASKED, THIRD_MEMBER};
use crate::common::authenticator::SoftAuthenticator;
use crate::common::ballots::open_ballot;
use crate::common::*;

on_both_engines!(one_batch_decides_each_answer_as_alone,);

fn refused(why: BallotProblem) -> Result<Uuid, AppError> {
    Err(AppError::BadRequest(BadInput::Ballot(why)))
}

async fn issue_nonce(db: &app::db::Db, nonce: &[u8], ballot: Uuid, member: Uuid) {
    app::with_db!(db, |pool| sqlx::query(
        "insert into ballot_nonce (nonce, ballot_id, user_id, expires_at) values ($1, $2, $3, $4)"
    )
    .bind(nonce)
    .bind(ballot)
    .bind(member)
    .bind(Utc::now() + Duration::minutes(5))
    .execute(pool)
    .await
    .map(|_| ()))
    .unwrap();
}

fn answer(ballot: Uuid, member: Uuid, choice: Choice, key: &str) -> NewAnswer {
    NewAnswer {
        id: Uuid::now_v7(),
        ballot,
        member,
        choice,
        text: String::new(),
        comment: String::new(),
        entered_by: None,
        request_key: key.to_owned(),
        signed: None,
    }
}

/// A signed answer with `nonce` and the authenticator's `counter` (the signature itself was
/// checked before the writer, so its bytes do not matter here).
fn signed(ballot: Uuid, member: Uuid, passkey: Uuid, nonce: &[u8], counter: u32) -> NewAnswer {
    let mut a = answer(
        ballot,
        member,
        Choice::Agree,
        &format!("signed:{}", hex::encode(nonce)),
    );
    a.signed = Some(Signed {
        nonce: nonce.to_vec(),
        passkey_id: passkey,
        credential_id: vec![1],
        client_data_json: b"{}".to_vec(),
        authenticator_data: vec![2],
        signature: vec![3],
        counter,
    });
    a
}

async fn one_batch_decides_each_answer_as_alone(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let secretary_id = user_id(&db, SECRETARY).await;
    let pm = user_id(&db, PRIME_MINISTER).await;
    let finance = user_id(&db, FINANCE_MINISTER).await;
    let third = user_id(&db, THIRD_MEMBER).await;
    let outsider = user_id(&db, NOT_ASKED).await;
    enrol(
        &server,
        PRIME_MINISTER,
        &mut SoftAuthenticator::new(&server.base, 31),
    )
    .await;
    let (passkey,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from passkey where user_id = $1")
            .bind(pm)
            .fetch_one(pool)
            .await
    })
    .unwrap();

    let ballot = open_ballot(
        &server,
        &secretary,
        "Phiếu thử ghi theo lô",
        &[pm, finance, third],
    )
    .await;

    let (n1, n2, n3, n4) = ([1u8; 32], [2u8; 32], [3u8; 32], [4u8; 32]);
    issue_nonce(&db, &n1, ballot, pm).await;
    issue_nonce(&db, &n2, ballot, pm).await;
    issue_nonce(&db, &n3, ballot, finance).await;
    issue_nonce(&db, &n4, ballot, pm).await;
    let audit_before = app::audit::store::last(&db).await.unwrap().unwrap().seq;

    let first = signed(ballot, pm, passkey, &n1, 5);
    let mut again = first.clone();
    again.id = Uuid::now_v7();
    let mut paper_outsider = answer(ballot, outsider, Choice::Agree, "paper:1");
    paper_outsider.entered_by = Some(secretary_id);
    let mut paper_third = answer(ballot, third, Choice::Disagree, "paper:2");
    paper_third.entered_by = Some(secretary_id);
    let mut changed = signed(ballot, pm, passkey, &n4, 7);
    changed.choice = Choice::Disagree;
    let batch = [
        first.clone(),
        // The same submission twice in one batch: one answer.
        again,
        // The counter must move past 5, the one just accepted.
        signed(ballot, pm, passkey, &n2, 5),
        // The finance minister's nonce, sent as the Prime Minister's.
        signed(ballot, pm, passkey, &n3, 6),
        paper_outsider,
        paper_third.clone(),
        // The Prime Minister changes his answer: counter 7 moves past 5.
        changed.clone(),
        signed(Uuid::now_v7(), pm, passkey, &[5u8; 32], 8),
    ];
    let refs: Vec<&NewAnswer> = batch.iter().collect();
    let outcomes = write_together(&db, &refs).await.unwrap();
    assert_eq!(
        outcomes,
        vec![
            Ok(first.id),
            Ok(first.id),
            refused(BallotProblem::SignatureInvalid),
            refused(BallotProblem::SignatureInvalid),
            refused(BallotProblem::NotEligible),
            Ok(paper_third.id),
            Ok(changed.id),
            Err(AppError::NotFound),
        ]
    );

    // Three answers written, the Prime Minister's change after his first answer.
    let rows: Vec<(Uuid, Uuid, String)> = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select id, user_id, choice from ballot_answer where ballot_id = $1
             order by answered_at, id",
        )
        .bind(ballot)
        .fetch_all(pool)
        .await
    })
    .unwrap();
    assert_eq!(
        rows,
        vec![
            (first.id, pm, "agree".to_owned()),
            (paper_third.id, third, "disagree".to_owned()),
            (changed.id, pm, "disagree".to_owned()),
        ]
    );

    // Used up: n1, n4 (accepted) and n2 (its counter refused). The finance minister's stays.
    let left: Vec<(Vec<u8>,)> = app::with_db!(&db, |pool| {
        sqlx::query_as("select nonce from ballot_nonce where ballot_id = $1 order by nonce")
            .bind(ballot)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    assert_eq!(left, vec![(n3.to_vec(),)]);

    // The passkey's counter is the last accepted one.
    let (stored,): (String,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select passkey from passkey where id = $1")
            .bind(passkey)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored.pointer("/cred/counter"), Some(&json!(7)));

    // One audit record per written answer, in order, and the chain still verifies.
    let records = app::audit::store::page(&db, audit_before, 100)
        .await
        .unwrap();
    let written: Vec<(&str, Option<Uuid>, Option<Uuid>)> = records
        .iter()
        .map(|r| (r.event.as_str(), r.actor_id, r.subject_id))
        .collect();
    assert_eq!(
        written,
        vec![
            ("ballot.answered", Some(pm), Some(first.id)),
            (
                "ballot.paper_answer",
                Some(secretary_id),
                Some(paper_third.id)
            ),
            ("ballot.answered", Some(pm), Some(changed.id)),
        ]
    );
    assert!(server::audit::verify::verify(&db, &[], None)
        .await
        .unwrap()
        .is_ok());

    // Sent again in a later batch (a retry): the same answer, nothing new written.
    let outcomes = write_together(&db, &[&first]).await.unwrap();
    assert_eq!(outcomes, vec![Ok(first.id)]);
    let (count,): (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select count(*) from ballot_answer where ballot_id = $1")
            .bind(ballot)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(count, 3);
}
