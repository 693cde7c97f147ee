//! The vault cross-check end to end: a repository leaking the current value
//! of one managed secret, an old version of another, and an unmanaged token
//! yields three verdicts, in every report format, without printing a value.

mod common;
#[path = "common/servers.rs"]
mod servers;

use common::*;
use servers::{start_bao, ROOT_TOKEN};
use std::path::Path;
use std::process::Command as Std;
use tempfile::TempDir;

const CURRENT: &str = "Pr0d-DB-pa55w0rd-v7Zq";
const OLD: &str = "0ld-Str1pe-S3cret-v3Kx";
const NEW: &str = "N3w-Str1pe-S3cret-v4Lm";
const MASTER_KEY: &str = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // base64 of 32 bytes

fn git(repo: &Path, args: &[&str]) {
    let ok = Std::new("git")
        .args(["-c", "user.name=Ann", "-c", "user.email=ann@example.org"])
        .args(args)
        .current_dir(repo)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

/// A repository with three leaks in one committed file.
fn leaky_repo(dir: &Path) -> std::path::PathBuf {
    let repo = dir.join("repo");
    std::fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    write(
        &repo,
        "deploy/settings.yml",
        format!(
            "database:\n  password: {CURRENT}\nstripe:\n  secret: {OLD}\ngithub_token: {}\n# rotated on 2024-05-01, now {NEW}\n",
            fake_github_token(7)
        ),
    );
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "settings"]);
    repo
}

/// (rule id, line, severity, verdict, vault name, vault version) per finding.
type Row = (String, u64, String, String, Option<String>, Option<String>);

fn verdicts(report: &serde_json::Value) -> Vec<Row> {
    let mut v: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap().to_string(),
                f["vault"]["verdict"].as_str().unwrap().to_string(),
                f["vault"]["name"].as_str().map(str::to_string),
                f["vault"]["version"].as_str().map(str::to_string),
            )
        })
        .collect();
    v.sort_by_key(|x| x.1);
    v
}

fn expected() -> Vec<Row> {
    vec![
        // A rule finding whose secret is a managed value gets the verdict
        // (and becomes critical: it is the live value).
        (
            "generic-password-unquoted".into(),
            2,
            "critical".into(),
            "managed-current".into(),
            Some("prod/db/password".into()),
            Some("1".into()),
        ),
        // Superseded: the rule's severity is kept.
        (
            "generic-secret-unquoted".into(),
            4,
            "medium".into(),
            "managed-superseded".into(),
            Some("prod/payments/stripe_secret".into()),
            Some("1".into()),
        ),
        (
            "github-pat-classic".into(),
            5,
            "high".into(),
            "unmanaged".into(),
            None,
            None,
        ),
        // No rule matches this line: the vault index itself finds the value.
        (
            "vault-managed-value".into(),
            6,
            "critical".into(),
            "managed-current".into(),
            Some("prod/payments/stripe_secret".into()),
            Some("2".into()),
        ),
    ]
}

