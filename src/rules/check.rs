//! Rule self-test: what every rule's examples and negative examples must
//! show. The scan that runs them is passed in (`leakguard::check_rules`
//! passes the real detector, prefilter, windows, look-alike filters and
//! all), so a rule that passes here behaves the same in a scan, and this
//! module, like the rest of `rules`, needs nothing from the detector.

use crate::rules::RuleSet;

/// One thing wrong with one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    /// The rule's id.
    pub rule_id: String,
    /// The file it came from.
    pub source: String,
    /// What is wrong, naming the example.
    pub message: String,
}

/// How many examples of each kind a rule must carry.
#[derive(Debug, Clone, Copy)]
pub struct ExampleMinimum {
    /// Minimum `examples`.
    pub positive: usize,
    /// Minimum `negative_examples`.
    pub negative: usize,
}

/// Rules of `checked` whose id a built-in rule already has: the error
/// `scan --rules` would stop on. A rule read from the built-in file of the
/// same name (`rules check patterns/` in this repository) is that rule.
pub fn ids_taken_by_builtins(checked: &RuleSet, builtins: &RuleSet) -> Vec<RuleProblem> {
    let file_name = |s: &str| s.rsplit(['/', '\\']).next().unwrap_or(s).to_owned();
    checked
        .rules()
        .iter()
        .filter_map(|rule| {
            let builtin = builtins.find(&rule.id)?;
            let same_file = file_name(&builtin.source) == file_name(&rule.source)
                && builtin.pattern == rule.pattern;
            (!same_file).then(|| RuleProblem {
                rule_id: rule.id.clone(),
                source: rule.source.clone(),
                message: format!("duplicate id (also defined in {})", builtin.source),
            })
        })
        .collect()
}

/// Checks every rule in `rules`: each example must be found, no negative
/// example may be, and each rule needs at least `minimum` of each. `finds`
/// answers whether a scan of `text`, read as a file at `path`, reports the
/// rule at that index of `rules`. An empty result means all is well.
pub(crate) fn check_examples(
    rules: &RuleSet,
    minimum: ExampleMinimum,
    mut finds: impl FnMut(Option<&str>, &[u8], usize) -> bool,
) -> Vec<RuleProblem> {
    let mut problems = Vec::new();
    for (index, rule) in rules.rules().iter().enumerate() {
        let mut problem = |message: String| {
            problems.push(RuleProblem {
                rule_id: rule.id.clone(),
                source: rule.source.clone(),
                message,
            })
        };
        if let Err(invalid) = rule.validate() {
            problem(invalid.message);
            continue;
        }
        if rule.examples.len() < minimum.positive {
            problem(format!(
                "has {} examples, needs at least {}",
                rule.examples.len(),
                minimum.positive
            ));
        }
        if rule.negative_examples.len() < minimum.negative {
            problem(format!(
                "has {} negative examples, needs at least {}",
                rule.negative_examples.len(),
                minimum.negative
            ));
        }
        // A rule selected by file name runs its examples as such a file.
        let path = rule.paths.first().map(|g| super::example_path(g));
        let path = path.as_deref();
        for (n, example) in rule.examples.iter().enumerate() {
            // Keywords match ignoring ASCII case, required literals exactly;
            // an example missing either would be hidden by the prefilters.
            let lower = example.to_ascii_lowercase();
            let prefilters = [
                (&rule.keywords, lower.as_str(), "keywords"),
                (&rule.requires, example.as_str(), "required literals"),
            ];
            if let Some((literals, _, what)) = prefilters.iter().find(|(literals, text, _)| {
                !literals.is_empty() && !literals.iter().any(|l| text.contains(l.as_str()))
            }) {
                problem(format!(
                    "example {} contains none of the {what} {literals:?}",
                    n + 1
                ));
                continue;
            }
            if !finds(path, example.as_bytes(), index) {
                problem(format!(
                    "example {} does not match (or its secret is filtered as a look-alike or low entropy, or fails the rule's check)",
                    n + 1
                ));
            }
        }
        // ...and only as such a file.
        if let (Some(_), Some(example)) = (path, rule.examples.first()) {
            if finds(Some("unrelated/data.unselected"), example.as_bytes(), index) {
                problem("example 1 matches in a file its paths do not select".into());
            }
        }
        for (n, negative) in rule.negative_examples.iter().enumerate() {
            if finds(path, negative.as_bytes(), index) {
                problem(format!("negative example {} matches", n + 1));
            }
        }
    }
    problems
}
