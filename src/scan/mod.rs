//! The scan pipeline: sources → detector → filters → report.
//!
//! One submodule per kind of target (`files`, `history`, `staged`); each
//! gathers content from its source, runs it through a per-thread [`Worker`]
//! (detector then filters) and returns a report. Each worker thread owns its
//! read buffer and detector scratch, so nothing is allocated per file in the
//! hot loop except the findings themselves.

mod files;
mod history;
mod staged;

use crate::detect::{Candidate, Detector, Scratch};
use crate::error::Result;
use crate::filter::{self, Origin};
use crate::report::{Finding, Report, RuleInfo};
use crate::rules::RuleSet;
use crate::source::fs::IgnoreFiles;
use crate::source::git::HistoryRange;
use crate::suppress::Suppressions;
use crate::vault::index::{vault_rule_info, ValueIndex, VAULT_RULE_ID};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Default `--max-file-size`: 10 MiB. Larger files are skipped and counted.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// What to scan.
#[derive(Debug, Clone)]
pub enum Target {
    /// Files under these paths (directories are walked).
    Paths(Vec<PathBuf>),
    /// Standard input.
    Stdin,
    /// The git history of the repository at `repo` (`--git`).
    History {
        /// A path inside the repository.
        repo: PathBuf,
        /// Which commits.
        range: HistoryRange,
    },
    /// Lines added in the index relative to HEAD (`--staged`).
    Staged {
        /// A path inside the repository.
        repo: PathBuf,
    },
}

/// Receives progress of long scans (history); the binary draws a bar with
/// it on a terminal. The library itself never prints.
pub trait Progress: Sync {
    /// The scan will process `total` items (blobs). A history scan calls
    /// it again with a larger total each time its walk finds more blobs.
    fn start(&self, total: u64);
    /// `items` more items, holding `bytes` bytes, are done.
    fn advance(&self, items: u64, bytes: u64);
    /// The scan is over.
    fn finish(&self);
}

/// A [`Progress`] that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64, _: u64) {}
    fn finish(&self) {}
}

/// A checked, ready-to-run scan.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    /// What to scan.
    pub target: Target,
    /// The active rules.
    pub rules: Arc<RuleSet>,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
    /// Whether .gitignore and friends are honoured.
    pub ignore_files: IgnoreFiles,
    /// Whether symbolic links are followed (`--follow`).
    pub follow_symlinks: bool,
    /// Whether binary files are scanned for their printable text
    /// (`--binary`) instead of skipped.
    pub binary: bool,
    /// Allowlists and baselines.
    pub suppressions: Arc<Suppressions>,
    /// Managed values to cross-check findings against (`--vault`).
    pub vault: Option<Arc<ValueIndex>>,
    /// Findings less sure than this are left out (and counted).
    pub min_confidence: crate::rules::Confidence,
}

/// Runs a scan and returns its report (findings sorted and deduplicated).
pub fn run(config: &ScanConfig) -> Result<Report> {
    run_with_progress(config, &NoProgress)
}

/// [`run`], reporting progress of long scans to `progress`.
pub fn run_with_progress(config: &ScanConfig, progress: &dyn Progress) -> Result<Report> {
    let started = Instant::now();
    // A staged change is small and latency-bound: a cheaper automaton build
    // beats a faster automaton.
    let detector = match config.target {
        Target::Staged { .. } => Detector::for_small_input(config.rules.clone()),
        _ => Detector::new(config.rules.clone()),
    };
    let mut report = match &config.target {
        Target::Paths(paths) => files::scan_paths(&detector, paths, config)?,
        Target::Stdin => files::scan_stdin(&detector, config)?,
        Target::History { repo, range } => history::scan(&detector, repo, range, config, progress)?,
        Target::Staged { repo } => staged::scan(&detector, repo, config)?,
    };
    report.stats.rules = config.rules.len();
    report.rules = fired_rules(&config.rules, &report);
    report.stats.duration_ms = started.elapsed().as_millis() as u64;
    report.normalize();
    config.suppressions.apply(&mut report);
    let before = report.findings.len();
    report
        .findings
        .retain(|f| f.confidence >= config.min_confidence);
    report.stats.suppressed.low_confidence = (before - report.findings.len()) as u64;
    Ok(report)
}

/// Descriptors of the rules that produced findings, in rule-set order.
fn fired_rules(rules: &RuleSet, report: &Report) -> Vec<RuleInfo> {
    let fired: std::collections::HashSet<&str> =
        report.findings.iter().map(|f| f.rule_id.as_str()).collect();
    let vault = fired.contains(VAULT_RULE_ID).then(vault_rule_info);
    rules
        .rules()
        .iter()
        .filter(|r| fired.contains(r.id.as_str()))
        .map(|r| RuleInfo {
            id: r.id.clone(),
            name: r.name.clone(),
            description: r.description.clone(),
            severity: r.severity,
            references: r.references.clone(),
        })
        .chain(vault)
        .collect()
}

/// Locks `m`, ignoring poisoning (a panicking scan task is a bug that
/// surfaces anyway; the data is still consistent for the others).
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Per-thread state: reused across every file the thread scans.
#[derive(Default)]
struct Worker {
    binary: bool,
    buf: Vec<u8>,
    scratch: Scratch,
    candidates: Vec<Candidate>,
    vault: Option<Arc<ValueIndex>>,
}

impl Worker {
    fn new(config: &ScanConfig) -> Worker {
        Worker {
            binary: config.binary,
            vault: config.vault.clone(),
            ..Worker::default()
        }
    }
}

impl Worker {
    /// Detects and filters one chunk, appending findings to `out`.
    fn scan_chunk(
        &mut self,
        detector: &Detector,
        data: &[u8],
        origin: Origin<'_>,
        out: &mut Vec<Finding>,
    ) {
        self.candidates.clear();
        // The repository path, so what the name decides (rules selected by
        // file name, test and documentation places) does not depend on where
        // the scan was started.
        detector.detect_in(
            Some(origin.repo_path),
            data,
            &mut self.scratch,
            &mut self.candidates,
        );
        let first = out.len();
        filter::to_findings(detector.rules(), data, &mut self.candidates, origin, out);
        if let Some(vault) = &self.vault {
            vault.cross_check(data, origin, out, first);
        }
    }
}
