//! The demo PDFs, checked with poppler's tools (an independent reader): the Vietnamese text
//! comes back intact and NFC-normalised, and the font is embedded.
use std::process::Command;

use app::documents::pdf_writer::Block;
use unicode_normalization::UnicodeNormalization;

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdftotext(path: &std::path::Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn demo_pdfs_keep_their_vietnamese_text_and_embed_the_font() {
    let dir = tempfile::tempdir().unwrap();
    let rendered = server::demo::render_documents().unwrap();
    assert_eq!(rendered.len(), 10);
    for (file, demo) in &rendered {
        let path = dir.path().join(format!("{file}.pdf"));
        std::fs::write(&path, &demo.pdf.bytes).unwrap();
        let text = pdftotext(&path);
        assert!(
            text.nfc().eq(text.chars()),
            "{file}: extracted text is not NFC"
        );

        // Page by page: the last line is the page number, the rest is the document's text.
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(pages.len(), demo.pdf.page_count as usize, "{file}");
        let mut body = String::new();
        for (index, page) in pages.iter().enumerate() {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(
                lines.pop().map(str::trim),
                Some((index + 1).to_string().as_str())
            );
            body.push_str(&lines.join("\n"));
            body.push('\n');
        }
        let body = words(&body);

        let source =
            server::demo::texts::parse(server::demo::texts::source(file).unwrap()).unwrap();
        assert!(body.starts_with(&words(&source.title)), "{file}: title");
        let mut at = 0;
        for block in &source.blocks {
            let expected = match block {
                Block::Heading(t) | Block::Paragraph(t) => words(t),
            };
            let found = body[at..]
                .find(&expected)
                .unwrap_or_else(|| panic!("{file}: missing or out of order: {expected}"));
            at += found + expected.len();
        }

        let fonts = Command::new("pdffonts")
            .arg(&path)
            .output()
            .expect("pdffonts");
        let fonts = String::from_utf8(fonts.stdout).unwrap();
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{file}: no fonts listed");
        for row in rows {
            assert!(row.contains("DejaVuSans"), "{file}: {row}");
            // Columns: name type encoding emb sub uni object ID — all three must say yes.
            let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
            assert_eq!(
                flags,
                ["yes", "yes", "yes"],
                "{file}: uni, sub, emb in {row}"
            );
        }
    }
}

#[test]
fn the_text_a_reader_searches_for_is_there() {
    // Phrases with "đ", stacked diacritics (ộ, ế, ữ) and capital Đ, straight from the sources.
    let rendered = server::demo::render_documents().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kt.pdf");
    std::fs::write(
        &path,
        &rendered["bao-cao-kinh-te-xa-hoi-thang-11.txt"].pdf.bytes,
    )
    .unwrap();
    let text = words(&pdftotext(&path));
    assert!(
        text.contains("Báo cáo tình hình kinh tế - xã hội tháng 11"),
        "{text}"
    );
    assert!(text.contains("đầu tư"));
    let path = dir.path().join("tt.pdf");
    std::fs::write(
        &path,
        &rendered["bao-cao-phong-chong-thien-tai.txt"].pdf.bytes,
    )
    .unwrap();
    assert!(words(&pdftotext(&path)).contains("Đà Nẵng"));
}
