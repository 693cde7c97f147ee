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
//! This file opens the repository and holds what the parts share (its root,
//! errors, revision look-ups); each part has one job: `history` walks the
//! history, `commit` describes commits and the repository, `staged` finds
//! the staged changes, `index` reads the index file.

mod commit;
mod history;
mod index;
mod staged;
#[cfg(test)]
pub(crate) mod test_repo;

pub(crate) use commit::{commit_info, vcs_info};
pub(crate) use history::enumerate_observed;
pub(crate) use history::head_blobs;
pub use history::{BlobEntry, History, HistoryRange};
pub(crate) use staged::staged_files;

use crate::error::{Error, Result};
use crate::source::odb::SharedObjects;
use git2::{Oid, Repository};
use std::path::{Path, PathBuf};

/// Opens the repository containing `path` (work tree, `.git` dir, or bare).
pub(crate) fn open(path: &Path) -> Result<Repository> {
    tune_libgit2();
    Repository::discover(path).map_err(|e| Error::Path {
        path: path.to_path_buf(),
        message: format!(
            "not a git repository ({}); --git and --staged need one",
            e.message()
        ),
    })
}

/// libgit2 settings (process-wide) for reading many objects once each, as a
/// scan does: objects are not re-hashed on every read (git itself does not
/// either; `git fsck` checks integrity), and not kept in libgit2's object
/// cache (each tree and blob is read once: the cache only cost time and
/// hundreds of MB). Together a third of a history scan's time.
///
/// libgit2 also maps pack files in windows of 1 GB and keeps up to 8 GB of
/// them mapped. History scans read trees and blobs through gitoxide's pack
/// reader ([`crate::source::odb`]) and only walk commits with libgit2, on
/// a handle closed before the trees are read; windows of 32 MB with at
/// most 96 MB mapped keep what libgit2 maps small for the other readers
/// (commit metadata, HEAD's tree, staged files) whatever the pack's size.
fn tune_libgit2() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        git2::opts::strict_hash_verification(false);
        git2::opts::enable_caching(false);
        // SAFETY: process-wide libgit2 settings, set once before any
        // repository is opened by this process's scans.
        unsafe {
            let _ = git2::opts::set_mwindow_size(PACK_WINDOW);
            let _ = git2::opts::set_mwindow_mapped_limit(PACK_MAPPED_LIMIT);
        }
    });
}

/// libgit2's pack window size (see [`tune_libgit2`]).
const PACK_WINDOW: usize = 32 << 20;
/// The most of all packs libgit2 keeps mapped at once.
const PACK_MAPPED_LIMIT: usize = 96 << 20;

/// Where the repository's files live: the work tree, or the git dir if bare.
pub(crate) fn repo_root(repo: &Repository) -> PathBuf {
    repo.workdir().unwrap_or_else(|| repo.path()).to_path_buf()
}

/// The top of the work tree holding `path` (absolute) and `path` relative
/// to it (forward slashes, empty at the top); `None` outside a repository.
pub(crate) fn path_in_repository(path: &Path) -> Option<(PathBuf, String)> {
    let repo = Repository::discover(path).ok()?;
    let top = std::fs::canonicalize(repo.workdir()?).ok()?;
    let here = std::fs::canonicalize(path).ok()?;
    let rel = here.strip_prefix(&top).ok()?;
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    Some((top, rel))
}

fn git_error(repo: &Repository, what: &str, e: git2::Error) -> Error {
    Error::Path {
        path: repo_root(repo),
        message: format!("{what}: {}", e.message()),
    }
}

/// The commits the refs (every ref under `refs/`, and HEAD) point at,
/// peeled through annotated tags: where a whole-history walk starts.
///
/// A ref whose object is missing or unreadable (a deleted packfile, a
/// truncated pack, a loose object overwritten), a ref that cannot be
/// resolved (symbolic refs that loop: libgit2 gives up after a few levels)
/// or an unreadable ref list would make the walk skip that history
/// silently, and the scan would report a clean history it never saw: each
/// is an error. A symbolic ref to a ref that does not exist (an unborn
/// HEAD, a stale `origin/HEAD`) names no history and is skipped, as is a
/// ref to a tree or a blob.
fn ref_tips(repo: &Repository) -> Result<Vec<Oid>> {
    let refs = repo
        .references()
        .map_err(|e| git_error(repo, "cannot list refs", e))?;
    let mut tips = Vec::new();
    for r in refs {
        let r = r.map_err(|e| git_error(repo, "cannot read a ref", e))?;
        let name = String::from_utf8_lossy(r.name_bytes()).into_owned();
        push_tip(repo, &name, r.resolve(), &mut tips)?;
    }
    let head = repo.find_reference("HEAD").and_then(|head| head.resolve());
    push_tip(repo, "HEAD", head, &mut tips)?;
    Ok(tips)
}

/// Adds the commit ref `name` (resolved to `resolved`) points at to `tips`.
fn push_tip(
    repo: &Repository,
    name: &str,
    resolved: std::result::Result<git2::Reference<'_>, git2::Error>,
    tips: &mut Vec<Oid>,
) -> Result<()> {
    let broken = |why: String| Error::Path {
        path: repo_root(repo),
        message: format!("{name} {why} (`git fsck` tells what else is damaged)"),
    };
    let resolved = match resolved {
        Ok(r) => r,
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(()),
        Err(e) => return Err(broken(format!("cannot be resolved: {}", e.message()))),
    };
    let Some(oid) = resolved.target() else {
        return Ok(());
    };
    let unreadable = |oid: Oid, e: git2::Error| {
        let why = if e.code() == git2::ErrorCode::NotFound {
            "is missing from the repository (a deleted packfile or an incomplete copy?)".into()
        } else {
            format!("cannot be read: {}", crate::text::one_line(e.message()))
        };
        broken(format!("points to object {oid}, which {why}"))
    };
    let mut object = repo
        .find_object(oid, None)
        .map_err(|e| unreadable(oid, e))?;
    // Tags point at one object each and cannot point at themselves (an
    // id is the hash of the content), so this ends.
    loop {
        match object.kind() {
            Some(git2::ObjectType::Commit) => {
                tips.push(object.id());
                return Ok(());
            }
            Some(git2::ObjectType::Tag) => {
                let tag = object.as_tag().expect("an object of kind tag is a tag");
                let target = tag.target_id();
                object = tag.target().map_err(|e| unreadable(target, e))?;
            }
            _ => return Ok(()),
        }
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

/// The object database of `repo`, for reading trees and blobs from many
/// threads.
pub(crate) fn objects(repo: &Repository) -> Result<SharedObjects> {
    SharedObjects::open(repo.path()).map_err(|message| Error::Path {
        path: repo.path().to_path_buf(),
        message: format!("cannot read the object database: {message}"),
    })
}
