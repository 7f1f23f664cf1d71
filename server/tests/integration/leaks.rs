//! Nothing leaks through the page itself: titles are escaped, confidential answers are never
//! cached, and signing out clears what the browser kept.

use crate::common::*;
use reqwest::header::{CACHE_CONTROL, COOKIE, ORIGIN};

on_both_engines!(
    a_title_with_markup_is_shown_as_text,
    signed_in_answers_are_never_stored_and_sign_out_clears_the_site,
);

async fn set_meeting_title(db: &app::db::Db, meeting: uuid::Uuid, title: &str) {
    app::with_db!(db, |pool| {
        sqlx::query("update meeting set title = $1 where id = $2")
            .bind(title)
            .bind(meeting)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
}

/// A meeting titled with markup (typed by a clerk, or in an imported file): the page's
/// `<title>` holds it as text, and no element of it reaches the page.
async fn a_title_with_markup_is_shown_as_text(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    for (title, escaped, raw) in [
        (
            "T</title><h1 id=injected>X</h1>",
            "<title>T&lt;/title&gt;&lt;h1 id=injected&gt;X&lt;/h1&gt; · ",
            "<h1 id=injected>",
        ),
        (
            "A & B </script><script>alert(1)</script>",
            "<title>A &amp; B &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; · ",
            "<script>alert(1)",
        ),
    ] {
        set_meeting_title(&db, regular, title).await;
        let response = client()
            .get(format!("{}/meetings/{regular}", server.base))
            .header(COOKIE, &finance)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains(escaped), "{title}: {page}");
        assert!(!page.contains(raw), "{title}: {page}");
    }
}

async fn signed_in_answers_are_never_stored_and_sign_out_clears_the_site(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    // A page, a server function's answer, the sign-in page: never stored.
    let page = client()
        .get(format!("{}/meetings/{regular}", server.base))
        .header(COOKIE, &finance)
        .send()
        .await
        .unwrap();
    assert_eq!(page.headers()[CACHE_CONTROL], "private, no-store");
    let answer = client()
        .post(format!("{}/api/meeting_comments", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, &finance)
        .form(&[("meeting_id", &regular.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()[CACHE_CONTROL], "private, no-store");
    let sign_in = client()
        .get(format!("{}/sign-in", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(sign_in.headers()[CACHE_CONTROL], "private, no-store");
    // The site's own files stay cacheable, signed in or not (the test server has no built
    // site: the path alone decides).
    let robots = client()
        .get(format!("{}/robots.txt", server.base))
        .header(COOKIE, &finance)
        .send()
        .await
        .unwrap();
    assert!(robots.headers().get(CACHE_CONTROL).is_none());

    let out = client()
        .post(format!("{}/sign-out", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, &finance)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(out.headers()["clear-site-data"], "\"cache\", \"storage\"");
    let cleared = out.headers()[reqwest::header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("__Host-ecab_session=;"), "{cleared}");
}
