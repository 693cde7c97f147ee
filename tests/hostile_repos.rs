//! Issue #20: repositories leakguard does not control (a CI job scanning a
//! pull request). Their `.leakguard.toml` may only name files inside them,
//! `--no-config` ignores what they provide, names and authors they choose
//! reach the terminal escaped, and damaged ones stop the scan with one line
//! instead of a hang or a quietly partial answer.

mod common;

use common::{fake_github_token, git_in, test_rule, write};
use serde_json::Value;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Longest a scan of a tiny repository may take before it counts as hung.
const HANG: Duration = Duration::from_secs(30);

/// Runs leakguard with `args` in `dir` (no colour), killing it and failing
/// the test if it is still running after [`HANG`].
fn run_in(dir: &Path, args: &[&OsStr]) -> Output {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("leakguard"));
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LEAKGUARD_VAULT_JSON")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("leakguard starts");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("leakguard {args:?} still running after {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    out
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_in(dir, &args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 2, one stderr line, mentioning each of `parts`.
fn assert_fails_with(out: &Output, parts: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err}");
    assert!(err.starts_with("leakguard: "), "{err}");
    for p in parts {
        assert!(err.contains(p), "{err:?} should mention {p:?}");
    }
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

fn init_repo(dir: &Path) {
    git_in(dir, &["init", "-q", "-b", "main"], &[]);
}

fn commit_all(dir: &Path, message: &str) {
    git_in(dir, &["add", "-A"], &[]);
    git_in(dir, &["commit", "-q", "-m", message], &[]);
}

/// A repository with one secret in `app.env`, and a directory outside it
/// holding files a hostile config would like leakguard to read.
struct Fixture {
    _tmp: TempDir,
    repo: PathBuf,
    outside: PathBuf,
}

fn fixture(git: bool) -> Fixture {
    let tmp = TempDir::new().unwrap();
    let repo = tmp.path().join("repo");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    write(
        &repo,
        "app.env",
        format!("TOKEN={}\n", fake_github_token(1)),
    );
    write(&outside, "rules.toml", test_rule("high"));
    write(
        &outside,
        "baseline.json",
        "{\"version\": 1, \"findings\": []}\n",
    );
    write(
        &outside,
        "gitleaks.toml",
        "[allowlist]\npaths = ['''.*''']\n",
    );
    write(&outside, "vault.env", "X=abcdefghijkl\n");
    if git {
        init_repo(&repo);
        commit_all(&repo, "init");
    }
    Fixture {
        _tmp: tmp,
        repo,
        outside,
    }
}

#[test]
fn config_paths_must_stay_inside_the_repository() {
    for git in [true, false] {
        let fx = fixture(git);
        let out_dir = fx.outside.display().to_string();
        std::os::unix::fs::symlink(&fx.outside, fx.repo.join("link")).unwrap();
        std::os::unix::fs::symlink(
            fx.outside.join("gitleaks.toml"),
            fx.repo.join("escape.toml"),
        )
        .unwrap();
        let cases = [
            (
                format!("baseline = \"{out_dir}/baseline.json\""),
                "baseline",
                "absolute",
            ),
            (
                "baseline = \"../outside/baseline.json\"".to_string(),
                "baseline",
                "'..'",
            ),
            (
                "baseline = \"sub/../../outside/x.json\"".to_string(),
                "baseline",
                "'..'",
            ),
            (
                "rules = [\"link/rules.toml\"]".to_string(),
                "rules",
                "outside the repository",
            ),
            // Not there yet: judged by the directory it would be in.
            (
                "baseline = \"link/new.json\"".to_string(),
                "baseline",
                "outside the repository",
            ),
            (
                "gitleaks_config = \"escape.toml\"".to_string(),
                "gitleaks_config",
                "outside the repository",
            ),
            (
                format!("vault = [\"dotenv:{out_dir}/vault.env\"]"),
                "vault",
                "absolute",
            ),
            (
                "vault = [\"json:link/vault.env\"]".to_string(),
                "vault",
                "outside the repository",
            ),
            ("vault = [\"local:../v\"]".to_string(), "vault", "'..'"),
            (
                "vault = [\"fingerprints:/etc/passwd\"]".to_string(),
                "vault",
                "absolute",
            ),
        ];
        for (line, key, why) in cases {
            std::fs::write(fx.repo.join(".leakguard.toml"), format!("{line}\n")).unwrap();
            for scan in [
                &["scan", "."][..],
                &["scan", "--git", "."],
                &["baseline", "create", ".", "-o", "/dev/null"],
            ] {
                if scan.contains(&"--git") && !git {
                    continue;
                }
                let out = run(&fx.repo, scan);
                assert_fails_with(&out, &[".leakguard.toml", &format!("key '{key}'"), why]);
            }
        }
        // A symbolic link that stays inside is fine, and so is a plain path.
        std::fs::create_dir_all(fx.repo.join("ci")).unwrap();
        write(&fx.repo, "ci/rules.toml", test_rule("high"));
        std::os::unix::fs::symlink("ci", fx.repo.join("inner")).unwrap();
        write(&fx.repo, "t.txt", "tt_Qm7vX2kLp9Rz4Wt8Nb3H\n");
        std::fs::write(
            fx.repo.join(".leakguard.toml"),
            "rules = [\"inner/rules.toml\"]\n",
        )
        .unwrap();
        let out = run(&fx.repo, &["scan", ".", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(json(&out)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule_id"] == "test-token"));
    }
}

#[test]
fn the_repository_config_and_default_baseline_may_not_be_links_out() {
    let fx = fixture(true);
    write(&fx.outside, "cfg.toml", "fail_on = \"never\"\n");
    std::os::unix::fs::symlink(fx.outside.join("cfg.toml"), fx.repo.join(".leakguard.toml"))
        .unwrap();
    let out = run(&fx.repo, &["scan", "."]);
    assert_fails_with(&out, &[".leakguard.toml", "outside the repository"]);
    std::fs::remove_file(fx.repo.join(".leakguard.toml")).unwrap();
    std::os::unix::fs::symlink(
        fx.outside.join("baseline.json"),
        fx.repo.join(".leakguard-baseline.json"),
    )
    .unwrap();
    let out = run(&fx.repo, &["scan", "--git", "."]);
    assert_fails_with(
        &out,
        &[".leakguard-baseline.json", "outside the repository"],
    );
}

/// The user's own choices are trusted: flags, and a config named with
/// `--config` (its paths may leave its directory).
#[test]
fn flags_and_an_explicit_config_may_name_any_file() {
    let fx = fixture(true);
    write(&fx.repo, "t.txt", "tt_Qm7vX2kLp9Rz4Wt8Nb3H\n");
    let rules = fx.outside.join("rules.toml");
    let baseline = fx.outside.join("baseline.json");
    let out = run(
        &fx.repo,
        &[
            "scan",
            ".",
            "--rules",
            rules.to_str().unwrap(),
            "--baseline",
            baseline.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let cfg = fx.outside.join("team").join("cfg.toml");
    write(
        &fx.outside,
        "team/cfg.toml",
        "rules = [\"../rules.toml\"]\nvault = [\"dotenv:../vault.env\"]\n",
    );
    let out = run(
        &fx.repo,
        &[
            "scan",
            ".",
            "--config",
            cfg.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule_id"] == "test-token"));
}

#[test]
fn no_config_ignores_what_the_repository_provides() {
    let fx = fixture(true);
    let repo = &fx.repo;
    // The repository hides its own leak three ways: a baseline recording
    // it, an allowlist and fail_on.
    let out = run(
        repo,
        &[
            "baseline",
            "create",
            "--git",
            ".",
            "-o",
            ".leakguard-baseline.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    write(
        repo,
        ".leakguard.toml",
        "fail_on = \"never\"\n[allowlist]\npaths = [\"*.env\"]\n",
    );
    for target in [&["scan", "."][..], &["scan", "--git", "."]] {
        let out = run(repo, &[target, &["--format", "json"]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(json(&out)["findings"].as_array().unwrap().len(), 0);
        let out = run(
            repo,
            &[target, &["--format", "json", "--no-config"]].concat(),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let report = json(&out);
        assert_eq!(report["findings"][0]["path"], "app.env");
        assert_eq!(report["stats"]["suppressed"]["baseline"], 0);
        assert_eq!(report["stats"]["suppressed"]["allowlist"], 0);
    }
    // A config that would stop the scan is not even read.
    write(repo, ".leakguard.toml", "baseline = \"/etc/passwd\"\n");
    let out = run(repo, &["scan", ".", "--no-config"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Command-line flags still apply.
    let out = run(repo, &["scan", ".", "--no-config", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let base = repo.join(".leakguard-baseline.json");
    let out = run(
        repo,
        &[
            "scan",
            ".",
            "--no-config",
            "--baseline",
            base.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // baseline create and --staged take it too.
    let out = run(
        repo,
        &["baseline", "create", ".", "--no-config", "-o", "fresh.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fresh = std::fs::read_to_string(repo.join("fresh.json")).unwrap();
    assert!(fresh.contains("app.env"), "{fresh}");
    write(repo, "new.env", format!("TOKEN={}\n", fake_github_token(2)));
    git_in(repo, &["add", "new.env"], &[]);
    let out = run(repo, &["scan", "--staged", "."]);
    assert_fails_with(&out, &["baseline", "/etc/passwd", "absolute"]);
    let out = run(repo, &["scan", "--staged", "--no-config", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

/// Bytes a terminal would act on: C0 controls other than the line breaks
/// and tabs of the output's own layout, DEL, and C1 controls (as UTF-8).
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .filter(|(_, c)| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{80}'..='\u{9f}').contains(c)
        })
        .map(|(i, c)| {
            format!(
                "{c:?} at {i}: {:?}",
                &text[i.saturating_sub(30)..(i + 10).min(text.len())]
            )
        })
        .collect()
}

/// File names an attacker picks: a colour escape, a screen clear, a line
/// feed, a carriage return, a C1 CSI, invalid UTF-8, and markup.
fn hostile_names() -> Vec<Vec<u8>> {
    vec![
        b"red\x1b[31m.env".to_vec(),
        b"new\nline.env".to_vec(),
        b"car\rriage.env".to_vec(),
        "c1\u{9b}31m.env".as_bytes().to_vec(),
        b"bad\xff\xfe.env".to_vec(),
        b"<img src=x onerror=alert(1)>.env".to_vec(),
    ]
}

fn hostile_repo() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let repo = tmp.path().to_path_buf();
    init_repo(&repo);
    for (i, name) in hostile_names().iter().enumerate() {
        let path = repo.join(OsStr::from_bytes(name));
        std::fs::write(path, format!("TOKEN={}\n", fake_github_token(10 + i as u8))).unwrap();
    }
    git_in(&repo, &["add", "-A"], &[]);
    let evil = "Mallory \x1b]0;owned\x07\x1b[2J\u{9b}1m";
    git_in(
        &repo,
        &["commit", "-q", "-m", "innocent\x1b[2J\r\nmessage\u{9b}"],
        &[("GIT_AUTHOR_NAME", evil), ("GIT_COMMITTER_NAME", evil)],
    );
    (tmp, repo)
}

#[test]
fn attacker_names_are_printed_escaped_in_every_format() {
    let (_tmp, repo) = hostile_repo();
    let names = hostile_names();
    // One blob gone: its (hostile) path is named in a warning on stderr.
    let id = git_in(&repo, &["rev-parse", "HEAD:new\nline.env"], &[]);
    std::fs::remove_file(repo.join(".git/objects").join(&id[..2]).join(&id[2..])).unwrap();
    for target in [&["scan", "."][..], &["scan", "--git", "."]] {
        let out = run(&repo, &[target, &["--format", "text"]].concat());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        for stream in [&out.stdout, &out.stderr] {
            let bad = raw_controls(stream);
            assert!(
                bad.is_empty(),
                "{target:?}: raw control characters: {bad:#?}"
            );
        }
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("red\\u{1b}[31m.env"), "{text}");
        assert!(
            text.contains("new\\nline.env") || target.contains(&"--git"),
            "{text}"
        );
        assert!(text.contains("car\\rriage.env"), "{text}");
        assert!(text.contains("c1\\u{9b}31m.env"), "{text}");
        assert!(text.contains("bad\u{fffd}\u{fffd}.env"), "{text}");
        if target.contains(&"--git") {
            assert!(text.contains("Mallory \\u{1b}]0;owned\\u{7}"), "{text}");
            let err = stderr(&out);
            assert!(err.contains("new\\nline.env") && err.contains(&id), "{err}");
        }

        let out = run(&repo, &[target, &["--format", "json"]].concat());
        let report = json(&out);
        let paths: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap())
            .collect();
        for name in &names {
            let shown = String::from_utf8_lossy(name);
            if shown.contains("new\n") && target.contains(&"--git") {
                continue; // its blob is the one removed
            }
            assert!(
                paths.contains(&shown.as_ref()),
                "{shown:?} not in {paths:?}"
            );
        }
        let out = run(&repo, &[target, &["--format", "sarif"]].concat());
        let sarif = json(&out);
        assert_eq!(
            sarif["runs"][0]["results"].as_array().unwrap().len(),
            paths.len()
        );
        let out = run(&repo, &[target, &["--format", "html"]].concat());
        let html = String::from_utf8_lossy(&out.stdout);
        assert!(!html.contains("<img src=x"), "markup from a file name");
        assert!(html.contains("&lt;img src=x"), "the name is shown escaped");
    }
    // Staged: the same names in the index.
    let (_tmp, repo) = hostile_repo();
    for name in hostile_names() {
        let path = repo.join(OsStr::from_bytes(&name));
        std::fs::write(path, format!("TOKEN={}\n", fake_github_token(99))).unwrap();
    }
    git_in(&repo, &["add", "-A"], &[]);
    let out = run(&repo, &["scan", "--staged", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for stream in [&out.stdout, &out.stderr] {
        let bad = raw_controls(stream);
        assert!(bad.is_empty(), "staged: raw control characters: {bad:#?}");
    }
}

/// A repository of three commits (the first two touch `old/`), packed or
/// loose, and the ids of what the damage cases break.
struct History {
    _tmp: TempDir,
    repo: PathBuf,
}

impl History {
    fn new() -> History {
        let tmp = TempDir::new().unwrap();
        let repo = tmp.path().to_path_buf();
        init_repo(&repo);
        write(
            &repo,
            "old/a.env",
            format!("TOKEN={}\n", fake_github_token(3)),
        );
        commit_all(&repo, "one");
        write(&repo, "old/b.txt", "b\n");
        commit_all(&repo, "two");
        write(&repo, "c.txt", "c\n");
        commit_all(&repo, "three");
        History { _tmp: tmp, repo }
    }

    fn id(&self, rev: &str) -> String {
        git_in(&self.repo, &["rev-parse", rev], &[])
    }

    fn loose(&self, id: &str) -> PathBuf {
        self.repo.join(".git/objects").join(&id[..2]).join(&id[2..])
    }

    fn garble(&self, rev: &str) {
        let path = self.loose(&self.id(rev));
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, b"garbage, not zlib").unwrap();
    }

    fn remove(&self, rev: &str) {
        std::fs::remove_file(self.loose(&self.id(rev))).unwrap();
    }
}

/// Breaks a [`History`] in one way.
type Damage = fn(&History);

/// Which damage stops the scan (exit 2, one line): anything that hides an
/// unknown part of the history — a ref's commit, a parent commit, a tree,
/// a pack, a ref that cannot be resolved. A lost blob is one known file:
/// warned about and counted, as an unreadable file in a directory is.
#[test]
fn damaged_history_is_one_line_exit_2_and_never_a_hang() {
    let cases: Vec<(&str, Damage, &str)> = vec![
        (
            "garbled head commit",
            |h| h.garble("HEAD"),
            "refs/heads/main",
        ),
        ("missing head commit", |h| h.remove("HEAD"), "missing"),
        (
            "missing parent commit",
            |h| h.remove("HEAD~2"),
            "cannot walk history",
        ),
        (
            "garbled old commit",
            |h| h.garble("HEAD~1"),
            "cannot walk history",
        ),
        (
            "missing old tree",
            |h| h.remove("HEAD~1:old"),
            "directory old",
        ),
        (
            "garbled root tree",
            |h| h.garble("HEAD^{tree}"),
            "directory /",
        ),
        ("truncated pack", truncate_pack, "refs/heads/main"),
        (
            "symbolic refs that loop",
            |h| {
                git_in(
                    &h.repo,
                    &["symbolic-ref", "refs/heads/a", "refs/heads/b"],
                    &[],
                );
                git_in(
                    &h.repo,
                    &["symbolic-ref", "refs/heads/b", "refs/heads/a"],
                    &[],
                );
            },
            "cannot be resolved",
        ),
        (
            "HEAD pointing to itself",
            |h| std::fs::write(h.repo.join(".git/HEAD"), "ref: HEAD\n").unwrap(),
            "HEAD",
        ),
    ];
    for (what, damage, says) in cases {
        let h = History::new();
        damage(&h);
        let out = run(&h.repo, &["scan", "--git", "."]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{what}: {err}");
        assert_eq!(err.lines().count(), 1, "{what}: one line expected: {err}");
        assert!(
            err.starts_with("leakguard: ") && err.contains(says),
            "{what}: {err}"
        );
    }
    // --staged reads HEAD's tree: a damaged HEAD is one line too.
    let h = History::new();
    std::fs::write(h.repo.join(".git/HEAD"), "ref: HEAD\n").unwrap();
    assert_fails_with(&run(&h.repo, &["scan", "--staged", "."]), &["HEAD"]);
    let h = History::new();
    h.garble("HEAD^{tree}");
    write(&h.repo, "d.txt", "d\n");
    git_in(&h.repo, &["add", "d.txt"], &[]);
    assert_fails_with(&run(&h.repo, &["scan", "--staged", "."]), &["HEAD"]);
    // A dangling symbolic ref names no history: not an error.
    let h = History::new();
    git_in(
        &h.repo,
        &[
            "symbolic-ref",
            "refs/remotes/origin/HEAD",
            "refs/remotes/origin/gone",
        ],
        &[],
    );
    let out = run(&h.repo, &["scan", "--git", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

fn truncate_pack(h: &History) {
    git_in(&h.repo, &["gc", "-q"], &[]);
    let packs = h.repo.join(".git/objects/pack");
    for e in std::fs::read_dir(&packs).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "pack") {
            let len = std::fs::metadata(&path).unwrap().len();
            let file = std::fs::OpenOptions::new().write(true).open(&path);
            let file = file.or_else(|_| {
                let mut perms = std::fs::metadata(&path).unwrap().permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                perms.set_readonly(false);
                std::fs::set_permissions(&path, perms).unwrap();
                std::fs::OpenOptions::new().write(true).open(&path)
            });
            file.unwrap().set_len(len / 2).unwrap();
        }
    }
}

#[test]
fn a_lost_blob_is_warned_about_and_counted() {
    for how in ["garbled", "missing"] {
        let h = History::new();
        if how == "garbled" {
            h.garble("HEAD:c.txt");
        } else {
            h.remove("HEAD:c.txt");
        }
        let out = run(&h.repo, &["scan", "--git", ".", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{how}: {}", stderr(&out));
        let report = json(&out);
        assert_eq!(report["stats"]["skipped"]["unreadable"], 1, "{how}");
        assert_eq!(report["findings"][0]["path"], "old/a.env", "{how}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{how}: {err}");
        assert!(err.contains("warning: c.txt"), "{how}: {err}");
    }
}
