//! Scanning files on disk and standard input. Both are read as a stream of
//! overlapping chunks ([`Chunks`]), so memory stays bounded whatever the size.
//!
//! Content is scanned once per run: a file whose bytes equal a file already
//! scanned (a vendored copy, a duplicated fixture) takes that file's findings
//! under its own path instead of a second scan. Only files of a size another
//! file has are hashed ([`SeenContent`]), so a tree without copies pays
//! almost nothing.

use super::{lock, Confirm, ScanConfig, Worker};
use crate::detect::{Detector, Scratch};
use crate::error::{Error, Result};
use crate::findings::Chunk;
use crate::model::Origin;
use crate::model::{Finding, Report, Skipped, Stats};
use crate::source::archive::{self, Packed};
use crate::source::chunks::{Chunks, Placement};
use crate::source::fs::{self as fs_source, FileEntry};
use crate::source::{looks_binary, stdin};
use rayon::prelude::*;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

/// Contents scanned so far in this run, for finding copies. A content is
/// known by its BLAKE3 hash (a cryptographic hash: a file crafted to
/// collide with a harmless one cannot hide its secrets), but only once a
/// second file of its size turns up: most files have a size no other file
/// has, and hashing every file cost more than the walk saves by not reading
/// sizes. The first file of a size is then read again to hash it.
struct SeenContent<'f> {
    files: &'f [FileEntry],
    sizes: Mutex<HashMap<usize, Arc<Mutex<SizeClass>>>>,
}

/// The contents seen at one size.
enum SizeClass {
    /// One file so far (its index), not hashed.
    Single(usize),
    /// Content hash → the file that holds it.
    Hashed(HashMap<[u8; 32], usize>),
}

impl<'f> SeenContent<'f> {
    fn new(files: &'f [FileEntry]) -> SeenContent<'f> {
        SeenContent {
            files,
            sizes: Mutex::new(HashMap::new()),
        }
    }

    /// Records `data` as file `index`'s whole content; if another file had
    /// it first, returns that file's index instead. The rules a file's name
    /// selects are part of its content here: the same bytes under a name
    /// that selects other rules (`.pgpass` and `notes.txt`) are different
    /// content to scan.
    fn first_holder(
        &self,
        data: &[u8],
        index: usize,
        detector: &Detector,
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let class = {
            let mut sizes = lock(&self.sizes);
            match sizes.entry(data.len()) {
                Entry::Vacant(e) => {
                    e.insert(Arc::new(Mutex::new(SizeClass::Single(index))));
                    return None;
                }
                Entry::Occupied(e) => e.get().clone(),
            }
        };
        let mut class = lock(&class);
        if let SizeClass::Single(first) = *class {
            let mut hashes = HashMap::new();
            if let Some(hash) = self.hash_from_disk(first, data.len(), detector, scratch) {
                hashes.insert(hash, first);
            }
            *class = SizeClass::Hashed(hashes);
        }
        let SizeClass::Hashed(hashes) = &mut *class else {
            unreachable!("made Hashed above");
        };
        let hash = content_hash(data, &self.files[index].repo_path, detector, scratch);
        match hashes.entry(hash) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                e.insert(index);
                None
            }
        }
    }

    /// The hash of file `index` read again, if it still has `len` bytes.
    fn hash_from_disk(
        &self,
        index: usize,
        len: usize,
        detector: &Detector,
        scratch: &mut Scratch,
    ) -> Option<[u8; 32]> {
        let entry = &self.files[index];
        let mut data = Vec::with_capacity(len);
        fs_source::open(entry)
            .ok()?
            .take(len as u64 + 1)
            .read_to_end(&mut data)
            .ok()?;
        (data.len() == len).then(|| content_hash(&data, &entry.repo_path, detector, scratch))
    }
}

/// A content's identity for finding copies: its bytes, and what its path
/// decides: the rules its file's name selects, and whether it is a test or
/// documentation place (where findings are less sure).
fn content_hash(
    data: &[u8],
    repo_path: &str,
    detector: &Detector,
    scratch: &mut Scratch,
) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new();
    hasher.update(data);
    for rule in detector.rules_selected_by(crate::detect::member_path(repo_path), scratch) {
        hasher.update(&rule.to_le_bytes());
    }
    hasher.update(&[u8::from(crate::detect::filters::is_docs_or_tests(
        repo_path,
    ))]);
    *hasher.finalize().as_bytes()
}

