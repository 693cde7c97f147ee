//! The git source: unique blobs of a repository's history, and staged changes.
//!
//! History: commits are walked oldest first (topological, reversed), and each
//! commit's tree is read recursively, skipping subtrees already seen. The first
//! time a blob id appears is therefore (one of) the commit(s) that introduced
//! it, so each unique blob is recorded once, with that commit and path, and
//! scanned once. Commit metadata is only looked up for blobs with findings.
//!
//! Staged: the index is compared with HEAD's tree (or the empty tree in a new
//! repository); each added or modified file's staged blob is scanned, and only
//! the line numbers the diff adds are kept.
//!
//! Knows nothing of rules or findings: yields blob ids, paths and line sets.

use crate::error::{Error, Result};
use crate::report::{CommitInfo, Skipped};
use crate::source::looks_binary;
use git2::{
    Delta, DiffFindOptions, DiffOptions, Index, ObjectType, Oid, Patch, Repository, Sort, Tree,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A unique blob and where it first appeared.
#[derive(Debug, Clone)]
pub struct BlobEntry {
    /// The blob's id.
    pub oid: Oid,
    /// Index into [`History::commits`] of the introducing commit.
    pub commit: u32,
    /// Path at that commit, forward slashes, relative to the repository root.
    pub path: Box<str>,
}

/// Which history to enumerate.
#[derive(Debug, Clone, Default)]
pub struct HistoryRange {
    /// Only the history of this revision (`--rev`); default: every ref.
    pub rev: Option<String>,
    /// Leave out commits reachable from this revision (`--since`).
    pub since: Option<String>,
}

/// The enumerated history: commits walked, unique blobs, HEAD's blobs.
#[derive(Debug, Default)]
pub struct History {
    /// Commit ids walked, oldest first.
    pub commits: Vec<Oid>,
    /// Unique blobs, in order of first appearance.
    pub blobs: Vec<BlobEntry>,
    /// Blob ids in HEAD's tree (for `in_head`).
    pub head_blobs: HashSet<Oid>,
    /// Submodules and other non-blob entries skipped.
    pub skipped: Skipped,
    /// Things the user should know (shallow clone…).
    pub warnings: Vec<String>,
}

/// Opens the repository containing `path` (work tree, `.git` dir, or bare).
pub fn open(path: &Path) -> Result<Repository> {
    Repository::discover(path).map_err(|e| Error::Path {
        path: path.to_path_buf(),
        message: format!(
            "not a git repository ({}); --git and --staged need one",
            e.message()
        ),
    })
}

/// Where the repository's files live: the work tree, or the git dir if bare.
pub fn repo_root(repo: &Repository) -> PathBuf {
    repo.workdir().unwrap_or_else(|| repo.path()).to_path_buf()
}

fn git_error(repo: &Repository, what: &str, e: git2::Error) -> Error {
    Error::Path {
        path: repo_root(repo),
        message: format!("{what}: {}", e.message()),
    }
}

fn resolve_commit(repo: &Repository, rev: &str, flag: &str) -> Result<Oid> {
    repo.revparse_single(rev)
        .and_then(|o| o.peel_to_commit())
        .map(|c| c.id())
        .map_err(|e| {
            Error::Usage(format!(
                "{flag} {rev}: not a commit in this repository ({})",
                e.message()
            ))
        })
}

/// Walks the requested history and records each unique blob once.
pub fn enumerate(repo: &Repository, range: &HistoryRange) -> Result<History> {
    let mut history = History::default();
    let mut walk = repo
        .revwalk()
        .map_err(|e| git_error(repo, "cannot walk history", e))?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(|e| git_error(repo, "cannot walk history", e))?;
    match &range.rev {
        Some(rev) => {
            let oid = resolve_commit(repo, rev, "--rev")?;
            walk.push(oid)
                .map_err(|e| git_error(repo, "cannot walk history", e))?;
        }
        None => {
            // Every ref (branches, tags, remotes, notes…); refs that do not
            // point at a commit are ignored by libgit2. An empty repository
            // has none.
            let _ = walk.push_glob("*");
            if repo.head_detached().unwrap_or(false) {
                let _ = walk.push_head();
            }
        }
    }
    if let Some(since) = &range.since {
        let oid = resolve_commit(repo, since, "--since")?;
        walk.hide(oid)
            .map_err(|e| git_error(repo, "cannot walk history", e))?;
    }
    for oid in walk {
        match oid {
            Ok(oid) => history.commits.push(oid),
            Err(e) => history
                .warnings
                .push(format!("history walk stopped early: {}", e.message())),
        }
    }
    if repo.is_shallow() {
        history.warnings.push(
            "shallow clone: history before the shallow boundary is not available; scanned the commits that exist"
                .into(),
        );
    }

    let mut trees = TreeWalker {
        repo,
        seen_trees: HashSet::new(),
        seen_blobs: HashSet::new(),
        submodules: HashSet::new(),
        unreadable: 0,
    };
    seed_boundary(repo, &history.commits, &mut trees);
    for (index, oid) in history.commits.iter().enumerate() {
        let tree = match repo.find_commit(*oid).and_then(|c| c.tree()) {
            Ok(t) => t,
            Err(e) => {
                trees.unreadable += 1;
                history
                    .warnings
                    .push(format!("commit {oid}: cannot read tree: {}", e.message()));
                continue;
            }
        };
        trees.record(
            &tree,
            "",
            Some((index as u32, &mut history.blobs)),
            &mut history.warnings,
        );
    }
    history.skipped.not_regular = trees.submodules.len() as u64;
    history.skipped.unreadable = trees.unreadable;
    history.head_blobs = head_blobs(repo);
    Ok(history)
}

/// Marks as seen the trees of parents that are outside the walk (`--since`
/// boundary), so blobs that already existed there are not reported as new.
fn seed_boundary(repo: &Repository, commits: &[Oid], trees: &mut TreeWalker<'_>) {
    let walked: HashSet<Oid> = commits.iter().copied().collect();
    for oid in commits {
        let Ok(commit) = repo.find_commit(*oid) else {
            continue;
        };
        for parent in commit.parent_ids() {
            if walked.contains(&parent) {
                continue;
            }
            if let Ok(tree) = repo.find_commit(parent).and_then(|p| p.tree()) {
                trees.record(&tree, "", None, &mut Vec::new());
            }
        }
    }
}

fn head_blobs(repo: &Repository) -> HashSet<Oid> {
    let mut blobs = HashSet::new();
    if let Ok(tree) = repo.head().and_then(|h| h.peel_to_tree()) {
        let _ = tree.walk(git2::TreeWalkMode::PreOrder, |_, entry| {
            if entry.kind() == Some(ObjectType::Blob) {
                blobs.insert(entry.id());
            }
            git2::TreeWalkResult::Ok
        });
    }
    blobs
}

struct TreeWalker<'r> {
    repo: &'r Repository,
    seen_trees: HashSet<Oid>,
    seen_blobs: HashSet<Oid>,
    submodules: HashSet<Oid>,
    unreadable: u64,
}

