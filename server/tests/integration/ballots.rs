//! Written-opinion ballots on both engines: the secretariat creates and sends a ballot;
//! members answer with passkey-signed answers (and may change them); the secretariat enters a
//! paper answer, closes the ballot; the result follows the rules; the verifier re-checks
//! everything and catches tampering. Expected tallies are worked out by hand in comments.
use app::ballots::model::BallotDraft;
use reqwest::header::COOKIE;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::common::authenticator::SoftAuthenticator;
use crate::common::meetings::*;
use crate::common::*;

on_both_engines!(a_ballot_is_answered_with_signatures_closed_counted_and_verified,);

pub const THIRD_MEMBER: &str = "Lò Văn Tiến";
pub const NOT_ASKED: &str = "Giang Hữu Phúc";

/// Give `name` a passkey held by `auth` (through an enrolment link).
pub async fn enrol(server: &TestServer, name: &str, auth: &mut SoftAuthenticator) {
    let id = user_id(&server.state.db, name).await;
    let token = app::identity::passkeys::create_enrolment(&server.state.db, id, None)
        .await
        .unwrap();
    let (status, body) = call_form(server, "", "enrol_start", &[("token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    let started = json_of(&body);
    let credential = auth.register(&started["options"]);
    let (status, body) = call_json(
        server,
        "",
        "enrol_finish",
        json!({"token": token, "ceremony": started["ceremony"], "credential": credential, "name": "Máy tính bảng"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

/// Sign `choice` with `auth` and send it; `sent_choice` lets a test send something other
/// than what was signed. Returns (status, body) of the answer.
pub async fn answer(
    server: &TestServer,
    cookie: &str,
    auth: &mut SoftAuthenticator,
    ballot: Uuid,
    (choice, text): (&str, &str),
    sent_choice: &str,
) -> (u16, String) {
    let id = ballot.to_string();
    let (status, body) = call_form(
        server,
        cookie,
        "ballot_sign_start",
        &[
            ("id", &id),
            ("choice", choice),
            ("text", text),
            ("comment", ""),
        ],
    )
    .await;
    if status != 200 {
        return (status, body);
    }
    let started = json_of(&body);
    let credential = auth.assert(&started["options"]);
    call_json(
        server,
        cookie,
        "ballot_answer",
        json!({"id": id, "nonce": started["nonce"], "choice": sent_choice, "text": text, "comment": "", "credential": credential}),
    )
    .await
}

/// The secretariat enters a paper "agree" for `member` (a fresh form each time).
pub async fn paper_agree(
    server: &TestServer,
    secretary: &str,
    ballot: &str,
    member: Uuid,
) -> (u16, String) {
    let member = member.to_string();
    let key = Uuid::now_v7().to_string();
    call_form(
        server,
        secretary,
        "ballot_paper_answer",
        &[
            ("id", ballot),
            ("member_id", &member),
            ("choice", "Agree"),
            ("text", ""),
            ("comment", ""),
            ("form_key", &key),
        ],
    )
    .await
}

async fn answers_of(db: &app::db::Db, ballot: Uuid, member: Uuid) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from ballot_answer where ballot_id = $1 and user_id = $2")
            .bind(ballot)
            .bind(member)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    n
}

pub async fn verify(server: &TestServer) -> app::ballots::verify::Report {
    let rp_id = url::Url::parse(&server.base)
        .unwrap()
        .host_str()
        .unwrap()
        .to_owned();
    app::ballots::verify::verify_ballots(
        &server.state.db,
        &app::ballots::answers::RelyingParty {
            origin: &server.base,
            rp_id: &rp_id,
        },
    )
    .await
    .unwrap()
}

async fn exec(db: &app::db::Db, sql: &str, id: Uuid) {
    app::with_db!(db, |pool| sqlx::query(sql)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
}

async fn a_ballot_is_answered_with_signatures_closed_counted_and_verified(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let pm = user_id(&db, PRIME_MINISTER).await;
    let finance = user_id(&db, FINANCE_MINISTER).await;
    let third = user_id(&db, THIRD_MEMBER).await;
    let mut pm_key = SoftAuthenticator::new(&server.base, 21);
    let mut finance_key = SoftAuthenticator::new(&server.base, 22);
    enrol(&server, PRIME_MINISTER, &mut pm_key).await;
    enrol(&server, FINANCE_MINISTER, &mut finance_key).await;
    let pm_cookie = demo_cookie(&server, PRIME_MINISTER).await;
    let finance_cookie = demo_cookie(&server, FINANCE_MINISTER).await;
    let outsider = demo_cookie(&server, NOT_ASKED).await;

    // The demo's open ballot has a draft decree: every member asked reads it in the reader
    // (which leads back to the ballot); a guest does not see it.
    let (demo_ballot, decree): (Uuid, Uuid) = app::with_db!(&db, |pool| {
        sqlx::query_as("select ballot_id, id from document where ballot_id is not null limit 1")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let decree = decree.to_string();
    let (status, body) = call_form(
        &server,
        &finance_cookie,
        "reader_open",
        &[("document_id", &decree)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        json_of(&body)["back_href"],
        format!("/ballots/{demo_ballot}")
    );
    let guest = demo_cookie(&server, GUEST).await;
    let (status, _) = call_form(&server, &guest, "reader_open", &[("document_id", &decree)]).await;
    assert_eq!(status, 404);

    // The secretariat creates a draft for three members; nobody else sees it yet.
    let draft = BallotDraft {
        title: "Dự thảo Nghị định về quản lý thuế điện tử".to_owned(),
        question: "Đề nghị cho ý kiến về việc ban hành Nghị định.".to_owned(),
        deadline: "2030-12-31T17:00".to_owned(),
        eligible: vec![pm, finance, third],
        reminder_hours: vec![24, 2],
        results_to_members: true,
    };
    let (status, body) = call_json(
        &server,
        &secretary,
        "ballot_create",
        json!({"draft": draft}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let ballot: Uuid = serde_json::from_str(&body).unwrap();
    let id = ballot.to_string();
    let (status, _) = call_form(&server, &finance_cookie, "ballot", &[("id", &id)]).await;
    assert_eq!(status, 404, "a draft is the secretariat's");
    // A deadline in the past is refused, in Vietnamese.
    let mut past = draft.clone();
    past.deadline = "2020-01-01T08:00".to_owned();
    let (status, body) =
        call_json(&server, &secretary, "ballot_create", json!({"draft": past})).await;
    assert_eq!(status, 400);
    assert!(
        vi(&body).contains("Thời hạn trả lời không hợp lệ"),
        "{body}"
    );

    // A draft decree for the members to read, through the upload route (drafts only).
    let (pdf, pages) = demo_pdf("de-an-ha-tang-du-lieu-quoc-gia.txt");
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("ballot={ballot}&name=Du_thao_Nghi_dinh.pdf"),
        pdf.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let decree_of_ballot = json_of(&body)["document_id"].as_str().unwrap().to_owned();
    assert_eq!(json_of(&body)["page_count"], pages);
    // A second one, uploaded by mistake and removed while the ballot is a draft.
    let (_, body) = upload(
        &server,
        &secretary,
        &format!("ballot={ballot}&name=Nham.pdf"),
        pdf.clone(),
    )
    .await;
    let mistake = json_of(&body)["document_id"].as_str().unwrap().to_owned();
    let (status, body) =
        call_form(&server, &secretary, "document_remove", &[("id", &mistake)]).await;
    assert_eq!(status, 200, "{body}");

    // Open pages: a member asked hears of the ballot; one not asked never does.
    let mut finance_page = open_live(&server, &finance_cookie, None).await;
    let mut outsider_page = open_live(&server, &outsider, None).await;
    let (status, body) = call_form(&server, &secretary, "ballot_send", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    let heard = finance_page
        .next(std::time::Duration::from_secs(5))
        .await
        .expect("the member asked hears of the ballot");
    assert_eq!(heard.name, "ballot");
    assert_eq!(heard.data, format!("{{\"ballot_id\":\"{ballot}\"}}"));
    assert_eq!(
        outsider_page
            .next_name(std::time::Duration::from_millis(500))
            .await,
        None
    );
    let (status, body) = call_form(&server, &finance_cookie, "ballot", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json_of(&body)["may_answer"], true);
    assert_eq!(
        json_of(&body)["documents"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(json_of(&body)["documents"][0]["title"], "Du thao Nghi dinh");
    // Once sent, what members are asked about is fixed: no more documents, none removed.
    let (status, _) = call_form(
        &server,
        &secretary,
        "document_remove",
        &[("id", &decree_of_ballot)],
    )
    .await;
    assert_eq!(status, 400);
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("ballot={ballot}&name=Khac.pdf"),
        pdf,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = call_form(
        &server,
        &finance_cookie,
        "reader_open",
        &[("document_id", &decree_of_ballot)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = call_form(
        &server,
        &outsider,
        "reader_open",
        &[("document_id", &decree_of_ballot)],
    )
    .await;
    assert_eq!(status, 404);
    // A member not asked does not see it, and cannot answer it.
    let (status, _) = call_form(&server, &outsider, "ballot", &[("id", &id)]).await;
    assert_eq!(status, 404);
    let (status, _) = call_form(
        &server,
        &outsider,
        "ballot_sign_start",
        &[
            ("id", &id),
            ("choice", "Agree"),
            ("text", ""),
            ("comment", ""),
        ],
    )
    .await;
    assert_eq!(status, 404);

    // "Other opinion" needs its text.
    let (status, body) = answer(
        &server,
        &finance_cookie,
        &mut finance_key,
        ballot,
        ("Other", " "),
        "Other",
    )
    .await;
    assert_eq!(status, 400);
    assert!(vi(&body).contains("cần ghi rõ ý kiến"), "{body}");
    // A signature over "agree" does not carry "disagree".
    let (status, body) = answer(
        &server,
        &finance_cookie,
        &mut finance_key,
        ballot,
        ("Agree", ""),
        "Disagree",
    )
    .await;
    assert_eq!(status, 400);
    assert!(vi(&body).contains("khóa truy cập không hợp lệ"), "{body}");
    assert_eq!(answers_of(&db, ballot, finance).await, 0);

    // The finance minister agrees, then changes to another opinion; both are kept.
    let (status, body) = answer(
        &server,
        &finance_cookie,
        &mut finance_key,
        ballot,
        ("Agree", ""),
        "Agree",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // Sending the very same signed answer again is the same answer.
    let started = json_of(
        &call_form(
            &server,
            &finance_cookie,
            "ballot_sign_start",
            &[
                ("id", &id),
                ("choice", "Disagree"),
                ("text", ""),
                ("comment", ""),
            ],
        )
        .await
        .1,
    );
    let credential = finance_key.assert(&started["options"]);
    let signed = json!({"id": id, "nonce": started["nonce"], "choice": "Disagree", "text": "", "comment": "", "credential": credential});
    for _ in 0..2 {
        let (status, body) =
            call_json(&server, &finance_cookie, "ballot_answer", signed.clone()).await;
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(answers_of(&db, ballot, finance).await, 2);
    let other = "Cần bổ sung đánh giá tác động đối với doanh nghiệp nhỏ";
    let (status, body) = answer(
        &server,
        &finance_cookie,
        &mut finance_key,
        ballot,
        ("Other", other),
        "Other",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(answers_of(&db, ballot, finance).await, 3);
    // The Prime Minister disagrees.
    let (status, body) = answer(
        &server,
        &pm_cookie,
        &mut pm_key,
        ballot,
        ("Disagree", ""),
        "Disagree",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // The third member answered on paper: entered by the secretariat, twice by mistake.
    let form_key = Uuid::now_v7().to_string();
    for _ in 0..2 {
        let (status, body) = call_form(
            &server,
            &secretary,
            "ballot_paper_answer",
            &[
                ("id", &id),
                ("member_id", &third.to_string()),
                ("choice", "Agree"),
                ("text", ""),
                ("comment", "Đã ký trên giấy"),
                ("form_key", &form_key),
            ],
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(answers_of(&db, ballot, third).await, 1);
    // Members see no one else's answer while the ballot is open.
    let seen = json_of(
        &call_form(&server, &finance_cookie, "ballot", &[("id", &id)])
            .await
            .1,
    );
    assert_eq!(seen["result"], Value::Null);
    assert_eq!(seen["eligible"], json!([]));
    assert_eq!(seen["mine"]["choice"], "Other");

    let (status, body) = call_form(&server, &secretary, "ballot_close", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    // By hand: N = 3; agree 1 (paper), disagree 1 (PM), other 1 (finance: its last answer).
    // Neither side has more than 3/2; a tie, and the Prime Minister disagreed: rejected.
    let seen = json_of(
        &call_form(&server, &finance_cookie, "ballot", &[("id", &id)])
            .await
            .1,
    );
    let result = &seen["result"];
    assert_eq!(
        result["tally"],
        json!({"eligible": 3, "agree": 1, "disagree": 1, "other": 1, "prime_minister": "Disagree"})
    );
    assert_eq!(result["outcome"], "Rejected");
    assert_eq!(
        result["others"],
        json!([{"full_name": FINANCE_MINISTER, "text": other}])
    );
    assert_eq!(result["not_answered"], json!([]));
    // Too late now.
    let (status, body) = answer(
        &server,
        &pm_cookie,
        &mut pm_key,
        ballot,
        ("Agree", ""),
        "Agree",
    )
    .await;
    assert_eq!(status, 400);
    assert!(vi(&body).contains("không còn mở"), "{body}");

    // The summary as CSV, for the secretariat only.
    let csv_url = format!("{}/ballots/{id}/summary.csv", server.base);
    let response = client()
        .get(&csv_url)
        .header(COOKIE, &secretary)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let csv = response.text().await.unwrap();
    assert!(
        csv.contains(&format!("{FINANCE_MINISTER},Ý kiến khác,{other},")),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{THIRD_MEMBER},Đồng ý,,Đã ký trên giấy")),
        "{csv}"
    );
    assert!(csv.contains("Kết quả,Không thông qua"), "{csv}");
    let response = client()
        .get(&csv_url)
        .header(COOKIE, &finance_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);

    // The verifier: 5 answers (finance 3, PM 1, paper 1), 4 of them signed; all hold.
    let report = verify(&server).await;
    assert_eq!(
        (report.answers, report.signed, report.closed_ballots),
        (5, 4, 1)
    );
    assert_eq!(report.mismatches, vec![]);

    // A choice changed directly in the database.
    let (pm_answer,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from ballot_answer where ballot_id = $1 and user_id = $2")
            .bind(ballot)
            .bind(pm)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    exec(
        &db,
        "update ballot_answer set choice = 'agree' where id = $1",
        pm_answer,
    )
    .await;
    let problems: Vec<_> = verify(&server).await.mismatches;
    assert!(
        problems
            .iter()
            .any(|m| m.answer == Some(pm_answer) && m.problem.contains("hash")),
        "{problems:?}"
    );
    // The stored result no longer matches the answers either (agree 2, disagree 0).
    assert!(problems.iter().any(|m| m.answer.is_none()), "{problems:?}");
    exec(
        &db,
        "update ballot_answer set choice = 'disagree' where id = $1",
        pm_answer,
    )
    .await;
    assert_eq!(verify(&server).await.mismatches, vec![]);

    // A forged signature (one bit of it changed).
    let (signature,): (Vec<u8>,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select signature from ballot_answer where id = $1")
            .bind(pm_answer)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let mut forged = signature.clone();
    let last = forged.len() - 1;
    forged[last] ^= 1;
    app::with_db!(&db, |pool| sqlx::query(
        "update ballot_answer set signature = $1 where id = $2"
    )
    .bind(&forged)
    .bind(pm_answer)
    .execute(pool)
    .await
    .map(|_| ()))
    .unwrap();
    let problems = verify(&server).await.mismatches;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].problem.contains("signature"), "{problems:?}");
    app::with_db!(&db, |pool| sqlx::query(
        "update ballot_answer set signature = $1 where id = $2"
    )
    .bind(&signature)
    .bind(pm_answer)
    .execute(pool)
    .await
    .map(|_| ()))
    .unwrap();

    // An answer copied to another ballot (where the PM is asked too).
    let (status, body) = call_json(
        &server,
        &secretary,
        "ballot_create",
        json!({"draft": draft}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let second: Uuid = serde_json::from_str(&body).unwrap();
    call_form(
        &server,
        &secretary,
        "ballot_send",
        &[("id", &second.to_string())],
    )
    .await;
    let copy = Uuid::now_v7();
    app::with_db!(&db, |pool| {
        sqlx::query(
        "insert into ballot_answer (id, ballot_id, user_id, choice, other_text, comment, entered_by,
             answered_at, answer_sha256, nonce, credential_id, client_data_json, authenticator_data,
             signature, request_key)
         select $1, $2, user_id, choice, other_text, comment, entered_by, answered_at,
                answer_sha256, nonce, credential_id, client_data_json, authenticator_data,
                signature, 'copied'
         from ballot_answer where id = $3"
    )
    .bind(copy)
    .bind(second)
    .bind(pm_answer)
    .execute(pool)
    .await
    .map(|_| ())
    })
    .unwrap();
    let problems = verify(&server).await.mismatches;
    assert!(
        problems
            .iter()
            .any(|m| m.answer == Some(copy) && m.problem.contains("hash")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|m| m.answer == Some(copy) && m.problem.contains("audit")),
        "{problems:?}"
    );
    assert!(
        problems.iter().all(|m| m.answer == Some(copy)),
        "{problems:?}"
    );
}
