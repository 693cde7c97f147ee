//! Fuzz harness bodies, shared by the cargo-fuzz targets in `fuzz/` and by
//! the corpus replay (`replay.rs`, a unit test), which replays the committed corpora as ordinary
//! tests so that a fixed crash stays fixed.
//!
//! Each function takes arbitrary bytes, runs one parser or pipeline stage on
//! them and panics when an invariant does not hold; a panic is what both
//! libFuzzer and the test harness report. The invariants are the contracts
//! the rest of the crate documents (spans in bounds, one-line errors, valid
//! JSON, no secret in redacted output), not merely "does not crash".
//!
//! Not a supported API: hidden from the docs, free to change.

#[cfg(test)]
mod replay;
use crate::config::Config;
use crate::detect::{Candidate, Detector, Scratch};
use crate::findings::{self, Chunk, FindingKind, LineCursor};
use crate::model::Origin;
use crate::model::Severity;
use crate::model::Verdict;
use crate::model::{CommitInfo, Finding, Fingerprint, Report, RuleInfo, Secret, Span, VcsInfo};
use crate::report::{self, json, sarif, Color, Redaction};
use crate::rules::{self, RuleSet};
use crate::suppress::baseline::{Baseline, BASELINE_VERSION};
use crate::suppress::Suppressions;
use serde_json::Value;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Secrets at least this long (in characters) must never appear in redacted
/// output. Shorter ones can legitimately coincide with ordinary text.
pub const LEAK_CHECK_MIN_CHARS: usize = 8;

/// Where fuzzed configs and baselines claim to live: a directory that does
/// not exist, so relative paths they name resolve to nothing and the harness
/// never reads the machine's files.
const NOWHERE: &str = "/nonexistent/leakguard-fuzz";

/// The built-in rules behind both kinds of detector, built once per process
/// (building the DFA takes far longer than one fuzz iteration).
struct Builtin {
    bulk: Detector,
    small: Detector,
}

fn builtin() -> &'static Builtin {
    static BUILTIN: OnceLock<Builtin> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let rules = Arc::new(
            RuleSet::new(rules::load_builtin().expect("built-in rules load"))
                .expect("built-in rule ids are unique"),
        );
        Builtin {
            bulk: Detector::new(rules.clone()),
            small: Detector::for_small_input(rules),
        }
    })
}

/// Detector target: every built-in rule over `data`, as a file scan runs
/// them (detect, then filters). Checks that candidate spans are in bounds
/// and nested, that both automaton kinds find the same candidates, and that
/// findings have sane positions, the right fingerprint and a masked context.
pub fn detector(data: &[u8]) {
    let b = builtin();
    let candidates = detect_checked(&b.bulk, data);
    let mut small = detect_checked(&b.small, data);
    let mut bulk = candidates.clone();
    sort_candidates(&mut bulk);
    sort_candidates(&mut small);
    assert_eq!(bulk, small, "DFA and contiguous-NFA detectors disagree");
    findings_checked(b.bulk.rules(), data, candidates);
}

/// Runs `detector` over `data` and checks each candidate's spans.
fn detect_checked(detector: &Detector, data: &[u8]) -> Vec<Candidate> {
    let mut out = Vec::new();
    detector.detect(data, &mut Scratch::default(), &mut out);
    let rules = detector.rules();
    for c in &out {
        assert!(c.rule < rules.len(), "rule index {} out of range", c.rule);
        assert!(
            c.matched.start <= c.matched.end && c.matched.end <= data.len(),
            "match {:?} outside 0..{}",
            c.matched,
            data.len()
        );
        assert!(
            c.matched.start <= c.secret.start && c.secret.end <= c.matched.end,
            "secret {:?} outside match {:?}",
            c.secret,
            c.matched
        );
        assert!(c.secret.start < c.secret.end, "empty secret {:?}", c.secret);
        assert!(
            c.entropy.is_finite() && (0.0..=8.0).contains(&c.entropy),
            "entropy {}",
            c.entropy
        );
    }
    out
}

fn sort_candidates(c: &mut [Candidate]) {
    c.sort_by_key(|c| (c.rule, c.secret.start, c.secret.end, c.matched.start));
}

