//! Commit metadata for reports: who wrote a commit and when, and the
//! repository's identity (origin URL, HEAD, branch).

use super::repo_root;
use crate::model::date::{rfc3339, Zone};
use crate::model::CommitInfo;
use git2::{Oid, Repository};

/// The repository's identity for reports: origin URL (or a file:// URL),
/// HEAD's commit and branch.
pub(crate) fn vcs_info(repo: &Repository) -> crate::model::VcsInfo {
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
    crate::model::VcsInfo {
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
pub(crate) fn commit_info(repo: &Repository, oid: Oid) -> CommitInfo {
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
                date: rfc3339(when.seconds(), Zone::Offset(when.offset_minutes())),
            }
        }
        Err(_) => CommitInfo {
            id: oid.to_string(),
            author: String::new(),
            date: String::new(),
        },
    }
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
}
