//! Account administration over HTTP, on both engines: who may create whom, CSV import (all
//! or nothing), a fresh link for a lost tablet that revokes the old passkeys once a second
//! person approves (the four-eyes rules themselves: `enrolment_approval.rs`), deactivation
//! that ends sessions and closes the live stream of an open page, cross-origin refusals for
//! every state-changing endpoint, and the audit page's filters.

use crate::common::enrolment::approve_for;
use crate::common::*;
use app::audit::model::AuditFilter;
use app::identity::model::NewAccount;
use futures::StreamExt;
use reqwest::header::{COOKIE, ORIGIN, SET_COOKIE};
use reqwest::{Method, StatusCode};
use serde_json::Value;

on_both_engines!(
    who_may_create_whom,
    csv_import_is_all_or_nothing,
    a_lost_tablet_gets_a_fresh_link_and_loses_its_passkeys,
    deactivation_ends_sessions_and_wipes_open_pages,
    every_state_change_refuses_other_origins_and_get,
    the_audit_log_is_filtered_by_role_and_event,
);

async fn call(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    let response = client()
        .post(format!("{}/api/{endpoint}", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, cookie)
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

fn account(name: &str, role: &str, email: &str) -> NewAccount {
    NewAccount {
        full_name: name.to_owned(),
        title: "Thứ trưởng Bộ Tài chính".to_owned(),
        ministry: "BTC".to_owned(),
        role: role.to_owned(),
        email: email.to_owned(),
        phone: "0901234567".to_owned(),
    }
}

async fn accounts_named(server: &TestServer, like: &str) -> i64 {
    let row: (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select count(*) from user_account where full_name like $1")
            .bind(like)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    row.0
}

async fn who_may_create_whom(engine: Engine) {
    let server = start_server(engine, true).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let admin = demo_cookie(&server, ADMIN).await;

    let (status, body) = call_form_of(
        &server,
        &secretary,
        "account_create",
        "account",
        &account("Hồ Thị Lan", "khách mời", "HT.Lan@mof.example.vn"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // The one who asked is shown no link; a second person's approval makes it.
    assert!(!body.contains("/enrol/"), "{body}");
    let other = demo_cookie(&server, SECOND_SECRETARY).await;
    let token = approve_for(&server, &other, "Hồ Thị Lan").await;
    // The link opens the enrolment page for her.
    let (status, body) = call(&server, "", "enrolment_info", &[("token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Hồ Thị Lan") && body.contains("Thứ trưởng Bộ Tài chính"));

    // The secretariat may not create secretariat or administrator accounts.
    for role in ["secretariat", "admin"] {
        let (status, _) = call_form_of(
            &server,
            &secretary,
            "account_create",
            "account",
            &account("Người Thử", role, "nguoi.thu@example.vn"),
        )
        .await;
        assert_eq!(status, 403, "{role}");
    }
    let (status, _) = call_form_of(
        &server,
        &admin,
        "account_create",
        "account",
        &account("Người Thử", "secretariat", "nguoi.thu@example.vn"),
    )
    .await;
    assert_eq!(status, 200);

    // The same address twice (whatever its case), a missing name, an unknown ministry.
    let (status, body) = call_form_of(
        &server,
        &admin,
        "account_create",
        "account",
        &account("Hồ Thị Lan 2", "guest", "ht.lan@MOF.example.vn"),
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("EmailTaken"), "{body}");
    let (status, _) = call_form_of(
        &server,
        &admin,
        "account_create",
        "account",
        &account(" ", "guest", "x@y.vn"),
    )
    .await;
    assert_eq!(status, 400);
    let mut unknown = account("Ai Đó", "guest", "ai.do@example.vn");
    unknown.ministry = "XYZ".to_owned();
    let (status, body) = call_form_of(&server, &admin, "account_create", "account", &unknown).await;
    assert_eq!(status, 400);
    assert!(body.contains("MinistryUnknown"), "{body}");
    // Members do not manage accounts.
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let (status, _) = call_form_of(
        &server,
        &member,
        "account_create",
        "account",
        &account("Khác", "guest", "khac@example.vn"),
    )
    .await;
    assert_eq!(status, 403);
}

async fn csv_import_is_all_or_nothing(engine: Engine) {
    let server = start_server(engine, true).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let bad = "họ_tên,vai_trò,email,mã_bộ\n\
               Nhập Một,thành viên,nhap.mot@example.vn,BTC\n\
               Nhập Hai,chủ tọa,nhap.hai@example.vn,\n";
    let (status, body) = call(&server, &secretary, "accounts_import", &[("csv", bad)]).await;
    assert_eq!(status, 400);
    assert!(
        body.contains(r#""line":3"#) && body.contains("RoleUnknown"),
        "{body}"
    );
    assert_eq!(
        accounts_named(&server, "Nhập %").await,
        0,
        "nothing was created"
    );

    let good = "họ_tên,vai_trò,email,mã_bộ\n\
                Nhập Một,thành viên,nhap.mot@example.vn,BTC\n\
                Nhập Hai,khách mời,nhap.hai@example.vn,\n";
    let (status, body) = call(&server, &secretary, "accounts_import", &[("csv", good)]).await;
    assert_eq!(status, 200, "{body}");
    let issued: Vec<Value> = serde_json::from_str(&body).unwrap();
    assert_eq!(issued.len(), 2);
    assert_eq!(issued[1]["full_name"], "Nhập Hai");
    assert_eq!(accounts_named(&server, "Nhập %").await, 2);
    // Importing the same file again: the addresses are taken, line 2 says so.
    let (status, body) = call(&server, &secretary, "accounts_import", &[("csv", good)]).await;
    assert_eq!(status, 400);
    assert!(
        body.contains(r#""line":2"#) && body.contains("EmailTaken"),
        "{body}"
    );
}

async fn a_lost_tablet_gets_a_fresh_link_and_loses_its_passkeys(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = &server.state.db;
    let minister = user_id(db, FINANCE_MINISTER).await;
    // A passkey and a session on the lost tablet.
    app::with_db!(db, |pool| {
        sqlx::query(
            "insert into passkey (id, user_id, credential_id, passkey, name, created_at)
             values ($1, $2, $3, '{}', 'Máy tính bảng', $4)",
        )
        .bind(uuid::Uuid::now_v7())
        .bind(minister)
        .bind(vec![1u8, 2, 3])
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .unwrap();
    });
    let lost = demo_cookie(&server, FINANCE_MINISTER).await;
    let old_link = app::identity::passkeys::create_enrolment(db, minister, None)
        .await
        .unwrap();

    let admin = demo_cookie(&server, ADMIN).await;
    let id = minister.to_string();
    let (status, body) = call(
        &server,
        &admin,
        "account_reissue",
        &[("user_id", &id), ("revoke_others", "true")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("/enrol/"), "{body}");
    // Nothing happens before a second person approves: the tablet's session still works.
    let (status, _) = call(&server, &lost, "my_account", &[]).await;
    assert_eq!(status, 200);
    let secretary = demo_cookie(&server, SECRETARY).await;
    let token = approve_for(&server, &secretary, FINANCE_MINISTER).await;
    let token = token.as_str();
    let (status, _) = call(&server, &lost, "my_account", &[]).await;
    assert_eq!(status, 401, "the lost tablet's session ended");
    let revoked: (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from passkey where user_id = $1 and revoked_at is not null")
            .bind(minister)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(revoked.0, 1, "revoked and kept");
    // Only the newest link works.
    let (status, _) = call(&server, "", "enrolment_info", &[("token", &old_link)]).await;
    assert_eq!(status, 400);
    let (status, _) = call(&server, "", "enrolment_info", &[("token", token)]).await;
    assert_eq!(status, 200);
    // The minister is told, on the next device they sign in with.
    let fresh = demo_cookie(&server, FINANCE_MINISTER).await;
    let (_, body) = call(&server, &fresh, "my_account", &[]).await;
    assert!(body.contains("passkeys_revoked_new_link"), "{body}");
}

async fn deactivation_ends_sessions_and_wipes_open_pages(engine: Engine) {
    let server = start_server(engine, true).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let response = client()
        .get(format!("{}/api/live", server.base))
        .header(COOKIE, &member)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let mut stream = response.bytes_stream();
    let mut seen = String::new();
    while !seen.contains("event: ready") {
        let chunk = stream.next().await.expect("ready").unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }

    // Secretariat may not deactivate; the administrator may.
    let id = user_id(&server.state.db, FINANCE_MINISTER)
        .await
        .to_string();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let (status, _) = call(
        &server,
        &secretary,
        "account_deactivate",
        &[("user_id", &id)],
    )
    .await;
    assert_eq!(status, 403);
    let admin = demo_cookie(&server, ADMIN).await;
    let (status, body) = call(&server, &admin, "account_deactivate", &[("user_id", &id)]).await;
    assert_eq!(status, 200, "{body}");

    // The open page is told at once, and the stream closes.
    let rest = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        let mut rest = String::new();
        while let Some(chunk) = stream.next().await {
            rest.push_str(&String::from_utf8_lossy(&chunk.unwrap()));
        }
        rest
    })
    .await
    .expect("the stream ends within seconds");
    assert!(rest.contains("event: ended"), "{rest}");
    // The next action is refused, and the account cannot come back through the demo route.
    let (status, _) = call(&server, &member, "meetings", &[]).await;
    assert_eq!(status, 401);
    let response = client()
        .get(format!("{}/api/live", server.base))
        .header(COOKIE, &member)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    // An administrator cannot deactivate themselves.
    let own = user_id(&server.state.db, ADMIN).await.to_string();
    let (status, _) = call(&server, &admin, "account_deactivate", &[("user_id", &own)]).await;
    assert_eq!(status, 403);
}

async fn every_state_change_refuses_other_origins_and_get(engine: Engine) {
    let server = start_server(engine, true).await;
    let cookie = demo_cookie(&server, SECRETARY).await;
    let mut posts: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .filter(|(_, method)| *method == Method::POST)
        .map(|(path, _)| path.to_owned())
        .collect();
    posts.extend(
        server::router::plain_routes(true)
            .listed
            .iter()
            .filter(|(method, _)| *method == Method::POST)
            .map(|(_, path)| (*path).to_owned()),
    );
    assert!(posts.len() > 20, "{posts:?}");
    let sessions_before = count_sessions(&server).await;
    for path in &posts {
        for headers in [
            vec![("origin", "https://evil.example")],
            vec![("origin", "null")],
            vec![("sec-fetch-site", "cross-site")],
            vec![("sec-fetch-site", "same-site")],
            vec![],
        ] {
            let mut request = client()
                .post(format!("{}{path}", server.base))
                .header(COOKIE, &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("");
            for (name, value) in &headers {
                request = request.header(*name, *value);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 403, "POST {path} with {headers:?}");
            assert!(response.headers().get(SET_COOKIE).is_none());
        }
        // Nothing changes state over GET: the route does not answer GET at all.
        let response = client()
            .get(format!("{}{path}", server.base))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert!(
            [404, 405].contains(&response.status().as_u16()),
            "GET {path}: {}",
            response.status()
        );
    }
    assert_eq!(
        count_sessions(&server).await,
        sessions_before,
        "no session began or ended"
    );
    let (status, _) = call(&server, &cookie, "my_account", &[]).await;
    assert_eq!(status, 200, "the secretary is still signed in");
}

async fn count_sessions(server: &TestServer) -> i64 {
    let row: (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select count(*) from session")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    row.0
}

async fn the_audit_log_is_filtered_by_role_and_event(engine: Engine) {
    let server = start_server(engine, true).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let admin = demo_cookie(&server, ADMIN).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let filter = |event: &str| AuditFilter {
        event: event.to_owned(),
        actor: String::new(),
        from: String::new(),
        to: String::new(),
        before: None,
    };
    // Three demo sign-ins so far, newest first.
    let (status, body) = call_form_of(
        &server,
        &secretary,
        "audit",
        "filter",
        &filter("session.demo_sign_in"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    let actors: Vec<_> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actors, [FINANCE_MINISTER, ADMIN, SECRETARY]);
    assert_eq!(page["security_only"], false);
    let (status, body) = call_form_of(&server, &admin, "audit", "filter", &filter("")).await;
    assert_eq!(status, 200);
    assert!(body.contains(r#""security_only":true"#));
    let (status, _) = call_form_of(&server, &member, "audit", "filter", &filter("")).await;
    assert_eq!(status, 403);
    let (status, _) = call_form_of(
        &server,
        &secretary,
        "audit",
        "filter",
        &filter("no.such_event"),
    )
    .await;
    assert_eq!(status, 400);
    // By name and by day (today in Vietnam has them all; a day long ago has none).
    let mut by_name = filter("");
    by_name.actor = "Trương".to_owned();
    let (_, body) = call_form_of(&server, &secretary, "audit", "filter", &by_name).await;
    let page: Value = serde_json::from_str(&body).unwrap();
    assert!(page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["actor"] == SECRETARY));
    // A record about a meeting names it by its title, not its id.
    let form = serde_json::json!({"form": {
        "kind": "thematic", "title": "Phiên họp kiểm tra nhật ký", "starts_local": "2027-05-05T08:00",
        "place": "", "online": false, "planned_minutes": 60, "chair_id": ""
    }});
    let (status, body) = call_json(&server, &secretary, "meeting_create", form).await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = call_form_of(
        &server,
        &secretary,
        "audit",
        "filter",
        &filter("meeting.created"),
    )
    .await;
    let page: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["rows"][0]["subject"], "Phiên họp kiểm tra nhật ký");
    let mut old = filter("");
    old.from = "2020-01-01".to_owned();
    old.to = "2020-01-31".to_owned();
    let (_, body) = call_form_of(&server, &secretary, "audit", "filter", &old).await;
    let page: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["rows"].as_array().unwrap().len(), 0);
}
