//! The value index: one aho-corasick automaton over every managed value, so
//! an exact leak of a vault value is found even where no rule matches (a
//! database password), plus the lookup that gives rule findings a verdict.
//! Optionally backed by a fingerprint snapshot instead of values.

use super::snapshot::FingerprintSet;
use super::ManagedValue;
use crate::findings::{finding_at, Chunk, FindingKind, LineCursor};
use crate::model::Severity;
use crate::model::{Finding, RuleInfo, Verdict};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Values shorter than this are not indexed: they would match everywhere.
pub(crate) const MIN_VALUE_LEN: usize = 8;

/// The pseudo-rule id of findings made by the vault index itself.
pub(crate) const VAULT_RULE_ID: &str = "vault-managed-value";

/// The pseudo-rule's descriptor, for reports (SARIF needs one per ruleId).
pub(crate) fn vault_rule_info() -> RuleInfo {
    RuleInfo {
        id: VAULT_RULE_ID.into(),
        name: "Value managed in the secret vault".into(),
        description: "An exact copy of a value stored in the organisation's secret vault, found by the vault \
                      cross-check even where no pattern rule matches it."
            .into(),
        severity: Severity::High,
        references: vec!["https://github.com/leakguard/leakguard/blob/main/docs/vault.md".into()],
    }
}

/// Managed values, indexed for search and lookup. The values are kept only
/// in their [`ManagedValue`]s (wiped on drop): lookups compare against them
/// rather than against copies (the automaton holds its own form of them).
pub struct ValueIndex {
    values: Vec<ManagedValue>,
    /// Pattern id → the values (indices) that have that exact content, in
    /// load order; pattern ids are in the order of their content's bytes,
    /// so an exact value is found by binary search.
    owners: Vec<Vec<usize>>,
    automaton: Option<AhoCorasick>,
    fingerprints: Option<FingerprintSet>,
    /// How many values were too short to index.
    pub(crate) skipped_short: usize,
    /// Where the values came from, for messages.
    pub(crate) sources: Vec<String>,
}

impl std::fmt::Debug for ValueIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValueIndex")
            .field("values", &self.values.len())
            .field("skipped_short", &self.skipped_short)
            .field("sources", &self.sources)
            .finish()
    }
}

impl ValueIndex {
    /// Indexes `values` (and an optional fingerprint snapshot).
    pub(crate) fn new(
        values: Vec<ManagedValue>,
        fingerprints: Option<FingerprintSet>,
        sources: Vec<String>,
    ) -> ValueIndex {
        let mut kept = Vec::with_capacity(values.len());
        let mut skipped_short = 0;
        for v in values {
            if v.value.expose().len() < MIN_VALUE_LEN {
                skipped_short += 1;
            } else {
                kept.push(v);
            }
        }
        let bytes = |i: usize| kept[i].value.expose().as_bytes();
        // A stable sort: equal values keep their load order.
        let mut order: Vec<usize> = (0..kept.len()).collect();
        order.sort_by(|&a, &b| bytes(a).cmp(bytes(b)));
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for i in order {
            match owners.last_mut() {
                Some(same) if bytes(same[0]) == bytes(i) => same.push(i),
                _ => owners.push(vec![i]),
            }
        }
        let automaton = (!owners.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(owners.iter().map(|o| bytes(o[0])))
                .expect("an automaton over vault values builds")
        });
        ValueIndex {
            values: kept,
            owners,
            automaton,
            fingerprints,
            skipped_short,
            sources,
        }
    }

    fn verdict_of(&self, owners: &[usize]) -> Verdict {
        let vals: Vec<&ManagedValue> = owners.iter().map(|&i| &self.values[i]).collect();
        best_verdict(
            vals.iter()
                .map(|v| (v.name.as_str(), v.version.as_str(), v.current)),
        )
    }

    /// The verdict for an exact value.
    pub(crate) fn verdict_for(&self, secret: &[u8]) -> Verdict {
        let found = self
            .owners
            .binary_search_by(|o| self.values[o[0]].value.expose().as_bytes().cmp(secret));
        if let Ok(id) = found {
            return self.verdict_of(&self.owners[id]);
        }
        if let Some(fp) = &self.fingerprints {
            if let Some(v) = fp.verdict_for(secret) {
                return v;
            }
        }
        Verdict::Unmanaged
    }

    /// Gives `findings[first..]` (this chunk's) their verdicts, and adds a
    /// finding for every managed value in `data` that no rule found.
    pub(crate) fn cross_check(
        &self,
        data: &[u8],
        chunk: Chunk<'_>,
        findings: &mut Vec<Finding>,
        first: usize,
    ) {
        for f in &mut findings[first..] {
            apply_verdict(f, self.verdict_for(f.secret.expose().as_bytes()));
        }
        let mut hits: Vec<(std::ops::Range<usize>, Verdict)> = Vec::new();
        if let Some(ac) = &self.automaton {
            for m in ac.find_iter(data) {
                hits.push((
                    m.range(),
                    self.verdict_of(&self.owners[m.pattern().as_usize()]),
                ));
            }
        }
        if let Some(fp) = &self.fingerprints {
            hits.extend(fp.scan(data));
        }
        if hits.is_empty() {
            return;
        }
        hits.retain(|h| chunk.placement.owns(h.0.start));
        hits.sort_by_key(|h| h.0.start);
        let info = vault_rule_info();
        let mut lines = LineCursor::at(chunk.placement);
        let chunk_findings = findings.len();
        for (range, verdict) in hits {
            let kind = FindingKind {
                rule_id: VAULT_RULE_ID,
                rule_name: &info.name,
                severity: info.severity,
                // The value is one the vault holds: no guess involved.
                confidence: crate::model::Confidence::High,
                region_is_match: false,
            };
            let entropy = crate::detect::entropy::shannon(&data[range.clone()]);
            let mut f = finding_at(kind, data, range.clone(), range, entropy, chunk, &mut lines);
            // A rule already reported this very span; it carries the verdict.
            if findings[first..chunk_findings]
                .iter()
                .any(|r| r.span == f.span)
            {
                continue;
            }
            apply_verdict(&mut f, verdict);
            findings.push(f);
        }
    }
}

