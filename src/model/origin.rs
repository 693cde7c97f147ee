//! Where scanned bytes came from.

use super::CommitInfo;

/// Where scanned bytes came from, as reports name them. Every source comes
/// down to this one type: a file (`src/app.py`), an archive member
/// (`dist/app.jar!BOOT-INF/application.yml`, members of members nested the
/// same way), a blob of history (its path, and the introducing commit once
/// it is known), a staged entry (its path in the index) and stdin (`<stdin>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// The path reports show: as the user would type it from where the
    /// scan started, forward slashes.
    pub(crate) path: &'a str,
    /// The path relative to the repository's top (or the scanned root
    /// outside a repository): what rules select by file name, what
    /// allowlists and baselines match, and what SARIF shows.
    pub(crate) repo_path: &'a str,
    /// The introducing commit, for history scans.
    pub(crate) commit: Option<&'a CommitInfo>,
}

impl<'a> Origin<'a> {
    /// Bytes whose shown path is their repository path: history blobs,
    /// staged entries, stdin.
    pub fn named(path: &'a str) -> Origin<'a> {
        Origin {
            path,
            repo_path: path,
            commit: None,
        }
    }

    /// A member of the archive at this origin, named `archive!member` in
    /// both paths (the caller keeps the two strings).
    pub(crate) fn member_paths(&self, member: &str) -> (String, String) {
        (
            format!("{}!{member}", self.path),
            format!("{}!{member}", self.repo_path),
        )
    }
}
