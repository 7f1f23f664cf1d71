//! The child side: `ecabinet pdf-child --task inspect|extract`, reading one PDF on stdin and
//! writing what it found as JSON after a marker line on stdout (so stray prints of a parsing
//! library cannot be mistaken for the answer). It limits its own memory and CPU time first;
//! the parent adds a wall-clock limit and caps the output.
use std::io::{Read, Write};

use app::documents::extract::{Extracted, Facts, PageText, MARKER};
/// The largest input the child reads (the upload limit is enforced before).
const MAX_INPUT: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Task {
    /// Page count and encryption (used when a file is uploaded).
    Inspect,
    /// Page count and the text of every page.
    Extract,
}

/// Run the child task and exit: 0 with an answer, 2 when the PDF cannot be read, 3 when the
/// parser panicked.
pub fn run(task: Task, memory_mb: u64, cpu_secs: u64) -> ! {
    let bytes = memory_mb.saturating_mul(1024 * 1024);
    // Best effort: where a limit cannot be set, the parent's wall clock still applies.
    let _ = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes);
    let _ = rlimit::setrlimit(rlimit::Resource::CPU, cpu_secs, cpu_secs + 1);
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

fn load(bytes: &[u8]) -> Result<lopdf::Document, String> {
    if !bytes.starts_with(b"%PDF-") {
        return Err("not a PDF file (no %PDF- header)".to_owned());
    }
    lopdf::Document::load_mem(bytes).map_err(|e| format!("unreadable PDF: {e}"))
}

fn inspect(bytes: &[u8]) -> Result<Facts, String> {
    let doc = load(bytes)?;
    Ok(Facts {
        pages: u32::try_from(doc.get_pages().len()).unwrap_or(u32::MAX),
        encrypted: doc.is_encrypted(),
    })
}

/// Whether a page's content draws anything: text operators or XObjects (images).
fn has_marks(doc: &lopdf::Document, page: lopdf::ObjectId) -> bool {
    doc.get_page_content(page)
        .map(|content| {
            content
                .windows(2)
                .any(|w| w == b"Tj" || w == b"TJ" || w == b"Do")
        })
        .unwrap_or(false)
}

fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let doc = load(bytes)?;
    let facts = Facts {
        pages: u32::try_from(doc.get_pages().len()).unwrap_or(u32::MAX),
        encrypted: doc.is_encrypted(),
    };
    let texts = pdf_extract::extract_text_from_mem_by_pages(bytes)
        .map_err(|e| format!("text extraction failed: {e}"))?;
    let pages = doc
        .get_pages()
        .values()
        .enumerate()
        .map(|(index, id)| {
            let text = texts.get(index).cloned().unwrap_or_default();
            let no_text = text.trim().is_empty() && has_marks(&doc, *id);
            PageText { text, no_text }
        })
        .collect();
    Ok(Extracted { facts, pages })
}
