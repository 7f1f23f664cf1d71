//! E-mail notices over real SMTP (to a sink on loopback), on both engines: publishing a
//! meeting mails each invitee once, in Vietnamese then English, with a link to the meeting;
//! a ballot's notices link to the ballot.

use std::time::Duration;

use crate::common::ballots::open_ballot;
use crate::common::smtp::SmtpSink;
use crate::common::*;
use serde_json::json;

on_both_engines!(
    publication_is_mailed_to_each_invitee_once,
    a_sent_ballot_is_mailed_with_a_link_to_the_ballot
);

async fn publication_is_mailed_to_each_invitee_once(engine: Engine) {
    let sink = SmtpSink::start().await;
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let server = start_server_with(engine, true, &["--smtp-url", &smtp]).await;
    let db = server.state.db.clone();
    let thematic = meeting_id(&db, THEMATIC).await;
    // The draft's invitees, as the demo set them up.
    let invited: Vec<(String,)> = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select u.email from invitation i join user_account u on u.id = i.user_id
             where i.meeting_id = $1 order by u.email",
        )
        .bind(thematic)
        .fetch_all(pool)
        .await
    })
    .unwrap();
    assert!(invited.len() >= 3, "the demo draft has invitees");
    // The demo's own notices (made at start) are mailed too; wait for them to pass.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let before = sink.received().len();

    let secretary = demo_cookie(&server, SECRETARY).await;
    let (status, body) = call_json(
        &server,
        &secretary,
        "meeting_state",
        json!({"id": thematic.to_string(), "action": "Publish"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let mails = loop {
        let mails: Vec<_> = sink.received().into_iter().skip(before).collect();
        if mails.len() >= invited.len() || tokio::time::Instant::now() > deadline {
            break mails;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // A few more rounds of the mailer: nothing is sent twice.
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(sink.received().len() - before, invited.len());
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    let expected: Vec<String> = invited.into_iter().map(|(e,)| e).collect();
    assert_eq!(to, expected);
    let mail = &mails[0].data;
    assert!(mail.contains(&format!("/meetings/{thematic}")), "{mail}");
    assert!(mail.contains("Subject: "), "{mail}");
    let flat = mail.replace("=\n", "");
    assert!(
        flat.contains("A meeting you are invited to was published."),
        "{mail}"
    );
}

async fn a_sent_ballot_is_mailed_with_a_link_to_the_ballot(engine: Engine) {
    let sink = SmtpSink::start().await;
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let server = start_server_with(engine, true, &["--smtp-url", &smtp]).await;
    let db = server.state.db.clone();
    tokio::time::sleep(Duration::from_secs(4)).await;
    let before = sink.received().len();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let finance = user_id(&db, FINANCE_MINISTER).await;
    let ballot = open_ballot(&server, &secretary, "Phiếu gửi thư", &[finance]).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let mails = loop {
        let mails: Vec<_> = sink.received().into_iter().skip(before).collect();
        if !mails.is_empty() || tokio::time::Instant::now() > deadline {
            break mails;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(mails.len(), 1, "one member asked, one mail");
    let flat = mails[0].data.replace("=\n", "");
    assert!(flat.contains(&format!("/ballots/{ballot}")), "{flat}");
    assert!(
        flat.contains("You are asked for your opinion on a new ballot."),
        "{flat}"
    );
}
