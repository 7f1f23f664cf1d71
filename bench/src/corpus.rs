//! The demo's real Vietnamese documents (reports, draft decrees, submissions), the text the
//! benchmarks' pages and PDFs are made of.
pub const TEXTS: &[&str] = &[
    include_str!("../../server/src/demo/documents/bao-cao-cai-cach-thu-tuc-hanh-chinh.txt"),
    include_str!("../../server/src/demo/documents/bao-cao-chinh-phu-so.txt"),
    include_str!("../../server/src/demo/documents/bao-cao-giai-ngan-dau-tu-cong.txt"),
    include_str!("../../server/src/demo/documents/bao-cao-kinh-te-xa-hoi-thang-11.txt"),
    include_str!("../../server/src/demo/documents/bao-cao-phong-chong-thien-tai.txt"),
    include_str!("../../server/src/demo/documents/de-an-ha-tang-du-lieu-quoc-gia.txt"),
    include_str!("../../server/src/demo/documents/du-thao-nghi-dinh-chia-se-du-lieu.txt"),
    include_str!("../../server/src/demo/documents/du-thao-nghi-dinh-thue-thuong-mai-dien-tu.txt"),
    include_str!("../../server/src/demo/documents/to-trinh-du-an-luat-sua-doi.txt"),
    include_str!("../../server/src/demo/documents/to-trinh-nghi-dinh-chia-se-du-lieu.txt"),
];

/// The body of each text (after its `---` header line), as paragraphs; headings keep their
/// words without the `# ` mark.
pub fn paragraphs() -> Vec<String> {
    TEXTS
        .iter()
        .filter_map(|text| text.split_once("\n---\n").map(|(_, body)| body))
        .flat_map(|body| body.split("\n\n"))
        .map(|block| {
            block
                .trim()
                .trim_start_matches("# ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|block| !block.is_empty())
        .collect()
}

/// Every word of every paragraph, in order.
pub fn words() -> Vec<String> {
    paragraphs()
        .iter()
        .flat_map(|p| p.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}
