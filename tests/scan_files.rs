//! The real binary on real directory trees: findings, exit codes, JSON shape,
//! skipped-file accounting and redaction.

mod common;

use common::*;
use predicates::prelude::*;
use tempfile::TempDir;

const SECRET: &str = "tt_Qm7vX2kLp9Rz4Wt8Nb3H";

fn tree_with_rule(sev: &str) -> (TempDir, String) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "rules/test.toml", test_rule(sev));
    let rules = dir
        .path()
        .join("rules/test.toml")
        .to_string_lossy()
        .into_owned();
    (dir, rules)
}

#[test]
fn finds_secret_with_exact_position_and_json_shape() {
    let (dir, rules) = tree_with_rule("high");
    write(
        dir.path(),
        "src/app.py",
        format!("import os\n\nTOKEN = \"{SECRET}\"\n"),
    );
    let root = dir.path().join("src");
    let (code, report) = scan_json(&[root.to_str().unwrap(), "--rules", &rules]);
    assert_eq!(code, 1);
    assert_eq!(report["version"], 2);
    let f = &report["findings"][0];
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
    assert_eq!(f["rule_id"], "test-token");
    assert_eq!(f["rule_name"], "Test token");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["path"], "app.py");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(10))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(3), Some(33))
    );
    assert_eq!(f["preview"], "tt_Q…");
    assert!(f["entropy"].as_f64().unwrap() > 3.5);
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 64);
    for key in ["commit", "author", "date", "vault"] {
        assert!(f[key].is_null(), "{key} must be null for a file scan");
    }
    assert!(f.get("secret").is_none());
    let stats = &report["stats"];
    assert_eq!(stats["files"], 1);
    assert!(stats["blobs"].is_null() && stats["commits"].is_null());
    assert!(stats["duration_ms"].is_u64());
}