/// Most archive members kept for handing their outcome to identical ones:
/// a bound on memory for histories with millions of members (about 100
/// bytes each without findings).
const MAX_SEEN_MEMBERS: usize = 1 << 20;

/// Archive members scanned so far in this run, by content: the same
/// library in many jars, a file unchanged across the versions of an
/// archive in history. Shared by every worker of a run: a member being
/// scanned is claimed first, so that a worker meeting its copy meanwhile
/// waits for the outcome instead of scanning it too.
#[derive(Default)]
pub(super) struct SeenMembers {
    outcomes: Mutex<HashMap<[u8; 32], Member>>,
    /// Signalled when a claimed member's outcome is in (or the claim is
    /// given up).
    settled: Condvar,
}

/// A member's content in [`SeenMembers`].
enum Member {
    /// Being scanned by this thread.
    Claimed(std::thread::ThreadId),
    Scanned(Arc<MemberOutcome>),
}

/// What a worker does with a member's content, per [`SeenMembers::claim`].
enum Claim {
    /// Scanned before: take this outcome.
    Copy(Arc<MemberOutcome>),
    /// Scan it and [`SeenMembers::settle`] the claim.
    Mine,
    /// Scan it, not as the content's first holder (the table is full, or
    /// the claim holder is this thread: an archive holding itself).
    Unshared,
}

/// How long a worker waits for another to scan a member before scanning
/// it itself: longer than any member takes, so only a claim that cannot
/// be settled (two archives that hold each other) is ever waited out.
const CLAIM_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// What scanning a member found, and the member's name (path, repository
/// path) its findings are under.
struct MemberOutcome {
    name: (String, String),
    result: FileResult,
}

