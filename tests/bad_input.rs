//! Bad input: each case gets its exact exit code and one specific line on
//! stderr (an error, or a warning per skipped thing), never a panic or a
//! backtrace. What cannot stop a scan is counted and warned about; what makes
//! it impossible is exit code 2 and one line.

mod common;

use common::{fake_github_token, findings, git_in, leakguard, scan_json, write};
use serde_json::Value;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

/// Runs `leakguard ARGS` and returns its output, checking stderr is never a
/// panic or a backtrace.
fn run(args: &[&str]) -> Output {
    let out = leakguard().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    out
}

/// Asserts exit code 2 and exactly one stderr line, containing each of `parts`.
fn assert_fails_with(out: &Output, parts: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err}");
    assert!(err.starts_with("leakguard: "), "{err}");
    for p in parts {
        assert!(err.contains(p), "{err:?} should mention {p:?}");
    }
    assert!(!err.contains("os error"), "raw OS error text: {err}");
}

fn warnings(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with("leakguard: warning: "))
        .map(str::to_string)
        .collect()
}

fn report(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn str_path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn nonexistent_path() {
    let out = run(&["scan", "/definitely/not/here"]);
    assert_fails_with(
        &out,
        &["/definitely/not/here", "cannot scan", "No such file"],
    );
}

#[test]
fn binary_and_invalid_utf8_files() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "blob.bin",
        b"\x7fELF\x02\x01\x00\x00garbage\x00\xff",
    );
    // Invalid UTF-8 around a secret: the secret is still found.
    let mut latin1 = b"caf\xe9 \xff\xfe\x80 token = ".to_vec();
    latin1.extend_from_slice(fake_github_token(1).as_bytes());
    latin1.extend_from_slice(b"\n\xc3\x28\n");
    write(dir.path(), "latin1.txt", latin1);
    let (code, r) = scan_json(&[str_path(dir.path())]);
    assert_eq!(code, 1);
    assert_eq!(r["stats"]["skipped"]["binary"], 1);
    assert_eq!(r["stats"]["files"], 1);
    assert_eq!(r["findings"][0]["path"], "latin1.txt");
    assert_eq!(r["findings"][0]["line"], 1);
}

#[test]
fn utf16_files_are_scanned_with_or_without_a_byte_order_mark() {
    let dir = TempDir::new().unwrap();
    let text = format!("key: {}\n", fake_github_token(2));
    let mut with_bom = vec![0xFF, 0xFE];
    let mut without = Vec::new();
    for unit in text.encode_utf16() {
        with_bom.extend_from_slice(&unit.to_le_bytes());
        without.extend_from_slice(&unit.to_le_bytes());
    }
    write(dir.path(), "bom.txt", with_bom);
    write(dir.path(), "nobom.txt", without);
    let (code, r) = scan_json(&[str_path(dir.path())]);
    assert_eq!(code, 1);
    // With or without a byte-order mark, UTF-16 text is text.
    let paths: Vec<_> = findings(&r).into_iter().map(|f| f.1).collect();
    assert_eq!(paths, ["bom.txt", "nobom.txt"]);
    assert_eq!(r["stats"]["skipped"]["binary"], 0);
}

#[test]
fn minified_single_line_file_of_50_mb() {
    let dir = TempDir::new().unwrap();
    let mut data = Vec::with_capacity(50 << 20);
    while data.len() < 50 << 20 {
        data.extend_from_slice(b"function f(a,b){return a.concat(b).map(x=>x*2)};");
    }
    data.extend_from_slice(b"var k=\"");
    data.extend_from_slice(fake_github_token(4).as_bytes());
    data.extend_from_slice(b"\";");
    write(dir.path(), "bundle.min.js", &data);
    let root = str_path(dir.path());
    // Over the default limit: skipped and counted, at once.
    let (code, r) = scan_json(&[root]);
    assert_eq!(code, 0);
    assert_eq!(r["stats"]["skipped"]["too_large"], 1);
    // Allowed: streamed, the token at the very end found on line 1.
    let (code, r) = scan_json(&[root, "--max-file-size", "64M"]);
    assert_eq!(code, 1);
    assert_eq!(r["findings"][0]["line"], 1);
    assert_eq!(r["stats"]["bytes"], data.len() as u64);
}

