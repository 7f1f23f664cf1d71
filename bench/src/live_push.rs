//! Figure 2: live push — from the chair's act (a request to the server) to the **last** of N
//! connected tablets receiving the room on the live channel — and memory per idle connection
//! ((RSS with N open − RSS with none) ÷ N), against a raw socket writer sending an event of
//! the same size to N loopback connections.
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::measure::{ms, percentile, rss_kib};
use crate::server::{until_ok, Server};

/// Open one live channel; every `room` event it receives is reported on `seen`. A plain
/// socket speaking just enough HTTP/1.1: the load generator shares the server's two cores, so
/// each tablet must cost it as little as the raw writer's readers cost the reference.
async fn tablet(
    address: SocketAddr,
    cookie: String,
    ready: mpsc::Sender<()>,
    seen: mpsc::UnboundedSender<Instant>,
) -> anyhow::Result<()> {
    let mut socket = tokio::net::TcpStream::connect(address).await?;
    socket
        .write_all(
            format!(
                "GET /api/live HTTP/1.1\r\nhost: {address}\r\ncookie: {cookie}\r\n\
                 accept: text/event-stream\r\n\r\n"
            )
            .as_bytes(),
        )
        .await?;
    let mut buffer: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buffer.extend_from_slice(&chunk[..n]);
        // Each complete message ends with a blank line.
        while let Some(end) = memchr::memmem::find(&buffer, b"\n\n") {
            let block = &buffer[..end];
            if memchr::memmem::find(block, b"event: room").is_some() {
                let _ = seen.send(Instant::now());
            } else if memchr::memmem::find(block, b"event: ready").is_some() {
                let _ = ready.send(()).await;
            }
            buffer.drain(..end + 2);
        }
    }
}

async fn room_act(server: &Server, cookie: &str, meeting: Uuid, act: &str) -> anyhow::Result<()> {
    let response = reqwest::Client::new()
        .post(format!("{}/api/room_act", server.base))
        .header("origin", &server.origin)
        .header("cookie", cookie)
        .json(&serde_json::json!({"meeting_id": meeting, "act": act}))
        .send()
        .await?;
    if !response.status().is_success() {
        bail!("room_act {act}: {}", response.status());
    }
    Ok(())
}

/// Wait for `n` reports on `seen` (bounded by `limit`); the latest instant.
async fn last_of(
    seen: &mut mpsc::UnboundedReceiver<Instant>,
    n: usize,
    limit: Duration,
) -> anyhow::Result<Instant> {
    let mut last = None;
    for _ in 0..n {
        let at = tokio::time::timeout(limit, seen.recv())
            .await
            .context("a tablet did not receive the event in time")?
            .context("tablets gone")?;
        last = Some(last.map_or(at, |l: Instant| l.max(at)));
    }
    last.context("no tablet")
}

/// The reference: a plain TCP writer sending `event` to `n` loopback connections, `rounds`
/// times; the time from the start of writing to the last reader having it all.
async fn raw_writer(n: usize, event: usize, rounds: usize) -> anyhow::Result<Vec<Duration>> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind("127.0.0.1:0".parse()?)?;
    let listener = socket.listen(4096)?;
    let addr = listener.local_addr()?;
    let (seen_tx, mut seen) = mpsc::unbounded_channel::<Instant>();
    let mut readers = Vec::with_capacity(n);
    let mut sockets = Vec::with_capacity(n);
    // One connection at a time: accepted before the next is made.
    for _ in 0..n {
        let mut reader = tokio::net::TcpStream::connect(addr).await?;
        sockets.push(listener.accept().await?.0);
        let seen_tx = seen_tx.clone();
        readers.push(tokio::spawn(async move {
            let mut buf = vec![0u8; event];
            for _ in 0..rounds {
                reader.read_exact(&mut buf).await?;
                let _ = seen_tx.send(Instant::now());
            }
            anyhow::Ok(())
        }));
    }
    let payload = vec![b'x'; event];
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        for socket in &mut sockets {
            socket.write_all(&payload).await?;
        }
        let last = last_of(&mut seen, n, Duration::from_secs(30)).await?;
        samples.push(last - start);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for r in readers {
        r.abort();
    }
    Ok(samples)
}

