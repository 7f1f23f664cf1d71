//! Only a minister can speak for a minister: no one who runs the system gets an enrolment
//! link for someone else by themselves. Tried as an insider would, on both engines: the
//! administrator and a clerk each alone, the four-eyes hand-over that works, and the audit
//! records naming issuer, approver and holder.

use crate::common::authenticator::SoftAuthenticator;
use crate::common::enrolment::{approve_for, pending_for};
use crate::common::meetings::json_of;
use crate::common::*;
use serde_json::{json, Value};
use uuid::Uuid;

on_both_engines!(
    an_administrator_alone_cannot_take_over_a_member,
    a_second_person_approves_and_the_records_name_all_three,
    staff_accounts_need_a_second_administrator,
);

/// A passkey in use for `user` (as if enrolled on their tablet).
async fn give_passkey(db: &app::db::Db, user: Uuid, credential: u8) {
    app::with_db!(db, |pool| {
        sqlx::query(
            "insert into passkey (id, user_id, credential_id, passkey, name, created_at)
             values ($1, $2, $3, '{}', 'Máy tính bảng', $4)",
        )
        .bind(Uuid::now_v7())
        .bind(user)
        .bind(vec![credential, 9, 9])
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();
}

async fn count(db: &app::db::Db, sql: &str, id: Uuid) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as(sql).bind(id).fetch_one(pool).await
    })
    .unwrap();
    n
}

/// (actor, subject, detail) of the newest audit record of `event`.
async fn last_record(
    db: &app::db::Db,
    event: &str,
) -> (Option<Uuid>, Option<Uuid>, Option<String>) {
    app::with_db!(db, |pool| {
        sqlx::query_as(
            "select actor_id, subject_id, detail from audit_event
             where event = $1 order by seq desc limit 1",
        )
        .bind(event)
        .fetch_one(pool)
        .await
    })
    .unwrap()
}

/// Links made for `user` since `since` (demo mode makes one per account at start).
async fn links_since(db: &app::db::Db, user: Uuid, since: chrono::DateTime<chrono::Utc>) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from enrolment where user_id = $1 and created_at >= $2")
            .bind(user)
            .bind(since)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    n
}

