//! Scanning git history: every unique blob once, in parallel, then findings
//! attributed to the commit that introduced them.

use super::{Progress, ScanConfig, Worker};
use crate::detect::Detector;
use crate::error::Result;
use crate::filter::Origin;
use crate::report::{CommitInfo, Finding, Report, Skipped};
use crate::source::git::{self, BlobEntry, HistoryRange};
use crate::source::looks_binary;
use git2::{ObjectType, Oid, Repository};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;

/// What scanning one blob produced.
#[derive(Default)]
struct BlobResult {
    findings: Vec<Finding>,
    bytes: u64,
    scanned: bool,
    skipped: Skipped,
    warning: Option<String>,
}

impl BlobResult {
    /// Counts the blob as unreadable, with a warning naming path, id and reason.
    fn mark_unreadable(&mut self, blob: &BlobEntry, e: &git2::Error) {
        self.skipped.unreadable = 1;
        self.warning = Some(format!(
            "{} (blob {}): cannot read: {}",
            blob.path,
            blob.oid,
            e.message()
        ));
    }
}

/// Per-thread state: its own repository handle (git2 handles are not `Sync`).
struct BlobWorker {
    repo: Option<Repository>,
    worker: Worker,
}

fn scan_blob(bw: &mut BlobWorker, detector: &Detector, blob: &BlobEntry, max: u64) -> BlobResult {
    let mut result = BlobResult::default();
    let Some(repo) = &bw.repo else {
        result.skipped.unreadable = 1;
        return result;
    };
    let size = repo.odb().and_then(|odb| odb.read_header(blob.oid));
    match size {
        Ok((size, ObjectType::Blob)) if size as u64 > max => {
            result.skipped.too_large = 1;
            return result;
        }
        Ok((_, ObjectType::Blob)) => {}
        Ok(_) => {
            result.skipped.not_regular = 1;
            return result;
        }
        Err(e) => {
            result.mark_unreadable(blob, &e);
            return result;
        }
    }
    let found = match repo.find_blob(blob.oid) {
        Ok(b) => b,
        Err(e) => {
            result.mark_unreadable(blob, &e);
            return result;
        }
    };
    let data = found.content();
    if looks_binary(data) {
        result.skipped.binary = 1;
        return result;
    }
    result.scanned = true;
    result.bytes = data.len() as u64;
    let origin = Origin::whole(&blob.path);
    bw.worker
        .scan_chunk(detector, data, origin, &mut result.findings);
    result
}

pub(super) fn scan(
    detector: &Detector,
    path: &Path,
    range: &HistoryRange,
    config: &ScanConfig,
    progress: &dyn Progress,
) -> Result<Report> {
    let repo = git::open(path)?;
    let git_dir = repo.path().to_path_buf();
    let history = git::enumerate(&repo, range)?;
    let max = config.max_file_size;

    progress.start(history.blobs.len() as u64);
    let results: Vec<(usize, BlobResult)> = history
        .blobs
        .par_iter()
        .enumerate()
        .map_init(
            || BlobWorker {
                repo: Repository::open(&git_dir).ok(),
                worker: Worker::new(config),
            },
            |bw, (i, blob)| {
                let r = scan_blob(bw, detector, blob, max);
                progress.advance(1, r.bytes);
                (i, r)
            },
        )
        .collect();
    progress.finish();

    let mut report = Report {
        warnings: history.warnings.clone(),
        vcs: Some(git::vcs_info(&repo)),
        ..Report::default()
    };
    report.stats.skipped = history.skipped.clone();
    report.stats.commits = Some(history.commits.len() as u64);
    let mut blobs_scanned = 0;
    let mut commit_cache: HashMap<Oid, CommitInfo> = HashMap::new();
    let mut found: Vec<(u32, Finding)> = Vec::new();
    for (i, r) in results {
        blobs_scanned += r.scanned as u64;
        report.stats.bytes += r.bytes;
        report.stats.skipped.add(&r.skipped);
        report.warnings.extend(r.warning);
        let blob = &history.blobs[i];
        let in_head = history.head_blobs.contains(&blob.oid);
        let commit_oid = history.commits[blob.commit as usize];
        for mut f in r.findings {
            let info = commit_cache
                .entry(commit_oid)
                .or_insert_with(|| git::commit_info(&repo, commit_oid));
            f.commit = Some(info.clone());
            f.in_head = Some(in_head);
            found.push((blob.commit, f));
        }
    }
    report.stats.blobs = Some(blobs_scanned);
    report.stats.files = blobs_scanned;
    report.findings = first_introductions(found);
    Ok(report)
}

/// A secret that stays in a file across edits lives in several blobs; report
/// it once per (rule, secret, path), at the oldest commit that had it, and
/// say it is in HEAD if any of its blobs is.
fn first_introductions(mut found: Vec<(u32, Finding)>) -> Vec<Finding> {
    found.sort_by_key(|(commit, f)| {
        (
            f.rule_id.clone(),
            f.fingerprint.clone(),
            f.path.clone(),
            *commit,
            f.span,
        )
    });
    let mut out: Vec<Finding> = Vec::with_capacity(found.len());
    for (_, f) in found {
        match out.last_mut() {
            Some(prev)
                if prev.rule_id == f.rule_id
                    && prev.fingerprint == f.fingerprint
                    && prev.path == f.path =>
            {
                if f.in_head == Some(true) {
                    prev.in_head = Some(true);
                }
            }
            _ => out.push(f),
        }
    }
    out
}
