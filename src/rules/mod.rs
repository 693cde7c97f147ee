//! Rules: the data that says what a credential looks like.
//!
//! A rule file (TOML, one per provider family in `patterns/`) is parsed into
//! [`Rule`]s, validated, and gathered into a [`RuleSet`]. Regexes compile lazily,
//! on first use, and are shared by every thread: a pre-commit scan of ten files
//! must not pay for compiling rules it never runs. This module knows nothing of
//! files being scanned, git, or reports.

pub mod check;
mod file;
mod named;

pub use file::{load_builtin, load_builtin_for_scan, load_path, parse_rule_file};
pub(crate) use named::{Check, Filter};

use crate::error::{syntax_message, Error, Result};
use crate::model::{Confidence, Severity};
use regex_automata::{meta, PatternID};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Compiled regexes larger than this are refused: a rule that needs more is
/// almost certainly a mistake (a huge bounded repetition) and would slow every
/// scan that selects it.
pub(crate) const REGEX_SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// Window radius for rules whose regex has no upper bound on its match length.
const UNBOUNDED_RADIUS: usize = 4096;

/// Whether a rule recognises one provider's token format or a generic shape.
/// When both find the same secret, the provider rule's finding is kept: it
/// knows what the credential is and how severe its leak is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// A documented token format of one provider (the default).
    #[default]
    Provider,
    /// A credential recognised by context (`password = "…"`), no fixed format.
    Generic,
}

/// One detection rule, as written in a rule file, plus its lazily compiled regex.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case id: the SARIF ruleId and part of every fingerprint.
    pub id: String,
    /// Human name of the credential type ("GitHub personal access token").
    pub name: String,
    /// The company or product whose credential it is ("GitHub"); empty for
    /// generic rules.
    pub provider: String,
    /// The rule's own confidence (`confidence = "…"`), instead of the one
    /// [`Rule::base_confidence`] derives.
    pub(crate) confidence: Option<Confidence>,
    /// What the credential is and what a leak allows.
    pub description: String,
    /// How bad a leak is.
    pub severity: Severity,
    /// Provider format or generic shape.
    pub kind: RuleKind,
    /// Lowercase literals; the rule only runs where one of them occurs.
    pub keywords: Vec<String>,
    /// File-name globs (`.pgpass`, `*.tfvars`, `**/.docker/config.json`):
    /// when set, the rule runs only on files whose path matches one, and
    /// it may have no keywords (it then runs over the whole file). A glob
    /// without `/` matches the file name in any directory; matching is
    /// case-insensitive.
    pub paths: Vec<String>,
    /// Literals of which the keyword's line (within 1 KB of it) always
    /// holds at least one when the rule matches (the quotes around a quoted value, the `@` of a
    /// URL's credentials): a keyword hit on a line holding none is skipped
    /// before the regex is compiled or run. A cheap second prefilter for
    /// rules whose keywords are common (`token`, `auth`, `://`).
    pub(crate) requires: Vec<String>,
    /// The regex source, with a `secret` capture group.
    pub pattern: String,
    /// Minimum Shannon entropy (bits per character) of the captured secret.
    pub(crate) entropy: Option<f64>,
    /// Named filters that reject non-secrets in the captured value.
    pub(crate) filters: Vec<Filter>,
    /// A structure the captured value must have (a checksum, a decodable
    /// body): values that fail are not reported, values that pass are
    /// `high` confidence.
    pub(crate) check: Option<Check>,
    /// Whether values holding a placeholder marker (`<`, `${`, `example`…)
    /// are dropped (the default). Off for formats whose real values are
    /// random printable ASCII that may hold them (WordPress salts).
    pub(crate) placeholder_markers: bool,
    /// A second step after the regex (`extract = "sql-insert-columns"`).
    pub(crate) extract: Option<Extract>,
    /// Findings are located at the start of the whole match and cover it
    /// (`report_at = "match"`): a private key at its `-----BEGIN` line.
    pub report_at_match: bool,
    /// Where the provider documents the token format.
    pub references: Vec<String>,
    /// Lines that must produce a finding.
    pub examples: Vec<String>,
    /// Lines that must not.
    pub(crate) negative_examples: Vec<String>,
    /// The file the rule came from (for error messages).
    pub source: String,
    compiled: OnceLock<Compiled>,
}

