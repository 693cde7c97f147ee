//! Configuration, allowlists, baselines and migration from gitleaks and
//! detect-secrets, on the real binary.

mod common;

use common::*;
use predicates::prelude::*;
use sha1::Digest;
use std::path::Path;
use tempfile::TempDir;

const SECRET: &str = "tt_Qm7vX2kLp9Rz4Wt8Nb3H";
const OTHER: &str = "tt_Zr8wK3mLq9Xv2Tn7Bp4Y";

/// A directory with a rule file and a `src/` tree with two secrets.
fn project() -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "rules.toml", test_rule("high"));
    write(dir.path(), "src/app.py", format!("A = \"{SECRET}\"\n"));
    write(
        dir.path(),
        "src/tests/fixture.py",
        format!("B = \"{OTHER}\"\n"),
    );
    dir
}

fn scan_in(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let rules = dir.join("rules.toml");
    let src = dir.join("src");
    let mut args = vec![src.to_str().unwrap(), "--rules", rules.to_str().unwrap()];
    args.extend_from_slice(extra);
    scan_json(&args)
}

fn paths(report: &serde_json::Value) -> Vec<String> {
    findings(report).into_iter().map(|f| f.1).collect()
}

#[test]
fn config_allowlists_by_path_regex_and_stopword() {
    let dir = project();
    let cfg = dir.path().join("cfg.toml");
    let c = cfg.to_str().unwrap();
    std::fs::write(&cfg, "[allowlist]\npaths = [\"tests/**\"]\n").unwrap();
    let (_, r) = scan_in(dir.path(), &["--config", c]);
    assert_eq!(paths(&r), vec!["app.py"]);
    assert_eq!(r["stats"]["suppressed"]["allowlist"], 1);

    std::fs::write(&cfg, "[allowlist]\nregexes = ['''^tt_Qm7v''']\n").unwrap();
    assert_eq!(
        paths(&scan_in(dir.path(), &["--config", c]).1),
        vec!["tests/fixture.py"]
    );

    std::fs::write(&cfg, "[allowlist]\nstopwords = [\"ZR8W\"]\n").unwrap();
    assert_eq!(
        paths(&scan_in(dir.path(), &["--config", c]).1),
        vec!["app.py"]
    );

    std::fs::write(
        &cfg,
        "[rule.test-token]\nallowlist = { paths = [\"app.py\"] }\n",
    )
    .unwrap();
    assert_eq!(
        paths(&scan_in(dir.path(), &["--config", c]).1),
        vec!["tests/fixture.py"]
    );
}

#[test]
fn config_severity_override_disabled_rules_fail_on_and_size() {
    let dir = project();
    let cfg = dir.path().join("cfg.toml");
    let c = cfg.to_str().unwrap();
    std::fs::write(
        &cfg,
        "fail_on = \"high\"\n[rule.test-token]\nseverity = \"low\"\n",
    )
    .unwrap();
    let (code, r) = scan_in(dir.path(), &["--config", c]);
    assert_eq!(code, 0, "low findings under fail_on=high");
    assert_eq!(r["findings"][0]["severity"], "low");
    let (code, _) = scan_in(dir.path(), &["--config", c, "--fail-on", "low"]);
    assert_eq!(code, 1, "--fail-on overrides the config");

    std::fs::write(&cfg, "disabled_rules = [\"test-token\"]\n").unwrap();
    assert_eq!(
        scan_in(dir.path(), &["--config", c]).1["findings"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    std::fs::write(&cfg, "max_file_size = 10\n").unwrap();
    let (_, r) = scan_in(dir.path(), &["--config", c]);
    assert_eq!(r["stats"]["skipped"]["too_large"], 2);
}

#[test]
fn config_extra_rules_are_relative_to_the_config_file() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "conf/extra/rules.toml", test_rule("critical"));
    write(
        dir.path(),
        "conf/lg.toml",
        "rules = [\"extra/rules.toml\"]\n",
    );
    write(dir.path(), "src/a.txt", SECRET);
    let cfg = dir.path().join("conf/lg.toml");
    let (_, r) = scan_json(&[
        dir.path().join("src").to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ]);
    assert_eq!(r["findings"][0]["severity"], "critical");
}

