//! Follow-up tasks, the whole cycle on both engines: the secretariat assigns, the lead
//! ministry's officer reports, the Office returns once and accepts, an extension is judged
//! by the deadline in force, overdue flips at local midnight, and each ministry sees only
//! its own. Every figure below is worked out by hand from the six tasks listed.
use app::error::AppError;
use app::tasks::model::{EventKind, Figures, TaskForm, TaskStatus};
use chrono::{Duration, NaiveDate, TimeZone};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::*;

on_both_engines!(
    a_task_goes_round_and_the_figures_add_up,
    deadline_notices_go_out_once,
    a_change_is_heard_by_those_who_may_see_the_task,
    paper_tasks_are_imported_all_or_nothing,
);

const BTC_OFFICER: &str = "Quách Văn Nam";
const BXD_OFFICER: &str = "Cù Thị Hằng";
const BNG_OFFICER: &str = "Lâm Thị Thu";

fn form(text: &str, lead: &str, coordinators: &str, deadline: Option<NaiveDate>) -> TaskForm {
    TaskForm {
        text: text.to_owned(),
        source: "manual".to_owned(),
        lead: lead.to_owned(),
        coordinators: coordinators.to_owned(),
        deadline: deadline.map(|d| d.to_string()).unwrap_or_default(),
        ..TaskForm::default()
    }
}

/// Two items of the demo, concluded `days` ago at 10:00 in Hà Nội.
async fn concluded_items(db: &app::db::Db, today: NaiveDate, days: [i64; 2]) -> Vec<Uuid> {
    let items: Vec<(Uuid,)> = app::with_db!(db, |pool| {
        sqlx::query_as("select id from agenda_item order by id limit 2")
            .fetch_all(pool)
            .await
            .unwrap()
    });
    for ((item,), days) in items.iter().zip(days) {
        let day = today - Duration::days(days);
        let at = chrono_tz::Asia::Ho_Chi_Minh
            .from_local_datetime(&day.and_hms_opt(10, 0, 0).unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc);
        app::with_db!(db, |pool| {
            sqlx::query(
                "update agenda_item set conclusion = 'Giao các bộ thực hiện.', concluded_at = $1
                 where id = $2",
            )
            .bind(at)
            .bind(item)
            .execute(pool)
            .await
            .unwrap();
        });
    }
    items.into_iter().map(|(i,)| i).collect()
}

fn counts(f: Figures) -> (i64, i64, i64, i64, i64) {
    (
        f.assigned,
        f.done_on_time,
        f.done_late,
        f.in_progress,
        f.overdue,
    )
}

