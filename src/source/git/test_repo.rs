//! Repositories built with libgit2 for the history walk, object store and
//! history scan tests: one signature, one way to commit and to pack.

use git2::{Oid, Repository, Tree};

/// Commits `tree` with `parents` (a fixed author and time, so ids are
/// reproducible), moving `update_ref` (`Some("HEAD")`) to it if given.
pub(crate) fn commit(
    repo: &Repository,
    update_ref: Option<&str>,
    message: &str,
    tree: &Tree<'_>,
    parents: &[Oid],
) -> Oid {
    let sig =
        git2::Signature::new("T", "t@example.com", &git2::Time::new(1_700_000_000, 0)).unwrap();
    let parents: Vec<git2::Commit<'_>> = parents
        .iter()
        .map(|p| repo.find_commit(*p).unwrap())
        .collect();
    let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
    repo.commit(update_ref, &sig, &sig, message, tree, &parents)
        .unwrap()
}

/// Packs every object reachable from HEAD into one pack (libgit2 stores
/// most versions of a file or directory as deltas); the loose copies stay.
pub(crate) fn pack_head(repo: &Repository) {
    let mut pack = repo.packbuilder().unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push_head().unwrap();
    pack.insert_walk(&mut walk).unwrap();
    pack.write(&repo.path().join("objects/pack"), 0o644)
        .unwrap();
}
