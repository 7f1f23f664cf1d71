//! The real server on port 0, over HTTP, on both engines: pages, status codes, the demo-only
//! shortcut, origin checks, probes.

use crate::common::*;
use reqwest::header::{COOKIE, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::{redirect, Client, StatusCode};

on_both_engines!(
    probes_answer,
    pages_carry_a_strict_content_security_policy,
    pages_render_in_vietnamese_then_english,
    demo_sign_in_starts_a_session_and_shows_the_agenda,
    bad_ids_and_unknown_routes_get_friendly_4xx_pages,
    the_demo_shortcut_does_not_exist_outside_demo_mode,
    state_changes_from_other_origins_are_refused,
    server_functions_decide_access_on_the_server,
    pages_travel_compressed_but_not_the_live_channel_or_pdfs,
    pages_render_whole_under_concurrent_load,
);

fn client() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        // A page that never finishes fails the test instead of stalling the suite.
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("client")
}

/// POST the demo sign-in form for `user_id`, from our own origin.
async fn post_demo_sign_in(server: &TestServer, user_id: &str) -> reqwest::Response {
    client()
        .post(format!("{}/demo/sign-in", server.base))
        .header(ORIGIN, &server.base)
        .form(&[("user_id", user_id)])
        .send()
        .await
        .unwrap()
}

/// Sign in through the demo route; returns the `Cookie:` header value for the session.
async fn demo_session(server: &TestServer, full_name: &str) -> String {
    let id = user_id(&server.state.db, full_name).await;
    let response = post_demo_sign_in(server, &id.to_string()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let set_cookie = response.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn get(server: &TestServer, path: &str, cookie: Option<&str>) -> (StatusCode, String) {
    let mut request = client().get(format!("{}{path}", server.base));
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    let response = request.send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn probes_answer(engine: Engine) {
    let server = start_server(engine, false).await;
    assert_eq!(
        get(&server, "/healthz", None).await,
        (StatusCode::OK, "ok".into())
    );
    assert_eq!(
        get(&server, "/readyz", None).await,
        (StatusCode::OK, "ready".into())
    );
}

async fn pages_carry_a_strict_content_security_policy(engine: Engine) {
    let server = start_server(engine, true).await;
    let response = client()
        .get(format!("{}/sign-in", server.base))
        .send()
        .await
        .unwrap();
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.headers()["referrer-policy"], "same-origin");
    let html = response.text().await.unwrap();
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .expect("script-src");
    assert!(!script_src.contains("unsafe-inline"), "{csp}");
    assert!(script_src.contains("'wasm-unsafe-eval'"), "{csp}");
    for directive in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{csp} lacks {directive}");
    }
    // The inline hydration script carries exactly the nonce the policy allows.
    let nonce = script_src
        .split_whitespace()
        .find_map(|s| s.strip_prefix("'nonce-"))
        .and_then(|s| s.strip_suffix('\''))
        .expect("a nonce");
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(
        html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)),
        "{html}"
    );
    // Two responses never share a nonce.
    let again = client()
        .get(format!("{}/sign-in", server.base))
        .send()
        .await
        .unwrap();
    assert!(!again.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains(nonce));
    // Non-page responses allow nothing at all.
    let probe = client()
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        probe.headers()["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
    );
    // The PDF viewer's worker runs under its own response's policy: WebAssembly (for JPEG 2000
    // images) and nothing else.
    let worker = client()
        .get(format!("{}/vendor/pdfjs/pdf.worker.min.mjs", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        worker.headers()["content-security-policy"],
        "default-src 'none'; script-src 'wasm-unsafe-eval'"
    );
}

