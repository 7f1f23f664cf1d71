//! An acknowledged answer survives `kill -9`: the real server binary takes a burst of
//! concurrent answers (through its group-commit writer), is killed with SIGKILL mid-burst,
//! restarted on the same database, and every answer it acknowledged is there exactly once.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{COOKIE, ORIGIN};
use uuid::Uuid;

use crate::common::processes::*;
use crate::common::*;

on_both_engines!(acknowledged_answers_survive_kill_9);

/// Answers sent in the burst, and how many acknowledgements to wait for before the kill.
const BURST: usize = 400;
const KILL_AFTER: usize = 60;

async fn acknowledged_answers_survive_kill_9(engine: Engine) {
    let fresh = fresh_database(engine).await;
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let origin = format!("http://localhost:{port}");
    let mut child = spawn_binary(&fresh.url, data.path(), port);
    let db = app::db::Db::connect(&fresh.url, 2).await.unwrap();
    let (secretary,): (Uuid,) = app::with_db!(&db, |pool| sqlx::query_as(
        "select id from user_account where full_name = $1"
    )
    .bind(SECRETARY)
    .fetch_one(pool)
    .await)
    .unwrap();
    let members: Vec<(Uuid,)> = app::with_db!(&db, |pool| sqlx::query_as(
        "select id from user_account where role = 'member' and active"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    let signed_in = client()
        .post(format!("{base}/demo/sign-in"))
        .header(ORIGIN, &origin)
        .form(&[("user_id", secretary.to_string())])
        .send()
        .await
        .unwrap();
    let cookie = signed_in.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let call = |endpoint: &'static str, body: reqwest::RequestBuilder| {
        body.header(ORIGIN, &origin)
            .header(COOKIE, &cookie)
            .send()
            .map(move |r| (endpoint, r))
    };
    use futures::FutureExt;
    let draft = serde_json::json!({"draft": app::ballots::model::BallotDraft {
        title: "Phiếu kiểm tra độ bền".to_owned(),
        question: "?".to_owned(),
        deadline: "2030-12-31T17:00".to_owned(),
        eligible: vec![],
        reminder_hours: vec![],
        results_to_members: true,
    }});
    let (_, created) = call(
        "ballot_create",
        client()
            .post(format!("{base}/api/ballot_create"))
            .json(&draft),
    )
    .await;
    let ballot: Uuid = created.unwrap().json().await.unwrap();
    let (_, sent) = call(
        "ballot_send",
        client()
            .post(format!("{base}/api/ballot_send"))
            .form(&[("id", ballot.to_string())]),
    )
    .await;
    assert_eq!(sent.unwrap().status(), 200);

    // The burst: paper answers (the writer treats them like signed ones), each with its own
    // form key; keys acknowledged with 200 are noted.
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut tasks = Vec::new();
    for n in 0..BURST {
        let key = Uuid::now_v7().to_string();
        let member = members[n % members.len()].0.to_string();
        let request = client()
            .post(format!("{base}/api/ballot_paper_answer"))
            .header(ORIGIN, &origin)
            .header(COOKIE, &cookie)
            .form(&[
                ("id", ballot.to_string()),
                ("member_id", member),
                ("choice", "Agree".to_owned()),
                ("text", String::new()),
                ("comment", String::new()),
                ("form_key", key.clone()),
            ]);
        let acked = acked.clone();
        tasks.push(tokio::spawn(async move {
            if let Ok(response) = request.send().await {
                if response.status() == 200 {
                    acked.lock().unwrap().push(key);
                }
            }
        }));
    }
    let started = std::time::Instant::now();
    while acked.lock().unwrap().len() < KILL_AFTER {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no acknowledgements"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for task in tasks {
        task.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= KILL_AFTER);

    // Restart on the same database; every acknowledged answer is there, once.
    let mut child = spawn_binary(&fresh.url, data.path(), port);
    let stored: Vec<(String, i64)> = app::with_db!(&db, |pool| {
        sqlx::query_as(
        "select request_key, count(*) from ballot_answer where ballot_id = $1 group by request_key"
    )
    .bind(ballot)
    .fetch_all(pool)
    .await
    })
    .unwrap();
    let stored: std::collections::HashMap<String, i64> = stored.into_iter().collect();
    for key in &acked {
        assert_eq!(
            stored.get(&format!("paper:{key}")),
            Some(&1),
            "acknowledged answer {key} lost or duplicated"
        );
    }
    // Every stored answer came from the burst, and none twice.
    assert!(stored.values().all(|n| *n == 1));
    assert!(stored.len() <= BURST);
    println!(
        "durability ({engine:?}): {} acknowledged before kill -9, {} stored, all acknowledged found once",
        acked.len(),
        stored.len()
    );
    child.kill().unwrap();
    child.wait().unwrap();
    db.close().await;
}
