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
mod stream;

use stream::Confirm;
pub use stream::FindingSink;

use crate::detect::decode::{decode_runs, Decoded};
use crate::detect::{Candidate, Detector, Scratch};
use crate::error::Result;
use crate::findings::{self, Chunk, DecodedFrom, LineCursor};
use crate::model::date::{self, Zone};
use crate::model::Encoding;
use crate::model::{Finding, Report, RuleInfo, ScanKind, Scanned};
use crate::rules::RuleSet;
use crate::source::chunks::Placement;
use crate::source::fs::IgnoreFiles;
use crate::source::git::HistoryRange;
use crate::suppress::Suppressions;
use crate::vault::index::{vault_rule_info, ValueIndex, VAULT_RULE_ID};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Default `--max-file-size`: 10 MiB. Larger files are skipped and counted.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Default `--max-decode-depth`: base64 of a percent-encoded URL inside a
/// JSON string is three encodings deep.
pub const DEFAULT_DECODE_DEPTH: u8 = 3;

/// How deep archives are opened, and the limits that keep a hostile one
/// (a zip bomb) from costing unbounded time or memory. Each limit hit is a
/// warning; the scan goes on with the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// Archives inside archives opened up to this depth (`--max-archive-depth`;
    /// 0: archives are skipped as binary files).
    pub depth: u8,
    /// Decompressed bytes of one archive's members together
    /// (`--max-archive-bytes`).
    pub bytes: u64,
    /// Members of one archive scanned (`--max-archive-members`).
    pub members: u64,
    /// A member stops once it decompresses to more than this many times its
    /// compressed size, past its first MiB (`--max-compression-ratio`).
    pub ratio: u64,
}

impl Default for ArchiveLimits {
    /// A jar inside a tarball inside a zip; 256 MiB; 10,000 members; 100:1.
    fn default() -> ArchiveLimits {
        ArchiveLimits {
            depth: 3,
            bytes: 256 << 20,
            members: 10_000,
            ratio: 100,
        }
    }
}

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
    /// How many encodings deep encoded text is decoded and scanned
    /// (`--max-decode-depth`; 0 turns decoding off).
    pub max_decode_depth: u8,
    /// How archives are opened: depth, and the limits against bombs.
    pub archives: ArchiveLimits,
    /// Allowlists and baselines.
    pub suppressions: Arc<Suppressions>,
    /// Makes the public fingerprints findings are reported under.
    pub fingerprints: Arc<crate::model::fingerprint::Fingerprinter>,
    /// Managed values to cross-check findings against (`--vault`).
    pub vault: Option<Arc<ValueIndex>>,
    /// Findings less sure than this are left out (and counted).
    pub min_confidence: crate::model::Confidence,
}

/// Runs a scan and returns its report (findings sorted and deduplicated).
pub fn run(config: &ScanConfig) -> Result<Report> {
    run_with_progress(config, &NoProgress)
}

/// [`run`], reporting progress of long scans to `progress`.
pub fn run_with_progress(config: &ScanConfig, progress: &dyn Progress) -> Result<Report> {
    run_to(config, progress, None)
}

/// Runs a scan that hands each finding to `sink` as soon as it is
/// confirmed (see [`FindingSink`]) instead of keeping it: the report it
/// returns has no findings, only what the scan covered, its warnings and
/// its counts (suppressions included). Copies of a file are scanned again
/// rather than waiting for their first copy's findings (they are still
/// counted in `stats.duplicates`). In a history scan, `in_head` tells
/// whether the blob is in HEAD or HEAD's file at that path still holds
/// the secret (the report asks whether any blob holding it is in HEAD;
/// they differ only for a file copied or renamed unchanged).
pub fn run_streaming(
    config: &ScanConfig,
    progress: &dyn Progress,
    sink: &dyn FindingSink,
) -> Result<Report> {
    run_to(config, progress, Some(&Confirm::new(config, sink)))
}

