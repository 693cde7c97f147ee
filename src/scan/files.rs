//! Scanning files on disk and standard input. Both are read as a stream of
//! overlapping chunks ([`Chunks`]), so memory stays bounded whatever the size.

use super::{ScanConfig, Worker};
use crate::detect::Detector;
use crate::error::{Error, Result};
use crate::filter::Origin;
use crate::report::{Finding, Report, Skipped};
use crate::source::chunks::Chunks;
use crate::source::fs::{self as fs_source, FileEntry};
use crate::source::{looks_binary, stdin};
use rayon::prelude::*;
use std::io::Read;
use std::path::PathBuf;

/// The outcome of scanning one file.
#[derive(Default)]
struct FileResult {
    findings: Vec<Finding>,
    bytes: u64,
    scanned: bool,
    skipped: Skipped,
    /// Bytes beyond the size limit were left unread.
    truncated: bool,
    warning: Option<String>,
}

/// Scans `input` chunk by chunk, at most `max` bytes of it, as `path`.
/// A read error ends the stream; what was read is still reported.
fn scan_stream(
    worker: &mut Worker,
    detector: &Detector,
    input: impl Read,
    max: u64,
    path: &str,
) -> (FileResult, Option<std::io::Error>) {
    let mut result = FileResult::default();
    let mut buf = std::mem::take(&mut worker.buf);
    let mut limited = input.take(max.saturating_add(1));
    let mut chunks = Chunks::new(&mut limited, &mut buf);
    let mut error = None;
    loop {
        let placement = match chunks.next_chunk() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(e) => {
                error = Some(e);
                break;
            }
        };
        let data = chunks.data();
        if !result.scanned {
            if looks_binary(data) {
                result.skipped.binary = 1;
                break;
            }
            result.scanned = true;
        }
        let owned = placement.owned_start.min(data.len())..placement.owned_end.min(data.len());
        result.bytes += owned.len() as u64;
        let origin = Origin {
            placement,
            ..Origin::whole(path)
        };
        worker.scan_chunk(detector, data, origin, &mut result.findings);
    }
    drop(chunks);
    if result.bytes > max {
        result.truncated = true;
        result.bytes = max;
    }
    worker.buf = buf;
    (result, error)
}

fn scan_file(worker: &mut Worker, detector: &Detector, entry: &FileEntry, max: u64) -> FileResult {
    let file = match fs_source::open(entry) {
        Ok(f) => f,
        Err(warning) => return unreadable(warning),
    };
    let (mut result, error) = scan_stream(worker, detector, file, max, &entry.display);
    if let Some(e) = error {
        if !result.scanned {
            return unreadable(fs_source::read_warning(entry, &e));
        }
        result.warning = Some(fs_source::read_warning(entry, &e));
    }
    if result.truncated {
        // The file grew past the limit after the walk measured it.
        result.warning = Some(format!(
            "{}: grew past --max-file-size while being read; only the first {max} bytes were scanned",
            entry.display
        ));
    }
    result
}

fn unreadable(warning: String) -> FileResult {
    FileResult {
        skipped: Skipped {
            unreadable: 1,
            ..Skipped::default()
        },
        warning: Some(warning),
        ..FileResult::default()
    }
}

pub(super) fn scan_paths(
    detector: &Detector,
    paths: &[PathBuf],
    config: &ScanConfig,
) -> Result<Report> {
    let options = fs_source::WalkOptions {
        ignore_files: config.ignore_files,
        follow_symlinks: config.follow_symlinks,
        max_file_size: config.max_file_size,
    };
    let walk = fs_source::walk(paths, &options)?;
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
    let unreadable = report.stats.skipped.unreadable;
    if report.stats.files == 0 && unreadable > 0 {
        return Err(Error::NothingReadable { unreadable });
    }
    Ok(report)
}

/// Standard input, streamed: a pipe of any size is scanned in bounded
/// memory, up to `--max-file-size` bytes.
pub(super) fn scan_stdin(detector: &Detector, config: &ScanConfig) -> Result<Report> {
    let max = config.max_file_size;
    let mut worker = Worker::new(config);
    let stdin = std::io::stdin().lock();
    let (result, error) = scan_stream(&mut worker, detector, stdin, max, stdin::STDIN_PATH);
    if let Some(e) = error {
        return Err(Error::Stdin(e));
    }
    let mut report = Report::default();
    if result.truncated {
        report.warnings.push(format!(
            "{}: input is larger than --max-file-size; only the first {max} bytes were scanned",
            stdin::STDIN_PATH,
        ));
    }
    report.stats.files = result.scanned as u64;
    report.stats.bytes = result.bytes;
    report.stats.skipped = result.skipped;
    report.findings = result.findings;
    Ok(report)
}
