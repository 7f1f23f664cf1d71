//! Signed checkpoints: one JSON line per checkpoint, appended and fsynced.
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use app::db::Db;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    pub at: DateTime<Utc>,
    /// HMAC-SHA256 (hex) over `seq`, `hash` and `at` with the configured key.
    pub mac: String,
}

fn mac_for(key: &[u8], seq: i64, hash: &str, at: DateTime<Utc>) -> String {
    // HMAC accepts keys of any length; an error here would be a bug in the hmac crate.
    let mut mac = HmacSha256::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(format!("ecabinet-checkpoint-v1\n{seq}\n{hash}\n{}", at.to_rfc3339()).as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

impl Checkpoint {
    pub fn new(key: &[u8], seq: i64, hash: String, at: DateTime<Utc>) -> Checkpoint {
        let mac = mac_for(key, seq, &hash, at);
        Checkpoint { seq, hash, at, mac }
    }

    /// Whether the MAC is right for this key (compared in constant time).
    pub fn is_authentic(&self, key: &[u8]) -> bool {
        let Ok(given) = hex::decode(&self.mac) else {
            return false;
        };
        let mut mac = HmacSha256::new_from_slice(key).unwrap_or_else(|_| unreachable!());
        mac.update(
            format!(
                "ecabinet-checkpoint-v1\n{}\n{}\n{}",
                self.seq,
                self.hash,
                self.at.to_rfc3339()
            )
            .as_bytes(),
        );
        mac.verify_slice(&given).is_ok()
    }
}

/// Every checkpoint in `path` (none when the file does not exist yet).
pub fn read_all(path: &Path) -> anyhow::Result<Vec<Checkpoint>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .map_err(|e| anyhow::anyhow!("{}: line {}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// Append a checkpoint of the chain's current end, unless the last one already covers it.
pub async fn write(db: &Db, key: &[u8], path: &Path) -> anyhow::Result<Option<Checkpoint>> {
    let Some(last) = app::audit::store::last(db).await? else {
        return Ok(None);
    };
    let existing = read_all(path)?;
    if existing.last().is_some_and(|c| c.seq >= last.seq) {
        return Ok(None);
    }
    let checkpoint = Checkpoint::new(key, last.seq, last.hash, Utc::now());
    let mut line = serde_json::to_string(&checkpoint)?;
    line.push('\n');
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(line.as_bytes())?;
    file.sync_all()?;
    Ok(Some(checkpoint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_verifies_only_under_its_key_and_unchanged() {
        let at = Utc::now();
        let cp = Checkpoint::new(b"key one", 20, "ab".repeat(32), at);
        assert!(cp.is_authentic(b"key one"));
        assert!(!cp.is_authentic(b"key two"));
        let mut moved = cp.clone();
        moved.seq = 25;
        assert!(!moved.is_authentic(b"key one"));
        let mut rehashed = cp.clone();
        rehashed.hash = "cd".repeat(32);
        assert!(!rehashed.is_authentic(b"key one"));
        let mut garbled = cp;
        garbled.mac = "zz".into();
        assert!(!garbled.is_authentic(b"key one"));
    }
}
