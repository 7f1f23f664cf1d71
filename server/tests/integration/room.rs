//! Running the meeting, on both engines: the chair opens it (positions freeze), the
//! secretariat takes attendance, the consent block is adopted in one act, items are taken up
//! with the speaker queue (seeded from positions), the floor is given, conclusions recorded,
//! an in-meeting vote is refused below the quorum and runs above it, the meeting is paused
//! and closed. Tablets hear the room on the live channel; a guest only of their item.

use std::time::Duration;

use crate::common::meetings::*;
use crate::common::*;
use app::room::model::RoomAct;
use serde_json::{json, Value};
use uuid::Uuid;

on_both_engines!(the_chair_runs_the_meeting_and_tablets_follow);

const OTHER_MEMBER: &str = "Lò Văn Tiến";

async fn room(server: &TestServer, cookie: &str, meeting: Uuid) -> Value {
    let meeting = meeting.to_string();
    let (status, body) =
        call_form(server, cookie, "meeting_room", &[("meeting_id", &meeting)]).await;
    assert_eq!(status, 200, "{body}");
    json_of(&body)
}

async fn attend(
    server: &TestServer,
    cookie: &str,
    meeting: Uuid,
    member: Uuid,
    presence: &str,
    reason: &str,
    deputy: &str,
) -> (u16, String) {
    let (meeting, member) = (meeting.to_string(), member.to_string());
    let form = [
        ("meeting_id", meeting.as_str()),
        ("user_id", member.as_str()),
        ("presence", presence),
        ("reason", reason),
        ("deputy", deputy),
    ];
    call_form(server, cookie, "attendance_set", &form).await
}

async fn vote(server: &TestServer, cookie: &str, meeting: Uuid, item: Uuid) -> (u16, String) {
    let (meeting, item) = (meeting.to_string(), item.to_string());
    let form = [
        ("meeting_id", meeting.as_str()),
        ("item_id", item.as_str()),
        ("question", "Thông qua báo cáo?"),
        ("minutes", "5"),
    ];
    call_form(server, cookie, "room_vote", &form).await
}

/// The next `room` event on `live` (other events skipped), as JSON.
/// The next `room` event on `live`, with its id.
async fn next_room_event(live: &mut Live) -> Sse {
    loop {
        let event = live
            .next(Duration::from_secs(5))
            .await
            .expect("a room event");
        if event.name == "room" {
            return event;
        }
    }
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| s["full_name"].as_str().unwrap().to_owned())
        .collect()
}

