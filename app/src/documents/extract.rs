//! Reading PDFs safely. The server runs `<extractor> pdf-child` (its own executable; the child
//! side is `server/src/documents/pdf_child.rs`) with a wall-clock limit, a memory limit and an output
//! cap. Whatever the PDF does — loops, deep recursion, huge output, a crash — the server gets
//! an error it can record, within the limit. The child sandboxes itself before it reads
//! anything (`server/src/documents/sandbox.rs`), and refuses to read when it cannot.
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use rustix::process::{kill_process_group, Pid, Signal};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Written by the child before its JSON answer (so stray prints of a parsing library cannot
/// be mistaken for the answer).
pub const MARKER: &str = "@@ecabinet-pdf-child@@";

/// What a PDF is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub pages: u32,
    /// It needs a password to open (one encrypted for rights only opens with none, and is
    /// read like any other).
    pub encrypted: bool,
}

/// One page's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageText {
    pub text: String,
    /// Marks (glyphs, images) but no text: a scan, or a font without a ToUnicode map; or text
    /// in an old 8-bit Vietnamese font (TCVN3, VNI) that no reader can turn into the words.
    pub no_text: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    pub facts: Facts,
    pub pages: Vec<PageText>,
}

/// A picture of a PDF's first page, as the child answers it (the JPEG in base64: the answer
/// is JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureAnswer {
    pub jpeg_base64: String,
    pub width: u32,
    pub height: u32,
}

/// A picture of a PDF's first page: a JPEG and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// How to run the child.
#[derive(Debug, Clone)]
pub struct Extractor {
    /// A binary with the `pdf-child` subcommand (normally this very executable).
    pub exe: PathBuf,
    pub timeout: Duration,
    pub memory_mb: u64,
    /// The most bytes of answer taken from the child.
    pub max_output: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChildError {
    #[error("took longer than {0} s")]
    Timeout(u64),
    #[error("not a readable PDF: {0}")]
    Unreadable(String),
    #[error("the reader stopped abnormally ({0})")]
    Crashed(String),
    #[error("the text is larger than the limit")]
    OutputTooLarge,
    #[error("could not start the reader: {0}")]
    Spawn(String),
    /// The child could not enter its sandbox, and read nothing: a fault of the machine (an old
    /// kernel, a container without Landlock or seccomp), not of the PDF.
    #[error("the reader could not be sandboxed: {0}")]
    Sandbox(String),
}

impl Extractor {
    pub async fn inspect(&self, pdf: &[u8]) -> Result<Facts, ChildError> {
        self.run("inspect", pdf).await
    }

    pub async fn extract(&self, pdf: &[u8]) -> Result<Extracted, ChildError> {
        self.run("extract", pdf).await
    }

    /// A picture of the first page (the child runs poppler's `pdftoppm` under its limits).
    pub async fn picture(&self, pdf: &[u8]) -> Result<Picture, ChildError> {
        use base64::Engine as _;
        let answer: PictureAnswer = self.run("picture", pdf).await?;
        let jpeg = base64::engine::general_purpose::STANDARD
            .decode(&answer.jpeg_base64)
            .map_err(|e| ChildError::Crashed(format!("bad answer: {e}")))?;
        Ok(Picture {
            jpeg,
            width: answer.width,
            height: answer.height,
        })
    }

    /// (Tests) The hidden `probe` task: the child, sandboxed as for a PDF, tries what the
    /// request asks (open a file, connect to an address, read a process's environment, write
    /// to /tmp) and answers what succeeded.
    pub async fn probe(
        &self,
        request: &serde_json::Value,
    ) -> Result<serde_json::Value, ChildError> {
        self.run("probe", request.to_string().as_bytes()).await
    }