/// Fingerprints cannot be checked against guesses without the key (or
/// without paying Argon2 per guess): never the unkeyed SHA-256 of the
/// secret; with the organisation's key, the same in every scan and only
/// with that key; a short key is refused.
#[test]
fn fingerprints_are_keyed_or_argon2_never_the_plain_hash() {
    use sha2::Digest;
    let (dir, rules) = tree_with_rule("high");
    write(dir.path(), "src/a.txt", SECRET);
    let src = dir.path().join("src");
    let scan = |key: Option<&str>| {
        let mut cmd = leakguard();
        cmd.args([
            "scan",
            src.to_str().unwrap(),
            "--rules",
            &rules,
            "--format",
            "json",
        ]);
        cmd.env_remove("LEAKGUARD_FINGERPRINT_KEY");
        if let Some(key) = key {
            cmd.env("LEAKGUARD_FINGERPRINT_KEY", key);
        }
        let out = cmd.output().unwrap();
        (out.status.code(), out.stdout, out.stderr)
    };
    let report = |key| -> serde_json::Value {
        let (code, stdout, stderr) = scan(key);
        assert_eq!(code, Some(1), "{}", String::from_utf8_lossy(&stderr));
        serde_json::from_slice(&stdout).unwrap()
    };
    let plain = hex::encode(sha2::Sha256::digest(format!("test-token{SECRET}")));
    let salted = report(None);
    assert_eq!(salted["fingerprints"]["scheme"], "argon2id");
    let fp = |r: &serde_json::Value| {
        r["findings"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_ne!(fp(&salted), plain);
    assert_eq!(fp(&salted), fp(&report(None)), "stable across runs");
    let key_a = report(Some("organisation key number one"));
    assert_eq!(key_a["fingerprints"]["scheme"], "hmac-sha256");
    assert_eq!(key_a["fingerprints"]["key_id"].as_str().unwrap().len(), 16);
    assert!(!key_a.to_string().contains("organisation key"));
    assert_ne!(fp(&key_a), plain);
    assert_ne!(fp(&key_a), fp(&salted));
    assert_eq!(fp(&key_a), fp(&report(Some("organisation key number one"))));
    assert_ne!(fp(&key_a), fp(&report(Some("organisation key number two"))));
    let (code, _, stderr) = scan(Some("short"));
    assert_eq!(code, Some(2));
    let stderr = String::from_utf8_lossy(&stderr);
    assert!(
        stderr.contains("at least 16 bytes") && !stderr.contains("short"),
        "{stderr}"
    );
}

#[test]
fn no_secret_in_any_output_unless_no_redact() {
    let (dir, rules) = tree_with_rule("high");
    write(dir.path(), "src/a.env", format!("KEY={SECRET}\n"));
    let src = dir.path().join("src");
    for format in ["text", "json"] {
        let out = leakguard()
            .args([
                "scan",
                src.to_str().unwrap(),
                "--rules",
                &rules,
                "--format",
                format,
            ])
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(all.contains("tt_Q…"), "{format}: preview missing: {all}");
        assert!(!all.contains(SECRET), "{format} leaked the secret: {all}");
        let clear = leakguard()
            .args([
                "scan",
                src.to_str().unwrap(),
                "--rules",
                &rules,
                "--format",
                format,
                "--no-redact",
            ])
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&clear.stdout).contains(SECRET),
            "{format} --no-redact"
        );
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let (dir, rules) = tree_with_rule("medium");
    write(dir.path(), "src/a.txt", SECRET);
    let src = dir.path().join("src");
    let run = |fail_on: &str| {
        leakguard()
            .args([
                "scan",
                src.to_str().unwrap(),
                "--rules",
                &rules,
                "--fail-on",
                fail_on,
            ])
            .output()
            .unwrap()
            .status
            .code()
            .unwrap()
    };
    assert_eq!(run("low"), 1);
    assert_eq!(run("medium"), 1);
    assert_eq!(run("high"), 0);
    assert_eq!(run("never"), 0);
    let clean = TempDir::new().unwrap();
    write(clean.path(), "a.txt", "nothing here\n");
    leakguard()
        .args(["scan", clean.path().to_str().unwrap()])
        .assert()
        .code(0);
}

#[test]
fn errors_are_one_line_and_exit_2() {
    leakguard()
        .args(["scan", "/definitely/not/here"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "leakguard: /definitely/not/here: cannot scan: No such file or directory\n",
        ));

    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "bad.toml",
        test_rule("high").replace("{20}", "{20"),
    );
    let bad = dir.path().join("bad.toml");
    let out = leakguard()
        .args(["scan", ".", "--rules", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad.toml: rule 'test-token': line 6: key 'regex': invalid regex"),
        "{stderr}"
    );

    leakguard()
        .args(["scan", ".", "--fail-on", "urgent"])
        .assert()
        .code(2);
    leakguard()
        .args(["scan", ".", "--max-file-size", "lots"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--max-file-size: invalid size 'lots'",
        ));
}

#[test]
fn skipped_files_are_counted_and_ignored_files_are_not_scanned() {
    let (dir, rules) = tree_with_rule("high");
    let src = dir.path().join("src");
    write(
        &src,
        "binary.bin",
        [b"\x00\x01\x02".as_slice(), SECRET.as_bytes()].concat(),
    );
    write(&src, "big.txt", format!("{}{SECRET}", "a\n".repeat(600)));
    write(&src, ".gitignore", "ignored.txt\n");
    write(&src, "ignored.txt", SECRET);
    write(&src, ".hidden/.env", format!("K={SECRET}"));
    write(&src, ".git/config", format!("K={SECRET}"));
    write(
        &src,
        "latin1.txt",
        [b"caf\xe9 \xff ".as_slice(), SECRET.as_bytes()].concat(),
    );
    let s = src.to_str().unwrap();
    let (_, report) = scan_json(&[s, "--rules", &rules, "--max-file-size", "1K"]);
    let paths: Vec<_> = findings(&report).into_iter().map(|f| f.1).collect();
    assert_eq!(paths, vec![".hidden/.env", "latin1.txt"]);
    let skipped = &report["stats"]["skipped"];
    assert_eq!(skipped["binary"], 1);
    assert_eq!(skipped["too_large"], 1);

    let (_, all) = scan_json(&[s, "--rules", &rules, "--no-ignore"]);
    let paths: Vec<_> = findings(&all).into_iter().map(|f| f.1).collect();
    assert_eq!(
        paths,
        vec![".hidden/.env", "big.txt", "ignored.txt", "latin1.txt"]
    );
}

#[test]
fn stdin_and_output_file() {
    let (dir, rules) = tree_with_rule("high");
    let out_file = dir.path().join("report.json");
    leakguard()
        .args([
            "scan",
            "--stdin",
            "--rules",
            &rules,
            "--format",
            "json",
            "-o",
            out_file.to_str().unwrap(),
        ])
        .write_stdin(format!("first line\nexport T={SECRET}\n"))
        .assert()
        .code(1)
        .stdout("");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(
        findings(&report),
        vec![("test-token".into(), "<stdin>".into(), 2)]
    );

    leakguard()
        .args(["scan", ".", "-o", "/no/such/dir/report.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "leakguard: cannot write report to /no/such/dir/report.json",
        ));
}

#[test]
fn findings_sorted_by_severity_then_path_and_deduplicated() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "r/rules.toml",
        format!(
            "{}\n{}",
            test_rule("low"),
            test_rule("critical")
                .replace("test-token", "crit-token")
                .replace("tt_", "cc_")
        ),
    );
    let rules = dir.path().join("r/rules.toml");
    let src = dir.path().join("src");
    write(&src, "b.txt", format!("{SECRET}\n{SECRET}\n"));
    write(&src, "a.txt", SECRET);
    write(&src, "z.txt", "cc_Qm7vX2kLp9Rz4Wt8Nb3H");
    let (_, report) = scan_json(&[src.to_str().unwrap(), "--rules", rules.to_str().unwrap()]);
    let got: Vec<_> = findings(&report)
        .into_iter()
        .map(|(r, p, l)| format!("{r} {p}:{l}"))
        .collect();
    assert_eq!(
        got,
        vec![
            "crit-token z.txt:1",
            "test-token a.txt:1",
            "test-token b.txt:1",
            "test-token b.txt:2"
        ]
    );
    // The same path given twice yields each finding once.
    let s = src.to_str().unwrap();
    let (_, twice) = scan_json(&[s, s, "--rules", rules.to_str().unwrap()]);
    assert_eq!(findings(&twice).len(), 4);
}

