//! Sign-in cannot be used against a person (both engines). From an attacker's address:
//! 10,000 answers to ceremonies that do not exist, naming the victim's credential, leave no
//! audit record, no ceremony and one rate-limit row; real ceremonies answered with a forged
//! signature use up the attacker's tries on that account, not the victim's. The victim signs
//! in from their own address all along. And what identity keeps for a while is pruned.

use futures::StreamExt;
use serde_json::{json, Value};

use crate::ballots::enrol;
use crate::common::authenticator::{b64, SoftAuthenticator};
use crate::common::meetings::json_of;
use crate::common::*;

on_both_engines!(
    bogus_answers_cannot_lock_a_person_out,
    expired_identity_rows_are_pruned
);

const ATTACKER: &str = "203.0.113.7";
const VICTIM: &str = "198.51.100.4";

async fn post(server: &TestServer, from: &str, endpoint: &str, body: Value) -> (u16, String) {
    let response = client()
        .post(format!("{}/api/{endpoint}", server.base))
        .header(reqwest::header::ORIGIN, &server.base)
        .header("x-forwarded-for", from)
        .json(&body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn count(db: &app::db::Db, table: &str) -> i64 {
    let sql = format!("select count(*) from {table}");
    let (n,): (i64,) =
        app::with_db!(db, |pool| sqlx::query_as(&sql).fetch_one(pool).await).unwrap();
    n
}

/// A full sign-in with `key` from `from`: the status of the finishing call.
async fn sign_in(server: &TestServer, from: &str, key: &mut SoftAuthenticator, forge: bool) -> u16 {
    let (status, body) = post(server, from, "sign_in_start", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let started = json_of(&body);
    let mut credential = key.assert(&started["options"]);
    if forge {
        credential["response"]["signature"] = json!(b64(&[0x30, 0x06, 2, 1, 1, 2, 1, 1]));
    }
    post(
        server,
        from,
        "sign_in_finish",
        json!({"ceremony": started["ceremony"], "credential": credential}),
    )
    .await
    .0
}

async fn bogus_answers_cannot_lock_a_person_out(engine: Engine) {
    let server = start_server_with(engine, true, &["--trusted-proxies", "127.0.0.1"]).await;
    let db = server.state.db.clone();
    let mut key = SoftAuthenticator::new(&server.base, 61);
    enrol(&server, FINANCE_MINISTER, &mut key).await;
    let before = (
        count(&db, "audit_event").await,
        count(&db, "rate_limit").await,
        count(&db, "webauthn_ceremony").await,
    );

    let victim_id = b64(&key.credential_id);
    let bogus = |n: usize| {
        json!({"ceremony": uuid::Uuid::now_v7(), "credential": {
            "id": victim_id, "rawId": victim_id,
            "response": {"authenticatorData": b64(&[n as u8; 37]), "clientDataJSON": "e30",
                         "signature": "AAAA", "userHandle": null},
            "type": "public-key", "extensions": {}}})
    };
    let statuses: Vec<u16> = futures::stream::iter(0..10_000)
        .map(|n| {
            let body = bogus(n);
            let server = &server;
            async move { post(server, ATTACKER, "sign_in_finish", body).await.0 }
        })
        .buffer_unordered(8)
        .collect()
        .await;
    let odd: Vec<&u16> = statuses
        .iter()
        .filter(|s| **s != 400 && **s != 429)
        .collect();
    assert!(
        odd.is_empty(),
        "{} answered otherwise: {:?}",
        odd.len(),
        &odd[..odd.len().min(5)]
    );
    assert_eq!(statuses.iter().filter(|s| **s == 400).count(), 30);
    // Nothing of it stays but the attacker's own counter.
    assert_eq!(
        (
            count(&db, "audit_event").await,
            count(&db, "rate_limit").await,
            count(&db, "webauthn_ceremony").await,
        ),
        (before.0, before.1 + 1, before.2)
    );
    assert_eq!(sign_in(&server, VICTIM, &mut key, false).await, 200);

    // Real ceremonies answered with a forged signature, from another address of the
    // attacker's: ten tries on this account, then refused — for that address only.
    let other = "203.0.113.8";
    let mut tries = Vec::new();
    for _ in 0..12 {
        tries.push(sign_in(&server, other, &mut key, true).await);
    }
    assert_eq!(tries, [[400; 10].as_slice(), &[429, 429]].concat());
    assert_eq!(sign_in(&server, VICTIM, &mut key, false).await, 200);
}

async fn expired_identity_rows_are_pruned(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let mut key = SoftAuthenticator::new(&server.base, 62);
    enrol(&server, FINANCE_MINISTER, &mut key).await;
    assert_eq!(sign_in(&server, VICTIM, &mut key, false).await, 200);
    let (status, _) = post(&server, VICTIM, "sign_in_start", json!({})).await;
    assert_eq!(status, 200);
    let rows = |db: app::db::Db| async move {
        (
            count(&db, "webauthn_ceremony").await,
            count(&db, "rate_limit").await,
            count(&db, "enrolment where used_at is not null").await,
            count(&db, "session").await,
        )
    };
    let (ceremonies, limits, used, sessions) = rows(db.clone()).await;
    assert!(ceremonies >= 1 && limits >= 1 && used >= 1 && sessions >= 1);
    // Now: nothing has expired yet.
    let now = chrono::Utc::now();
    let none = app::identity::pruning::prune(&db, now).await.unwrap();
    assert_eq!(none.ceremonies + none.rate_limits + none.links, 0);
    // Two days on: every ceremony, window, used link and session of today has run out.
    let later = now + chrono::Duration::days(2);
    let done = app::identity::pruning::prune(&db, later).await.unwrap();
    assert_eq!(
        (done.ceremonies, done.rate_limits, done.sessions),
        (ceremonies as u64, limits as u64, sessions as u64)
    );
    assert!(done.links >= used as u64);
    let (ceremonies, limits, used, sessions) = rows(db.clone()).await;
    assert_eq!((ceremonies, limits, used, sessions), (0, 0, 0, 0));
}
