//! SARIF output: validates against the official 2.1.0 schema (kept in
//! fixtures/) and carries what GitHub code scanning needs.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command as Std;
use tempfile::TempDir;

const SECRET: &str = "tt_Qm7vX2kLp9Rz4Wt8Nb3H";

fn validate(log: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Std::new(common::python::python())
        .arg(root.join("tests/support/validate_sarif.py"))
        .arg(root.join("fixtures/sarif-schema-2.1.0.json"))
        .arg(log)
        .output()
        .expect("the tests' python runs (tests/common/python.rs installs jsonschema)");
    assert!(
        out.status.success(),
        "SARIF does not validate:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn sarif(args: &[&str], dir: &Path) -> Value {
    let log = dir.join("out.sarif");
    leakguard()
        .arg("scan")
        .args(args)
        .args(["--format", "sarif", "-o", log.to_str().unwrap()])
        .assert()
        .code(1);
    validate(&log);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.contains(SECRET), "SARIF leaked the secret");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn file_scan_sarif_is_valid_and_complete() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "rules.toml", test_rule("high"));
    write(
        dir.path(),
        "src/dir with space/app.py",
        format!("x = 1\nTOKEN = \"{SECRET}\"\n"),
    );
    write(
        dir.path(),
        "src/b.cfg",
        format!("DB_PASSWORD=Wn4t8Qk2Rz7p\nT={SECRET}\n"),
    );
    let rules = dir.path().join("rules.toml");
    let log = sarif(
        &[
            dir.path().join("src").to_str().unwrap(),
            "--rules",
            rules.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "leakguard");
    assert!(driver["version"].is_string() && driver["informationUri"].is_string());
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["generic-password-unquoted", "test-token"]);
    let test_rule = &driver["rules"][1];
    assert_eq!(test_rule["properties"]["security-severity"], "8.0");
    assert!(test_rule["help"]["text"]
        .as_str()
        .unwrap()
        .contains("rotate"));
    assert!(
        test_rule["shortDescription"]["text"].is_string()
            && test_rule["fullDescription"]["text"].is_string()
    );

    let results = runs[0]["results"].as_array().unwrap();
    let summary: Vec<(String, String, String, i64)> = results
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["level"].as_str().unwrap().to_string(),
                loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                loc["region"]["startLine"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("test-token".into(), "error".into(), "b.cfg".into(), 2),
            (
                "test-token".into(),
                "error".into(),
                "dir%20with%20space/app.py".into(),
                2
            ),
            (
                "generic-password-unquoted".into(),
                "warning".into(),
                "b.cfg".into(),
                1
            ),
        ]
    );
    let first = &results[0];
    assert_eq!(first["ruleIndex"], 1);
    let region = &first["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startColumn"].as_i64(), region["endColumn"].as_i64()),
        (Some(3), Some(26))
    );
    assert_eq!(region["snippet"]["text"], "T=tt_Q…");
    assert_eq!(
        first["partialFingerprints"]["leakguardFingerprint/v2"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
    assert!(first["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Test token (high severity) leaked."));
}

#[test]
fn fingerprint_survives_moving_the_line() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "rules.toml", test_rule("high"));
    let rules = dir.path().join("rules.toml");
    let src = dir.path().join("src");
    write(&src, "a.txt", format!("T={SECRET}\n"));
    let before = sarif(
        &[src.to_str().unwrap(), "--rules", rules.to_str().unwrap()],
        dir.path(),
    );
    write(&src, "a.txt", format!("new line\n\n  T={SECRET}\n"));
    let after = sarif(
        &[src.to_str().unwrap(), "--rules", rules.to_str().unwrap()],
        dir.path(),
    );
    let fp = |l: &Value| l["runs"][0]["results"][0]["partialFingerprints"].clone();
    assert_eq!(fp(&before), fp(&after));
}

#[test]
fn history_sarif_has_commit_and_provenance() {
    let dir = TempDir::new().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    let git = |args: &[&str]| {
        let ok = Std::new("git")
            .args([
                "-c",
                "user.name=Ann",
                "-c",
                "user.email=ann@example.org",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(&repo)
            .env("GIT_AUTHOR_DATE", "2024-05-01T12:00:00Z")
            .env("GIT_COMMITTER_DATE", "2024-05-01T12:00:00Z")
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    write(&repo, "config.env", "DB_PASSWORD=Wn4t8Qk2Rz7p\n");
    git(&["add", "."]);
    git(&["commit", "-qm", "add config"]);
    git(&[
        "remote",
        "add",
        "origin",
        "https://deploy:hunter22@git.example.org/acme/app.git",
    ]);
    let log = sarif(&["--git", repo.to_str().unwrap()], dir.path());
    let run = &log["runs"][0];
    let vcs = &run["versionControlProvenance"][0];
    assert_eq!(vcs["repositoryUri"], "https://git.example.org/acme/app.git");
    assert_eq!(vcs["branch"], "main");
    let commit = vcs["revisionId"].as_str().unwrap();
    assert_eq!(run["results"][0]["properties"]["commit"], commit);
    assert_eq!(run["results"][0]["properties"]["inHead"], true);
}

#[test]
fn archive_member_sarif_is_valid_with_parent_artifacts() {
    use std::io::Write;
    let dir = TempDir::new().unwrap();
    let tree = dir.path().join("tree");
    let mut inner = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    inner
        .start_file(
            "conf/app.properties",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    inner
        .write_all(format!("token={}\n", fake_github_token(30)).as_bytes())
        .unwrap();
    let jar = inner.finish().unwrap().into_inner();
    let mut outer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    outer
        .start_file("lib/app.jar", zip::write::SimpleFileOptions::default())
        .unwrap();
    outer.write_all(&jar).unwrap();
    write(
        &tree,
        "dist/bundle.zip",
        outer.finish().unwrap().into_inner(),
    );
    let log = sarif(&[tree.to_str().unwrap()], dir.path());
    let run = &log["runs"][0];
    let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        location["uri"],
        "dist/bundle.zip!lib/app.jar!conf/app.properties"
    );
    assert_eq!(run["artifacts"].as_array().unwrap().len(), 3);
}
