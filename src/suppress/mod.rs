//! Suppressions: the filter stage's team decisions, applied to a finished
//! report. Allowlists (config, global and per rule), the baseline (by
//! fingerprint), and locations imported from other tools' ignore files.
//! Suppressed findings are counted in the stats, never silently dropped.

pub(crate) mod allowlist;
pub mod baseline;
pub(crate) mod import;

use crate::error::{Error, Result};
use crate::model::fingerprint::{Fingerprinter, Scheme};
use crate::model::{Finding, Fingerprint, Report, Suppressed};
use crate::text::mask_input;
use allowlist::Allowlist;
use baseline::Baseline;
use import::LocationSuppressions;
use sha1::{Digest, Sha1};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Everything that can suppress a finding.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Applies to every rule.
    pub(crate) allowlist: Allowlist,
    /// Applies to one rule each.
    pub(crate) rule_allowlists: HashMap<String, Allowlist>,
    /// Loaded baselines' fingerprints, each with how to fingerprint a
    /// finding to compare.
    baselines: Vec<(Match, HashSet<String>)>,
    locations: HashSet<(String, u64)>,
    commit_locations: HashSet<(String, String, u64)>,
    hashed: HashSet<(String, String)>,
}

/// How a baseline's fingerprints are compared with a finding.
#[derive(Debug, Clone)]
enum Match {
    /// Version 1: unkeyed SHA-256 of the rule id and the secret.
    Legacy,
    /// The scan's own fingerprints.
    Current(Option<Scheme>),
    /// Salted with another salt than the scan's: sealed again with it.
    Resealed(Arc<Fingerprinter>),
}

/// Why a finding was suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    Inline,
    Allowlist,
    Baseline,
}

impl Suppressions {
    /// Allowlists only (no baseline yet): a configuration's, see
    /// [`crate::config::Config::suppressions`].
    pub(crate) fn with_allowlists(
        allowlist: Allowlist,
        rule_allowlists: HashMap<String, Allowlist>,
    ) -> Suppressions {
        Suppressions {
            allowlist,
            rule_allowlists,
            ..Suppressions::default()
        }
    }

    /// Loads a baseline: leakguard's own JSON, a detect-secrets
    /// `.secrets.baseline`, or a gitleaks `.gitleaksignore` (detected by content).
    pub fn add_baseline(&mut self, path: &Path) -> Result<()> {
        let text = crate::source::fs::read_settings_file(path).map_err(|e| Error::Baseline {
            path: path.to_path_buf(),
            message: format!("cannot read: {e}"),
        })?;
        self.add_baseline_text(path, &text)
    }