#[test]
fn leakguard_toml_at_repository_root_is_found() {
    let dir = project();
    std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    write(
        dir.path(),
        ".leakguard.toml",
        "[allowlist]\npaths = [\"src/tests/**\"]\n",
    );
    // src/ is scanned (from inside it): the allowlist, written relative to
    // the repository, still matches src/tests/, and paths are shown as
    // typed from src/.
    let (_, r) = scan_in(dir.path(), &[]);
    assert_eq!(paths(&r), vec!["app.py"]);
}

#[test]
fn bad_config_is_one_line_naming_file_line_and_key() {
    let dir = project();
    let cfg = dir.path().join("cfg.toml");
    let c = cfg.to_str().unwrap();
    let rules = dir.path().join("rules.toml");
    let check = |content: &str, expect: &[&str]| {
        std::fs::write(&cfg, content).unwrap();
        let out = leakguard()
            .args([
                "scan",
                ".",
                "--config",
                c,
                "--rules",
                rules.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{content}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        for e in expect {
            assert!(err.contains(e), "{content}: expected {e:?} in {err}");
        }
    };
    check(
        "fail_on = \"high\"\nfailon = \"low\"\n",
        &["cfg.toml", "line 2", "failon"],
    );
    check(
        "[allowlist]\nglobs = []\n",
        &["cfg.toml", "line 2", "globs"],
    );
    check("fail_on = \"often\"\n", &["cfg.toml", "fail_on"]);
    check(
        "disabled_rules = [\"no-such-rule\"]\n",
        &["cfg.toml", "line 1", "disabled_rules", "no-such-rule"],
    );
    check(
        "fail_on = \"high\"\n\n[rule.nope]\nseverity = \"low\"\n",
        &["cfg.toml", "line 3", "nope"],
    );
    check(
        "disabled_rules = [\n  \"aws-access-key-id\",\n  \"aws-access-key\",\n]\n",
        &["cfg.toml", "line 3", "'aws-access-key'"],
    );
    check(
        "[allowlist]\npaths = [\"a/{b\"]\n",
        &["cfg.toml", "allowlist", "a/{b"],
    );
    check("max_file_size = \"big\"\n", &["cfg.toml", "max_file_size"]);
    leakguard()
        .args(["scan", ".", "--config", "/no/such/leakguard.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "leakguard: config /no/such/leakguard.toml: cannot read",
        ));
}

#[test]
fn baseline_create_then_scan_reports_only_new_findings() {
    let dir = project();
    let rules = dir.path().join("rules.toml");
    let src = dir.path().join("src");
    let base = dir.path().join("baseline.json");
    let create = |out: &Path| {
        leakguard()
            .args([
                "baseline",
                "create",
                src.to_str().unwrap(),
                "--rules",
                rules.to_str().unwrap(),
                "-o",
            ])
            .arg(out)
            .assert()
            .code(0);
    };
    create(&base);
    let text = std::fs::read_to_string(&base).unwrap();
    assert!(
        !text.contains(SECRET) && !text.contains(OTHER),
        "baseline holds no secrets"
    );
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["fingerprints"]["scheme"], "argon2id");
    assert_eq!(
        doc["fingerprints"]["salt"]["hex"].as_str().unwrap().len(),
        32
    );
    let entries: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        entries,
        vec!["app.py", "tests/fixture.py"],
        "sorted by path"
    );

    // Deterministic: making the baseline again over itself writes the same
    // bytes (the salt is the file's own; a new file gets a new salt).
    let again = dir.path().join("baseline2.json");
    std::fs::copy(&base, &again).unwrap();
    create(&again);
    assert_eq!(text, std::fs::read_to_string(&again).unwrap());

    let b = base.to_str().unwrap();
    let (code, r) = scan_in(dir.path(), &["--baseline", b]);
    assert_eq!((code, paths(&r).len()), (0, 0));
    assert_eq!(r["stats"]["suppressed"]["baseline"], 2);

    // Moving a known secret to another line keeps it suppressed; a new one is reported.
    write(
        dir.path(),
        "src/app.py",
        format!("import os\n\n\nA = \"{SECRET}\"\nC = \"tt_Nw4rT8kLm2Xq7Vb3Zp9H\"\n"),
    );
    let (code, r) = scan_in(dir.path(), &["--baseline", b]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&r),
        vec![("test-token".into(), "app.py".into(), 5)]
    );
}