impl SeenMembers {
    fn claim(&self, key: [u8; 32]) -> Claim {
        let me = std::thread::current().id();
        let deadline = std::time::Instant::now() + CLAIM_WAIT;
        let mut outcomes = lock(&self.outcomes);
        loop {
            match outcomes.get(&key) {
                Some(Member::Scanned(outcome)) => return Claim::Copy(outcome.clone()),
                Some(Member::Claimed(holder)) if *holder == me => return Claim::Unshared,
                Some(Member::Claimed(_)) => {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    if left.is_zero() {
                        return Claim::Unshared;
                    }
                    outcomes = self
                        .settled
                        .wait_timeout(outcomes, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
                None if outcomes.len() >= MAX_SEEN_MEMBERS => return Claim::Unshared,
                None => {
                    outcomes.insert(key, Member::Claimed(me));
                    return Claim::Mine;
                }
            }
        }
    }

    /// Settles the claim on `key`: keeps `result`, the outcome of the
    /// member at `name`, for members with its content; or with no result
    /// (it was not read whole), gives the claim up.
    fn settle(&self, key: [u8; 32], result: Option<&FileResult>, name: Origin<'_>) {
        let own = (name.path, name.repo_path);
        let outcome = result.map(|result| MemberOutcome {
            name: (name.path.to_string(), name.repo_path.to_string()),
            result: result.for_copy(own, own),
        });
        let mut outcomes = lock(&self.outcomes);
        match outcome {
            Some(outcome) => outcomes.insert(key, Member::Scanned(Arc::new(outcome))),
            None => outcomes.remove(&key),
        };
        drop(outcomes);
        self.settled.notify_all();
    }
}

impl MemberOutcome {
    /// This outcome for an identical member at `name`: one duplicate.
    fn for_copy(&self, name: Origin<'_>) -> FileResult {
        let holder = (self.name.0.as_str(), self.name.1.as_str());
        let mut copy = self.result.for_copy(holder, (name.path, name.repo_path));
        copy.duplicates = 1;
        copy
    }
}

/// How a stream's content is matched with content scanned before it.
#[derive(Clone, Copy)]
enum Dedup<'s> {
    /// Not at all (standard input).
    Off,
    /// File `index` of the walk: its copies share the first one's outcome.
    File(&'s SeenContent<'s>, usize),
    /// File `index` of a streaming scan: a copy is known as one (and
    /// counted) but scanned again, as the first copy's findings are not
    /// kept to share.
    FileRescanned(&'s SeenContent<'s>, usize),
    /// An archive member: identical members anywhere in the run share
    /// the first one's outcome ([`SeenMembers`]).
    Member,
}

/// What [`scan_stream`] learnt of a content read whole in one go.
enum Seen {
    /// Scanned before: `result` holds that outcome now.
    Before,
    /// To scan; with a key, the claim on it to settle once scanned.
    New(Option<[u8; 32]>),
}

/// Looks `data`, `name`'s whole content, up among the contents scanned
/// before.
fn seen_before(
    worker: &mut Worker,
    detector: &Detector,
    dedup: Dedup<'_>,
    data: &[u8],
    name: Origin<'_>,
    result: &mut FileResult,
) -> Seen {
    match dedup {
        Dedup::Off => Seen::New(None),
        Dedup::File(seen, index) => {
            match seen.first_holder(data, index, detector, &mut worker.scratch) {
                Some(holder) => {
                    result.same_as = Some(holder);
                    Seen::Before
                }
                None => Seen::New(None),
            }
        }
        Dedup::FileRescanned(seen, index) => {
            result.same_as = seen.first_holder(data, index, detector, &mut worker.scratch);
            Seen::New(None)
        }
        Dedup::Member => {
            let key = content_hash(data, name.repo_path, detector, &mut worker.scratch);
            match worker.members.claim(key) {
                Claim::Copy(outcome) => {
                    *result = outcome.for_copy(name);
                    Seen::Before
                }
                Claim::Mine => Seen::New(Some(key)),
                Claim::Unshared => Seen::New(None),
            }
        }
    }
}

/// Shortest printable run `--binary` scans: shorter ones in a binary file
/// are mostly chance (`strings` uses 4; no secret is that short).
const MIN_PRINTABLE_RUN: usize = 8;

/// Rewrites binary content as its printable text, as `strings` finds it:
/// runs of at least [`MIN_PRINTABLE_RUN`] printable ASCII characters (and
/// tabs) stay, line feeds and carriage returns stay (so lines and columns
/// are the file's own), and every other byte becomes a space.
fn keep_printable_runs(data: &mut [u8]) {
    let printable = |b: u8| (0x20..0x7f).contains(&b) || b == b'\t';
    let mut run_start = 0;
    for i in 0..=data.len() {
        if i < data.len() && printable(data[i]) {
            continue;
        }
        if i - run_start < MIN_PRINTABLE_RUN {
            data[run_start..i].fill(b' ');
        }
        if i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
            data[i] = b' ';
        }
        run_start = i + 1;
    }
}

/// Bytes read first from every file, before deciding it is binary (from
/// its first [`crate::source::BINARY_SNIFF_LEN`]).
const HEAD_READ: usize = 64 << 10;

/// The outcome of scanning one file.
#[derive(Default)]
pub(super) struct FileResult {
    pub(super) findings: Vec<Finding>,
    pub(super) bytes: u64,
    pub(super) scanned: bool,
    pub(super) skipped: Skipped,
    /// Bytes beyond the size limit were left unread.
    truncated: bool,
    pub(super) warning: Option<String>,
    /// A line for `-v`.
    note: Option<String>,
    /// The file's content equals that of this earlier-claimed file, whose
    /// outcome it shares; it was not scanned again.
    same_as: Option<usize>,
    /// Archives opened (this file, and archives inside it).
    pub(super) archives: u64,
    /// Archive members scanned (counted as files).
    pub(super) members: u64,
    /// Archive members (or this member) not scanned because an identical
    /// one was: their outcome is that one's.
    duplicates: u64,
}

impl FileResult {
    /// Files scanned: this one, or the members of the archive it is.
    fn files(&self) -> u64 {
        self.scanned as u64 + self.members
    }

