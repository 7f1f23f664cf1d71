//! Identifiers that appear in URLs: UUIDv7 (time-ordered for index locality, 74 random bits so
//! they reveal no counts and cannot be guessed). Parsing is strict: anything else is a 400.
use uuid::Uuid;

use crate::error::{AppError, BadInput};

/// Parse an identifier taken from a URL or a request, naming what it was for the error message.
pub fn parse_id(raw: &str, what: BadInput) -> Result<Uuid, AppError> {
    // Only the canonical hyphenated form: one spelling per id keeps URLs and logs comparable.
    if raw.len() != 36 {
        return Err(AppError::BadRequest(what));
    }
    Uuid::try_parse(raw).map_err(|_| AppError::BadRequest(what))
}

/// A fresh identifier for a new row.
#[cfg(feature = "ssr")]
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

/// A random key for one filled-in form, so that sending the same form twice (a double tap, a
/// retry after a dropped connection) is recognised by the server as one submission.
pub fn new_form_key() -> String {
    #[cfg(feature = "hydrate")]
    if let Some(key) = web_sys::window().and_then(|w| {
        w.crypto().ok().map(|c| c.random_uuid()).or_else(|| {
            // No Web Crypto (not a secure context): the time in microseconds is unique enough
            // for one person's forms.
            let micros = w
                .performance()
                .map(|p| p.time_origin() + p.now())
                .unwrap_or(0.0)
                * 1000.0;
            Some(format!(
                "00000000-0000-4000-8000-{:012x}",
                (micros as u64) & 0xffff_ffff_ffff
            ))
        })
    }) {
        return key;
    }
    // On the server the form is only rendered, never sent with this key.
    Uuid::nil().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_canonical_uuids() {
        let ok = "0190f5a2-7c1e-7a3b-9d2e-1f2a3b4c5d6e";
        assert_eq!(parse_id(ok, BadInput::MeetingId).unwrap().to_string(), ok);
        for bad in [
            "",
            "42",
            "not-a-uuid",
            "0190f5a27c1e7a3b9d2e1f2a3b4c5d6e",
            "0190f5a2-7c1e-7a3b-9d2e-1f2a3b4c5d6g",
            "{0190f5a2-7c1e-7a3b-9d2e-1f2a3b4c5d6e}",
        ] {
            assert_eq!(
                parse_id(bad, BadInput::MeetingId),
                Err(AppError::BadRequest(BadInput::MeetingId)),
                "{bad:?}"
            );
        }
    }
}