    async fn run<T: DeserializeOwned>(&self, task: &str, pdf: &[u8]) -> Result<T, ChildError> {
        let secs = self.timeout.as_secs().max(1);
        let mut child = tokio::process::Command::new(&self.exe)
            .arg("pdf-child")
            .args(["--task", task])
            .args(["--memory-mb", &self.memory_mb.to_string()])
            .args(["--cpu-secs", &secs.to_string()])
            // Nothing of the server's environment (database URL, keys) reaches the child.
            .env_clear()
            // Where to find `pdftoppm` (a search path holds no secret).
            .envs(std::env::var_os("PATH").map(|path| ("PATH", path)))
            // The server's allocator (mimalloc) reserves 1 GiB of address space up front by
            // default, which the child's address-space limit (`--memory-mb`) would not leave
            // room for. A quarter of the limit instead: with no reserve at all it maps and
            // unmaps memory as it goes, a fifth of the time of a large document.
            .env(
                "MIMALLOC_ARENA_RESERVE",
                format!("{}MiB", (self.memory_mb / 4).max(16)),
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            // The child leads a process group of its own, so that what it starts (`pdftoppm`)
            // is killed with it, not left to run out its CPU limit.
            .process_group(0)
            .spawn()
            .map_err(|e| ChildError::Spawn(e.to_string()))?;
        let group = ChildGroup(child.id().and_then(|id| Pid::from_raw(id as i32)));
        let (Some(mut stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(ChildError::Spawn("no pipes".to_owned()));
        };
        let input = pdf.to_vec();
        let writer = tokio::spawn(async move {
            // A child that stops reading (it failed early) is not our error.
            let _ = stdin.write_all(&input).await;
        });
        let cap = self.max_output;
        let work = async {
            let mut out = Vec::new();
            let mut err = Vec::new();
            let mut out_reader = stdout.take(cap as u64 + 1);
            let mut err_reader = stderr.take(4096);
            let (read_out, read_err) = tokio::join!(
                out_reader.read_to_end(&mut out),
                err_reader.read_to_end(&mut err),
            );
            let _ = (read_out, read_err);
            (out, err)
        };
        let outcome = tokio::time::timeout(self.timeout, async {
            let (out, err) = work.await;
            let status = child.wait().await;
            (out, err, status)
        })
        .await;
        writer.abort();
        let (out, err, status) = match outcome {
            Ok(done) => done,
            Err(_) => {
                group.kill();
                let _ = child.start_kill();
                let _ = child.wait().await;
                return Err(ChildError::Timeout(secs));
            }
        };
        if out.len() > cap {
            group.kill();
            let _ = child.start_kill();
            return Err(ChildError::OutputTooLarge);
        }
        let reason = String::from_utf8_lossy(&err).trim().to_owned();
        match status.map(|s| s.code()) {
            Ok(Some(0)) => {}
            Ok(Some(2)) => return Err(ChildError::Unreadable(reason)),
            Ok(Some(4)) => return Err(ChildError::Sandbox(reason)),
            Ok(Some(code)) => return Err(ChildError::Crashed(format!("exit {code}: {reason}"))),
            // Killed by a signal: out of memory, CPU limit, stack overflow.
            Ok(None) => {
                group.kill();
                return Err(ChildError::Crashed("killed".to_owned()));
            }
            Err(e) => return Err(ChildError::Crashed(e.to_string())),
        }
        let text = String::from_utf8_lossy(&out);
        let answer = text
            .rsplit_once(MARKER)
            .map(|(_, json)| json.trim())
            .ok_or_else(|| ChildError::Crashed("no answer".to_owned()))?;
        serde_json::from_str(answer).map_err(|e| ChildError::Crashed(format!("bad answer: {e}")))
    }
}

/// The process group a child leads (its id is the child's).
struct ChildGroup(Option<Pid>);

impl ChildGroup {
    /// Kill every process left in the group. Called while the group still has a member (the
    /// child not yet reaped, or what it started), so the id cannot have been reused.
    fn kill(&self) {
        if let Some(group) = self.0 {
            // Nothing left to kill (ESRCH) is the usual case after a crash.
            let _ = kill_process_group(group, Signal::KILL);
        }
    }
}
