//! The authorization matrix: every endpoint (server functions from the registry, page routes
//! from the route list, plain routes as the router records them) × every kind of user × the
//! state of the meeting. The expected statuses are in `authz_table` (written by hand); this
//! runs them against the real server and checks that nothing leaks.

use crate::authz_requests::{request_body, scratch_item_form, scratch_meeting_form, Fixture};
use crate::authz_table::{
    expected, may_see_regular, State, Who, DEACTIVATION_TARGET, ENDPOINTS, EVERYONE,
};
use crate::common::*;
use app::audit::event::AuditEvent;
use chrono::Duration;
use reqwest::header::{COOKIE, ORIGIN};
use reqwest::Method;

on_both_engines!(
    every_endpoint_answers_every_user_as_written,
    not_invited_and_missing_look_the_same
);

const ITEM_1: &str = "Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026";

fn who_slug(who: Who) -> String {
    format!("{who:?}").to_lowercase()
}

/// A fresh session of `who` as a `Cookie:` value (none for the anonymous visitor).
async fn session_cookie(db: &app::db::Db, who: Who) -> Option<String> {
    let name = who.account()?;
    let id = user_id(db, name).await;
    let token = app::identity::session::create(db, id, Duration::hours(1), AuditEvent::DemoSignIn)
        .await
        .unwrap();
    Some(format!(
        "{}={token}",
        app::identity::session::SESSION_COOKIE
    ))
}

