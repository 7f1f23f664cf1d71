//! Storage tests, run on SQLite and on PostgreSQL. Expected values are worked out by hand
//! from the demo plan (server/src/demo/plan.rs and cabinet.rs), not from the queries.

use crate::common::*;
use app::audit::event::AuditEvent;
use app::error::AppError;
use app::identity::session;
use app::meetings::store::{detail_for, list_for};
use chrono::{Duration, NaiveDate, Utc};

on_both_engines!(
    migrations_apply_once_and_make_the_database_ready,
    demo_data_loads_once,
    meetings_list_follows_role_and_invitation,
    meeting_page_lists_agenda_and_people_in_protocol_order,
    guests_see_only_their_items,
    titles_are_the_ones_held_on_the_meeting_day,
    sessions_expire_and_end,
    idle_sessions_lock_and_a_new_sign_in_replaces_them,
    files_are_stored_once_in_chunks,
);

async fn count(db: &app::db::Db, table: &str) -> i64 {
    let sql = format!("select count(*) from {table}");
    let row: (i64,) =
        app::with_db!(db, |pool| sqlx::query_as(&sql).fetch_one(pool).await).expect("count");
    row.0
}

async fn migrations_apply_once_and_make_the_database_ready(engine: Engine) {
    let fresh = fresh_database(engine).await;
    let db = app::db::Db::connect(&fresh.url, 2).await.unwrap();
    assert!(!db.is_ready().await, "not ready before migrations");
    db.migrate().await.unwrap();
    assert!(db.is_ready().await);
    db.migrate().await.unwrap();
    assert!(db.is_ready().await, "applying again changes nothing");
}

async fn demo_data_loads_once(engine: Engine) {
    let test = migrated(engine).await;
    let first = server::demo::seed(&test.db, false).await.unwrap();
    // 24 members + 2 secretariat + 1 guest + 1 administrator + 17 ministry officers (one per
    // ministry); documents: 8 in the regular
    // session (item 3 has two, item 8 none), 1 in the thematic session, 1 with the ballot.
    assert_eq!(
        first,
        server::demo::SeedOutcome::Loaded {
            people: 45,
            meetings: 2,
            documents: 10,
            history: (0, 0)
        }
    );
    let second = server::demo::seed(&test.db, false).await.unwrap();
    assert_eq!(second, server::demo::SeedOutcome::AlreadyPresent);
    for (table, expected) in [
        ("user_account", 45),
        ("appointment", 45),
        ("ministry", 17),
        ("meeting", 2),
        ("agenda_item", 11),
        ("invitation", 48),
        ("item_guest", 1),
        ("document", 10),
        ("document_version", 10),
        ("blob", 10),
        ("ballot", 1),
        ("ballot_eligible", 24),
        ("ballot_answer", 0),
    ] {
        assert_eq!(count(&test.db, table).await, expected, "{table}");
    }
}

async fn meetings_list_follows_role_and_invitation(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;

    let secretariat = list_for(db, &current_user(db, SECRETARY).await)
        .await
        .unwrap();
    let titles: Vec<_> = secretariat.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, [THEMATIC, REGULAR], "all meetings, latest first");

    let member = list_for(db, &current_user(db, FINANCE_MINISTER).await)
        .await
        .unwrap();
    assert_eq!(member.len(), 1, "the draft is not distributed yet");
    assert_eq!(member[0].title, REGULAR);
    assert_eq!(member[0].item_count, 8);
    assert_eq!(member[0].planned_minutes, 240);

    let guest = list_for(db, &current_user(db, GUEST).await).await.unwrap();
    assert_eq!(guest.len(), 1);
    assert_eq!(guest[0].item_count, 1, "a guest counts only their items");

    let admin = list_for(db, &current_user(db, ADMIN).await).await.unwrap();
    assert!(admin.is_empty(), "administrators see no meeting content");
}

