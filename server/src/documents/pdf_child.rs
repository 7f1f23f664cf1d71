//! The child side: `ecabinet pdf-child --task inspect|extract|picture`, reading one PDF on
//! stdin and writing what it found as JSON after a marker line on stdout (so stray prints of a
//! parsing library cannot be mistaken for the answer). It enters its sandbox first
//! (`sandbox.rs`: another user id, Landlock, seccomp, limits), then limits its own memory and
//! CPU time; the parent adds a wall-clock limit and caps the output.
use std::io::{Read, Write};
use std::time::Duration;

use rayon::prelude::*;

use app::documents::extract::{Extracted, Facts, PageText, PictureAnswer, MARKER};
/// The largest input the child reads (the upload limit is enforced before).
const MAX_INPUT: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Task {
    /// Page count and encryption (used when a file is uploaded).
    Inspect,
    /// Page count and the text of every page.
    Extract,
    /// A picture of the first page: poppler's `pdftoppm`, run by the child so that it runs
    /// under the same limits and in the same sandbox (a process inherits them).
    Picture,
    /// (Tests) Try what a hostile parser would; report what succeeded. Its input is a probe
    /// request in JSON (a file, an address, the parent's pid), not a PDF.
    #[value(hide = true)]
    Probe,
}

/// Run the child task and exit: 0 with an answer, 2 when the PDF cannot be read, 3 when the
/// parser panicked, 4 when the sandbox could not be entered (nothing is read then).
pub fn run(task: Task, memory_mb: u64, cpu_secs: u64) -> ! {
    // Measured before the sandbox hides /sys and /proc, where a container's CPU quota is read.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if let Err(reason) = super::sandbox::enter(threads) {
        eprintln!("cannot enter the sandbox: {reason}");
        std::process::exit(4);
    }
    let bytes = memory_mb.saturating_mul(1024 * 1024);
    // Best effort: where a limit cannot be set, the parent's wall clock still applies.
    let _ = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes);
    let _ = rlimit::setrlimit(rlimit::Resource::CPU, cpu_secs, cpu_secs + 1);
    // Pages are read on every core (below), behind the server's own work: a meeting in
    // progress keeps its share of the machine while a large upload is read.
    let _ = rustix::process::nice(10);
    if task == Task::Extract {
        // The pages' threads, started in the sandbox, as many as measured above: left to
        // itself, rayon would count the cores again, without the quota it can no longer read,
        // and could ask for more than the sandbox's process limit leaves room for.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    let mut input = Vec::new();
    if let Err(err) = std::io::stdin().take(MAX_INPUT).read_to_end(&mut input) {
        eprintln!("cannot read the input: {err}");
        std::process::exit(2);
    }
    // A panicking parser must not print a backtrace into our answer's way.
    std::panic::set_hook(Box::new(|info| eprintln!("parser panicked: {info}")));
    let outcome = std::panic::catch_unwind(|| match task {
        Task::Inspect => inspect(&input).map(|f| serde_json::to_string(&f)),
        Task::Extract => extract(&input).map(|e| serde_json::to_string(&e)),
        Task::Picture => picture(&input).map(|p| serde_json::to_string(&p)),
        Task::Probe => probe(&input).map(|p| serde_json::to_string(&p)),
    });
    match outcome {
        Ok(Ok(Ok(json))) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "\n{MARKER}");
            let _ = out.write_all(json.as_bytes());
            let _ = out.flush();
            std::process::exit(0)
        }
        Ok(Ok(Err(err))) => {
            eprintln!("cannot encode the answer: {err}");
            std::process::exit(2)
        }
        Ok(Err(reason)) => {
            eprintln!("{reason}");
            std::process::exit(2)
        }
        Err(_) => std::process::exit(3),
    }
}

/// Why a PDF that needs a password to open is refused (its own message at upload).
const NEEDS_PASSWORD: &str = "the PDF needs a password to open";

