//! Scanning git history: every unique blob once, then findings attributed to
//! the commit that introduced them. The tree walk that finds the blobs runs
//! on the calling thread and hands them to the thread pool in batches, so
//! blobs are scanned while the walk goes on.

use super::files::{self, FileResult};
use super::{lock, Progress, ScanConfig, Worker};
use crate::detect::Detector;
use crate::error::Result;
use crate::findings::Chunk;
use crate::model::Origin;
use crate::model::{CommitInfo, Finding, Report, Stats};
use crate::source::archive;
use crate::source::git::{self, BlobEntry, HistoryRange};
use crate::source::looks_binary;
use crate::source::odb::{Kind, Objects};
use git2::Oid;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Counts `blob` as unreadable, with a warning naming path, id and reason.
fn unreadable(blob: &BlobEntry, reason: &str) -> FileResult {
    files::unreadable(format!(
        "{} (blob {}): cannot read: {reason}",
        blob.path, blob.oid
    ))
}

/// Per-thread state: its own handle on the object database.
struct BlobWorker<'s> {
    objects: Objects<'s>,
    worker: Worker,
    /// The blob being scanned, inflated.
    content: Vec<u8>,
}

fn scan_blob(bw: &mut BlobWorker, detector: &Detector, blob: &BlobEntry, max: u64) -> FileResult {
    let mut result = FileResult::default();
    match bw.objects.header(blob.oid) {
        Ok((Kind::Blob, size)) if size > max => {
            result.skipped.too_large = 1;
            return result;
        }
        Ok((Kind::Blob, _)) => {}
        Ok(_) => {
            result.skipped.not_regular = 1;
            return result;
        }
        Err(e) => return unreadable(blob, &e),
    }
    let data = match bw.objects.read(blob.oid, &mut bw.content) {
        Ok((_, data)) => data,
        Err(e) => return unreadable(blob, &e),
    };
    if looks_binary(data) {
        match archive::sniff(data).filter(|_| bw.worker.archives.depth > 0) {
            Some(kind) => {
                let name = Origin::named(&blob.path);
                return files::scan_packed(&mut bw.worker, detector, data, kind, name, max);
            }
            None => result.skipped.binary = 1,
        }
        return result;
    }
    result.scanned = true;
    result.bytes = data.len() as u64;
    let origin = Chunk::whole(Origin::named(&blob.path));
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
    let objects = git::objects(&repo)?;
    let max = config.max_file_size;

    // The walk runs on this thread; each batch of blobs it finds is scanned
    // on the thread pool meanwhile, each task with a worker from `idle`.
    // A blob's outcome is folded into the totals as soon as it is scanned;
    // only blobs with findings or a warning are kept (by index), so memory
    // does not grow with the number of clean blobs.
    let results: Mutex<Outcomes> = Mutex::new(Outcomes::default());
    let idle: Mutex<Vec<BlobWorker>> = Mutex::new(Vec::new());
    let members = Arc::new(files::SeenMembers::default());
    let scan_batch = |first: usize, batch: Vec<BlobEntry>| {
        let mut bw = lock(&idle).pop().unwrap_or_else(|| BlobWorker {
            objects: objects.for_thread(),
            worker: Worker::new(config, &members),
            content: Vec::new(),
        });
        let mut done = Outcomes::default();
        for (i, blob) in batch.iter().enumerate() {
            let r = scan_blob(&mut bw, detector, blob, max);
            progress.advance(1, r.bytes);
            done.add(first + i, r);
        }
        lock(&results).merge(done);
        lock(&idle).push(bw);
    };
    let history = rayon::in_place_scope(|scope| {
        git::enumerate(&repo, range, |first, batch| {
            // The total grows as the walk finds blobs.
            progress.start((first + batch.len()) as u64);
            let batch = batch.to_vec();
            let scan_batch = &scan_batch;
            scope.spawn(move |_| scan_batch(first, batch));
        })
    })?;
    progress.finish();
    let outcomes = results.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut results = outcomes.kept;
    results.sort_unstable_by_key(|(i, _)| *i);

    let mut report = Report {
        warnings: history.warnings.clone(),
        vcs: Some(git::vcs_info(&repo)),
        source_root: repo.workdir().and_then(|w| std::fs::canonicalize(w).ok()),
        ..Report::default()
    };
    report.stats = outcomes.totals;
    report.stats.skipped.add(&history.skipped);
    report.stats.commits = Some(history.commits.len() as u64);
    report.stats.blobs = Some(outcomes.scanned);
    let mut commit_cache: HashMap<Oid, CommitInfo> = HashMap::new();
    let mut found: Vec<(u32, Finding)> = Vec::new();
    for (i, r) in results {
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
    report.findings = first_introductions(found);
    Ok(report)
}

/// Scanned blobs' outcomes: totals, and the outcomes worth keeping.
#[derive(Default)]
struct Outcomes {
    /// Coverage of every blob scanned so far.
    totals: Stats,
    /// Blobs whose content was scanned.
    scanned: u64,
    /// (index in the history's blobs, outcome) of blobs with findings or
    /// a warning.
    kept: Vec<(usize, FileResult)>,
}

impl Outcomes {
    fn add(&mut self, index: usize, r: FileResult) {
        self.scanned += r.scanned as u64;
        r.count_into(&mut self.totals);
        if !r.findings.is_empty() || r.warning.is_some() {
            self.kept.push((index, r));
        }
    }

    fn merge(&mut self, other: Outcomes) {
        self.scanned += other.scanned;
        self.totals.add(&other.totals);
        self.kept.extend(other.kept);
    }
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