#[test]
fn inline_allow_comment_suppresses_a_line() {
    let (dir, rules) = tree_with_rule("high");
    let src = dir.path().join("src");
    write(
        &src,
        "a.js",
        format!("const a = \"{SECRET}\"; // leakguard:allow\nconst b = \"{SECRET}\";\n"),
    );
    let (_, report) = scan_json(&[src.to_str().unwrap(), "--rules", &rules]);
    assert_eq!(
        findings(&report),
        vec![("test-token".into(), "a.js".into(), 2)]
    );
}

#[test]
fn text_report_names_location_and_masks_context() {
    let (dir, rules) = tree_with_rule("high");
    let src = dir.path().join("src");
    write(
        &src,
        "conf.ini",
        format!("[auth]\ntoken = {SECRET} ; prod\n"),
    );
    leakguard()
        .current_dir(&src)
        .args(["scan", ".", "--rules", &rules])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "HIGH     conf.ini:2:9  test-token (Test token)",
        ))
        .stdout(predicate::str::contains("│ token = tt_Q… ; prod"))
        .stdout(predicate::str::contains("1 finding (1 high)"));
}

#[test]
fn rules_check_reports_failing_examples() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "ok.toml", test_rule("high"));
    leakguard()
        .args([
            "rules",
            "check",
            dir.path().join("ok.toml").to_str().unwrap(),
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 rules ok"));
    write(
        dir.path(),
        "bad.toml",
        test_rule("high").replace("tt_short", "tt_Zm7vX2kLp9Rz4Wt8Nb3H"),
    );
    leakguard()
        .args([
            "rules",
            "check",
            dir.path().join("bad.toml").to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "rule 'test-token': negative example 1 matches",
        ));
}

#[test]
fn rules_list_shows_builtin_rules() {
    leakguard()
        .args(["rules", "list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("generic-password-assignment"));
}

/// The shipped sample tree: every planted fake secret found with the right
/// rule, every look-alike (placeholders, docs' example keys, lockfile hashes,
/// env references, an allowed line) ignored, binary and ignored files skipped.
#[test]
fn sample_tree_exact_findings() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/sample-tree");
    let (code, report) = scan_json(&[root]);
    assert_eq!(code, 1);
    let got: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{}",
                f["severity"].as_str().unwrap(),
                f["rule_id"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
                f["line"]
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            "critical aws-secret-access-key .env:4",
            "critical database-postgres-url config/database.yml:2",
            "critical stripe-live-secret-key config/settings.py:6",
            "critical private-key-rsa deploy/id_rsa:1",
            "high aws-access-key-id .env:3",
            "high credfile-dotenv-secret .env:5",
            "high github-pat-classic config/settings.py:5",
            "high slack-bot-token src/app.js:2",
        ]
    );
    let stats = &report["stats"];
    assert_eq!(stats["files"], 8);
    assert_eq!(stats["skipped"]["binary"], 1);
    // No planted value appears anywhere in the output.
    let out = leakguard().args(["scan", root]).output().unwrap();
    let all =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    for f in report["findings"].as_array().unwrap() {
        let preview = f["preview"].as_str().unwrap().trim_end_matches('…');
        assert!(all.contains(&format!("{preview}…")));
    }
    let planted = std::fs::read_to_string(format!("{root}/.env")).unwrap();
    let aws_secret = planted
        .lines()
        .find_map(|l| l.strip_prefix("AWS_SECRET_ACCESS_KEY="))
        .unwrap();
    assert!(!all.contains(aws_secret), "secret printed");
}

#[test]
fn identical_files_are_scanned_once_and_each_reported_under_its_own_path() {
    let (dir, rules) = tree_with_rule("high");
    let text = format!("x = 1\nTOKEN = \"{SECRET}\"\n");
    write(dir.path(), "src/a/app.py", &text);
    write(dir.path(), "src/b/app.py", &text);
    write(dir.path(), "src/c/copy.py", &text);
    // Same size, one byte different: a different secret, not a copy.
    let other = text.replace("Qm7v", "Qm7w");
    write(dir.path(), "src/d/near.py", &other);
    // Binary files are skipped from their head, never read whole or
    // hashed: copies or not, each counts as binary only.
    write(dir.path(), "src/e/blob.bin", "\0\0bin\0\0");
    write(dir.path(), "src/f/blob.bin", "\0\0bin\0\0");
    let root = dir.path().join("src");
    let (code, report) = scan_json(&[root.to_str().unwrap(), "--rules", &rules]);
    assert_eq!(code, 1);
    let mut found: Vec<(String, u64, u64, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let paths: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(paths, ["a/app.py", "b/app.py", "c/copy.py", "d/near.py"]);
    assert!(found.iter().all(|f| (f.1, f.2) == (2, 10)));
    assert_eq!(found[0].3, found[1].3);
    assert_ne!(found[0].3, found[3].3, "the near copy has its own secret");
    let stats = &report["stats"];
    assert_eq!(stats["duplicates"], 2, "b/app.py, c/copy.py");
    assert_eq!(stats["files"], 4);
    assert_eq!(stats["skipped"]["binary"], 2);
}

/// Structured files are read as key → value pairs: a value named by a
/// sibling, by its parent, by its column's header (CSV, HTML tables) or on
/// the line below its key is found, at the value's own line and column,
/// with the built-in rules.
#[test]
fn structured_files_name_values_by_sibling_parent_and_line_below() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "deploy/app.yaml",
        "spec:\n  containers:\n    - name: api\n      env:\n        - name: LOG_LEVEL\n          value: debug\n        - name: DB_PASSWORD\n          value: Rw8pq2LmZx0vKd4T\n",
    );
    write(
        dir.path(),
        "infra/stack.yaml",
        "Parameters:\n  MasterPassword:\n    Type: String\n    NoEcho: true\n    Default: \"Xk29vLq0pz7R!b\"\n",
    );
    write(
        dir.path(),
        "tools/sftp.json",
        "{\n  // VS Code SFTP\n  \"host\": \"files.acme.io\",\n  \"password\":\n      \"Qm9oT2wL7xVz3kRp\"\n}\n",
    );
    write(
        dir.path(),
        "exports/passwords.csv",
        "name,url,username,password,note\nVPN,https://vpn.acme.io,ops,Rq7#mLp2vXc,\nMail,,ops,,no password yet\n",
    );
    write(
        dir.path(),
        "wiki/Server-Access.html",
        "<table>\n<tr><th>System</th><th>User</th><th>Password</th></tr>\n<tr><td>UniFi</td><td>lfadmin</td><td>Un1Fi!9jJviQ</td></tr>\n</table>\n",
    );
    write(
        dir.path(),
        "exports/cities.csv",
        "id;city;token_count\n1;Oslo;Qm9vZ2llV29vZ2ll\n",
    );
    write(
        dir.path(),
        "web/Web.config",
        "<configuration>\n  <appSettings>\n    <add key=\"PaymentsApiSecret\"   value=\"c7Fq2LmZ9xWv4KpT8bRn\" />\n    <add key=\"Theme\" value=\"dark-blue-2024\" />\n  </appSettings>\n</configuration>\n",
    );
    let (code, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let mut found: Vec<(String, u64, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("deploy/app.yaml".to_owned(), 8, 18),
            ("exports/passwords.csv".to_owned(), 2, 29),
            ("infra/stack.yaml".to_owned(), 5, 15),
            ("tools/sftp.json".to_owned(), 5, 8),
            ("web/Web.config".to_owned(), 3, 43),
            ("wiki/Server-Access.html".to_owned(), 3, 39),
        ],
        "{report:#}"
    );
}