    /// This outcome for a copy of its content: the findings under the
    /// copy's name (`holder` and `copy` are each a path and a repository
    /// path; a finding in an archive member keeps its `!member` part) and
    /// the counts, but no warning, and no archive opened (the copy opened
    /// none).
    fn for_copy(&self, holder: (&str, &str), copy: (&str, &str)) -> FileResult {
        let rename = |path: &str, from: &str, to: &str| {
            format!("{to}{}", path.get(from.len()..).unwrap_or(""))
        };
        FileResult {
            findings: self
                .findings
                .iter()
                .map(|f| Finding {
                    path: rename(&f.path, holder.0, copy.0),
                    repo_path: rename(&f.repo_path, holder.1, copy.1),
                    ..f.clone()
                })
                .collect(),
            bytes: self.bytes,
            scanned: self.scanned,
            skipped: self.skipped.clone(),
            members: self.members,
            duplicates: self.duplicates,
            ..FileResult::default()
        }
    }

    /// Adds what this outcome counts to `stats`.
    pub(super) fn count_into(&self, stats: &mut Stats) {
        stats.files += self.files();
        stats.archives += self.archives;
        stats.bytes += self.bytes;
        stats.duplicates += self.duplicates;
        stats.skipped.add(&self.skipped);
    }
}

/// Scans the archive `data` found at `name` (a blob in history, a staged
/// file) as a file holding it would be.
pub(super) fn scan_packed(
    worker: &mut Worker,
    detector: &Detector,
    data: &[u8],
    kind: Packed,
    name: Origin<'_>,
    max: u64,
) -> FileResult {
    let mut result = FileResult::default();
    scan_archive(worker, detector, data, kind, name, 1, max, &mut result);
    result
}

/// Scans `input` chunk by chunk, at most `max` bytes of it, as `name`'s
/// content (its path and repository path).
/// A read error ends the stream; what was read is still reported. An input
/// read whole in one chunk whose content was scanned before (see [`Dedup`])
/// is not scanned again: the result is that content's outcome.
/// `depth` is how many archives deep the stream is (0 for a file).
fn scan_stream(
    worker: &mut Worker,
    detector: &Detector,
    input: impl Read,
    max: u64,
    name: Origin<'_>,
    dedup: Dedup<'_>,
    depth: u8,
) -> (FileResult, Option<std::io::Error>) {
    let mut result = FileResult::default();
    let mut buf = std::mem::take(&mut worker.buf);
    let mut limited = input.take(max.saturating_add(1));
    let mut chunks = Chunks::new(&mut limited, &mut buf);
    let mut error = None;
    // A binary file is known from its head: the rest of it is never read
    // (unless --binary). The head read is larger than the sniff so that
    // most text files are still read in one system call.
    let mut printable_only = false;
    match chunks
        .head(HEAD_READ)
        .map(|head| (archive::sniff(head), looks_binary(head)))
    {
        Ok((Some(kind), _)) if depth < worker.archives.depth => {
            // An archive is read whole: a zip's directory is at its end.
            match chunks.whole(usize::try_from(max).unwrap_or(usize::MAX)) {
                // A copy of an archive already claimed is not opened again.
                Ok(data) => {
                    if let Seen::New(key) =
                        seen_before(worker, detector, dedup, data, name, &mut result)
                    {
                        scan_archive(
                            worker,
                            detector,
                            data,
                            kind,
                            name,
                            depth + 1,
                            max,
                            &mut result,
                        );
                        if let Some(key) = key {
                            worker.members.settle(key, Some(&result), name);
                        }
                    }
                }
                Err(e) => error = Some(e),
            }
            drop(chunks);
            worker.buf = buf;
            return (result, error);
        }
        // Inside an archive, an archive past the depth limit is named.
        Ok((Some(_), _)) if depth > 0 => {
            result.skipped.binary = 1;
            result.warning = Some(format!(
                "{}: archive not opened: deeper than --max-archive-depth {}",
                name.path, worker.archives.depth
            ));
            drop(chunks);
            worker.buf = buf;
            return (result, None);
        }
        Ok((_, true)) if worker.binary => printable_only = true,
        Ok((_, true)) => {
            result.skipped.binary = 1;
            drop(chunks);
            worker.buf = buf;
            return (result, None);
        }
        Ok(_) => {}
        Err(e) => error = Some(e),
    }
    // The key to keep a member's outcome under, once it is scanned whole.
    let mut new_member = None;
    while error.is_none() {
        let placement = match chunks.next_chunk() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(e) => {
                error = Some(e);
                break;
            }
        };
        if printable_only {
            keep_printable_runs(chunks.data_mut());
        }
        let data = chunks.data();
        // Rewritten content is not the file's: it is not matched with copies.
        if !printable_only
            && placement == Placement::WHOLE
            && !data.is_empty()
            && (data.len() as u64) <= max
        {
            match seen_before(worker, detector, dedup, data, name, &mut result) {
                Seen::Before => break,
                Seen::New(key) => new_member = key,
            }
        }
        result.scanned = true;
        let owned = placement.owned_start.min(data.len())..placement.owned_end.min(data.len());
        result.bytes += owned.len() as u64;
        let origin = Chunk {
            origin: name,
            placement,
            decoded: None,
        };
        worker.scan_chunk(detector, data, origin, &mut result.findings);
    }
    drop(chunks);
    if result.bytes > max {
        result.truncated = true;
        result.bytes = max;
    }
    worker.buf = buf;
    if let Some(key) = new_member {
        let whole = error.is_none() && !result.truncated;
        worker.members.settle(key, whole.then_some(&result), name);
    }
    (result, error)
}

