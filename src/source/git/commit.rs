//! Commit metadata for reports: who wrote a commit and when, and the
//! repository's identity (origin URL, HEAD, branch).

use super::repo_root;
use crate::model::CommitInfo;
use git2::{Oid, Repository};
use std::sync::OnceLock;
use time::format_description::{self, BorrowedFormatItem};
use time::{OffsetDateTime, UtcOffset};

/// The repository's identity for reports: origin URL (or a file:// URL),
/// HEAD's commit and branch.
pub fn vcs_info(repo: &Repository) -> crate::model::VcsInfo {
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
/// RFC 3339 in the author's own offset, `+00:00` rather than `Z` for UTC
/// (the zone git recorded, which `Z` would not say). A date RFC 3339 cannot
/// write (a year outside 0000 to 9999, only in forged or broken commits) is
/// given as its seconds, as the vault does.
pub fn rfc3339(seconds: i64, offset_minutes: i32) -> String {
    static FORMAT: OnceLock<Vec<BorrowedFormatItem<'static>>> = OnceLock::new();
    let format = FORMAT.get_or_init(|| {
        format_description::parse_borrowed::<2>(
            "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]",
        )
        .expect("a valid format description")
    });
    let offset = UtcOffset::from_whole_seconds(offset_minutes.saturating_mul(60)).ok();
    offset
        .and_then(|offset| {
            OffsetDateTime::from_unix_timestamp(seconds)
                .ok()?
                .checked_to_offset(offset)
        })
        .filter(|date| (0..=9999).contains(&date.year()))
        .and_then(|date| date.format(format).ok())
        .unwrap_or_else(|| seconds.to_string())
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
        assert_eq!(rfc3339(-1, 0), "1969-12-31T23:59:59+00:00");
        assert_eq!(rfc3339(0, -30), "1969-12-31T23:30:00-00:30");
        assert_eq!(rfc3339(-2_208_988_800, -300), "1899-12-31T19:00:00-05:00");
        assert_eq!(rfc3339(253_402_300_799, 0), "9999-12-31T23:59:59+00:00");
        // Past what RFC 3339 can write: the seconds.
        assert_eq!(rfc3339(253_402_300_800, 0), "253402300800");
    }
}