#[test]
fn symlink_loop_and_link_outside_the_tree() {
    let outside = TempDir::new().unwrap();
    write(
        outside.path(),
        "creds.txt",
        format!("t = {}\n", fake_github_token(5)),
    );
    let dir = TempDir::new().unwrap();
    write(dir.path(), "src/main.rs", "fn main() {}\n");
    std::os::unix::fs::symlink("..", dir.path().join("src/loop")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
    let root = str_path(dir.path());

    // Not followed by default: both links counted as not regular, no warning.
    let out = run(&["scan", root, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let r = report(&out);
    assert_eq!(r["stats"]["skipped"]["not_regular"], 2);
    assert_eq!(r["stats"]["files"], 1);
    assert!(warnings(&out).is_empty(), "{:?}", warnings(&out));

    // --follow: the outside file is scanned; the loop is warned about once.
    let out = run(&["scan", root, "--follow", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    // An absolute root gives absolute paths.
    assert_eq!(
        r["findings"][0]["path"],
        format!("{root}/elsewhere/creds.txt")
    );
    let w = warnings(&out);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("loop") && w[0].contains("src/loop"), "{w:?}");
}

#[test]
fn fifo_and_device_files_are_skipped_without_blocking() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "ok.txt", "fine\n");
    let fifo = dir.path().join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero")).unwrap();
    let (code, r) = scan_json(&[str_path(dir.path()), "--follow"]);
    assert_eq!(code, 0);
    assert_eq!(r["stats"]["skipped"]["not_regular"], 2);
    assert_eq!(r["stats"]["files"], 1);
    // Named directly on the command line, too.
    for path in [str_path(&fifo), "/dev/null", "/dev/zero"] {
        let (code, r) = scan_json(&[path]);
        assert_eq!(code, 0, "{path}");
        assert_eq!(r["stats"]["skipped"]["not_regular"], 1, "{path}");
    }
}

#[test]
fn odd_path_names() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(6);
    let line = format!("t = {token}\n");
    write(dir.path(), "with space/a file.txt", &line);
    write(dir.path(), "new\nline.txt", &line);
    let raw = std::ffi::OsStr::from_bytes(b"latin\xe9.txt");
    std::fs::write(dir.path().join(raw), &line).unwrap();
    let root = str_path(dir.path());
    let (code, r) = scan_json(&[root]);
    assert_eq!(code, 1);
    let mut paths: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        vec![
            "latin\u{fffd}.txt",
            "new\nline.txt",
            "with space/a file.txt"
        ]
    );
    // Text and SARIF stay well-formed: one line per finding header, a valid
    // percent-encoded URI.
    let out = run(&["scan", root, "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let sarif = report(&out);
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    for uri in &uris {
        assert!(
            !uri.contains(' ') && !uri.contains('\n'),
            "URI not encoded: {uri:?}"
        );
    }
    let out = run(&["scan", root]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("new\nline"), "{text}");
}

/// Unreadable files and directories. Root reads everything, so when the
/// tests run as root the scan runs as `nobody` through setpriv.
#[test]
fn unreadable_file_and_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    write(
        dir.path(),
        "ok.txt",
        format!("t = {}\n", fake_github_token(7)),
    );
    write(dir.path(), "secret.txt", "x\n");
    write(dir.path(), "locked/inner.txt", "y\n");
    std::fs::set_permissions(
        dir.path().join("secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(
        dir.path().join("locked"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let root = str_path(dir.path());
    // A copy of the binary `nobody` can run whatever the checkout's
    // permissions (a CI checkout under /root is not reachable by others).
    let bin_dir = TempDir::new().unwrap();
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = bin_dir.path().join("leakguard");
    std::fs::copy(assert_cmd::cargo::cargo_bin("leakguard"), &bin).unwrap();
    let as_user = |args: &[&str]| -> Output {
        let mut cmd = if unsafe_is_root() {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            std::process::Command::new(&bin)
        };
        cmd.args(args).env("NO_COLOR", "1").output().unwrap()
    };

    let out = as_user(&["scan", root, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{:?}", warnings(&out));
    let r = report(&out);
    assert_eq!(r["stats"]["skipped"]["unreadable"], 2);
    assert_eq!(r["stats"]["files"], 1);
    let w = warnings(&out);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w
        .iter()
        .any(|l| l.contains("secret.txt") && l.contains("Permission denied")));
    assert!(w
        .iter()
        .any(|l| l.contains("locked") && l.contains("Permission denied")));

    // Nothing readable at all: the scan saw nothing, so exit 2.
    let locked = dir.path().join("locked");
    let out = as_user(&["scan", str_path(&locked)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let last = err.lines().last().unwrap();
    assert!(last.contains("nothing could be scanned"), "{err}");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Whether this process runs as root (euid 0), read from /proc so no libc
/// binding is needed.
fn unsafe_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

fn repo_with_history() -> TempDir {
    let dir = TempDir::new().unwrap();
    let p = dir.path();
    git_in(p, &["init", "-q", "-b", "main"], &[]);
    write(p, "a.txt", format!("t = {}\n", fake_github_token(8)));
    git_in(p, &["add", "."], &[]);
    git_in(p, &["commit", "-qm", "one"], &[]);
    write(p, "b.txt", "second file\n");
    git_in(p, &["add", "."], &[]);
    git_in(p, &["commit", "-qm", "two"], &[]);
    dir
}

#[test]
fn corrupt_loose_object_is_warned_about_and_the_rest_scanned() {
    let repo = repo_with_history();
    let p = repo.path();
    let id = git_in(p, &["rev-parse", "HEAD:b.txt"], &[]);
    let object = p.join(".git/objects").join(&id[..2]).join(&id[2..]);
    let mut perms = std::fs::metadata(&object).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&object, perms).unwrap();
    std::fs::write(&object, b"not zlib at all").unwrap();
    let out = run(&["scan", "--git", str_path(p), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    assert_eq!(r["stats"]["skipped"]["unreadable"], 1);
    assert_eq!(r["findings"][0]["path"], "a.txt");
    let w = warnings(&out);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("b.txt") && w[0].contains(&id), "{w:?}");
}

#[test]
fn missing_packfile_is_one_line_exit_2() {
    let repo = repo_with_history();
    let p = repo.path();
    git_in(p, &["gc", "-q"], &[]);
    let packs = p.join(".git/objects/pack");
    let mut removed = 0;
    for e in std::fs::read_dir(&packs).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "pack") {
            std::fs::remove_file(path).unwrap();
            removed += 1;
        }
    }
    assert_eq!(removed, 1);
    let out = run(&["scan", "--git", str_path(p)]);
    // The commits themselves are gone with the pack: nothing can be scanned.
    assert_fails_with(&out, &[str_path(p)]);
}

#[test]
fn worktree_repository_with_no_commits_and_bare_repository() {
    let repo = repo_with_history();
    let p = repo.path();
    let wt_parent = TempDir::new().unwrap();
    let wt = wt_parent.path().join("wt");
    git_in(p, &["worktree", "add", "-q", str_path(&wt)], &[]);
    let (code, r) = scan_json(&["--git", str_path(&wt)]);
    assert_eq!(code, 1);
    assert_eq!(r["findings"][0]["path"], "a.txt");
    assert_eq!(r["stats"]["commits"], 2);

    let empty = TempDir::new().unwrap();
    git_in(empty.path(), &["init", "-q"], &[]);
    let (code, r) = scan_json(&["--git", str_path(empty.path())]);
    assert_eq!(code, 0);
    assert_eq!(r["stats"]["commits"], 0);

    let bare = TempDir::new().unwrap();
    let bare_path = bare.path().join("r.git");
    git_in(
        p,
        &["clone", "-q", "--bare", ".", str_path(&bare_path)],
        &[],
    );
    let (code, r) = scan_json(&["--git", str_path(&bare_path)]);
    assert_eq!(code, 1);
    assert_eq!(r["stats"]["commits"], 2);

    let out = run(&["scan", "--git", str_path(wt_parent.path())]);
    assert_fails_with(&out, &["not a git repository"]);
}

#[test]
fn malformed_config_rule_file_and_baseline_name_file_line_and_key() {
    let dir = TempDir::new().unwrap();
    let root = str_path(dir.path());
    write(dir.path(), "a.txt", "nothing\n");

    write(
        dir.path(),
        "bad.toml",
        "fail_on = \"high\"\n\n[allowlist]\npaths = [\"x\"]\nnonsense_key = 3\n",
    );
    let cfg = dir.path().join("bad.toml");
    let out = run(&["scan", root, "--config", str_path(&cfg)]);
    assert_fails_with(&out, &["bad.toml", "line 5", "nonsense_key"]);

    write(
        dir.path(),
        "syntax.toml",
        "fail_on = \"high\nmax_file_size = 3\n",
    );
    let out = run(&[
        "scan",
        root,
        "--config",
        str_path(&dir.path().join("syntax.toml")),
    ]);
    assert_fails_with(&out, &["syntax.toml", "line 1"]);

    let rule = |id: &str, regex: &str| {
        format!(
            "[[rules]]\nid = \"{id}\"\nname = \"X\"\nseverity = \"high\"\nkeywords = [\"xx_\"]\nregex = '''{regex}'''\n"
        )
    };
    let cases = [
        (
            "badregex.toml",
            rule("bad-regex", r"(?P<secret>xx_[a-z"),
            vec![
                "badregex.toml",
                "line 6",
                "key 'regex'",
                "bad-regex",
                "invalid regex",
            ],
        ),
        (
            "nogroup.toml",
            rule("no-group", r"xx_[a-z]{8}"),
            vec![
                "nogroup.toml",
                "line 6",
                "key 'regex'",
                "no-group",
                "secret",
            ],
        ),
        (
            "dup.toml",
            format!(
                "{}\n{}",
                rule("dup-id", r"(?P<secret>xx_[a-z]{8})"),
                rule("dup-id", r"(?P<secret>xx_[0-9]{8})")
            ),
            vec!["dup.toml", "line 9", "key 'id'", "dup-id", "duplicate"],
        ),
        (
            "empty.toml",
            rule("empty-match", r"(?P<secret>a*)"),
            vec![
                "empty.toml",
                "line 6",
                "key 'regex'",
                "empty-match",
                "empty",
            ],
        ),
        (
            "unknown.toml",
            format!(
                "{}colour = \"red\"\n",
                rule("x-y", r"(?P<secret>xx_[a-z]{8})")
            ),
            vec!["unknown.toml", "line 7", "colour"],
        ),
    ];
    for (file, text, parts) in cases {
        write(dir.path(), file, text);
        let out = run(&["scan", root, "--rules", str_path(&dir.path().join(file))]);
        assert_fails_with(&out, &parts);
    }

    write(
        dir.path(),
        "baseline.json",
        "{\n  \"version\": 1,\n  \"findings\": [\n    {\"fingerprint\": 12}\n  ]\n}\n",
    );
    let out = run(&[
        "scan",
        root,
        "--baseline",
        str_path(&dir.path().join("baseline.json")),
    ]);
    assert_fails_with(&out, &["baseline.json", "line 4", "fingerprint"]);
}

#[test]
fn malformed_and_unreachable_vaults() {
    let dir = TempDir::new().unwrap();
    let root = str_path(dir.path());
    write(dir.path(), "a.txt", "nothing\n");
    let cache = TempDir::new().unwrap();
    let scan = |uri: &str| {
        leakguard()
            .args(["scan", root, "--vault", uri])
            .env("XDG_CACHE_HOME", cache.path())
            .env("LEAKGUARD_VAULT_BACKOFF_MS", "1")
            .env("VAULT_TOKEN", "test-token")
            .output()
            .unwrap()
    };
    assert_fails_with(
        &scan("nonsense:whatever"),
        &["--vault nonsense:", "unknown scheme"],
    );
    assert_fails_with(&scan("vault+https://"), &["--vault"]);
    assert_fails_with(&scan("dotenv:/no/such/file.env"), &["/no/such/file.env"]);
    // Nothing listens on port 9 of localhost, and no cache exists.
    let out = scan("vault+http://127.0.0.1:9/secret");
    assert_fails_with(&out, &["127.0.0.1:9"]);
}

#[test]
fn output_in_missing_directory_fails_before_scanning() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "nothing\n");
    let out = run(&[
        "scan",
        str_path(dir.path()),
        "-o",
        "/no/such/dir/report.json",
    ]);
    assert_fails_with(&out, &["/no/such/dir/report.json", "does not exist"]);
}

#[test]
fn closed_pipe_exits_quietly() {
    let dir = TempDir::new().unwrap();
    let mut many = String::new();
    for i in 0..3000 {
        many.push_str(&format!("t{i} = {}\n", fake_github_token((i % 250) as u8)));
    }
    write(dir.path(), "many.txt", many);
    let bin = assert_cmd::cargo::cargo_bin("leakguard");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' scan '{}' --no-redact | head -1 >/dev/null; echo $?",
            bin.display(),
            dir.path().display()
        ))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.is_empty(), "closed pipe must be quiet: {err}");
    // Findings still fail the gate: the exit code is the scan's, not 2.
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
}

/// A configuration chooses which files leakguard reads as settings: a
/// device or FIFO there must be refused, not read forever. (A scanned
/// repository's own `.leakguard.toml` cannot name one at all: its paths
/// must stay inside the repository, tests/hostile_repos.rs.)
#[test]
fn settings_files_must_be_regular_files() {
    let dir = TempDir::new().unwrap();
    let cfg_dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "nothing\n");
    write(
        cfg_dir.path(),
        "team.toml",
        "gitleaks_config = \"/dev/zero\"\n",
    );
    let cfg = cfg_dir.path().join("team.toml");
    let out = run(&["scan", str_path(dir.path()), "--config", str_path(&cfg)]);
    assert_fails_with(&out, &["/dev/zero", "not a regular file"]);
    for flag in ["--rules", "--baseline", "--config"] {
        let out = run(&["scan", str_path(dir.path()), flag, "/dev/zero"]);
        assert_fails_with(&out, &["/dev/zero", "not a regular file"]);
    }
}

