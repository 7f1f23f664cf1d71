//! Taking attendance from "everyone present", on both engines: one act records the members
//! the chair has not recorded yet, all or nothing, with one audit record; the exceptions are
//! then recorded one by one.

use crate::common::meetings::*;
use crate::common::*;
use serde_json::{json, Value};
use uuid::Uuid;

on_both_engines!(everyone_present_in_one_act_then_the_exceptions);

async fn mark_present(
    server: &TestServer,
    cookie: &str,
    meeting: Uuid,
    members: &[Uuid],
) -> (u16, String) {
    let body = json!({"meeting_id": meeting, "members": members});
    call_json(server, cookie, "attendance_present", body).await
}

/// (member, status, recorded by) for the meeting, in member order.
async fn recorded(db: &app::db::Db, meeting: Uuid) -> Vec<(Uuid, String, Uuid)> {
    let mut rows: Vec<(Uuid, String, Uuid)> = app::with_db!(db, |pool| {
        sqlx::query_as("select user_id, status, recorded_by from attendance where meeting_id = $1")
            .bind(meeting)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    rows.sort();
    rows
}

async fn attendance_records(db: &app::db::Db) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from audit_event where event = 'meeting.attendance'")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    n
}

async fn everyone_present_in_one_act_then_the_exceptions(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let secretary_id = user_id(&db, SECRETARY).await;
    let (pm, finance_id) = (
        user_id(&db, PRIME_MINISTER).await,
        user_id(&db, FINANCE_MINISTER).await,
    );
    let other = user_id(&db, "Lò Văn Tiến").await;
    let admin = user_id(&db, ADMIN).await;
    assert_eq!(recorded(&db, regular).await, vec![]);
    let audit_before = attendance_records(&db).await;

    // A member who does not chair cannot take attendance.
    let (status, _) = mark_present(&server, &finance, regular, &[finance_id]).await;
    assert_eq!(status, 403);
    // Nobody to mark, or someone not invited (the administrator): refused, nothing written.
    let (status, body) = mark_present(&server, &secretary, regular, &[]).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = mark_present(&server, &secretary, regular, &[pm, admin]).await;
    assert_eq!(
        (status, vi(&body).as_str()),
        (
            400,
            "Điểm danh không hợp lệ: vắng mặt cần lý do, người dự thay cần họ tên, và chỉ cho thành viên được mời."
        )
    );
    assert_eq!(recorded(&db, regular).await, vec![]);
    assert_eq!(attendance_records(&db).await, audit_before);

    // Three members present in one act (a repeated id counts once): one audit record.
    let (status, body) =
        mark_present(&server, &secretary, regular, &[pm, finance_id, other, pm]).await;
    assert_eq!(status, 200, "{body}");
    let mut expected = vec![
        (pm, "present".to_owned(), secretary_id),
        (finance_id, "present".to_owned(), secretary_id),
        (other, "present".to_owned(), secretary_id),
    ];
    expected.sort();
    assert_eq!(recorded(&db, regular).await, expected);
    assert_eq!(attendance_records(&db).await, audit_before + 1);

    // The room counts them towards the quorum.
    let (status, body) = call_form(
        &server,
        &secretary,
        "meeting_room",
        &[("meeting_id", &regular.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let room: Value = json_of(&body);
    assert_eq!(room["quorum"]["present"], 3);
}
