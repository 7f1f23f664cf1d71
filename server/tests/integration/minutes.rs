//! The minutes of a meeting, on both engines: drafted from what was recorded, hidden from
//! members until final, edited by the secretariat, approved by the chair (only), finalised
//! (locked, SHA-256 kept, audited; conclusions can no longer change), exported as PDF whose
//! text poppler reads back with the font embedded; the conclusions notice likewise.
use std::process::Command;

use crate::common::meetings::*;
use crate::common::*;
use app::room::model::RoomAct;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

on_both_engines!(minutes_are_drafted_approved_finalised_and_exported);

const CONCLUSION: &str = "Chính phủ thống nhất đánh giá tình hình kinh tế - xã hội tháng 11; giao Bộ Tài chính hoàn thiện báo cáo.";

async fn act(server: &TestServer, cookie: &str, meeting: Uuid, act: RoomAct) -> u16 {
    let (status, body) = room_act(server, cookie, meeting, act).await;
    assert!(status == 200 || status == 400, "{status} {body}");
    status
}

async fn minutes(server: &TestServer, cookie: &str, meeting: Uuid) -> (u16, Value) {
    let id = meeting.to_string();
    let (status, body) = call_form(server, cookie, "minutes", &[("meeting_id", &id)]).await;
    (
        status,
        if status == 200 {
            json_of(&body)
        } else {
            Value::Null
        },
    )
}

