//! Figure 3: reading PDFs — pages per second through the server's own reader (a child process
//! with its memory, CPU and time limits, started per document, exactly as an upload is read),
//! words in agreement with `pdftotext` (poppler) on the same files, pages without extractable
//! text flagged, and hostile files ending in a status rather than a crash. Documents of 10, 100
//! and 300 pages are written from the demo's Vietnamese texts by the server's PDF writer.
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use app::documents::extract::{ChildError, Extractor};
use app::documents::pdf_writer::{render, Block, TextDocument};
use lopdf::{dictionary, Document, Object, Stream};

use crate::corpus::paragraphs;
use crate::measure::{ms, percentile};

/// A document of about `pages` pages (the writer breaks lines itself; within a page or two).
pub fn document(pages: u32, offset: usize) -> anyhow::Result<Vec<u8>> {
    let all = paragraphs();
    let make = |count: usize| TextDocument {
        title: format!("Hồ sơ thử tải {pages} trang"),
        subtitle: Some("Văn phòng Chính phủ".to_owned()),
        blocks: (0..count)
            .map(|i| Block::Paragraph(all[(offset + i) % all.len()].clone()))
            .collect(),
        language: "vi".to_owned(),
    };
    let probe = render(&make(all.len()))?;
    let count = (pages as usize * all.len()).div_ceil(probe.page_count.max(1) as usize);
    Ok(render(&make(count))?.bytes)
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = doc.save_to(&mut bytes);
    bytes
}

/// A PDF of `contents.len()` pages, each drawing its content with the resources `resources`
/// adds to the document.
fn pages(
    contents: &[Vec<u8>],
    resources: impl FnOnce(&mut Document) -> lopdf::Dictionary,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let resources = resources(&mut doc);
    let resources = doc.add_object(resources);
    let kids: Vec<Object> = contents
        .iter()
        .map(|content| {
            let content_id = doc.add_object(Stream::new(dictionary! {}, content.clone()));
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Contents" => content_id, "Resources" => resources,
            })
            .into()
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    save(doc)
}

/// Scanned pages: an image each, no text.
fn scanned(count: usize) -> Vec<u8> {
    let content = b"q 500 0 0 700 40 60 cm /Im1 Do Q".to_vec();
    pages(&vec![content; count], |doc| {
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0, 255, 255, 0],
        ));
        dictionary! { "XObject" => dictionary! { "Im1" => image } }
    })
}

/// Pages set in an old Vietnamese 8-bit font, as TCVN3 (ABC) files are: the font's own byte
/// codes for Vietnamese letters, no ToUnicode map. `truetype`: a TrueType font declared with
/// WinAnsi encoding (the usual case: a reader decodes the bytes as Latin-1 letters and gets
/// "Ch¬­ng tr×nh"); otherwise a Type 3 font with glyph names of its own (nothing to decode).
fn legacy_font(count: usize, truetype: bool) -> Vec<u8> {
    let widths = vec![Object::Integer(500); 224];
    let font = if truetype {
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => ".VnTime",
            "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "LastChar" => 255,
            "Widths" => widths,
        }
    } else {
        let differences: Vec<Object> = std::iter::once(Object::Integer(32))
            .chain((32..256).map(|c| Object::Name(format!("g{c}").into_bytes())))
            .collect();
        dictionary! {
            "Type" => "Font", "Subtype" => "Type3",
            "FontBBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()],
            "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
            "CharProcs" => dictionary! {},
            "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
            "FirstChar" => 32, "LastChar" => 255, "Widths" => widths,
        }
    };
    // "Chương trình phát triển kinh tế - xã hội" in TCVN3 byte codes.
    let content =
        b"BT /F1 12 Tf 72 760 Td (Ch\xac\xadng tr\xd7nh ph\xb8t tri\xd3n kinh t\xd5 - x\xb7 h\xe9i) Tj ET"
            .to_vec();
    pages(&vec![content; count], |_| {
        dictionary! { "Font" => dictionary! { "F1" => font } }
    })
}