async fn a_task_goes_round_and_the_figures_add_up(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let today = app::tasks::store::today();
    let days = |n: i64| today + Duration::days(n);
    let office = current_user(db, SECRETARY).await;
    let btc = current_user(db, BTC_OFFICER).await;
    let bxd = current_user(db, BXD_OFFICER).await;
    let bng = current_user(db, BNG_OFFICER).await;
    let finance = current_user(db, FINANCE_MINISTER).await;
    let pm = current_user(db, PRIME_MINISTER).await;
    let items = concluded_items(db, today, [12, 30]).await;
    let assign = |f: TaskForm, on: NaiveDate| {
        let office = office.clone();
        async move { app::tasks::editing::assign(db, &office, &f, on).await }
    };

    // The six tasks. T2, T3 and T5 were assigned three weeks ago (their deadlines have
    // passed since): the test passes the day the Office assigned them.
    let mut f1 = form("Hoàn thiện đề án A", "BTC", "BKHCN", Some(days(10)));
    f1.source = "conclusion".to_owned();
    f1.item_id = items[0].to_string();
    let t1 = assign(f1, today).await.unwrap();
    let mut f2 = form("Trình Nghị định B", "BTC", "", Some(days(-15)));
    f2.source = "conclusion".to_owned();
    f2.item_id = items[1].to_string();
    let t2 = assign(f2, days(-21)).await.unwrap();
    let t3 = assign(form("Báo cáo C", "BXD", "BTC", Some(days(-3))), days(-21))
        .await
        .unwrap();
    let t4 = assign(form("Sửa đổi D", "BXD", "", Some(days(5))), today)
        .await
        .unwrap();
    let mut f5 = form("Tổng kết E", "BTC", "", Some(days(-2)));
    f5.source = "resolution".to_owned();
    f5.resolution_no = "15/NQ-CP".to_owned();
    let t5 = assign(f5, days(-21)).await.unwrap();
    let mut f6 = form("Theo dõi F hằng tháng", "BNG", "", None);
    f6.cycle = "monthly".to_owned();
    let t6 = assign(f6, today).await.unwrap();

    // Refused: a past deadline today, a coordinator that is the lead, no source item.
    let bad = assign(form("X", "BTC", "", Some(days(-1))), today).await;
    assert!(matches!(bad, Err(AppError::BadRequest(_))), "{bad:?}");
    let bad = assign(form("X", "BTC", "btc", Some(days(1))), today).await;
    assert!(matches!(bad, Err(AppError::BadRequest(_))), "{bad:?}");
    let mut no_item = form("X", "BTC", "", Some(days(1)));
    no_item.source = "conclusion".to_owned();
    let bad = assign(no_item, today).await;
    assert!(matches!(bad, Err(AppError::BadRequest(_))), "{bad:?}");
    // The member named responsible must see the task: a leader, or one of its ministries'.
    let mut stranger = form("X", "BTC", "", Some(days(1)));
    stranger.responsible = user_id(db, "Lò Văn Tiến").await.to_string();
    let bad = assign(stranger, today).await;
    assert!(matches!(bad, Err(AppError::BadRequest(_))), "{bad:?}");
    // Only the secretariat assigns.
    let denied = app::tasks::editing::assign(db, &btc, &form("X", "BTC", "", None), today).await;
    assert!(matches!(denied, Err(AppError::Forbidden)), "{denied:?}");

    // A completion carries a PDF the officer uploaded (the upload itself: `task_evidence`).
    let report = |who: &app::identity::model::CurrentUser, task, kind, body: &str| {
        let who = who.clone();
        let body = body.to_owned();
        async move {
            let mut files = Vec::new();
            if kind == EventKind::Completion {
                files.push(crate::task_evidence::stored_evidence(db, task, who.id).await);
            }
            let r = app::tasks::reports::Report {
                kind,
                body: &body,
                percent: Some(40),
                attachments: &files,
            };
            app::tasks::reports::report(db, &who, task, r, today).await
        }
    };
    // T1: progress, then completion, accepted → done on time.
    report(&btc, t1, EventKind::Progress, "Đã lấy ý kiến các bộ")
        .await
        .unwrap();
    report(&btc, t1, EventKind::Completion, "Đã trình Thủ tướng")
        .await
        .unwrap();
    app::tasks::reports::decide(db, &office, t1, true, "", today)
        .await
        .unwrap();
    // Only the lead's officer reports; the minister reads; the coordinator contributes.
    for (who, kind) in [
        (&office, EventKind::Progress),
        (&finance, EventKind::Progress),
        (&btc, EventKind::Completion),
        (&btc, EventKind::Progress),
        (&bxd, EventKind::Contribution),
    ] {
        let denied = report(who, t3, kind, "x").await;
        assert!(
            matches!(denied, Err(AppError::Forbidden)),
            "{:?}: {denied:?}",
            who.full_name
        );
    }
    report(&btc, t3, EventKind::Contribution, "Bộ Tài chính góp ý")
        .await
        .unwrap();
    // T2: completion returned once (a reason is needed), then reported again and accepted:
    // done today, after its deadline (15 days ago) → done late.
    report(&btc, t2, EventKind::Completion, "Xong")
        .await
        .unwrap();
    let no_reason = app::tasks::reports::decide(db, &office, t2, false, " ", today).await;
    assert!(matches!(no_reason, Err(AppError::BadRequest(_))));
    app::tasks::reports::decide(db, &office, t2, false, "Thiếu phụ lục", today)
        .await
        .unwrap();
    let twice = app::tasks::reports::decide(db, &office, t2, true, "", today).await;
    assert!(
        matches!(twice, Err(AppError::BadRequest(_))),
        "nothing to accept"
    );
    report(&btc, t2, EventKind::Completion, "Đã bổ sung phụ lục")
        .await
        .unwrap();
    let denied = app::tasks::reports::decide(db, &btc, t2, true, "", today).await;
    assert!(matches!(denied, Err(AppError::Forbidden)));
    app::tasks::reports::decide(db, &office, t2, true, "", today)
        .await
        .unwrap();
    // T4: the deadline moves from +5 to +30 days; the first one stays on record.
    app::tasks::reports::ask_extension(db, &bxd, t4, &days(30).to_string(), "Chờ ý kiến", today)
        .await
        .unwrap();
    let again =
        app::tasks::reports::ask_extension(db, &bxd, t4, &days(40).to_string(), "Nữa", today).await;
    assert!(
        matches!(again, Err(AppError::BadRequest(_))),
        "one pending at a time"
    );
    app::tasks::reports::decide_extension(db, &office, t4, true, "", today)
        .await
        .unwrap();
    // T5: overdue by its first deadline (2 days ago), extended to +7, done today: on time by
    // the deadline in force.
    app::tasks::reports::ask_extension(db, &btc, t5, &days(7).to_string(), "Lý do", today)
        .await
        .unwrap();
    app::tasks::reports::decide_extension(db, &office, t5, true, "Đồng ý", today)
        .await
        .unwrap();
    report(&btc, t5, EventKind::Completion, "Xong")
        .await
        .unwrap();
    app::tasks::reports::decide(db, &office, t5, true, "", today)
        .await
        .unwrap();

    // All six, for the secretariat and the Prime Minister alike:
    // T1 on time, T2 late, T3 overdue, T4 in progress, T5 on time, T6 (regular) in progress.
    for who in [&office, &pm] {
        let d = app::tasks::dashboard::dashboard(db, who, today)
            .await
            .unwrap();
        assert_eq!(counts(d.total), (6, 2, 1, 2, 1));
        // 3 done of 6 = 50.0 %; 2 on time of 3 done = 66.7 %.
        assert_eq!(
            format!("{:.1}", d.total.completion_percent().unwrap()),
            "50.0"
        );
        assert_eq!(format!("{:.1}", d.total.on_time_percent().unwrap()), "66.7");
        let by: Vec<(String, _)> = d
            .by_ministry
            .iter()
            .map(|(m, f)| (m.code.clone(), counts(*f)))
            .collect();
        assert_eq!(
            by,
            [
                ("BNG".to_owned(), (1, 0, 0, 1, 0)),
                ("BTC".to_owned(), (3, 2, 1, 0, 0)),
                ("BXD".to_owned(), (2, 0, 0, 1, 1)),
            ]
        );
        // From conclusions: T1 (concluded 12 days ago) and T2 (30), both done today.
        assert_eq!(d.median_days_to_done, Some(21.0));
        let month = today.format("%Y-%m").to_string();
        assert_eq!(d.on_time_by_month, [(month.clone(), 2, 3)]);
        let overdue: Vec<Uuid> = d.oldest_overdue.iter().map(|t| t.id).collect();
        assert_eq!(overdue, [t3]);
        // T5's resolution: one task, done today, so none open at this month's end (so far).
        let resolution = d.burn_downs.iter().find(|b| b.resolution == "15/NQ-CP");
        assert_eq!(
            resolution.map(|b| (b.tasks, b.open.clone())),
            Some((1, vec![(month.clone(), 0)]))
        );
    }
    // The Finance minister: what BTC leads (T1, T2, T5) and coordinates (T3).
    let d = app::tasks::dashboard::dashboard(db, &finance, today)
        .await
        .unwrap();
    assert_eq!(counts(d.total), (4, 2, 1, 0, 1));
    // A ministry's burn-downs are by resolution only: the meetings are not theirs to see.
    let month = today.format("%Y-%m").to_string();
    let burn: Vec<_> = d
        .burn_downs
        .iter()
        .map(|b| (b.resolution.as_str(), b.tasks, b.open.clone()))
        .collect();
    assert_eq!(burn, [("15/NQ-CP", 1, vec![(month, 0)])]);
    // Each ministry sees its own, and never another's.
    let ids = |tasks: Vec<app::tasks::model::TaskSummary>| {
        let mut ids: Vec<Uuid> = tasks.into_iter().map(|t| t.id).collect();
        ids.sort();
        ids
    };
    let sorted = |mut v: Vec<Uuid>| {
        v.sort();
        v
    };
    let list = |who: &app::identity::model::CurrentUser| {
        let who = who.clone();
        async move { app::tasks::store::list_for(db, &who, today).await.unwrap() }
    };
    assert_eq!(ids(list(&btc).await), sorted(vec![t1, t2, t3, t5]));
    assert_eq!(ids(list(&bxd).await), sorted(vec![t3, t4]));
    assert_eq!(ids(list(&bng).await), [t6]);
    let other = app::tasks::store::view(db, &bng, t1, today).await;
    assert!(matches!(other, Err(AppError::NotFound)), "{other:?}");
    let r = app::tasks::reports::Report {
        kind: EventKind::Progress,
        body: "x",
        percent: None,
        attachments: &[],
    };
    let denied = app::tasks::reports::report(db, &bng, t1, r, today).await;
    assert!(matches!(denied, Err(AppError::NotFound)), "{denied:?}");
    for name in [GUEST, ADMIN] {
        let who = current_user(db, name).await;
        let denied = app::tasks::store::list_for(db, &who, today).await;
        assert!(
            matches!(denied, Err(AppError::Forbidden)),
            "{name}: {denied:?}"
        );
    }
    // A ministry reads its task's text, not the meeting it came from.
    let seen = app::tasks::store::view(db, &btc, t1, today).await.unwrap();
    assert_eq!(seen.task.source_title, "");
    assert!(seen.may_report && !seen.may_decide);
    let seen = app::tasks::store::view(db, &office, t1, today)
        .await
        .unwrap();
    assert!(
        seen.task.source_title.contains(" — "),
        "{}",
        seen.task.source_title
    );

    // T4's deadline in force and its first, kept.
    let t4_seen = app::tasks::store::view(db, &bxd, t4, today)
        .await
        .unwrap()
        .task;
    assert_eq!(
        (t4_seen.deadline, t4_seen.first_deadline),
        (Some(days(30)), Some(days(5)))
    );
    // Overdue flips at local midnight: T3 (deadline 3 days ago) was in progress on its day.
    for (day, status) in [(-3, TaskStatus::InProgress), (-2, TaskStatus::Overdue)] {
        let seen = app::tasks::store::view(db, &office, t3, days(day))
            .await
            .unwrap();
        assert_eq!(seen.task.status, status, "{day}");
    }

    // T2's history, in order, and its audit records with the hash of what each says.
    let history: Vec<EventKind> = app::tasks::store::view(db, &office, t2, today)
        .await
        .unwrap()
        .events
        .iter()
        .map(|e| e.kind)
        .collect();
    use EventKind::*;
    assert_eq!(
        history,
        [Assigned, Completion, Returned, Completion, Accepted]
    );
    let records: Vec<(String, Option<String>)> = app::with_db!(db, |pool| {
        sqlx::query_as("select event, detail from audit_event where subject_id = $1 order by seq")
            .bind(t2)
            .fetch_all(pool)
            .await
            .unwrap()
    });
    let events: Vec<&str> = records.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(
        events,
        [
            "task.assigned",
            "task.reported",
            "task.returned",
            "task.reported",
            "task.accepted"
        ]
    );
    let assigned = format!(
        "text=Trình Nghị định B\nsource=conclusion\nlead=BTC\ncoordinators=\ndeadline={}\ncycle=",
        days(-15)
    );
    let want = format!(
        "sha256={}",
        hex::encode(Sha256::digest(assigned.as_bytes()))
    );
    assert_eq!(records[0].1.as_deref(), Some(want.as_str()));
    let returned = "kind=returned\nreason=Thiếu phụ lục";
    let want = format!(
        "sha256={}",
        hex::encode(Sha256::digest(returned.as_bytes()))
    );
    assert_eq!(records[2].1.as_deref(), Some(want.as_str()));
    // The history is append-only: the database refuses to change or remove it.
    let changed = app::with_db!(db, |pool| {
        sqlx::query("update task_event set body = 'khác' where task_id = $1")
            .bind(t2)
            .execute(pool)
            .await
            .map(|_| ())
    });
    assert!(changed.is_err());
    let removed = app::with_db!(db, |pool| {
        sqlx::query("delete from task_event where task_id = $1")
            .bind(t2)
            .execute(pool)
            .await
            .map(|_| ())
    });
    assert!(removed.is_err());
}

