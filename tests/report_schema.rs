//! docs/report.schema.json (issue #21) describes every key leakguard writes:
//! the reports of a files scan, a history scan, a vault cross-check, a
//! merged report, `--no-redact`, and the lines of `--format jsonl` all
//! validate (JSON Schema 2020-12, Python jsonschema), and together they give
//! every nullable key a value; a report with an undocumented or missing key
//! does not validate.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json")
}

/// Runs the validator on `files`: (valid, what it printed).
fn validate(files: &[PathBuf]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(common::python::python())
        .arg(root.join("tests/support/validate_report.py"))
        .arg(schema())
        .args(files)
        .output()
        .expect("the tests' python runs (tests/common/python.rs installs jsonschema)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

/// `leakguard ARGS` from `dir`, stdout saved as `out`; exit code 0 or 1.
fn save(dir: &Path, args: &[&str], out: &Path) -> PathBuf {
    let result = leakguard().current_dir(dir).args(args).output().unwrap();
    assert!(
        matches!(result.status.code(), Some(0 | 1)),
        "leakguard {args:?}: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    std::fs::write(out, &result.stdout).unwrap();
    out.to_path_buf()
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A repository with history: a secret deleted, one kept, one encoded, and
/// an origin remote (source.repository, the merged report's repository).
fn repo(dir: &Path, seed: u8) -> PathBuf {
    let repo = dir.join(format!("repo{seed}"));
    std::fs::create_dir_all(&repo).unwrap();
    git_in(&repo, &["init", "-q", "-b", "main"], &[]);
    git_in(
        &repo,
        &[
            "remote",
            "add",
            "origin",
            &format!("https://github.com/acme/service{seed}.git"),
        ],
        &[],
    );
    write(
        &repo,
        "old.env",
        format!("GITHUB_TOKEN={}\n", fake_github_token(seed)),
    );
    git_in(&repo, &["add", "-A"], &[]);
    git_in(&repo, &["commit", "-q", "-m", "one"], &[]);
    std::fs::remove_file(repo.join("old.env")).unwrap();
    write(
        &repo,
        "app/config.env",
        format!(
            "GITHUB_TOKEN={}\nDB_PASSWORD=Vq8#mZ2!rT5wLp9x\n",
            fake_github_token(seed + 1)
        ),
    );
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD
        .encode(format!("token={}", fake_github_token(seed + 2)));
    write(
        &repo,
        "deploy/secret.yaml",
        format!("data:\n  blob: {encoded}\n"),
    );
    git_in(&repo, &["add", "-A"], &[]);
    git_in(&repo, &["commit", "-q", "-m", "two"], &[]);
    repo
}

#[test]
fn every_report_and_jsonl_line_validates_and_every_key_is_exercised() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample-tree");
    let repo1 = repo(out, 1);
    let repo2 = repo(out, 11);
    let vault = out.join("vault.env");
    std::fs::write(&vault, "DB_PASSWORD=Vq8#mZ2!rT5wLp9x\n").unwrap();
    let vault = format!("dotenv:{}", vault.display());

    let mut files = vec![
        save(
            &sample,
            &["scan", ".", "--format", "json"],
            &out.join("sample.json"),
        ),
        save(
            &sample,
            &["scan", ".", "--format", "json", "--no-redact"],
            &out.join("clear.json"),
        ),
        save(
            &sample,
            &["scan", ".", "--format", "jsonl"],
            &out.join("sample.jsonl"),
        ),
        save(
            &repo1,
            &["scan", "--git", ".", "--format", "json"],
            &out.join("h1.json"),
        ),
        save(
            &repo2,
            &["scan", "--git", ".", "--format", "json"],
            &out.join("h2.json"),
        ),
        save(
            &repo1,
            &[
                "scan", "--git", ".", "--since", "HEAD~1", "--format", "json",
            ],
            &out.join("since.json"),
        ),
        save(
            &repo1,
            &["scan", "--git", ".", "--format", "jsonl"],
            &out.join("h1.jsonl"),
        ),
        save(
            &repo1,
            &["scan", ".", "--vault", &vault, "--format", "json"],
            &out.join("vault.json"),
        ),
        save(
            &repo1,
            &["scan", "--git", ".", "--vault", &vault, "--format", "jsonl"],
            &out.join("vault.jsonl"),
        ),
    ];
    let merged = save(
        out,
        &["report", "merge", "h1.json", "h2.json", "--format", "json"],
        &out.join("merged.json"),
    );
    files.push(merged.clone());
    files.push(save(
        out,
        &["report", "merge", "h1.json", "h2.json", "--format", "jsonl"],
        &out.join("merged.jsonl"),
    ));
    let (valid, said) = validate(&files);
    assert!(valid, "reports do not validate against the schema:\n{said}");

    // The reports give every nullable key a value somewhere, so the schema
    // is checked on values, not only on nulls.
    let reports: Vec<Value> = [
        "sample.json",
        "clear.json",
        "h1.json",
        "vault.json",
        "merged.json",
        "since.json",
    ]
    .iter()
    .map(|f| read(&out.join(f)))
    .collect();
    let findings: Vec<&Value> = reports
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .collect();
    let some = |key: &str| findings.iter().any(|f| !f[key].is_null());
    for key in [
        "commit",
        "author",
        "date",
        "in_head",
        "vault",
        "decoded",
        "repository",
        "secret",
    ] {
        assert!(some(key), "no finding has a {key}");
    }
    assert!(findings.iter().any(|f| f["in_head"] == false));
    assert!(findings
        .iter()
        .any(|f| f["vault"]["verdict"] == "managed-current"));
    let sources: Vec<&Value> = reports.iter().map(|r| &r["source"]).collect();
    for key in ["repository", "root", "refs", "head", "branch", "started_at"] {
        assert!(
            sources.iter().any(|s| !s[key].is_null()),
            "no source has a {key}"
        );
    }
    assert!(reports.iter().any(|r| !r["stats"]["blobs"].is_null()));
    assert!(reports
        .iter()
        .any(|r| !r["rules"].as_array().unwrap().is_empty()));
    assert_eq!(read(&merged)["source"]["kind"], "merged");
}

/// The schema is strict: each of these changes to a valid report, or to a
/// valid jsonl line, makes it invalid.
#[test]
fn undocumented_missing_or_wrong_keys_do_not_validate() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let repo = repo(out, 21);
    let base = read(&save(
        &repo,
        &["scan", "--git", ".", "--format", "json"],
        &out.join("base.json"),
    ));
    let (valid, said) = validate(&[out.join("base.json")]);
    assert!(valid, "{said}");
    type Edit = fn(&mut Value);
    let edits: &[(&str, Edit)] = &[
        ("a finding key", |r| r["findings"][0]["extra"] = 1.into()),
        ("no in_head", |r| {
            r["findings"][0].as_object_mut().unwrap().remove("in_head");
        }),
        ("a stats key", |r| r["stats"]["secrets"] = 1.into()),
        ("a top-level key", |r| r["extra"] = Value::Null),
        ("a source key", |r| r["source"]["extra"] = Value::Null),
        ("version 3", |r| r["version"] = 3.into()),
        ("an unknown fingerprint scheme", |r| {
            r["fingerprints"] = serde_json::json!({"scheme": "sha256"})
        }),
        ("a severity", |r| {
            r["findings"][0]["severity"] = "severe".into()
        }),
        ("line 0", |r| r["findings"][0]["line"] = 0.into()),
        (
            "a vault key",
            |r| r["findings"][0]["vault"] = serde_json::json!({"verdict": "unmanaged", "name": null, "version": null, "value": "x"}),
        ),
    ];
    for (what, edit) in edits {
        let mut report = base.clone();
        edit(&mut report);
        let file = out.join("edited.json");
        std::fs::write(&file, report.to_string()).unwrap();
        assert!(!validate(&[file]).0, "{what}: still valid");
    }
    // A jsonl finding line with a key of its own, or a stats line with more
    // than stats.
    let finding = base["findings"][0].clone();
    let stats = serde_json::json!({ "stats": base["stats"] });
    let mut extra = finding.clone();
    extra["extra"] = 1.into();
    let mut more = stats.clone();
    more["findings"] = 1.into();
    for (what, lines) in [
        ("a line's key", vec![extra, stats.clone()]),
        ("a stats line's key", vec![finding.clone(), more]),
        ("no stats line", vec![finding.clone(), finding]),
    ] {
        let file = out.join("edited.jsonl");
        let text: Vec<String> = lines.iter().map(Value::to_string).collect();
        std::fs::write(&file, text.join("\n") + "\n").unwrap();
        assert!(!validate(&[file]).0, "{what}: still valid");
    }
}