/// The administrator tries to get into the Prime Minister's account: no link appears on
/// their screen, nothing about the account changes until a second person decides, and they
/// cannot be that second person.
async fn an_administrator_alone_cannot_take_over_a_member(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let pm = user_id(&db, PRIME_MINISTER).await;
    give_passkey(&db, pm, 1).await;
    let start = chrono::Utc::now();
    let admin = demo_cookie(&server, ADMIN).await;
    let pm_text = pm.to_string();

    // A new device without a reset: refused, the account has a passkey to add it with.
    let (status, body) = call_form(
        &server,
        &admin,
        "account_reissue",
        &[("user_id", &pm_text), ("revoke_others", "false")],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("HasPasskeys"), "{body}");
    // A reset: asked for, but no link, and the passkey still stands.
    let (status, body) = call_form(
        &server,
        &admin,
        "account_reissue",
        &[("user_id", &pm_text), ("revoke_others", "true")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("/enrol/"), "{body}");
    assert_eq!(json_of(&body)["full_name"], PRIME_MINISTER);
    assert_eq!(links_since(&db, pm, start).await, 0);
    assert_eq!(
        count(
            &db,
            "select count(*) from passkey where user_id = $1 and revoked_at is null",
            pm
        )
        .await,
        1
    );
    // The administrator sees their request, marked theirs, and may not approve it.
    let request = pending_for(&server, &admin, PRIME_MINISTER).await.unwrap();
    assert_eq!(request["mine"], true);
    assert_eq!(request["reset"], true);
    let (status, body) = call_form(
        &server,
        &admin,
        "enrolment_approve",
        &[("id", request["id"].as_str().unwrap())],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("OwnRequest"), "{body}");
    assert_eq!(links_since(&db, pm, start).await, 0);
    // A clerk refuses it: still no link, and the attempt is on record by name.
    let secretary = demo_cookie(&server, SECRETARY).await;
    let (status, _) = call_form(
        &server,
        &secretary,
        "enrolment_refuse",
        &[("id", request["id"].as_str().unwrap())],
    )
    .await;
    assert_eq!(status, 200);
    assert!(pending_for(&server, &admin, PRIME_MINISTER).await.is_none());
    assert_eq!(links_since(&db, pm, start).await, 0);
    let admin_id = user_id(&db, ADMIN).await;
    let requested = last_record(&db, "identity.enrolment_requested").await;
    assert_eq!(
        requested,
        (Some(admin_id), Some(pm), Some("reset".to_owned()))
    );
    let refused = last_record(&db, "identity.enrolment_refused").await;
    let refused = (refused.0, refused.2);
    let secretary_id = user_id(&db, SECRETARY).await;
    assert_eq!(
        refused,
        (Some(secretary_id), Some(format!("requested_by={admin_id}")))
    );
    // The clerk alone fares no better against a member.
    let (status, body) = call_form(
        &server,
        &secretary,
        "account_reissue",
        &[("user_id", &pm_text), ("revoke_others", "true")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(!body.contains("/enrol/"), "{body}");
    assert_eq!(links_since(&db, pm, start).await, 0);
}

/// A lost tablet, handled as the Government Office should: one clerk asks, the other
/// approves and hands the link over; the minister enrols with it, and the records name who
/// asked, who approved and who enrolled.
async fn a_second_person_approves_and_the_records_name_all_three(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let finance = user_id(&db, FINANCE_MINISTER).await;
    give_passkey(&db, finance, 2).await;
    let lost = demo_cookie(&server, FINANCE_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let other = demo_cookie(&server, SECOND_SECRETARY).await;
    let (status, _) = call_form(
        &server,
        &secretary,
        "account_reissue",
        &[("user_id", &finance.to_string()), ("revoke_others", "true")],
    )
    .await;
    assert_eq!(status, 200);
    let token = approve_for(&server, &other, FINANCE_MINISTER).await;
    // The reset happened at the approval: old passkey revoked, the lost tablet signed out.
    assert_eq!(
        count(
            &db,
            "select count(*) from passkey where user_id = $1 and revoked_at is null",
            finance
        )
        .await,
        0
    );
    assert_eq!(call_form(&server, &lost, "my_account", &[]).await.0, 401);

    // The minister enrols on the new tablet with the link handed over.
    let mut tablet = SoftAuthenticator::new(&server.base, 7);
    let (status, body) = call_form(&server, "", "enrol_start", &[("token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    let started: Value = json_of(&body);
    let credential = tablet.register(&started["options"]);
    let (status, body) = call_json(
        &server,
        "",
        "enrol_finish",
        json!({"token": token, "ceremony": started["ceremony"], "credential": credential,
               "name": "Máy tính bảng mới"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let (issuer, approver) = (
        user_id(&db, SECRETARY).await,
        user_id(&db, SECOND_SECRETARY).await,
    );
    let approved = last_record(&db, "identity.enrolment_approved").await;
    assert_eq!(
        approved,
        (
            Some(approver),
            Some(finance),
            Some(format!("requested_by={issuer}"))
        )
    );
    let enrolled = last_record(&db, "identity.passkey_enrolled").await;
    let enrolled = (enrolled.0, enrolled.2);
    assert_eq!(
        enrolled,
        (
            Some(finance),
            Some(format!("link issued_by={issuer} approved_by={approver}"))
        )
    );
    // The chain with its details still verifies.
    let key = b"0123456789abcdef0123456789abcdef".to_vec();
    let intact = server::audit::verify::verify(&db, &[], Some(&key))
        .await
        .unwrap();
    assert!(intact.is_ok(), "{intact:?}");
}

/// A secretariat or administrator account is created by one administrator and made usable
/// only by a second: the secretariat cannot approve it, nor can its creator.
async fn staff_accounts_need_a_second_administrator(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let admin = demo_cookie(&server, ADMIN).await;
    let (status, body) = call_form_of(
        &server,
        &admin,
        "account_create",
        "account",
        &app::identity::model::NewAccount {
            full_name: "Cán Bộ Mới".to_owned(),
            title: String::new(),
            ministry: "VPCP".to_owned(),
            role: "secretariat".to_owned(),
            email: "canbo.moi@example.vn".to_owned(),
            phone: String::new(),
        },
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("/enrol/"), "{body}");
    // Not the secretariat: the request is not even shown to it.
    let secretary = demo_cookie(&server, SECRETARY).await;
    assert!(pending_for(&server, &secretary, "Cán Bộ Mới")
        .await
        .is_none());
    let request = pending_for(&server, &admin, "Cán Bộ Mới").await.unwrap();
    let (status, _) = call_form(
        &server,
        &secretary,
        "enrolment_approve",
        &[("id", request["id"].as_str().unwrap())],
    )
    .await;
    assert_eq!(status, 403);
    // A second administrator (the demo has one: add another as the operator would).
    let second = Uuid::now_v7();
    app::with_db!(&db, |pool| {
        sqlx::query(
            "insert into user_account (id, full_name, email, role, active, created_at, updated_at)
             values ($1, 'Quản Trị Hai', 'qt.hai@example.vn', 'admin', $2, $3, $3)",
        )
        .bind(second)
        .bind(true)
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();
    let second_cookie = demo_cookie(&server, "Quản Trị Hai").await;
    let token = approve_for(&server, &second_cookie, "Cán Bộ Mới").await;
    let (status, body) = call_form(&server, "", "enrolment_info", &[("token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Cán Bộ Mới"), "{body}");
}
