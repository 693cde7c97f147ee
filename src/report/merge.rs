//! `leakguard report merge`: many scans' JSON reports (one per repository,
//! scanned as independent jobs) made into one report, every finding
//! labelled with its repository, so an organisation reads one result and
//! sees a secret that leaked into several repositories as one secret.

use super::json::{FindingDoc, ReportDoc, RuleDoc};
use crate::model::{
    CommitInfo, Confidence, Finding, Fingerprint, Report, RuleInfo, ScanKind, Secret, Severity,
    Span, Verdict,
};
use std::collections::{BTreeMap, HashSet};

/// One report to merge: where it was read from (for messages and as the
/// repository's name of last resort) and its document.
pub struct MergeInput {
    /// The file it was read from.
    pub file: String,
    /// The report.
    pub doc: ReportDoc,
}

/// Merges `inputs` into one report: findings of every scan, each carrying
/// its repository's name, sorted most severe first; stats summed; warnings
/// prefixed with their repository.
pub fn merge(inputs: Vec<MergeInput>) -> Result<Report, String> {
    let mut report = Report::default();
    let mut names_taken = HashSet::new();
    let mut rules: BTreeMap<String, RuleDoc> = BTreeMap::new();
    let mut schemes: Vec<Option<crate::model::fingerprint::Scheme>> = Vec::new();
    for input in inputs {
        if !schemes.contains(&input.doc.fingerprints) {
            schemes.push(input.doc.fingerprints.clone());
        }
        let name = unique(repository_name(&input), &mut names_taken);
        for (n, f) in input.doc.findings.into_iter().enumerate() {
            let finding =
                finding(f, &name).map_err(|e| format!("{}: finding {}: {e}", input.file, n + 1))?;
            report.findings.push(finding);
        }
        report.stats.add(&input.doc.stats);
        report
            .warnings
            .extend(input.doc.warnings.iter().map(|w| format!("{name}: {w}")));
        for r in input.doc.rules {
            rules.entry(r.id.clone()).or_insert(r);
        }
        report.scanned.paths.push(name);
    }
    // One secret has one fingerprint only among reports made alike.
    match schemes.as_slice() {
        [one] => report.fingerprints = one.clone(),
        _ => report.warnings.push(format!(
            "the reports' fingerprints were made in {} different ways (different baseline salts or keys, or older reports): a secret found in several of them is not recognised as one; scan every repository with {} set to the organisation's key",
            schemes.len(),
            crate::model::fingerprint::KEY_ENV
        )),
    }
    report.scanned.kind = ScanKind::Merged;
    report.scanned.started_at =
        crate::model::date::rfc3339(crate::model::date::now(), crate::model::date::Zone::Utc);
    report.rules = rules
        .into_values()
        .map(|r| RuleInfo {
            severity: r.severity.parse().unwrap_or(Severity::Medium),
            id: r.id,
            name: r.name,
            description: r.description,
            references: r.references,
        })
        .collect();
    report.normalize();
    Ok(report)
}

/// What merged reports call a repository: `owner/name` of its origin URL
/// (`https://github.com/acme/api.git` → `acme/api`), the folder name of a
/// local one, else the scanned root's or the report file's name.
fn repository_name(input: &MergeInput) -> String {
    let source = input.doc.source.as_ref();
    let from_url = source.and_then(|s| s.repository.as_deref()).map(|url| {
        let url = url.trim_end_matches('/');
        let url = url.strip_suffix(".git").unwrap_or(url);
        let local = url.starts_with("file://");
        // `scheme://[user@]host[:port]/path`, scp-like `user@host:path`, or
        // a plain path.
        let (host_first, path) = match url.split_once("://") {
            Some((_, rest)) => (!local, rest),
            None => match url.rsplit_once(':') {
                Some((_, path)) => (false, path),
                None => (false, url),
            },
        };
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        if host_first && !parts.is_empty() {
            parts.remove(0);
        }
        let keep = if local { 1 } else { 2 };
        parts[parts.len().saturating_sub(keep)..].join("/")
    });
    let from_root = || {
        source
            .and_then(|s| s.root.as_deref())
            .and_then(|r| r.trim_end_matches('/').rsplit('/').next())
            .map(str::to_string)
    };
    let from_file = || {
        let file = input.file.rsplit(['/', '\\']).next().unwrap_or(&input.file);
        file.strip_suffix(".json").unwrap_or(file).to_string()
    };
    from_url
        .filter(|n| !n.is_empty())
        .or_else(from_root)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(from_file)
}