/// A meeting open in the room: the chair's and a member's sessions.
pub struct Meeting {
    pub id: Uuid,
    pub chair: String,
    pub member: String,
    /// Whether the meeting is paused (the acts pause and resume it in turn).
    paused: bool,
}

impl Meeting {
    /// Open the demo's published regular session through `server`.
    pub async fn open(server: &Server, db: &app::db::Db) -> anyhow::Result<Meeting> {
        let chair = server.sign_in(db, "Vũ Đình Khiêm").await?;
        let member = server.sign_in(db, "Bạch Quang Nhật").await?;
        let (id,): (Uuid,) = app::with_db!(db, |pool| {
            sqlx::query_as("select id from meeting where state = 'published' limit 1")
                .fetch_one(pool)
                .await
        })?;
        room_act(server, &chair, id, "Open").await?;
        Ok(Meeting {
            id,
            chair,
            member,
            paused: false,
        })
    }
}

/// `n` tablets following the live channel of the server at `address`.
pub struct Tablets {
    tasks: Vec<tokio::task::JoinHandle<()>>,
    seen: mpsc::UnboundedReceiver<Instant>,
    n: usize,
}

impl Tablets {
    /// Connect `n` tablets signed in as `member`, in batches of 100, each batch connected (its
    /// `ready` received) before the next.
    pub async fn connect(address: SocketAddr, member: &str, n: usize) -> anyhow::Result<Tablets> {
        let (ready_tx, mut ready) = mpsc::channel(n.max(1));
        let (seen_tx, seen) = mpsc::unbounded_channel();
        let mut tasks = Vec::with_capacity(n);
        for batch in (0..n).collect::<Vec<_>>().chunks(100) {
            for _ in batch {
                let (member, ready_tx, seen_tx) =
                    (member.to_owned(), ready_tx.clone(), seen_tx.clone());
                tasks.push(tokio::spawn(async move {
                    if let Err(err) = tablet(address, member, ready_tx, seen_tx).await {
                        eprintln!("  a tablet failed: {err:#}");
                    }
                }));
            }
            for _ in batch {
                tokio::time::timeout(Duration::from_secs(30), ready.recv())
                    .await
                    .context("tablets did not all connect")?;
            }
        }
        Ok(Tablets { tasks, seen, n })
    }

    /// `rounds` acts of the chair through `server` (pause, resume, …): for each, the time
    /// from sending it to the last tablet having the room.
    pub async fn follow(
        &mut self,
        server: &Server,
        meeting: &mut Meeting,
        rounds: usize,
    ) -> anyhow::Result<Vec<Duration>> {
        let mut samples = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let act = if meeting.paused { "Resume" } else { "Pause" };
            meeting.paused = !meeting.paused;
            let start = Instant::now();
            room_act(server, &meeting.chair, meeting.id, act).await?;
            let last = last_of(&mut self.seen, self.n, Duration::from_secs(60)).await?;
            samples.push(last - start);
        }
        Ok(samples)
    }
}

impl Drop for Tablets {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

pub fn address(server: &Server) -> anyhow::Result<SocketAddr> {
    Ok(server.base.trim_start_matches("http://").parse()?)
}

/// Wait until the fresh server is idle: the demo's documents read (the text jobs run at
/// start) and its memory steady. Measured before that, the memory a finished job gave back
/// hid the growth of 100 connections (a row of 0.0 KiB per connection).
async fn settle(server: &Server, db: &app::db::Db) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let pending = app::documents::store::unread_versions(db).await?;
        if pending == 0 {
            break;
        }
        if Instant::now() > deadline {
            bail!("{pending} document jobs still pending after 120 s");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Steady: two readings a second apart within 256 KiB (at most 10 s).
    let mut last = rss_kib(server.pid());
    for _ in 0..10 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let now = rss_kib(server.pid());
        if now.abs_diff(last) < 256 {
            break;
        }
        last = now;
    }
    Ok(())
}

