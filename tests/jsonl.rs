//! `--format jsonl` (issue #21): one finding per line as the scan confirms
//! it, then a stats line. The lines hold what the sorted JSON report holds
//! (the same findings, the same keys, the same suppressions and counts), in
//! files, history and staged scans; exit codes follow --fail-on; secrets
//! stay redacted.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// Runs `leakguard scan ARGS --format jsonl` in `dir`: (exit code, finding
/// lines, stats line, stdout).
fn scan_jsonl(dir: &Path, args: &[&str]) -> (i32, Vec<Value>, Value, String) {
    let out = leakguard()
        .current_dir(dir)
        .arg("scan")
        .args(args)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines: Vec<Value> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object ({e}): {l}"))
        })
        .collect();
    let stats = lines.pop().expect("a stats line");
    assert!(
        stats.as_object().is_some_and(|o| o.len() == 1) && stats["stats"].is_object(),
        "last line: {stats}"
    );
    assert!(lines.iter().all(|l| l.get("stats").is_none()));
    (
        out.status.code().unwrap(),
        lines,
        stats["stats"].clone(),
        stdout,
    )
}

/// Runs the same scan with `--format json`, from `dir`.
fn scan_report(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = leakguard()
        .current_dir(dir)
        .arg("scan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), report)
}

/// Findings as comparable strings, sorted (jsonl's order is its own).
fn sorted(findings: &[Value]) -> Vec<String> {
    let mut all: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
    all.sort();
    all
}

/// jsonl and json agree: the same findings and stats (but the time).
fn assert_same(dir: &Path, args: &[&str]) -> Vec<Value> {
    let (code, lines, mut stats, _) = scan_jsonl(dir, args);
    let (json_code, mut report) = scan_report(dir, args);
    assert_eq!(code, json_code, "exit codes differ");
    assert_eq!(
        sorted(&lines),
        sorted(report["findings"].as_array().unwrap()),
        "jsonl and json findings differ"
    );
    stats["duration_ms"] = Value::Null;
    report["stats"]["duration_ms"] = Value::Null;
    assert_eq!(stats, report["stats"]);
    lines
}

fn sample_tree() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample-tree")
}

#[test]
fn files_scan_lines_are_the_reports_findings() {
    let lines = assert_same(&sample_tree(), &["."]);
    assert!(lines.len() >= 5);
    // Every key of a finding in the JSON report, each line.
    let (_, report) = scan_report(&sample_tree(), &["."]);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    for line in &lines {
        assert_eq!(keys(line), keys(&report["findings"][0]));
    }
}

#[test]
fn suppressions_confidence_and_copies_count_as_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let a = fake_github_token(1);
    let b = fake_github_token(2);
    let c = fake_github_token(3);
    write(dir.path(), "app/.env", format!("GITHUB_TOKEN={a}\n"));
    // A copy: counted as a duplicate, reported under its own name.
    write(dir.path(), "vendor/.env", format!("GITHUB_TOKEN={a}\n"));
    write(
        dir.path(),
        "app/allowed.py",
        format!("token = \"{b}\"  # leakguard:allow\n"),
    );
    write(
        dir.path(),
        "docs/example.md",
        format!("export GITHUB_TOKEN={c}\n"),
    );
    // Two secrets on one line: neither context shows the other.
    write(
        dir.path(),
        "app/pair.env",
        format!("A={} B={}\n", fake_github_token(4), fake_github_token(5)),
    );
    let lines = assert_same(dir.path(), &["."]);
    assert_eq!(
        lines.iter().filter(|f| f["path"] == "vendor/.env").count(),
        1
    );
    let (_, _, stats, _) = scan_jsonl(dir.path(), &["."]);
    assert_eq!(stats["duplicates"], 1);
    assert_eq!(stats["suppressed"]["inline"], 1);
    // Baseline and --min-confidence.
    let baseline = dir.path().join("baseline.json");
    let out = leakguard()
        .current_dir(dir.path())
        .args(["baseline", "create", "app", "-o"])
        .arg(&baseline)
        .output()
        .unwrap();
    assert!(out.status.success());
    let args = [
        ".",
        "--baseline",
        "baseline.json",
        "--min-confidence",
        "high",
    ];
    let (_, lines, stats, _) = scan_jsonl(dir.path(), &args);
    assert!(stats["suppressed"]["baseline"].as_u64().unwrap() >= 1);
    assert!(lines.iter().all(|f| f["confidence"] == "high"));
    assert_same(dir.path(), &args);
}

