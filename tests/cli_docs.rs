//! What the binary says about itself (issue #21): shell completions that
//! load and complete, a man page that renders without warnings, a version
//! that names the commit, and a rule list tools can map rules with.

mod common;

use common::leakguard;
use std::process::Command;

fn stdout_of(args: &[&str]) -> String {
    let out = leakguard().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "leakguard {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Sources the bash completion and asks it to complete `words`; returns
/// COMPREPLY.
fn bash_complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let words_array = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let line = words.join(" ");
    let program = format!(
        "set -e; source '{}'; \
         COMP_WORDS=({words_array}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
         _leakguard leakguard '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len().saturating_sub(2)],
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "the completion does not load: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completion_loads_and_completes_subcommands_and_flags() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipped: no bash");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("leakguard.bash");
    std::fs::write(&script, stdout_of(&["completions", "bash"])).unwrap();
    assert_eq!(bash_complete(&script, &["leakguard", "sc"]), ["scan"]);
    let flags = bash_complete(&script, &["leakguard", "scan", "--for"]);
    assert_eq!(flags, ["--format"]);
    let formats = bash_complete(&script, &["leakguard", "scan", "--format", ""]);
    for format in ["text", "json", "jsonl", "sarif", "html"] {
        assert!(formats.iter().any(|f| f == format), "{format}: {formats:?}");
    }
}

#[test]
fn every_shell_gets_a_script() {
    for (shell, marker) in [
        ("bash", "complete -F _leakguard"),
        ("zsh", "#compdef leakguard"),
        ("fish", "complete -c leakguard"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[leakguard]"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        assert!(script.contains("scan"), "{shell}");
    }
    let out = leakguard().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `man -l` renders the page with groff's warnings on, and says nothing.
#[test]
fn man_page_renders_without_warnings() {
    if Command::new("man").arg("--version").output().is_err() {
        // .ci/run installs man-db and sets LEAKGUARD_REQUIRE_MAN; only a
        // bare developer machine lacks it.
        assert!(
            std::env::var_os("LEAKGUARD_REQUIRE_MAN").is_none(),
            "man is missing (apt-get install man-db groff-base)"
        );
        eprintln!("skipped: no man");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("leakguard.1");
    std::fs::write(&page, stdout_of(&["man"])).unwrap();
    let out = Command::new("man")
        .args(["--warnings=all", "-l"])
        .arg(&page)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "1")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("man runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "man failed: {stderr}");
    assert!(stderr.is_empty(), "man warned:\n{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    // Bold and underline are overstrikes with MAN_KEEP_FORMATTING.
    let plain: String = {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            if i + 2 < chars.len() && chars[i + 1] == '\u{8}' {
                i += 2;
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    };
    for needed in [
        "NAME",
        "SYNOPSIS",
        "COMMANDS",
        "leakguard scan",
        "leakguard report merge",
        "leakguard rules list",
        "leakguard vault snapshot",
        "leakguard completions",
        "--fail-on",
        "--no-redact",
        "--max-archive-depth",
        "EXIT STATUS",
        "ENVIRONMENT",
        "LEAKGUARD_FAIL_ON",
        "LEAKGUARD_MASTER_KEY",
        "LEAKGUARD_FINGERPRINT_KEY",
        "LEAKGUARD_VAULT_JSON",
        "NO_COLOR",
        "FILES",
        ".leakguard.toml",
    ] {
        assert!(plain.contains(needed), "{needed} is not on the page");
    }
    for code in ["0", "1", "2"] {
        let exit_status = plain.split("EXIT STATUS").nth(1).unwrap();
        assert!(
            exit_status
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{code} "))),
            "exit code {code} is not described"
        );
    }
}

#[test]
fn version_names_the_commit() {
    let out = stdout_of(&["--version"]);
    let version = env!("CARGO_PKG_VERSION");
    let rest = out
        .trim()
        .strip_prefix(&format!("leakguard {version} (commit "))
        .unwrap_or_else(|| panic!("unexpected --version: {out}"));
    let commit = rest.strip_suffix(')').expect("closing parenthesis");
    // build.rs: a short id (maybe -dirty) in a checkout, else "unknown".
    let id = commit.strip_suffix("-dirty").unwrap_or(commit);
    assert!(
        id == "unknown" || (id.len() >= 7 && id.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
    let in_checkout = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8(o.stdout).unwrap());
    if let Some(head) = in_checkout {
        // Built from this checkout: the id is a prefix of a commit (HEAD,
        // unless HEAD moved since the build).
        assert_ne!(id, "unknown", "built in a git checkout");
        assert!(head.len() > id.len());
    }
    // Subcommands name the same build.
    let scan = stdout_of(&["scan", "--version"]);
    assert_eq!(
        scan.strip_prefix("leakguard-scan"),
        out.strip_prefix("leakguard")
    );
}

#[test]
fn rules_list_json_has_what_tools_map_rules_with() {
    let rules: serde_json::Value =
        serde_json::from_str(&stdout_of(&["rules", "list", "--format", "json"])).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() > 100);
    for r in rules {
        let id = r["id"].as_str().unwrap();
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}"
        );
        assert!(["critical", "high", "medium", "low", "info"]
            .contains(&r["severity"].as_str().unwrap()));
        assert!(["high", "medium", "low"].contains(&r["confidence"].as_str().unwrap()));
        assert!(r["keywords"].is_array() && r["paths"].is_array(), "{id}");
    }
    let by_id = |id: &str| rules.iter().find(|r| r["id"] == id).unwrap();
    let github = by_id("github-pat-classic");
    assert_eq!(github["confidence"], "high");
    assert_eq!(github["severity"], "high");
    assert_eq!(github["keywords"], serde_json::json!(["ghp_"]));
    assert_eq!(by_id("aws-secret-access-key")["confidence"], "medium");
}
