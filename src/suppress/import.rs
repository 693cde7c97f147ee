//! Reading other scanners' suppression files, so teams can switch without
//! re-triaging: gitleaks' `.gitleaks.toml` allowlist and `.gitleaksignore`,
//! and detect-secrets' `.secrets.baseline`.
//!
//! What maps: gitleaks path regexes, secret regexes and stopwords become a
//! leakguard allowlist (`regexTarget = "line"` and commit allowlists have no
//! equivalent and are reported as unsupported). A `.gitleaksignore` line
//! (`[commit:]file:rule-id:line`) suppresses findings at that file and line
//! (and commit, if given) whatever the rule, as gitleaks rule ids differ from
//! ours. A detect-secrets baseline entry suppresses findings in that file on
//! that line, or anywhere in that file whose secret has the recorded SHA-1.

use crate::error::{Error, Result};
use crate::suppress::allowlist::Allowlist;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct GitleaksAllowlist {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    regexes: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    regex_target: Option<String>,
    #[serde(default)]
    commits: Vec<String>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
struct GitleaksConfig {
    #[serde(default)]
    allowlist: Option<GitleaksAllowlist>,
    #[serde(default)]
    allowlists: Vec<GitleaksAllowlist>,
}

/// The global allowlist(s) of a gitleaks config file as one leakguard allowlist.
pub(crate) fn gitleaks_allowlist(path: &Path) -> Result<Allowlist> {
    let err = |message: String| Error::Config {
        path: path.to_path_buf(),
        message,
    };
    let text = crate::source::fs::read_settings_file(path)
        .map_err(|e| err(format!("cannot read: {e}")))?;
    let cfg: GitleaksConfig =
        toml::from_str(&text).map_err(|e| err(crate::error::toml_message(&text, &e)))?;
    let mut out = Allowlist::default();
    for (n, list) in cfg.allowlist.into_iter().chain(cfg.allowlists).enumerate() {
        let _ = &list.description;
        if list
            .regex_target
            .as_deref()
            .is_some_and(|t| t != "secret" && t != "match")
        {
            return Err(err(format!(
                "allowlist {}: regexTarget = '{}' is not supported (leakguard matches regexes against the secret)",
                n + 1,
                list.regex_target.unwrap_or_default()
            )));
        }
        if !list.commits.is_empty() {
            return Err(err(format!(
                "allowlist {}: 'commits' is not supported; use a leakguard baseline instead",
                n + 1
            )));
        }
        let converted = Allowlist::new(&[], &list.paths, &list.regexes, &list.stopwords)
            .map_err(|e| err(format!("allowlist {}: {e}", n + 1)))?;
        out.merge(converted);
    }
    Ok(out)
}

/// A location-based suppression imported from another tool.
#[derive(Debug, Clone, Default)]
pub(crate) struct LocationSuppressions {
    /// (path, line) pairs, optionally with a commit id.
    pub(crate) at: Vec<(String, u64, Option<String>)>,
    /// (path, sha1 hex of the secret).
    pub(crate) hashed: Vec<(String, String)>,
}

/// Parses a `.gitleaksignore`: one `[commit:]file:rule-id:line` per line.
pub(crate) fn parse_gitleaksignore(path: &Path, text: &str) -> Result<LocationSuppressions> {
    let mut out = LocationSuppressions::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.rsplitn(3, ':').collect();
        // rsplitn: [line, rule, rest]; rest is "file" or "commit:file".
        let bad = || Error::Baseline {
            path: path.to_path_buf(),
            message: format!(
                "line {}: expected [commit:]file:rule-id:line, got '{}'",
                n + 1,
                crate::text::quote_input(line)
            ),
        };
        if parts.len() != 3 {
            return Err(bad());
        }
        let line_no: u64 = parts[0].parse().map_err(|_| bad())?;
        let rest = parts[2];
        let (commit, file) = match rest.split_once(':') {
            Some((c, f)) if c.len() == 40 && c.bytes().all(|b| b.is_ascii_hexdigit()) => {
                (Some(c.to_string()), f)
            }
            _ => (None, rest),
        };
        out.at.push((file.to_string(), line_no, commit));
    }
    Ok(out)
}

#[derive(Deserialize)]
struct DetectSecretsBaseline {
    results: HashMap<String, Vec<DetectSecretsEntry>>,
}

#[derive(Deserialize)]
struct DetectSecretsEntry {
    filename: Option<String>,
    hashed_secret: Option<String>,
    line_number: Option<u64>,
}

/// Parses a detect-secrets `.secrets.baseline` (JSON with a `results` map).
pub(crate) fn parse_detect_secrets(path: &Path, text: &str) -> Result<LocationSuppressions> {
    let doc: DetectSecretsBaseline = serde_json::from_str(text).map_err(|e| Error::Baseline {
        path: path.to_path_buf(),
        message: format!(
            "line {}: not a detect-secrets baseline: {}",
            e.line(),
            crate::text::mask_input(&e.to_string())
        ),
    })?;
    let mut out = LocationSuppressions::default();
    for (file, entries) in doc.results {
        for e in entries {
            let file = e.filename.unwrap_or_else(|| file.clone());
            if let Some(line) = e.line_number {
                out.at.push((file.clone(), line, None));
            }
            if let Some(h) = e.hashed_secret {
                out.hashed.push((file.clone(), h.to_ascii_lowercase()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitleaksignore_lines() {
        let c = "a".repeat(40);
        let text = format!(
            "# comment\nsrc/a.py:generic-api-key:12\n{c}:config/b.env:aws-access-token:3\n"
        );
        let s = parse_gitleaksignore(Path::new(".gitleaksignore"), &text).unwrap();
        assert_eq!(s.at[0], ("src/a.py".into(), 12, None));
        assert_eq!(s.at[1], ("config/b.env".into(), 3, Some(c)));
        assert!(parse_gitleaksignore(Path::new("x"), "nonsense\n")
            .unwrap_err()
            .to_string()
            .contains("line 1"));
    }
}