/// `name`, or `name#2`, `name#3`… when another report already took it.
fn unique(name: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while !taken.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{name}#{n}");
    }
    candidate
}

fn finding(f: FindingDoc, repository: &str) -> Result<Finding, String> {
    let severity: Severity = f.severity.parse()?;
    let confidence: Confidence = if f.confidence.is_empty() {
        Confidence::Medium
    } else {
        f.confidence.parse()?
    };
    let vault = match f.vault {
        None => None,
        Some(v) => Some(match v.verdict.as_str() {
            "managed-current" => Verdict::ManagedCurrent {
                name: v.name.unwrap_or_default(),
                version: v.version.unwrap_or_default(),
            },
            "managed-superseded" => Verdict::ManagedSuperseded {
                name: v.name.unwrap_or_default(),
                version: v.version.unwrap_or_default(),
            },
            "unmanaged" => Verdict::Unmanaged,
            other => {
                return Err(format!(
                    "unknown vault verdict '{}'",
                    crate::text::one_line(other)
                ))
            }
        }),
    };
    if f.fingerprint.is_empty() {
        return Err("no fingerprint".into());
    }
    // A redacted report holds previews only: the preview is what is kept
    // (its own preview is itself), so no writer can show more than it had.
    let secret = Secret::from_bytes(f.secret.as_deref().unwrap_or(&f.preview).as_bytes());
    Ok(Finding {
        rule_id: f.rule_id,
        rule_name: f.rule_name,
        severity,
        confidence,
        repo_path: f.repo_path.unwrap_or_else(|| f.path.clone()),
        path: f.path,
        span: Span {
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
        },
        secret,
        entropy: f.entropy,
        fingerprint: Fingerprint::from_hex(f.fingerprint),
        context: f.context.unwrap_or_default(),
        commit: f.commit.map(|id| CommitInfo {
            id,
            author: f.author.unwrap_or_default(),
            date: f.date.unwrap_or_default(),
        }),
        in_head: f.in_head,
        vault,
        allowed_inline: false,
        decoded: f.decoded.unwrap_or_default(),
        repository: Some(repository.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json::SourceDoc;

    fn input(file: &str, repository: Option<&str>, root: Option<&str>) -> MergeInput {
        MergeInput {
            file: file.into(),
            doc: ReportDoc {
                version: 1,
                findings: vec![],
                stats: Default::default(),
                warnings: vec![],
                source: Some(SourceDoc {
                    repository: repository.map(str::to_string),
                    root: root.map(str::to_string),
                    ..Default::default()
                }),
                tool: None,
                rules: vec![],
                fingerprints: None,
            },
        }
    }

    #[test]
    fn repositories_are_named_like_people_name_them() {
        let name = |r, root| repository_name(&input("out/x.json", r, root));
        assert_eq!(
            name(Some("https://github.com/acme/api.git"), None),
            "acme/api"
        );
        assert_eq!(name(Some("git@github.com:acme/web.git"), None), "acme/web");
        assert_eq!(
            name(Some("ssh://git@host:2222/team/tool"), None),
            "team/tool"
        );
        assert_eq!(name(Some("file:///srv/repos/billing"), None), "billing");
        assert_eq!(name(Some("https://example.com/solo"), None), "solo");
        assert_eq!(name(None, Some("/home/ci/work/payments")), "payments");
        assert_eq!(name(None, None), "x");
        let mut taken = HashSet::new();
        assert_eq!(unique("a".into(), &mut taken), "a");
        assert_eq!(unique("a".into(), &mut taken), "a#2");
    }
}
