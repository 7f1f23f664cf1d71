//! The audit trail on both engines: every kind of tampering is caught by the verifier, and
//! the acts that are audited leave their record in the same transaction.

use crate::common::*;
use app::audit::event::AuditEvent;
use app::audit::store::append;
use app::db::Db;
use chrono::Duration;
use server::audit::checkpoint::{self, Checkpoint};
use server::audit::verify::{verify, Broken};

on_both_engines!(
    an_untouched_chain_verifies,
    a_changed_record_is_caught,
    a_deleted_record_is_caught,
    an_inserted_record_is_caught,
    reordered_records_are_caught,
    a_truncated_tail_is_caught_by_the_checkpoint,
    a_rewritten_chain_is_caught_by_the_checkpoint,
    a_forged_checkpoint_is_caught,
    sign_in_and_sign_out_leave_records,
);

const KEY: &[u8] = b"test checkpoint key, 32+ characters long";

/// A fresh database with 20 records (alternating events), and a checkpoint at record 20.
async fn chain_of_twenty(engine: Engine) -> (TestDb, Vec<Checkpoint>, tempfile::TempDir) {
    let test = migrated(engine).await;
    for i in 0..20 {
        let mut tx = test.db.begin().await.unwrap();
        let event = if i % 2 == 0 {
            AuditEvent::DemoSignIn
        } else {
            AuditEvent::SignOut
        };
        let seq = append(&mut tx, Some(uuid::Uuid::now_v7()), event, None)
            .await
            .unwrap();
        assert_eq!(seq, i + 1);
        tx.commit().await.unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checkpoints.jsonl");
    let written = checkpoint::write(&test.db, KEY, &path).await.unwrap();
    assert_eq!(written.map(|c| c.seq), Some(20));
    assert_eq!(
        checkpoint::write(&test.db, KEY, &path).await.unwrap(),
        None,
        "nothing new"
    );
    let checkpoints = checkpoint::read_all(&path).unwrap();
    (test, checkpoints, dir)
}

async fn exec(db: &Db, sql: &str) {
    app::with_db!(db, |pool| {
        sqlx::query(sql).execute(pool).await.unwrap();
    });
}

async fn broken_at(db: &Db, checkpoints: &[Checkpoint]) -> Broken {
    verify(db, checkpoints, Some(KEY))
        .await
        .unwrap()
        .expect_err("tampering must be detected")
}

async fn an_untouched_chain_verifies(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    let intact = verify(&test.db, &checkpoints, Some(KEY))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((intact.records, intact.checkpoints), (20, 1));
}

async fn a_changed_record_is_caught(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    exec(
        &test.db,
        "update audit_event set event = 'session.sign_out' where seq = 7",
    )
    .await;
    assert_eq!(broken_at(&test.db, &checkpoints).await.seq, 7);
}

async fn a_deleted_record_is_caught(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    exec(&test.db, "delete from audit_event where seq = 7").await;
    let broken = broken_at(&test.db, &checkpoints).await;
    assert_eq!(broken.seq, 7);
    assert!(broken.reason.contains("missing"), "{}", broken.reason);
}

async fn an_inserted_record_is_caught(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    // Make room after record 10 and slip a record in, linked to record 10's hash.
    exec(
        &test.db,
        "update audit_event set seq = seq + 100 where seq > 10",
    )
    .await;
    exec(
        &test.db,
        "update audit_event set seq = seq - 99 where seq > 100",
    )
    .await;
    exec(
        &test.db,
        "insert into audit_event (seq, at, actor_id, event, subject_id, prev_hash, hash)
         select 11, at, actor_id, 'session.demo_sign_in', subject_id, hash, 'forged'
         from audit_event where seq = 10",
    )
    .await;
    assert_eq!(broken_at(&test.db, &checkpoints).await.seq, 11);
}

async fn reordered_records_are_caught(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    // Swap records 5 and 6 (their numbers stay in place).
    exec(&test.db, "update audit_event set seq = -5 where seq = 5").await;
    exec(&test.db, "update audit_event set seq = 5 where seq = 6").await;
    exec(&test.db, "update audit_event set seq = 6 where seq = -5").await;
    assert_eq!(broken_at(&test.db, &checkpoints).await.seq, 5);
}

async fn a_truncated_tail_is_caught_by_the_checkpoint(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    exec(&test.db, "delete from audit_event where seq > 15").await;
    let broken = broken_at(&test.db, &checkpoints).await;
    assert_eq!(broken.seq, 16);
    assert!(
        broken.reason.contains("removed from the end"),
        "{}",
        broken.reason
    );
    // Without the checkpoints the shortened chain would look fine: they are what catch it.
    assert!(verify(&test.db, &[], Some(KEY)).await.unwrap().is_ok());
}

async fn a_rewritten_chain_is_caught_by_the_checkpoint(engine: Engine) {
    let (test, checkpoints, _dir) = chain_of_twenty(engine).await;
    // An attacker with the database (but not the key) changes record 3 and recomputes every
    // hash after it, so the chain is consistent again.
    exec(
        &test.db,
        "update audit_event set event = 'session.sign_out' where seq = 3",
    )
    .await;
    let records = app::audit::store::page(&test.db, 0, 100).await.unwrap();
    let mut prev = app::audit::chain::GENESIS.to_owned();
    for mut record in records {
        record.prev_hash = prev.clone();
        record.hash = record.expected_hash();
        app::with_db!(&test.db, |pool| {
            sqlx::query("update audit_event set prev_hash = $1, hash = $2 where seq = $3")
                .bind(&record.prev_hash)
                .bind(&record.hash)
                .bind(record.seq)
                .execute(pool)
                .await
                .unwrap();
        });
        prev = record.hash;
    }
    assert!(
        verify(&test.db, &[], Some(KEY)).await.unwrap().is_ok(),
        "consistent chain"
    );
    let broken = broken_at(&test.db, &checkpoints).await;
    assert_eq!(broken.seq, 20);
    assert!(broken.reason.contains("rewritten"), "{}", broken.reason);
}

async fn a_forged_checkpoint_is_caught(engine: Engine) {
    let (test, mut checkpoints, _dir) = chain_of_twenty(engine).await;
    checkpoints[0].seq = 15;
    assert!(broken_at(&test.db, &checkpoints)
        .await
        .reason
        .contains("signature"));
}

async fn sign_in_and_sign_out_leave_records(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let pm = user_id(db, PRIME_MINISTER).await;
    let token = app::identity::session::create(db, pm, Duration::hours(1), AuditEvent::DemoSignIn)
        .await
        .unwrap();
    app::identity::session::end(db, &token).await.unwrap();
    app::identity::session::end(db, &token).await.unwrap();
    let records = app::audit::store::page(db, 0, 10).await.unwrap();
    let events: Vec<_> = records
        .iter()
        .map(|r| (r.seq, r.event.as_str(), r.actor_id))
        .collect();
    assert_eq!(
        events,
        [
            (1, "session.demo_sign_in", Some(pm)),
            (2, "session.sign_out", Some(pm))
        ],
        "ending a session that is already gone records nothing"
    );
    assert!(verify(db, &[], None).await.unwrap().is_ok());
}
