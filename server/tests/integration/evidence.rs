//! Evidence binds content, tried as someone with database access would (both engines): a
//! paper answer never replaces a member's signed one; `verify-ballots` sees an answer
//! rewritten to look like a paper one, and one deleted; `verify-audit`'s content check sees
//! finalised minutes, a conclusion and a document's file changed in the database.

use app::room::model::RoomAct;
use uuid::Uuid;

use crate::ballots::{answer, enrol, paper_agree, verify};
use crate::common::authenticator::SoftAuthenticator;
use crate::common::ballots::open_ballot;
use crate::common::meetings::{agenda_items, room_act};
use crate::common::*;

on_both_engines!(
    a_paper_answer_never_replaces_a_signed_one,
    the_verifier_sees_answers_rewritten_or_deleted,
    content_changed_in_the_database_is_caught,
);

async fn exec(db: &app::db::Db, sql: &str, id: Uuid) {
    app::with_db!(db, |pool| sqlx::query(sql)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
}

/// The Prime Minister, enrolled, answers "disagree" (signed) on a fresh ballot: (ballot,
/// the answer's id, the secretariat's cookie).
async fn signed_disagree(server: &TestServer) -> (Uuid, Uuid, String) {
    let db = &server.state.db;
    let mut key = SoftAuthenticator::new(&server.base, 41);
    enrol(server, PRIME_MINISTER, &mut key).await;
    let pm = user_id(db, PRIME_MINISTER).await;
    let secretary = demo_cookie(server, SECRETARY).await;
    let ballot = open_ballot(server, &secretary, "Phiếu về chứng cứ", &[pm]).await;
    let pm_cookie = demo_cookie(server, PRIME_MINISTER).await;
    let (status, body) = answer(
        server,
        &pm_cookie,
        &mut key,
        ballot,
        ("Disagree", ""),
        "Disagree",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (id,): (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from ballot_answer where ballot_id = $1")
            .bind(ballot)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    (ballot, id, secretary)
}

async fn a_paper_answer_never_replaces_a_signed_one(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let (ballot, _, secretary) = signed_disagree(&server).await;
    let pm = user_id(&db, PRIME_MINISTER).await;
    let (status, body) = paper_agree(&server, &secretary, &ballot.to_string(), pm).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("SignedAnswerExists"), "{body}");
    let (n,): (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select count(*) from ballot_answer where ballot_id = $1")
            .bind(ballot)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(n, 1);
    assert_eq!(verify(&server).await.mismatches, vec![]);
}

async fn the_verifier_sees_answers_rewritten_or_deleted(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let (ballot, id, _) = signed_disagree(&server).await;
    let pm = user_id(&db, PRIME_MINISTER).await;
    let secretary = user_id(&db, SECRETARY).await;
    // Made to look like a paper "agree": the choice, who entered it, the plain hash of the new
    // content recomputed, the signature removed.
    let agree = app::ballots::canonical::AnswerText {
        ballot,
        member: pm,
        choice: app::ballots::model::Choice::Agree,
        text: "",
        comment: "",
    };
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(agree.canonical()));
    app::with_db!(&db, |pool| {
        sqlx::query(
            "update ballot_answer set choice = 'agree', entered_by = $2, answer_sha256 = $3,
                    nonce = null, credential_id = null, client_data_json = null,
                    authenticator_data = null, signature = null
             where id = $1",
        )
        .bind(id)
        .bind(secretary)
        .bind(&hash)
        .execute(pool)
        .await
        .map(|_| ())
    })
    .unwrap();
    let problems: Vec<&str> = verify(&server)
        .await
        .mismatches
        .iter()
        .filter(|m| m.answer == Some(id))
        .map(|m| m.problem)
        .collect();
    assert_eq!(
        problems,
        vec!["the answer's kind (signed or paper) differs from its audit record",],
        "the record of a signed answer does not vouch for a paper one"
    );
    // Deleted: the chain still names it.
    exec(&db, "delete from ballot_answer where id = $1", id).await;
    let report = verify(&server).await;
    assert!(
        report.mismatches.iter().any(|m| m.answer == Some(id)
            && m.problem == "an answer in the audit chain is missing from the database"),
        "{:?}",
        report.mismatches
    );
}

async fn content_changed_in_the_database_is_caught(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let item = agenda_items(&db, regular).await[0];
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    for act in [
        RoomAct::Open,
        RoomAct::StartItem(item),
        RoomAct::Conclude {
            item,
            text: "Kết luận ban đầu".to_owned(),
        },
        RoomAct::Conclude {
            item,
            text: "Giao Bộ Tài chính hoàn thiện báo cáo.".to_owned(),
        },
        RoomAct::Close,
    ] {
        let (status, body) = room_act(&server, &chair, regular, act).await;
        assert_eq!(status, 200, "{body}");
    }
    let id = regular.to_string();
    let just_id = [("meeting_id", id.as_str())];
    assert_eq!(
        call_form(&server, &secretary, "minutes", &just_id).await.0,
        200
    );
    assert_eq!(
        call_form(&server, &chair, "minutes_approve", &just_id)
            .await
            .0,
        200
    );
    assert_eq!(
        call_form(&server, &secretary, "minutes_finalise", &just_id)
            .await
            .0,
        200
    );
    // As recorded: nothing changed (the first conclusion was superseded, not changed).
    assert_eq!(server::audit::content::recheck(&db).await.unwrap(), vec![]);

    let changed = |list: Vec<server::audit::content::Changed>| -> Vec<(String, &'static str)> {
        list.into_iter().map(|c| (c.event, c.reason)).collect()
    };
    exec(
        &db,
        "update minutes set body = body || ' (sửa trong cơ sở dữ liệu)' where meeting_id = $1",
        regular,
    )
    .await;
    exec(
        &db,
        "update agenda_item set conclusion = 'Không giao nhiệm vụ.' where id = $1",
        item,
    )
    .await;
    assert_eq!(
        changed(server::audit::content::recheck(&db).await.unwrap()),
        vec![
            (
                "meeting.conclusion".to_owned(),
                "the recorded conclusion was changed"
            ),
            (
                "minutes.finalised".to_owned(),
                "the finalised minutes were changed"
            ),
        ]
    );

    // A document uploaded to the draft session, then its file's bytes swapped in the
    // database under the same hash.
    let thematic = meeting_id(&db, THEMATIC).await;
    let thematic_item = agenda_items(&db, thematic).await[0];
    let (pdf, _) = demo_pdf("bao-cao-chinh-phu-so.txt");
    let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&pdf));
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("item={thematic_item}&name=Bao_cao.pdf"),
        pdf,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    app::with_db!(&db, |pool| {
        sqlx::query("update blob_chunk set data = $1 where sha256 = $2 and chunk_index = 0")
            .bind(b"%PDF-1.7 another file".to_vec())
            .bind(&sha)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    let found = changed(server::audit::content::recheck(&db).await.unwrap());
    assert!(
        found.contains(&(
            "document.uploaded".to_owned(),
            "the document's file was changed"
        )),
        "{found:?}"
    );
}