impl TreeWalker<'_> {
    /// Records unseen blobs under `tree` (into `out` when given, else only
    /// marks them seen), skipping subtrees already seen.
    fn record(
        &mut self,
        tree: &Tree<'_>,
        prefix: &str,
        mut out: Option<(u32, &mut Vec<BlobEntry>)>,
        warnings: &mut Vec<String>,
    ) {
        if !self.seen_trees.insert(tree.id()) {
            return;
        }
        for entry in tree.iter() {
            let name = String::from_utf8_lossy(entry.name_bytes());
            let path = if prefix.is_empty() {
                name.into_owned()
            } else {
                format!("{prefix}/{name}")
            };
            match entry.kind() {
                Some(ObjectType::Blob) => {
                    // Symlinks are blobs too (their target path); harmless to scan.
                    let new = self.seen_blobs.insert(entry.id());
                    if let (true, Some((commit, blobs))) = (new, out.as_mut()) {
                        blobs.push(BlobEntry {
                            oid: entry.id(),
                            commit: *commit,
                            path: path.into_boxed_str(),
                        });
                    }
                }
                Some(ObjectType::Tree) => {
                    if self.seen_trees.contains(&entry.id()) {
                        continue;
                    }
                    match self.repo.find_tree(entry.id()) {
                        Ok(sub) => {
                            let reborrow = out.as_mut().map(|(c, b)| (*c, &mut **b));
                            self.record(&sub, &path, reborrow, warnings);
                        }
                        Err(e) => {
                            self.unreadable += 1;
                            warnings.push(format!(
                                "{path}: cannot read tree {}: {}",
                                entry.id(),
                                e.message()
                            ));
                        }
                    }
                }
                Some(ObjectType::Commit) => {
                    self.submodules.insert(entry.id());
                }
                _ => {}
            }
        }
    }
}