pub async fn run(server_bin: &Path, quick: bool) -> anyhow::Result<String> {
    let sizes: &[usize] = if quick {
        &[50, 200]
    } else {
        &[100, 1_000, 9_000]
    };
    let rounds = if quick { 3 } else { 20 };
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}/ecabinet.db", dir.path().display());
    let server = Server::spawn(server_bin, dir.path(), &url, true)?;
    until_ok(&format!("{}/readyz", server.base), Duration::from_secs(120)).await?;
    let db = app::db::Db::connect(&server.database_url, 2).await?;
    let mut meeting = Meeting::open(&server, &db).await?;

    let mut rows = Vec::new();
    let mut memory = Vec::new();
    settle(&server, &db).await?;
    for &n in sizes {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let idle = rss_kib(server.pid());
        let mut tablets = Tablets::connect(address(&server)?, &meeting.member, n).await?;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let open = rss_kib(server.pid());
        let per = open.saturating_sub(idle) as f64 / n as f64;
        memory.push(format!("| {n} | {idle} KiB | {open} KiB | {per:.1} KiB |"));
        let samples = tablets.follow(&server, &mut meeting, rounds).await?;
        drop(tablets);
        let event = room_event_size(&server, &meeting.member, meeting.id).await?;
        let raw = raw_writer(n, event, rounds).await?;
        let (ours, theirs) = (percentile(&samples, 50.0), percentile(&raw, 50.0));
        rows.push(format!(
            "| {n} | {} | {} | {} | {} | {:.1}× | {} B |",
            ms(ours),
            ms(percentile(&samples, 99.0)),
            ms(theirs),
            ms(percentile(&raw, 99.0)),
            ours.as_secs_f64() / theirs.as_secs_f64().max(1e-9),
            event
        ));
        eprintln!("  {n} tablets done");
    }
    Ok(format!(
        "## Figure 2 — live push\n\nSQLite, demo cabinet, the regular session open. The chair \
         pauses and resumes the meeting ({rounds} acts per size); each act is one request, one \
         transaction, one read of the room, and one event to every connected tablet (all \
         signed in as one member, each its own HTTP connection; the load generator's tablets \
         are plain sockets reading the stream, as light as the reference's readers). Measured: \
         from sending the act to the **last** tablet having the whole `room` event. Reference, \
         same run: a plain TCP writer sending an event of the same size to the same number of \
         loopback connections. Targets: ≤ 1.5× the raw writer; 1,000 tablets < 10 ms, 10,000 \
         < 100 ms.\n\n\
         | tablets | e-Cabinet p50 | p99 | raw writer p50 | p99 | ratio (p50) | event size |\n\
         |---|---|---|---|---|---|---|\n{}\n\n\
         Memory per idle connection ((RSS with N open − RSS before) ÷ N; target ≤ 8 KiB):\n\n\
         | tablets | server RSS before | with N open | per connection |\n|---|---|---|---|\n{}\n",
        rows.join("\n"),
        memory.join("\n")
    ))
}

/// The size in bytes of one `room` event as a tablet receives it.
async fn room_event_size(server: &Server, cookie: &str, meeting: Uuid) -> anyhow::Result<usize> {
    let response = reqwest::Client::new()
        .post(format!("{}/api/meeting_room", server.base))
        .header("origin", &server.origin)
        .header("cookie", cookie)
        .form(&[("meeting_id", meeting.to_string())])
        .send()
        .await?;
    let body = response.text().await?;
    // "event: room\nid: …\ndata: <room>\n\n"
    Ok(body.len() + 32)
}
