//! The canonical form of a ballot answer, and the challenge a member's passkey signs for it:
//! SHA-256(canonical answer ‖ server nonce). The canonical answer is a JSON array of strings
//! in a fixed order — `["ecabinet-answer-v1", ballot, member, choice, text, comment]` — so it
//! has one byte form (serde_json escapes strings one way) and anyone can recompute it from the
//! stored answer.
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::ballots::model::Choice;

/// Names the format, so a later one cannot be confused with it.
const VERSION: &str = "ecabinet-answer-v1";

/// One answer as it is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerText<'a> {
    pub ballot: Uuid,
    pub member: Uuid,
    pub choice: Choice,
    /// The "other opinion" text ("" for agree and disagree).
    pub text: &'a str,
    /// The optional comment ("" for none).
    pub comment: &'a str,
}

impl AnswerText<'_> {
    /// The canonical bytes.
    pub fn canonical(&self) -> Vec<u8> {
        let fields = [
            VERSION.to_owned(),
            self.ballot.to_string(),
            self.member.to_string(),
            self.choice.as_str().to_owned(),
            self.text.to_owned(),
            self.comment.to_owned(),
        ];
        serde_json::to_vec(&fields).unwrap_or_default()
    }

    /// The WebAuthn challenge for this answer with `nonce`.
    pub fn challenge(&self, nonce: &[u8]) -> [u8; 32] {
        let mut hash = Sha256::new();
        hash.update(self.canonical());
        hash.update(nonce);
        hash.finalize().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> AnswerText<'static> {
        AnswerText {
            ballot: Uuid::parse_str("01a20000-0000-7000-8000-000000000001").unwrap(),
            member: Uuid::parse_str("01a20000-0000-7000-8000-000000000002").unwrap(),
            choice: Choice::Other,
            text: "Đề nghị bổ sung \"đánh giá tác động\"\nvề thuế",
            comment: "Ý kiến riêng",
        }
    }

    #[test]
    fn the_canonical_form_is_a_fixed_json_array() {
        assert_eq!(
            String::from_utf8(answer().canonical()).unwrap(),
            r#"["ecabinet-answer-v1","01a20000-0000-7000-8000-000000000001","01a20000-0000-7000-8000-000000000002","other","Đề nghị bổ sung \"đánh giá tác động\"\nvề thuế","Ý kiến riêng"]"#
        );
    }

    #[test]
    fn the_challenge_is_sha256_of_the_answer_and_the_nonce() {
        // Worked out with coreutils: printf '%s' '<canonical>0123…' | sha256sum
        let nonce = b"0123456789abcdef0123456789abcdef";
        assert_eq!(
            hex::encode(answer().challenge(nonce)),
            "ef648b8edb64eecabfcf0e6d3d8a065cf279676e2071ae4abefd33b3e6c2b6c7"
        );
        // Any change to the answer changes what must be signed.
        let changed = AnswerText {
            comment: "Ý kiến riêng.",
            ..answer()
        };
        assert_ne!(changed.challenge(nonce), answer().challenge(nonce));
    }
}