/// A step after the regex for formats a regex alone cannot pair up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Extract {
    /// The `secret` group holds an INSERT's VALUES tuples and a `columns`
    /// group its column list: the values of credential columns are the
    /// secrets (`detect::sql`).
    SqlInsertColumns,
}

/// What a rule needs at match time, built on first use.
#[derive(Debug)]
pub struct Compiled {
    /// The regex (a search over bytes; look-behind sees the whole haystack).
    pub(crate) regex: meta::Regex,
    /// Index of the `secret` capture group.
    pub(crate) secret_group: usize,
    /// Index of a `columns` capture group, for [`Extract::SqlInsertColumns`].
    pub(crate) columns_group: Option<usize>,
    /// How far from a keyword hit a match can reach: the regex's maximum
    /// match length, or [`UNBOUNDED_RADIUS`].
    pub(crate) radius: usize,
    /// No match can contain a line feed, so every match lies within one
    /// line: a keyword hit's window need not reach past its own line.
    pub(crate) single_line: bool,
}

impl Rule {
    /// How sure a match of this rule is, before the value and the place
    /// have their say: the rule's own level if it sets one; else `high`
    /// for a provider format whose secret starts with one of the rule's
    /// keywords (a unique prefix: `ghp_`, `xoxb-`), `medium` otherwise (a
    /// value found by a keyword near it, or a generic shape).
    pub(crate) fn base_confidence(&self, secret: &[u8]) -> Confidence {
        if let Some(own) = self.confidence {
            return own;
        }
        if self.check.is_some() {
            // For a value that passed; one that failed a check which
            // still reports it is lowered to `low` in `findings`.
            return Confidence::High;
        }
        let prefixed = self.kind == RuleKind::Provider
            && self.keywords.iter().any(|k| {
                k.len() >= 3
                    && secret.len() > k.len()
                    && secret[..k.len()].eq_ignore_ascii_case(k.as_bytes())
            });
        if prefixed {
            Confidence::High
        } else {
            Confidence::Medium
        }
    }

    /// How sure this rule's matches are before the value and the place
    /// have their say (a low-entropy value, a test or documentation file
    /// lowers it one level): [`Rule::base_confidence`] for the values the
    /// regex can match. `high` for a provider format only when every value
    /// its `secret` group matches starts with one of its keywords.
    pub fn confidence(&self) -> Confidence {
        if let Some(own) = self.confidence {
            return own;
        }
        if self.check.is_some() {
            return Confidence::High;
        }
        let prefixed = self.kind == RuleKind::Provider
            && secret_prefixes(&self.pattern).is_some_and(|prefixes| {
                !prefixes.is_empty()
                    && prefixes.iter().all(|p| {
                        self.keywords.iter().any(|k| {
                            k.len() >= 3
                                && p.len() >= k.len()
                                && p[..k.len()].eq_ignore_ascii_case(k.as_bytes())
                        })
                    })
            });
        if prefixed {
            Confidence::High
        } else {
            Confidence::Medium
        }
    }

    /// The compiled form of this rule. Rules in a [`RuleSet`] were validated
    /// when loaded, so compilation cannot fail here.
    pub fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            compile(&self.pattern).expect("rule regexes are validated when the rule set is loaded")
        })
    }

    /// Checks what can be checked without compiling the regex's automaton:
    /// id form, keywords, severity bounds. `validate_full` adds the regex.
    fn validate_shape(&self) -> std::result::Result<(), RuleProblem> {
        let problem = |key, message: String| Err(RuleProblem { key, message });
        if !is_kebab_case(&self.id) {
            return problem(
                "id",
                "id must be kebab-case (lowercase letters, digits, single dashes)".into(),
            );
        }
        if self.name.trim().is_empty() {
            return problem("name", "name is empty".into());
        }
        if self.keywords.is_empty() && self.paths.is_empty() {
            return problem(
                "keywords",
                "needs at least one keyword or path (the prefilter selects rules by keyword \
                 or by file name)"
                    .into(),
            );
        }
        if self.requires.iter().any(String::is_empty) {
            return problem("requires", "has an empty literal".into());
        }
        for glob in &self.paths {
            if let Err(e) = path_glob(glob) {
                return problem("paths", format!("path glob '{glob}' is invalid: {e}"));
            }
        }
        for kw in &self.keywords {
            if kw.is_empty() {
                return problem("keywords", "has an empty keyword".into());
            }
            if kw.to_ascii_lowercase() != *kw {
                return problem("keywords", format!("keyword '{kw}' must be lowercase"));
            }
        }
        if let Some(e) = self.entropy {
            if !(0.0..=8.0).contains(&e) {
                return problem(
                    "entropy",
                    format!("entropy {e} is outside 0..8 bits per character"),
                );
            }
        }
        Ok(())
    }

    /// Full validation: shape plus a regex that compiles within the size limit,
    /// has exactly one `secret` group, and cannot match the empty string.
    pub(crate) fn validate(&self) -> std::result::Result<(), RuleProblem> {
        self.validate_shape()?;
        let compiled = compile(&self.pattern).map_err(|message| RuleProblem {
            key: "regex",
            message,
        })?;
        let _ = self.compiled.set(compiled);
        Ok(())
    }
}

