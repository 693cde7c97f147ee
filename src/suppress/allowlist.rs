//! Allowlists: findings a team has decided are not leaks, by path, by a
//! regex on the secret, or by a stopword in the secret; global or per rule.

use crate::error::regex_message;
use crate::model::Finding;
use crate::text::quote_input;
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;

/// One allowlist (the global one, or one rule's).
#[derive(Debug, Clone, Default)]
pub(crate) struct Allowlist {
    glob_patterns: Vec<String>,
    path_globs: Option<GlobSet>,
    path_regexes: Vec<Regex>,
    secret_regexes: Vec<Regex>,
    stopwords: Vec<String>,
}

impl Allowlist {
    /// Builds an allowlist; errors name the offending pattern.
    pub(crate) fn new(
        path_globs: &[String],
        path_regexes: &[String],
        secret_regexes: &[String],
        stopwords: &[String],
    ) -> Result<Allowlist, String> {
        let glob_patterns = path_globs.to_vec();
        let path_globs = build_globs(&glob_patterns)?;
        let compile = |what: &str, list: &[String]| -> Result<Vec<Regex>, String> {
            // The pattern is not quoted: a secret regex often holds the
            // very token it allows.
            list.iter()
                .enumerate()
                .map(|(i, r)| {
                    Regex::new(r).map_err(|e| {
                        format!("invalid {what} regex #{}: {}", i + 1, regex_message(r, &e))
                    })
                })
                .collect()
        };
        Ok(Allowlist {
            glob_patterns,
            path_globs,
            path_regexes: compile("path", path_regexes)?,
            secret_regexes: compile("secret", secret_regexes)?,
            stopwords: stopwords
                .iter()
                .map(|s| s.to_lowercase())
                .filter(|s| !s.is_empty())
                .collect(),
        })
    }

    /// Whether the allowlist is empty (allows nothing).
    pub(crate) fn is_empty(&self) -> bool {
        self.path_globs.is_none()
            && self.path_regexes.is_empty()
            && self.secret_regexes.is_empty()
            && self.stopwords.is_empty()
    }

    /// Adds another allowlist's entries to this one.
    pub(crate) fn merge(&mut self, other: Allowlist) {
        if !other.glob_patterns.is_empty() {
            self.glob_patterns.extend(other.glob_patterns);
            self.path_globs =
                build_globs(&self.glob_patterns).expect("each glob was valid on its own");
        }
        self.path_regexes.extend(other.path_regexes);
        self.secret_regexes.extend(other.secret_regexes);
        self.stopwords.extend(other.stopwords);
    }

    /// Whether `finding` is allowed (suppressed) by this list.
    pub(crate) fn allows(&self, finding: &Finding) -> bool {
        if self
            .path_globs
            .as_ref()
            .is_some_and(|g| g.is_match(&finding.repo_path))
        {
            return true;
        }
        if self
            .path_regexes
            .iter()
            .any(|r| r.is_match(&finding.repo_path))
        {
            return true;
        }
        let secret = finding.secret.expose();
        if self.secret_regexes.iter().any(|r| r.is_match(secret)) {
            return true;
        }
        if !self.stopwords.is_empty() {
            let lower = secret.to_lowercase();
            return self.stopwords.iter().any(|w| lower.contains(w.as_str()));
        }
        false
    }
}

fn build_globs(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in patterns {
        b.add(
            Glob::new(g)
                .map_err(|e| format!("invalid path glob '{}': {}", quote_input(g), e.kind()))?,
        );
    }
    b.build()
        .map(Some)
        .map_err(|e| format!("invalid path globs: {}", e.kind()))
}
