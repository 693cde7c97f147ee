//! Every built-in rule's examples must match and its negative examples must
//! not, through the real detector; ids are unique; the library is big enough.

use leakguard::check::{check_rules, ExampleMinimum};
use leakguard::rules::{load_builtin, RuleSet};
use std::sync::Arc;

#[test]
fn builtin_rules_pass_their_examples() {
    let set = Arc::new(
        RuleSet::new(load_builtin().expect("built-in rules parse")).expect("ids are unique"),
    );
    let problems = check_rules(
        &set,
        ExampleMinimum {
            positive: 2,
            negative: 2,
        },
    );
    let report: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: rule '{}': {}", p.source, p.rule_id, p.message))
        .collect();
    assert!(
        report.is_empty(),
        "{} rule problems:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn builtin_rules_cite_their_format_documentation() {
    let rules = load_builtin().unwrap();
    let missing: Vec<_> = rules
        .iter()
        .filter(|r| r.references.is_empty())
        .map(|r| r.id.clone())
        .collect();
    assert!(missing.is_empty(), "rules without references: {missing:?}");
    let undescribed: Vec<_> = rules
        .iter()
        .filter(|r| r.description.trim().is_empty())
        .map(|r| r.id.clone())
        .collect();
    assert!(
        undescribed.is_empty(),
        "rules without description: {undescribed:?}"
    );
}

#[test]
fn builtin_library_has_at_least_550_rules() {
    let n = load_builtin().unwrap().len();
    assert!(n >= 550, "only {n} built-in rules");
}

/// Rule-set hygiene: a keyword shorter than 3 bytes is hit everywhere (each
/// hit runs a regex), so each one must be justified here; and every rule of
/// a provider's file says which provider.
#[test]
fn keywords_are_long_enough_and_provider_rules_name_their_provider() {
    // Entra ID client secrets hold `Q~` and no other literal; the env-default
    // rule keys on the `${` of `${VAR:-secret}`.
    const SHORT_KEYWORDS: &[(&str, &str)] = &[
        ("azure-entra-client-secret", "q~"),
        ("generic-env-default-secret", "${"),
    ];
    // Files of formats rather than providers (credential files, connection
    // strings, key formats, password hashes, command lines).
    const FORMAT_FILES: &[&str] = &[
        "connection-strings.toml",
        "credential-files.toml",
        "databases.toml",
        "generic.toml",
        "network.toml",
        "password-hashes.toml",
        "private-keys.toml",
        "public-env-secrets.toml",
        "services.toml",
        "windows-remote-admin.toml",
    ];
    let rules = load_builtin().unwrap();
    let mut short = Vec::new();
    let mut unnamed = Vec::new();
    for r in &rules {
        for k in &r.keywords {
            if k.len() < 3 && !SHORT_KEYWORDS.contains(&(r.id.as_str(), k.as_str())) {
                short.push(format!("{}: {k:?}", r.id));
            }
        }
        let format_file = FORMAT_FILES.iter().any(|f| r.source.ends_with(f));
        if r.kind == leakguard::rules::RuleKind::Provider && !format_file && r.provider.is_empty() {
            unnamed.push(r.id.clone());
        }
    }
    assert!(short.is_empty(), "keywords under 3 bytes: {short:?}");
    assert!(
        unnamed.is_empty(),
        "provider rules without a provider: {unnamed:?}"
    );
}

/// A rule's example must be reported under that rule: when several rules
/// capture the same secret, the filters keep one, and it must be this one.
#[test]
fn examples_are_attributed_to_their_own_rule() {
    use leakguard::detect::{Detector, Scratch};
    use leakguard::filter::{to_findings, Origin};
    let set = Arc::new(RuleSet::new(load_builtin().unwrap()).unwrap());
    let detector = Detector::new(set.clone());
    let mut scratch = Scratch::default();
    let mut wrong = Vec::new();
    for (i, rule) in set.rules().iter().enumerate() {
        for ex in &rule.examples {
            let mut candidates = Vec::new();
            detector.detect(ex.as_bytes(), &mut scratch, &mut candidates);
            let Some(own) = candidates.iter().find(|c| c.rule == i).cloned() else {
                continue;
            };
            let mut findings = Vec::new();
            let origin = Origin::whole("x");
            to_findings(&set, ex.as_bytes(), &mut candidates, origin, &mut findings);
            let line_col = |f: &leakguard::report::Finding| (f.span.line, f.span.column);
            // Where the finding is reported: its secret, or the whole
            // match for rules that say so (a private key's BEGIN line).
            let at = if rule.report_at_match {
                own.matched.start
            } else {
                own.secret.start
            };
            let before = &ex[..at];
            let line = before.matches('\n').count() as u64 + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
            let at_own: Vec<_> = findings
                .iter()
                .filter(|f| line_col(f) == (line, column))
                .collect();
            if !at_own.iter().any(|f| f.rule_id == rule.id) {
                let winner: Vec<_> = at_own.iter().map(|f| f.rule_id.as_str()).collect();
                wrong.push(format!("{} lost to {winner:?}: {ex}", rule.id));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "examples won by another rule:\n{}",
        wrong.join("\n")
    );
}

/// docs/rules.md lists every built-in rule with its severity.
#[test]
fn docs_catalog_lists_every_rule_with_its_severity() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    let missing: Vec<String> = load_builtin()
        .unwrap()
        .iter()
        .filter(|r| !docs.contains(&format!("| {} | `{}` |", r.severity, r.id)))
        .map(|r| format!("{} ({})", r.id, r.severity))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/rules.md is out of date for: {missing:?}"
    );
}
