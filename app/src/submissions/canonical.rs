//! What a minister signs when sending a submission: its canonical text, a JSON array of
//! strings in a fixed order — the format's name, the submission, its ministry, kind, title,
//! summary, urgency, session and presenter, then for each document (in order) its checklist
//! entry, id, version and SHA-256 — and the challenge SHA-256(canonical ‖ server nonce).
//! One byte form (serde_json escapes one way); anyone can recompute it from what is stored.
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Names the format, so a later one cannot be confused with it.
const VERSION: &str = "ecabinet-submission-v1";

/// A document as it is signed: (checklist entry, document id, version, SHA-256).
pub type SignedDocument = (String, Uuid, i64, String);

/// A submission as it is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionText {
    pub id: Uuid,
    pub ministry: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub urgent: bool,
    pub session: String,
    pub presenter: String,
    pub documents: Vec<SignedDocument>,
}

impl SubmissionText {
    /// The canonical text.
    pub fn canonical(&self) -> String {
        let mut fields = vec![
            VERSION.to_owned(),
            self.id.to_string(),
            self.ministry.clone(),
            self.kind.clone(),
            self.title.clone(),
            self.summary.clone(),
            self.urgent.to_string(),
            self.session.clone(),
            self.presenter.clone(),
        ];
        for (entry, document, version, sha256) in &self.documents {
            fields.extend([
                entry.clone(),
                document.to_string(),
                version.to_string(),
                sha256.clone(),
            ]);
        }
        serde_json::to_string(&fields).unwrap_or_default()
    }
}

/// The WebAuthn challenge for `canonical` with `nonce`.
pub fn challenge(canonical: &str, nonce: &[u8]) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(canonical.as_bytes());
    hash.update(nonce);
    hash.finalize().into()
}

/// The submission and ministry (code) a canonical text names.
pub fn subject_named(canonical: &str) -> Option<(Uuid, String)> {
    let fields: Vec<String> = serde_json::from_str(canonical).ok()?;
    if fields.len() < 9 || fields[0] != VERSION {
        return None;
    }
    Some((Uuid::parse_str(&fields[1]).ok()?, fields[2].clone()))
}

/// The documents a canonical text names: (document id, version, SHA-256), for the verifier.
pub fn documents_named(canonical: &str) -> Option<Vec<(Uuid, i64, String)>> {
    let fields: Vec<String> = serde_json::from_str(canonical).ok()?;
    let documents = fields.len().checked_sub(9)?;
    if fields.first().map(String::as_str) != Some(VERSION) || !documents.is_multiple_of(4) {
        return None;
    }
    fields[9..]
        .chunks(4)
        .map(|d| {
            Some((
                Uuid::parse_str(&d[1]).ok()?,
                d[2].parse().ok()?,
                d[3].clone(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_text_written_out() {
        let id = Uuid::parse_str("01a20000-0000-7000-8000-000000000001").unwrap();
        let doc = Uuid::parse_str("01a20000-0000-7000-8000-000000000002").unwrap();
        let text = SubmissionText {
            id,
            ministry: "BTC".into(),
            kind: "item".into(),
            title: "Đề án \"trái phiếu\"".into(),
            summary: "Dòng 1\nDòng 2".into(),
            urgent: true,
            session: "2099-01".into(),
            presenter: "Bạch Quang Nhật".into(),
            documents: vec![("letter".into(), doc, 2, "ab12".into())],
        };
        let want = "[\"ecabinet-submission-v1\",\"01a20000-0000-7000-8000-000000000001\",\
                    \"BTC\",\"item\",\"Đề án \\\"trái phiếu\\\"\",\"Dòng 1\\nDòng 2\",\"true\",\
                    \"2099-01\",\"Bạch Quang Nhật\",\"letter\",\
                    \"01a20000-0000-7000-8000-000000000002\",\"2\",\"ab12\"]";
        assert_eq!(text.canonical(), want);
        assert_eq!(
            documents_named(want),
            Some(vec![(doc, 2, "ab12".to_owned())])
        );
        assert_eq!(documents_named("[\"ecabinet-submission-v1\"]"), None);
        assert_eq!(subject_named(want), Some((id, "BTC".to_owned())));
        // SHA-256("abc" ‖ "") is the well-known test vector.
        assert_eq!(
            hex::encode(challenge("abc", b"")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
