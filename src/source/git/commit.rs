//! Commit metadata for reports: who wrote a commit and when, and the
//! repository's identity (origin URL, HEAD, branch).

use super::repo_root;
use crate::model::CommitInfo;
use git2::{Oid, Repository};

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