/// A PDF, decrypted when it is encrypted for rights only: lopdf tries the empty password
/// (what every reader does), which opens any file with an owner password alone, under each
/// standard security handler (RC4 40 and 128 bits, AES 128 and 256).
fn load(bytes: &[u8]) -> Result<lopdf::Document, String> {
    if !bytes.starts_with(b"%PDF-") {
        return Err("not a PDF file (no %PDF- header)".to_owned());
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("unreadable PDF: {e}"))?;
    // Still encrypted: the empty password did not open it, and none other is known.
    if doc.is_encrypted() {
        return Err(NEEDS_PASSWORD.to_owned());
    }
    // A parser that meets a broken catalog may still return a document, with no pages.
    if doc.get_pages().is_empty() {
        return Err("unreadable PDF: no pages found".to_owned());
    }
    Ok(doc)
}

fn inspect(bytes: &[u8]) -> Result<Facts, String> {
    let doc = match load(bytes) {
        Ok(doc) => doc,
        Err(reason) if reason == NEEDS_PASSWORD => {
            return Ok(Facts {
                pages: 0,
                encrypted: true,
            })
        }
        Err(reason) => return Err(reason),
    };
    Ok(Facts {
        pages: u32::try_from(doc.get_pages().len()).unwrap_or(u32::MAX),
        encrypted: false,
    })
}

/// Whether a page's content draws anything: text operators, XObjects (images) or inline
/// images (`BI` … `EI`, which some scanners write for small pages).
fn has_marks(doc: &lopdf::Document, page: lopdf::ObjectId) -> bool {
    doc.get_page_content(page)
        .map(|content| {
            content
                .windows(2)
                .any(|w| w == b"Tj" || w == b"TJ" || w == b"Do" || w == b"BI")
        })
        .unwrap_or(false)
}

/// Whether a form XObject draws itself, directly or through others: a reader following it
/// would recurse until its stack ran out. Forms nested deeper than 32 count as such.
fn draws_itself(doc: &lopdf::Document) -> bool {
    fn forms(doc: &lopdf::Document, resources: &lopdf::Dictionary) -> Vec<lopdf::ObjectId> {
        let Ok(xobjects) = resources.get(b"XObject") else {
            return Vec::new();
        };
        let xobjects = match xobjects {
            lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok(),
            lopdf::Object::Dictionary(d) => Some(d),
            _ => None,
        };
        xobjects
            .map(|d| {
                d.iter()
                    .filter_map(|(_, v)| v.as_reference().ok())
                    .collect()
            })
            .unwrap_or_default()
    }
    fn visit(doc: &lopdf::Document, id: lopdf::ObjectId, path: &mut Vec<lopdf::ObjectId>) -> bool {
        if path.contains(&id) || path.len() > 32 {
            return true;
        }
        let Ok(lopdf::Object::Stream(stream)) = doc.get_object(id) else {
            return false;
        };
        let Ok(resources) = stream.dict.get(b"Resources").and_then(|r| match r {
            lopdf::Object::Reference(rid) => doc.get_dictionary(*rid),
            other => other.as_dict(),
        }) else {
            return false;
        };
        path.push(id);
        let found = forms(doc, resources)
            .into_iter()
            .any(|f| visit(doc, f, path));
        path.pop();
        found
    }
    doc.get_pages().values().any(|page| {
        let (own, inherited) = doc.get_page_resources(*page).unwrap_or((None, Vec::new()));
        own.into_iter()
            .chain(
                inherited
                    .iter()
                    .filter_map(|id| doc.get_dictionary(*id).ok()),
            )
            .flat_map(|resources| forms(doc, resources))
            .any(|form| visit(doc, form, &mut Vec::new()))
    })
}

fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let doc = load(bytes)?;
    let facts = Facts {
        pages: u32::try_from(doc.get_pages().len()).unwrap_or(u32::MAX),
        encrypted: false,
    };
    if draws_itself(&doc) {
        return Err("unreadable PDF: a drawing that contains itself".to_owned());
    }
    let numbered: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
    // Each page is read on its own (fonts included), so pages are read in parallel, in order.
    let pages = numbered
        .par_iter()
        .map(|(number, id)| {
            // A page that cannot be read has no text; the pages after it are still read.
            let mut writer = super::page_text::PageWriter::default();
            let text = match pdf_extract::output_doc_page(&doc, &mut writer, *number) {
                Ok(()) => writer.text,
                Err(_) => String::new(),
            };
            // Nothing drawn as text, or text in an old 8-bit Vietnamese font read as Latin-1.
            let no_text = (text.trim().is_empty() && has_marks(&doc, *id))
                || super::legacy_encoding::looks_legacy(&text);
            PageText { text, no_text }
        })
        .collect();
    Ok(Extracted { facts, pages })
}