/// The matcher for one of a rule's `paths` globs: a glob without `/`
/// matches the file name in any directory. Matching ignores case (`_netrc`,
/// `WinSCP.ini`, `Web.config`): the glob is lowercased here and paths are
/// lowercased before matching ([`path_for_globs`]), which keeps globset's
/// literal, extension and basename strategies (a case-insensitive glob is a
/// regex, several times slower per file).
pub(crate) fn path_glob(glob: &str) -> std::result::Result<globset::Glob, globset::Error> {
    let glob = glob.to_ascii_lowercase();
    let full = if glob.contains('/') {
        glob
    } else {
        format!("**/{glob}")
    };
    globset::GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
}

/// A path as [`path_glob`] globs match it: ASCII-lowercased.
pub(crate) fn path_for_globs(path: &str) -> std::borrow::Cow<'_, str> {
    if path.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(path.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(path)
    }
}

/// A file path that a rule's first `paths` glob matches, for running its
/// examples as if they were that file (`*.tfvars` → `prod.tfvars`).
pub fn example_path(glob: &str) -> String {
    let name = glob.trim_start_matches("**/").replace("**/", "");
    name.replace('*', "prod").replace('?', "x")
}

/// Why a rule is invalid, and the rule-file key at fault (so a loader that
/// has the file's text can name the line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    /// The key in the rule's table: `id`, `name`, `keywords`, `entropy`, `regex`.
    pub(crate) key: &'static str,
    /// What is wrong, for the user.
    pub message: String,
}

impl std::fmt::Display for RuleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a rule regex the way every reader of it must: bytes, not UTF-8,
/// and `^`/`$` as line boundaries (CRLF too). Rules are written line by
/// line, and a window's haystack starts at the file's start, so a
/// file-start `^` would only ever match on a file's first line.
fn parse_rule_regex(
    pattern: &str,
    unicode: bool,
) -> std::result::Result<regex_syntax::hir::Hir, String> {
    regex_syntax::ParserBuilder::new()
        .utf8(false)
        .multi_line(true)
        .crlf(true)
        .unicode(unicode)
        .build()
        .parse(pattern)
        .map_err(|e| format!("invalid regex: {}", syntax_message(&e)))
}

