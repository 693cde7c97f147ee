//! Helpers shared by the integration tests: run the real binary, parse JSON.
#![allow(dead_code)]

pub mod python;

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// The built binary, with a clean environment for colour and config.
pub fn leakguard() -> Command {
    let mut cmd = Command::cargo_bin("leakguard").expect("binary is built");
    cmd.env("NO_COLOR", "1").env_remove("LEAKGUARD_VAULT_JSON");
    cmd
}

/// Runs `leakguard scan ARGS --format json` and returns (exit code, report).
/// When the first argument is an absolute directory, the scan runs from
/// inside it, as `leakguard scan .` (reports name paths as typed from where
/// the user stands, so this keeps them relative to the scanned tree).
pub fn scan_json(args: &[&str]) -> (i32, Value) {
    let mut cmd = leakguard();
    cmd.arg("scan");
    match args.split_first() {
        Some((first, rest)) if Path::new(first).is_absolute() && Path::new(first).is_dir() => {
            cmd.current_dir(first).arg(".").args(rest);
        }
        _ => {
            cmd.args(args);
        }
    }
    let out = cmd.args(["--format", "json"]).output().unwrap();
    let code = out.status.code().expect("exited");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 report");
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, report)
}

/// (rule_id, path, line) of every finding, in report order.
pub fn findings(report: &Value) -> Vec<(String, String, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Writes a file, creating parent directories.
pub fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

/// A fake GitHub classic PAT built at run time (so this file holds no token),
/// with a valid checksum so that the `github-pat-classic` rule reports it.
pub fn fake_github_token(seed: u8) -> String {
    let alphabet = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut x: u32 = 2654435761u32.wrapping_mul(seed as u32 + 1);
    let random: String = (0..30)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            alphabet[(x as usize) % alphabet.len()] as char
        })
        .collect();
    // GitHub's checksum: the base62 CRC32 of the 30 random characters.
    const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut crc = crc32fast::hash(random.as_bytes());
    let mut checksum = [b'0'; 6];
    for digit in checksum.iter_mut().rev() {
        *digit = BASE62[(crc % 62) as usize];
        crc /= 62;
    }
    format!("ghp_{random}{}", std::str::from_utf8(&checksum).unwrap())
}

/// A user rule file matching `tt_` + 20 alphanumerics, severity `sev`.
pub fn test_rule(sev: &str) -> String {
    format!(
        r#"[[rules]]
id = "test-token"
name = "Test token"
severity = "{sev}"
keywords = ["tt_"]
regex = '''\b(?P<secret>tt_[A-Za-z0-9]{{20}})\b'''
examples = ["tt_Qm7vX2kLp9Rz4Wt8Nb3H"]
negative_examples = ["tt_short"]
"#
    )
}

/// A git command in `dir`, isolated from the user's and the system's config
/// (so no global identity or core.hooksPath interferes) and from any
/// repository the test runner itself is in.
pub fn git_command(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new("git");
    cmd.current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_WORK_TREE");
    cmd
}

/// Runs git in `dir` ([`git_command`]) with a fixed identity; panics with
/// git's stderr when it fails.
pub fn git_in(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> String {
    let out = git_command(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .envs(envs.iter().copied())
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}
