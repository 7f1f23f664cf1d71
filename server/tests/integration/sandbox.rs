//! The PDF child's sandbox (`server/src/documents/sandbox.rs`), tried from inside. A stand-in
//! child — the hidden `probe` task, started the way the server starts every reader — tries
//! what a parser made to run code would: open the database, list its directory, connect to a
//! socket, read its parent's environment, create a file in /tmp; each fails, it carries no
//! secret of its parent's environment and, when the tests run as root, it is not root. And
//! `pdftoppm`, started by the child inside the same sandbox, still draws a first page.
use std::time::Duration;

use app::documents::extract::Extractor;
use serde_json::{json, Value};

/// The reader as the server runs it (`Extractor::run`: environment cleared but for the search
/// path and the allocator's setting, its own process group, limits).
fn extractor() -> Extractor {
    Extractor {
        exe: env!("CARGO_BIN_EXE_ecabinet").into(),
        timeout: Duration::from_secs(30),
        memory_mb: 512,
        max_output: 16 * 1024 * 1024,
    }
}

#[tokio::test]
async fn a_hostile_child_reaches_no_file_socket_or_secret() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("ecabinet.db");
    std::fs::write(&database, "the members' secret ballots").unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let address = listener.local_addr().unwrap();
    // A secret in the environment of the process that starts the child (as the server's
    // database URL and keys are in its own).
    std::env::set_var("ECABINET_SECRET_FOR_TEST", "hunter2-sandbox");
    // What the child will try works from here: its failures are the sandbox's doing.
    assert!(std::fs::File::open(&database).is_ok());
    assert!(std::fs::read(format!("/proc/{}/environ", std::process::id())).is_ok());

    let request = json!({
        "path": database,
        "connect": address.to_string(),
        "parent_pid": std::process::id(),
    });
    let answer = extractor().probe(&request).await.expect("the probe ran");

    for hole in [
        "opened_file",
        "listed_dir",
        "connected",
        "read_parent_env",
        "wrote_tmp",
    ] {
        assert_eq!(answer[hole], Value::Bool(false), "{hole}: {answer}");
    }
    assert_eq!(answer["no_new_privs"], Value::Bool(true), "{answer}");
    let accepted = listener.accept();
    assert!(
        matches!(&accepted, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "the listener was reached: {accepted:?}"
    );
    let env: Vec<&str> = answer["env"]
        .as_array()
        .expect("a list of names")
        .iter()
        .map(|name| name.as_str().expect("a name"))
        .collect();
    assert!(
        env.iter()
            .all(|name| ["PATH", "MIMALLOC_ARENA_RESERVE"].contains(name)),
        "the child's environment: {env:?}"
    );
    assert!(!answer.to_string().contains("hunter2"));
    if rustix::process::geteuid().is_root() {
        assert_eq!(answer["uid"], 65534, "{answer}");
    }
}

/// `pdftoppm` runs inside the child's sandbox (Landlock, seccomp, limits and user inherited):
/// it still finds its libraries and fonts, and draws a demo document's first page 1024 pixels
/// wide.
#[tokio::test]
async fn pdftoppm_still_draws_inside_the_sandbox() {
    let rendered = server::demo::render_documents().unwrap();
    let first = rendered.keys().min().expect("demo documents");
    let picture = extractor()
        .picture(&rendered[first].pdf.bytes)
        .await
        .expect("a picture of the first page");
    assert_eq!(&picture.jpeg[..3], b"\xFF\xD8\xFF", "a JPEG");
    // The writer's A4 page (595 x 842 points), 1024 pixels wide: 1450 high (as in
    // `documents.rs`).
    assert_eq!((picture.width, picture.height), (1024, 1450));
    let size = imagesize::blob_size(&picture.jpeg).unwrap();
    assert_eq!((size.width, size.height), (1024, 1450));
}
