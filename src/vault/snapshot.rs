//! Offline fingerprint snapshots: HMAC-SHA256 of each managed value under a
//! key from `LEAKGUARD_FINGERPRINT_KEY`, with name, version and whether it is
//! current — no values. A CI runner without vault access hashes candidate
//! tokens of scanned content and looks them up.

use super::index::{best_verdict, MIN_VALUE_LEN};
use super::{ManagedValue, VaultError};
use crate::model::Verdict;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use zeroize::{ZeroizeOnDrop, Zeroizing};

/// Environment variable holding the HMAC key (at least 16 bytes).
pub(crate) const FINGERPRINT_KEY_ENV: &str = "LEAKGUARD_FINGERPRINT_KEY";

/// Minimum key length: shorter keys make the HMACs guessable offline.
const MIN_KEY_LEN: usize = 16;

/// The snapshot file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Layout version (1).
    pub(crate) version: u32,
    /// Always "hmac-sha256".
    pub(crate) algorithm: String,
    /// First 16 hex digits of SHA-256 of the key: tells a wrong key apart
    /// from "nothing matched" without revealing the key.
    pub(crate) key_id: String,
    /// Byte lengths of the values: only tokens of these lengths are hashed.
    pub(crate) lengths: BTreeSet<usize>,
    /// One entry per value version, sorted.
    pub entries: Vec<SnapshotEntry>,
}

/// One value version, by HMAC.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotEntry {
    /// Hex HMAC-SHA256 of the value.
    pub(crate) hmac: String,
    /// Secret name.
    pub(crate) name: String,
    /// Version label.
    pub(crate) version: String,
    /// Whether it is the current version.
    pub(crate) current: bool,
}

/// The fingerprint key; its bytes are zeroed when it is dropped.
pub struct FingerprintKey(Zeroizing<Vec<u8>>);

// Its one field is `Zeroizing`, whose own `Drop` wipes it.
impl ZeroizeOnDrop for FingerprintKey {}

impl FingerprintKey {
    /// Reads the key from [`FINGERPRINT_KEY_ENV`].
    pub fn from_env() -> Result<FingerprintKey, VaultError> {
        super::memory::no_core_dumps();
        let mut key = Zeroizing::new(std::env::var(FINGERPRINT_KEY_ENV).unwrap_or_default());
        if key.len() < MIN_KEY_LEN {
            return Err(VaultError::Invalid {
                vault: "fingerprints".into(),
                message: format!(
                    "set {FINGERPRINT_KEY_ENV} to a key of at least {MIN_KEY_LEN} bytes"
                ),
            });
        }
        // Moves the buffer over: no second copy to wipe.
        Ok(FingerprintKey(Zeroizing::new(
            std::mem::take(&mut *key).into_bytes(),
        )))
    }

    fn id(&self) -> String {
        hex::encode(Sha256::digest(&self.0[..]))[..16].to_string()
    }

    fn hmac(&self, value: &[u8]) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(value);
        hex::encode(mac.finalize().into_bytes())
    }
}

/// Builds a snapshot of `values` (values shorter than the index minimum are left out).
pub fn build(values: &[ManagedValue], key: &FingerprintKey) -> Snapshot {
    let mut entries: Vec<SnapshotEntry> = values
        .iter()
        .filter(|v| v.value.expose().len() >= MIN_VALUE_LEN)
        .map(|v| SnapshotEntry {
            hmac: key.hmac(v.value.expose().as_bytes()),
            name: v.name.clone(),
            version: v.version.clone(),
            current: v.current,
        })
        .collect();
    entries.sort();
    entries.dedup();
    Snapshot {
        version: 1,
        algorithm: "hmac-sha256".into(),
        key_id: key.id(),
        lengths: values
            .iter()
            .map(|v| v.value.expose().len())
            .filter(|&l| l >= MIN_VALUE_LEN)
            .collect(),
        entries,
    }
}

/// Writes a snapshot as pretty JSON.
pub fn write(snapshot: &Snapshot, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, snapshot)?;
    out.write_all(b"\n")
}

/// A loaded snapshot, ready for lookups.
pub(crate) struct FingerprintSet {
    key: FingerprintKey,
    lengths: BTreeSet<usize>,
    by_hmac: HashMap<String, Vec<SnapshotEntry>>,
}