/// The repository's identity for reports: origin URL (or a file:// URL),
/// HEAD's commit and branch.
pub fn vcs_info(repo: &Repository) -> crate::report::VcsInfo {
    let origin = repo
        .find_remote("origin")
        .ok()
        .and_then(|r| r.url().map(strip_userinfo));
    let root = repo_root(repo);
    let repository_uri = origin.unwrap_or_else(|| {
        let abs = std::fs::canonicalize(&root).unwrap_or(root);
        format!("file://{}", abs.to_string_lossy())
    });
    let head = repo.head().ok();
    crate::report::VcsInfo {
        repository_uri,
        revision_id: head
            .as_ref()
            .and_then(|h| h.target())
            .map(|o| o.to_string()),
        branch: head
            .as_ref()
            .filter(|h| h.is_branch())
            .and_then(|h| h.shorthand().map(str::to_string)),
    }
}

/// Removes `user:password@` from a remote URL: remotes are a classic place
/// for leaked tokens, and reports must not repeat them.
fn strip_userinfo(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}{}", &url[..scheme_end + 3], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// Author and date of a commit, for attributing findings.
pub fn commit_info(repo: &Repository, oid: Oid) -> CommitInfo {
    match repo.find_commit(oid) {
        Ok(c) => {
            let author = c.author();
            let who = format!(
                "{} <{}>",
                String::from_utf8_lossy(author.name_bytes()),
                String::from_utf8_lossy(author.email_bytes())
            );
            let when = author.when();
            CommitInfo {
                id: oid.to_string(),
                author: who,
                date: rfc3339(when.seconds(), when.offset_minutes()),
            }
        }
        Err(_) => CommitInfo {
            id: oid.to_string(),
            author: String::new(),
            date: String::new(),
        },
    }
}

/// Formats a git timestamp (seconds since the epoch, offset in minutes) as
/// RFC 3339 in the author's own offset.
pub fn rfc3339(seconds: i64, offset_minutes: i32) -> String {
    let local = seconds + i64::from(offset_minutes) * 60;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        off / 60,
        off % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A staged file: its staged blob and the new-file line numbers being added.
#[derive(Debug, Clone)]
pub struct StagedFile {
    /// Path relative to the repository root, forward slashes.
    pub path: String,
    /// The staged blob.
    pub oid: Oid,
    /// 1-based line numbers added or changed in the new file, sorted.
    pub added_lines: Vec<u32>,
    /// The staged content changed but was not diffed line by line because it
    /// is binary or larger than the size limit (the caller skips and counts it).
    pub not_diffed: bool,
}

/// The index to compare with HEAD: `$GIT_INDEX_FILE` when git sets it for a
/// hook (`git commit -a` and `git commit PATH…` stage into a temporary index,
/// not `.git/index`), else the repository's own index. A `GIT_INDEX_FILE`
/// outside this repository's git dir (another repository's hook) is ignored.
fn staged_index(repo: &Repository) -> Result<Index> {
    if let Some(file) = std::env::var_os("GIT_INDEX_FILE") {
        let file = PathBuf::from(file);
        if let (Ok(file), Ok(git_dir)) = (file.canonicalize(), repo.path().canonicalize()) {
            if file.starts_with(&git_dir) {
                return Index::open(&file)
                    .map_err(|e| git_error(repo, "cannot read the index (GIT_INDEX_FILE)", e));
            }
        }
    }
    repo.index()
        .map_err(|e| git_error(repo, "cannot read the index", e))
}

/// The files the index changes relative to HEAD (or an empty tree), with the
/// lines each adds. Deleted files are left out; renames are detected, so a
/// moved file adds only the lines it changed. Files over `max_size` bytes
/// are not diffed (see [`StagedFile::not_diffed`]).
pub fn staged_files(repo: &Repository, max_size: u64) -> Result<Vec<StagedFile>> {
    let head_tree = match repo.head() {
        Ok(head) => Some(
            head.peel_to_tree()
                .map_err(|e| git_error(repo, "cannot read HEAD", e))?,
        ),
        Err(_) => None, // unborn branch: compare with the empty tree
    };
    let index = staged_index(repo)?;
    let mut opts = DiffOptions::new();
    opts.context_lines(0)
        .ignore_submodules(true)
        .include_typechange(true)
        .max_size(i64::try_from(max_size).unwrap_or(i64::MAX));
    let mut diff = repo
        .diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut opts))
        .map_err(|e| git_error(repo, "cannot diff the index against HEAD", e))?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))
        .map_err(|e| git_error(repo, "cannot find renames in the index", e))?;
    let mut files: Vec<StagedFile> = Vec::new();
    let mut old_ids: Vec<Oid> = Vec::new();
    for delta in diff.deltas() {
        if !matches!(
            delta.status(),
            Delta::Added | Delta::Modified | Delta::Renamed | Delta::Copied | Delta::Typechange
        ) {
            continue;
        }
        let new = delta.new_file();
        if new.id().is_zero() || new.id() == delta.old_file().id() {
            continue; // nothing staged, or a pure rename or mode change
        }
        let path = new
            .path_bytes()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .unwrap_or_default();
        files.push(StagedFile {
            path,
            oid: new.id(),
            added_lines: Vec::new(),
            not_diffed: false,
        });
        old_ids.push(delta.old_file().id());
    }
    // Line callbacks name deltas by content, not index; match by new path.
    let index_of: HashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.clone(), i))
        .collect();
    let slot = |delta: &git2::DiffDelta<'_>| {
        delta
            .new_file()
            .path_bytes()
            .and_then(|p| index_of.get(String::from_utf8_lossy(p).as_ref()).copied())
    };
    let mut binary: Vec<usize> = Vec::new();
    let mut added: Vec<(usize, u32)> = Vec::new();
    diff.foreach(
        &mut |_, _| true,
        // Content git would not diff as text: NUL bytes, over max_size, or a
        // `binary` / `-diff` attribute.
        Some(&mut |delta, _| {
            binary.extend(slot(&delta));
            true
        }),
        None,
        Some(&mut |delta, _hunk, line| {
            if line.origin() == '+' {
                if let (Some(i), Some(n)) = (slot(&delta), line.new_lineno()) {
                    added.push((i, n));
                }
            }
            true
        }),
    )
    .map_err(|e| git_error(repo, "cannot diff the index against HEAD", e))?;
    for (i, n) in added {
        files[i].added_lines.push(n);
    }
    for i in binary {
        text_diff_lines(repo, &mut files[i], old_ids[i], max_size)?;
    }
    for f in &mut files {
        f.added_lines.sort_unstable();
        f.added_lines.dedup();
    }
    Ok(files)
}

