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
fn builtin_library_has_at_least_150_rules() {
    let n = load_builtin().unwrap().len();
    assert!(n >= 150, "only {n} built-in rules");
}

/// A rule's example must not be found by a *different* rule at the same span
/// with a higher severity, or the finding would be attributed elsewhere.
#[test]
fn examples_are_attributed_to_their_own_rule() {
    use leakguard::detect::{Detector, Scratch};
    let set = Arc::new(RuleSet::new(load_builtin().unwrap()).unwrap());
    let detector = Detector::new(set.clone());
    let mut scratch = Scratch::default();
    let mut wrong = Vec::new();
    for (i, rule) in set.rules().iter().enumerate() {
        for ex in &rule.examples {
            let mut c = Vec::new();
            detector.detect(ex.as_bytes(), &mut scratch, &mut c);
            let Some(own) = c.iter().find(|c| c.rule == i) else {
                continue;
            };
            if c.iter().any(|o| {
                o.rule != i && o.secret == own.secret && set.get(o.rule).severity > rule.severity
            }) {
                wrong.push(format!("{}: {ex}", rule.id));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "examples won by another rule:\n{}",
        wrong.join("\n")
    );
}