/// Every rule's keywords followed by non-ASCII values, in the assignment
/// forms the rules read: filters slice values, and a slice inside a
/// multi-byte character panics (found by the held-out corpus: `Hasło`).
#[test]
fn non_ascii_values_after_every_keyword_never_panic() {
    let rules = leakguard::rules::load_builtin().unwrap();
    let mut text = String::new();
    let values = [
        "Hasło",
        "пароль-Секрет1",
        "密码密码密码密码",
        "sha1-ł",
        "Zażółć!Gęślą9",
    ];
    for rule in &rules {
        for kw in &rule.keywords {
            for v in values {
                text.push_str(&format!(
                    "{kw} = \"{v}\"\n{kw}={v}\n{kw}: {v}\n<{kw}>{v}</{kw}>\n"
                ));
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("unicode.txt"), &text).unwrap();
    std::fs::write(dir.path().join(".env"), &text).unwrap();
    let out = leakguard()
        .args(["scan", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code();
    assert!(
        matches!(code, Some(0) | Some(1)),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .next()
            .unwrap_or("")
    );
}

/// A file named on the command line is never skipped in silence: the
/// warning names it and the flag that would scan it. `-v` names walked
/// files skipped for their size; `--binary` scans binary files' text.
#[test]
fn skipped_named_files_are_warned_about_and_binary_text_can_be_scanned() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(7);
    let mut blob = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    blob.extend_from_slice(format!("\x01\x02token={token}\0\0tail").as_bytes());
    write(dir.path(), "tool.bin", &blob);
    write(dir.path(), "big.txt", "x".repeat(2048));
    write(
        dir.path(),
        "header.dat",
        format!("HDR\0\0\0\0\ntoken = {token}\n"),
    );
    let (bin, big) = (dir.path().join("tool.bin"), dir.path().join("big.txt"));
    let (bin, big) = (str_path(&bin), str_path(&big));

    let out = run(&[
        "scan",
        bin,
        big,
        "--max-file-size",
        "1K",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let w = warnings(&out);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w.iter()
            .any(|l| l.contains("tool.bin") && l.contains("--binary")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|l| l.contains("big.txt") && l.contains("--max-file-size")),
        "{w:?}"
    );

    // --binary: the token inside the binary is found, on the file's line 1.
    let out = run(&["scan", bin, "--binary", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    assert_eq!(r["findings"][0]["line"], 1);
    assert_eq!(r["findings"][0]["column"], 25);
    assert_eq!(r["stats"]["skipped"]["binary"], 0);

    // A walked file over the limit is counted, and named with -v only.
    let root = str_path(dir.path());
    let out = run(&["scan", root, "--max-file-size", "1K", "--format", "json"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("big.txt"));
    let out = run(&[
        "scan",
        root,
        "--max-file-size",
        "1K",
        "-v",
        "--format",
        "json",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("big.txt: skipped"));
    // NUL bytes only in the first line do not make a file binary.
    let r = report(&out);
    let paths: Vec<_> = findings(&r).into_iter().map(|f| f.1).collect();
    assert_eq!(paths, [format!("{root}/header.dat")], "{r}");

    // A FIFO named on the command line.
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let out = run(&["scan", fifo.to_str().unwrap(), "--format", "json"]);
    let w = warnings(&out);
    assert!(
        w.len() == 1 && w[0].contains("pipe") && w[0].contains("--stdin"),
        "{w:?}"
    );
}