/// For a file git would not diff as text: if its staged content is small
/// enough and really text (only an attribute said binary), diffs it as text;
/// otherwise marks it not diffed.
fn text_diff_lines(repo: &Repository, file: &mut StagedFile, old: Oid, max: u64) -> Result<()> {
    let read = |oid: Oid| {
        repo.find_blob(oid)
            .map_err(|e| git_error(repo, &format!("{}: cannot read staged blob", file.path), e))
    };
    let new = read(file.oid)?;
    if new.size() as u64 > max || looks_binary(new.content()) {
        file.not_diffed = true;
        return Ok(());
    }
    let old = if old.is_zero() {
        None
    } else {
        Some(read(old)?)
    };
    let mut opts = DiffOptions::new();
    opts.context_lines(0).force_text(true);
    let patch = Patch::from_buffers(
        old.as_ref().map_or(&[][..], |b| b.content()),
        None,
        new.content(),
        None,
        Some(&mut opts),
    )
    .map_err(|e| git_error(repo, &format!("{}: cannot diff", file.path), e))?;
    for h in 0..patch.num_hunks() {
        let lines = patch.num_lines_in_hunk(h).unwrap_or(0);
        for l in 0..lines {
            if let Ok(line) = patch.line_in_hunk(h, l) {
                if line.origin() == '+' {
                    file.added_lines.extend(line.new_lineno());
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_userinfo_is_stripped() {
        assert_eq!(
            strip_userinfo("https://x:tok@github.com/a/b.git"),
            "https://github.com/a/b.git"
        );
        assert_eq!(
            strip_userinfo("git@github.com:a/b.git"),
            "git@github.com:a/b.git"
        );
    }

    #[test]
    fn rfc3339_dates() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(rfc3339(1_700_000_000, 60), "2023-11-14T23:13:20+01:00");
        assert_eq!(rfc3339(951_782_400, -330), "2000-02-28T18:30:00-05:30");
    }
}
