//! Writing PDFs with correct, searchable Vietnamese text: demo documents now, minutes and
//! conclusion notices later.
//!
//! krilla embeds a subset of the TrueType font with a ToUnicode map, so `pdftotext`, search
//! and copy-paste get the original (NFC) text back. DejaVu Sans covers every Vietnamese letter
//! as a precomposed glyph and may be shipped (its licence is beside the font files).
//! Line breaking is ours: greedy, by word, measured with the font's advance widths.
use std::sync::OnceLock;

use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in PDF points.
const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 64.0;

/// A simple text document: a title, an optional line under it, then headings and paragraphs.
#[derive(Debug, Clone, Default)]
pub struct TextDocument {
    pub title: String,
    pub subtitle: Option<String>,
    pub blocks: Vec<Block>,
    /// BCP 47 language tag written into the PDF metadata, e.g. "vi".
    pub language: String,
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Paragraph(String),
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be loaded")]
    Font,
    #[error("PDF serialisation failed: {0}")]
    Write(String),
}

/// A rendered PDF and its number of pages.
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub page_count: u32,
}

struct Face {
    font: Font,
    data: &'static [u8],
}

impl Face {
    fn load(data: &'static [u8]) -> Result<Face, PdfError> {
        let font = Font::new(data.into(), 0).ok_or(PdfError::Font)?;
        FontRef::new(data).map_err(|_| PdfError::Font)?;
        Ok(Face { font, data })
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(font) = FontRef::new(self.data) else {
            return 0.0;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|gid| metrics.advance_width(gid))
                    .unwrap_or(size * 0.5)
            })
            .sum()
    }
}

fn faces() -> Result<&'static (Face, Face), PdfError> {
    static FACES: OnceLock<Result<(Face, Face), String>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Ok((
                Face::load(REGULAR_TTF).map_err(|e| e.to_string())?,
                Face::load(BOLD_TTF).map_err(|e| e.to_string())?,
            ))
        })
        .as_ref()
        .map_err(|_| PdfError::Font)
}

/// Break `text` into lines no wider than `max_width` (a word longer than a line stands alone).
fn wrap(face: &Face, text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if face.width(&candidate, size) <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One line to draw: which face, size, text, and the space to leave before it.
struct Line {
    bold: bool,
    size: f32,
    text: String,
    space_before: f32,
    centered: bool,
}

fn layout(doc: &TextDocument, regular: &Face, bold: &Face) -> Vec<Line> {
    let width = PAGE_WIDTH - 2.0 * MARGIN;
    let mut lines = Vec::new();
    let mut push = |face: &Face, is_bold: bool, size: f32, text: &str, space: f32, centered| {
        for (i, l) in wrap(face, text, size, width).into_iter().enumerate() {
            lines.push(Line {
                bold: is_bold,
                size,
                text: l,
                space_before: if i == 0 { space } else { 0.0 },
                centered,
            });
        }
    };
    push(bold, true, 16.0, &doc.title, 0.0, true);
    if let Some(subtitle) = &doc.subtitle {
        push(regular, false, 11.0, subtitle, 6.0, true);
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => push(bold, true, 12.5, text, 16.0, false),
            Block::Paragraph(text) => push(regular, false, 11.0, text, 8.0, false),
        }
    }
    lines
}

/// Render `doc` as an A4 PDF.
pub fn render(doc: &TextDocument) -> Result<RenderedPdf, PdfError> {
    let (regular, bold) = faces()?;
    let lines = layout(doc, regular, bold);

    let mut pdf = Document::new();
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.language.clone())
            .creator("e-Cabinet".to_owned()),
    );
    let settings = || PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Font);
    let mut page_count = 0u32;
    let mut remaining = lines.as_slice();
    while !remaining.is_empty() {
        let mut page = pdf.start_page_with(settings()?);
        page_count += 1;
        let mut surface = page.surface();
        let mut y = MARGIN;
        let mut drawn = 0;
        for line in remaining {
            let advance = line.space_before + line.size * 1.45;
            if drawn > 0 && y + advance > PAGE_HEIGHT - MARGIN {
                break;
            }
            // A block that starts a page needs no space above it.
            y += if drawn == 0 {
                line.size * 1.45
            } else {
                advance
            };
            let face = if line.bold { bold } else { regular };
            let x = if line.centered {
                (PAGE_WIDTH - face.width(&line.text, line.size)) / 2.0
            } else {
                MARGIN
            };
            surface.draw_text(
                Point::from_xy(x, y),
                face.font.clone(),
                line.size,
                &line.text,
                false,
                TextDirection::Auto,
            );
            drawn += 1;
        }
        // Page number, bottom centre.
        let number = page_count.to_string();
        let nx = (PAGE_WIDTH - regular.width(&number, 9.0)) / 2.0;
        surface.draw_text(
            Point::from_xy(nx, PAGE_HEIGHT - MARGIN / 2.0),
            regular.font.clone(),
            9.0,
            &number,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
        remaining = &remaining[drawn..];
    }
    let bytes = pdf
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    Ok(RenderedPdf { bytes, page_count })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_in_order_and_within_the_width() {
        let (regular, _) = faces().unwrap();
        let text =
            "Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Đầu tư công \
                    về quản lý và sử dụng vốn đầu tư công trên địa bàn cả nước.";
        let lines = wrap(regular, text, 11.0, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(regular.width(line, 11.0) <= 200.0, "{line}");
        }
    }

    #[test]
    fn long_documents_flow_onto_more_pages() {
        let doc = TextDocument {
            title: "Báo cáo".into(),
            subtitle: None,
            blocks: (0..120)
                .map(|i| Block::Paragraph(format!("Đoạn văn số {i} về đầu tư công.")))
                .collect(),
            language: "vi".into(),
        };
        let pdf = render(&doc).unwrap();
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        // 120 short paragraphs at ~24 pt each need more than one A4 page of ~714 pt.
        assert!(pdf.page_count >= 3, "{}", pdf.page_count);
    }
}
