//! Scanning git history: every unique blob once, then findings attributed to
//! the commit that introduced them. The tree walk that finds the blobs runs
//! on the calling thread and hands them to the thread pool in batches, so
//! blobs are scanned while the walk goes on.

use super::files::{self, FileResult};
use super::{lock, Confirm, Progress, ScanConfig, Worker};
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
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

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

/// Scans the history; with `confirm`, each blob's findings are confirmed
/// in the walk's order as soon as the blobs before it are scanned (see
/// [`Ordered`]), and the report has none.
pub(super) fn scan(
    detector: &Detector,
    path: &Path,
    range: &HistoryRange,
    config: &ScanConfig,
    progress: &dyn Progress,
    confirm: Option<&Confirm>,
) -> Result<Report> {
    let repo = git::open(path)?;
    let objects = git::objects(&repo)?;
    let max = config.max_file_size;
    let commits: OnceLock<Vec<Oid>> = OnceLock::new();
    let ordered = match confirm {
        Some(confirm) => Some(Mutex::new(Ordered::new(
            path, &objects, detector, config, confirm, &commits,
        )?)),
        None => None,
    };

    // The walk runs on this thread; each batch of blobs it finds is scanned
    // on the thread pool meanwhile, each task with a worker from `idle`.
    // A blob's outcome is folded into the totals as soon as it is scanned;
    // only blobs with findings or a warning are kept (by index), so memory
    // does not grow with the number of clean blobs.
    let results: Mutex<Outcomes> = Mutex::new(Outcomes::default());
    let idle: Mutex<Vec<BlobWorker>> = Mutex::new(Vec::new());
    let members = Arc::new(files::SeenMembers::default());
    let queue = Queue::default();
    let scan_batch = |first: usize, batch: Vec<BlobEntry>| {
        let _scanned = Leave(&queue);
        let mut bw = lock(&idle).pop().unwrap_or_else(|| BlobWorker {
            objects: objects.for_thread(),
            worker: Worker::new(config, &members),
            content: Vec::new(),
        });
        let mut done = Outcomes::default();
        let len = batch.len();
        for (i, blob) in batch.into_iter().enumerate() {
            let r = scan_blob(&mut bw, detector, &blob, max);
            progress.advance(1, r.bytes);
            done.add(first + i, blob, r);
        }
        lock(&idle).push(bw);
        match &ordered {
            Some(ordered) => {
                let kept = std::mem::take(&mut done.kept);
                lock(&results).merge(done);
                lock(ordered).arrive(first, len, kept);
            }
            None => lock(&results).merge(done),
        }
    };
    let on_commits = |walked: &[Oid]| {
        if ordered.is_some() {
            let _ = commits.set(walked.to_vec());
        }
    };
    let history = rayon::in_place_scope(|scope| {
        git::enumerate_observed(&repo, &objects, range, on_commits, |first, batch| {
            // The total grows as the walk finds blobs.
            progress.start((first + batch.len()) as u64);
            queue.enter();
            let scan_batch = &scan_batch;
            scope.spawn(move |_| scan_batch(first, batch));
        })
    })?;
    progress.finish();
    let outcomes = results.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut results = outcomes.kept;
    results.sort_unstable_by_key(|(i, _, _)| *i);

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
    if let Some(ordered) = ordered {
        let ordered = ordered.into_inner().unwrap_or_else(|e| e.into_inner());
        debug_assert!(ordered.waiting.is_empty(), "every batch was confirmed");
        report.warnings.extend(ordered.warnings);
        return Ok(report);
    }
    let mut commit_cache: HashMap<Oid, CommitInfo> = HashMap::new();
    let mut found: Vec<(u32, Finding)> = Vec::new();
    for (_, blob, r) in results {
        report.warnings.extend(r.warning);
        let in_head = history.head_blobs.contains(&blob.oid);
        let commit_oid = history.commits[blob.commit as usize];
        // Each blob's contexts are masked with its own neighbours now: once
        // only first introductions are left, a neighbour on the same line
        // may have been kept at another blob, and its secret would show.
        let mut own = Report {
            findings: r.findings,
            ..Report::default()
        };
        own.mask_contexts();
        for mut f in own.findings {
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

/// Batches handed to the scanners and not scanned yet. Beyond
/// [`QUEUED_BATCHES`] the walk waits: a walk faster than the scanners
/// would otherwise queue every blob of the history with its path.
#[derive(Default)]
struct Queue {
    queued: Mutex<usize>,
    scanned: std::sync::Condvar,
}

/// Enough to keep a large machine's scanners busy (16,384 blobs, about
/// 2 MB of paths).
const QUEUED_BATCHES: usize = 64;

impl Queue {
    /// Waits for room, then counts a batch in.
    fn enter(&self) {
        let mut queued = lock(&self.queued);
        while *queued >= QUEUED_BATCHES {
            queued = self.scanned.wait(queued).unwrap_or_else(|e| e.into_inner());
        }
        *queued += 1;
    }
}

/// Counts a batch out of its [`Queue`] when dropped: when scanned, and
/// also when its scan panicked (the walk must not wait forever).
struct Leave<'q>(&'q Queue);

impl Drop for Leave<'_> {
    fn drop(&mut self) {
        *lock(&self.0.queued) -= 1;
        self.0.scanned.notify_one();
    }
}

/// Scanned blobs' outcomes: totals, and the outcomes worth keeping.
#[derive(Default)]
struct Outcomes {
    /// Coverage of every blob scanned so far.
    totals: Stats,
    /// Blobs whose content was scanned.
    scanned: u64,
    /// (index in the walk's order, blob, outcome) of blobs with findings
    /// or a warning: only these blobs' paths are kept.
    kept: Vec<(usize, BlobEntry, FileResult)>,
}

impl Outcomes {
    fn add(&mut self, index: usize, blob: BlobEntry, r: FileResult) {
        self.scanned += r.scanned as u64;
        r.count_into(&mut self.totals);
        if !r.findings.is_empty() || r.warning.is_some() {
            self.kept.push((index, blob, r));
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

/// A streaming history scan's findings, confirmed in the walk's order.
///
/// Blobs are scanned in parallel and finish in any order, but a secret is
/// reported once per (rule, secret, path), at the oldest commit that had
/// it, as [`first_introductions`] does for a report: a batch's findings
/// wait here until every batch before it is in, then are confirmed blob by
/// blob. Only the keys of the findings already confirmed are kept (16
/// bytes each), not the findings.
pub(super) struct Ordered<'a> {
    /// The first blob index not yet confirmed.
    next: usize,
    /// Batches in ahead of their turn: first index → (length, the blobs
    /// with findings or a warning, and their outcomes).
    waiting: BTreeMap<usize, (usize, Vec<(BlobEntry, FileResult)>)>,
    /// The walk's commits, oldest first (set before the first batch).
    commits: &'a OnceLock<Vec<Oid>>,
    /// A repository handle of its own: commit metadata, HEAD's files.
    repo: git2::Repository,
    commit_cache: HashMap<Oid, CommitInfo>,
    /// The blob ids in HEAD's tree.
    head_blobs: HashSet<Oid>,
    /// What HEAD's file at a path holds: keys of its findings.
    head_files: HashMap<Box<str>, HashSet<[u8; 16]>>,
    /// Scans HEAD's files; its own archive members, so the scan's counts
    /// of identical members are not changed by these extra reads.
    head_worker: BlobWorker<'a>,
    detector: &'a Detector,
    max: u64,
    confirm: &'a Confirm<'a>,
    /// Keys of the findings confirmed (first introductions).
    seen: HashSet<[u8; 16]>,
    /// Warnings of blobs confirmed, in the walk's order.
    warnings: Vec<String>,
}

impl<'a> Ordered<'a> {
    fn new(
        path: &Path,
        objects: &'a crate::source::odb::SharedObjects,
        detector: &'a Detector,
        config: &'a ScanConfig,
        confirm: &'a Confirm<'a>,
        commits: &'a OnceLock<Vec<Oid>>,
    ) -> Result<Ordered<'a>> {
        let repo = git::open(path)?;
        Ok(Ordered {
            next: 0,
            waiting: BTreeMap::new(),
            commits,
            head_blobs: git::head_blobs(&repo),
            repo,
            commit_cache: HashMap::new(),
            head_files: HashMap::new(),
            head_worker: BlobWorker {
                objects: objects.for_thread(),
                worker: Worker::new(config, &Arc::new(files::SeenMembers::default())),
                content: Vec::new(),
            },
            detector,
            max: config.max_file_size,
            confirm,
            seen: HashSet::new(),
            warnings: Vec::new(),
        })
    }

    /// The batch of `len` blobs from index `first` is scanned; `kept` are
    /// (index, blob, outcome) of its blobs with findings or a warning, in
    /// index order.
    fn arrive(&mut self, first: usize, len: usize, kept: Vec<(usize, BlobEntry, FileResult)>) {
        let kept: Vec<(BlobEntry, FileResult)> = kept.into_iter().map(|(_, b, r)| (b, r)).collect();
        self.waiting.insert(first, (len, kept));
        while let Some((len, kept)) = self.waiting.remove(&self.next) {
            for (blob, result) in kept {
                self.confirm_blob(&blob, result);
            }
            self.next += len;
        }
    }

    fn confirm_blob(&mut self, blob: &BlobEntry, result: FileResult) {
        self.warnings.extend(result.warning);
        if result.findings.is_empty() {
            return;
        }
        let Some(&commit) = self.commits.get().and_then(|c| c.get(blob.commit as usize)) else {
            return;
        };
        let repo = &self.repo;
        let info = self
            .commit_cache
            .entry(commit)
            .or_insert_with(|| git::commit_info(repo, commit))
            .clone();
        let mut findings = result.findings;
        for f in &mut findings {
            f.commit = Some(info.clone());
        }
        let in_head_blob = self.head_blobs.contains(&blob.oid);
        let mut head_keys = None;
        let confirm = self.confirm;
        confirm.batch_with(findings, |f| {
            let key = finding_key(f);
            if !self.seen.insert(key) {
                return false;
            }
            let in_head = in_head_blob
                || head_keys
                    .get_or_insert_with(|| self.head_file_keys(&blob.path))
                    .contains(&key);
            f.in_head = Some(in_head);
            true
        });
    }

    /// Keys of the findings in HEAD's file at `path` (none when HEAD has
    /// no file there), each file scanned once.
    fn head_file_keys(&mut self, path: &str) -> HashSet<[u8; 16]> {
        if let Some(keys) = self.head_files.get(path) {
            return keys.clone();
        }
        let entry = self
            .repo
            .head()
            .and_then(|h| h.peel_to_tree())
            .and_then(|t| t.get_path(Path::new(path)))
            .ok()
            .filter(|e| e.kind() == Some(git2::ObjectType::Blob));
        let keys: HashSet<[u8; 16]> = match entry {
            Some(entry) => {
                let head = BlobEntry {
                    oid: entry.id(),
                    commit: 0,
                    path: path.into(),
                };
                scan_blob(&mut self.head_worker, self.detector, &head, self.max)
                    .findings
                    .iter()
                    .map(finding_key)
                    .collect()
            }
            None => HashSet::new(),
        };
        self.head_files.insert(path.into(), keys.clone());
        keys
    }
}

/// A finding's (rule, secret, path) as 16 bytes of a BLAKE3 hash: what
/// [`first_introductions`] compares, without keeping the strings. The
/// secret itself, not the fingerprint: HEAD's files are scanned outside
/// the confirmation stage, so their findings are never sealed.
fn finding_key(f: &Finding) -> [u8; 16] {
    let mut h = blake3::Hasher::new();
    for part in [f.rule_id.as_str(), f.secret.expose(), f.path.as_str()] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let mut key = [0; 16];
    key.copy_from_slice(&h.finalize().as_bytes()[..16]);
    key
}

#[cfg(test)]
mod tests {
    use super::super::{run_streaming, FindingSink, Progress, Target};
    use super::*;

    #[test]
    fn the_walk_waits_while_the_queue_is_full() {
        let queue = Queue::default();
        for _ in 0..QUEUED_BATCHES {
            queue.enter();
        }
        let (sent, got) = std::sync::mpsc::channel();
        std::thread::scope(|s| {
            s.spawn(|| {
                queue.enter();
                sent.send(()).unwrap();
            });
            let wait = std::time::Duration::from_millis(200);
            assert!(got.recv_timeout(wait).is_err(), "entered a full queue");
            drop(Leave(&queue));
            assert!(got.recv_timeout(wait * 50).is_ok(), "room was made");
        });
        assert_eq!(*lock(&queue.queued), QUEUED_BATCHES);
    }
    use crate::model::Confidence;
    use crate::source::fs::IgnoreFiles;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// Counts the blobs scanned.
    #[derive(Default)]
    struct Count(AtomicU64);

    impl Progress for Count {
        fn start(&self, _: u64) {}
        fn advance(&self, items: u64, _: u64) {
            self.0.fetch_add(items, Ordering::SeqCst);
        }
        fn finish(&self) {}
    }

    /// Notes how many blobs were scanned when each finding came.
    struct Note<'a>(&'a Count, Mutex<Vec<(u64, String)>>);

    impl FindingSink for Note<'_> {
        fn confirmed(&self, f: &Finding) {
            let scanned = self.0 .0.load(Ordering::SeqCst);
            lock(&self.1).push((scanned, f.path.clone()));
        }
    }

    /// The first commit holds a secret; forty more add 256 files each. Its
    /// finding reaches the sink while blobs are still to be scanned:
    /// findings are not collected until the end.
    #[test]
    fn findings_are_confirmed_while_the_history_is_scanned() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let mut tree = repo.treebuilder(None).unwrap();
        let blob = repo.blob(b"token = tt_Qm7vX2kLp9Rz4Wt8Nb3H\n");
        tree.insert("secret.env", blob.unwrap(), 0o100644).unwrap();
        let mut parent: Option<git2::Oid> = None;
        for commit in 0..41 {
            if commit > 0 {
                for i in 0..256 {
                    let content = format!("file {commit} {i}\n");
                    let blob = repo.blob(content.as_bytes()).unwrap();
                    tree.insert(format!("f{commit}_{i}.txt"), blob, 0o100644)
                        .unwrap();
                }
            }
            let tree = repo.find_tree(tree.write().unwrap()).unwrap();
            let parents: Vec<git2::Oid> = parent.into_iter().collect();
            parent = Some(crate::source::git::test_repo::commit(
                &repo,
                Some("HEAD"),
                "c",
                &tree,
                &parents,
            ));
        }
        let rules = tempfile::tempdir().unwrap();
        let rule_file = rules.path().join("test.toml");
        std::fs::write(
            &rule_file,
            r"[[rules]]
id = 'test-token'
name = 'Test token'
severity = 'high'
keywords = ['tt_']
regex = '\b(?P<secret>tt_[A-Za-z0-9]{20})\b'
",
        )
        .unwrap();
        let config = ScanConfig {
            target: Target::History {
                repo: dir.path().into(),
                range: HistoryRange::default(),
            },
            rules: Arc::new(crate::load_rules(&[rule_file]).unwrap()),
            max_file_size: super::super::DEFAULT_MAX_FILE_SIZE,
            ignore_files: IgnoreFiles::Honor,
            follow_symlinks: false,
            binary: false,
            max_decode_depth: 0,
            archives: super::super::ArchiveLimits::default(),
            suppressions: Arc::default(),
            fingerprints: Arc::default(),
            vault: None,
            min_confidence: Confidence::Low,
        };
        let count = Count::default();
        let note = Note(&count, Mutex::default());
        let report = run_streaming(&config, &count, &note).unwrap();
        assert!(report.findings.is_empty(), "the report keeps none");
        let blobs = report.stats.blobs.unwrap();
        assert_eq!(blobs, 1 + 40 * 256);
        let noted = note.1.into_inner().unwrap();
        assert_eq!(noted.len(), 1, "{noted:?}");
        let (scanned, path) = &noted[0];
        assert_eq!(path, "secret.env");
        assert!(
            // Batches are scanned in parallel and finish in any order, so
            // under load the first may finish late; but not last of 41.
            *scanned < blobs - 256,
            "confirmed after {scanned} of {blobs} blobs"
        );
    }
}