/// Turns candidates into findings (as the scan pipeline does) and checks them.
fn findings_checked(rules: &RuleSet, data: &[u8], mut candidates: Vec<Candidate>) {
    let mut findings = Vec::new();
    let origin = Chunk::whole(Origin::named("fuzz/input.txt"));
    findings::to_findings(rules, data, &mut candidates, origin, &mut findings);
    assert!(candidates.is_empty(), "to_findings consumes its candidates");
    let lines = memchr::memchr_iter(b'\n', data).count() as u64 + 1;
    for f in &findings {
        check_finding(f, lines);
    }
}

/// What every finding must satisfy, however it was made.
fn check_finding(f: &Finding, lines: u64) {
    let s = f.span;
    assert!(s.line >= 1 && s.column >= 1, "span {s:?} not 1-based");
    assert!(s.end_line >= s.line && s.end_line <= lines, "span {s:?}");
    assert!(
        s.end_line > s.line || s.end_column > s.column,
        "span {s:?} ends before it starts"
    );
    assert_eq!(
        f.fingerprint,
        Fingerprint::new(&f.rule_id, &f.secret),
        "fingerprint"
    );
    assert!(
        !f.context.chars().any(char::is_control),
        "control character in context"
    );
    if f.secret.char_len() >= LEAK_CHECK_MIN_CHARS {
        assert!(
            !f.context.contains(f.secret.expose()),
            "context of a {} finding shows its secret",
            f.rule_id
        );
    }
}

/// Rule-file target: `data` as a user rule file. Parsing returns rules or
/// a one-line error, never panics; parsed rules build a rule set and run
/// their own examples through a detector with the same span checks.
pub fn rule_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = match rules::parse_rule_file("fuzz.toml", text) {
        Ok(parsed) => parsed,
        Err(e) => return assert_one_line(&e.to_string()),
    };
    let set = match RuleSet::new(parsed) {
        Ok(set) => Arc::new(set),
        Err(e) => return assert_one_line(&e.to_string()),
    };
    let detector = Detector::for_small_input(set.clone());
    for rule in set.rules() {
        let compiled = rule.compiled();
        assert!(
            compiled.secret_group
                < compiled
                    .regex
                    .group_info()
                    .group_len(regex_automata::PatternID::ZERO)
        );
        for example in rule.examples.iter().chain(&rule.negative_examples) {
            let candidates = detect_checked(&detector, example.as_bytes());
            findings_checked(&set, example.as_bytes(), candidates);
        }
    }
}

/// Config target: `data` as `.leakguard.toml`. Parsing returns a config or
/// a one-line error; a parsed config's allowlists then suppress findings
/// without losing count of any.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if names_absolute_gitleaks_config(text) {
        // It would be read from the machine (possibly /dev/zero); the
        // harness stays hermetic.
        return;
    }
    let path = Path::new(NOWHERE).join(crate::config::CONFIG_FILE_NAME);
    match Config::parse(&path, text) {
        Ok(config) => {
            let _ = config.mentioned_rule_ids();
            let suppressions = config.suppressions();
            let mut report = sample_report();
            apply_counted(&suppressions, &mut report);
        }
        Err(e) => assert_one_line(&e.to_string()),
    }
}

/// Whether the config names a gitleaks config by absolute path.
fn names_absolute_gitleaks_config(text: &str) -> bool {
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return false;
    };
    table
        .get("gitleaks_config")
        .and_then(|v| v.as_str())
        .is_some_and(|p| Path::new(p).is_absolute())
}

