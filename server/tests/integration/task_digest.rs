//! What the tasks tell people by mail, on both engines: the secretariat's weekly digest goes
//! out once a week when something is overdue, and its mail lists the overdue tasks, the
//! oldest deadline first; a task's notice links to the task. The clock is the test's: tasks
//! assigned in January 2000, before any of the demo's deadlines.
use app::identity::model::NoticeKind;
use app::tasks::model::TaskForm;
use chrono::NaiveDate;

use crate::common::*;

on_both_engines!(the_weekly_digest_names_what_is_overdue);

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn digests(db: &app::db::Db) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from notification where kind = 'task_overdue_digest'")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    n
}

async fn the_weekly_digest_names_what_is_overdue(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let office = current_user(db, SECRETARY).await;
    let (staff,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from user_account where role = 'secretariat' and active")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert!(staff >= 2, "the demo's Office has its staff");

    // Monday 3 January 2000 (week 2000-W01): nothing is overdue yet; the week is claimed.
    assert_eq!(
        app::tasks::digest::weekly(db, day("2000-01-03"))
            .await
            .unwrap(),
        0
    );
    let assign = |text: &str, lead: &str, deadline: &str| TaskForm {
        text: text.to_owned(),
        source: "manual".to_owned(),
        lead: lead.to_owned(),
        deadline: deadline.to_owned(),
        ..TaskForm::default()
    };
    let a = assign("Báo cáo A", "BTC", "2000-01-05");
    let b = assign("Đề án B", "BXD", "2000-01-20");
    let mut ids = Vec::new();
    for form in [a, b] {
        let id = app::tasks::editing::assign(db, &office, &form, day("2000-01-03"))
            .await
            .unwrap();
        ids.push(id);
    }
    // Same week: already sent (nothing was due then).
    assert_eq!(
        app::tasks::digest::weekly(db, day("2000-01-07"))
            .await
            .unwrap(),
        0
    );
    // Week 2: A is overdue (5 January passed); B not (due the 20th). One notice per staff.
    assert_eq!(
        app::tasks::digest::weekly(db, day("2000-01-10"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(digests(db).await, staff);
    assert_eq!(
        app::tasks::digest::weekly(db, day("2000-01-14"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(digests(db).await, staff);
    // Week 4: both, the oldest deadline first.
    assert_eq!(
        app::tasks::digest::weekly(db, day("2000-01-24"))
            .await
            .unwrap(),
        2
    );
    assert_eq!(digests(db).await, 2 * staff);
    let lines = app::tasks::digest::overdue_lines(db, day("2000-01-24"))
        .await
        .unwrap();
    assert_eq!(
        lines,
        ["2000-01-05 · BTC · Báo cáo A", "2000-01-20 · BXD · Đề án B"]
    );

    // The mails: the digest lists the lines and links to the tasks; a task's notice links to
    // the task.
    let mailer = server::mail::Mailer::new(
        "smtp://127.0.0.1:2525",
        "e-Cabinet <thongbao@ecabinet.example>",
        "https://ecabinet.example/",
    )
    .unwrap();
    let claimed = app::identity::notifications::claim_for_email(db, 1000)
        .await
        .unwrap();
    let digest = claimed
        .iter()
        .find(|n| n.kind == NoticeKind::TaskOverdueDigest)
        .expect("a digest to mail");
    let text = mailer.body(digest, &lines);
    assert!(
        text.ends_with(
            "- 2000-01-05 · BTC · Báo cáo A\n- 2000-01-20 · BXD · Đề án B\n\n\
             https://ecabinet.example/tasks\n"
        ),
        "{text}"
    );
    mailer.compose(digest, &lines).unwrap();
    let assigned = claimed
        .iter()
        .find(|n| {
            n.kind == NoticeKind::TaskAssigned
                && n.about
                    .as_ref()
                    .is_some_and(|(p, _)| p.contains(&ids[0].to_string()))
        })
        .expect("the assignment's notice");
    assert_eq!(
        assigned.about,
        Some((format!("/tasks/{}", ids[0]), "Báo cáo A".to_owned()))
    );
}
