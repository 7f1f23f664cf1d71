//! The demo documents: fictional Vietnamese papers kept as text in `documents/` and turned
//! into PDFs with the same writer that exports minutes.
use app::documents::pdf_writer::{Block, TextDocument};

/// Parse the simple format of `documents/*.txt`: `title:` and `subtitle:` lines, `---`, then
/// blocks separated by blank lines; a block starting with `# ` is a heading.
pub fn parse(source: &str) -> Result<TextDocument, String> {
    let (head, body) = source
        .split_once("\n---\n")
        .ok_or("missing the --- line after the header")?;
    let mut title = None;
    let mut subtitle = None;
    for line in head.lines() {
        if let Some(v) = line.strip_prefix("title:") {
            title = Some(v.trim().to_owned());
        } else if let Some(v) = line.strip_prefix("subtitle:") {
            subtitle = Some(v.trim().to_owned());
        } else if !line.trim().is_empty() {
            return Err(format!("unexpected header line {line:?}"));
        }
    }
    let blocks = body
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| match b.strip_prefix("# ") {
            Some(heading) => Block::Heading(heading.trim().to_owned()),
            None => Block::Paragraph(b.split_whitespace().collect::<Vec<_>>().join(" ")),
        })
        .collect();
    Ok(TextDocument {
        title: title.ok_or("missing title:")?,
        subtitle,
        blocks,
        language: "vi".to_owned(),
    })
}

/// Every demo document: (file name, source text).
pub const DOCUMENTS: &[(&str, &str)] = &[
    (
        "bao-cao-kinh-te-xa-hoi-thang-11.txt",
        include_str!("documents/bao-cao-kinh-te-xa-hoi-thang-11.txt"),
    ),
    (
        "bao-cao-giai-ngan-dau-tu-cong.txt",
        include_str!("documents/bao-cao-giai-ngan-dau-tu-cong.txt"),
    ),
    (
        "to-trinh-nghi-dinh-chia-se-du-lieu.txt",
        include_str!("documents/to-trinh-nghi-dinh-chia-se-du-lieu.txt"),
    ),
    (
        "du-thao-nghi-dinh-chia-se-du-lieu.txt",
        include_str!("documents/du-thao-nghi-dinh-chia-se-du-lieu.txt"),
    ),
    (
        "bao-cao-chinh-phu-so.txt",
        include_str!("documents/bao-cao-chinh-phu-so.txt"),
    ),
    (
        "de-an-ha-tang-du-lieu-quoc-gia.txt",
        include_str!("documents/de-an-ha-tang-du-lieu-quoc-gia.txt"),
    ),
    (
        "bao-cao-phong-chong-thien-tai.txt",
        include_str!("documents/bao-cao-phong-chong-thien-tai.txt"),
    ),
    (
        "bao-cao-cai-cach-thu-tuc-hanh-chinh.txt",
        include_str!("documents/bao-cao-cai-cach-thu-tuc-hanh-chinh.txt"),
    ),
    (
        "du-thao-nghi-dinh-thue-thuong-mai-dien-tu.txt",
        include_str!("documents/du-thao-nghi-dinh-thue-thuong-mai-dien-tu.txt"),
    ),
    (
        "to-trinh-du-an-luat-sua-doi.txt",
        include_str!("documents/to-trinh-du-an-luat-sua-doi.txt"),
    ),
];

/// The source of one demo document by file name.
pub fn source(file: &str) -> Option<&'static str> {
    DOCUMENTS.iter().find(|(f, _)| *f == file).map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_headings_and_joined_paragraphs() {
        let doc = parse(
            "title: Tờ trình\nsubtitle: Số: 1/TTr\n---\n# I. Sự cần thiết\n\nDòng một\ndòng hai.\n\n\nĐoạn hai.\n",
        )
        .unwrap();
        assert_eq!(doc.title, "Tờ trình");
        assert_eq!(doc.subtitle.as_deref(), Some("Số: 1/TTr"));
        assert_eq!(doc.blocks.len(), 3);
        assert!(matches!(&doc.blocks[0], Block::Heading(h) if h == "I. Sự cần thiết"));
        assert!(matches!(&doc.blocks[1], Block::Paragraph(p) if p == "Dòng một dòng hai."));
    }

    #[test]
    fn rejects_a_file_without_header() {
        assert!(parse("just text").is_err());
        assert!(parse("subtitle: x\n---\nbody").is_err());
    }

    #[test]
    fn every_demo_document_parses() {
        for (file, source) in DOCUMENTS {
            let doc = parse(source).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(doc.blocks.len() >= 3, "{file}");
        }
    }
}