async fn meeting_page_lists_agenda_and_people_in_protocol_order(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let member = current_user(db, FINANCE_MINISTER).await;
    let regular = meeting_id(db, REGULAR).await;
    let detail = detail_for(db, &member, regular).await.unwrap();

    let numbers: Vec<i64> = detail.items.iter().map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(
        detail.items[0].title,
        "Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026; nhiệm vụ, giải pháp trọng tâm tháng 12 năm 2026"
    );
    assert_eq!(detail.items[7].title, "Các vấn đề khác");
    assert_eq!(
        detail.items[0].presenter.as_ref().map(|p| p.vi.as_str()),
        Some("Bộ Tài chính")
    );
    assert_eq!(detail.items[7].presenter, None);
    let doc_counts: Vec<usize> = detail.items.iter().map(|i| i.documents.len()).collect();
    assert_eq!(doc_counts, [1, 1, 2, 1, 1, 1, 1, 0]);
    assert!(detail.items[0].documents[0].page_count.unwrap_or(0) >= 2);
    let guests: Vec<_> = detail.items[1]
        .guests
        .iter()
        .map(|g| g.full_name.as_str())
        .collect();
    assert_eq!(guests, [GUEST]);
    let total: i64 = detail.items.iter().map(|i| i.planned_minutes).sum();
    assert_eq!(total, 220);

    let chair = detail.chair.expect("chair");
    assert_eq!(chair.full_name, PRIME_MINISTER);
    assert_eq!(chair.title.unwrap().vi, "Thủ tướng Chính phủ");

    let names: Vec<_> = detail
        .invitees
        .iter()
        .map(|p| p.full_name.as_str())
        .collect();
    assert_eq!(names.len(), 24);
    assert_eq!(
        names[..8],
        [
            "Vũ Đình Khiêm",
            "Trịnh Minh Quân",
            "Hoàng Thị Lan Anh",
            "Lâm Quốc Bảo",
            "Ngô Thanh Tùng",
            "Đinh Xuân Hải",
            "Tạ Ngọc Diệp",
            "Kiều Văn Thành",
        ]
    );
    assert_eq!(
        names[12], "Bạch Quang Nhật",
        "Finance is sixth among ministries"
    );
    assert_eq!(
        names[23], "Ông Văn Thịnh",
        "the Government Office comes last"
    );
    assert_eq!(
        detail.invitees[1].title.as_ref().unwrap().en,
        "Permanent Deputy Prime Minister"
    );

    // The draft is invisible to members, exactly like a meeting that does not exist.
    let thematic = meeting_id(db, THEMATIC).await;
    assert_eq!(
        detail_for(db, &member, thematic).await,
        Err(AppError::NotFound)
    );
    assert_eq!(
        detail_for(db, &member, uuid::Uuid::now_v7()).await,
        Err(AppError::NotFound)
    );
    let admin = current_user(db, ADMIN).await;
    assert_eq!(
        detail_for(db, &admin, regular).await,
        Err(AppError::NotFound)
    );
    let secretary = current_user(db, SECRETARY).await;
    assert_eq!(
        detail_for(db, &secretary, thematic)
            .await
            .unwrap()
            .items
            .len(),
        3
    );
}

async fn guests_see_only_their_items(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let guest = current_user(db, GUEST).await;
    let detail = detail_for(db, &guest, meeting_id(db, REGULAR).await)
        .await
        .unwrap();
    assert_eq!(detail.items.len(), 1);
    assert_eq!(
        detail.items[0].title,
        "Tình hình giải ngân vốn đầu tư công năm 2026"
    );
    assert_eq!(detail.items[0].number, 2, "the real agenda number");
    assert_eq!(detail.items[0].documents.len(), 1);
    assert_eq!(
        detail_for(db, &guest, meeting_id(db, THEMATIC).await).await,
        Err(AppError::NotFound)
    );
}

async fn titles_are_the_ones_held_on_the_meeting_day(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let nhat = user_id(db, FINANCE_MINISTER).await;
    // The regular session is 3 days from today (Hà Nội), the thematic one 17 days.
    // From day 10 the Finance Minister also becomes a Deputy Prime Minister (rank 107).
    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .date_naive();
    let change: NaiveDate = today + Duration::days(10);
    let now = Utc::now();
    app::with_db!(db, |pool| {
        sqlx::query("update appointment set ends_on = $1 where user_id = $2")
            .bind(change - Duration::days(1))
            .bind(nhat)
            .execute(pool)
            .await
            .unwrap();
        sqlx::query(
            "insert into appointment (id, user_id, title_vi, title_en, ministry_id, protocol_rank,
                                      starts_on, created_at)
             values ($1, $2, 'Phó Thủ tướng Chính phủ kiêm Bộ trưởng Bộ Tài chính',
                     'Deputy Prime Minister and Minister of Finance', null, 107, $3, $4)",
        )
        .bind(uuid::Uuid::now_v7())
        .bind(nhat)
        .bind(change)
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
    });
    let secretary = current_user(db, SECRETARY).await;
    let before = detail_for(db, &secretary, meeting_id(db, REGULAR).await)
        .await
        .unwrap();
    let after = detail_for(db, &secretary, meeting_id(db, THEMATIC).await)
        .await
        .unwrap();
    let find = |people: &[app::identity::model::Person]| {
        let index = people
            .iter()
            .position(|p| p.full_name == FINANCE_MINISTER)
            .expect("invited");
        (index, people[index].title.clone().unwrap().vi)
    };
    assert_eq!(
        find(&before.invitees),
        (12, "Bộ trưởng Bộ Tài chính".to_owned())
    );
    assert_eq!(
        find(&after.invitees),
        (
            7,
            "Phó Thủ tướng Chính phủ kiêm Bộ trưởng Bộ Tài chính".to_owned()
        ),
        "after the six deputies, before the Minister of National Defence"
    );
}

