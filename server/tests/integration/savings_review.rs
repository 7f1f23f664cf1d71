//! A meeting far shorter than planned waits for the secretariat's review before it counts in
//! the savings; the secretariat counts or excludes a closed meeting with a recorded reason,
//! on both engines. (The test meeting that moved the overall figure from 28.5 % to 37.6 %.)

use crate::common::meetings::*;
use crate::common::*;
use app::room::model::RoomAct;
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;

on_both_engines!(a_far_shorter_meeting_counts_only_once_reviewed);

async fn dashboard(server: &TestServer, cookie: &str) -> Value {
    let (status, body) = call_form(server, cookie, "savings", &[]).await;
    assert_eq!(status, 200, "{body}");
    json_of(&body)
}

async fn review(
    server: &TestServer,
    cookie: &str,
    meeting: Uuid,
    counts: bool,
    reason: &str,
) -> (u16, String) {
    let (meeting, counts) = (meeting.to_string(), counts.to_string());
    let form = [
        ("meeting_id", meeting.as_str()),
        ("counts", counts.as_str()),
        ("reason", reason),
    ];
    call_form(server, cookie, "savings_review", &form).await
}

async fn a_far_shorter_meeting_counts_only_once_reviewed(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let thematic = meeting_id(&db, THEMATIC).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    // The baseline: (480 + 420) min ÷ (12 + 10) items = 40.909 min per item.
    let csv = "ngày,loại,thời_lượng_phút,số_nội_dung\n2024-01-10,regular,480,12\n2024-02-10,regular,420,10\n";
    let (status, body) = call_form(&server, &secretary, "history_import", &[("csv", csv)]).await;
    assert_eq!((status, body.as_str()), (200, "2"));

    // Opened and closed at once: 0 of 240 planned minutes.
    for act in [RoomAct::Open, RoomAct::Close] {
        let (status, body) = room_act(&server, &chair, regular, act).await;
        assert_eq!(status, 200, "{body}");
    }
    let d = dashboard(&server, &secretary).await;
    let m = &d["meetings"][0];
    assert_eq!(
        (m["planned_minutes"].clone(), m["actual_minutes"].clone()),
        (240.into(), 0.into())
    );
    assert_eq!(
        (m["far_shorter"].clone(), m["counts"].clone()),
        (true.into(), false.into())
    );
    // Listed, not added up: nothing counts yet.
    assert_eq!(d["totals"]["meetings"], 0);
    assert_eq!(d["totals"]["reduction_percent"], Value::Null);

    // Only the secretariat reviews; a reason is needed; only a closed meeting.
    let (status, _) = review(&server, &finance, regular, true, "Tôi thấy hợp lý").await;
    assert_eq!(status, 403);
    let (status, body) = review(&server, &secretary, regular, true, "   ").await;
    assert_eq!(
        (status, vi(&body).as_str()),
        (
            400,
            "Cần ghi lý do (tối đa 500 ký tự), và chỉ xem xét phiên họp đã bế mạc."
        )
    );
    let (status, _) = review(&server, &secretary, thematic, true, "Chưa họp").await;
    assert_eq!(status, 400);

    // Counted, with its reason: 8 items × 40.909 = 327 min on paper; (327 − 0) ÷ 327 = 100 %.
    let reason = "Phiên họp rút gọn theo chỉ đạo của Thủ tướng";
    let (status, body) = review(&server, &secretary, regular, true, reason).await;
    assert_eq!(status, 200, "{body}");
    let d = dashboard(&server, &secretary).await;
    let m = &d["meetings"][0];
    assert_eq!(m["counts"], true);
    assert_eq!(m["review"]["reason"], reason);
    assert_eq!(m["review"]["decided_by"], SECRETARY);
    assert_eq!(d["totals"]["meetings"], 1);
    assert_eq!(d["totals"]["baseline_minutes"], 327);
    assert_eq!(d["totals"]["reduction_percent"], 100.0);
    // The audit chain keeps the decision's hash, worked out here from what was decided.
    let decided = format!("counts=true\nreason={reason}");
    let expected = format!("sha256={}", hex::encode(Sha256::digest(decided.as_bytes())));
    let (detail,): (Option<String>,) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select detail from audit_event where event = 'analytics.reviewed' and subject_id = $1
             order by seq desc limit 1",
        )
        .bind(regular)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    assert_eq!(detail.as_deref(), Some(expected.as_str()));

    // Then excluded, as a test: out of the totals again, the reason kept.
    let (status, body) = review(&server, &secretary, regular, false, "Phiên họp thử nghiệm").await;
    assert_eq!(status, 200, "{body}");
    let d = dashboard(&server, &secretary).await;
    assert_eq!(d["meetings"][0]["counts"], false);
    assert_eq!(d["meetings"][0]["review"]["reason"], "Phiên họp thử nghiệm");
    assert_eq!(d["totals"]["meetings"], 0);
    let response = client()
        .get(format!("{}/analytics/savings.csv", server.base))
        .header(reqwest::header::COOKIE, &secretary)
        .send()
        .await
        .unwrap();
    let text = response.text().await.unwrap();
    assert!(text.contains(",không,Phiên họp thử nghiệm"), "{text}");
}