/// Baseline target: `data` as a baseline file, under a JSON name and under
/// `.gitleaksignore` (the loader picks the format by content and name).
/// Loading returns suppressions or a one-line error; leakguard's own layout
/// writes back identically, and every fingerprint or location a loaded
/// baseline names suppresses the finding it describes.
pub fn baseline(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["baseline.json", ".gitleaksignore"] {
        let path = Path::new(NOWHERE).join(name);
        let mut suppressions = Suppressions::default();
        match suppressions.add_baseline_text(&path, text) {
            Ok(()) => {
                let mut report = baseline_report(&path, text);
                let total = report.findings.len() as u64;
                apply_counted(&suppressions, &mut report);
                assert_eq!(
                    report.stats.suppressed.baseline, total,
                    "a finding the baseline names was not suppressed"
                );
            }
            Err(e) => assert_one_line(&e.to_string()),
        }
    }
    if let Ok(b) = serde_json::from_str::<Baseline>(text) {
        let mut out = Vec::new();
        b.write(&mut out).expect("writing to a Vec");
        let back: Baseline = serde_json::from_slice(&out).expect("baseline output is JSON");
        assert_eq!(back, b, "baseline does not round-trip");
    }
}

/// Findings that the baseline in `text` names (by fingerprint, or by path
/// and line), so loading it must suppress every one of them.
fn baseline_report(path: &Path, text: &str) -> Report {
    let mut report = Report::default();
    if let Ok(b) = serde_json::from_str::<Baseline>(text) {
        if b.version == BASELINE_VERSION {
            for e in b.findings {
                let mut f = plain_finding(&e.path, 1);
                f.fingerprint = Fingerprint::from_hex(e.fingerprint);
                report.findings.push(f);
            }
        }
        return report;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) if v.get("results").is_some() => {
            if let Ok(l) = crate::suppress::import::parse_detect_secrets(path, text) {
                for (file, line, _) in l.at {
                    report.findings.push(plain_finding(&file, line));
                }
            }
        }
        Ok(_) => {}
        Err(_) => {
            if let Ok(l) = crate::suppress::import::parse_gitleaksignore(path, text) {
                for (file, line, commit) in l.at {
                    let mut f = plain_finding(&file, line);
                    f.commit = commit.map(|id| CommitInfo {
                        id,
                        author: String::new(),
                        date: String::new(),
                    });
                    report.findings.push(f);
                }
            }
        }
    }
    report
}

/// A finding with no secret of interest at `path`, `line`.
fn plain_finding(path: &str, line: u64) -> Finding {
    let secret = Secret::from_bytes(b"fuzz-placeholder");
    Finding {
        rule_id: "fuzz-rule".into(),
        rule_name: "Fuzz rule".into(),
        severity: Severity::Medium,
        confidence: crate::model::Confidence::Medium,
        path: path.into(),
        repo_path: path.into(),
        allowed_inline: false,
        decoded: Vec::new(),
        span: Span {
            line,
            column: 1,
            end_line: line,
            end_column: 2,
        },
        fingerprint: Fingerprint::new("fuzz-rule", &secret),
        context: String::new(),
        secret,
        entropy: 0.0,
        commit: None,
        repository: None,
        in_head: None,
        vault: None,
    }
}

/// A few findings of different paths and secrets for allowlists to judge.
fn sample_report() -> Report {
    let mut report = Report::default();
    for (path, secret) in [
        ("src/main.rs", "fuzz_token_Ab3dE9gH1jK2"),
        ("tests/fixtures/a.env", "FAKE-0123456789abcdef"),
        ("docs/readme.md", "x"),
    ] {
        let mut f = plain_finding(path, 3);
        f.secret = Secret::from_bytes(secret.as_bytes());
        report.findings.push(f);
    }
    report
}

/// Applies `suppressions` and checks that every finding is either kept or counted.
fn apply_counted(suppressions: &Suppressions, report: &mut Report) {
    let before = report.findings.len() as u64;
    suppressions.apply(report);
    let s = &report.stats.suppressed;
    assert_eq!(
        report.findings.len() as u64 + s.allowlist + s.baseline,
        before,
        "suppression lost a finding"
    );
}

/// Asserts the error-message contract: one line, no control characters
/// (an untrusted file must not be able to rewrite the terminal line).
fn assert_one_line(message: &str) {
    assert!(!message.is_empty(), "empty error message");
    assert!(
        !message.chars().any(char::is_control),
        "error message is not one printable line: {message:?}"
    );
}