/// Compiles a rule regex and checks the properties every rule must have.
///
/// The pattern is parsed once, into the HIR that both the checks here and
/// the regex engine use. Prefilters are off: a rule runs only in small
/// windows around its keywords, where a literal prefilter saves nothing,
/// and extracting one was half of a rule's compile time (the pre-commit
/// path compiles a few dozen rules).
fn compile(pattern: &str) -> std::result::Result<Compiled, String> {
    // ASCII classes first: secrets are ASCII, and Unicode-aware `\w`, `\s`
    // and `(?i)` make the automaton several times larger and slower to
    // build. A pattern that needs Unicode (`\p{L}`, a non-ASCII class)
    // keeps it.
    let hir = parse_rule_regex(pattern, false).or_else(|_| parse_rule_regex(pattern, true))?;
    if hir.properties().minimum_len() == Some(0) {
        return Err("regex can match the empty string".into());
    }
    let radius = hir
        .properties()
        .maximum_len()
        .unwrap_or(UNBOUNDED_RADIUS)
        .min(UNBOUNDED_RADIUS * 4);
    let regex = meta::Builder::new()
        .configure(
            meta::Config::new()
                .utf8_empty(false)
                .auto_prefilter(false)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
        )
        .build_from_hir(&hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => {
                format!("invalid regex: the compiled regex exceeds the size limit of {limit} bytes")
            }
            None => "invalid regex (not supported by the regex engine)".to_string(),
        })?;
    let names = || regex.group_info().pattern_names(PatternID::ZERO);
    let secret_count = names().filter(|n| *n == Some("secret")).count();
    if secret_count != 1 {
        return Err(format!(
            "regex must have exactly one capture group named 'secret' (found {secret_count})"
        ));
    }
    let secret_group = names()
        .position(|n| n == Some("secret"))
        .expect("counted above");
    let columns_group = names().position(|n| n == Some("columns"));
    Ok(Compiled {
        regex,
        secret_group,
        columns_group,
        radius,
        single_line: !can_match_newline(&hir),
    })
}

