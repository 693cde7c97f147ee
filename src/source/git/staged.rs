//! Staged changes: the files the index changes relative to HEAD, and the
//! lines each adds.

use super::{git_error, index};
use crate::error::Result;
use crate::source::looks_binary;
use git2::{Delta, DiffFindOptions, DiffOptions, Index, Oid, Patch, Repository, Tree};
use std::collections::HashMap;
use std::path::PathBuf;

/// A staged file: its staged blob and the new-file line numbers being added.
#[derive(Debug, Clone)]
pub(crate) struct StagedFile {
    /// Path relative to the repository root, forward slashes.
    pub(crate) path: String,
    /// The staged blob.
    pub(crate) oid: Oid,
    /// 1-based line numbers added or changed in the new file, sorted.
    pub(crate) added_lines: Vec<u32>,
    /// The staged content changed but was not diffed line by line because it
    /// is binary or larger than the size limit (the caller skips and counts it).
    pub(crate) not_diffed: bool,
}

/// The index file to compare with HEAD: `$GIT_INDEX_FILE` when git sets it
/// for a hook (`git commit -a` and `git commit PATH…` stage into a temporary
/// index, not `.git/index`), else the repository's own. A `GIT_INDEX_FILE`
/// outside this repository's git dir (another repository's hook) is ignored.
fn index_path(repo: &Repository) -> PathBuf {
    if let Some(file) = std::env::var_os("GIT_INDEX_FILE") {
        if let (Ok(file), Ok(git_dir)) = (
            PathBuf::from(file).canonicalize(),
            repo.path().canonicalize(),
        ) {
            if file.starts_with(&git_dir) {
                return file;
            }
        }
    }
    repo.path().join("index")
}

/// The index to diff against HEAD, and the paths to limit the diff to.
///
/// libgit2 reading a large index is slow (it checksums the whole file with
/// SHA-1DC and hashes every entry into a map: ~70 ms of a pre-commit hook's
/// budget for 50,000 files), so the index file is first read directly to
/// find the few entries that differ from HEAD, skipping directories whose
/// cache-tree id equals HEAD's (`index`); an in-memory index of just
/// those entries then stands in for the repository's (also for attribute
/// look-ups). When that reader gives up (split or sparse index, conflicts,
/// an unborn HEAD…), libgit2 loads the whole index as before.
fn staged_index(
    repo: &Repository,
    head: Option<&Tree<'_>>,
) -> Result<(Index, Option<Vec<Vec<u8>>>)> {
    let path = index_path(repo);
    if let Some(head) = head {
        if let Some((mut small, paths)) = index::differing_from(repo, head, &path) {
            repo.set_index(&mut small)
                .map_err(|e| git_error(repo, "cannot read the index", e))?;
            return Ok((small, Some(paths)));
        }
    }
    let index = if path == repo.path().join("index") {
        repo.index()
    } else {
        Index::open(&path)
    };
    let index = index.map_err(|e| git_error(repo, "cannot read the index", e))?;
    Ok((index, None))
}

/// The files the index changes relative to HEAD (or an empty tree), with the
/// lines each adds. Deleted files are left out; renames are detected, so a
/// moved file adds only the lines it changed. Files over `max_size` bytes
/// are not diffed (see [`StagedFile::not_diffed`]).
pub(crate) fn staged_files(repo: &Repository, max_size: u64) -> Result<Vec<StagedFile>> {
    let head_tree = match repo.head() {
        Ok(head) => Some(
            head.peel_to_tree()
                .map_err(|e| git_error(repo, "cannot read HEAD", e))?,
        ),
        // Unborn branch: compare with the empty tree.
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
            ) =>
        {
            None
        }
        // A HEAD that loops or is damaged: comparing with the empty tree
        // would report every staged line as new.
        Err(e) => return Err(git_error(repo, "cannot read HEAD", e)),
    };
    let (index, only) = staged_index(repo, head_tree.as_ref())?;
    let mut opts = DiffOptions::new();
    opts.context_lines(0)
        .ignore_submodules(true)
        .include_typechange(true)
        .max_size(i64::try_from(max_size).unwrap_or(i64::MAX));
    if let Some(paths) = only {
        if paths.is_empty() {
            return Ok(Vec::new());
        }
        opts.disable_pathspec_match(true);
        for p in paths {
            opts.pathspec(p);
        }
    }
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