#[test]
fn bad_baseline_is_one_line_exit_2() {
    let dir = project();
    let base = dir.path().join("b.json");
    for (content, expect) in [
        (
            "{\"version\": 1, \"findings\": [{\"path\": \"a\"}]}",
            "missing field `rule_id`",
        ),
        ("{\"version\": 1, \"findings\": [], \"extra\": 1}", "extra"),
        ("{\"version\": 9, \"findings\": []}", "version"),
        ("{\"version\": 1,\n \"findings\": [", "line 2"),
    ] {
        std::fs::write(&base, content).unwrap();
        let out = leakguard()
            .args(["scan", ".", "--baseline"])
            .arg(&base)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{content}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("b.json") && err.contains(expect),
            "{content}: {err}"
        );
    }
}

#[test]
fn gitleaks_allowlist_is_imported() {
    let dir = project();
    write(
        dir.path(),
        ".gitleaks.toml",
        r#"title = "gitleaks config"
[extend]
useDefault = true

[allowlist]
description = "test fixtures"
paths = ['''(^|/)tests/''']
regexes = ['''^tt_Nw4r''']
"#,
    );
    write(
        dir.path(),
        "src/more.py",
        "X = \"tt_Nw4rT8kLm2Xq7Vb3Zp9H\"\n",
    );
    write(
        dir.path(),
        "lg.toml",
        "gitleaks_config = \".gitleaks.toml\"\n",
    );
    let cfg = dir.path().join("lg.toml");
    let (_, r) = scan_in(dir.path(), &["--config", cfg.to_str().unwrap()]);
    assert_eq!(paths(&r), vec!["app.py"]);
    assert_eq!(r["stats"]["suppressed"]["allowlist"], 2);
}

#[test]
fn gitleaksignore_suppresses_by_file_and_line() {
    let dir = project();
    write(
        dir.path(),
        ".gitleaksignore",
        "# reviewed\napp.py:generic-api-key:1\ntests/fixture.py:generic-api-key:7\n",
    );
    let ign = dir.path().join(".gitleaksignore");
    let (_, r) = scan_in(dir.path(), &["--baseline", ign.to_str().unwrap()]);
    assert_eq!(
        paths(&r),
        vec!["tests/fixture.py"],
        "line 7 does not match line 1"
    );
}

#[test]
fn detect_secrets_baseline_suppresses_same_locations() {
    let dir = project();
    let sha1 = hex::encode(sha1::Sha1::digest(OTHER.as_bytes()));
    let doc = serde_json::json!({
        "version": "1.5.0",
        "plugins_used": [{"name": "KeywordDetector"}],
        "filters_used": [],
        "results": {
            "app.py": [{"type": "Secret Keyword", "filename": "app.py", "hashed_secret": "0000000000000000000000000000000000000000", "is_verified": false, "line_number": 1}],
            "tests/fixture.py": [{"type": "Secret Keyword", "filename": "tests/fixture.py", "hashed_secret": sha1, "is_verified": false, "line_number": 99}]
        },
        "generated_at": "2024-01-01T00:00:00Z"
    });
    write(
        dir.path(),
        ".secrets.baseline",
        serde_json::to_string_pretty(&doc).unwrap(),
    );
    let b = dir.path().join(".secrets.baseline");
    let (code, r) = scan_in(dir.path(), &["--baseline", b.to_str().unwrap()]);
    assert_eq!(
        (code, paths(&r).len()),
        (0, 0),
        "app.py by line, fixture.py by hashed secret: {r}"
    );
}