#[test]
fn three_verdicts_from_the_local_encrypted_vault() {
    let dir = TempDir::new().unwrap();
    let repo = leaky_repo(dir.path());
    let vault = format!("local:{}", dir.path().join("vault").display());
    let vault_cmd = |args: &[&str], stdin: &str| {
        leakguard()
            .env("LEAKGUARD_MASTER_KEY", MASTER_KEY)
            .arg("vault")
            .args(args)
            .args(["--vault", &vault])
            .write_stdin(stdin.to_string())
            .assert()
            .code(0);
    };
    vault_cmd(&["put", "prod/db/password"], CURRENT);
    vault_cmd(&["put", "prod/payments/stripe_secret"], &format!("{OLD}\n"));
    vault_cmd(&["rotate", "prod/payments/stripe_secret"], NEW);

    // History scan: all three, attributed to the commit.
    let out = leakguard()
        .env("LEAKGUARD_MASTER_KEY", MASTER_KEY)
        .args([
            "scan",
            "--git",
            repo.to_str().unwrap(),
            "--vault",
            &vault,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for v in [CURRENT, OLD, NEW] {
        assert!(
            !stdout.contains(v) && !stderr.contains(v),
            "a vault value was printed"
        );
    }
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(verdicts(&report), expected());

    // The vault file and its log never hold a value in clear.
    for f in ["vault", "vault.log"] {
        let bytes = std::fs::read(dir.path().join(f)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for v in [CURRENT, OLD, NEW] {
            assert!(!text.contains(v), "{f} holds a value in clear");
        }
    }

    // `vault list` shows names and versions, never values.
    let list = leakguard()
        .env("LEAKGUARD_MASTER_KEY", MASTER_KEY)
        .args(["vault", "list", "--vault", &vault])
        .output()
        .unwrap();
    let text = String::from_utf8(list.stdout).unwrap();
    assert!(
        text.contains("prod/payments/stripe_secret") && text.contains("superseded"),
        "{text}"
    );
    assert!(!text.contains(OLD) && !text.contains(NEW) && !text.contains(CURRENT));
}

#[test]
fn three_verdicts_from_json_and_in_sarif_and_text() {
    let dir = TempDir::new().unwrap();
    let repo = leaky_repo(dir.path());
    let json = serde_json::json!({
        "prod/db/password": {"value": CURRENT, "version": 1, "current": true},
        "prod/payments/stripe_secret": [
            {"value": OLD, "version": "1", "current": false},
            {"value": NEW, "version": "2", "current": true}
        ],
        "short": "abc"
    });
    let vault_file = dir.path().join("vault.json");
    std::fs::write(&vault_file, json.to_string()).unwrap();
    let vault = format!("json:{}", vault_file.display());
    let r = repo.to_str().unwrap();
    let out = leakguard()
        .args(["scan", r, "--vault", &vault, "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(verdicts(&report), expected());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("1 managed values shorter than 8 characters were not indexed"),
        "{stderr}"
    );

    let text = leakguard()
        .args(["scan", r, "--vault", &vault])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("vault: managed-current prod/db/password (version 1)"),
        "{text}"
    );
    assert!(text.contains("already rotated out"), "{text}");

    let sarif = leakguard()
        .args(["scan", r, "--vault", &vault, "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let msgs: Vec<&str> = results
        .iter()
        .map(|r| r["message"]["text"].as_str().unwrap())
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("current value of vault secret prod/db/password")),
        "{msgs:?}"
    );
    let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"vault-managed-value"), "{rules:?}");

    // The same values from the environment variable.
    let out = leakguard()
        .env("LEAKGUARD_VAULT_JSON", json.to_string())
        .args(["scan", r, "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(verdicts(&report), expected());
}

#[test]
fn fingerprint_snapshot_gives_the_same_verdicts_offline() {
    let dir = TempDir::new().unwrap();
    let repo = leaky_repo(dir.path());
    let dotenv = dir.path().join("vault.env");
    std::fs::write(&dotenv, format!("DB_PASSWORD={CURRENT}\n")).unwrap();
    let snap = dir.path().join("snap.json");
    let key = "a-fingerprint-key-for-tests";
    leakguard()
        .env("LEAKGUARD_FINGERPRINT_KEY", key)
        .args([
            "vault",
            "snapshot",
            "--vault",
            &format!("dotenv:{}", dotenv.display()),
            "-o",
        ])
        .arg(&snap)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&snap).unwrap();
    assert!(!text.contains(CURRENT), "snapshot holds no values");
    let fp = format!("fingerprints:{}", snap.display());
    let out = leakguard()
        .env("LEAKGUARD_FINGERPRINT_KEY", key)
        .args([
            "scan",
            repo.to_str().unwrap(),
            "--vault",
            &fp,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = verdicts(&report);
    assert_eq!(v[0].3, "managed-current");
    assert_eq!(v[0].4.as_deref(), Some("DB_PASSWORD"));
    // A different key is refused, not silently "unmanaged".
    leakguard()
        .env("LEAKGUARD_FINGERPRINT_KEY", "another-key-of-enough-length")
        .args(["scan", repo.to_str().unwrap(), "--vault", &fp])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "not the key this snapshot was made with",
        ));
}

#[test]
fn bad_vault_uris_and_files_exit_2_with_one_line() {
    for (uri, expect) in [
        ("vault://x", "unknown scheme"),
        ("dotenv:/no/such/file.env", "cannot read"),
        ("aws-sm://EU WEST", "expected aws-sm://REGION"),
    ] {
        let out = leakguard()
            .args(["scan", ".", "--vault", uri])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{uri}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expect), "{uri}: {err}");
    }
}

