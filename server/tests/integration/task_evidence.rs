//! A report's evidence, on both engines, through the routes a browser uses: an officer
//! uploads a PDF to a task, names it in a completion report, and from then on whoever sees
//! the task reads it — before that, nobody but the uploader. Another ministry, the Office and
//! the leaders cannot add evidence; a file cannot be carried twice or by someone else's
//! report; the report's audit record vouches for the file's SHA-256.
use app::tasks::model::{EventKind, TaskForm};
use chrono::Duration;
use reqwest::header::COOKIE;
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::*;

on_both_engines!(evidence_is_the_reporters_until_a_report_carries_it);

const BTC_OFFICER: &str = "Quách Văn Nam";
const BXD_OFFICER: &str = "Cù Thị Hằng";
const BNG_OFFICER: &str = "Lâm Thị Thu";

/// A PDF `uploader` added to `task`, stored as the upload route stores it (for tests of what
/// comes after the upload); its document id.
pub async fn stored_evidence(db: &app::db::Db, task: Uuid, uploader: Uuid) -> Uuid {
    let (pdf, pages) = demo_pdf("bao-cao-chinh-phu-so.txt");
    let mut tx = db.begin().await.unwrap();
    let id = app::documents::store::add_document(
        &mut tx,
        app::documents::store::NewDocument {
            agenda_item_id: None,
            ballot_id: None,
            task_id: Some(task),
            submission_id: None,
            title: "Minh chứng",
            position: 1,
            file_name: "minh-chung.pdf",
            bytes: &pdf,
            page_count: Some(i64::from(pages)),
            uploaded_by: Some(uploader),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn file_status(server: &TestServer, cookie: &str, document: &str) -> u16 {
    client()
        .get(format!("{}/documents/{document}/file", server.base))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn report(server: &TestServer, cookie: &str, task: Uuid, files: &str) -> (u16, String) {
    let task = task.to_string();
    let form = [
        ("id", task.as_str()),
        ("kind", "completion"),
        ("body", "Đã trình Thủ tướng ký ban hành"),
        ("percent", ""),
        ("attachments", files),
    ];
    call_form(server, cookie, "task_report", &form).await
}

async fn evidence_is_the_reporters_until_a_report_carries_it(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = &server.state.db;
    let today = app::tasks::store::today();
    let office = current_user(db, SECRETARY).await;
    let form = TaskForm {
        text: "Trình Chính phủ Nghị định về hóa đơn điện tử".to_owned(),
        source: "manual".to_owned(),
        lead: "BTC".to_owned(),
        coordinators: "BXD".to_owned(),
        deadline: (today + Duration::days(20)).to_string(),
        ..TaskForm::default()
    };
    let task = app::tasks::editing::assign(db, &office, &form, today)
        .await
        .unwrap();
    let [btc, bxd, bng, secretary, minister, pm, guest] = [
        BTC_OFFICER,
        BXD_OFFICER,
        BNG_OFFICER,
        SECRETARY,
        FINANCE_MINISTER,
        PRIME_MINISTER,
        GUEST,
    ];
    let mut cookies = std::collections::HashMap::new();
    for name in [btc, bxd, bng, secretary, minister, pm, guest] {
        cookies.insert(name, demo_cookie(&server, name).await);
    }
    let (pdf, pages) = demo_pdf("bao-cao-chinh-phu-so.txt");
    let query = format!("task={task}&name=bao-cao-ket-qua.pdf");

    // Only the officers of the task's ministries add evidence: another ministry's does not
    // see the task; the Office, the Prime Minister and the minister report nothing; a guest
    // sees no tasks at all.
    for (who, want) in [
        (bng, 404),
        (secretary, 403),
        (pm, 403),
        (minister, 403),
        (guest, 403),
    ] {
        let (status, body) = upload(&server, &cookies[who], &query, pdf.clone()).await;
        assert_eq!(status, want, "{who}: {body}");
    }
    let (status, body) = upload(&server, &cookies[btc], &query, b"not a PDF".to_vec()).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = upload(&server, &cookies[btc], &query, pdf.clone()).await;
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    let mine = answer["document_id"].as_str().unwrap().to_owned();
    assert_eq!(answer["page_count"], u64::from(pages));
    let (status, body) = upload(&server, &cookies[bxd], &query, pdf.clone()).await;
    assert_eq!(status, 200, "{body}");
    let theirs: Value = serde_json::from_str(&body).unwrap();
    let theirs = theirs["document_id"].as_str().unwrap().to_owned();

    // Not carried yet: the uploader's alone.
    assert_eq!(file_status(&server, &cookies[btc], &mine).await, 200);
    for who in [bxd, secretary, minister, pm, bng] {
        assert_eq!(
            file_status(&server, &cookies[who], &mine).await,
            404,
            "{who}"
        );
    }

    // A completion needs evidence, the reporter's own, and the lead's report carries it.
    let (status, body) = report(&server, &cookies[btc], task, "").await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("EvidenceMissing"), "{body}");
    let (status, body) = report(&server, &cookies[btc], task, &theirs).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("AttachmentInvalid"), "{body}");
    let (status, body) = report(&server, &cookies[btc], task, "không-phải-mã").await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = report(&server, &cookies[btc], task, &mine).await;
    assert_eq!(status, 200, "{body}");

    // Carried: whoever sees the task reads it (the coordinator too); another ministry not.
    for who in [btc, bxd, secretary, minister, pm] {
        assert_eq!(
            file_status(&server, &cookies[who], &mine).await,
            200,
            "{who}"
        );
    }
    assert_eq!(file_status(&server, &cookies[bng], &mine).await, 404);
    assert_eq!(file_status(&server, &cookies[guest], &mine).await, 404);

    // The page lists it on the completion; the record vouches for the file's hash.
    let view = app::tasks::store::view(db, &office, task, today)
        .await
        .unwrap();
    let completion = view
        .events
        .iter()
        .find(|e| e.kind == EventKind::Completion)
        .unwrap();
    assert_eq!(completion.attachments.len(), 1);
    assert_eq!(completion.attachments[0].document_id.to_string(), mine);
    assert_eq!(completion.attachments[0].file_name, "bao-cao-ket-qua.pdf");
    let said = format!(
        "kind=completion\npercent=100\nbody=Đã trình Thủ tướng ký ban hành\nfiles={}",
        hex::encode(Sha256::digest(&pdf))
    );
    let want = format!("sha256={}", hex::encode(Sha256::digest(said.as_bytes())));
    let (detail,): (Option<String>,) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select detail from audit_event where subject_id = $1 and event = 'task.reported'",
        )
        .bind(task)
        .fetch_one(pool)
        .await
        .unwrap()
    });
    assert_eq!(detail.as_deref(), Some(want.as_str()));

    // Returned, the same file cannot be carried again; what a report carried stays.
    app::tasks::reports::decide(db, &office, task, false, "Thiếu phụ lục", today)
        .await
        .unwrap();
    let (status, body) = report(&server, &cookies[btc], task, &mine).await;
    assert_eq!(status, 400, "{body}");
    let removed = app::with_db!(db, |pool| {
        sqlx::query("delete from task_attachment")
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    });
    assert!(removed.is_err(), "evidence is append-only");
}