/// A scan whose findings end in the report, or, with `confirm`, each in
/// the sink as soon as it is confirmed.
fn run_to(
    config: &ScanConfig,
    progress: &dyn Progress,
    confirm: Option<&Confirm>,
) -> Result<Report> {
    let started = Instant::now();
    let started_at = date::rfc3339(date::now(), Zone::Utc);
    // A staged change is small and latency-bound: a cheaper automaton build
    // beats a faster automaton.
    let detector = match config.target {
        Target::Staged { .. } => Detector::for_small_input(config.rules.clone()),
        _ => Detector::new(config.rules.clone()),
    };
    let mut report = match &config.target {
        Target::Paths(paths) => files::scan_paths(&detector, paths, config, confirm)?,
        Target::Stdin => files::scan_stdin(&detector, config)?,
        Target::History { repo, range } => {
            history::scan(&detector, repo, range, config, progress, confirm)?
        }
        Target::Staged { repo } => staged::scan(&detector, repo, config)?,
    };
    report.scanned = scanned(&config.target, started_at);
    report.stats.rules = config.rules.len();
    report.fingerprints = Some(config.fingerprints.scheme());
    if let Some(confirm) = confirm {
        // Standard input and a staged change are one small batch each.
        confirm.batch(std::mem::take(&mut report.findings));
        report.stats.duration_ms = started.elapsed().as_millis() as u64;
        report.stats.suppressed = confirm.suppressed();
        return Ok(report);
    }
    report.rules = fired_rules(&config.rules, &report);
    report.stats.duration_ms = started.elapsed().as_millis() as u64;
    config.fingerprints.seal_all(&mut report.findings);
    report.normalize();
    config.suppressions.apply(&mut report);
    let before = report.findings.len();
    report
        .findings
        .retain(|f| f.confidence >= config.min_confidence);
    report.stats.suppressed.low_confidence = (before - report.findings.len()) as u64;
    Ok(report)
}

/// What `target` covers, for the report.
fn scanned(target: &Target, started_at: String) -> Scanned {
    let shown = |p: &std::path::Path| p.to_string_lossy().replace('\\', "/");
    let (kind, paths, range) = match target {
        Target::Paths(paths) => (
            ScanKind::Files,
            paths.iter().map(|p| shown(p)).collect(),
            None,
        ),
        Target::Stdin => (ScanKind::Stdin, Vec::new(), None),
        Target::History { repo, range } => (ScanKind::Git, vec![shown(repo)], Some(range)),
        Target::Staged { repo } => (ScanKind::Staged, vec![shown(repo)], None),
    };
    Scanned {
        kind,
        paths,
        rev: range.and_then(|r| r.rev.clone()),
        since: range.and_then(|r| r.since.clone()),
        started_at,
    }
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
    max_decode_depth: u8,
    archives: ArchiveLimits,
    buf: Vec<u8>,
    scratch: Scratch,
    candidates: Vec<Candidate>,
    vault: Option<Arc<ValueIndex>>,
    /// The run's archive members by content, shared by its workers.
    members: Arc<files::SeenMembers>,
}

impl Worker {
    fn new(config: &ScanConfig, members: &Arc<files::SeenMembers>) -> Worker {
        Worker {
            binary: config.binary,
            max_decode_depth: config.max_decode_depth,
            archives: config.archives,
            vault: config.vault.clone(),
            members: members.clone(),
            ..Worker::default()
        }
    }
}

