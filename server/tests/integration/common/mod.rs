//! Test harness: a fresh database on either engine, and the real server on port 0.
//!
//! PostgreSQL tests need `ECAB_TEST_POSTGRES_URL` (a server they may create databases on);
//! `.ci/test` starts a throwaway one on loopback and sets it. Without it they fail loudly
//! rather than pass silently.
#![allow(dead_code)]

pub mod authenticator;
pub mod ballots;
pub mod calls;
pub mod documents;
pub mod enrolment;
pub mod fixtures;
pub mod meetings;
pub mod processes;
pub mod smtp;

#[allow(unused_imports)]
pub use calls::*;

use std::net::SocketAddr;

use app::db::Db;
use app::identity::model::Role;
use app::state::AppState;
use clap::Parser;
use server::config::Config;
use uuid::Uuid;

/// The two engines every test runs on: the app's own.
pub use app::db::Engine;

/// Runs each listed `async fn name(engine: Engine)` once per engine, as `sqlite::name` and
/// `postgres::name`, so the test output shows that both ran.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Engine::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Engine::Postgres).await
                }
            )*
        }
    };
}

/// A database URL for a new, empty database on `engine`, plus what keeps it alive.
pub struct FreshDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

pub async fn fresh_database(engine: Engine) -> FreshDatabase {
    match engine {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            FreshDatabase {
                url,
                _dir: Some(dir),
            }
        }
        Engine::Postgres => {
            let admin = std::env::var("ECAB_TEST_POSTGRES_URL").expect(
                "ECAB_TEST_POSTGRES_URL is not set: run the suite with .ci/test, which starts \
                 PostgreSQL on loopback, or point it at a server where tests may create databases",
            );
            let name = format!("ecab_test_{}", Uuid::new_v4().simple());
            let pool = sqlx::PgPool::connect(&admin)
                .await
                .expect("connect to postgres");
            sqlx::query(&format!("create database {name}"))
                .execute(&pool)
                .await
                .expect("create test database");
            pool.close().await;
            let (base, _) = admin
                .rsplit_once('/')
                .expect("postgres url with a database");
            FreshDatabase {
                url: format!("{base}/{name}"),
                _dir: None,
            }
        }
    }
}

/// A migrated database with nothing in it.
pub struct TestDb {
    pub db: Db,
    _fresh: FreshDatabase,
}

pub async fn migrated(engine: Engine) -> TestDb {
    let fresh = fresh_database(engine).await;
    let db = Db::connect(&fresh.url, 4).await.expect("connect");
    db.migrate().await.expect("migrate");
    TestDb { db, _fresh: fresh }
}

/// A migrated database with the demo data loaded.
pub async fn with_demo(engine: Engine) -> TestDb {
    let test = migrated(engine).await;
    server::demo::seed(&test.db, false)
        .await
        .expect("seed demo data");
    test
}

/// The real server, serving on 127.0.0.1 on a free port until dropped.
pub struct TestServer {
    pub base: String,
    pub state: AppState,
    task: tokio::task::JoinHandle<()>,
    /// Stops it as SIGTERM stops the binary ([`TestServer::stop`]).
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _fresh: FreshDatabase,
    /// The site root it serves (empty but for what a test puts there).
    pub site: tempfile::TempDir,
}

