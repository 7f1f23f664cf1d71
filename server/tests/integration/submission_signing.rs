//! The minister signs and sends a submission (both engines), as ballot answers are signed:
//! only a Government member of the ministry, only a complete file, only with their own
//! passkey over the submission as it stands; the nonce works once; the signature is kept with
//! the text signed, and the verifier re-checks it — and catches a document changed after
//! signing.
use app::submissions::model::{SubmissionForm, SubmissionState};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::ballots::enrol;
use crate::common::authenticator::SoftAuthenticator;
use crate::common::meetings::json_of;
use crate::common::*;

on_both_engines!(the_minister_signs_and_the_verifier_rechecks);

const BTC_OFFICER: &str = "Quách Văn Nam";

/// Ask to sign the file at the revision it has now (as the page shows it).
async fn start(server: &TestServer, cookie: &str, id: Uuid) -> (u16, String) {
    let (revision,): (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select revision from submission where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap()
    });
    start_at(server, cookie, id, revision).await
}

async fn start_at(server: &TestServer, cookie: &str, id: Uuid, revision: i64) -> (u16, String) {
    let (id, revision) = (id.to_string(), revision.to_string());
    let form = [("id", id.as_str()), ("revision", revision.as_str())];
    call_form(server, cookie, "submission_send_start", &form).await
}

async fn finish(
    server: &TestServer,
    cookie: &str,
    id: Uuid,
    nonce: &Value,
    credential: Value,
) -> (u16, String) {
    call_json(
        server,
        cookie,
        "submission_send",
        json!({"id": id.to_string(), "nonce": nonce, "credential": credential}),
    )
    .await
}

async fn verify(server: &TestServer) -> app::submissions::verify::Report {
    let rp_id = url::Url::parse(&server.base)
        .unwrap()
        .host_str()
        .unwrap()
        .to_owned();
    let party = app::ballots::answers::RelyingParty {
        origin: &server.base,
        rp_id: &rp_id,
    };
    app::submissions::verify::verify_submissions(&server.state.db, &party)
        .await
        .unwrap()
}