/// A catalog holding an array nested 20,000 deep, written by hand (a writer that recurses
/// would overflow its own stack): a reader that parses by recursion aborts on it
/// (RUSTSEC-2026-0187, lopdf before 0.42).
fn deeply_nested() -> Vec<u8> {
    let depth = 20_000;
    let objects = [
        format!(
            "<< /Type /Catalog /Pages 2 0 R /X {}{} >>",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", n + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// Files made to hurt a reader.
fn hostile(valid: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let self_drawing = pages(&[b"/Fm1 Do".to_vec()], |doc| {
        let form_id = doc.new_object_id();
        doc.objects.insert(
            form_id,
            Object::Stream(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                    "Resources" => dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
                },
                b"/Fm1 Do".to_vec(),
            )),
        );
        dictionary! { "XObject" => dictionary! { "Fm1" => form_id } }
    });
    vec![
        ("a form that draws itself", self_drawing),
        ("arrays nested 20,000 deep", deeply_nested()),
        ("cut in half", valid[..valid.len() / 2].to_vec()),
        ("not a PDF", b"%PDF-1.7\n\x00\xff garbage".repeat(1000)),
        ("empty", Vec::new()),
    ]
}

/// Words of `text`, NFC, for comparing two readers.
fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for word in app::fold::normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(word.to_owned()).or_insert(0) += 1;
    }
    bag
}

/// (words of `reference` also in `ours`, words of `reference`).
fn agreement(ours: &str, reference: &str) -> (usize, usize) {
    let (ours, reference) = (words(ours), words(reference));
    let total = reference.values().sum();
    let common = reference
        .iter()
        .map(|(w, n)| (*n).min(ours.get(w).copied().unwrap_or(0)))
        .sum();
    (common, total)
}