impl TestServer {
    /// Stop as the binary stops on SIGTERM, and wait until serving has returned.
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.expect("serving ended cleanly");
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub async fn start_server(engine: Engine, demo: bool) -> TestServer {
    start_server_with(engine, demo, &[]).await
}

/// [`start_server`] with extra command-line settings (e.g. `--trusted-proxies`).
pub async fn start_server_with(engine: Engine, demo: bool, extra: &[&str]) -> TestServer {
    let fresh = fresh_database(engine).await;
    start_server_on(fresh, demo, extra).await
}

/// Another app node on the database of `first` (PostgreSQL: nodes share one database).
pub async fn second_node(first: &TestServer) -> TestServer {
    let fresh = FreshDatabase {
        url: first._fresh.url.clone(),
        _dir: None,
    };
    // Demo mode too (its seed is idempotent), for the demo sign-in.
    start_server_on(fresh, true, &[]).await
}

async fn start_server_on(fresh: FreshDatabase, demo: bool, extra: &[&str]) -> TestServer {
    let site = tempfile::tempdir().expect("site dir");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    // `localhost`: the passkey relying party needs a host name, not an address.
    let base = format!("http://localhost:{}", addr.port());
    let mut args = vec![
        "ecabinet".to_owned(),
        "--database-url".to_owned(),
        fresh.url.clone(),
        "--bind".to_owned(),
        addr.to_string(),
        "--public-origin".to_owned(),
        base.clone(),
        "--site-root".to_owned(),
        site.path().display().to_string(),
        // Integration tests run as their own binary: PDFs are read by the real server's.
        "--extractor".to_owned(),
        env!("CARGO_BIN_EXE_ecabinet").to_owned(),
    ];
    if demo {
        args.push("--demo".to_owned());
    } else {
        // Outside demo mode the server needs an audit key from a file to start.
        let key = site.path().join("audit.key");
        std::fs::write(&key, "a test audit key, 32 bytes or more long").expect("key");
        args.push("--audit-key-file".to_owned());
        args.push(key.display().to_string());
        args.push("--audit-checkpoint-file".to_owned());
        args.push(site.path().join("checkpoints.jsonl").display().to_string());
    }
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let config = Config::parse_from(args);
    let state = server::start(&config).await.expect("start");
    // Served as the binary serves (HTTP/1.1, the client's address on each request).
    let serving = state.clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        server::serve::serve_on(listener, &config, serving, async {
            // Dropped with the test server: keep serving until aborted.
            if stopped.await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
        .expect("serve");
    });
    TestServer {
        base,
        state,
        task,
        stop: Some(stop),
        _fresh: fresh,
        site,
    }
}

/// The id of the demo account with this full name.
pub async fn user_id(db: &Db, full_name: &str) -> Uuid {
    let row: (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from user_account where full_name = $1")
            .bind(full_name)
            .fetch_one(pool)
            .await
    })
    .unwrap_or_else(|e| panic!("no user {full_name}: {e}"));
    row.0
}

/// Take `full_name` off every meeting's invitations.
pub async fn uninvite(db: &Db, full_name: &str) {
    let id = user_id(db, full_name).await;
    app::with_db!(db, |pool| {
        sqlx::query("delete from invitation where user_id = $1")
            .bind(id)
            .execute(pool)
            .await
            .unwrap();
    });
}

/// The signed-in view of a demo account, as the session lookup builds it.
pub async fn current_user(db: &Db, full_name: &str) -> app::identity::model::CurrentUser {
    let id = user_id(db, full_name).await;
    app::identity::store::current_user(db, id)
        .await
        .expect("query")
        .expect("active user")
}

/// The demo meeting with this title.
pub async fn meeting_id(db: &Db, title: &str) -> Uuid {
    let row: (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from meeting where title = $1")
            .bind(title)
            .fetch_one(pool)
            .await
    })
    .unwrap_or_else(|e| panic!("no meeting {title}: {e}"));
    row.0
}

pub const REGULAR: &str = "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026";
pub const THEMATIC: &str = "Phiên họp Chính phủ chuyên đề về xây dựng pháp luật tháng 12 năm 2026";

pub const PRIME_MINISTER: &str = "Vũ Đình Khiêm";
pub const FINANCE_MINISTER: &str = "Bạch Quang Nhật";
pub const SECRETARY: &str = "Trương Thị Hạnh";
/// The Government Office's second person: the other pair of eyes on enrolment links.
pub const SECOND_SECRETARY: &str = "Phó Đức Long";
pub const GUEST: &str = "Diệp Thanh Bình";
pub const ADMIN: &str = "Lưu Quang Minh";

pub fn role_name(role: Role) -> &'static str {
    role.as_str()
}

/// An HTTP client that does not follow redirects; a stuck request fails after 30 s instead of
/// hanging the suite.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("client")
}

/// Sign in as `full_name` through the demo route; returns the `Cookie:` header value.
pub async fn demo_cookie(server: &TestServer, full_name: &str) -> String {
    let id = user_id(&server.state.db, full_name).await;
    let response = client()
        .post(format!("{}/demo/sign-in", server.base))
        .header(reqwest::header::ORIGIN, &server.base)
        .form(&[("user_id", id.to_string())])
        .send()
        .await
        .expect("demo sign-in");
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let set_cookie = response.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .expect("cookie");
    set_cookie.split(';').next().expect("cookie").to_owned()
}