/// Notices of `kind` about `task`.
async fn notices(db: &app::db::Db, task: Uuid, kind: &str) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from notification where subject_id = $1 and kind = $2")
            .bind(task)
            .bind(kind)
            .fetch_one(pool)
            .await
            .unwrap()
    });
    n
}

async fn deadline_notices_go_out_once(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let today = app::tasks::store::today();
    let days = |n: i64| today + Duration::days(n);
    let office = current_user(db, SECRETARY).await;
    // Led by Finance, coordinated by Construction: their ministers and officers hear (4).
    let task =
        app::tasks::editing::assign(db, &office, &form("G", "BTC", "BXD", Some(days(7))), today)
            .await
            .unwrap();
    assert_eq!(notices(db, task, "task_assigned").await, 4);
    let tick = |on: NaiveDate| async move { app::tasks::schedule::tick(db, on).await.unwrap() };
    // Seven days before: reminded (the default days are 7 and 1), once however many ticks.
    assert_eq!(tick(today).await, 1);
    assert_eq!(tick(today).await, 0);
    assert_eq!(notices(db, task, "task_due_soon").await, 4);
    assert_eq!(tick(days(2)).await, 0);
    assert_eq!(tick(days(6)).await, 1);
    assert_eq!(notices(db, task, "task_due_soon").await, 8);
    // On the day itself nothing; the day after, overdue, once.
    assert_eq!(tick(days(7)).await, 0);
    assert_eq!(tick(days(8)).await, 1);
    assert_eq!(tick(days(9)).await, 0);
    assert_eq!(notices(db, task, "task_overdue").await, 4);
}

