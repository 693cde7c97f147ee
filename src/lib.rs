//! leakguard: finds leaked credentials in files, git history and staged
//! changes, and reports them without ever printing them.
//!
//! Data flows one way: sources ([`source`]) → detector ([`detect`]) →
//! findings ([`findings`], [`suppress`]) → vault ([`vault`]) → report
//! ([`report`]). [`scan`] wires them together;
//! `main.rs` only parses arguments, calls into this library and maps the
//! result to an exit code.

#![warn(missing_docs)]

pub mod config;
pub mod detect;
pub mod error;
pub mod findings;
/// Fuzz harness bodies shared by the cargo-fuzz targets in `fuzz/` (which
/// turn on the `fuzzing` feature) and the corpus replay among the unit
/// tests; not part of the library's normal build, not a supported API.
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod hook;
pub mod model;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod suppress;
pub mod text;
pub mod vault;

pub use error::{Error, Result};
pub use model::Report;
pub use scan::{run as scan, ScanConfig, Target};

use rules::check::{ExampleMinimum, RuleProblem};
use rules::RuleSet;
use std::path::PathBuf;
use std::sync::Arc;

/// Runs every rule's examples and negative examples through the real
/// detector (see [`rules::check::check_examples`]). It lives here, above
/// both, because the rules must not depend on the detector that reads them.
pub fn check_rules(rules: &Arc<RuleSet>, minimum: ExampleMinimum) -> Vec<RuleProblem> {
    let detector = detect::Detector::new(rules.clone());
    let mut scratch = detect::Scratch::default();
    let mut candidates = Vec::new();
    rules::check::check_examples(rules, minimum, |path, text, rule| {
        candidates.clear();
        detector.detect_in(path, text, &mut scratch, &mut candidates);
        candidates.iter().any(|c| c.rule == rule)
    })
}

/// Loads the built-in rules plus every rule file or directory in `extra`
/// (fully validated), failing on the first bad rule or duplicate id.
pub fn load_rules(extra: &[PathBuf]) -> Result<RuleSet> {
    let mut all = rules::load_builtin_for_scan()?;
    for path in extra {
        all.extend(rules::load_path(path)?);
    }
    RuleSet::new(all)
}

/// The rule set a configuration asks for: built-in rules, the config's and
/// the command line's extra rule files, minus disabled rules, with severity
/// overrides. A rule id the configuration names that does not exist is an
/// error (a typo would otherwise silently disable nothing).
pub fn configured_rules(config: &config::Config, cli_extra: &[PathBuf]) -> Result<RuleSet> {
    let mut extra = config.extra_rules.clone();
    extra.extend_from_slice(cli_extra);
    let set = load_rules(&extra)?;
    if let Some(source) = &config.source {
        for (id, key) in config.mentioned_rule_ids() {
            if set.find(&id).is_none() {
                let at = match config.rule_id_lines.get(&id) {
                    Some(line) => format!("line {line}: "),
                    None => String::new(),
                };
                return Err(Error::Config {
                    path: source.clone(),
                    message: format!(
                        "{at}key '{key}': unknown rule id '{id}' (see `leakguard rules list`)"
                    ),
                });
            }
        }
    }
    Ok(set
        .without(&config.disabled_rules)
        .with_severities(&config.severity_overrides))
}

/// Parses a size such as `10M`, `512K`, `2G` or `1048576` (bytes).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let s = s.trim();
    let (digits, multiplier) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 1u64 << 10),
        Some((i, 'M' | 'm')) => (&s[..i], 1 << 20),
        Some((i, 'G' | 'g')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| {
            format!(
                "invalid size '{}' (expected bytes or a number with K, M or G)",
                crate::text::quote_input(s)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10M"), Ok(10 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