/// Only `vault init` and `vault put` create a vault: every other command
/// on a missing one exits 2 with one line naming it, and creates nothing.
/// `list` says when a vault is empty; `rotate` warns when the new value was
/// already used.
#[test]
fn vault_commands_refuse_a_missing_vault_and_warn_on_reused_values() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("team.vault");
    let uri = format!("local:{}", path.display());
    let vault = |args: &[&str], stdin: &str| {
        let out = leakguard()
            .arg("vault")
            .args(args)
            .args(["--vault", &uri])
            .env("LEAKGUARD_MASTER_KEY", MASTER_KEY)
            .write_stdin(stdin.to_owned())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    for args in [&["list"][..], &["rm", "db"][..], &["rotate", "db"][..]] {
        let (code, _, err) = vault(args, "S3cret-value-1");
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("team.vault"), "{err}");
        assert!(!path.exists(), "{args:?} created the vault");
    }
    let (code, out, _) = vault(&["init"], "");
    assert_eq!(code, Some(0));
    assert!(out.contains("created an empty vault"), "{out}");
    let (code, _, err) = vault(&["init"], "");
    assert_eq!(code, Some(2), "{err}");
    let (code, out, _) = vault(&["list"], "");
    assert_eq!(
        (code, out.trim()),
        (Some(0), format!("no secrets in {uri}").as_str())
    );
    assert_eq!(vault(&["put", "db"], "S3cret-value-1").0, Some(0));
    let (code, _, err) = vault(&["rotate", "db"], "S3cret-value-2");
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let (code, _, err) = vault(&["rotate", "db"], "S3cret-value-1");
    assert_eq!(code, Some(0));
    assert!(err.contains("equals its older version 1"), "{err}");
    assert!(!err.contains("S3cret"), "{err}");
}

// ------------------------------------------------- outages and the cache

#[test]
fn vault_outage_uses_a_fresh_cache_and_fails_without_one() {
    let dir = TempDir::new().unwrap();
    let repo = leaky_repo(dir.path());
    let vault = start_bao(false);
    vault.write("prod/db", serde_json::json!({ "password": CURRENT }));
    vault.write("prod/payments", serde_json::json!({ "stripe_secret": OLD }));
    vault.write("prod/payments", serde_json::json!({ "stripe_secret": NEW }));
    let uri = format!("vault+{}/secret/prod", vault.address());
    let cache = dir.path().join("cache");
    let config = dir.path().join("config");
    let scan = |cache_dir: &Path| {
        leakguard()
            .env("VAULT_TOKEN", ROOT_TOKEN)
            .env("XDG_CACHE_HOME", cache_dir)
            .env("XDG_CONFIG_HOME", &config)
            .env("LEAKGUARD_VAULT_BACKOFF_MS", "10")
            .env_remove("LEAKGUARD_MASTER_KEY")
            .args([
                "scan",
                repo.to_str().unwrap(),
                "--vault",
                &uri,
                "--format",
                "json",
            ])
            .output()
            .unwrap()
    };
    let online = scan(&cache);
    assert_eq!(
        online.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&online.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&online.stdout).unwrap();
    let v = verdicts(&report);
    assert_eq!(
        (v[0].3.as_str(), v[0].4.as_deref(), v[0].5.as_deref()),
        ("managed-current", Some("prod/db#password"), Some("1"))
    );
    assert_eq!(
        (v[1].3.as_str(), v[1].4.as_deref(), v[1].5.as_deref()),
        (
            "managed-superseded",
            Some("prod/payments#stripe_secret"),
            Some("1")
        )
    );
    // The cache is sealed: no value in clear.
    for entry in std::fs::read_dir(cache.join("leakguard")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(CURRENT) && !text.contains(OLD),
            "cache holds a value in clear"
        );
    }

    drop(vault); // outage
    let offline = scan(&cache);
    let stderr = String::from_utf8_lossy(&offline.stderr).to_string();
    assert_eq!(offline.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("unreachable") && stderr.contains("using values cached"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("using values cached").count(),
        1,
        "warn once"
    );
    let report: serde_json::Value = serde_json::from_slice(&offline.stdout).unwrap();
    assert_eq!(verdicts(&report), v, "same verdicts from the cache");

    let no_cache = scan(&dir.path().join("empty-cache"));
    let stderr = String::from_utf8_lossy(&no_cache.stderr).to_string();
    assert_eq!(no_cache.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("unreachable") && stderr.contains("no usable cache"),
        "{stderr}"
    );
}