/// The text poppler reads from a PDF, and its font table.
fn poppler(bytes: &[u8]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.pdf");
    std::fs::write(&path, bytes).unwrap();
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let fonts = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    (
        String::from_utf8(text.stdout).unwrap(),
        String::from_utf8(fonts.stdout).unwrap(),
    )
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn get_pdf(server: &TestServer, cookie: &str, path: &str) -> (u16, Vec<u8>) {
    let response = client()
        .get(format!("{}{path}", server.base))
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

async fn minutes_are_drafted_approved_finalised_and_exported(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let items: Vec<(Uuid, String)> = app::with_db!(&db, |pool| {
        sqlx::query_as("select id, title from agenda_item where meeting_id = $1 order by position")
            .bind(regular)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let guest = demo_cookie(&server, GUEST).await;

    // Item 1 has a member wishing to speak; the other seven go in the consent block.
    assert_eq!(
        set_position(&server, &member, items[0].0, "Speak", "").await,
        200
    );

    // No minutes before the meeting has closed.
    assert_eq!(minutes(&server, &secretary, regular).await.0, 400);

    assert_eq!(act(&server, &chair, regular, RoomAct::Open).await, 200);
    assert_eq!(
        act(&server, &chair, regular, RoomAct::AdoptConsent).await,
        200
    );
    assert_eq!(
        act(&server, &chair, regular, RoomAct::StartItem(items[0].0)).await,
        200
    );
    let room: Value = {
        let id = regular.to_string();
        json_of(
            &call_form(&server, &chair, "meeting_room", &[("meeting_id", &id)])
                .await
                .1,
        )
    };
    let speech: Uuid = room["queue"][0]["speech_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        act(&server, &chair, regular, RoomAct::GiveFloor(speech)).await,
        200
    );
    assert_eq!(
        act(
            &server,
            &chair,
            regular,
            RoomAct::Conclude {
                item: items[0].0,
                text: CONCLUSION.to_owned(),
            }
        )
        .await,
        200
    );
    assert_eq!(act(&server, &chair, regular, RoomAct::Close).await, 200);

    // The draft, from the records: the secretariat and the chair read it; members not yet.
    let (status, draft) = minutes(&server, &secretary, regular).await;
    assert_eq!(status, 200);
    assert_eq!(draft["state"], "Draft");
    assert_eq!(draft["fresh"], true);
    assert_eq!(draft["may_edit"], true);
    assert_eq!(
        draft["may_approve"], false,
        "the secretariat does not approve"
    );
    let body = draft["body"].as_str().unwrap().to_owned();
    assert!(body.starts_with(&format!("BIÊN BẢN PHIÊN HỌP\n{REGULAR}\n")));
    assert!(body.contains("II. CÁC NỘI DUNG THÔNG QUA KHÔNG THẢO LUẬN\n2. "));
    assert!(body.contains(&format!("III. CÁC NỘI DUNG THẢO LUẬN\n1. {}", items[0].1)));
    assert!(body.contains(
        "Ý kiến trước phiên họp: 1 thành viên xin phát biểu, 0 thành viên không tán thành."
    ));
    assert!(body.contains(&format!("Phát biểu: {FINANCE_MINISTER} (")));
    assert!(body.contains(&format!("Kết luận: {CONCLUSION}")));
    for (_, title) in &items {
        assert!(body.contains(title.as_str()), "{title}");
    }
    assert_eq!(minutes(&server, &member, regular).await.0, 403);
    assert_eq!(minutes(&server, &guest, regular).await.0, 403);
    let (status, seen) = minutes(&server, &chair, regular).await;
    assert_eq!((status, seen["may_approve"].clone()), (200, json!(true)));

    // Only the secretariat edits; only the chair approves; finalising needs the approval.
    let id = regular.to_string();
    let edited = format!("{body}\nNgười ghi biên bản: Trương Thị Hạnh.");
    let form = [("meeting_id", id.as_str()), ("body", edited.as_str())];
    assert_eq!(
        call_form(&server, &chair, "minutes_save", &form).await.0,
        403
    );
    assert_eq!(
        call_form(&server, &secretary, "minutes_save", &form)
            .await
            .0,
        200
    );
    let empty = [("meeting_id", id.as_str()), ("body", "  ")];
    assert_eq!(
        call_form(&server, &secretary, "minutes_save", &empty)
            .await
            .0,
        400
    );
    let just_id = [("meeting_id", id.as_str())];
    assert_eq!(
        call_form(&server, &secretary, "minutes_approve", &just_id)
            .await
            .0,
        403
    );
    assert_eq!(
        call_form(&server, &secretary, "minutes_finalise", &just_id)
            .await
            .0,
        400
    );
    assert_eq!(
        call_form(&server, &chair, "minutes_approve", &just_id)
            .await
            .0,
        200
    );
    assert_eq!(
        call_form(&server, &chair, "minutes_approve", &just_id)
            .await
            .0,
        400
    );
    assert_eq!(
        call_form(&server, &chair, "minutes_finalise", &just_id)
            .await
            .0,
        403
    );
    assert_eq!(
        call_form(&server, &secretary, "minutes_finalise", &just_id)
            .await
            .0,
        200
    );

    // Final: locked, with the SHA-256 of exactly the text approved; members read it now.
    let (status, final_minutes) = minutes(&server, &member, regular).await;
    assert_eq!(status, 200);
    assert_eq!(final_minutes["state"], "Final");
    assert_eq!(final_minutes["body"], edited.as_str());
    assert_eq!(
        final_minutes["body_sha256"],
        hex::encode(Sha256::digest(edited.as_bytes())).as_str()
    );
    assert_eq!(final_minutes["approved_by"], PRIME_MINISTER);
    assert_eq!(
        call_form(&server, &secretary, "minutes_save", &form)
            .await
            .0,
        400
    );
    assert_eq!(
        act(
            &server,
            &chair,
            regular,
            RoomAct::Conclude {
                item: items[0].0,
                text: "Khác".to_owned(),
            }
        )
        .await,
        400,
        "final minutes lock the conclusions"
    );
    let audited: (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select count(*) from audit_event where event = 'minutes.finalised' and subject_id = $1",
        )
        .bind(regular)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    assert_eq!(audited.0, 1);

    // The PDF: every item title and the conclusion read back by poppler; the font embedded.
    let (status, pdf) = get_pdf(
        &server,
        &member,
        &format!("/meetings/{regular}/minutes.pdf"),
    )
    .await;
    assert_eq!(status, 200);
    let (text, fonts) = poppler(&pdf);
    let text = words(&text);
    for (_, title) in &items {
        assert!(text.contains(&words(title)), "PDF lacks {title}");
    }
    assert!(text.contains(&words(CONCLUSION)));
    assert!(text.contains("Người ghi biên bản: Trương Thị Hạnh."));
    // Saved under the meeting's date: the demo's regular session is in 3 days, 08:00 in Hanoi.
    let hanoi_today = (chrono::Utc::now() + chrono::TimeDelta::hours(7)).date_naive();
    let date = hanoi_today + chrono::Days::new(3);
    for (path, name) in [
        ("minutes.pdf", "bien-ban"),
        ("conclusions.pdf", "thong-bao-ket-luan"),
    ] {
        let response = client()
            .get(format!("{}/meetings/{regular}/{path}", server.base))
            .header(reqwest::header::COOKIE, &member)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()[reqwest::header::CONTENT_DISPOSITION],
            format!("attachment; filename=\"{name}-{date}.pdf\"").as_str()
        );
    }
    let font_rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!font_rows.is_empty());
    for row in font_rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type…, encoding, then emb sub uni object-id: "yes yes yes".
        assert!(row.contains("DejaVuSans"), "{row}");
        assert_eq!(columns[columns.len() - 5], "yes", "embedded: {row}");
    }

    // The Office assigns two tasks from item 1's conclusion: one with a deadline, one regular
    // with a responsible member.
    let office = current_user(&db, SECRETARY).await;
    let today = app::tasks::store::today();
    let deadline = today + chrono::Days::new(30);
    let task = |text: &str, coordinators: &str, deadline: String, cycle: &str, who: String| {
        app::tasks::model::TaskForm {
            text: text.to_owned(),
            source: "conclusion".to_owned(),
            item_id: items[0].0.to_string(),
            lead: "BTC".to_owned(),
            coordinators: coordinators.to_owned(),
            deadline,
            cycle: cycle.to_owned(),
            responsible: who,
            ..Default::default()
        }
    };
    let first = task(
        "Hoàn thiện báo cáo",
        "BXD, BNG",
        deadline.to_string(),
        "",
        String::new(),
    );
    let pm = user_id(&db, PRIME_MINISTER).await.to_string();
    let second = task("Theo dõi thu ngân sách", "", String::new(), "quarterly", pm);
    for form in [first, second] {
        app::tasks::editing::assign(&db, &office, &form, today)
            .await
            .unwrap();
    }

    // The conclusions notice lists each item's conclusion, and under it the tasks assigned.
    let (status, notice) = call_form(&server, &member, "conclusions", &just_id).await;
    assert_eq!(status, 200);
    let notice: String = serde_json::from_str(&notice).unwrap();
    let assigned = format!(
        "1. {}: {CONCLUSION}\nGiao nhiệm vụ:\n\
         – Bộ Tài chính chủ trì, phối hợp với Bộ Ngoại giao, Bộ Xây dựng: Hoàn thiện báo cáo. \
         Thời hạn: {}.\n\
         – Bộ Tài chính chủ trì: Theo dõi thu ngân sách. Thường xuyên, báo cáo hằng quý.\n",
        items[0].1,
        deadline.format("%d/%m/%Y")
    );
    assert!(notice.contains(&assigned), "{notice}");
    assert!(notice.contains(&format!("2. {}: Thông qua, không thảo luận.", items[1].1)));
    let (status, pdf) = get_pdf(
        &server,
        &member,
        &format!("/meetings/{regular}/conclusions.pdf"),
    )
    .await;
    assert_eq!(status, 200);
    let (text, _) = poppler(&pdf);
    assert!(words(&text).contains(&words(CONCLUSION)));
    assert!(words(&text).contains(&words("Theo dõi thu ngân sách")));
    // A guest reads neither.
    let (status, _) = get_pdf(&server, &guest, &format!("/meetings/{regular}/minutes.pdf")).await;
    assert_eq!(status, 403);
}