/// `pdftotext` on `file`: its pages (split at form feeds) and the time it took.
async fn pdftotext(file: &Path) -> anyhow::Result<(Vec<String>, Duration)> {
    let start = Instant::now();
    let out = tokio::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .await
        .context("running pdftotext (Debian package poppler-utils)")?;
    let elapsed = start.elapsed();
    if !out.status.success() {
        bail!("pdftotext failed on {}", file.display());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    // The text ends with a form feed: no page after it.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok((pages, elapsed))
}

pub async fn run(server_bin: &Path, quick: bool) -> anyhow::Result<String> {
    let extractor = Extractor {
        exe: server_bin.to_owned(),
        timeout: Duration::from_secs(60),
        memory_mb: 1024,
        max_output: 64 * 1024 * 1024,
    };
    let dir = tempfile::tempdir()?;
    let sizes: &[(u32, usize)] = if quick {
        &[(10, 2), (30, 1)]
    } else {
        &[(10, 10), (100, 3), (300, 1)]
    };
    let mut rows = Vec::new();
    let mut sample_pdf = Vec::new();
    for &(size, count) in sizes {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let (mut pages, mut common, mut total) = (0usize, 0usize, 0usize);
        for n in 0..count {
            let pdf = document(size, n * 37)?;
            let file = dir.path().join(format!("doc-{size}-{n}.pdf"));
            std::fs::write(&file, &pdf)?;
            let start = Instant::now();
            let extracted = extractor
                .extract(&pdf)
                .await
                .map_err(|e| anyhow::anyhow!("our reader failed on a {size}-page document: {e}"))?;
            ours.push(start.elapsed());
            let (reference, took) = pdftotext(&file).await?;
            theirs.push(took);
            if reference.len() != extracted.pages.len() {
                bail!(
                    "page counts differ: ours {}, pdftotext {}",
                    extracted.pages.len(),
                    reference.len()
                );
            }
            pages += reference.len();
            for (page, text) in extracted.pages.iter().zip(&reference) {
                let (c, t) = agreement(&page.text, text);
                if std::env::var_os("BENCH_DEBUG").is_some() && c < t {
                    let ours = words(&page.text);
                    let missing: Vec<_> = words(text)
                        .into_iter()
                        .filter(|(w, n)| ours.get(w).copied().unwrap_or(0) < *n)
                        .take(8)
                        .collect();
                    eprintln!(
                        "missing {missing:?}\n  ours: {:?}",
                        &page.text.chars().take(300).collect::<String>()
                    );
                    eprintln!(
                        "  theirs: {:?}",
                        &text.chars().take(300).collect::<String>()
                    );
                }
                common += c;
                total += t;
            }
            if sample_pdf.is_empty() {
                sample_pdf = pdf;
            }
        }
        let rate = |times: &[Duration]| pages as f64 / times.iter().sum::<Duration>().as_secs_f64();
        let (our_rate, their_rate) = (rate(&ours), rate(&theirs));
        rows.push(format!(
            "| {size} | {count} | {pages} | {our_rate:.0} | {} | {} | {their_rate:.0} | {} | {} | {:.2}× | {:.2} % |",
            ms(percentile(&ours, 50.0)),
            ms(percentile(&ours, 99.0)),
            ms(percentile(&theirs, 50.0)),
            ms(percentile(&theirs, 99.0)),
            our_rate / their_rate,
            100.0 * common as f64 / total.max(1) as f64,
        ));
        eprintln!("  {size}-page documents done");
    }

    // Pages with marks but no text: every one must be flagged.
    let textless = if quick { 3 } else { 20 };
    let mut flagged = 0;
    for (name, pdf) in [
        ("scanned", scanned(textless)),
        ("legacy TrueType font", legacy_font(textless, true)),
        ("legacy Type 3 font", legacy_font(textless, false)),
    ] {
        let extracted = extractor
            .extract(&pdf)
            .await
            .map_err(|e| anyhow::anyhow!("{name} pages: {e}"))?;
        flagged += extracted.pages.iter().filter(|p| p.no_text).count();
    }

    let mut outcomes = Vec::new();
    let mut crashes = 0;
    for (name, pdf) in hostile(&sample_pdf) {
        let start = Instant::now();
        let outcome = match extractor.extract(&pdf).await {
            Ok(e) => format!("read, {} pages", e.pages.len()),
            Err(ChildError::Crashed(why)) => {
                crashes += 1;
                format!("**crashed** ({why})")
            }
            Err(e) => format!("refused: {e}"),
        };
        outcomes.push(format!("| {name} | {outcome} | {} |", ms(start.elapsed())));
    }

    Ok(format!(
        "## Figure 3 — reading PDFs\n\nEach document is read the way an upload is: the server's \
         reader started as a child process (`ecabinet pdf-child --task extract`, 1 GiB memory \
         and 60 s CPU limits, a wall-clock limit, output capped), the PDF on its standard input, \
         the pages' text as JSON back. The reference is `pdftotext -enc UTF-8` (poppler) on the \
         same file, also one process per document. Documents are written by the server's PDF \
         writer (DejaVu Sans, a ToUnicode map) from the demo's Vietnamese texts. Word agreement: \
         of the words `pdftotext` finds on a page (NFC, split at anything not a letter or digit), \
         the share ours finds on the same page. Targets: ≥ 1.0× pdftotext's pages/s; ≥ 99 % \
         agreement; 0 crashes; every text-less page flagged.\n\n\
         | pages per document | documents | pages | ours pages/s | p50 per document | p99 | \
         pdftotext pages/s | p50 | p99 | ratio | word agreement |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n{}\n\n\
         Pages with marks but no extractable text ({textless} scanned pages, an image each; \
         {textless} pages in an 8-bit legacy Vietnamese font without a ToUnicode map, as \
         TCVN3 files are, once as a TrueType font read as Latin-1 and once as a Type 3 font \
         with glyph names of its own): **{flagged} of {} flagged**.\n\n\
         Hostile files ({crashes} crashes):\n\n| file | outcome | time |\n|---|---|---|\n{}\n",
        rows.join("\n"),
        3 * textless,
        outcomes.join("\n"),
    ))
}