const IDLE: Duration = Duration::minutes(30);

async fn sessions_expire_and_end(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let pm = user_id(db, PRIME_MINISTER).await;

    let token = session::create(db, pm, Duration::hours(1), AuditEvent::DemoSignIn)
        .await
        .unwrap();
    let user = session::user_for_token(db, &token, IDLE)
        .await
        .unwrap()
        .expect("signed in");
    assert_eq!(user.full_name, PRIME_MINISTER);
    assert_eq!(user.title.unwrap().en, "Prime Minister");
    assert_eq!(
        session::user_for_token(db, "forged", IDLE).await.unwrap(),
        None
    );

    session::end(db, &token).await.unwrap();
    assert_eq!(
        session::user_for_token(db, &token, IDLE).await.unwrap(),
        None
    );

    let expired = session::create(db, pm, Duration::seconds(-1), AuditEvent::DemoSignIn)
        .await
        .unwrap();
    assert_eq!(
        session::user_for_token(db, &expired, IDLE).await.unwrap(),
        None
    );

    let live = session::create(db, pm, Duration::hours(1), AuditEvent::DemoSignIn)
        .await
        .unwrap();
    app::with_db!(db, |pool| {
        sqlx::query("update user_account set active = false where id = $1")
            .bind(pm)
            .execute(pool)
            .await
            .unwrap();
    });
    assert_eq!(
        session::user_for_token(db, &live, IDLE).await.unwrap(),
        None,
        "a deactivated account's sessions stop at once"
    );
}

async fn idle_sessions_lock_and_a_new_sign_in_replaces_them(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let pm = user_id(db, PRIME_MINISTER).await;
    let token = session::create(db, pm, Duration::hours(12), AuditEvent::DemoSignIn)
        .await
        .unwrap();
    // 29 minutes without a request: still open. 31: locked (not gone).
    for (minutes, locked) in [(29, false), (31, true)] {
        let seen = Utc::now() - Duration::minutes(minutes);
        app::with_db!(db, |pool| {
            sqlx::query("update session set last_seen_at = $1")
                .bind(seen)
                .execute(pool)
                .await
                .unwrap();
        });
        let found = session::lookup(db, &token, IDLE, session::Touch::Read)
            .await
            .unwrap();
        if locked {
            assert_eq!(found, session::Lookup::Locked { user_id: pm });
        } else {
            assert!(matches!(found, session::Lookup::Active { .. }), "{found:?}");
        }
    }
    // Unlocking signs in again: a new token, and the old session is gone.
    let fresh = session::create_replacing(
        db,
        pm,
        Duration::hours(12),
        AuditEvent::SignIn,
        "Mozilla/5.0 (Linux; Android 14) Chrome/131.0",
        Some(&token),
        None,
    )
    .await
    .unwrap();
    assert_ne!(fresh, token);
    assert_eq!(
        session::lookup(db, &token, IDLE, session::Touch::Read)
            .await
            .unwrap(),
        session::Lookup::None
    );
    assert!(session::user_for_token(db, &fresh, IDLE)
        .await
        .unwrap()
        .is_some());
    assert_eq!(count(db, "session").await, 1);
}

async fn files_are_stored_once_in_chunks(engine: Engine) {
    let test = migrated(engine).await;
    let db = &test.db;
    // 600 KiB of varied bytes: 256 KiB + 256 KiB + 88 KiB.
    let bytes: Vec<u8> = (0..600 * 1024u32).map(|i| (i * 7 % 251) as u8).collect();
    for _ in 0..2 {
        let mut tx = db.begin().await.unwrap();
        let sha = app::documents::store::store_blob(&mut tx, &bytes)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(sha.len(), 64);
        assert_eq!(
            app::documents::store::read_blob(db, &sha).await.unwrap(),
            bytes
        );
    }
    assert_eq!(
        count(db, "blob").await,
        1,
        "the same content is stored once"
    );
    assert_eq!(count(db, "blob_chunk").await, 3);
}
