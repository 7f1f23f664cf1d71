//! Everything a member may read is searchable, and only by those who may read it, on both
//! engines: ballot documents (by the members asked), comments (a private one by its author
//! and the secretariat), conclusions and minutes (once final, by those invited). And
//! protected PDFs: one that opens without a password (an owner password only, under each
//! standard security handler) is read and found like any other; one that needs a password
//! is refused with its own message. The files were made by qpdf (tests/fixtures/protected).

use std::time::Duration;

use app::search::model::{Place, SearchQuery, SearchResults, TextKind};
use chrono::Utc;
use serde_json::Value;
use uuid::Uuid;

use crate::common::ballots::{draft_ballot, send_ballot};
use crate::common::calls::{call_form, upload};
use crate::common::documents::wait_for_jobs;
use crate::common::meetings::agenda_items;
use crate::common::*;

on_both_engines!(
    protected_pdfs_are_read_or_refused_and_ballot_documents_found_by_those_asked,
    comments_conclusions_and_minutes_are_found_by_who_may_read_them,
);

const OPENS_WITHOUT_PASSWORD: [&str; 5] = [
    "owner-rc4-40.pdf",
    "owner-rc4-128.pdf",
    "owner-aes-128.pdf",
    "owner-aes-256.pdf",
    "owner-aes-256-objstm.pdf",
];
const NEEDS_PASSWORD: [&str; 2] = ["user-aes-256.pdf", "user-rc4-128.pdf"];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/protected/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ballot_groups(found: &Value) -> usize {
    found["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| {
            g["places"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p.get("Ballot").is_some())
                && !g["pages"].as_array().unwrap().is_empty()
        })
        .count()
}

async fn search(server: &TestServer, cookie: &str, q: &str) -> Value {
    let (status, body) = call_form(server, cookie, "search", &[("query[q]", q)]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn protected_pdfs_are_read_or_refused_and_ballot_documents_found_by_those_asked(
    engine: Engine,
) {
    let server = start_server(engine, true).await;
    wait_for_jobs(&server, Duration::from_secs(120)).await;
    let db = &server.state.db;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let finance = user_id(db, FINANCE_MINISTER).await;
    let ballot = draft_ballot(
        &server,
        &secretary,
        "Lấy ý kiến về dự thảo Nghị định kết nối dữ liệu",
        &[finance],
    )
    .await;

    for name in OPENS_WITHOUT_PASSWORD {
        let (status, body) = upload(
            &server,
            &secretary,
            &format!("ballot={ballot}&name={name}"),
            fixture(name),
        )
        .await;
        assert_eq!(status, 200, "{name}: {body}");
    }
    for name in NEEDS_PASSWORD {
        let (status, body) = upload(
            &server,
            &secretary,
            &format!("ballot={ballot}&name={name}"),
            fixture(name),
        )
        .await;
        assert_eq!(status, 400, "{name}: {body}");
        assert!(
            body.contains("PDF được bảo vệ bằng mật khẩu mở tệp"),
            "{name}: {body}"
        );
        assert!(!body.contains("không phải là PDF"), "{name}: {body}");
    }
    send_ballot(&server, &secretary, ballot).await;
    wait_for_jobs(&server, Duration::from_secs(120)).await;
    let read: Vec<(String, Option<i64>)> = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select v.text_status, v.page_count from document_version v
             join document d on d.id = v.document_id where d.ballot_id = $1",
        )
        .bind(ballot)
        .fetch_all(pool)
        .await
    })
    .unwrap();
    assert_eq!(read, vec![("indexed".to_owned(), Some(2)); 5]);

    // "Số: 412/TTr-BCA" heads the first page of each (pdftotext of the files).
    let asked = demo_cookie(&server, FINANCE_MINISTER).await;
    let found = search(&server, &asked, "412/TTr-BCA").await;
    assert_eq!(ballot_groups(&found), 5, "{found:#}");
    assert_eq!(
        ballot_groups(&search(&server, &secretary, "412 ttr bca").await),
        5
    );
    // Not asked: the Prime Minister, the guest, the administrator.
    for who in [PRIME_MINISTER, GUEST, ADMIN] {
        let cookie = demo_cookie(&server, who).await;
        assert_eq!(
            ballot_groups(&search(&server, &cookie, "412/TTr-BCA").await),
            0,
            "{who}"
        );
    }
}

fn asked(q: &str) -> SearchQuery {
    SearchQuery {
        q: q.to_owned(),
        ..SearchQuery::default()
    }
}

fn count(found: &SearchResults, kind: TextKind) -> usize {
    found
        .texts
        .iter()
        .filter(|g| g.kind == kind)
        .map(|g| g.count)
        .sum()
}