impl Worker {
    /// Detects and filters one chunk, appending findings to `out`; then
    /// the same for the text its encoded runs decode to.
    fn scan_chunk(
        &mut self,
        detector: &Detector,
        data: &[u8],
        chunk: Chunk<'_>,
        out: &mut Vec<Finding>,
    ) {
        let first = out.len();
        self.scan_content(detector, data, chunk, out);
        if self.max_decode_depth == 0 {
            return;
        }
        let mut decoded = Vec::new();
        let outer_lines = std::cell::RefCell::new(LineCursor::at(chunk.placement));
        self.scan_encoded(
            detector,
            data,
            chunk,
            (data, &outer_lines),
            &[],
            &mut decoded,
        );
        if decoded.is_empty() {
            return;
        }
        // A decoded finding that repeats one found as written is dropped;
        // one that is surer (or as sure and more severe) than the written
        // finding it lies inside replaces it: a GitHub token, or a private
        // key, inside a base64 value a generic rule reported.
        let mut replaced = vec![false; out.len() - first];
        let mut outdone = Vec::new();
        decoded.retain(|d| {
            outdone.clear();
            for (i, p) in out[first..].iter().enumerate() {
                match compare_decoded(p, d) {
                    Repeat::No => {}
                    Repeat::Inside if (d.confidence, d.severity) > (p.confidence, p.severity) => {
                        outdone.push(i)
                    }
                    Repeat::Same | Repeat::Inside => return false,
                }
            }
            // Kept: the written findings it outdoes go.
            for &i in &outdone {
                replaced[i] = true;
            }
            true
        });
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            i <= first || !replaced[i - 1 - first]
        });
        out.extend(decoded);
    }

    /// Detects and filters `data` as `chunk`'s content.
    fn scan_content(
        &mut self,
        detector: &Detector,
        data: &[u8],
        chunk: Chunk<'_>,
        out: &mut Vec<Finding>,
    ) {
        self.candidates.clear();
        // The repository path, so what the name decides (rules selected by
        // file name, test and documentation places) does not depend on where
        // the scan was started.
        detector.detect_in(
            Some(chunk.origin.repo_path),
            data,
            &mut self.scratch,
            &mut self.candidates,
        );
        let first = out.len();
        findings::to_findings(detector.rules(), data, &mut self.candidates, chunk, out);
        if let Some(vault) = &self.vault {
            vault.cross_check(data, chunk, out, first);
        }
    }

    /// Scans what `content`'s encoded runs decode to, and what those hold
    /// in turn, up to the depth limit. `outer` is the chunk being scanned
    /// (`chunk`'s) and its line cursor, `within` the runs `content` was
    /// decoded from, outermost first.
    fn scan_encoded(
        &mut self,
        detector: &Detector,
        content: &[u8],
        chunk: Chunk<'_>,
        outer: (&[u8], &std::cell::RefCell<LineCursor>),
        within: &[&Decoded],
        out: &mut Vec<Finding>,
    ) {
        let mut runs = Vec::new();
        // The scratch holds `content`'s keyword hits (it was scanned last).
        // A vault value may hold a quote, so with a vault every line is
        // decoded.
        let (scratch, with_vault) = (&self.scratch, self.vault.is_some());
        let worth = |line: std::ops::Range<usize>| {
            with_vault || detector.may_hide_keyword(content, line, scratch)
        };
        decode_runs(content, &worth, &mut runs);
        for run in &runs {
            // A chunk reports what starts in the part of the file it owns.
            if within.is_empty() && !chunk.placement.owns(run.range.start) {
                continue;
            }
            let mut stack: Vec<&Decoded> = within.to_vec();
            stack.push(run);
            let encodings: Vec<Encoding> = stack.iter().map(|d| d.encoding).collect();
            let locate = |mut range: std::ops::Range<usize>| {
                for d in stack.iter().rev() {
                    range = d.locate(range);
                }
                range
            };
            let from = DecodedFrom {
                outer: outer.0,
                outer_lines: outer.1,
                encodings: &encodings,
                locate: &locate,
            };
            let inner = Chunk {
                placement: Placement::WHOLE,
                decoded: Some(&from),
                ..chunk
            };
            self.scan_content(detector, &run.bytes, inner, out);
            if stack.len() < usize::from(self.max_decode_depth) && !run.der_key {
                self.scan_encoded(detector, &run.bytes, chunk, outer, &stack, out);
            }
        }
    }
}

/// How a finding in decoded text relates to one found as written.
enum Repeat {
    /// Elsewhere, or another secret.
    No,
    /// The same rule or the same value at an overlapping place.
    Same,
    /// Inside the written finding's value (a Kubernetes secret's base64, a
    /// Docker `auth`, a generic match on an encoded value).
    Inside,
}

fn compare_decoded(plain: &Finding, decoded: &Finding) -> Repeat {
    let (p, d) = (&plain.span, &decoded.span);
    let start = |s: &crate::model::Span| (s.line, s.column);
    let end = |s: &crate::model::Span| (s.end_line, s.end_column);
    if !(start(d) < end(p) && start(p) < end(d)) {
        Repeat::No
    } else if plain.rule_id == decoded.rule_id || plain.secret.expose() == decoded.secret.expose() {
        Repeat::Same
    } else if start(p) <= start(d) && end(d) <= end(p) {
        Repeat::Inside
    } else {
        Repeat::No
    }
}