/// The literal prefixes every match of `pattern`'s `secret` group starts
/// with, when there is a finite set of them.
fn secret_prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::{Hir, HirKind};
    fn secret(hir: &Hir) -> Option<&Hir> {
        match hir.kind() {
            HirKind::Capture(cap) if cap.name.as_deref() == Some("secret") => Some(&cap.sub),
            HirKind::Capture(cap) => secret(&cap.sub),
            HirKind::Repetition(rep) => secret(&rep.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().find_map(secret),
            _ => None,
        }
    }
    let hir = parse_rule_regex(pattern, false).ok()?;
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .extract(secret(&hir)?);
    seq.literals()
        .map(|lits| lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// Whether any match of `hir` can contain a line feed (a literal `\n`, a
/// class such as `\s` or `[^x]` that holds it, `(?s).`). Look-arounds
/// (`^`, `$`, `\b`) match no bytes and do not count.
fn can_match_newline(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => lit.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(c)) => c
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(rep) => rep.max != Some(0) && can_match_newline(&rep.sub),
        HirKind::Capture(cap) => can_match_newline(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(can_match_newline),
    }
}

/// An immutable, validated collection of rules with unique ids.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// Builds a set from rules already checked by their loader. Fails on a
    /// duplicate id, naming both files.
    pub fn new(rules: Vec<Rule>) -> Result<RuleSet> {
        let mut seen: HashSet<&str> = HashSet::new();
        for rule in &rules {
            if !seen.insert(rule.id.as_str()) {
                let first = rules.iter().find(|r| r.id == rule.id).expect("seen");
                return Err(Error::Rule {
                    path: rule.source.clone(),
                    id: rule.id.clone(),
                    message: format!("duplicate id (also defined in {})", first.source),
                });
            }
        }
        Ok(RuleSet { rules })
    }

    /// The rules, in load order (built-in files alphabetically, then extras).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the set has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule with this index (as reported by the detector).
    pub(crate) fn get(&self, index: usize) -> &Rule {
        &self.rules[index]
    }

    /// Looks a rule up by id.
    pub(crate) fn find(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Applies per-rule severity overrides (config's `[rule.ID] severity`).
    pub(crate) fn with_severities(
        mut self,
        overrides: &std::collections::HashMap<String, Severity>,
    ) -> RuleSet {
        for rule in &mut self.rules {
            if let Some(&sev) = overrides.get(&rule.id) {
                rule.severity = sev;
            }
        }
        self
    }

    /// Removes rules whose id is in `ids` (config's `disabled_rules`).
    pub(crate) fn without(self, ids: &HashSet<String>) -> RuleSet {
        RuleSet {
            rules: self
                .rules
                .into_iter()
                .filter(|r| !ids.contains(&r.id))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_confidence_follows_the_secret_groups_prefix() {
        let rules = crate::load_rules(&[]).unwrap();
        let confidence = |id: &str| rules.find(id).unwrap().confidence();
        // A checksum, a unique prefix, a keyword near a generic value.
        assert_eq!(confidence("github-pat-classic"), Confidence::High);
        assert_eq!(confidence("github-pat-fine-grained"), Confidence::High);
        assert_eq!(confidence("aws-secret-access-key"), Confidence::Medium);
    }

    #[test]
    fn base_confidence_is_high_for_a_keyword_prefix_and_medium_otherwise() {
        let rules = crate::rules::parse_rule_file(
            "t.toml",
            r#"
[[rules]]
id = "pfx"
name = "n"
severity = "high"
keywords = ["tok_"]
regex = '''(?P<secret>tok_[A-Za-z0-9]{16})'''
examples = ["tok_Qm7vX2kLp9Rz4Wt8"]
negative_examples = ["tok_short"]

[[rules]]
id = "ctx"
name = "n"
severity = "high"
keywords = ["vendor"]
regex = '''vendor_key=(?P<secret>[a-f0-9]{16})'''
examples = ["vendor_key=9f3a1c7e5b2d4f60"]
negative_examples = ["vendor_key=short"]

[[rules]]
id = "own"
name = "n"
severity = "low"
confidence = "low"
keywords = ["id_"]
regex = '''(?P<secret>id_[A-Za-z0-9]{16})'''
examples = ["id_Qm7vX2kLp9Rz4Wt8"]
negative_examples = ["id_short"]
"#,
        )
        .unwrap();
        assert_eq!(
            rules[0].base_confidence(b"tok_Qm7vX2kLp9Rz4Wt8"),
            Confidence::High
        );
        assert_eq!(
            rules[1].base_confidence(b"9f3a1c7e5b2d4f60"),
            Confidence::Medium
        );
        assert_eq!(
            rules[2].base_confidence(b"id_Qm7vX2kLp9Rz4Wt8"),
            Confidence::Low
        );
    }

    #[test]
    fn classes_are_ascii_unless_the_pattern_needs_unicode() {
        let ascii = compile(r"k=(?P<secret>\w{4})").unwrap().regex;
        assert!(ascii.is_match(b"k=ab_1"));
        assert!(!ascii.is_match("k=\u{e9}\u{e9}\u{e9}\u{e9}".as_bytes()));
        // \p{L} has no ASCII-only meaning: the Unicode build is kept.
        let unicode = compile(r"k=(?P<secret>\p{L}{4})").unwrap().regex;
        assert!(unicode.is_match("k=\u{e9}\u{e9}\u{e9}\u{e9}".as_bytes()));
    }

    #[test]
    fn compile_checks_secret_group_and_empty_match() {
        assert!(compile(r"(?P<secret>ghp_[A-Za-z0-9]{36})").is_ok());
        assert!(compile(r"ghp_[A-Za-z0-9]{36}")
            .unwrap_err()
            .contains("secret"));
        assert!(compile(r"(?P<secret>a*)").unwrap_err().contains("empty"));
        assert!(compile(r"(?P<secret>[a-")
            .unwrap_err()
            .contains("invalid regex"));
        assert!(compile(r"(?P<secret>a)(?P<secret>b)").is_err());
    }

    #[test]
    fn single_line_regexes_are_told_apart() {
        for (pattern, single) in [
            (
                r"(?m)^key[ \t]*=[ \t]*(?P<secret>[a-z0-9]{8})[ \t]*\r?$",
                true,
            ),
            (r"key(?P<secret>[^'\n]{8})", true),
            (r"key(?P<secret>.{8})", true),
            (r"(?s)key(?P<secret>.{8})", false),
            (r"key\s+(?P<secret>[a-z]{8})", false),
            (r"key[^']+(?P<secret>[a-z]{8})", false),
            (r"-----BEGIN\n(?P<secret>[a-z]{8})", false),
            (r"key(?:\n){0}(?P<secret>[a-z]{8})", true),
        ] {
            assert_eq!(compile(pattern).unwrap().single_line, single, "{pattern}");
        }
    }

    #[test]
    fn radius_is_max_len() {
        assert_eq!(compile(r"(?P<secret>ab{3})").unwrap().radius, 4);
        assert_eq!(
            compile(r"(?P<secret>ab+)").unwrap().radius,
            UNBOUNDED_RADIUS
        );
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_case("aws-access-key-id"));
        assert!(is_kebab_case("1password-token"));
        assert!(!is_kebab_case("AWS"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case("a_b"));
        assert!(!is_kebab_case("-a"));
    }
}