/// A baseline of the first layout (unkeyed SHA-256 fingerprints) is still
/// read; `baseline create --update` rewrites it in the current layout,
/// keeping what it accepted, and the result suppresses the same findings.
#[test]
fn first_layout_baselines_are_read_and_migrated_by_update() {
    use sha2::Digest;
    let dir = project();
    let legacy = dir.path().join("old-baseline.json");
    let old_fp = hex::encode(sha2::Sha256::digest(format!("test-token{SECRET}")));
    std::fs::write(
        &legacy,
        format!(
            "{{\"version\": 1, \"findings\": [{{\"path\": \"app.py\", \"rule_id\": \"test-token\", \"fingerprint\": \"{old_fp}\"}}]}}"
        ),
    )
    .unwrap();
    let b = legacy.to_str().unwrap();
    let (code, r) = scan_in(dir.path(), &["--baseline", b]);
    assert_eq!((code, paths(&r)), (1, vec!["tests/fixture.py".to_string()]));
    assert_eq!(r["stats"]["suppressed"]["baseline"], 1);

    // --update on the old file: it now holds both findings in layout 2 …
    leakguard()
        .args(["baseline", "create", "--update", "-o", b, "--rules"])
        .arg(dir.path().join("rules.toml"))
        .arg(dir.path().join("src"))
        .assert()
        .code(0);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&legacy).unwrap()).unwrap();
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["fingerprints"]["scheme"], "argon2id");
    assert_eq!(doc["findings"].as_array().unwrap().len(), 2);
    assert!(!doc.to_string().contains(&old_fp));
    // … which suppresses both, and an update that finds one fewer keeps the
    // entry it no longer sees (same salt: the layout is current).
    let (code, r) = scan_in(dir.path(), &["--baseline", b]);
    assert_eq!(
        (code, r["stats"]["suppressed"]["baseline"].clone()),
        (0, 2.into())
    );
    std::fs::remove_file(dir.path().join("src/tests/fixture.py")).unwrap();
    leakguard()
        .args(["baseline", "create", "--update", "-o", b, "--rules"])
        .arg(dir.path().join("rules.toml"))
        .arg(dir.path().join("src"))
        .assert()
        .code(0);
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&legacy).unwrap()).unwrap();
    assert_eq!(again, doc);
}

/// Reports made with different salts cannot name one secret alike: a merge
/// says so; reports made with one organisation key can, and the merge
/// keeps that key's id.
#[test]
fn merge_recognises_shared_secrets_only_among_reports_made_alike() {
    let dir = project();
    let rules = dir.path().join("rules.toml");
    let src = dir.path().join("src");
    let report = |name: &str, key: Option<&str>, baseline: Option<&Path>| {
        let out = dir.path().join(name);
        let mut cmd = leakguard();
        cmd.args(["scan", "--format", "json", "--fail-on", "never", "--rules"])
            .arg(&rules)
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .env_remove("LEAKGUARD_FINGERPRINT_KEY");
        if let Some(b) = baseline {
            cmd.arg("--baseline").arg(b);
        }
        if let Some(k) = key {
            cmd.env("LEAKGUARD_FINGERPRINT_KEY", k);
        }
        cmd.assert().code(0);
        out
    };
    let salted_baseline = |name: &str| {
        // An empty baseline with its own salt.
        let path = dir.path().join(name);
        let salt: String = name.bytes().map(|b| format!("{b:02x}")).collect();
        std::fs::write(
            &path,
            format!("{{\"version\": 2, \"fingerprints\": {{\"scheme\": \"argon2id\", \"salt\": {{\"hex\": \"{salt}\"}}}}, \"findings\": []}}"),
        )
        .unwrap();
        path
    };
    let merge = |a: &Path, b: &Path| {
        let out = leakguard()
            .args(["report", "merge", "--format", "json", "--fail-on", "never"])
            .arg(a)
            .arg(b)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let a = report("a.json", None, Some(&salted_baseline("salt-one.json")));
    let b = report("b.json", None, Some(&salted_baseline("salt-two.json")));
    let mixed = merge(&a, &b);
    assert!(mixed.get("fingerprints").is_none());
    assert!(mixed["warnings"]
        .to_string()
        .contains("LEAKGUARD_FINGERPRINT_KEY"));
    let key = "the organisation's fingerprint key";
    let k1 = report("k1.json", Some(key), None);
    let k2 = report("k2.json", Some(key), None);
    let keyed = merge(&k1, &k2);
    assert_eq!(keyed["fingerprints"]["scheme"], "hmac-sha256");
    assert!(!keyed["warnings"]
        .to_string()
        .contains("LEAKGUARD_FINGERPRINT_KEY"));
    let fps: std::collections::HashSet<String> = keyed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        fps.len(),
        2,
        "each secret once per fingerprint across both reports"
    );
}