/// The live channel tells a task's ministries, the secretariat and the leaders that it
/// changed — and nobody else.
async fn a_change_is_heard_by_those_who_may_see_the_task(engine: Engine) {
    let server = start_server(engine, true).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let btc = demo_cookie(&server, BTC_OFFICER).await;
    let bng = demo_cookie(&server, BNG_OFFICER).await;
    let pm = demo_cookie(&server, PRIME_MINISTER).await;
    let mut btc_tablet = open_live(&server, &btc, None).await;
    let mut bng_tablet = open_live(&server, &bng, None).await;
    let mut pm_tablet = open_live(&server, &pm, None).await;
    let (status, body) = call_form(
        &server,
        &secretary,
        "task_assign",
        &[
            ("form[text]", "Rà soát phí, lệ phí"),
            ("form[source]", "manual"),
            ("form[lead]", "BTC"),
            ("form[deadline]", "2030-12-31"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let task: String = serde_json::from_str(&body).unwrap();
    for tablet in [&mut btc_tablet, &mut pm_tablet] {
        let heard = tablet
            .next(std::time::Duration::from_secs(10))
            .await
            .unwrap();
        assert_eq!(heard.name, "task");
        assert!(heard.data.contains(&task), "{}", heard.data);
    }
    assert_eq!(
        bng_tablet.next(std::time::Duration::from_secs(3)).await,
        None
    );
}

async fn paper_tasks_are_imported_all_or_nothing(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let today = app::tasks::store::today();
    let office = current_user(db, SECRETARY).await;
    // Done 5 days after its deadline (late); still open 2 years after its deadline (overdue).
    let file = "\u{feff}nội_dung,chủ_trì,phối_hợp,nghị_quyết,ngày_giao,thời_hạn,ngày_hoàn_thành\n\
                Trình Nghị định X,BTC,BXD; BTP,12/NQ-CP,2024-01-05,2024-03-31,2024-04-05\n\
                Báo cáo Y,BXD,,,05/01/2024,30/06/2024,\n";
    assert_eq!(
        app::tasks::import::import(db, &office, file).await.unwrap(),
        2
    );
    let d = app::tasks::dashboard::dashboard(db, &office, today)
        .await
        .unwrap();
    assert_eq!(counts(d.total), (2, 0, 1, 0, 1));
    // Finance leads one (X) and coordinates none of Y: one task.
    let finance = current_user(db, FINANCE_MINISTER).await;
    assert_eq!(
        app::tasks::store::list_for(db, &finance, today)
            .await
            .unwrap()
            .len(),
        1
    );
    // The file's hash is in the audit chain.
    let (detail,): (Option<String>,) = app::with_db!(db, |pool| {
        sqlx::query_as("select detail from audit_event where event = 'task.imported'")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    let want = format!("sha256={}", hex::encode(Sha256::digest(file.as_bytes())));
    assert_eq!(detail.as_deref(), Some(want.as_str()));
    // A bad third line: nothing of the file is taken, and the line is named.
    let bad = "text,lead,assigned_on,deadline\nA,BTC,2025-01-10,2025-02-01\nB,BTC,2025-01-10,\n";
    let refused = app::tasks::import::import(db, &office, bad).await;
    assert_eq!(
        refused.map_err(|e| e.message(app::i18n::Lang::En)),
        Err("Line 3: needs a text, a known lead agency code (and coordinators, separated by semicolons), the day assigned and a deadline not before it (YYYY-MM-DD or DD/MM/YYYY).".to_owned())
    );
    let d = app::tasks::dashboard::dashboard(db, &office, today)
        .await
        .unwrap();
    assert_eq!(d.total.assigned, 2);
    // Only the secretariat imports.
    let officer = current_user(db, BTC_OFFICER).await;
    let denied = app::tasks::import::import(db, &officer, file).await;
    assert!(matches!(denied, Err(AppError::Forbidden)), "{denied:?}");
}