async fn the_minister_signs_and_the_verifier_rechecks(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = &server.state.db;
    let officer = current_user(db, BTC_OFFICER).await;
    let minister_id = user_id(db, FINANCE_MINISTER).await;
    let form = SubmissionForm {
        kind: "ballot".into(),
        title: "Dự thảo Nghị định về hóa đơn điện tử".into(),
        summary: String::new(),
        urgent: false,
        session_month: String::new(),
        presenter_id: minister_id.to_string(),
        presenter_name: String::new(),
    };
    let today = app::submissions::store::today();
    let id = app::submissions::editing::save(db, &officer, None, &form, today)
        .await
        .unwrap();
    let officer_cookie = demo_cookie(&server, BTC_OFFICER).await;
    let minister = demo_cookie(&server, FINANCE_MINISTER).await;
    let (pdf, _) = demo_pdf("bao-cao-chinh-phu-so.txt");

    // A ballot's file needs the letter and the draft: with the letter only, it cannot go.
    let letter = format!("submission={id}&requirement=letter&name=to-trinh.pdf");
    assert_eq!(
        upload(&server, &officer_cookie, &letter, pdf.clone())
            .await
            .0,
        200
    );
    let (status, body) = start(&server, &minister, id).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("DocumentMissing"), "{body}");
    let draft = format!("submission={id}&requirement=draft&name=du-thao.pdf");
    let (status, body) = upload(&server, &officer_cookie, &draft, pdf.clone()).await;
    assert_eq!(status, 200, "{body}");
    let draft_doc: Value = serde_json::from_str(&body).unwrap();
    let draft_doc = draft_doc["document_id"].as_str().unwrap().to_owned();
    // No passkey yet: nothing to sign with.
    let (status, body) = start(&server, &minister, id).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("NoPasskey"), "{body}");
    let mut key = SoftAuthenticator::new(&server.base, 61);
    enrol(&server, FINANCE_MINISTER, &mut key).await;

    // Only the ministry's Government member signs: not its officer, not the Office, not
    // another ministry's minister (who does not see it).
    for (who, want) in [(BTC_OFFICER, 403), (SECRETARY, 403), ("Lò Văn Tiến", 404)] {
        let (status, body) = start(&server, &demo_cookie(&server, who).await, id).await;
        assert_eq!(status, want, "{who}: {body}");
    }
    // The minister signs the revision they reviewed: an older one is refused.
    let (status, body) = start_at(&server, &minister, id, 1).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("Changed"), "{body}");
    let (status, body) = start(&server, &minister, id).await;
    assert_eq!(status, 200, "{body}");
    let started = json_of(&body);

    // The file changes between the request and the signature: refused (sign again).
    let annex = format!("submission={id}&requirement=opinions&name=y-kien.pdf");
    assert_eq!(
        upload(&server, &officer_cookie, &annex, pdf.clone())
            .await
            .0,
        200
    );
    let credential = key.assert(&started["options"]);
    let (status, body) = finish(&server, &minister, id, &started["nonce"], credential).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("SignatureInvalid"), "{body}");

    // Signed as it stands: sent. The nonce works once.
    let (status, body) = start(&server, &minister, id).await;
    assert_eq!(status, 200, "{body}");
    let started = json_of(&body);
    let credential = key.assert(&started["options"]);
    let (status, body) = finish(
        &server,
        &minister,
        id,
        &started["nonce"],
        credential.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = finish(&server, &minister, id, &started["nonce"], credential).await;
    assert_eq!(status, 400, "sent already: {body}");
    let view = app::submissions::store::view(db, &officer, id)
        .await
        .unwrap();
    assert_eq!(view.submission.state, SubmissionState::Sent);
    assert!(!view.may_edit, "a sent file is the Office's to check");
    // Nothing more can be added once sent.
    assert_eq!(
        upload(&server, &officer_cookie, &annex, pdf.clone())
            .await
            .0,
        400
    );

    // The record: what was signed, and its hash in the audit chain.
    let (canonical, digest): (String, String) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select canonical, canonical_sha256 from submission_signature
             where submission_id = $1",
        )
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
    });
    assert!(
        canonical.starts_with("[\"ecabinet-submission-v1\""),
        "{canonical}"
    );
    assert!(canonical.contains(&draft_doc), "{canonical}");
    let (detail,): (Option<String>,) = app::with_db!(db, |pool| {
        sqlx::query_as("select detail from audit_event where subject_id = $1 and event = $2")
            .bind(id)
            .bind("submission.sent")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert_eq!(detail, Some(digest));
    let report = verify(&server).await;
    assert_eq!((report.signed, report.mismatches.len()), (1, 0));

    // Someone with database access points the draft at another file: the verifier sees it.
    let mut tx = db.begin().await.unwrap();
    let other = app::documents::store::store_blob(&mut tx, b"%PDF-1.4 another file")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    app::with_db!(db, |pool| {
        sqlx::query("update document_version set blob_sha256 = $1 where document_id = $2")
            .bind(&other)
            .bind(Uuid::parse_str(&draft_doc).unwrap())
            .execute(pool)
            .await
            .unwrap();
    });
    let report = verify(&server).await;
    assert_eq!(
        report.mismatches,
        [(id, "a document changed after it was signed".to_owned())]
    );

    // Someone with database access marks another submission sent: no signature, caught.
    let forged = app::submissions::editing::save(db, &officer, None, &form, today)
        .await
        .unwrap();
    app::with_db!(db, |pool| {
        sqlx::query("update submission set state = 'sent' where id = $1")
            .bind(forged)
            .execute(pool)
            .await
            .unwrap();
    });
    let report = verify(&server).await;
    assert!(
        report
            .mismatches
            .contains(&(forged, "sent without a signature for each send".to_owned())),
        "{:?}",
        report.mismatches
    );
}