    /// [`Suppressions::add_baseline`] on text already read; `path` names it
    /// in errors and its file name helps pick the format. Separate from the
    /// reading so the parsing can be tested and fuzzed without files.
    pub(crate) fn add_baseline_text(&mut self, path: &Path, text: &str) -> Result<()> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let json: Option<serde_json::Value> = serde_json::from_str(text).ok();
        match json {
            Some(v) if v.get("results").is_some() => {
                self.add_locations(import::parse_detect_secrets(path, text)?);
            }
            Some(_) => {
                let mut de = serde_json::Deserializer::from_str(text);
                let b: Baseline = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                    let key = masked_path(e.path());
                    let inner = e.into_inner();
                    Error::Baseline {
                        path: path.to_path_buf(),
                        message: format!(
                            "line {}: key '{key}': {}",
                            inner.line(),
                            mask_input(&strip_position(&inner.to_string()))
                        ),
                    }
                })?;
                let matcher = match b.version {
                    baseline::BASELINE_VERSION => Match::Current(b.fingerprints.clone()),
                    baseline::LEGACY_VERSION => Match::Legacy,
                    v => {
                        return Err(Error::Baseline {
                            path: path.to_path_buf(),
                            message: format!("key 'version': unsupported baseline version {v}"),
                        })
                    }
                };
                let entries = b.findings.into_iter().map(|e| e.fingerprint).collect();
                self.baselines.push((matcher, entries));
            }
            None if name.ends_with("gitleaksignore")
                || !text.trim_start().starts_with(['{', '[']) =>
            {
                self.add_locations(import::parse_gitleaksignore(path, text)?);
            }
            None => {
                let e = serde_json::from_str::<serde_json::Value>(text).expect_err("failed above");
                return Err(Error::Baseline {
                    path: path.to_path_buf(),
                    message: format!(
                        "line {}: invalid JSON: {}",
                        e.line(),
                        mask_input(&strip_position(&e.to_string()))
                    ),
                });
            }
        }
        Ok(())
    }

    fn add_locations(&mut self, l: LocationSuppressions) {
        for (path, line, commit) in l.at {
            match commit {
                Some(c) => self.commit_locations.insert((c, path, line)),
                None => self.locations.insert((path, line)),
            };
        }
        self.hashed.extend(l.hashed);
    }

    fn reason(&self, f: &Finding) -> Option<Reason> {
        if f.allowed_inline {
            return Some(Reason::Inline);
        }
        if self.allowlist.allows(f)
            || self
                .rule_allowlists
                .get(&f.rule_id)
                .is_some_and(|a| a.allows(f))
        {
            return Some(Reason::Allowlist);
        }
        for (matcher, entries) in &self.baselines {
            let hit = match matcher {
                Match::Legacy => entries.contains(Fingerprint::new(&f.rule_id, &f.secret).as_str()),
                Match::Current(_) => entries.contains(f.fingerprint.as_str()),
                Match::Resealed(other) => {
                    entries.contains(other.fingerprint(&f.rule_id, &f.secret).as_str())
                }
            };
            if hit {
                return Some(Reason::Baseline);
            }
        }
        let lines = f.span.line..=f.span.end_line;
        if lines
            .clone()
            .any(|l| self.locations.contains(&(f.repo_path.clone(), l)))
        {
            return Some(Reason::Baseline);
        }
        if let Some(c) = &f.commit {
            if lines.clone().any(|l| {
                self.commit_locations
                    .contains(&(c.id.clone(), f.repo_path.clone(), l))
            }) {
                return Some(Reason::Baseline);
            }
        }
        if !self.hashed.is_empty() {
            let sha1 = hex::encode(Sha1::digest(f.secret.expose().as_bytes()));
            if self.hashed.contains(&(f.repo_path.clone(), sha1)) {
                return Some(Reason::Baseline);
            }
        }
        None
    }

    /// The salt of the first loaded baseline whose fingerprints are salted:
    /// the scan fingerprints with it, so its findings keep their names.
    pub fn baseline_salt(&self) -> Option<Vec<u8>> {
        self.baselines.iter().find_map(|(m, _)| match m {
            Match::Current(Some(Scheme::Salted { salt })) => salt.bytes(),
            _ => None,
        })
    }

    /// Prepares the loaded baselines for a scan fingerprinting with
    /// `scan`: baselines salted otherwise are compared by sealing findings
    /// again with their salt; a baseline made under another key cannot be
    /// compared at all, which is an error (`Err` names the schemes).
    pub fn bind(&mut self, scan: &Fingerprinter) -> std::result::Result<(), String> {
        let current = scan.scheme();
        for (matcher, _) in &mut self.baselines {
            let Match::Current(Some(scheme)) = matcher else {
                continue;
            };
            if *scheme == current {
                continue;
            }
            match scheme {
                Scheme::Salted { salt } => {
                    let salt = salt
                        .bytes()
                        .ok_or_else(|| "a baseline's salt is not hex".to_string())?;
                    *matcher = Match::Resealed(Arc::new(Fingerprinter::salted(&salt)));
                }
                Scheme::Keyed { .. } => {
                    return Err(format!(
                        "the baseline's fingerprints were made with {}, this scan's with {}: set {} to the key the baseline was made with, or make it again with `leakguard baseline create --update`",
                        scheme.describe(),
                        current.describe(),
                        crate::model::fingerprint::KEY_ENV
                    ))
                }
            }
        }
        Ok(())
    }

    /// Removes suppressed findings from `report`, counting them by reason.
    pub(crate) fn apply(&self, report: &mut Report) {
        let mut kept = Vec::with_capacity(report.findings.len());
        for f in report.findings.drain(..) {
            if !self.suppresses(&f, &mut report.stats.suppressed) {
                kept.push(f);
            }
        }
        report.findings = kept;
    }

    /// Whether a loaded baseline accepts `f`.
    pub fn baselined(&self, f: &Finding) -> bool {
        self.reason(f) == Some(Reason::Baseline)
    }

    /// Whether `f` is suppressed, counting it in `counts` by reason if so:
    /// [`Suppressions::apply`] one finding at a time, for streaming scans.
    pub(crate) fn suppresses(&self, f: &Finding, counts: &mut Suppressed) -> bool {
        match self.reason(f) {
            None => return false,
            Some(Reason::Inline) => counts.inline += 1,
            Some(Reason::Allowlist) => counts.allowlist += 1,
            Some(Reason::Baseline) => counts.baseline += 1,
        }
        true
    }
}

/// A JSON path like `findings[0].fingerprint`, with any key that is not a
/// plain identifier of the baseline schema shortened: an unknown key is
/// input, and may be a pasted secret.
fn masked_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    const KNOWN: &[&str] = &["version", "findings", "path", "rule_id", "fingerprint"];
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                if KNOWN.contains(&key.as_str()) {
                    out.push_str(key);
                } else {
                    out.push_str(&crate::text::quote_input(key));
                }
            }
            Segment::Unknown => out.push('?'),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn strip_position(s: &str) -> String {
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}
