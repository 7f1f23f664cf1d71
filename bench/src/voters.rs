//! Figure 1: simultaneous voters. N members, each signed in with a passkey of their own (a
//! software authenticator enrolled through the real ceremony), answer one written ballot at
//! the same moment over HTTP, each on its own connection. Ahead of the clock, each member
//! asked the server for a nonce and signed the answer; the clock runs from the first answer
//! sent to the last acknowledged. Afterwards every acknowledged answer must be stored exactly
//! once. References, same run: (a) a plain loop inserting one row per transaction with the
//! same durability on the same engine; (b) the CPU time of verifying the N signatures alone,
//! with the server's own verification code, on one core.
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use base64::Engine as _;
use chrono::Utc;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::authenticator::SoftAuthenticator;
use crate::engine::Engine;
use crate::measure::{ms, percentile};
use crate::server::{until_ok, Server};

pub struct Voter {
    id: Uuid,
    cookie: String,
    key: SoftAuthenticator,
    /// The tablet's address.
    from: String,
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default()
}

/// The address tablet `n` calls from (through the trusted proxy).
fn address(n: usize) -> String {
    format!("10.{}.{}.{}", n / 65_536 % 256, n / 256 % 256, n % 256)
}

/// Call server function `name` with a form or a JSON body as the tablet at `from`; the
/// answer's JSON.
async fn call(
    server: &Server,
    (cookie, from): (&str, &str),
    name: &str,
    body: Result<&[(&str, &str)], &Value>,
) -> anyhow::Result<(reqwest::header::HeaderMap, Value)> {
    let request = client()
        .post(format!("{}/api/{name}", server.base))
        .header("origin", &server.origin)
        .header("x-forwarded-for", from)
        .header("cookie", cookie);
    let request = match body {
        Ok(form) => request.form(form),
        Err(json) => request.json(json),
    };
    let response = request.send().await?;
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await?;
    if !status.is_success() {
        bail!("{name}: {status} {text}");
    }
    Ok((headers, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

/// Create `n` Government members and enrol a passkey for each through the real ceremony
/// (enrolment link, `enrol_start`, `enrol_finish`); each enrolment signs them in.
pub async fn voters(server: &Server, db: &app::db::Db, n: usize) -> anyhow::Result<Vec<Voter>> {
    let now = Utc::now();
    let ids: Vec<Uuid> = (0..n).map(|_| Uuid::now_v7()).collect();
    let mut tx = db.begin().await?;
    app::with_tx!(&mut tx, |conn| {
        for (i, id) in ids.iter().enumerate() {
            sqlx::query(
                "insert into user_account (id, full_name, email, role, created_at, updated_at)
                 values ($1, $2, $3, 'member', $4, $4)",
            )
            .bind(id)
            .bind(format!("Thành viên thử tải {}", i + 1))
            .bind(format!("thu-tai-{}@chinhphu.example", i + 1))
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    });
    tx.commit().await?;
    let mut out = Vec::with_capacity(n);
    for (i, id) in ids.into_iter().enumerate() {
        let token = app::identity::passkeys::create_enrolment(db, id, None).await?;
        let mut key = SoftAuthenticator::new(&server.origin, 1_000 + i as u32);
        let from = address(i);
        let (_, started) =
            call(server, ("", &from), "enrol_start", Ok(&[("token", &token)])).await?;
        let credential = key.register(&started["options"]);
        let (headers, _) = call(
            server,
            ("", &from),
            "enrol_finish",
            Err(&json!({"token": token, "ceremony": started["ceremony"],
                        "credential": credential, "name": "Máy tính bảng"})),
        )
        .await?;
        let cookie = headers
            .get("set-cookie")
            .context("enrolment starts a session")?
            .to_str()?
            .split(';')
            .next()
            .unwrap_or_default()
            .to_owned();
        out.push(Voter {
            id,
            cookie,
            key,
            from,
        });
    }
    Ok(out)
}

/// A signed answer ready to send, and what its signature check needs.
struct Ready {
    body: Value,
    cookie: String,
    from: String,
    assertion: app::ballots::assertion::Assertion,
    challenge: Vec<u8>,
    public_key: Vec<u8>,
}

fn unb64(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(v.as_str().unwrap_or_default().trim_end_matches('='))
        .unwrap_or_default()
}

async fn prepare(server: &Server, ballot: Uuid, voter: &mut Voter) -> anyhow::Result<Ready> {
    let id = ballot.to_string();
    let form = [
        ("id", id.as_str()),
        ("choice", "Agree"),
        ("text", ""),
        ("comment", ""),
    ];
    let (_, request) = call(
        server,
        (&voter.cookie, &voter.from),
        "ballot_sign_start",
        Ok(&form),
    )
    .await?;
    let credential = voter.key.assert(&request["options"]);
    let response = &credential["response"];
    Ok(Ready {
        body: json!({"id": id, "nonce": request["nonce"], "choice": "Agree", "text": "",
                     "comment": "", "credential": credential}),
        cookie: voter.cookie.clone(),
        from: voter.from.clone(),
        assertion: app::ballots::assertion::Assertion {
            client_data_json: unb64(&response["clientDataJSON"]),
            authenticator_data: unb64(&response["authenticatorData"]),
            signature: unb64(&response["signature"]),
        },
        challenge: unb64(&request["options"]["publicKey"]["challenge"]),
        public_key: voter
            .key
            .key
            .verifying_key()
            .to_sec1_point(false)
            .as_bytes()
            .to_vec(),
    })
}

/// Reference (a): `n` rows, one transaction each, on the server's database (same engine,
/// same durability settings as the server's pool).
async fn insert_loop(db: &app::db::Db, n: usize) -> anyhow::Result<Duration> {
    app::with_db!(db, |pool| {
        sqlx::query("create table if not exists bench_row (id text primary key, at text not null)")
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    let start = Instant::now();
    for _ in 0..n {
        let mut tx = db.begin().await?;
        app::with_tx!(&mut tx, |conn| {
            sqlx::query("insert into bench_row (id, at) values ($1, $2)")
                .bind(Uuid::now_v7().to_string())
                .bind(Utc::now().to_rfc3339())
                .execute(&mut *conn)
                .await?;
        });
        tx.commit().await?;
    }
    Ok(start.elapsed())
}

/// One ballot answered by the first `n` of `everyone` at once, answer `i` sent to node
/// `i % nodes.len()`.
pub struct Round {
    pub total: Duration,
    pub latencies: Vec<Duration>,
    /// Reference (b): the signatures alone.
    pub verify_only: Duration,
}

pub async fn round(
    nodes: &[&Server],
    db: &app::db::Db,
    secretary: &str,
    everyone: &mut [Voter],
    n: usize,
) -> anyhow::Result<Round> {
    let office = (secretary, "10.255.0.1");
    let first = nodes[0];
    let eligible: Vec<String> = everyone[..n].iter().map(|v| v.id.to_string()).collect();
    let draft = json!({"title": format!("Phiếu lấy ý kiến thử tải ({n} thành viên)"),
        "question": "Đề nghị cho ý kiến về dự thảo Nghị định.",
        "deadline": "2030-12-31T17:00", "eligible": eligible,
        "reminder_hours": [], "results_to_members": true});
    let (_, ballot) = call(
        first,
        office,
        "ballot_create",
        Err(&json!({"draft": draft})),
    )
    .await?;
    let ballot: Uuid = serde_json::from_value(ballot)?;
    call(
        first,
        office,
        "ballot_send",
        Ok(&[("id", &ballot.to_string())]),
    )
    .await?;
    let mut ready = Vec::with_capacity(n);
    for (i, voter) in everyone[..n].iter_mut().enumerate() {
        ready.push(prepare(nodes[i % nodes.len()], ballot, voter).await?);
    }

    // (b): the signatures alone, one after another on one core.
    let rp_id = url::Url::parse(&first.origin)?
        .host_str()
        .unwrap_or_default()
        .to_owned();
    let verify_start = Instant::now();
    for r in &ready {
        app::ballots::assertion::verify(
            &app::ballots::assertion::Expected {
                challenge: &r.challenge,
                origin: &first.origin,
                rp_id: &rp_id,
                stored_counter: 0,
            },
            &r.assertion,
            &r.public_key,
        )
        .map_err(|why| anyhow::anyhow!("a prepared signature does not verify: {why:?}"))?;
    }
    let verify_only = verify_start.elapsed();

    // All at once: each on its own connection, opened before the clock starts.
    let clients: Vec<reqwest::Client> = (0..n).map(|_| client()).collect();
    for (i, c) in clients.iter().enumerate() {
        let _ = c
            .get(format!("{}/healthz", nodes[i % nodes.len()].base))
            .send()
            .await;
    }
    let start = Instant::now();
    let tasks: Vec<_> = ready
        .iter()
        .zip(clients)
        .enumerate()
        .map(|(i, (r, c))| {
            let node = nodes[i % nodes.len()];
            let request = c
                .post(format!("{}/api/ballot_answer", node.base))
                .header("origin", &node.origin)
                .header("cookie", &r.cookie)
                .header("x-forwarded-for", &r.from)
                .json(&r.body);
            tokio::spawn(async move {
                let sent = Instant::now();
                let ok = request
                    .send()
                    .await
                    .is_ok_and(|response| response.status().is_success());
                (ok, sent.elapsed())
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(n);
    let mut acknowledged = 0;
    for t in tasks {
        let (ok, took) = t.await?;
        if ok {
            acknowledged += 1;
            latencies.push(took);
        }
    }
    let total = start.elapsed();

    // Every acknowledged answer stored, once.
    let (stored, distinct): (i64, i64) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select count(*), count(distinct user_id) from ballot_answer where ballot_id = $1",
        )
        .bind(ballot)
        .fetch_one(pool)
        .await
    })?;
    if acknowledged != n || stored != n as i64 || distinct != n as i64 {
        bail!("{n} voters: {acknowledged} acknowledged, {stored} stored, {distinct} distinct");
    }
    Ok(Round {
        total,
        latencies,
        verify_only,
    })
}

/// The secretariat's session on `server`.
pub async fn secretary(server: &Server, db: &app::db::Db) -> anyhow::Result<String> {
    let (name,): (String,) = app::with_db!(db, |pool| {
        sqlx::query_as("select full_name from user_account where role = 'secretariat' limit 1")
            .fetch_one(pool)
            .await
    })?;
    server.sign_in(db, &name).await
}

async fn on_engine(server_bin: &Path, engine: &Engine, quick: bool) -> anyhow::Result<Vec<String>> {
    let sizes: &[usize] = if quick { &[10, 30] } else { &[100, 300, 1_000] };
    let dir = tempfile::tempdir()?;
    let url = engine.fresh(dir.path()).await?;
    let server = Server::spawn(server_bin, dir.path(), &url, true)?;
    until_ok(&format!("{}/readyz", server.base), Duration::from_secs(120)).await?;
    let db = app::db::Db::connect(&server.database_url, 2).await?;
    let secretary = secretary(&server, &db).await?;
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let enrolling = Instant::now();
    let mut everyone = voters(&server, &db, largest).await?;
    eprintln!(
        "  {} {largest} members enrolled in {:?}",
        engine.name(),
        enrolling.elapsed()
    );

    let mut rows = Vec::new();
    for &n in sizes {
        let r = round(&[&server], &db, &secretary, &mut everyone, n).await?;
        let loop_time = insert_loop(&db, n).await?;
        rows.push(format!(
            "| {} | {n} | {} | {} | {} | {n}/{n}, once each | {} ({:.0} rows/s) | {} | {:.2}× |",
            engine.name(),
            ms(r.total),
            ms(percentile(&r.latencies, 50.0)),
            ms(percentile(&r.latencies, 99.0)),
            ms(loop_time),
            n as f64 / loop_time.as_secs_f64(),
            ms(r.verify_only),
            r.total.as_secs_f64() / r.verify_only.as_secs_f64().max(1e-9),
        ));
        eprintln!("  {} {n} voters done", engine.name());
    }
    Ok(rows)
}

pub async fn run(server_bin: &Path, engines: &[Engine], quick: bool) -> anyhow::Result<String> {
    let rows = crate::engine::on_each(engines, "voters", |engine| {
        on_engine(server_bin, engine, quick)
    })
    .await?;
    Ok(format!(
        "## Figure 1 — simultaneous voters\n\nN members (created for the run, each with a \
         passkey enrolled through the real ceremony and the session it started) answer one \
         ballot at the same moment, each `POST /api/ballot_answer` on its own connection, with \
         an assertion signed ahead of the clock over the server's nonce. The server checks the \
         session, that the member may answer, and the signature, then hands the answer to the \
         group-commit writer and acknowledges once it is durable. Total: from the first answer \
         sent to the last acknowledged. Checked after each run: every acknowledged answer is \
         stored exactly once. References, same run: (a) one row per transaction in a loop on \
         the same database; (b) verifying the N signatures with the server's own code on one \
         core. Targets: total ≤ 2× (b) and far above (a); 1,000 voters durable < 250 ms, p99 \
         < 150 ms.\n\n\
         | engine | voters | all durable | p50 per answer | p99 | stored | (a) insert loop | \
         (b) signatures alone | total ÷ (b) |\n\
         |---|---|---|---|---|---|---|---|---|\n{}\n",
        rows.join("\n")
    ))
}