#[test]
fn exit_codes_follow_fail_on_and_output_file_gets_the_lines() {
    let tree = sample_tree();
    let (code, ..) = scan_jsonl(&tree, &["."]);
    assert_eq!(code, 1);
    let (code, ..) = scan_jsonl(&tree, &[".", "--fail-on", "never"]);
    assert_eq!(code, 0);
    let (code, lines, ..) = scan_jsonl(&tree, &[".", "--fail-on", "critical"]);
    let critical = lines.iter().any(|f| f["severity"] == "critical");
    assert_eq!(code, if critical { 1 } else { 0 });
    let dir = tempfile::tempdir().unwrap();
    let (code, lines, ..) = scan_jsonl(dir.path(), &[]);
    assert_eq!((code, lines.len()), (0, 0), "a clean tree exits 0");

    let file = dir.path().join("out.jsonl");
    let out = leakguard()
        .current_dir(&tree)
        .args(["scan", ".", "--format", "jsonl", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    // The summary line still goes to stderr, counting the streamed findings.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (_, lines, ..) = scan_jsonl(&tree, &["."]);
    assert!(
        stderr.contains(&format!("{} findings", lines.len())),
        "{stderr}"
    );
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.lines().count(), lines.len() + 1);
    assert!(written.lines().last().unwrap().starts_with("{\"stats\":"));
}

#[test]
fn secrets_stay_redacted_unless_no_redact() {
    let dir = tempfile::tempdir().unwrap();
    let token = fake_github_token(7);
    write(dir.path(), "config.env", format!("GITHUB_TOKEN={token}\n"));
    let (_, lines, _, stdout) = scan_jsonl(dir.path(), &["."]);
    assert_eq!(lines.len(), 1);
    assert!(!stdout.contains(&token));
    assert!(!stdout.contains(&token[4..]));
    assert!(lines[0].get("secret").is_none());
    let (_, lines, ..) = scan_jsonl(dir.path(), &[".", "--no-redact"]);
    assert_eq!(lines[0]["secret"], token.as_str());
}

/// A history: a secret kept in HEAD through edits, one deleted, one in a
/// deleted file, the same one re-added elsewhere, one allowed inline.
#[test]
fn history_lines_are_the_reports_findings() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git_in(repo, &["init", "-q", "-b", "main"], &[]);
    let rules = tempfile::tempdir().unwrap();
    write(rules.path(), "test.toml", test_rule("high"));
    let rules = rules.path().join("test.toml");
    let secret = |n: u32| format!("tt_Qm7vX2kLp9Rz4Wt8Nb{n:02}");
    let commit = |msg: &str| {
        git_in(repo, &["add", "-A"], &[]);
        git_in(repo, &["commit", "-q", "-m", msg], &[]);
    };
    write(repo, "kept.env", format!("A={}\n", secret(1)));
    write(repo, "gone.env", format!("B={}\n", secret(2)));
    write(
        repo,
        "edited.env",
        format!("C={}\nD={}\n", secret(3), secret(4)),
    );
    commit("one");
    write(
        repo,
        "kept.env",
        format!("# moved down\n\nA={}\n", secret(1)),
    );
    std::fs::remove_file(repo.join("gone.env")).unwrap();
    write(repo, "edited.env", format!("C={}\n", secret(3)));
    commit("two");
    write(repo, "again.env", format!("AGAIN={}\n", secret(2)));
    write(
        repo,
        "allowed.env",
        format!("E={} # leakguard:allow\n", secret(5)),
    );
    commit("three");
    let args = [
        ".",
        "--git",
        "--rules",
        rules.to_str().unwrap(),
        "--fail-on",
        "never",
    ];
    let lines = assert_same(repo, &args);
    let find = |path: &str, n: u32| {
        lines
            .iter()
            .find(|f| f["path"] == path && f["context"].as_str().unwrap().contains(&secret(n)[..4]))
            .unwrap_or_else(|| panic!("{path}: {lines:?}"))
    };
    assert_eq!(find("kept.env", 1)["in_head"], true);
    assert_eq!(find("kept.env", 1)["line"], 1, "first introduction");
    assert_eq!(find("gone.env", 2)["in_head"], false);
    assert_eq!(find("again.env", 2)["in_head"], true);
    assert_eq!(find("edited.env", 3)["in_head"], true);
    assert!(lines
        .iter()
        .all(|f| f["commit"].is_string() && f["author"].is_string()));
    assert_eq!(lines.len(), 5, "{lines:?}");
    // --since: only what the last commit added.
    let mut since = args.to_vec();
    since.extend(["--since", "HEAD~1"]);
    let lines = assert_same(repo, &since);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "again.env");
}

#[test]
fn staged_and_stdin_scans_stream_too() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git_in(repo, &["init", "-q", "-b", "main"], &[]);
    write(repo, "README", "hello\n");
    git_in(repo, &["add", "-A"], &[]);
    git_in(repo, &["commit", "-q", "-m", "init"], &[]);
    write(
        repo,
        "new.env",
        format!("GITHUB_TOKEN={}\n", fake_github_token(9)),
    );
    git_in(repo, &["add", "-A"], &[]);
    let lines = assert_same(repo, &["--staged"]);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "new.env");

    let out = leakguard()
        .args(["scan", "--stdin", "--format", "jsonl"])
        .write_stdin(format!("token={}\n", fake_github_token(10)))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
}

/// The writer side: a consumer that stops reading early (`| head -1`) is
/// not an error, and the scan's exit code still stands.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leakguard"))
        .current_dir(sample_tree())
        .args(["scan", ".", "--format", "jsonl"])
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