impl FingerprintSet {
    /// Loads a snapshot file and checks the key in the environment is the one it was made with.
    pub(crate) fn load(path: &Path) -> Result<FingerprintSet, VaultError> {
        let vault = format!("fingerprints:{}", path.display());
        let invalid = |message: String| VaultError::Invalid {
            vault: vault.clone(),
            message,
        };
        let text =
            std::fs::read_to_string(path).map_err(|e| invalid(format!("cannot read: {e}")))?;
        let snap: Snapshot = serde_json::from_str(&text).map_err(|e| {
            invalid(format!(
                "line {}: {}",
                e.line(),
                crate::text::mask_input(&e.to_string())
            ))
        })?;
        if snap.version != 1 || snap.algorithm != "hmac-sha256" {
            return Err(invalid(format!(
                "unsupported snapshot (version {}, {})",
                snap.version, snap.algorithm
            )));
        }
        let key = FingerprintKey::from_env()?;
        if key.id() != snap.key_id {
            return Err(invalid(format!(
                "{FINGERPRINT_KEY_ENV} is not the key this snapshot was made with"
            )));
        }
        let mut by_hmac: HashMap<String, Vec<SnapshotEntry>> = HashMap::new();
        for e in snap.entries {
            by_hmac.entry(e.hmac.clone()).or_default().push(e);
        }
        Ok(FingerprintSet {
            key,
            lengths: snap.lengths,
            by_hmac,
        })
    }

    /// The verdict for an exact value, if the snapshot knows it.
    pub(crate) fn verdict_for(&self, value: &[u8]) -> Option<Verdict> {
        if !self.lengths.contains(&value.len()) {
            return None;
        }
        let owners = self.by_hmac.get(&self.key.hmac(value))?;
        Some(best_verdict(
            owners
                .iter()
                .map(|e| (e.name.as_str(), e.version.as_str(), e.current)),
        ))
    }

    /// Hashes candidate tokens of `data` (runs between delimiters, and the
    /// value parts of `key=value`, `key: value` and `user:pass@host`) whose
    /// length a managed value has, and returns the managed ones.
    pub(crate) fn scan(&self, data: &[u8]) -> Vec<(Range<usize>, Verdict)> {
        let mut hits = Vec::new();
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        for run in token_runs(data) {
            for cand in sub_tokens(data, run) {
                if self.lengths.contains(&cand.len()) && seen.insert((cand.start, cand.end)) {
                    if let Some(v) = self.verdict_for(&data[cand.clone()]) {
                        hits.push((cand, v));
                    }
                }
            }
        }
        hits
    }
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(
            b,
            b'"' | b'\''
                | b'`'
                | b','
                | b';'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'<'
                | b'>'
        )
}

fn token_runs(data: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < data.len() && is_delimiter(data[i]) {
            i += 1;
        }
        if i >= data.len() {
            return None;
        }
        let start = i;
        while i < data.len() && !is_delimiter(data[i]) {
            i += 1;
        }
        Some(start..i)
    })
}

fn sub_tokens(data: &[u8], run: Range<usize>) -> Vec<Range<usize>> {
    let bytes = &data[run.clone()];
    let mut out = vec![run.clone()];
    if let Some(eq) = bytes.iter().position(|&b| b == b'=') {
        out.push(run.start + eq + 1..run.end);
    }
    if let Some(colon) = bytes.iter().position(|&b| b == b':') {
        out.push(run.start + colon + 1..run.end);
    }
    // scheme://user:pass@host → pass
    if let Some(at) = bytes.iter().rposition(|&b| b == b'@') {
        if let Some(colon) = bytes[..at].iter().rposition(|&b| b == b':') {
            out.push(run.start + colon + 1..run.start + at);
        }
    }
    out.retain(|r| r.start < r.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_assignments_and_urls() {
        let data = b"DB=S3cr3t-Val! url=postgres://app:P4ss-w0rd-x@db:5432/x";
        let mut all: Vec<String> = Vec::new();
        for run in token_runs(data) {
            for t in sub_tokens(data, run) {
                all.push(String::from_utf8_lossy(&data[t]).into_owned());
            }
        }
        assert!(all.contains(&"S3cr3t-Val!".to_string()));
        assert!(all.contains(&"P4ss-w0rd-x".to_string()));
    }
}