/// Scans the members of the archive `data` (`name`'s content) as files
/// named `archive!member`, opening archives among them while `depth` is
/// under the limit. Adds what it finds and counts to `result`.
#[allow(clippy::too_many_arguments)]
fn scan_archive(
    worker: &mut Worker,
    detector: &Detector,
    data: &[u8],
    kind: Packed,
    name: Origin<'_>,
    depth: u8,
    max: u64,
    result: &mut FileResult,
) {
    result.archives += 1;
    let limits = worker.archives;
    let mut spent = 0u64;
    let mut visited = 0u64;
    let mut stopped = None;
    let outcome = archive::for_each_member(data, kind, name.path, limits.ratio, &mut |member| {
        if spent >= limits.bytes {
            stopped = Some(format!(
                "members decompress to more than --max-archive-bytes ({} bytes); the rest were not scanned",
                limits.bytes
            ));
            return false;
        }
        if visited >= limits.members {
            stopped = Some(format!(
                "more than --max-archive-members ({}) members; the rest were not scanned",
                limits.members
            ));
            return false;
        }
        visited += 1;
        if member.size.is_some_and(|size| size > max) {
            result.skipped.too_large += 1;
            return true;
        }
        let (path, repo_path) = name.member_paths(&member.name);
        let origin = Origin {
            path: &path,
            repo_path: &repo_path,
            commit: name.commit,
        };
        let budget = limits.bytes.saturating_sub(spent).min(max);
        let (r, error) = scan_stream(
            worker,
            detector,
            member.reader,
            budget,
            origin,
            Dedup::Member,
            depth,
        );
        spent += r.bytes;
        if let Some(e) = error {
            result
                .warning
                .get_or_insert_with(|| format!("{path}: cannot read: {e}"));
        }
        if r.truncated && budget < max {
            stopped = Some(format!(
                "members decompress to more than --max-archive-bytes ({} bytes); the rest were not scanned",
                limits.bytes
            ));
        } else if r.truncated {
            result.warning.get_or_insert_with(|| {
                format!(
                    "{path}: larger than --max-file-size; only the first {max} bytes were scanned"
                )
            });
        }
        result.members += r.files();
        result.duplicates += r.duplicates;
        result.archives += r.archives;
        result.bytes += r.bytes;
        result.skipped.add(&r.skipped);
        result.findings.extend(r.findings);
        if let Some(w) = r.warning {
            result.warning.get_or_insert(w);
        }
        true
    });
    if let Some(message) = outcome.err().or(stopped) {
        result
            .warning
            .get_or_insert_with(|| format!("{}: {message}", name.path));
    }
}

