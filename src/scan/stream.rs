//! Streaming scans (`--format jsonl`): each finding goes to a
//! [`FindingSink`] as soon as it is confirmed, and is not kept, so a
//! pipeline reads findings while a long history scan goes on and memory
//! does not grow with their number.
//!
//! What [`super::run`] decides on the whole report is decided here on one
//! file's (or blob's) findings at a time, in the same order: duplicates
//! removed and contexts masked (within the file: the secrets on a line are
//! found in the same file), then suppressions (inline markers, allowlists,
//! baselines) and `--min-confidence`, each counted as in a report. A
//! history scan also keeps only a secret's first introduction (see
//! `history::Ordered`); the vault verdict is already on the finding.

use super::ScanConfig;
use crate::model::{Confidence, Finding, Report, Suppressed};
use crate::suppress::Suppressions;
use std::sync::Mutex;

/// Receives the findings of a streaming scan ([`super::run_streaming`]).
pub trait FindingSink: Sync {
    /// A confirmed finding: no later decision of the scan takes it back.
    /// Called from the scan's threads, possibly at once from several; the
    /// order is not the report's.
    fn confirmed(&self, finding: &Finding);
}

/// The per-finding decisions of a streaming scan, and their counts.
pub(crate) struct Confirm<'a> {
    sink: &'a dyn FindingSink,
    suppressions: &'a Suppressions,
    fingerprints: &'a crate::model::fingerprint::Fingerprinter,
    min_confidence: Confidence,
    suppressed: Mutex<Suppressed>,
}

impl<'a> Confirm<'a> {
    pub(crate) fn new(config: &'a ScanConfig, sink: &'a dyn FindingSink) -> Confirm<'a> {
        Confirm {
            sink,
            suppressions: &config.suppressions,
            fingerprints: &config.fingerprints,
            min_confidence: config.min_confidence,
            suppressed: Mutex::new(Suppressed::default()),
        }
    }

    /// Confirms one file's findings (all of them, so that each context is
    /// masked with its neighbours' secrets).
    pub(crate) fn batch(&self, findings: Vec<Finding>) {
        self.batch_with(findings, |_| true);
    }

    /// [`Confirm::batch`], where `first` has the last word on each finding
    /// that is not a duplicate, in report order, before suppressions: a
    /// history scan keeps only a secret's first introduction there (and
    /// completes the finding).
    pub(crate) fn batch_with(
        &self,
        findings: Vec<Finding>,
        mut first: impl FnMut(&mut Finding) -> bool,
    ) {
        if findings.is_empty() {
            return;
        }
        let mut batch = Report {
            findings,
            ..Report::default()
        };
        self.fingerprints.seal_all(&mut batch.findings);
        batch.normalize();
        let mut counts = Suppressed::default();
        for mut f in batch.findings {
            if !first(&mut f) || self.suppressions.suppresses(&f, &mut counts) {
                continue;
            }
            if f.confidence < self.min_confidence {
                counts.low_confidence += 1;
                continue;
            }
            self.sink.confirmed(&f);
        }
        let mut total = super::lock(&self.suppressed);
        total.allowlist += counts.allowlist;
        total.baseline += counts.baseline;
        total.inline += counts.inline;
        total.low_confidence += counts.low_confidence;
    }

    /// The findings suppressed so far, by reason.
    pub(crate) fn suppressed(&self) -> Suppressed {
        super::lock(&self.suppressed).clone()
    }
}