/// With `-o FILE` the one-line summary still goes to stderr (a CI log shows
/// what happened), in the singular for one file; `--quiet` silences it.
#[test]
fn output_file_keeps_the_summary_on_stderr_unless_quiet() {
    let (dir, rules) = tree_with_rule("high");
    write(dir.path(), "src/app.py", format!("TOKEN = \"{SECRET}\"\n"));
    let report = dir.path().join("report.json");
    let src = dir.path().join("src");
    let out = leakguard()
        .args([
            "scan",
            src.to_str().unwrap(),
            "--rules",
            &rules,
            "--format",
            "json",
        ])
        .arg("-o")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("1 finding (1 high)"), "{stderr}");
    assert!(stderr.contains("1 file,"), "{stderr}");
    assert!(stderr.contains(" rules; skipped 0 binary"), "{stderr}");
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .contains("test-token"));

    let quiet = leakguard()
        .args(["scan", src.to_str().unwrap(), "--rules", &rules, "--quiet"])
        .arg("-o")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(1));
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
}

/// `--help` lists the exit codes and the environment variables.
#[test]
fn help_lists_exit_codes_and_environment() {
    for args in [&["--help"][..], &["scan", "--help"][..]] {
        let out = leakguard().args(args).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        for needle in [
            "Exit codes:",
            "LEAKGUARD_FAIL_ON",
            "LEAKGUARD_MASTER_KEY",
            "LEAKGUARD_FINGERPRINT_KEY",
            "LEAKGUARD_VAULT_JSON",
            "NO_COLOR",
        ] {
            assert!(help.contains(needle), "{args:?}: {needle}");
        }
    }
}

