//! Findings grouped by the secret they expose (by fingerprint): a reviewer
//! rotates a secret once, wherever it occurs.

use super::{confidence_rank, severity_rank, shown_secret, verdict_rank};
use crate::report::json::FindingDoc;
use std::collections::{BTreeSet, HashMap};

/// Every place one secret occurs, and what they add up to.
pub(crate) struct SecretGroup<'a> {
    /// The findings, in report order (most severe first).
    pub(crate) places: Vec<&'a FindingDoc>,
    /// The most severe place's severity.
    pub(crate) severity: &'a str,
    /// The surest place's confidence.
    pub(crate) confidence: &'a str,
    /// The loudest vault verdict; `None` without a vault.
    pub(crate) verdict: Option<&'a str>,
    /// Distinct commits that introduced it.
    pub(crate) commits: BTreeSet<&'a str>,
    /// The earliest and latest commit dates (RFC 3339 strings of one
    /// format sort as dates only within one offset, so they are compared
    /// as instants).
    pub(crate) first_seen: Option<&'a str>,
    pub(crate) last_seen: Option<&'a str>,
    /// Whether any place is in HEAD's tree; `None` outside history scans.
    pub(crate) in_head: Option<bool>,
    /// The repositories it was found in (merged reports).
    pub(crate) repositories: BTreeSet<&'a str>,
}

impl<'a> SecretGroup<'a> {
    pub(crate) fn first(&self) -> &'a FindingDoc {
        self.places[0]
    }

    pub(crate) fn shown_secret(&self) -> String {
        shown_secret(self.first())
    }
}

/// Groups `findings` by fingerprint: loudest first (severity, then vault
/// verdict, then most places).
pub(crate) fn group_by_secret(findings: &[FindingDoc]) -> Vec<SecretGroup<'_>> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<&FindingDoc>> = Vec::new();
    for f in findings {
        let at = *index.entry(f.fingerprint.as_str()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(f);
    }
    let mut out: Vec<SecretGroup<'_>> = groups.into_iter().map(summarise).collect();
    out.sort_by(|a, b| {
        severity_rank(a.severity)
            .cmp(&severity_rank(b.severity))
            .then_with(|| {
                verdict_rank(a.verdict.unwrap_or("none"))
                    .cmp(&verdict_rank(b.verdict.unwrap_or("none")))
            })
            .then_with(|| b.places.len().cmp(&a.places.len()))
            .then_with(|| a.first().path.cmp(&b.first().path))
    });
    out
}

fn summarise(places: Vec<&FindingDoc>) -> SecretGroup<'_> {
    let severity = places
        .iter()
        .map(|f| f.severity.as_str())
        .min_by_key(|s| severity_rank(s))
        .unwrap_or("info");
    let confidence = places
        .iter()
        .map(|f| f.confidence.as_str())
        .min_by_key(|c| confidence_rank(c))
        .unwrap_or("low");
    let verdict = places
        .iter()
        .filter_map(|f| f.vault.as_ref().map(|v| v.verdict.as_str()))
        .min_by_key(|v| verdict_rank(v));
    let commits = places.iter().filter_map(|f| f.commit.as_deref()).collect();
    let dated = || {
        places.iter().filter_map(|f| {
            let d = f.date.as_deref()?;
            Some((crate::model::date::parse_rfc3339(d).unwrap_or(i64::MIN), d))
        })
    };
    let first_seen = dated().min().map(|(_, d)| d);
    let last_seen = dated().max().map(|(_, d)| d);
    let in_head = places
        .iter()
        .filter_map(|f| f.in_head)
        .reduce(|a, b| a || b);
    let repositories = places
        .iter()
        .filter_map(|f| f.repository.as_deref())
        .collect();
    SecretGroup {
        repositories,
        places,
        severity,
        confidence,
        verdict,
        commits,
        first_seen,
        last_seen,
        in_head,
    }
}
