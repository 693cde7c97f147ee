//! The scan pipeline: sources → detector → filters → report.
//!
//! Files are walked first, then scanned in parallel with rayon; each worker
//! thread owns its read buffer and detector scratch, so nothing is allocated
//! per file in the hot loop except the findings themselves.

use crate::detect::{Candidate, Detector, Scratch};
use crate::error::Result;
use crate::filter::{self, Origin};
use crate::report::{Finding, Report, Skipped};
use crate::rules::RuleSet;
use crate::source::fs::{self as fs_source, FileEntry, IgnoreFiles, ReadOutcome};
use crate::source::{looks_binary, stdin};
use rayon::prelude::*;
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
}

/// Runs a scan and returns its report (findings sorted and deduplicated).
pub fn run(config: &ScanConfig) -> Result<Report> {
    let started = Instant::now();
    let detector = Detector::new(config.rules.clone());
    let mut report = match &config.target {
        Target::Paths(paths) => scan_paths(&detector, paths, config)?,
        Target::Stdin => scan_stdin(&detector, config)?,
    };
    report.stats.rules = config.rules.len();
    report.stats.duration_ms = started.elapsed().as_millis() as u64;
    report.normalize();
    Ok(report)
}

/// Per-thread state: reused across every file the thread scans.
#[derive(Default)]
struct Worker {
    buf: Vec<u8>,
    scratch: Scratch,
    candidates: Vec<Candidate>,
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
        detector.detect(data, &mut self.scratch, &mut self.candidates);
        filter::to_findings(detector.rules(), data, &mut self.candidates, origin, out);
    }
}

/// The outcome of scanning one file.
#[derive(Default)]
struct FileResult {
    findings: Vec<Finding>,
    bytes: u64,
    scanned: bool,
    skipped: Skipped,
    warning: Option<String>,
}

fn scan_file(worker: &mut Worker, detector: &Detector, entry: &FileEntry, max: u64) -> FileResult {
    let mut result = FileResult::default();
    let mut buf = std::mem::take(&mut worker.buf);
    match fs_source::read_file(entry, max, &mut buf) {
        ReadOutcome::Text => {
            result.scanned = true;
            result.bytes = buf.len() as u64;
            let origin = Origin {
                path: &entry.display,
                commit: None,
            };
            worker.scan_chunk(detector, &buf, origin, &mut result.findings);
        }
        ReadOutcome::Binary => result.skipped.binary = 1,
        ReadOutcome::TooLarge => result.skipped.too_large = 1,
        ReadOutcome::Unreadable(why) => {
            result.skipped.unreadable = 1;
            result.warning = Some(why);
        }
    }
    worker.buf = buf;
    result
}

fn scan_paths(detector: &Detector, paths: &[PathBuf], config: &ScanConfig) -> Result<Report> {
    let walk = fs_source::walk(paths, config.ignore_files, config.max_file_size)?;
    let max = config.max_file_size;
    let results: Vec<FileResult> = walk
        .files
        .par_iter()
        .map_init(Worker::default, |worker, entry| {
            scan_file(worker, detector, entry, max)
        })
        .collect();

    let mut report = Report::default();
    report.stats.skipped = walk.skipped;
    report.warnings = walk.warnings;
    for r in results {
        report.stats.files += r.scanned as u64;
        report.stats.bytes += r.bytes;
        report.stats.skipped.add(&r.skipped);
        report.warnings.extend(r.warning);
        report.findings.extend(r.findings);
    }
    Ok(report)
}

fn scan_stdin(detector: &Detector, config: &ScanConfig) -> Result<Report> {
    let (data, truncated) = stdin::read_all(config.max_file_size)?;
    let mut report = Report::default();
    if truncated {
        report.warnings.push(format!(
            "{}: input is larger than --max-file-size; only the first {} bytes were scanned",
            stdin::STDIN_PATH,
            config.max_file_size
        ));
    }
    if looks_binary(&data) {
        report.stats.skipped.binary = 1;
        return Ok(report);
    }
    report.stats.files = 1;
    report.stats.bytes = data.len() as u64;
    let origin = Origin {
        path: stdin::STDIN_PATH,
        commit: None,
    };
    Worker::default().scan_chunk(detector, &data, origin, &mut report.findings);
    Ok(report)
}