async fn comments_conclusions_and_minutes_are_found_by_who_may_read_them(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let meeting = meeting_id(db, REGULAR).await;
    let item = agenda_items(db, meeting).await[0];
    let author = user_id(db, FINANCE_MINISTER).await;
    let now = Utc::now();
    for (body, private) in [
        ("Đề nghị bổ sung số liệu về cảng Liên Chiểu.", false),
        ("Ý kiến riêng về quỹ đất Hòa Xuân.", true),
    ] {
        app::with_db!(db, |pool| {
            sqlx::query(
                "insert into comment (id, agenda_item_id, author_id, secretariat_only, body,
                                      created_at, updated_at)
                 values ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(Uuid::now_v7())
            .bind(item)
            .bind(author)
            .bind(private)
            .bind(body)
            .bind(now)
            .execute(pool)
            .await
            .unwrap();
        });
    }
    let conclusion = "Chính phủ thống nhất thông qua đề án cảng Liên Chiểu giai đoạn hai.";
    let minutes = "Biên bản phiên họp ghi nhận ý kiến các thành viên về quỹ đất ven biển.";
    app::with_db!(db, |pool| {
        sqlx::query("update agenda_item set conclusion = $1, concluded_at = $2 where id = $3")
            .bind(conclusion)
            .bind(now)
            .bind(item)
            .execute(pool)
            .await
            .unwrap();
        sqlx::query(
            "insert into minutes (meeting_id, body, state, updated_at) values ($1, $2, 'draft', $3)",
        )
        .bind(meeting)
        .bind(minutes)
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
    });
    let user = |name: &'static str| current_user(db, name);
    let find = |who: app::identity::model::CurrentUser, q: &'static str| async move {
        app::search::store::search(db, &who, &asked(q))
            .await
            .unwrap()
    };
    let pm = user(PRIME_MINISTER).await;
    let secretary = user(SECRETARY).await;

    // The public comment: whoever sees the item. The private one: its author and the
    // secretariat only.
    let found = find(pm.clone(), "cang lien chieu").await;
    assert_eq!(count(&found, TextKind::Comment), 1);
    let hit = &found
        .texts
        .iter()
        .find(|g| g.kind == TextKind::Comment)
        .unwrap()
        .hits[0];
    assert_eq!(hit.href, format!("/meetings/{meeting}#item-{item}"));
    assert!(hit
        .snippet
        .0
        .contains(&("cảng Liên Chiểu".to_owned(), true)));
    assert_eq!(
        count(
            &find(pm.clone(), "quy dat hoa xuan").await,
            TextKind::Comment
        ),
        0
    );
    assert_eq!(
        count(
            &find(user(FINANCE_MINISTER).await, "quy dat hoa xuan").await,
            TextKind::Comment
        ),
        1
    );
    assert_eq!(
        count(
            &find(secretary.clone(), "quy dat hoa xuan").await,
            TextKind::Comment
        ),
        1
    );

    // Neither the conclusion nor the draft minutes, while the meeting runs and the minutes
    // are drafts: not even the secretariat's search shows what is not final.
    assert_eq!(
        count(
            &find(pm.clone(), "thong qua de an").await,
            TextKind::Conclusion
        ),
        0
    );
    assert_eq!(
        count(
            &find(secretary.clone(), "thong qua de an").await,
            TextKind::Conclusion
        ),
        0
    );
    assert_eq!(
        count(
            &find(pm.clone(), "quy dat ven bien").await,
            TextKind::Minutes
        ),
        0
    );

    // Closed, the minutes final: those invited, and the secretariat.
    app::with_db!(db, |pool| {
        sqlx::query("update meeting set state = 'closed' where id = $1")
            .bind(meeting)
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("update minutes set state = 'final', body_sha256 = $2 where meeting_id = $1")
            .bind(meeting)
            .bind("0".repeat(64))
            .execute(pool)
            .await
            .unwrap();
    });
    let found = find(pm.clone(), "thong qua de an").await;
    assert_eq!(count(&found, TextKind::Conclusion), 1);
    let hit = &found
        .texts
        .iter()
        .find(|g| g.kind == TextKind::Conclusion)
        .unwrap()
        .hits[0];
    assert_eq!(hit.href, format!("/meetings/{meeting}/conclusions"));
    assert_eq!(
        count(
            &find(secretary.clone(), "thong qua de an").await,
            TextKind::Conclusion
        ),
        1
    );
    assert_eq!(
        count(
            &find(pm.clone(), "quy dat ven bien").await,
            TextKind::Minutes
        ),
        1
    );
    // A member not invited, the guest of item 2, the administrator: nothing of either.
    uninvite(db, "Lò Văn Tiến").await;
    for who in ["Lò Văn Tiến", GUEST, ADMIN] {
        let person = user(who).await;
        for (q, kind) in [
            ("thong qua de an", TextKind::Conclusion),
            ("quy dat ven bien", TextKind::Minutes),
            ("cang lien chieu", TextKind::Comment),
        ] {
            assert_eq!(count(&find(person.clone(), q).await, kind), 0, "{who}: {q}");
        }
    }
    // What a hit names is only what the person may see: no document of the meeting either.
    let found = find(user("Lò Văn Tiến").await, "cang lien chieu").await;
    assert!(found.documents.iter().all(|g| g
        .places
        .iter()
        .all(|p| !matches!(p, Place::Item { meeting_id, .. } if *meeting_id == meeting))));
}