/// Report target: a report built from fuzz-chosen rules, paths, lines and
/// secrets (findings made by the real filter stage), written as JSON and
/// SARIF, redacted and in clear. Both must parse back as JSON with the same
/// findings, paths and (in clear) secrets; redacted output must not contain
/// any secret of [`LEAK_CHECK_MIN_CHARS`] or more that the report's other
/// text does not already contain.
pub fn report_round_trip(data: &[u8]) {
    let report = fuzzed_report(&mut Input(data));
    for f in &report.findings {
        assert_eq!(f.fingerprint, Fingerprint::new(&f.rule_id, &f.secret));
    }
    let redacted_json = parse_written(&report, json::write, Redaction::Redacted);
    let clear_json = parse_written(&report, json::write, Redaction::Clear);
    let redacted_sarif = parse_written(&report, sarif::write, Redaction::Redacted);
    let clear_sarif = parse_written(&report, sarif::write, Redaction::Clear);
    check_json(&report, &redacted_json, Redaction::Redacted);
    check_json(&report, &clear_json, Redaction::Clear);
    check_sarif(&report, &redacted_sarif);
    check_sarif(&report, &clear_sarif);
    for color in [Color::Never, Color::Always] {
        for redaction in [Redaction::Redacted, Redaction::Clear] {
            let options = report::WriteOptions {
                format: report::Format::Text,
                redaction,
                color,
            };
            report::write(&report, &options, &mut Vec::new()).expect("writing to a Vec");
        }
    }

    // What the report says without any secret-derived text: if a secret is
    // in there (a path, a rule name, the writer's own words), its presence
    // in the output says nothing.
    let mut blank = report.clone();
    for f in &mut blank.findings {
        f.secret = Secret::from_bytes(b"");
        f.context.clear();
    }
    let public = [
        parse_written(&blank, json::write, Redaction::Redacted),
        parse_written(&blank, sarif::write, Redaction::Redacted),
    ];
    for f in &report.findings {
        let secret = f.secret.expose();
        if f.secret.char_len() < LEAK_CHECK_MIN_CHARS || public.iter().any(|v| mentions(v, secret))
        {
            continue;
        }
        assert!(!mentions(&redacted_json, secret), "secret in redacted JSON");
        assert!(
            !mentions(&redacted_sarif, secret),
            "secret in redacted SARIF"
        );
    }
}

type Writer = fn(&Report, Redaction, &mut dyn std::io::Write) -> std::io::Result<()>;

fn parse_written(report: &Report, write: Writer, redaction: Redaction) -> Value {
    let mut out = Vec::new();
    write(report, redaction, &mut out).expect("writing to a Vec");
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("writer produced invalid JSON: {e}"))
}

/// Whether any string (key or value) in `v` contains `needle`.
fn mentions(v: &Value, needle: &str) -> bool {
    match v {
        Value::String(s) => s.contains(needle),
        Value::Array(a) => a.iter().any(|v| mentions(v, needle)),
        Value::Object(o) => o
            .iter()
            .any(|(k, v)| k.contains(needle) || mentions(v, needle)),
        _ => false,
    }
}

fn check_json(report: &Report, doc: &Value, redaction: Redaction) {
    let findings = doc["findings"].as_array().expect("findings array");
    assert_eq!(findings.len(), report.findings.len(), "JSON finding count");
    for (f, j) in report.findings.iter().zip(findings) {
        assert_eq!(j["path"].as_str(), Some(f.path.as_str()), "JSON path");
        assert_eq!(j["rule_id"].as_str(), Some(f.rule_id.as_str()));
        assert_eq!(j["line"].as_u64(), Some(f.span.line));
        assert_eq!(j["end_column"].as_u64(), Some(f.span.end_column));
        assert_eq!(j["fingerprint"].as_str(), Some(f.fingerprint.as_str()));
        let secret = j.get("secret").and_then(Value::as_str);
        match redaction {
            Redaction::Clear => assert_eq!(secret, Some(f.secret.expose()), "JSON secret"),
            Redaction::Redacted => assert!(j.get("secret").is_none(), "secret key when redacted"),
        }
    }
    assert_eq!(
        doc["warnings"].as_array().map(Vec::len),
        Some(report.warnings.len())
    );
}

