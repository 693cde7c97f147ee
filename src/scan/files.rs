//! Scanning files on disk and standard input.

use super::{ScanConfig, Worker};
use crate::detect::Detector;
use crate::error::Result;
use crate::filter::Origin;
use crate::report::{Finding, Report, Skipped};
use crate::source::fs::{self as fs_source, FileEntry, ReadOutcome};
use crate::source::{looks_binary, stdin};
use rayon::prelude::*;
use std::path::PathBuf;

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

pub(super) fn scan_paths(
    detector: &Detector,
    paths: &[PathBuf],
    config: &ScanConfig,
) -> Result<Report> {
    let walk = fs_source::walk(paths, config.ignore_files, config.max_file_size)?;
    let max = config.max_file_size;
    let results: Vec<FileResult> = walk
        .files
        .par_iter()
        .map_init(
            || Worker::new(config),
            |worker, entry| scan_file(worker, detector, entry, max),
        )
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

pub(super) fn scan_stdin(detector: &Detector, config: &ScanConfig) -> Result<Report> {
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
    Worker::new(config).scan_chunk(detector, &data, origin, &mut report.findings);
    Ok(report)
}
