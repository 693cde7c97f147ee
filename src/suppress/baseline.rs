//! leakguard's baseline file: the fingerprints of findings a team has
//! accepted, so that only new ones are reported. No secret values; sorted and
//! without line numbers, so it is stable across runs and diffs cleanly.

use crate::model::fingerprint::Scheme;
use crate::model::Report;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// Version of the baseline layout: 2 records how its fingerprints were
/// made (`fingerprints`); 1, whose fingerprints are unkeyed SHA-256 of the
/// rule id and the secret, is still read.
pub(crate) const BASELINE_VERSION: u32 = 2;
/// The first layout, read for compatibility.
pub(crate) const LEGACY_VERSION: u32 = 1;

/// The baseline document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Layout version.
    pub(crate) version: u32,
    /// How the fingerprints were made (the salt, or which key); absent in
    /// version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fingerprints: Option<Scheme>,
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
    /// The finding's fingerprint (version 1: `sha256(rule_id + secret)`).
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
            fingerprints: report.fingerprints.clone(),
            findings,
        }
    }

    /// Parses a leakguard baseline of either version.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline =
            serde_json::from_str(text).map_err(|e| crate::text::one_line(&e.to_string()))?;
        match b.version {
            BASELINE_VERSION | LEGACY_VERSION => Ok(b),
            v => Err(format!("unsupported baseline version {v}")),
        }
    }

    /// The salt its fingerprints were made with, if they were salted.
    pub fn salt(&self) -> Option<Vec<u8>> {
        match &self.fingerprints {
            Some(Scheme::Salted { salt }) => salt.bytes(),
            _ => None,
        }
    }

    /// How the fingerprints were made, `None` for a version 1 baseline.
    pub fn scheme(&self) -> Option<&Scheme> {
        self.fingerprints.as_ref()
    }

    /// Adds `other`'s entries (kept sorted, without repeats). Only
    /// baselines whose fingerprints were made alike can be merged: the
    /// caller checks.
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