/// Among several owners of one value, the current one wins (rotate it now);
/// otherwise the first superseded one.
pub(crate) fn best_verdict<'a>(owners: impl Iterator<Item = (&'a str, &'a str, bool)>) -> Verdict {
    let mut superseded = None;
    for (name, version, current) in owners {
        if current {
            return Verdict::ManagedCurrent {
                name: name.to_string(),
                version: version.to_string(),
            };
        }
        superseded.get_or_insert_with(|| Verdict::ManagedSuperseded {
            name: name.to_string(),
            version: version.to_string(),
        });
    }
    superseded.unwrap_or(Verdict::Unmanaged)
}

/// Sets the verdict; a leak of a current managed value is critical.
fn apply_verdict(f: &mut Finding, verdict: Verdict) {
    if matches!(verdict, Verdict::ManagedCurrent { .. }) {
        f.severity = Severity::Critical;
    }
    f.vault = Some(verdict);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::VaultSecret;

    fn mv(name: &str, version: &str, current: bool, value: &str) -> ManagedValue {
        ManagedValue {
            name: name.into(),
            version: version.into(),
            current,
            value: VaultSecret::from_bytes(value.as_bytes()),
        }
    }

    #[test]
    fn finds_values_and_gives_verdicts() {
        let idx = ValueIndex::new(
            vec![
                mv("prod/db#password", "2", true, "N3w-Pa55word!"),
                mv("prod/db#password", "1", false, "0ld-Pa55word!"),
                mv("short", "1", true, "abc"),
            ],
            None,
            vec![],
        );
        assert_eq!(idx.skipped_short, 1);
        let data = b"a = N3w-Pa55word!\nb = 0ld-Pa55word!\nc = other";
        let mut findings = Vec::new();
        idx.cross_check(
            data,
            Chunk::whole(crate::model::Origin::named("x")),
            &mut findings,
            0,
        );
        let got: Vec<_> = findings
            .iter()
            .map(|f| (f.span.line, f.severity, f.vault.clone().unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    1,
                    Severity::Critical,
                    Verdict::ManagedCurrent {
                        name: "prod/db#password".into(),
                        version: "2".into()
                    }
                ),
                (
                    2,
                    Severity::High,
                    Verdict::ManagedSuperseded {
                        name: "prod/db#password".into(),
                        version: "1".into()
                    }
                ),
            ]
        );
        assert_eq!(idx.verdict_for(b"other-value"), Verdict::Unmanaged);
    }

    #[test]
    fn exact_lookup_finds_every_value_and_prefers_the_current_owner() {
        // Values loaded out of byte order, one of them under two names.
        let idx = ValueIndex::new(
            vec![
                mv("z/old", "1", false, "Shared-Pa55word!"),
                mv("b", "1", true, "Bbbbbbbb-value-2"),
                mv("z/new", "3", true, "Shared-Pa55word!"),
                mv("a", "1", true, "Aaaaaaaa-value-1"),
                mv("c/old", "4", false, "Cccccccc-value-3"),
                mv("c/older", "2", false, "Cccccccc-value-3"),
            ],
            None,
            vec![],
        );
        let current = |name: &str, version: &str| Verdict::ManagedCurrent {
            name: name.into(),
            version: version.into(),
        };
        assert_eq!(idx.verdict_for(b"Shared-Pa55word!"), current("z/new", "3"));
        assert_eq!(idx.verdict_for(b"Aaaaaaaa-value-1"), current("a", "1"));
        assert_eq!(idx.verdict_for(b"Bbbbbbbb-value-2"), current("b", "1"));
        // No current owner: the first one loaded.
        assert_eq!(
            idx.verdict_for(b"Cccccccc-value-3"),
            Verdict::ManagedSuperseded {
                name: "c/old".into(),
                version: "4".into()
            }
        );
        for near in [
            &b"Shared-Pa55word"[..],
            b"Shared-Pa55word!!",
            b"Aaaaaaaa-value-0",
            b"",
        ] {
            assert_eq!(idx.verdict_for(near), Verdict::Unmanaged);
        }
    }
}
