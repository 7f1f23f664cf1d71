//! The real server binary as its own process: for `kill -9` and for several app nodes.
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ecabinet");

/// Start the binary (demo mode) on `port` with `database_url`; returns once it listens.
pub fn spawn_binary(database_url: &str, data: &std::path::Path, port: u16) -> Child {
    let mut child = Command::new(BIN)
        .args([
            "--demo",
            "--log-format",
            "json",
            "--database-url",
            database_url,
        ])
        .args(["--bind", &format!("127.0.0.1:{port}")])
        // Passkeys need a host name (not an address) as the relying party.
        .args(["--public-origin", &format!("http://localhost:{port}")])
        .arg("--data-dir")
        .arg(data)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        let line = lines.next().expect("server output").unwrap();
        if line.contains("listening on http") {
            break;
        }
    }
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.by_ref() {});
    child
}

/// A free port on loopback.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A server process killed when dropped (also when a test fails).
pub struct Node {
    pub child: Child,
    pub base: String,
    pub origin: String,
}

impl Node {
    pub fn start(database_url: &str, data: &std::path::Path) -> Node {
        let port = free_port();
        Node {
            child: spawn_binary(database_url, data, port),
            base: format!("http://127.0.0.1:{port}"),
            origin: format!("http://localhost:{port}"),
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
