//! leakguard's baseline file: the fingerprints of findings a team has
//! accepted, so that only new ones are reported. No secret values; sorted and
//! without line numbers, so it is stable across runs and diffs cleanly.

use crate::model::Report;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// Version of the baseline layout.
pub(crate) const BASELINE_VERSION: u32 = 1;

/// The baseline document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Layout version (1).
    pub(crate) version: u32,
    /// Accepted findings, sorted by path, rule id, fingerprint.
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding. Matching is by fingerprint alone, so a finding that
/// moves to another line (or file) stays suppressed; rule id and path are
/// there for the humans reviewing the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// Where it was found when the baseline was made.
    pub(crate) path: String,
    /// The rule that found it.
    pub(crate) rule_id: String,
    /// `sha256(rule_id + secret)`.
    pub(crate) fingerprint: String,
}

impl Baseline {
    /// The baseline that accepts every finding of `report`.
    pub fn from_report(report: &Report) -> Baseline {
        let mut findings: Vec<BaselineEntry> = report
            .findings
            .iter()
            .map(|f| BaselineEntry {
                path: f.repo_path.clone(),
                rule_id: f.rule_id.clone(),
                fingerprint: f.fingerprint.as_str().to_string(),
            })
            .collect();
        findings.sort();
        findings.dedup();
        Baseline {
            version: BASELINE_VERSION,
            findings,
        }
    }

    /// Adds `other`'s entries (kept sorted, without repeats).
    pub fn merge(&mut self, other: Baseline) {
        self.findings.extend(other.findings);
        self.findings.sort();
        self.findings.dedup();
    }

    /// Writes the baseline as pretty JSON with a trailing newline.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }
}
