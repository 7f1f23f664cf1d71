//! Passkeys over HTTP with a software authenticator, on both engines: enrolment through a
//! link, username-less and username-first sign-in, and every refusal the issue names —
//! replayed challenge, wrong origin, user verification missing, a credential registered to
//! another account — plus managing one's passkeys and sessions, and rate limits.

use crate::common::authenticator::SoftAuthenticator;
use crate::common::*;
use reqwest::header::{COOKIE, ORIGIN, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_engines!(
    enrol_then_sign_in_without_and_with_a_user_name,
    refused_ceremonies,
    a_credential_belongs_to_one_account,
    passkeys_and_sessions_are_managed_by_their_owner,
    sign_in_is_rate_limited_per_client,
);

struct Reply {
    status: StatusCode,
    body: String,
    cookie: Option<String>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// POST a server function: a form body, or JSON when `json` is given.
async fn call(server: &TestServer, cookie: Option<&str>, endpoint: &str, body: Body) -> Reply {
    let mut request = client()
        .post(format!("{}/api/{endpoint}", server.base))
        .header(ORIGIN, &server.base);
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request = match body {
        Body::Form(pairs) => request.form(&pairs),
        Body::Json(value) => request.json(&value),
    };
    let response = request.send().await.unwrap();
    let status = response.status();
    let cookie = response
        .headers()
        .get(SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned());
    Reply {
        status,
        body: response.text().await.unwrap(),
        cookie,
    }
}

enum Body {
    Form(Vec<(&'static str, String)>),
    Json(Value),
}

fn form(pairs: &[(&'static str, &str)]) -> Body {
    Body::Form(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect())
}

async fn link_for(server: &TestServer, name: &str) -> String {
    let id = user_id(&server.state.db, name).await;
    app::identity::passkeys::create_enrolment(&server.state.db, id, None)
        .await
        .unwrap()
}

/// Run an enrolment with `auth` through `token`; returns the reply of the finishing call.
async fn enrol(server: &TestServer, auth: &mut SoftAuthenticator, token: &str) -> Reply {
    let started = call(server, None, "enrol_start", form(&[("token", token)])).await;
    assert_eq!(started.status, 200, "{}", started.body);
    let started = started.json();
    let credential = auth.register(&started["options"]);
    call(
        server,
        None,
        "enrol_finish",
        Body::Json(json!({
            "token": token,
            "ceremony": started["ceremony"],
            "credential": credential,
            "name": "Máy tính bảng",
        })),
    )
    .await
}

/// Start a username-less sign-in; returns the ceremony id and the options.
async fn sign_in_start(server: &TestServer) -> (Value, Value) {
    let started = call(server, None, "sign_in_start", form(&[])).await;
    assert_eq!(started.status, 200, "{}", started.body);
    let started = started.json();
    (started["ceremony"].clone(), started["options"].clone())
}

async fn sign_in_finish(server: &TestServer, ceremony: &Value, credential: &Value) -> Reply {
    call(
        server,
        None,
        "sign_in_finish",
        Body::Json(json!({ "ceremony": ceremony, "credential": credential })),
    )
    .await
}

async fn sign_in(server: &TestServer, auth: &mut SoftAuthenticator) -> Reply {
    let (ceremony, options) = sign_in_start(server).await;
    let credential = auth.assert(&options);
    sign_in_finish(server, &ceremony, &credential).await
}

async fn enrol_then_sign_in_without_and_with_a_user_name(engine: Engine) {
    let server = start_server(engine, true).await;
    let mut auth = SoftAuthenticator::new(&server.base, 1);
    let token = link_for(&server, FINANCE_MINISTER).await;

    // Reading the link (what a chat app's preview does) does not use it up.
    for _ in 0..2 {
        let info = call(&server, None, "enrolment_info", form(&[("token", &token)])).await;
        assert_eq!(info.status, 200, "{}", info.body);
        assert!(info.body.contains(FINANCE_MINISTER));
    }
    let enrolled = enrol(&server, &mut auth, &token).await;
    assert_eq!(enrolled.status, 200, "{}", enrolled.body);
    let cookie = enrolled.cookie.expect("a session starts");
    let mine = call(&server, Some(&cookie), "my_account", form(&[])).await;
    assert_eq!(mine.status, 200);
    assert_eq!(mine.json()["passkeys"][0]["name"], "Máy tính bảng");

    // The link is used up.
    let again = call(&server, None, "enrol_start", form(&[("token", &token)])).await;
    assert_eq!(again.status, 400);

    // Username-less: the authenticator names the account.
    let signed_in = sign_in(&server, &mut auth).await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let expected_id = user_id(&server.state.db, FINANCE_MINISTER).await;
    assert_eq!(signed_in.json(), json!(expected_id.to_string()));
    assert!(signed_in.cookie.is_some());

    // Username-first: the e-mail address names it.
    let email = "bq.nhat@chinhphu.example";
    let started = call(
        &server,
        None,
        "sign_in_named_start",
        form(&[("email", email)]),
    )
    .await;
    assert_eq!(started.status, 200, "{}", started.body);
    let started = started.json();
    let allowed = &started["options"]["publicKey"]["allowCredentials"];
    assert_eq!(allowed.as_array().map(Vec::len), Some(1), "{allowed}");
    let credential = auth.assert(&started["options"]);
    let finished = sign_in_finish(&server, &started["ceremony"], &credential).await;
    assert_eq!(finished.status, 200, "{}", finished.body);

    // An unknown address gets the plain refusal.
    let unknown = call(
        &server,
        None,
        "sign_in_named_start",
        form(&[("email", "ai@example.org")]),
    )
    .await;
    assert_eq!(unknown.status, 400);
}

async fn refused_ceremonies(engine: Engine) {
    let server = start_server(engine, true).await;
    let token = link_for(&server, PRIME_MINISTER).await;

    // Registration from another origin, or without user verification: refused, and the
    // link still works afterwards.
    let mut evil = SoftAuthenticator::new(&server.base, 2);
    evil.origin = "https://evil.example".to_owned();
    assert_eq!(enrol(&server, &mut evil, &token).await.status, 400);
    let mut careless = SoftAuthenticator::new(&server.base, 2);
    careless.verify_user = false;
    assert_eq!(enrol(&server, &mut careless, &token).await.status, 400);
    let mut auth = SoftAuthenticator::new(&server.base, 2);
    assert_eq!(enrol(&server, &mut auth, &token).await.status, 200);

    // A replayed assertion: the ceremony was used up by the first.
    let (ceremony, options) = sign_in_start(&server).await;
    let credential = auth.assert(&options);
    assert_eq!(
        sign_in_finish(&server, &ceremony, &credential).await.status,
        200
    );
    let replay = sign_in_finish(&server, &ceremony, &credential).await;
    assert_eq!(replay.status, 400);
    assert!(replay.cookie.is_none());
    // The same signed answer under a new ceremony: its challenge does not match.
    let (fresh, _) = sign_in_start(&server).await;
    assert_eq!(
        sign_in_finish(&server, &fresh, &credential).await.status,
        400
    );

    // Another origin, or no user verification, at sign-in.
    auth.origin = "https://evil.example".to_owned();
    assert_eq!(sign_in(&server, &mut auth).await.status, 400);
    auth.origin = server.base.clone();
    auth.verify_user = false;
    assert_eq!(sign_in(&server, &mut auth).await.status, 400);
    auth.verify_user = true;
    assert_eq!(sign_in(&server, &mut auth).await.status, 200);

    // Each refusal of a live ceremony is in the audit trail (the signed answer replayed under
    // a new ceremony, two bad sign-ins); the answer to a used-up ceremony leaves nothing, as
    // anyone could send those without end.
    let failed = audit_count(&server, "session.sign_in_failed").await;
    assert_eq!(failed, 3);
}

async fn audit_count(server: &TestServer, event: &str) -> i64 {
    let row: (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select count(*) from audit_event where event = $1")
            .bind(event)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    row.0
}

async fn a_credential_belongs_to_one_account(engine: Engine) {
    let server = start_server(engine, true).await;
    let mut first = SoftAuthenticator::new(&server.base, 3);
    let token = link_for(&server, PRIME_MINISTER).await;
    assert_eq!(enrol(&server, &mut first, &token).await.status, 200);
    // The same credential (key and id) offered for another account.
    let mut copy = SoftAuthenticator::new(&server.base, 3);
    let other = link_for(&server, FINANCE_MINISTER).await;
    let refused = enrol(&server, &mut copy, &other).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    // Nor can it sign in as the other account by naming it in the user handle.
    let finance = user_id(&server.state.db, FINANCE_MINISTER).await;
    first.set_user_handle(finance.as_bytes().to_vec());
    assert_eq!(sign_in(&server, &mut first).await.status, 400);
}

async fn passkeys_and_sessions_are_managed_by_their_owner(engine: Engine) {
    let server = start_server(engine, true).await;
    let mut tablet = SoftAuthenticator::new(&server.base, 4);
    let token = link_for(&server, FINANCE_MINISTER).await;
    let cookie = enrol(&server, &mut tablet, &token).await.cookie.unwrap();
    let account = call(&server, Some(&cookie), "my_account", form(&[]))
        .await
        .json();
    let first_id = account["passkeys"][0]["id"].as_str().unwrap().to_owned();

    // The only passkey cannot go.
    let last = call(
        &server,
        Some(&cookie),
        "passkey_remove",
        form(&[("id", &first_id)]),
    )
    .await;
    assert_eq!(last.status, 400);
    assert!(last.body.contains("LastPasskey"), "{}", last.body);

    // Add one on a phone, while signed in on the tablet.
    let mut phone = SoftAuthenticator::new(&server.base, 5);
    let started = call(&server, Some(&cookie), "passkey_add_start", form(&[])).await;
    assert_eq!(started.status, 200, "{}", started.body);
    let started = started.json();
    let credential = phone.register(&started["options"]);
    let added = call(
        &server,
        Some(&cookie),
        "passkey_add_finish",
        Body::Json(json!({"ceremony": started["ceremony"], "credential": credential, "name": "Điện thoại"})),
    )
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    let renamed = call(
        &server,
        Some(&cookie),
        "passkey_rename",
        form(&[("id", &first_id), ("name", "Máy tính bảng cũ")]),
    )
    .await;
    assert_eq!(renamed.status, 200);
    // Someone else cannot touch it.
    let other = demo_cookie(&server, PRIME_MINISTER).await;
    let foreign = call(
        &server,
        Some(&other),
        "passkey_remove",
        form(&[("id", &first_id)]),
    )
    .await;
    assert_eq!(foreign.status, 404);
    let removed = call(
        &server,
        Some(&cookie),
        "passkey_remove",
        form(&[("id", &first_id)]),
    )
    .await;
    assert_eq!(removed.status, 200);
    let account = call(&server, Some(&cookie), "my_account", form(&[]))
        .await
        .json();
    let names: Vec<_> = account["passkeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Điện thoại"]);
    // The removed passkey no longer signs in; the phone does.
    assert_eq!(sign_in(&server, &mut tablet).await.status, 400);
    let phone_session = sign_in(&server, &mut phone).await;
    assert_eq!(phone_session.status, 200);
    let phone_cookie = phone_session.cookie.unwrap();

    // Two devices signed in; the tablet signs out the other.
    let account = call(&server, Some(&cookie), "my_account", form(&[]))
        .await
        .json();
    let sessions = account["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    let ended = call(&server, Some(&cookie), "sessions_end_others", form(&[])).await;
    assert_eq!((ended.status, ended.body.as_str()), (StatusCode::OK, "1"));
    let gone = call(&server, Some(&phone_cookie), "my_account", form(&[])).await;
    assert_eq!(gone.status, 401);
    assert_eq!(
        call(&server, Some(&cookie), "my_account", form(&[]))
            .await
            .status,
        200
    );
}

async fn sign_in_is_rate_limited_per_client(engine: Engine) {
    let server = start_server(engine, true).await;
    // 30 ceremonies per five minutes from one address.
    for attempt in 1..=30 {
        let started = call(&server, None, "sign_in_start", form(&[])).await;
        assert_eq!(started.status, 200, "attempt {attempt}");
    }
    let refused = client()
        .post(format!("{}/api/sign_in_start", server.base))
        .header(ORIGIN, &server.base)
        // Without a trusted proxy, a forged header changes nothing.
        .header("x-forwarded-for", "203.0.113.99")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 429);
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=300).contains(&retry), "{retry}");
    let text = refused.text().await.unwrap();
    assert!(text.contains("TooManyRequests"), "{text}");
    // Counted for the connection's own address, as the listener saw it.
    let buckets: Vec<(String,)> = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select bucket from rate_limit order by bucket")
            .fetch_all(pool)
            .await
    })
    .unwrap();
    assert_eq!(buckets, [("sign_in:client:127.0.0.1".to_owned(),)]);
}
