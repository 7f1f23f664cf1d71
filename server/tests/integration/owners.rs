//! One request never reads another's Leptos context. A page render sometimes leaves its
//! reactive owner current on a worker thread; these tests leave one there on purpose (a
//! single-threaded runtime, so the server's tasks run on the test's thread) and then serve
//! other requests. Before the fix, a static file took the page's script policy and the page
//! lost it (the browser tests' "did not hydrate").
use app::identity::render_memo::RenderMemo;
use app::identity::session::{current, Lookup};
use http::header::{CONTENT_SECURITY_POLICY, COOKIE};
use http::HeaderValue;
use leptos::prelude::{provide_context, Owner};
use leptos::reactive::computed::ScopedFuture;
use leptos_axum::ResponseOptions;

use crate::common::*;

/// Each test once per engine, on a single-threaded runtime.
macro_rules! on_both_engines_one_thread {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[tokio::test] async fn $name() { super::$name($crate::common::Engine::Sqlite).await } )*
        }
        mod postgres {
            $( #[tokio::test] async fn $name() { super::$name($crate::common::Engine::Postgres).await } )*
        }
    };
}

on_both_engines_one_thread!(
    a_static_file_leaves_a_page_s_headers_alone,
    a_server_function_answers_for_its_own_session,
    a_render_s_memo_answers_only_its_own_request,
);

/// What a page render holds: its owner, with the request (carrying `cookie`), the app's state,
/// its response's headers and its memo, as `App` provides them.
fn page_render(server: &TestServer, cookie: &str) -> (Owner, ResponseOptions) {
    let page = Owner::new_root(None);
    let response = ResponseOptions::default();
    response.insert_header(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("script-src 'nonce-of-the-page'"),
    );
    page.with(|| {
        provide_context(request_parts(cookie));
        provide_context(server.state.clone());
        provide_context(response.clone());
        provide_context(RenderMemo::for_token(
            app::identity::session::request_token(),
        ));
    });
    (page, response)
}

fn request_parts(cookie: &str) -> http::request::Parts {
    http::Request::builder()
        .uri("/")
        .header(COOKIE, cookie)
        .body(())
        .expect("request")
        .into_parts()
        .0
}

/// The full name of the session `owner`'s request resolves to, through the render memo.
async fn session_name(owner: &Owner) -> String {
    match owner.with(|| ScopedFuture::new(current())).await {
        Ok(Lookup::Active { user, .. }) => user.full_name,
        other => panic!("expected an active session, got {other:?}"),
    }
}

async fn a_static_file_leaves_a_page_s_headers_alone(engine: Engine) {
    let server = start_server(engine, false).await;
    std::fs::create_dir_all(server.site.path().join("pkg")).expect("pkg");
    std::fs::write(server.site.path().join("pkg/probe.css"), "body{}").expect("file");
    let (page, page_response) = page_render(&server, "ecab_session=none");
    page.set();

    let file = client()
        .get(format!("{}/pkg/probe.css", server.base))
        .send()
        .await
        .expect("file");

    assert_eq!(file.status(), 200);
    // The file carries the policy of anything that is not a page...
    assert_eq!(
        file.headers()[CONTENT_SECURITY_POLICY],
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
    );
    assert_eq!(file.text().await.expect("body"), "body{}");
    // ...and the page keeps its own, for its response.
    let page_headers = page_response.0.read().expect("lock").headers.clone();
    assert_eq!(
        page_headers.get(CONTENT_SECURITY_POLICY),
        Some(&HeaderValue::from_static("script-src 'nonce-of-the-page'")),
    );
}

/// Mai's page, which has looked her session up (its memo holds it), and Ngân's cookie.
async fn mai_s_page_and_ngan(engine: Engine) -> (TestServer, Owner, String) {
    let server = start_server(engine, true).await;
    let mai = demo_cookie(&server, "Quách Thị Mai").await;
    let ngan = demo_cookie(&server, "Kha Thị Bích Ngân").await;
    let (page, _) = page_render(&server, &mai);
    assert_eq!(session_name(&page).await, "Quách Thị Mai");
    (server, page, ngan)
}

async fn a_server_function_answers_for_its_own_session(engine: Engine) {
    let (server, page, ngan) = mai_s_page_and_ngan(engine).await;
    // Mai's page's owner stays current.
    page.set();

    let (status, body) = call_json(&server, &ngan, "session", serde_json::json!({})).await;

    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Kha Thị Bích Ngân"), "{body}");
    assert!(!body.contains("Quách Thị Mai"), "{body}");
}

async fn a_render_s_memo_answers_only_its_own_request(engine: Engine) {
    let (_server, page, ngan) = mai_s_page_and_ngan(engine).await;

    // Another request's owner made under Mai's page (as one made while her page's owner was
    // left current would be) finds her memo, but carries Ngân's session.
    let other = page.with(Owner::new);
    other.with(|| provide_context(request_parts(&ngan)));

    assert_eq!(session_name(&other).await, "Kha Thị Bích Ngân");
    assert_eq!(session_name(&page).await, "Quách Thị Mai");
}
