//! Re-checking the whole chain against itself and against the checkpoints.
use std::collections::BTreeMap;

use app::audit::chain::{AuditRecord, GENESIS};
use app::db::Db;

use super::checkpoint::Checkpoint;

/// What is wrong, and at which record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The first record that does not check out (for checkpoints: the checkpoint's record).
    pub seq: i64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intact {
    pub records: i64,
    pub last_seq: i64,
    pub checkpoints: usize,
}

/// Feeds records in order and reports the first that breaks the chain.
struct ChainCheck {
    expected_seq: i64,
    prev_hash: String,
}

impl ChainCheck {
    fn feed(&mut self, record: &AuditRecord) -> Result<(), Broken> {
        let broken = |reason: String| Broken {
            seq: self.expected_seq,
            reason,
        };
        if record.seq != self.expected_seq {
            return Err(broken(format!(
                "record {} is missing (next stored record is {})",
                self.expected_seq, record.seq
            )));
        }
        if record.prev_hash != self.prev_hash {
            return Err(broken(
                "its previous-hash does not match the record before it".into(),
            ));
        }
        if record.hash != record.expected_hash() {
            return Err(broken(
                "its content does not match its hash (changed or moved)".into(),
            ));
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&record.hash);
        Ok(())
    }
}

/// Check the chain in `db` and the `checkpoints` (MACs under `key`).
pub async fn verify(
    db: &Db,
    checkpoints: &[Checkpoint],
    key: Option<&[u8]>,
) -> anyhow::Result<Result<Intact, Broken>> {
    if let Some(key) = key {
        if let Some(forged) = checkpoints.iter().find(|c| !c.is_authentic(key)) {
            return Ok(Err(Broken {
                seq: forged.seq,
                reason: "a checkpoint's signature is invalid (forged or altered checkpoint)".into(),
            }));
        }
    }
    // Checkpoints from every copy, several per record when the copies agree.
    let mut wanted: BTreeMap<i64, Vec<&Checkpoint>> = BTreeMap::new();
    for checkpoint in checkpoints {
        wanted.entry(checkpoint.seq).or_default().push(checkpoint);
    }
    let mut check = ChainCheck {
        expected_seq: 1,
        prev_hash: GENESIS.to_owned(),
    };
    let mut after = 0;
    loop {
        let page = app::audit::store::page(db, after, 5_000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for record in &page {
            if let Err(broken) = check.feed(record) {
                return Ok(Err(broken));
            }
            if let Some(copies) = wanted.get(&record.seq) {
                if copies.iter().any(|cp| cp.hash != record.hash) {
                    return Ok(Err(Broken {
                        seq: record.seq,
                        reason: "differs from the checkpoint of this record (chain rewritten)"
                            .into(),
                    }));
                }
            }
        }
    }
    let last_seq = check.expected_seq - 1;
    if let Some((&seq, _)) = wanted.range(last_seq + 1..).next() {
        return Ok(Err(Broken {
            seq: last_seq + 1,
            reason: format!(
                "the chain ends at record {last_seq} but a checkpoint covers record {seq} \
                 (records removed from the end)"
            ),
        }));
    }
    Ok(Ok(Intact {
        records: last_seq,
        last_seq,
        checkpoints: checkpoints.len(),
    }))
}
