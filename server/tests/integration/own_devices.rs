//! A person's own devices (both engines): adding a passkey needs a passkey sign-in within the
//! last minutes (a page left open is not enough to add one's own device to someone's
//! account), and removing a passkey ends the sessions it started elsewhere.

use serde_json::{json, Value};

use crate::ballots::enrol;
use crate::common::authenticator::SoftAuthenticator;
use crate::common::meetings::json_of;
use crate::common::*;

on_both_engines!(adding_needs_a_fresh_sign_in_and_removing_ends_its_sessions);

/// Sign in with `key`; the session cookie.
async fn sign_in(server: &TestServer, key: &mut SoftAuthenticator) -> String {
    let (status, body) = call_form(server, "", "sign_in_start", &[]).await;
    assert_eq!(status, 200, "{body}");
    let started = json_of(&body);
    let credential = key.assert(&started["options"]);
    let response = client()
        .post(format!("{}/api/sign_in_finish", server.base))
        .header(reqwest::header::ORIGIN, &server.base)
        .json(&json!({"ceremony": started["ceremony"], "credential": credential}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    cookie
}

async fn adding_needs_a_fresh_sign_in_and_removing_ends_its_sessions(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let mut tablet = SoftAuthenticator::new(&server.base, 71);
    enrol(&server, FINANCE_MINISTER, &mut tablet).await;
    let old = sign_in(&server, &mut tablet).await;
    // The tablet's session began ten minutes ago (left open on a desk).
    app::with_db!(&db, |pool| {
        sqlx::query("update session set created_at = $1")
            .bind(chrono::Utc::now() - chrono::Duration::minutes(10))
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    let (status, body) = call_form(&server, &old, "passkey_add_start", &[]).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("RecentSignInNeeded"), "{body}");

    // Confirmed with the tablet's passkey: the phone's passkey is added.
    let fresh = sign_in(&server, &mut tablet).await;
    let mut phone = SoftAuthenticator::new(&server.base, 72);
    let (status, body) = call_form(&server, &fresh, "passkey_add_start", &[]).await;
    assert_eq!(status, 200, "{body}");
    let started = json_of(&body);
    let credential = phone.register(&started["options"]);
    let (status, body) = call_json(
        &server,
        &fresh,
        "passkey_add_finish",
        json!({"ceremony": started["ceremony"], "credential": credential, "name": "Điện thoại"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // The phone signs in with it; then the phone is lost, and its passkey removed.
    let on_phone = sign_in(&server, &mut phone).await;
    assert_eq!(
        call_form(&server, &on_phone, "my_account", &[]).await.0,
        200
    );
    let (_, account) = call_form(&server, &fresh, "my_account", &[]).await;
    let account: Value = json_of(&account);
    let phone_key = account["passkeys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Điện thoại")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, body) = call_form(&server, &fresh, "passkey_remove", &[("id", &phone_key)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        call_form(&server, &on_phone, "my_account", &[]).await.0,
        401
    );
    assert_eq!(call_form(&server, &fresh, "my_account", &[]).await.0, 200);
}