fn scan_file(
    worker: &mut Worker,
    detector: &Detector,
    entry: &FileEntry,
    max: u64,
    dedup: Dedup<'_>,
) -> FileResult {
    let file = match fs_source::open(entry) {
        Ok(f) => f,
        Err(warning) => return unreadable(warning),
    };
    let len = match file.metadata() {
        Ok(m) => m.len(),
        Err(e) => return unreadable(fs_source::read_warning(entry, &e)),
    };
    if len > max {
        return FileResult {
            skipped: Skipped {
                too_large: 1,
                ..Skipped::default()
            },
            note: Some(fs_source::too_large_note(&entry.display, len, max)),
            ..FileResult::default()
        };
    }
    // Read no further than the size measured: the read that would learn of
    // the end is one system call per file, a tenth of a tree scan's calls.
    // A file that grows meanwhile is scanned as it was measured; procfs-style
    // files that report size 0 are read to their end.
    let known_len = if len > 0 { len } else { u64::MAX };
    let file = file.take(known_len);
    let name = Origin {
        path: &entry.display,
        repo_path: &entry.repo_path,
        commit: None,
    };
    let (mut result, error) = scan_stream(worker, detector, file, max, name, dedup, 0);
    if let Some(e) = error {
        if !result.scanned {
            return unreadable(fs_source::read_warning(entry, &e));
        }
        result.warning = Some(fs_source::read_warning(entry, &e));
    }
    if entry.named && result.skipped.binary > 0 {
        result.warning = Some(format!(
            "{}: skipped, looks binary (a NUL byte near the start); --binary scans its printable text",
            entry.display
        ));
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

/// Gives each copy its holder's outcome: the holder's findings under the
/// copy's own path, and its counts. Returns the number of copies.
fn share_outcomes(results: &mut [FileResult], files: &[FileEntry]) -> u64 {
    let mut copies = 0;
    for i in 0..results.len() {
        let Some(holder) = results[i].same_as else {
            continue;
        };
        copies += 1;
        let copy = (files[i].display.as_str(), files[i].repo_path.as_str());
        let first = (
            files[holder].display.as_str(),
            files[holder].repo_path.as_str(),
        );
        let mut shared = results[holder].for_copy(first, copy);
        shared.warning = results[i].warning.take();
        shared.same_as = Some(holder);
        results[i] = shared;
    }
    copies
}

/// An outcome that counts one unreadable file (or blob), with `warning`.
pub(super) fn unreadable(warning: String) -> FileResult {
    FileResult {
        skipped: Skipped {
            unreadable: 1,
            ..Skipped::default()
        },
        warning: Some(warning),
        ..FileResult::default()
    }
}

/// Scans the files under `paths`; with `confirm`, each file's findings
/// are confirmed as soon as it is scanned, and the report has none.
pub(super) fn scan_paths(
    detector: &Detector,
    paths: &[PathBuf],
    config: &ScanConfig,
    confirm: Option<&Confirm>,
) -> Result<Report> {
    let options = fs_source::WalkOptions {
        ignore_files: config.ignore_files,
        follow_symlinks: config.follow_symlinks,
        max_file_size: config.max_file_size,
    };
    let walk = fs_source::walk(paths, &options)?;
    let max = config.max_file_size;
    let seen = SeenContent::new(&walk.files);
    let members = Arc::new(SeenMembers::default());
    let mut results: Vec<FileResult> = walk
        .files
        .par_iter()
        .enumerate()
        .map_init(
            || Worker::new(config, &members),
            |worker, (index, entry)| match confirm {
                None => scan_file(worker, detector, entry, max, Dedup::File(&seen, index)),
                Some(confirm) => {
                    let dedup = Dedup::FileRescanned(&seen, index);
                    let mut result = scan_file(worker, detector, entry, max, dedup);
                    confirm.batch(std::mem::take(&mut result.findings));
                    result
                }
            },
        )
        .collect();
    let duplicates = match confirm {
        None => share_outcomes(&mut results, &walk.files),
        Some(_) => results.iter().filter(|r| r.same_as.is_some()).count() as u64,
    };

    let mut report = Report::default();
    report.stats.skipped = walk.skipped;
    report.stats.duplicates = duplicates;
    report.warnings = walk.warnings;
    report.source_root = walk.source_root;
    for r in results {
        r.count_into(&mut report.stats);
        report.warnings.extend(r.warning);
        report.notes.extend(r.note);
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
    let mut worker = Worker::new(config, &Arc::new(SeenMembers::default()));
    let stdin = std::io::stdin().lock();
    let name = Origin::named(stdin::STDIN_PATH);
    let (result, error) = scan_stream(&mut worker, detector, stdin, max, name, Dedup::Off, 0);
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
    result.count_into(&mut report.stats);
    report.findings = result.findings;
    Ok(report)
}