/// `rules list` sorts by severity then id in aligned columns and accepts
/// only its own formats; `rules check` reports an id a built-in rule
/// already has, as `scan --rules` does.
#[test]
fn rules_list_is_sorted_and_aligned_and_check_reports_builtin_ids() {
    let out = leakguard().args(["rules", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID ") && lines[0].contains("SEVERITY"));
    let sev_col = lines[0].find("SEVERITY").unwrap();
    let rank = |s: &str| {
        ["critical", "high", "medium", "low", "info"]
            .iter()
            .position(|x| s.starts_with(x))
    };
    let mut last = (0, String::new());
    for line in &lines[1..] {
        let id = line.split_whitespace().next().unwrap().to_owned();
        let sev = rank(&line[sev_col..]).unwrap_or_else(|| panic!("misaligned: {line}"));
        assert!((sev, id.clone()) >= last, "not sorted at {line}");
        last = (sev, id);
    }
    let sarif = leakguard()
        .args(["rules", "list", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(sarif.status.code(), Some(2));

    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "dup.toml",
        "[[rules]]\nid = \"aws-access-key-id\"\nname = \"Mine\"\nseverity = \"low\"\nkeywords = [\"zq_\"]\nregex = '''(?P<secret>zq_[A-Za-z0-9]{16})'''\nexamples = [\"zq_Ab3dE9gH1jK2Lm4N\"]\nnegative_examples = [\"zq_short\"]\n",
    );
    let path = dir.path().join("dup.toml");
    let check = leakguard()
        .args(["rules", "check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let msg = String::from_utf8(check.stdout).unwrap();
    assert!(
        msg.contains("'aws-access-key-id': duplicate id (also defined in patterns/aws.toml)"),
        "{msg}"
    );
    let scan = leakguard()
        .args([
            "scan",
            dir.path().to_str().unwrap(),
            "--rules",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(scan.status.code(), Some(2));
    assert!(String::from_utf8(scan.stderr)
        .unwrap()
        .contains("duplicate id (also defined in patterns/aws.toml)"));
}

/// Runs `leakguard ARGS` from `cwd` and returns (exit code, stdout).
fn run_from(cwd: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = leakguard().current_dir(cwd).args(args).output().unwrap();
    (
        out.status.code().expect("exited"),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// Paths are what the user would type from where they stand; SARIF URIs,
/// allowlists and baselines use the path in the repository, wherever the
/// scan starts.
#[test]
fn paths_are_relative_to_where_the_user_stands() {
    let (dir, rules) = tree_with_rule("high");
    let repo = dir.path().join("repo");
    git_in(dir.path(), &["init", "-q", "repo"], &[]);
    let line = format!("TOKEN = \"{SECRET}\"\n");
    write(&repo, "src/app.py", &line);
    write(&repo, "a/config.py", &line);
    write(&repo, "b/config.py", &line);
    let json_paths = |cwd: &std::path::Path, args: &[&str]| -> Vec<String> {
        let mut all = vec!["scan"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--rules", &rules, "--format", "json"]);
        let (code, out) = run_from(cwd, &all);
        assert_eq!(code, 1, "{out}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        findings(&report).into_iter().map(|f| f.1).collect()
    };
    assert_eq!(json_paths(&repo, &["src"]), ["src/app.py"]);
    assert_eq!(json_paths(&repo, &["./src/"]), ["src/app.py"]);
    assert_eq!(
        json_paths(&repo, &["a", "b"]),
        ["a/config.py", "b/config.py"]
    );
    assert_eq!(json_paths(&repo.join("src"), &["../a"]), ["../a/config.py"]);
    assert_eq!(json_paths(&repo.join("src"), &["."]), ["app.py"]);
    // The same directory typed twice is scanned once.
    assert_eq!(json_paths(&repo, &["src", "./src"]), ["src/app.py"]);
    let abs = repo.join("src");
    let abs = abs.to_str().unwrap();
    assert_eq!(json_paths(&repo, &[abs]), [format!("{abs}/app.py")]);

    // SARIF: relative to the repository's top, with %SRCROOT% defined.
    let (_, sarif) = run_from(
        &repo.join("src"),
        &["scan", ".", "--rules", &rules, "--format", "sarif"],
    );
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let run = &sarif["runs"][0];
    let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "src/app.py");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    let top = std::fs::canonicalize(&repo).unwrap();
    assert_eq!(base, format!("file://{}/", top.display()));

    // An allowlist written relative to the repository matches from a subfolder.
    write(
        &repo,
        ".leakguard.toml",
        "[allowlist]\npaths = [\"a/**\"]\n",
    );
    assert_eq!(json_paths(&repo.join("a"), &["..", "--no-ignore"]).len(), 2);
    let (code, _) = run_from(&repo.join("a"), &["scan", ".", "--rules", &rules]);
    assert_eq!(code, 0, "a/config.py is allowlisted");
    std::fs::remove_file(repo.join(".leakguard.toml")).unwrap();

    // A baseline made from a subfolder records repository paths.
    let baseline = dir.path().join("baseline.json");
    let (code, _) = run_from(
        &repo.join("src"),
        &[
            "baseline",
            "create",
            ".",
            "--rules",
            &rules,
            "--output",
            baseline.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&baseline).unwrap();
    assert!(text.contains("\"path\": \"src/app.py\""), "{text}");
    let (code, _) = run_from(
        &repo,
        &[
            "scan",
            "src",
            "--rules",
            &rules,
            "--baseline",
            baseline.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "the baseline suppresses it from the top too");
}

/// A private key is reported on its BEGIN line; `leakguard:allow` on the
/// line above allows it; inline allows are counted; `--no-redact` prints a
/// key once, indented, below its finding.
#[test]
fn private_keys_inline_allows_and_clear_multi_line_keys() {
    let dir = TempDir::new().unwrap();
    let body: String = (0..12)
        .map(|i| {
            format!(
                "{}\n",
                "MIIEowIBAAKCAQEAx9Zq3Lw7Tn2Vb8Rk4Hs6Jd1Fp0Gc5Ym".replace('Z', &i.to_string())
            )
        })
        .collect();
    let key = format!("-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----\n");
    write(dir.path(), "id_rsa", format!("# deploy key\n{key}"));
    write(
        dir.path(),
        "allowed_rsa",
        format!("# test fixture, leakguard:allow\n{key}"),
    );
    write(
        dir.path(),
        "app.py",
        format!("T = \"{SECRET}\"  # leakguard:allow\n"),
    );
    let (dir_rules, rules) = tree_with_rule("high");
    let _keep = dir_rules;
    let (code, r) = scan_json(&[dir.path().to_str().unwrap(), "--rules", &rules]);
    assert_eq!(code, 1);
    let found: Vec<_> = findings(&r).into_iter().map(|f| (f.1, f.2)).collect();
    assert_eq!(found, [("id_rsa".to_string(), 2)], "{r}");
    assert_eq!(r["stats"]["suppressed"]["inline"], 2, "{r}");

    let out = leakguard()
        .current_dir(dir.path())
        .args(["scan", "id_rsa", "--no-redact"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("secret (multi-line, below)"), "{text}");
    let first_body_line = body.lines().next().unwrap();
    assert_eq!(text.matches(first_body_line).count(), 1, "{text}");
    assert!(
        text.contains(&format!("           {first_body_line}\n")),
        "{text}"
    );
}

/// Every finding says how sure it is: a uniquely prefixed token `high`, a
/// generic assignment `medium`, one lower in tests; `--min-confidence`
/// leaves the rest out and counts them; SARIF carries it as `rank` too.
#[test]
fn findings_carry_a_confidence_and_min_confidence_filters() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(9);
    write(
        dir.path(),
        "src/app.py",
        format!("GH = \"{token}\"\ndb_password = \"Wn4t8Qk2Rz7pXv\"\n"),
    );
    write(
        dir.path(),
        "tests/test_db.py",
        "db_password = \"Hc5Vb9Nq2Xr7Kt\"\n",
    );
    let (_, r) = scan_json(&[dir.path().to_str().unwrap()]);
    let confidence: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                format!("{}:{}", f["path"].as_str().unwrap(), f["line"]),
                f["confidence"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let of = |place: &str| {
        confidence
            .iter()
            .find(|c| c.0 == place)
            .map(|c| c.1.as_str())
    };
    assert_eq!(of("src/app.py:1"), Some("high"), "{confidence:?}");
    assert_eq!(of("src/app.py:2"), Some("medium"), "{confidence:?}");
    assert_eq!(of("tests/test_db.py:1"), Some("low"), "{confidence:?}");

    let (_, r) = scan_json(&[dir.path().to_str().unwrap(), "--min-confidence", "high"]);
    assert_eq!(findings(&r).len(), 1);
    assert_eq!(r["stats"]["suppressed"]["low_confidence"], 2);

    let out = leakguard()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let github = results
        .iter()
        .find(|r| r["ruleId"] == "github-pat-classic")
        .unwrap();
    assert_eq!(github["properties"]["confidence"], "high");
    assert_eq!(github["rank"], 90.0);
    let out = leakguard()
        .current_dir(dir.path())
        .args(["scan", "src"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("confidence high"));
}

/// A private key is found however it was pasted: joined string literals in
/// code, build-log and quote prefixes, `\n` escapes, YAML block scalars;
/// once per key, on its `-----BEGIN` line.
#[test]
fn private_keys_are_found_in_every_pasted_form() {
    let dir = TempDir::new().unwrap();
    let body = [
        "MIIEowIBAAKCAQEAx9Zq3Lw7Tn2Vb8Rk4Hs6Jd1Fp0Gc5YmQm7vX2kLp9Rz4Wt8Nb3H",
        "Hc5Vb9Nq2Xr7KtWn4t8Qk2Rz7pXvLk9Jh8Gf7Ds6Aa5PzQ3Lw7Tn2Vb8Rk4Hs6Jd1F",
        "p0Gc5YmQm7vX2kLp9Rz4Wt8Nb3HHc5Vb9Nq2Xr7KtWn4t8Qk2Rz7pXvLk9Jh8Gf7Ds6",
        "Aa5Pz9Wn4t8Qk2Rz7pXvLk9Jh8Gf7Ds6Aa5P==",
    ];
    let mut pem = vec!["-----BEGIN RSA PRIVATE KEY-----"];
    pem.extend(body);
    pem.push("-----END RSA PRIVATE KEY-----");
    let join = |prefix: &str, suffix: &str| -> String {
        pem.iter()
            .map(|l| format!("{prefix}{l}{suffix}\n"))
            .collect()
    };
    let files = [
        (
            "Keys.java",
            format!(
                "String key =\n{};\n",
                join("    \"", "\\n\" +").trim_end_matches(" +\n")
            ),
        ),
        (
            "keys.js",
            format!(
                "const key =\n{};\n",
                join("  '", "\\n' +").trim_end_matches(" +\n")
            ),
        ),
        (
            "keys.py",
            format!("KEY = (\n{})\n", join("    \"", "\\n\"")),
        ),
        ("build.log", join("#6 0.245 ", "")),
        ("notes.md", join("> ", "")),
        (
            "deploy.sh",
            format!("cat > id_rsa <<EOF\n{}EOF\n", join("", "")),
        ),
        ("values.yaml", format!("key: |\n{}", join("  ", ""))),
        (
            "sa.json",
            format!("{{\"private_key\": \"{}\\n\"}}\n", pem.join("\\n")),
        ),
    ];
    for (name, content) in &files {
        write(dir.path(), name, content);
    }
    let (code, r) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let found: Vec<(String, String)> = findings(&r).into_iter().map(|f| (f.1, f.0)).collect();
    for (name, content) in &files {
        let begin_line = content
            .lines()
            .position(|l| l.contains("-----BEGIN"))
            .unwrap() as u64
            + 1;
        let hits: Vec<_> = findings(&r).into_iter().filter(|f| f.1 == *name).collect();
        assert_eq!(hits.len(), 1, "{name}: {found:?}");
        assert_eq!(hits[0].0, "private-key-rsa", "{name}");
        assert_eq!(hits[0].2, begin_line, "{name}");
    }
}

/// Test and documentation places are judged on the path in the repository,
/// so starting the scan inside `tests/` changes nothing.
#[test]
fn example_places_do_not_depend_on_where_the_scan_starts() {
    let dir = TempDir::new().unwrap();
    git_in(dir.path(), &["init", "-q"], &[]);
    write(
        dir.path(),
        "tests/db_config.py",
        "db_password = \"Hc5Vb9Nq2Xr7Kt\"\n",
    );
    let level = |cwd: &std::path::Path| {
        let out = leakguard()
            .current_dir(cwd)
            .args(["scan", ".", "--format", "json", "--fail-on", "never"])
            .output()
            .unwrap();
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let f = &r["findings"][0];
        (f["severity"].clone(), f["confidence"].clone())
    };
    let from_top = level(dir.path());
    assert_eq!(from_top.1, "low", "{from_top:?}");
    assert_eq!(level(&dir.path().join("tests")), from_top);
}

/// A GitHub token whose checksum fails (one character altered by hand) is
/// still a leak to look at, but a less sure one: `low`, so that
/// `--min-confidence medium` leaves it out while the valid token stays.
#[test]
fn tokens_failing_their_checksum_are_reported_at_low_confidence() {
    let dir = TempDir::new().unwrap();
    let valid = fake_github_token(4);
    // Altering one character of the random part breaks the CRC32.
    let altered = {
        let mut b = valid.clone().into_bytes();
        b[6] = if b[6] == b'Q' { b'R' } else { b'Q' };
        String::from_utf8(b).unwrap()
    };
    write(
        dir.path(),
        "deploy/env.sh",
        format!("export GH_A={valid}\nexport GH_B={altered}\n"),
    );
    let (_, r) = scan_json(&[dir.path().to_str().unwrap()]);
    let of = |line: u64| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["line"] == line && f["rule_id"] == "github-pat-classic")
            .map(|f| f["confidence"].as_str().unwrap().to_string())
    };
    assert_eq!(of(1).as_deref(), Some("high"), "{r}");
    assert_eq!(of(2).as_deref(), Some("low"), "{r}");

    let (_, r) = scan_json(&[dir.path().to_str().unwrap(), "--min-confidence", "medium"]);
    let lines: Vec<u64> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![1], "{r}");
}