fn check_sarif(report: &Report, doc: &Value) {
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(rules, report.rules.len(), "SARIF rule count");
    let results = run["results"].as_array().expect("SARIF results array");
    assert_eq!(results.len(), report.findings.len(), "SARIF result count");
    for (f, r) in report.findings.iter().zip(results) {
        assert_eq!(r["ruleId"].as_str(), Some(f.rule_id.as_str()));
        let location = &r["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"]
            .as_str()
            .expect("SARIF uri");
        assert_eq!(percent_decode(uri), f.path.as_bytes(), "SARIF uri");
        assert_eq!(location["region"]["startLine"].as_u64(), Some(f.span.line));
        let fingerprint = &r["partialFingerprints"][sarif::FINGERPRINT_KEY];
        assert_eq!(fingerprint.as_str(), Some(f.fingerprint.as_str()));
    }
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("escape is ASCII");
            out.push(u8::from_str_radix(hex, 16).expect("escape is hex"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Reads fuzz bytes as a sequence of choices; runs out into zeros and
/// empty strings, so every input builds some report.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    /// A length-prefixed run of bytes (at most 255).
    fn bytes(&mut self) -> &[u8] {
        let n = (self.byte() as usize).min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }

    fn string(&mut self) -> String {
        String::from_utf8_lossy(self.bytes()).into_owned()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Builds a report as a scan would: findings made by the filter stage from
/// a line of fuzz bytes around a fuzz secret, under fuzz rules and paths.
fn fuzzed_report(input: &mut Input<'_>) -> Report {
    let severity = |b: u8| Severity::ALL[b as usize % Severity::ALL.len()];
    let mut report = Report::default();
    for _ in 0..1 + input.byte() % 3 {
        report.rules.push(RuleInfo {
            id: input.string(),
            name: input.string(),
            description: input.string(),
            severity: severity(input.byte()),
            references: vec![input.string()],
        });
    }
    let count = input.byte() % 8;
    for _ in 0..count {
        if input.is_empty() {
            break;
        }
        let rule = input.byte() as usize;
        let (rule_id, rule_name) = match report.rules.get(rule % 4) {
            Some(r) => (r.id.clone(), r.name.clone()),
            None => ("fuzz-unlisted-rule".into(), "Unlisted".into()),
        };
        let path = input.string();
        let before = input.bytes().to_vec();
        let secret = input.bytes().to_vec();
        let after = input.bytes().to_vec();
        let flags = input.byte();
        if secret.is_empty() {
            continue;
        }
        let commit = (flags & 1 != 0).then(|| CommitInfo {
            id: hex::encode(input.bytes()),
            author: input.string(),
            date: input.string(),
        });
        let line = [before.as_slice(), &secret, &after].concat();
        let range = before.len()..before.len() + secret.len();
        let kind = FindingKind {
            rule_id: &rule_id,
            rule_name: &rule_name,
            severity: severity(flags >> 4),
            confidence: crate::model::Confidence::Medium,
            region_is_match: false,
        };
        let origin = Chunk::whole(Origin {
            commit: commit.as_ref(),
            ..Origin::named(&path)
        });
        let entropy = crate::detect::entropy::shannon(&secret);
        let mut f = findings::finding_at(
            kind,
            &line,
            range.clone(),
            range,
            entropy,
            origin,
            &mut LineCursor::default(),
        );
        check_finding(&f, memchr::memchr_iter(b'\n', &line).count() as u64 + 1);
        f.in_head = (flags & 2 != 0).then_some(flags & 4 != 0);
        f.vault = match flags >> 6 {
            0 => None,
            1 => Some(Verdict::Unmanaged),
            2 => Some(Verdict::ManagedCurrent {
                name: input.string(),
                version: input.string(),
            }),
            _ => Some(Verdict::ManagedSuperseded {
                name: input.string(),
                version: input.string(),
            }),
        };
        report.findings.push(f);
    }
    if input.byte() & 1 != 0 {
        report.vcs = Some(VcsInfo {
            repository_uri: input.string(),
            revision_id: Some(input.string()),
            branch: Some(input.string()),
        });
    }
    report.warnings.push(input.string());
    report.stats.files = u64::from(input.byte());
    report.normalize();
    report
}
