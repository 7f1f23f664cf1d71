//! Ministries' submissions, prepared (both engines): a ministry's officer starts one, its
//! facts checked; it carries documents by the checklist of its kind and is complete only
//! when every required one is there; a document gets new versions; the ministry (officers,
//! minister) and the Government Office see it, another ministry never; the audit record
//! vouches for the facts as saved; the history is append-only.
use app::error::{AppError, BadInput};
use app::submissions::model::SubmissionForm;
use app::submissions::problem::SubmissionProblem;
use reqwest::header::COOKIE;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::*;

on_both_engines!(a_submission_is_prepared_by_its_checklist);

const BTC_OFFICER: &str = "Quách Văn Nam";
const BXD_OFFICER: &str = "Cù Thị Hằng";

fn problem_of<T: std::fmt::Debug>(r: Result<T, AppError>) -> SubmissionProblem {
    match r {
        Err(AppError::BadRequest(BadInput::Submission(p))) => p,
        other => panic!("expected a submission problem, got {other:?}"),
    }
}

async fn a_submission_is_prepared_by_its_checklist(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = &server.state.db;
    let today = app::submissions::store::today();
    let officer = current_user(db, BTC_OFFICER).await;
    let minister = current_user(db, FINANCE_MINISTER).await;
    let office = current_user(db, SECRETARY).await;
    let other = current_user(db, BXD_OFFICER).await;
    let save = |who: &app::identity::model::CurrentUser, form: SubmissionForm| {
        let who = who.clone();
        async move { app::submissions::editing::save(db, &who, None, &form, today).await }
    };
    let form = SubmissionForm {
        kind: "item".into(),
        title: "Đề án phát triển thị trường trái phiếu doanh nghiệp".into(),
        summary: "Trình Chính phủ cho ý kiến.".into(),
        urgent: true,
        session_month: "2099-01".into(),
        presenter_id: minister.id.to_string(),
        presenter_name: String::new(),
    };

    // The facts are checked; only an officer prepares.
    let bad = |f: fn(&mut SubmissionForm)| {
        let mut changed = form.clone();
        f(&mut changed);
        changed
    };
    type Change = fn(&mut SubmissionForm);
    let cases: [(Change, SubmissionProblem); 5] = [
        (|f| f.title = " ".into(), SubmissionProblem::TitleMissing),
        (|f| f.kind = "decree".into(), SubmissionProblem::KindInvalid),
        (
            |f| f.session_month = "2020-01".into(),
            SubmissionProblem::MonthInvalid,
        ),
        (
            |f| f.kind = "ballot".into(),
            SubmissionProblem::MonthInvalid,
        ),
        (
            |f| f.presenter_id = String::new(),
            SubmissionProblem::PresenterInvalid,
        ),
    ];
    for (change, want) in cases {
        assert_eq!(problem_of(save(&officer, bad(change)).await), want);
    }
    // The Prime Minister is a member, but not of Finance.
    let pm = user_id(db, PRIME_MINISTER).await.to_string();
    let mut not_theirs = form.clone();
    not_theirs.presenter_id = pm;
    assert_eq!(
        problem_of(save(&officer, not_theirs).await),
        SubmissionProblem::PresenterInvalid
    );
    for who in [&minister, &office] {
        let denied = save(who, form.clone()).await;
        assert!(matches!(denied, Err(AppError::Forbidden)), "{denied:?}");
    }
    let id = save(&officer, form.clone()).await.unwrap();

    // Who sees it.
    let listed = |who: &app::identity::model::CurrentUser| {
        let who = who.clone();
        async move {
            app::submissions::store::list_for(db, &who)
                .await
                .map(|l| l.iter().any(|s| s.id == id))
        }
    };
    for who in [&officer, &minister, &office] {
        assert!(listed(who).await.unwrap(), "{}", who.full_name);
    }
    assert!(!listed(&other).await.unwrap());
    let hidden = app::submissions::store::view(db, &other, id).await;
    assert!(matches!(hidden, Err(AppError::NotFound)), "{hidden:?}");
    for name in [GUEST, ADMIN, PRIME_MINISTER] {
        let who = current_user(db, name).await;
        assert!(
            matches!(listed(&who).await, Err(AppError::Forbidden)),
            "{name}"
        );
    }

    // The checklist of an item: four required documents and an optional annex.
    let view = app::submissions::store::view(db, &officer, id)
        .await
        .unwrap();
    let codes: Vec<(&str, bool, bool)> = view
        .checklist
        .iter()
        .map(|(r, present)| (r.code.as_str(), r.required, *present))
        .collect();
    assert_eq!(
        codes,
        [
            ("letter", true, false),
            ("draft", true, false),
            ("appraisal", true, false),
            ("opinions", true, false),
            ("annex", false, false),
        ]
    );
    assert!(view.may_edit);
    assert!(!app::submissions::model::complete(&view.checklist));

    // Documents through the upload route, each answering an entry.
    let (pdf, _) = demo_pdf("bao-cao-chinh-phu-so.txt");
    let cookie = demo_cookie(&server, BTC_OFFICER).await;
    let upload_to = |cookie: String, requirement: &str| {
        let query = format!("submission={id}&requirement={requirement}&name={requirement}.pdf");
        let pdf = pdf.clone();
        let server = &server;
        async move { upload(server, &cookie, &query, pdf).await }
    };
    let mut letter = String::new();
    for code in ["letter", "draft", "appraisal"] {
        let (status, body) = upload_to(cookie.clone(), code).await;
        assert_eq!(status, 200, "{body}");
        if code == "letter" {
            let answer: Value = serde_json::from_str(&body).unwrap();
            letter = answer["document_id"].as_str().unwrap().to_owned();
        }
    }
    let (status, body) = upload_to(cookie.clone(), "nonsense").await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = upload_to(demo_cookie(&server, BXD_OFFICER).await, "annex").await;
    assert_eq!(status, 404);
    let (status, _) = upload_to(demo_cookie(&server, SECRETARY).await, "annex").await;
    assert_eq!(status, 403);
    let view = app::submissions::store::view(db, &officer, id)
        .await
        .unwrap();
    assert!(
        !app::submissions::model::complete(&view.checklist),
        "opinions missing"
    );
    let (status, body) = upload_to(cookie.clone(), "opinions").await;
    assert_eq!(status, 200, "{body}");
    let view = app::submissions::store::view(db, &officer, id)
        .await
        .unwrap();
    assert!(app::submissions::model::complete(&view.checklist));

    // A new version of the letter; the ministry and the Office read it, another ministry not.
    let (status, body) = upload(
        &server,
        &cookie,
        &format!("document={letter}&name=letter-2.pdf"),
        pdf.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer["version_no"], 2);
    for (name, want) in [
        (FINANCE_MINISTER, 200),
        (SECRETARY, 200),
        (BTC_OFFICER, 200),
        (BXD_OFFICER, 404),
    ] {
        let status = client()
            .get(format!("{}/documents/{letter}/file", server.base))
            .header(COOKIE, demo_cookie(&server, name).await)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status.as_u16(), want, "{name}");
    }

    // The audit record vouches for the facts as saved, written out by hand.
    let said = format!(
        "kind=item\ntitle=Đề án phát triển thị trường trái phiếu doanh nghiệp\n\
         summary=Trình Chính phủ cho ý kiến.\nurgent=true\nsession=2099-01\npresenter={}",
        minister.id
    );
    let want = format!("sha256={}", hex::encode(Sha256::digest(said.as_bytes())));
    let (detail,): (Option<String>,) = app::with_db!(db, |pool| {
        sqlx::query_as("select detail from audit_event where subject_id = $1 and event = $2")
            .bind(id)
            .bind("submission.saved")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert_eq!(detail.as_deref(), Some(want.as_str()));
    let removed = app::with_db!(db, |pool| {
        sqlx::query("delete from submission_event")
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    });
    assert!(removed.is_err(), "the history is append-only");
}
