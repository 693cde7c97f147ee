//! Every built-in rule's examples must match and its negative examples must
//! not, through the real detector; ids are unique; the library is big enough.

use leakguard::check_rules;
use leakguard::rules::check::ExampleMinimum;
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
fn builtin_library_has_at_least_600_rules() {
    let n = load_builtin().unwrap().len();
    assert!(n >= 600, "only {n} built-in rules");
}

/// Files of formats rather than providers (credential files, connection
/// strings, key formats, password hashes, command lines).
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
    use leakguard::findings::{to_findings, Chunk};
    use leakguard::model::Origin;
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
            let origin = Chunk::whole(Origin::named("x"));
            to_findings(&set, ex.as_bytes(), &mut candidates, origin, &mut findings);
            let line_col = |f: &leakguard::model::Finding| (f.span.line, f.span.column);
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

/// Rule-set hygiene: two rules of one provider that capture the same secret
/// are one rule written twice (which of them reports it is an accident of
/// order). Checked on every example: a provider's rules must not both
/// capture one span.
#[test]
fn no_two_rules_of_a_provider_capture_the_same_span() {
    use leakguard::detect::{Detector, Scratch};
    let set = Arc::new(RuleSet::new(load_builtin().unwrap()).unwrap());
    let detector = Detector::new(set.clone());
    let mut scratch = Scratch::default();
    let mut twins = std::collections::BTreeSet::new();
    for rule in set.rules() {
        for ex in &rule.examples {
            let mut candidates = Vec::new();
            detector.detect(ex.as_bytes(), &mut scratch, &mut candidates);
            for (i, a) in candidates.iter().enumerate() {
                for b in &candidates[i + 1..] {
                    let (ra, rb) = (&set.rules()[a.rule], &set.rules()[b.rule]);
                    if a.secret == b.secret
                        && ra.id != rb.id
                        && !ra.provider.is_empty()
                        && ra.provider == rb.provider
                    {
                        let (x, y) = if ra.id < rb.id { (ra, rb) } else { (rb, ra) };
                        twins.insert(format!("{} / {} ({})", x.id, y.id, x.provider));
                    }
                }
            }
        }
    }
    assert!(
        twins.is_empty(),
        "rules of one provider capturing the same span:\n{}",
        twins.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The syntaxes a keyword-context example is written in: a value found by
/// its provider's name must be found however people write it down.
fn example_syntaxes(example: &str) -> std::collections::BTreeSet<&'static str> {
    use regex::Regex;
    use std::sync::OnceLock;
    static SYNTAXES: OnceLock<Vec<(&'static str, Regex, Option<Regex>)>> = OnceLock::new();
    let syntaxes = SYNTAXES.get_or_init(|| {
        let re = |s: &str| Regex::new(s).unwrap();
        vec![
            ("shell", re(r"^(?:(?:export|set|setx)\s+[A-Za-z_]|\$\s)"), None),
            ("dotenv", re(r"^[A-Za-z_][A-Za-z0-9_.]*="), None),
            ("yaml", re(r"^(?:- )?[A-Za-z_][A-Za-z0-9_.-]*:\s"), None),
            ("json", re(r#""[A-Za-z_][\w.-]*"\s*:\s*""#), None),
            (
                "xml",
                re(r#"<[A-Za-z][\w:.-]*(?:\s[^>]*)?>[^<]+</|(?i)<[A-Za-z][^>]*\s(?:value|key|password)=["']"#),
                None,
            ),
            (
                "code",
                re(r#"\b(?:const|let|var|val|def|final|static|private|public|string|String)\b[^=]*=|:=|\w\s*=>?\s*["']"#),
                Some(re(r"^[A-Za-z_][A-Za-z0-9_.]*=")),
            ),
            (
                "cli",
                re(r#"^[a-z].*?(?:^|\s)--?[A-Za-z][\w-]*(?:\s+|=)["']?\S"#),
                Some(re(r"^\w+\s*[:=]")),
            ),
        ]
    });
    let line = example.trim();
    syntaxes
        .iter()
        .filter(|(_, is, unless)| {
            is.is_match(line) && !unless.as_ref().is_some_and(|u| u.is_match(line))
        })
        .map(|(name, _, _)| *name)
        .collect()
}

/// Keyword-context rules (a provider's name shortly before a value with no
/// prefix of its own: 32 hex, a UUID) show, in their examples, that they
/// find the value in at least four of shell, dotenv, YAML, JSON, XML, code
/// assignments and command-line flags.
#[test]
fn keyword_context_rules_cover_four_syntaxes() {
    // Rules whose context is a fixed format, not an assignment: a file's
    // structure, a URL, a request header.
    const FIXED_CONTEXT: &[(&str, &str)] = &[
        ("box-app-config-client-secret", "Box's app config.json"),
        (
            "gcp-service-account-private-key",
            "a service-account key file",
        ),
        (
            "linode-api-bearer-token",
            "an Authorization header to api.linode.com",
        ),
        ("telegram-bot-api-url", "the token inside a Bot API URL"),
        (
            "travis-api-token-header",
            "an Authorization header with Travis-API-Version",
        ),
        (
            "vultr-api-bearer-token",
            "an Authorization header to api.vultr.com",
        ),
        ("weights-and-biases-netrc-api-key", "a .netrc machine entry"),
    ];
    let mut checked = 0;
    let mut short = Vec::new();
    for rule in load_builtin().unwrap() {
        if rule.kind != leakguard::rules::RuleKind::Provider
            || !rule.paths.is_empty()
            || rule.report_at_match
            || FORMAT_FILES.iter().any(|f| rule.source.ends_with(f))
            || FIXED_CONTEXT.iter().any(|(id, _)| *id == rule.id)
        {
            continue;
        }
        let re = regex::bytes::Regex::new(&rule.pattern).unwrap();
        let keywords: Vec<&str> = rule
            .keywords
            .iter()
            .map(String::as_str)
            .filter(|k| k.len() >= 3)
            .collect();
        // Judged on the first example the regex matches: the text between
        // the match's start and the secret names the provider.
        let Some(caps) = rule
            .examples
            .iter()
            .find_map(|ex| re.captures(ex.as_bytes()))
        else {
            continue;
        };
        let (whole, secret) = (caps.get(0).unwrap(), caps.name("secret").unwrap());
        let before = String::from_utf8_lossy(&whole.as_bytes()[..secret.start() - whole.start()])
            .to_ascii_lowercase();
        let secret = String::from_utf8_lossy(secret.as_bytes()).to_ascii_lowercase();
        let prefixed = keywords.iter().any(|k| secret.starts_with(k));
        let keyword_context = !prefixed
            && !before.is_empty()
            && !before.contains("://")
            && !before.contains(['@', ';'])
            && keywords.iter().any(|k| before.contains(k));
        if !keyword_context {
            continue;
        }
        checked += 1;
        let covered: std::collections::BTreeSet<_> = rule
            .examples
            .iter()
            .flat_map(|ex| example_syntaxes(ex))
            .collect();
        if covered.len() < 4 {
            short.push(format!("{} ({}): {:?}", rule.id, rule.source, covered));
        }
    }
    assert!(
        checked >= 120,
        "only {checked} keyword-context rules recognised"
    );
    assert!(
        short.is_empty(),
        "keyword-context rules with examples in fewer than four syntaxes:\n{}",
        short.join("\n")
    );
}
