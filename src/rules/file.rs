//! Rule files: TOML with a `[[rules]]` array, parsed and validated.

use super::{Check, Filter};
use super::{Rule, RuleKind, RuleProblem};
use crate::error::{toml_message, Error, Result};
use crate::model::Severity;
use serde::Deserialize;
use std::path::Path;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFileDoc {
    #[serde(default)]
    rules: Vec<RuleDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDoc {
    id: String,
    name: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    confidence: Option<crate::model::Confidence>,
    #[serde(default)]
    description: String,
    severity: Severity,
    #[serde(default)]
    kind: RuleKind,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    requires: Vec<String>,
    regex: String,
    #[serde(default)]
    entropy: Option<f64>,
    #[serde(default)]
    filters: Vec<Filter>,
    #[serde(default)]
    check: Option<Check>,
    #[serde(default = "yes")]
    placeholder_markers: bool,
    #[serde(default)]
    report_at: ReportAt,
    #[serde(default)]
    extract: Option<super::Extract>,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    negative_examples: Vec<String>,
}

/// Where a finding is reported: at its secret (the default) or at the
/// start of the whole match (`report_at = "match"`).
#[derive(Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum ReportAt {
    #[default]
    Secret,
    Match,
}

fn yes() -> bool {
    true
}

/// How much checking a freshly parsed rule gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checking {
    /// Built-in rules: shape only; their regexes are compiled by the test
    /// suite, and at run time lazily, so startup stays cheap.
    Shape,
    /// User rules: everything, including compiling the regex, before the scan.
    Full,
}

/// Parses one rule file's text. `origin` names it in errors. Every rule is
/// fully validated (regex compiled), as for user-supplied files.
pub fn parse_rule_file(origin: &str, text: &str) -> Result<Vec<Rule>> {
    parse(origin, text, Checking::Full)
}

fn parse(origin: &str, text: &str, checking: Checking) -> Result<Vec<Rule>> {
    let file: RuleFileDoc = toml::from_str(text).map_err(|e| Error::RuleFile {
        path: origin.to_string(),
        message: toml_message(text, &e),
    })?;
    build(origin, file, checking, Some(text))
}