/// The width of the first page's picture: a tablet's page width; pdf.js draws over it, sharp,
/// once loaded.
const PICTURE_WIDTH: u32 = 1024;

fn picture(bytes: &[u8]) -> Result<PictureAnswer, String> {
    use base64::Engine as _;
    use std::process::{Command, Stdio};
    // What our own reader refuses, the rasteriser is not given.
    load(bytes)?;
    let mut rasteriser = Command::new("pdftoppm")
        .args([
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-jpeg",
            "-jpegopt",
            "quality=60",
        ])
        .args([
            "-scale-to-x",
            &PICTURE_WIDTH.to_string(),
            "-scale-to-y",
            "-1",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run pdftoppm: {e}"))?;
    let mut stdin = rasteriser.stdin.take().ok_or("no pipe to pdftoppm")?;
    let input = bytes.to_vec();
    // Written beside the read: a rasteriser that stops reading early cannot block us.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = rasteriser
        .wait_with_output()
        .map_err(|e| format!("pdftoppm: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!(
            "pdftoppm could not draw the page ({})",
            output.status
        ));
    }
    let size = imagesize::blob_size(&output.stdout)
        .map_err(|e| format!("pdftoppm gave no picture: {e}"))?;
    let (width, height) = (
        u32::try_from(size.width).map_err(|e| e.to_string())?,
        u32::try_from(size.height).map_err(|e| e.to_string())?,
    );
    Ok(PictureAnswer {
        jpeg_base64: base64::engine::general_purpose::STANDARD.encode(&output.stdout),
        width,
        height,
    })
}

/// (Tests) What the probe task is asked to try.
#[derive(serde::Deserialize)]
struct ProbeRequest {
    /// A file to open for reading; its directory is listed too.
    path: std::path::PathBuf,
    /// An address to connect to (TCP).
    connect: std::net::SocketAddr,
    /// The process whose environment to read (the server's, in production).
    parent_pid: u32,
}

/// (Tests) What the probe managed to do: each `true` is a hole in the sandbox.
#[derive(serde::Serialize)]
struct ProbeAnswer {
    opened_file: bool,
    listed_dir: bool,
    connected: bool,
    read_parent_env: bool,
    wrote_tmp: bool,
    /// The names of the child's environment variables.
    env: Vec<String>,
    uid: u32,
    no_new_privs: bool,
}

/// (Tests) Try, from inside the sandbox, what a parser made to run code would.
fn probe(input: &[u8]) -> Result<ProbeAnswer, String> {
    let request: ProbeRequest =
        serde_json::from_slice(input).map_err(|e| format!("not a probe request: {e}"))?;
    let scratch = format!("/tmp/ecabinet-probe-{}", std::process::id());
    // Created only, never written to: the file size limit (0) would kill the probe.
    let wrote_tmp = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&scratch)
        .is_ok();
    if wrote_tmp {
        let _ = std::fs::remove_file(&scratch);
    }
    Ok(ProbeAnswer {
        opened_file: std::fs::File::open(&request.path).is_ok(),
        listed_dir: request
            .path
            .parent()
            .is_some_and(|dir| std::fs::read_dir(dir).is_ok()),
        connected: std::net::TcpStream::connect_timeout(&request.connect, Duration::from_secs(2))
            .is_ok(),
        read_parent_env: std::fs::read(format!("/proc/{}/environ", request.parent_pid)).is_ok(),
        wrote_tmp,
        env: std::env::vars_os()
            .map(|(name, _)| name.to_string_lossy().into_owned())
            .collect(),
        uid: rustix::process::getuid().as_raw(),
        no_new_privs: rustix::thread::no_new_privs().unwrap_or(false),
    })
}
