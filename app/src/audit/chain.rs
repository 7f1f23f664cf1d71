//! How a record's hash is computed: SHA-256 over the previous record's hash and the record's
//! own fields, in a fixed text form. Any change to a stored record, its position, or the
//! records before it changes the hash.
use chrono::{DateTime, SubsecRound, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The "previous hash" of the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One stored record.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRecord {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub event: String,
    pub subject_id: Option<Uuid>,
    pub prev_hash: String,
    pub hash: String,
    /// What the record vouches for beyond actor and subject (e.g. `sha256=…` of the content
    /// an act concerns, or who issued and approved an enrolment).
    pub detail: Option<String>,
}

/// Timestamps are kept to the microsecond, the precision both engines store.
pub fn normalise_time(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(6)
}

fn id_text(id: Option<Uuid>) -> String {
    id.map_or_else(|| "-".to_owned(), |id| id.to_string())
}

/// The hash of a record with these fields following `prev_hash`. A record's `detail`, when
/// it has one, is a last line of the hashed text (records without one hash as they always
/// did, so chains written before details existed still verify; no other field holds a line
/// break, so the two forms cannot be confused).
pub fn record_hash(
    prev_hash: &str,
    seq: i64,
    at: DateTime<Utc>,
    actor_id: Option<Uuid>,
    event: &str,
    subject_id: Option<Uuid>,
    detail: Option<&str>,
) -> String {
    let mut text = format!(
        "ecabinet-audit-v1\n{prev_hash}\n{seq}\n{}\n{}\n{event}\n{}",
        normalise_time(at).format("%Y-%m-%dT%H:%M:%S%.6fZ"),
        id_text(actor_id),
        id_text(subject_id),
    );
    if let Some(detail) = detail {
        text.push('\n');
        text.push_str(detail);
    }
    hex::encode(Sha256::digest(text.as_bytes()))
}

impl AuditRecord {
    /// The hash this record should carry given its fields and `prev_hash`.
    pub fn expected_hash(&self) -> String {
        record_hash(
            &self.prev_hash,
            self.seq,
            self.at,
            self.actor_id,
            &self.event,
            self.subject_id,
            self.detail.as_deref(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_hash_is_sha256_of_the_documented_text() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 1, 2, 3).unwrap();
        let actor = Uuid::parse_str("0190f5a2-7c1e-7a3b-9d2e-1f2a3b4c5d6e").unwrap();
        // Worked out independently: printf 'ecabinet-audit-v1\n<64 zeros>\n1\n2026-11-23T01:02:03.000000Z\n0190f5a2-7c1e-7a3b-9d2e-1f2a3b4c5d6e\nsession.sign_out\n-' | sha256sum
        assert_eq!(
            record_hash(GENESIS, 1, at, Some(actor), "session.sign_out", None, None),
            "b73e5788d810a5653a9516e81e0d05ccdecad87a0eb7132f3a684497ebbc1273"
        );
    }

    #[test]
    fn a_detail_is_the_last_line_of_the_hashed_text() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 1, 2, 3).unwrap();
        // Worked out independently: printf 'ecabinet-audit-v1\n<64 zeros>\n1\n2026-11-23T01:02:03.000000Z\n-\nminutes.finalised\n-\nsha256=abc' | sha256sum
        assert_eq!(
            record_hash(
                GENESIS,
                1,
                at,
                None,
                "minutes.finalised",
                None,
                Some("sha256=abc")
            ),
            "ee9d38e0cfada561d30b164a9c604ea149a395ff9d4c241d271a031ca40b9eb0"
        );
    }

    #[test]
    fn every_field_and_the_previous_hash_count() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 1, 2, 3).unwrap();
        let base = record_hash(GENESIS, 1, at, None, "e", None, None);
        assert_ne!(base, record_hash(GENESIS, 2, at, None, "e", None, None));
        assert_ne!(
            base,
            record_hash(
                GENESIS,
                1,
                at + chrono::Duration::microseconds(1),
                None,
                "e",
                None,
                None
            )
        );
        assert_ne!(
            base,
            record_hash(GENESIS, 1, at, Some(Uuid::nil()), "e", None, None)
        );
        assert_ne!(base, record_hash(GENESIS, 1, at, None, "f", None, None));
        assert_ne!(
            base,
            record_hash(GENESIS, 1, at, None, "e", Some(Uuid::nil()), None)
        );
        assert_ne!(
            base,
            record_hash(&"1".repeat(64), 1, at, None, "e", None, None)
        );
        assert_ne!(base, record_hash(GENESIS, 1, at, None, "e", None, Some("")));
        assert_ne!(
            record_hash(GENESIS, 1, at, None, "e", None, Some("sha256=ab")),
            record_hash(GENESIS, 1, at, None, "e", None, Some("sha256=ac"))
        );
        // Below a microsecond is not stored, so it does not count.
        assert_eq!(
            base,
            record_hash(
                GENESIS,
                1,
                at + chrono::Duration::nanoseconds(300),
                None,
                "e",
                None,
                None
            )
        );
    }
}