/// Builds and checks the rules of one file. With the file's TOML `text`, an
/// invalid rule's error names the line and key it comes from.
fn build(
    origin: &str,
    file: RuleFileDoc,
    checking: Checking,
    text: Option<&str>,
) -> Result<Vec<Rule>> {
    let mut rules: Vec<Rule> = Vec::with_capacity(file.rules.len());
    for (index, r) in file.rules.into_iter().enumerate() {
        let located = |problem: RuleProblem| -> String {
            match text.and_then(|t| locate(t, index, problem.key)) {
                Some((line, Some(key))) => format!("line {line}: key '{key}': {problem}"),
                Some((line, None)) => format!("line {line}: {problem}"),
                None => problem.message,
            }
        };
        if rules.iter().any(|earlier| earlier.id == r.id) {
            return Err(Error::Rule {
                path: origin.to_string(),
                id: r.id,
                message: located(RuleProblem {
                    key: "id",
                    message: "duplicate id (defined earlier in this file)".into(),
                }),
            });
        }
        let rule = Rule {
            id: r.id,
            name: r.name,
            provider: r.provider,
            confidence: r.confidence,
            description: r.description,
            severity: r.severity,
            kind: r.kind,
            keywords: r.keywords,
            paths: r.paths,
            requires: r.requires,
            pattern: r.regex,
            entropy: r.entropy,
            filters: r.filters,
            check: r.check,
            placeholder_markers: r.placeholder_markers,
            report_at_match: r.report_at == ReportAt::Match,
            extract: r.extract,
            references: r.references,
            examples: r.examples,
            negative_examples: r.negative_examples,
            source: origin.to_string(),
            compiled: OnceLock::new(),
        };
        let checked = match checking {
            Checking::Shape => rule.validate_shape(),
            Checking::Full => rule.validate(),
        };
        if let Err(message) = checked {
            return Err(Error::Rule {
                path: origin.to_string(),
                id: rule.id,
                message: located(message),
            });
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// The 1-based line of `key` in the `index`-th `[[rules]]` table of `text`
/// (or of the table's header when the key is not written there).
fn locate(text: &str, index: usize, key: &'static str) -> Option<(usize, Option<&'static str>)> {
    let mut tables = 0;
    let mut header = None;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("[[rules]]") {
            if header.is_some() {
                break; // past the rule
            }
            if tables == index {
                header = Some(n + 1);
            }
            tables += 1;
            continue;
        }
        if header.is_some() {
            let rest = trimmed.strip_prefix(key).map(str::trim_start);
            if rest.is_some_and(|r| r.starts_with('=')) {
                return Some((n + 1, Some(key)));
            }
        }
    }
    header.map(|h| (h, None))
}

/// The rules compiled into the binary from `patterns/`, with their examples.
pub fn load_builtin() -> Result<Vec<Rule>> {
    load_embedded(|&(_, whole, _)| whole)
}

/// The built-in rules without their examples: what a scan needs, parsed in
/// about half the time (it is on the path of every pre-commit run).
pub fn load_builtin_for_scan() -> Result<Vec<Rule>> {
    load_embedded(|&(_, _, lean)| lean)
}

fn load_embedded(
    pick: fn(&(&str, &'static str, &'static str)) -> &'static str,
) -> Result<Vec<Rule>> {
    let mut rules = Vec::new();
    for entry in BUILTIN_RULE_FILES {
        let (name, json) = (entry.0, pick(entry));
        let origin = format!("patterns/{name}");
        // build.rs converted the TOML; its schema is checked here.
        let file: RuleFileDoc = serde_json::from_str(json).map_err(|e| Error::RuleFile {
            path: origin.clone(),
            message: e.to_string(),
        })?;
        rules.extend(build(&origin, file, Checking::Shape, None)?);
    }
    Ok(rules)
}

/// Loads a rule file, or every `*.toml` file in a directory (sorted by name).
pub fn load_path(path: &Path) -> Result<Vec<Rule>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::RuleFile {
        path: path.display().to_string(),
        message: crate::error::io_reason(&e),
    })?;
    let files = if meta.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| Error::RuleFile {
                path: path.display().to_string(),
                message: crate::error::io_reason(&e),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut rules = Vec::new();
    for file in files {
        let origin = file.display().to_string();
        let text = crate::source::fs::read_settings_file(&file).map_err(|e| Error::RuleFile {
            path: origin.clone(),
            message: format!("cannot read: {e}"),
        })?;
        rules.extend(parse_rule_file(&origin, &text)?);
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rules]]
id = "test-token"
name = "Test token"
severity = "high"
keywords = ["tt_"]
regex = '''(?P<secret>tt_[a-z0-9]{10})'''
examples = ["tt_a1b2c3d4e5"]
negative_examples = ["tt_short"]
"#;

    #[test]
    fn parses_a_good_file() {
        let rules = parse_rule_file("x.toml", GOOD).unwrap();
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].severity, Severity::High);
    }

    #[test]
    fn bad_regex_is_named_by_file_id_line_and_key() {
        let bad = GOOD.replace("[a-z0-9]{10}", "[a-z0-9");
        let err = parse_rule_file("x.toml", &bad).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "rule file x.toml: rule 'test-token': line 7: key 'regex': invalid regex"
            ),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_names_line() {
        let bad = GOOD.replace("severity = \"high\"", "severity = \"high\"\nsevrity = 1");
        let err = parse_rule_file("x.toml", &bad).unwrap_err().to_string();
        assert!(err.contains("line 6"), "{err}");
        assert!(err.contains("sevrity"), "{err}");
    }

    #[test]
    fn bad_severity() {
        let bad = GOOD.replace("\"high\"", "\"urgent\"");
        assert!(parse_rule_file("x.toml", &bad).is_err());
    }
}
