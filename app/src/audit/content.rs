//! How a record names the content it vouches for: `sha256=<hex>` of the bytes (a conclusion's
//! text, finalised minutes, a ballot answer's canonical form, a document file), so that
//! `verify-audit` can re-check today's rows against the chain (`server/src/audit/content.rs`).
use sha2::{Digest, Sha256};

/// `sha256=<hex of SHA-256 of bytes>`.
pub fn sha256_detail(bytes: &[u8]) -> String {
    format!("sha256={}", hex::encode(Sha256::digest(bytes)))
}

/// The hex hash a detail names (`sha256=…` anywhere in it), if any.
pub fn named_sha256(detail: &str) -> Option<&str> {
    detail
        .split_whitespace()
        .find_map(|part| part.strip_prefix("sha256="))
}

/// The SHA-256 of the bytes stored under `sha256` (a verifier compares it with the name).
pub async fn rehash_blob(db: &crate::db::Db, sha256: &str) -> Result<String, sqlx::Error> {
    let chunks: Vec<(Vec<u8>,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select data from blob_chunk where sha256 = $1 order by chunk_index")
            .bind(sha256)
            .fetch_all(pool)
            .await
    })?;
    let mut hasher = Sha256::new();
    for (data,) in &chunks {
        hasher.update(data);
    }
    Ok(hex::encode(hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detail_names_the_sha256_of_the_bytes() {
        // printf 'abc' | sha256sum
        let detail = sha256_detail(b"abc");
        assert_eq!(
            detail,
            "sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            named_sha256(&format!("version=2 {detail}")),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert_eq!(named_sha256("requested_by=x"), None);
    }
}