async fn every_endpoint_answers_every_user_as_written(engine: Engine) {
    // Route generation renders the app in a special mode: do it before any server runs.
    // The endpoints the server actually has.
    let mut actual: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| format!("{method} {path}"))
        .collect();
    actual.extend(
        leptos_axum::generate_route_list(app::App)
            .iter()
            .map(|route| format!("GET {}", route.path())),
    );
    actual.extend(
        server::router::plain_routes(true)
            .listed
            .iter()
            .map(|(method, path)| format!("{method} {path}")),
    );
    actual.sort();
    actual.dedup();
    let mut listed: Vec<String> = ENDPOINTS.iter().map(|e| (*e).to_owned()).collect();
    listed.sort();
    assert_eq!(
        actual, listed,
        "every endpoint needs a row in the matrix, and only those"
    );

    let server = start_server_with(engine, true, &["--trusted-proxies", "127.0.0.1"]).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let uninvited = user_id(&db, "Lò Văn Tiến").await;
    app::with_db!(&db, |pool| {
        sqlx::query("delete from invitation where meeting_id = $1 and user_id = $2")
            .bind(regular)
            .bind(uninvited)
            .execute(pool)
            .await
            .unwrap();
    });

    // One session per user; the deactivated account loses its account after signing in.
    let mut cookies = Vec::new();
    for who in EVERYONE {
        cookies.push((who, session_cookie(&db, who).await));
    }
    let deactivated = user_id(&db, "Quách Thị Mai").await;
    app::with_db!(&db, |pool| {
        sqlx::query("update user_account set active = false where id = $1")
            .bind(deactivated)
            .execute(pool)
            .await
            .unwrap();
    });
    let pm = user_id(&db, PRIME_MINISTER).await;
    let guest = user_id(&db, GUEST).await;
    // A draft of the secretariat's own, with one item, for the preparation calls.
    let secretary = current_user(&db, SECRETARY).await;
    let scratch =
        app::meetings::editing::meeting::create(&server.state, &secretary, &scratch_meeting_form())
            .await
            .unwrap();
    let scratch_item = app::meetings::editing::agenda::add_item(
        &server.state,
        &secretary,
        scratch,
        &scratch_item_form(),
    )
    .await
    .unwrap();
    let (item_1_document,): (uuid::Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select d.id from document d join agenda_item ai on ai.id = d.agenda_item_id
             where ai.meeting_id = $1 order by ai.position, d.position limit 1",
        )
        .bind(regular)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    let (item_1_version,): (uuid::Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from document_version where document_id = $1")
            .bind(item_1_document)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    // Its first page's picture, whether or not the text job has made it yet.
    app::with_db!(&db, |pool| {
        sqlx::query(
            "insert into blob_picture (sha256, jpeg, width, height)
             select blob_sha256, $2, 1024, 1448 from document_version where id = $1
             on conflict (sha256) do nothing",
        )
        .bind(item_1_version)
        .bind(b"\xFF\xD8\xFF a picture".to_vec())
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();
    let (item_1,): (uuid::Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from agenda_item where meeting_id = $1 order by position limit 1")
            .bind(regular)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let target = user_id(&db, DEACTIVATION_TARGET).await;
    let finance = user_id(&db, FINANCE_MINISTER).await;
    let ballot_draft = |eligible: Vec<uuid::Uuid>| app::ballots::model::BallotDraft {
        title: "Phiếu thử".to_owned(),
        question: "Đồng ý?".to_owned(),
        deadline: "2030-12-31T17:00".to_owned(),
        eligible,
        reminder_hours: vec![24],
        results_to_members: true,
    };
    let open_ballot =
        app::ballots::editing::create(&db, &secretary, &ballot_draft(vec![finance, pm]))
            .await
            .unwrap();
    app::ballots::editing::send(&db, &secretary, open_ballot)
        .await
        .unwrap();
    let closed_ballot =
        app::ballots::editing::create(&db, &secretary, &ballot_draft(vec![finance, pm]))
            .await
            .unwrap();
    app::ballots::editing::send(&db, &secretary, closed_ballot)
        .await
        .unwrap();
    app::ballots::editing::close(&db, &secretary, closed_ballot)
        .await
        .unwrap();
    let draft_ballot = app::ballots::editing::create(&db, &secretary, &ballot_draft(vec![]))
        .await
        .unwrap();
    let fixture = Fixture {
        regular,
        scratch,
        scratch_item,
        item_1,
        item_1_document,
        item_1_version,
        pm,
        guest,
        target,
        finance,
        open_ballot,
        draft_ballot,
    };

    let mut cells = 0;
    for state in [State::Draft, State::Published, State::Closed] {
        app::with_db!(&db, |pool| {
            sqlx::query("update meeting set state = $1 where id = $2")
                .bind(state.column())
                .bind(regular)
                .execute(pool)
                .await
                .unwrap();
        });
        // Sign-out last: it ends the session it is given.
        let order = ENDPOINTS
            .iter()
            .filter(|e| **e != "POST /sign-out")
            .chain(["POST /sign-out"].iter());
        for endpoint in order {
            for (who, cookie) in &cookies {
                let (method, path) = endpoint.split_once(' ').unwrap();
                let id = if path.starts_with("/documents/") {
                    item_1_document
                } else if path.starts_with("/ballots/{id}/summary") {
                    closed_ballot
                } else if path.starts_with("/ballots/") {
                    open_ballot
                } else {
                    regular
                };
                let mut url = format!("{}{}", server.base, path.replace("{id}", &id.to_string()));
                if *endpoint == "POST /documents/upload" {
                    url.push_str(&format!("?item={scratch_item}&name=x.pdf"));
                }
                let mut request = client().request(method.parse::<Method>().unwrap(), url);
                // Sign-out gets a session of its own so the others stay usable.
                let cookie = if *endpoint == "POST /sign-out" {
                    session_cookie(&db, *who).await
                } else {
                    cookie.clone()
                };
                if let Some(cookie) = cookie {
                    request = request.header(COOKIE, cookie);
                }
                // Each cell comes from its own client address (through a trusted proxy), so
                // the sign-in and enrolment rate limits do not decide the matrix.
                request = request.header(
                    "x-forwarded-for",
                    format!("198.51.{}.{}", cells / 250, cells % 250 + 1),
                );
                let unique = format!("{}-{}-{cells}", who_slug(*who), state.column());
                if method == "POST" {
                    let (content_type, body) = request_body(endpoint, &fixture, &unique, cells);
                    request = request
                        .header(ORIGIN, &server.base)
                        .header("content-type", content_type)
                        .body(body);
                }
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                let body = if *endpoint == "GET /api/live" && status == 200 {
                    // An event stream does not end: check what it is, then hang up.
                    assert_eq!(response.headers()["content-type"], "text/event-stream");
                    drop(response);
                    String::new()
                } else {
                    response.text().await.unwrap()
                };
                assert_eq!(
                    status,
                    expected(endpoint, *who, state),
                    "{endpoint} as {who:?} with the meeting {state:?}: {body}"
                );
                if !may_see_regular(*who, state) {
                    assert!(
                        !body.contains(REGULAR),
                        "{endpoint} as {who:?} ({state:?}) leaks the meeting"
                    );
                    assert!(
                        !body.contains(ITEM_1),
                        "{endpoint} as {who:?} ({state:?}) leaks item 1"
                    );
                }
                if *who == Who::Guest {
                    assert!(
                        !body.contains(ITEM_1),
                        "{endpoint}: a guest sees only their item"
                    );
                }
                if *who != Who::Secretariat {
                    assert!(
                        !body.contains(THEMATIC),
                        "{endpoint} as {who:?} leaks the draft"
                    );
                }
                cells += 1;
            }
        }
    }
    assert_eq!(cells, ENDPOINTS.len() * EVERYONE.len() * 3);
    println!(
        "authorization matrix ({engine:?}): {cells} cells = {} endpoints × {} kinds of user × 3 meeting states",
        ENDPOINTS.len(),
        EVERYONE.len()
    );
}

async fn not_invited_and_missing_look_the_same(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let admin = user_id(&db, ADMIN).await;
    let token =
        app::identity::session::create(&db, admin, Duration::hours(1), AuditEvent::DemoSignIn)
            .await
            .unwrap();
    let cookie = format!("{}={token}", app::identity::session::SESSION_COOKIE);
    let missing = uuid::Uuid::now_v7();

    let call = |id: uuid::Uuid| {
        let (base, cookie) = (server.base.clone(), cookie.clone());
        async move {
            let response = client()
                .post(format!("{base}/api/meeting"))
                .header(ORIGIN, &base)
                .header(COOKIE, cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("id={id}"))
                .send()
                .await
                .unwrap();
            (response.status(), response.bytes().await.unwrap())
        }
    };
    assert_eq!(call(regular).await, call(missing).await);

    // Pages differ only by the per-response script nonce.
    let page = |id: uuid::Uuid| {
        let (base, cookie) = (server.base.clone(), cookie.clone());
        async move {
            let response = client()
                .get(format!("{base}/meetings/{id}"))
                .header(COOKIE, cookie)
                .send()
                .await
                .unwrap();
            let status = response.status();
            let csp = response.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            let nonce = csp
                .split_whitespace()
                .find_map(|s| s.strip_prefix("'nonce-"))
                .and_then(|s| s.strip_suffix('\''))
                .unwrap()
                .to_owned();
            let body = response.text().await.unwrap();
            (
                status,
                body.replace(&nonce, "NONCE").replace(&id.to_string(), "ID"),
            )
        }
    };
    let (a, b) = (page(regular).await, page(missing).await);
    assert_eq!(a.0, 404);
    assert_eq!(a, b);
}