async fn pages_render_in_vietnamese_then_english(engine: Engine) {
    let server = start_server(engine, true).await;
    let (status, html) = get(&server, "/sign-in", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<html lang="vi""#), "{html}");
    assert!(html.contains("Hệ thống thông tin phục vụ họp của Chính phủ"));
    assert!(html.contains("Chế độ trình diễn"), "demo banner");
    assert!(html.contains("/pkg/ecabinet.js"), "hydration script");

    let (_, html) = get(&server, "/sign-in", Some("ecab_lang=en")).await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(
        html.contains("The Government&#x27;s paperless meeting system")
            || html.contains("The Government's paperless meeting system")
    );
    assert!(html.contains("Demo mode"));
}

async fn demo_sign_in_starts_a_session_and_shows_the_agenda(engine: Engine) {
    let server = start_server(engine, true).await;
    let id = user_id(&server.state.db, FINANCE_MINISTER).await;
    let response = post_demo_sign_in(&server, &id.to_string()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[LOCATION], "/");
    let set_cookie = response.headers()[SET_COOKIE].to_str().unwrap();
    assert!(
        set_cookie.starts_with("__Host-ecab_session="),
        "{set_cookie}"
    );
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(
            set_cookie.contains(attribute),
            "{set_cookie} lacks {attribute}"
        );
    }
    let cookie = set_cookie.split(';').next().unwrap();

    let (status, html) = get(&server, "/", Some(cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(REGULAR));
    assert!(
        !html.contains(THEMATIC),
        "the draft is not distributed to members"
    );
    assert!(html.contains("Bạch Quang Nhật"));

    let meeting = meeting_id(&server.state.db, REGULAR).await;
    let (status, html) = get(&server, &format!("/meetings/{meeting}"), Some(cookie)).await;
    assert_eq!(status, StatusCode::OK);
    let first = html
        .find("Tình hình kinh tế - xã hội tháng 11")
        .expect("item 1");
    let second = html
        .find("Tình hình giải ngân vốn đầu tư công")
        .expect("item 2");
    let last = html.find("Các vấn đề khác").expect("item 8");
    assert!(first < second && second < last, "agenda order");
    assert!(html.contains("Chương trình họp"));

    // Signing out ends the session on the server, not only in the browser.
    let response = client()
        .post(format!("{}/sign-out", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, html) = get(&server, "/", Some(cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!html.contains(REGULAR));
}

async fn bad_ids_and_unknown_routes_get_friendly_4xx_pages(engine: Engine) {
    let server = start_server(engine, true).await;
    let cookie = demo_session(&server, SECRETARY).await;

    let (status, html) = get(&server, "/meetings/not-a-uuid", Some(&cookie)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("Mã cuộc họp không hợp lệ."), "{html}");

    let unknown = uuid::Uuid::now_v7();
    let (status, html) = get(&server, &format!("/meetings/{unknown}"), Some(&cookie)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Không tìm thấy"));

    let (status, html) = get(&server, "/khong/co/trang/nay", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Không tìm thấy"));
    let (status, html) = get(&server, "/no/such/page", Some("ecab_lang=en")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Not found"));

    let (status, _) = get(&server, "/", None).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "anonymous visitors are asked to sign in"
    );

    let response = post_demo_sign_in(&server, "12345").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.text().await.unwrap(),
        "Mã người dùng không hợp lệ."
    );
}

async fn the_demo_shortcut_does_not_exist_outside_demo_mode(engine: Engine) {
    let server = start_server(engine, false).await;
    let response = post_demo_sign_in(&server, &uuid::Uuid::now_v7().to_string()).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.headers().get(SET_COOKIE).is_none());
    let (status, html) = get(&server, "/sign-in", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Chế độ trình diễn"));
    assert!(!html.contains("/demo/sign-in"));
    let options = client()
        .post(format!("{}/api/sign_in_options", server.base))
        .header(ORIGIN, &server.base)
        .send()
        .await
        .unwrap();
    assert_eq!(options.status(), StatusCode::OK);
    assert_eq!(options.text().await.unwrap(), r#"{"demo_users":null}"#);
}

async fn state_changes_from_other_origins_are_refused(engine: Engine) {
    let server = start_server(engine, true).await;
    let id = user_id(&server.state.db, PRIME_MINISTER).await.to_string();
    let attempts = [
        vec![("origin", "https://evil.example")],
        vec![("sec-fetch-site", "cross-site")],
        vec![],
    ];
    for headers in attempts {
        let mut request = client()
            .post(format!("{}/demo/sign-in", server.base))
            .form(&[("user_id", id.as_str())]);
        for (name, value) in &headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(response.headers().get(SET_COOKIE).is_none());
    }
    // Server functions too.
    let response = client()
        .post(format!("{}/api/meetings", server.base))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // The same request from our own pages passes the check (then needs a session).
    let response = client()
        .post(format!("{}/api/meetings", server.base))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

async fn server_functions_decide_access_on_the_server(engine: Engine) {
    let server = start_server(engine, true).await;
    let meeting = meeting_id(&server.state.db, THEMATIC).await;
    let call = |cookie: String, endpoint: &'static str, body: String| {
        let base = server.base.clone();
        async move {
            let response = client()
                .post(format!("{base}/api/{endpoint}"))
                .header(ORIGIN, &base)
                .header(COOKIE, cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            (response.status(), response.text().await.unwrap())
        }
    };
    let member = demo_session(&server, FINANCE_MINISTER).await;
    let secretary = demo_session(&server, SECRETARY).await;
    let admin = demo_session(&server, ADMIN).await;
    let body = format!("id={meeting}");

    let (status, text) = call(member.clone(), "meeting", body.clone()).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a draft is not a member's: {text}"
    );
    assert!(!text.contains("xây dựng pháp luật"));
    let (status, text) = call(admin, "meeting", body.clone()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{text}");
    // Both refusals are in the audit trail, naming the meeting; a meeting that does not exist
    // leaves no record.
    let missing = format!("id={}", uuid::Uuid::now_v7());
    let (status, _) = call(member.clone(), "meeting", missing).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let denied: (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as(
            "select count(*) from audit_event where event = 'access.denied' and subject_id = $1",
        )
        .bind(meeting)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    assert_eq!(denied.0, 2);
    let all_denied: (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select count(*) from audit_event where event = 'access.denied'")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(all_denied.0, 2);
    let (status, text) = call(secretary, "meeting", body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(text.contains("xây dựng pháp luật"));
    let (status, _) = call(member, "meeting", "id=42".into()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = call("x=y".into(), "meeting", body).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// A browser that accepts brotli gets pages compressed; the live channel (an event stream)
/// and PDFs (read in ranges) are sent as they are. A site file stored compressed beside
/// itself (a release build's `--precompress`) is sent as stored.
async fn pages_travel_compressed_but_not_the_live_channel_or_pdfs(engine: Engine) {
    let server = start_server(engine, true).await;
    let cookie = demo_session(&server, "Bạch Quang Nhật").await;
    let fetch = |path: &str, encoding: Option<&str>| {
        let mut request = client()
            .get(format!("{}{path}", server.base))
            .header(COOKIE, &cookie);
        if let Some(encoding) = encoding {
            request = request.header("accept-encoding", encoding);
        }
        request.send()
    };
    let plain = fetch("/", None).await.unwrap();
    assert_eq!(plain.headers().get("content-encoding"), None);
    let plain = plain.bytes().await.unwrap();
    let compressed = fetch("/", Some("br, gzip")).await.unwrap();
    assert_eq!(compressed.status(), StatusCode::OK);
    assert_eq!(compressed.headers()["content-encoding"], "br");
    let compressed = compressed.bytes().await.unwrap();
    assert!(
        compressed.len() < plain.len(),
        "{} bytes compressed, {} plain",
        compressed.len(),
        plain.len()
    );

    let pkg = server.site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let script = "export const probe = 'plain';\n".repeat(50);
    std::fs::write(pkg.join("probe.js"), &script).unwrap();
    // Not a real brotli stream: what matters is that these bytes are the ones sent.
    std::fs::write(pkg.join("probe.js.br"), b"stored brotli copy").unwrap();
    let stored = fetch("/pkg/probe.js", Some("br, gzip")).await.unwrap();
    assert_eq!(stored.status(), StatusCode::OK);
    assert_eq!(stored.headers()["content-encoding"], "br");
    assert_eq!(&stored.bytes().await.unwrap()[..], b"stored brotli copy");
    let plain = fetch("/pkg/probe.js", None).await.unwrap();
    assert_eq!(plain.headers().get("content-encoding"), None);
    assert_eq!(plain.bytes().await.unwrap(), script.as_bytes());

    let live = fetch("/api/live", Some("br, gzip")).await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert_eq!(live.headers()["content-type"], "text/event-stream");
    assert_eq!(live.headers().get("content-encoding"), None);
    drop(live);

    let (document,): (uuid::Uuid,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as(
            "select d.id from document d join agenda_item ai on ai.id = d.agenda_item_id
             join meeting m on m.id = ai.meeting_id where m.state = 'published' limit 1",
        )
        .fetch_one(pool)
        .await
    })
    .unwrap();
    let pdf = fetch(&format!("/documents/{document}/file"), Some("br, gzip"))
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert_eq!(pdf.headers().get("content-encoding"), None);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
}

/// Many pages rendered at once, half in each language, every one whole: its status, its own
/// nonce policy and its own language's title. leptos_meta formats the title outside the
/// render's reactive arena; reading the language signal there once dropped about 1 page in
/// 200 at this load (a panic) and could read another request's language.
async fn pages_render_whole_under_concurrent_load(engine: Engine) {
    use futures::StreamExt;
    const PAGES: usize = 1000;
    let server = start_server(engine, true).await;
    let session = demo_session(&server, "Lưu Quang Minh").await;
    let client = client();
    let outcomes: Vec<Result<(), String>> = futures::stream::iter(0..PAGES)
        .map(|n| {
            let (lang, title) = if n % 2 == 0 {
                ("vi", "<title>Quản trị hệ thống · e-Cabinet</title>")
            } else {
                ("en", "<title>Administration · e-Cabinet</title>")
            };
            let request = client
                .get(format!("{}/admin", server.base))
                .header(COOKIE, format!("{session}; ecab_lang={lang}"));
            async move {
                let response = request.send().await.map_err(|e| format!("{n}: {e}"))?;
                let status = response.status();
                let policy = response.headers()["content-security-policy"]
                    .to_str()
                    .unwrap_or_default()
                    .to_owned();
                let html = response.text().await.map_err(|e| format!("{n}: {e}"))?;
                if status != StatusCode::OK || !policy.contains("'nonce-") || !html.contains(title)
                {
                    return Err(format!("{n}: {status}, policy {policy}"));
                }
                Ok(())
            }
        })
        .buffer_unordered(12)
        .collect()
        .await;
    let failed: Vec<String> = outcomes.into_iter().filter_map(Result::err).collect();
    assert!(
        failed.is_empty(),
        "{} of {PAGES} pages failed: {failed:?}",
        failed.len()
    );
}