async fn the_chair_runs_the_meeting_and_tablets_follow(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let items = agenda_items(&db, regular).await;
    let item = |n: usize| items[n - 1];
    assert_eq!(items.len(), 8, "the demo's regular session has 8 items");
    // All 24 Government members of the demo are invited.
    let members: Vec<(Uuid,)> = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select u.id from invitation i join user_account u on u.id = i.user_id
             where i.meeting_id = $1 and u.role = 'member' order by u.full_name",
        )
        .bind(regular)
        .fetch_all(pool)
        .await
    })
    .unwrap();
    assert_eq!(members.len(), 24);
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let other = demo_cookie(&server, OTHER_MEMBER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let guest = demo_cookie(&server, GUEST).await;
    let finance_id = user_id(&db, FINANCE_MINISTER).await;

    // Before the meeting: the Minister of Finance wishes to speak on item 1, another
    // member objects to item 2; items 3 to 8 are the proposed consent block.
    let item_1 = item(1).to_string();
    assert_eq!(
        set_position(&server, &finance, item(1), "Speak", "").await,
        200
    );
    assert_eq!(
        set_position(&server, &other, item(2), "Object", "Chưa đủ số liệu").await,
        200
    );

    let mut member_tablet = open_live(&server, &finance, None).await;
    let mut guest_tablet = open_live(&server, &guest, None).await;

    // Only the chair and the secretariat run the meeting.
    let (status, _) = room_act(&server, &finance, regular, RoomAct::Open).await;
    assert_eq!(status, 403);
    let (status, _) = room_act(&server, &guest, regular, RoomAct::Open).await;
    assert_eq!(status, 403);
    // Nothing runs before the opening.
    let (status, body) = room_act(&server, &chair, regular, RoomAct::StartItem(item(1))).await;
    assert_eq!(
        (status, vi(&body).as_str()),
        (400, "Phiên họp không đang diễn ra.")
    );

    let (before,): (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select coalesce(max(seq), 0) from audit_event")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let (status, body) = room_act(&server, &chair, regular, RoomAct::Open).await;
    assert_eq!(status, 200, "{body}");
    let opened = next_room_event(&mut member_tablet).await;
    let heard = json_of(&opened.data);
    assert_eq!(heard["state"], "InProgress");
    // From here the member's tablet drops off the network (see the end of the test).
    drop(member_tablet);
    assert!(heard["actual_start"].is_string());
    // Opening again is refused; positions are frozen.
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Open).await;
    assert_eq!(status, 400);
    assert_eq!(
        set_position(&server, &finance, item(1), "NoObjection", "").await,
        400
    );

    // Attendance: an absence needs a reason, a deputy a name; a guest is not invited.
    let guest_id = user_id(&db, GUEST).await;
    let (status, body) = attend(&server, &secretary, regular, finance_id, "Absent", "", "").await;
    assert_eq!(status, 400, "{body}");
    assert!(vi(&body).starts_with("Điểm danh không hợp lệ"));
    let (status, _) = attend(&server, &secretary, regular, finance_id, "Deputy", "", "").await;
    assert_eq!(status, 400);
    let (status, _) = attend(&server, &secretary, regular, guest_id, "Present", "", "").await;
    assert_eq!(status, 400);
    let (status, _) = attend(&server, &finance, regular, finance_id, "Present", "", "").await;
    assert_eq!(status, 403);
    // 15 of the 24 members present or remote: two thirds (16) not reached.
    for (n, (member,)) in members.iter().take(15).enumerate() {
        let presence = if n % 5 == 0 { "Remote" } else { "Present" };
        let (status, body) = attend(&server, &secretary, regular, *member, presence, "", "").await;
        assert_eq!(status, 200, "{body}");
    }
    let absent = members[15].0;
    let (status, _) = attend(
        &server,
        &secretary,
        regular,
        absent,
        "Absent",
        "Công tác nước ngoài",
        "",
    )
    .await;
    assert_eq!(status, 200);
    let deputy = members[16].0;
    let (status, _) = attend(
        &server,
        &chair,
        regular,
        deputy,
        "Deputy",
        "",
        "Thứ trưởng Nguyễn Văn A",
    )
    .await;
    assert_eq!(status, 200);
    let seen = room(&server, &chair, regular).await;
    assert_eq!(
        seen["quorum"],
        json!({"present": 15, "members": 24, "needed": 16})
    );

    // The consent block in one act: items 3 to 8.
    let (status, body) = room_act(&server, &chair, regular, RoomAct::AdoptConsent).await;
    assert_eq!(status, 200, "{body}");
    let seen = room(&server, &finance, regular).await;
    let stages: Vec<&str> = seen["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        ["Pending", "Pending", "Consent", "Consent", "Consent", "Consent", "Consent", "Consent"]
    );
    let (status, body) = room_act(&server, &chair, regular, RoomAct::AdoptConsent).await;
    assert_eq!(
        (status, vi(&body).as_str()),
        (
            400,
            "Không còn nội dung nào trong danh mục thông qua không thảo luận."
        )
    );
    // An adopted item cannot be taken up.
    let (status, _) = room_act(&server, &chair, regular, RoomAct::StartItem(item(3))).await;
    assert_eq!(status, 400);

    // Item 1: the Minister of Finance, who asked to speak before the meeting, is queued.
    let (status, _) = room_act(&server, &chair, regular, RoomAct::StartItem(item(1))).await;
    assert_eq!(status, 200);
    // The guest (of item 2 only) heard every change of the room, never item 1.
    let mut heard = Vec::new();
    while let Some(event) = guest_tablet.next(Duration::from_millis(1500)).await {
        if event.name == "room" {
            heard.push(json_of(&event.data));
        }
    }
    assert!(
        heard.len() >= 20,
        "open, 17 attendances, consent, item 1: {}",
        heard.len()
    );
    for r in &heard {
        assert_eq!(r["items"].as_array().unwrap().len(), 1);
        assert_eq!(r["items"][0]["id"], json!(item(2)));
        assert!(r["current_item"].is_null());
        assert!(r["queue"].as_array().unwrap().is_empty());
        assert!(r["attendance"].as_array().unwrap().is_empty());
        assert!(!r.to_string().contains("Tình hình kinh tế"));
    }
    let seen = room(&server, &guest, regular).await;
    assert!(seen["current_item"].is_null());
    assert!(
        !seen.to_string().contains("Tình hình kinh tế"),
        "a guest learns nothing of item 1"
    );

    // Another member asks to speak, withdraws, asks again: the queue is in order of asking.
    assert_eq!(
        call_form(&server, &other, "speak_request", &[("item_id", &item_1)])
            .await
            .0,
        200
    );
    assert_eq!(
        call_form(&server, &other, "speak_withdraw", &[("item_id", &item_1)])
            .await
            .0,
        200
    );
    let seen = room(&server, &chair, regular).await;
    assert_eq!(names(&seen["queue"]), [FINANCE_MINISTER]);
    assert_eq!(
        call_form(&server, &other, "speak_request", &[("item_id", &item_1)])
            .await
            .0,
        200
    );
    // Asking twice queues once.
    assert_eq!(
        call_form(&server, &other, "speak_request", &[("item_id", &item_1)])
            .await
            .0,
        200
    );
    let seen = room(&server, &chair, regular).await;
    assert_eq!(names(&seen["queue"]), [FINANCE_MINISTER, OTHER_MEMBER]);
    assert_eq!(seen["current_item"], json!(item(1)));
    // The secretariat and guests do not queue; the absent member cannot.
    assert_eq!(
        call_form(
            &server,
            &secretary,
            "speak_request",
            &[("item_id", &item_1)]
        )
        .await
        .0,
        403
    );
    assert_eq!(
        call_form(&server, &guest, "speak_request", &[("item_id", &item_1)])
            .await
            .0,
        404
    );

    // The floor: the Minister of Finance speaks, then the other member.
    let speech = |n: usize| -> Uuid {
        seen["queue"][n]["speech_id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap()
    };
    let (first, second) = (speech(0), speech(1));
    let (status, _) = room_act(&server, &chair, regular, RoomAct::GiveFloor(first)).await;
    assert_eq!(status, 200);
    let seen = room(&server, &finance, regular).await;
    assert_eq!(seen["speaking"]["full_name"], FINANCE_MINISTER);
    assert_eq!(names(&seen["queue"]), [OTHER_MEMBER]);
    // The floor cannot be given twice to the same request.
    let (status, _) = room_act(&server, &chair, regular, RoomAct::GiveFloor(first)).await;
    assert_eq!(status, 400);
    let (status, _) = room_act(&server, &chair, regular, RoomAct::GiveFloor(second)).await;
    assert_eq!(status, 200);
    let (status, _) = room_act(&server, &chair, regular, RoomAct::EndFloor).await;
    assert_eq!(status, 200);
    let (status, body) = room_act(&server, &chair, regular, RoomAct::EndFloor).await;
    assert_eq!(
        (status, vi(&body).as_str()),
        (400, "Không có ai đang phát biểu.")
    );
    let seen = room(&server, &chair, regular).await;
    assert_eq!(names(&seen["spoken"]), [FINANCE_MINISTER, OTHER_MEMBER]);
    assert!(seen["speaking"].is_null());

    // A vote on item 1: refused at 15 of 24 present (16 needed), allowed at 16.
    let (status, body) = vote(&server, &chair, regular, item(1)).await;
    assert_eq!(status, 400);
    assert_eq!(
        vi(&body),
        "Chưa đủ hai phần ba thành viên Chính phủ có mặt để biểu quyết: 15/16."
    );
    let (status, _) = attend(
        &server,
        &secretary,
        regular,
        members[17].0,
        "Present",
        "",
        "",
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = vote(&server, &finance, regular, item(1)).await;
    assert_eq!(
        status, 403,
        "a member who does not chair cannot call a vote"
    );
    let (status, body) = vote(&server, &chair, regular, item(1)).await;
    assert_eq!(status, 200, "{body}");
    let ballot: Uuid = serde_json::from_str(&body).unwrap();
    let seen = room(&server, &chair, regular).await;
    assert_eq!(seen["votes"][0]["ballot_id"], json!(ballot));
    assert_eq!(seen["votes"][0]["open"], true);
    // Asked: the 16 present or remote; not the absent member nor the one with a deputy.
    assert_eq!(seen["votes"][0]["eligible"], 16);
    let asked: Vec<(Uuid,)> = app::with_db!(&db, |pool| {
        sqlx::query_as("select user_id from ballot_eligible where ballot_id = $1")
            .bind(ballot)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    assert!(!asked.iter().any(|(u,)| *u == absent || *u == deputy));

    // The conclusion, then item 2 — now the guest sees the discussion.
    let (status, _) = room_act(
        &server,
        &chair,
        regular,
        RoomAct::Conclude {
            item: item(1),
            text: "  ".to_owned(),
        },
    )
    .await;
    assert_eq!(status, 400);
    let conclusion = "Chính phủ thống nhất đánh giá tình hình kinh tế - xã hội tháng 11.";
    let (status, _) = room_act(
        &server,
        &chair,
        regular,
        RoomAct::Conclude {
            item: item(1),
            text: conclusion.to_owned(),
        },
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = room_act(&server, &chair, regular, RoomAct::EndItem).await;
    assert_eq!(status, 200);
    let (status, _) = room_act(&server, &chair, regular, RoomAct::EndItem).await;
    assert_eq!(status, 400, "no item under discussion");
    let (status, _) = room_act(&server, &secretary, regular, RoomAct::StartItem(item(2))).await;
    assert_eq!(status, 200, "the secretariat may run the meeting too");
    let seen = room(&server, &guest, regular).await;
    assert_eq!(seen["current_item"], json!(item(2)));

    // Pause and resume.
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Resume).await;
    assert_eq!(status, 400);
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Pause).await;
    assert_eq!(status, 200);
    let seen = room(&server, &chair, regular).await;
    assert!(seen["paused_since"].is_string());
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Pause).await;
    assert_eq!(status, 400);
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Resume).await;
    assert_eq!(status, 200);

    // Close: item 2 ends with it, the actual end is recorded.
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Close).await;
    assert_eq!(status, 200);
    let seen = room(&server, &finance, regular).await;
    assert_eq!(seen["state"], "Closed");
    assert!(seen["actual_end"].is_string());
    assert!(seen["current_item"].is_null());
    assert_eq!(seen["items"][0]["stage"], "Done");
    assert_eq!(seen["items"][0]["conclusion"], conclusion);
    assert_eq!(seen["items"][1]["stage"], "Done");
    let (status, _) = room_act(&server, &chair, regular, RoomAct::Pause).await;
    assert_eq!(status, 400);
    // The member's tablet comes back (the browser sends Last-Event-ID): it first receives
    // every room it missed, in order, ending with the closed meeting — no state lost.
    let resume = opened.id.expect("room events carry an id");
    let mut back = open_live(&server, &finance, Some(&resume)).await;
    let mut missed = Vec::new();
    while let Some(event) = back.next(Duration::from_millis(1500)).await {
        if event.name == "room" {
            missed.push(json_of(&event.data));
        }
    }
    assert!(missed.len() >= 30, "missed: {}", missed.len());
    assert_eq!(
        missed[0]["quorum"]["present"], 1,
        "the first attendance came next"
    );
    assert_eq!(missed.last().unwrap()["state"], "Closed");
    assert!(missed
        .windows(2)
        .all(|w| w[0]["read_at"].as_str() <= w[1]["read_at"].as_str()));

    // The audit chain holds the acts (ids only).
    let recorded: Vec<(String,)> = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select event from audit_event where seq > $1 and event like 'meeting.%'
               and event <> 'meeting.attendance'
             order by seq",
        )
        .bind(before)
        .fetch_all(pool)
        .await
    })
    .unwrap();
    let recorded: Vec<&str> = recorded.iter().map(|(e,)| e.as_str()).collect();
    assert_eq!(
        recorded,
        [
            "meeting.opened",
            "meeting.consent_adopted",
            "meeting.item_started",
            "meeting.floor_given",
            "meeting.floor_given",
            "meeting.floor_given",
            "meeting.vote_started",
            "meeting.conclusion",
            "meeting.item_ended",
            "meeting.item_started",
            "meeting.paused",
            "meeting.resumed",
            "meeting.closed",
        ]
    );
}
