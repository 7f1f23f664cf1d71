//! What we hand out as CSV opens in a spreadsheet as text, never as a formula: free text that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe (the
//! rule itself is unit-tested with each of them in `app::spreadsheet`).

use crate::common::*;
use uuid::Uuid;

on_both_engines!(csv_exports_never_carry_a_formula);

async fn csv_exports_never_carry_a_formula(engine: Engine) {
    let test = migrated(engine).await;
    server::demo::seed(&test.db, true).await.unwrap();
    let db = &test.db;
    let secretary = current_user(db, SECRETARY).await;

    // A closed meeting titled like a formula, as a careless or hostile clerk could type it.
    let (meeting,): (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from meeting where state = 'closed' order by starts_at limit 1")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    app::with_db!(db, |pool| {
        sqlx::query("update meeting set title = '=1+1 Phiên họp' where id = $1")
            .bind(meeting)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    let savings = app::analytics::store::csv(db, &secretary).await.unwrap();
    let savings = String::from_utf8(savings).unwrap();
    assert!(savings.contains(",'=1+1 Phiên họp,"), "{savings}");
    assert!(!savings.contains(",=1+1"), "{savings}");

    // A closed ballot whose "other opinion" and comment begin like formulas.
    let (ballot, answer): (Uuid, Uuid) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select b.id, a.id from ballot b join ballot_answer a on a.ballot_id = b.id
             where b.state = 'closed'
               and not exists(select 1 from ballot_answer l where l.ballot_id = a.ballot_id
                              and l.user_id = a.user_id and l.answered_at > a.answered_at)
             order by b.closed_at, a.answered_at limit 1",
        )
        .fetch_one(pool)
        .await
    })
    .unwrap();
    app::with_db!(db, |pool| {
        sqlx::query(
            "update ballot_answer set choice = 'other', other_text = '@SUM(A1:A9)',
                                      comment = '-2+3' where id = $1",
        )
        .bind(answer)
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();
    let (_, summary) = app::ballots::summary::csv(db, &secretary, ballot)
        .await
        .unwrap();
    let summary = String::from_utf8(summary).unwrap();
    assert!(summary.contains(",'@SUM(A1:A9),'-2+3"), "{summary}");
    assert!(!summary.contains(",@SUM"), "{summary}");

    // A task whose text begins like a formula: the tasks' CSV, for the secretariat.
    app::with_db!(db, |pool| {
        sqlx::query(
            "update task set text = '+84 cuộc gọi'
             where id = (select id from task order by id limit 1)",
        )
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();
    let tasks = app::tasks::export::csv(db, &secretary, app::tasks::store::today())
        .await
        .unwrap();
    let tasks = String::from_utf8(tasks).unwrap();
    assert!(tasks.starts_with("\u{feff}nội dung nhiệm vụ,"), "{tasks}");
    assert!(tasks.contains("\n'+84 cuộc gọi,"), "{tasks}");
    assert!(!tasks.contains("\n+84"), "{tasks}");
}
