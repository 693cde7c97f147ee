//! `leakguard install-hook` and the installed pre-commit hook, end to end
//! with real `git commit`s.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

const MARKER: &str = "leakguard pre-commit hook";

/// A distinct token matched by `test_rule` (`tt_` + 20 alphanumerics).
fn secret(n: u32) -> String {
    format!("tt_Hv6Rn2Qx8Tk4Mz7Jc3{n:02}")
}

/// An isolated git command ([`git_command`]) that runs hooks as a user's
/// shell would, without the test runner's leakguard settings.
fn hook_git(dir: &Path) -> std::process::Command {
    let mut cmd = git_command(dir);
    cmd.env_remove("LEAKGUARD_BIN")
        .env_remove("LEAKGUARD_FAIL_ON")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs git in `dir` ([`hook_git`]) and returns its output.
fn git_out(dir: &Path, args: &[&str]) -> Output {
    hook_git(dir).args(args).output().expect("git runs")
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_out(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn init() -> TempDir {
    let dir = TempDir::new().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["config", "user.name", "Alice Example"]);
    git(dir.path(), &["config", "user.email", "alice@example.com"]);
    dir
}

fn install(dir: &Path, extra: &[&str]) -> Output {
    leakguard()
        .arg("install-hook")
        .args(extra)
        .arg(dir)
        .output()
        .unwrap()
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o111 == 0o111
}

#[test]
fn install_writes_an_executable_hook() {
    let dir = init();
    let out = install(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let hook = dir.path().join(".git/hooks/pre-commit");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(&hook.display().to_string()),
        "stdout: {stdout}"
    );
    let script = std::fs::read_to_string(&hook).unwrap();
    assert!(script.starts_with("#!/bin/sh\n"));
    assert!(script.contains(MARKER));
    assert!(script.contains("scan --staged"));
    // No path to a binary is baked in: the hook finds `leakguard` on PATH.
    let bin = assert_cmd::cargo::cargo_bin("leakguard");
    assert!(!script.contains(&bin.display().to_string()), "{script}");
    assert!(script.contains("${LEAKGUARD_BIN:-leakguard}"), "{script}");
    assert!(is_executable(&hook));

    // Installing again updates our own hook without --force.
    std::fs::write(&hook, format!("#!/bin/sh\n# {MARKER} (old)\n")).unwrap();
    assert_eq!(install(dir.path(), &[]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), script);
}

#[test]
fn a_foreign_hook_is_kept_unless_forced() {
    let dir = init();
    let hook = dir.path().join(".git/hooks/pre-commit");
    let foreign = "#!/bin/sh\necho running lint\n";
    write(dir.path(), ".git/hooks/pre-commit", foreign);

    let out = install(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains("--force"), "stderr: {stderr}");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), foreign);

    let out = install(dir.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(0));
    let script = std::fs::read_to_string(&hook).unwrap();
    assert!(script.contains(MARKER));
    assert!(!script.contains("running lint"));
    assert!(is_executable(&hook));
}

#[test]
fn core_hooks_path_is_honoured() {
    let dir = init();
    git(dir.path(), &["config", "core.hooksPath", "some/dir"]);
    let sub = dir.path().join("nested");
    std::fs::create_dir(&sub).unwrap();
    // From a subdirectory: a relative hooksPath is relative to the work tree.
    let out = install(&sub, &[]);
    assert_eq!(out.status.code(), Some(0));
    let hook = dir.path().join("some/dir/pre-commit");
    assert!(std::fs::read_to_string(&hook).unwrap().contains(MARKER));
    assert!(is_executable(&hook));
    assert!(!dir.path().join(".git/hooks/pre-commit").exists());
    assert!(!sub.join("some").exists());

    // git runs it from there.
    let rules = rules_file();
    write(dir.path(), "k.txt", format!("{}\n", secret(1)));
    git(dir.path(), &["add", "k.txt"]);
    let out = commit(dir.path(), &rules, &[]);
    assert!(!out.status.success());
}

/// A rule file outside the repository, and its path.
fn rules_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "test.toml", test_rule("high"));
    let p = dir.path().join("test.toml");
    (dir, p)
}

/// `git commit -m msg EXTRA…` with the hook told to load the test rule.
///
/// The hook runs `leakguard scan --staged`; `--rules` is passed through the
/// `LEAKGUARD_BIN` wrapper below so the test rule is active.
fn commit(dir: &Path, rules: &(TempDir, PathBuf), extra: &[&str]) -> Output {
    let wrapper = rules.0.path().join("leakguard-with-rules");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec '{}' \"$@\" --rules '{}'\n",
            assert_cmd::cargo::cargo_bin("leakguard").display(),
            rules.1.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    hook_git(dir)
        .args(["commit", "-q", "-m", "change"])
        .args(extra)
        .env("LEAKGUARD_BIN", &wrapper)
        .output()
        .unwrap()
}

fn head(dir: &Path) -> Option<String> {
    let out = git_out(dir, &["rev-parse", "-q", "--verify", "HEAD"]);
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap().trim().to_string())
}

#[test]
fn the_hook_stops_a_commit_that_adds_a_secret_and_lets_a_clean_one_through() {
    let dir = init();
    assert_eq!(install(dir.path(), &[]).status.code(), Some(0));
    let rules = rules_file();

    // A first commit that adds a secret, in a new repository.
    write(dir.path(), "config.txt", format!("a\n{}\n", secret(2)));
    git(dir.path(), &["add", "config.txt"]);
    let out = commit(dir.path(), &rules, &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("The commit was stopped"), "{stderr}");
    assert!(stderr.contains("leakguard:allow"), "{stderr}");
    assert!(stderr.contains("config.txt"), "{stderr}");
    assert!(!stderr.contains(&secret(2)), "the secret is never printed");
    assert_eq!(head(dir.path()), None);

    // Take it out of the change: a clean commit succeeds.
    git(dir.path(), &["rm", "-q", "--cached", "config.txt"]);
    write(dir.path(), "clean.txt", "nothing to see\n");
    git(dir.path(), &["add", "clean.txt"]);
    let out = commit(dir.path(), &rules, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = head(dir.path()).expect("committed");

    // An allowed line is committed too.
    write(
        dir.path(),
        "fixture.txt",
        format!("{} # leakguard:allow\n", secret(3)),
    );
    git(dir.path(), &["add", "fixture.txt"]);
    let out = commit(dir.path(), &rules, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(head(dir.path()).unwrap(), first);
}

#[test]
fn the_hook_sees_what_commit_a_and_commit_paths_stage() {
    // `git commit -a` and `git commit PATH` stage into a temporary index
    // (GIT_INDEX_FILE); the hook must scan that, not .git/index.
    let dir = init();
    assert_eq!(install(dir.path(), &[]).status.code(), Some(0));
    let rules = rules_file();
    write(dir.path(), "tracked.txt", "one\n");
    git(dir.path(), &["add", "tracked.txt"]);
    assert!(commit(dir.path(), &rules, &[]).status.success());
    let before = head(dir.path());

    write(dir.path(), "tracked.txt", format!("one\n{}\n", secret(4)));
    let out = commit(dir.path(), &rules, &["-a"]);
    assert_eq!(out.status.code(), Some(1), "commit -a must be stopped");
    assert!(String::from_utf8_lossy(&out.stderr).contains("tracked.txt"));
    assert_eq!(head(dir.path()), before);

    let out = commit(dir.path(), &rules, &["--", "tracked.txt"]);
    assert_eq!(out.status.code(), Some(1), "commit PATH must be stopped");
    assert_eq!(head(dir.path()), before);

    // And a clean `commit -a` goes through.
    write(dir.path(), "tracked.txt", "one\ntwo\n");
    assert!(commit(dir.path(), &rules, &["-a"]).status.success());
    assert_ne!(head(dir.path()), before);
}

/// The directories of git and the shell, and nothing else.
fn path_without_leakguard() -> String {
    let git = std::env::var_os("PATH")
        .and_then(|path| {
            std::env::split_paths(&path)
                .map(|d| d.join("git"))
                .find(|g| g.is_file())
        })
        .expect("git on PATH");
    format!("{}:/usr/bin:/bin", git.parent().unwrap().display())
}

/// A directory holding only a `leakguard` link to the built binary.
fn bin_dir() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::os::unix::fs::symlink(
        assert_cmd::cargo::cargo_bin("leakguard"),
        dir.path().join("leakguard"),
    )
    .unwrap();
    dir
}

#[test]
fn the_hook_finds_leakguard_on_path_and_says_how_to_install_it() {
    let dir = init();
    assert_eq!(install(dir.path(), &[]).status.code(), Some(0));
    write(dir.path(), ".env", "DB_PASSWORD=Wn4t8Qk2Rz7p\n");
    git(dir.path(), &["add", ".env"]);

    // Not on PATH: the commit is stopped with how to install it.
    let out = hook_git(dir.path())
        .args(["commit", "-q", "-m", "env"])
        .env("PATH", path_without_leakguard())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("not on PATH") && stderr.contains("cargo install"),
        "{stderr}"
    );
    assert_eq!(head(dir.path()), None);

    // On PATH: it runs, with the built-in rules.
    let bins = bin_dir();
    let out = hook_git(dir.path())
        .args(["commit", "-q", "-m", "env"])
        .env(
            "PATH",
            format!("{}:{}", bins.path().display(), path_without_leakguard()),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The rule that the .env file name selects.
    assert!(
        stderr.contains("credfile-dotenv-secret")
            || String::from_utf8_lossy(&out.stdout).contains("credfile-dotenv-secret"),
        "{stderr}"
    );
    assert!(stderr.contains("The commit was stopped"), "{stderr}");
    assert_eq!(head(dir.path()), None);
}

/// `git commit` with the built binary on PATH and `envs` set.
fn commit_on_path(dir: &Path, bins: &TempDir, envs: &[(&str, &str)]) -> Output {
    hook_git(dir)
        .args(["commit", "-q", "-m", "change"])
        .env(
            "PATH",
            format!("{}:{}", bins.path().display(), path_without_leakguard()),
        )
        .envs(envs.iter().copied())
        .output()
        .unwrap()
}

/// `leakguard baseline create --staged -o .leakguard-baseline.json`, the
/// hook's advice, run in `dir`.
fn baseline_staged(dir: &Path) -> Output {
    leakguard()
        .current_dir(dir)
        .args([
            "baseline",
            "create",
            "--staged",
            "-o",
            ".leakguard-baseline.json",
        ])
        .output()
        .unwrap()
}

#[test]
fn the_hook_honours_the_repository_config_and_baseline() {
    let dir = init();
    let bins = bin_dir();
    assert_eq!(install(dir.path(), &[]).status.code(), Some(0));

    // A clean commit prints nothing; with LEAKGUARD_VERBOSE the summary.
    write(dir.path(), "README.md", "hello\n");
    git(dir.path(), &["add", "README.md"]);
    let out = commit_on_path(dir.path(), &bins, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    write(dir.path(), "README.md", "hello again\n");
    git(dir.path(), &["add", "README.md"]);
    let out = commit_on_path(dir.path(), &bins, &[("LEAKGUARD_VERBOSE", "1")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no findings"),
        "{out:?}"
    );

    // fail_on from .leakguard.toml: a medium finding does not stop the commit…
    write(dir.path(), ".leakguard.toml", "fail_on = \"critical\"\n");
    write(dir.path(), "app.py", "db_password = \"Wn4t8Qk2Rz7pXv\"\n");
    git(dir.path(), &["add", ".leakguard.toml", "app.py"]);
    let out = commit_on_path(dir.path(), &bins, &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // …unless LEAKGUARD_FAIL_ON says so for one commit.
    write(dir.path(), "app2.py", "db_password = \"Qz8Lm3Tr6Wn2Hd\"\n");
    git(dir.path(), &["add", "app2.py"]);
    let out = commit_on_path(dir.path(), &bins, &[("LEAKGUARD_FAIL_ON", "low")]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");

    // The advice works: record it in the baseline, and the commit goes through.
    std::fs::write(dir.path().join(".leakguard.toml"), "").unwrap();
    git(dir.path(), &["add", ".leakguard.toml"]);
    let out = commit_on_path(dir.path(), &bins, &[]);
    assert_eq!(out.status.code(), Some(1), "fail_on is back to low");
    let made = baseline_staged(dir.path());
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    git(dir.path(), &["add", ".leakguard-baseline.json"]);
    let out = commit_on_path(dir.path(), &bins, &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // A later staged baseline adds to the file instead of replacing it.
    write(dir.path(), "app3.py", "db_password = \"Hc5Vb9Nq2Xr7Kt\"\n");
    git(dir.path(), &["add", "app3.py"]);
    let made = baseline_staged(dir.path());
    assert_eq!(made.status.code(), Some(0));
    let baseline = std::fs::read_to_string(dir.path().join(".leakguard-baseline.json")).unwrap();
    assert!(
        baseline.contains("app2.py") && baseline.contains("app3.py"),
        "{baseline}"
    );

    // A `baseline` key in .leakguard.toml names another file.
    std::fs::rename(
        dir.path().join(".leakguard-baseline.json"),
        dir.path().join("accepted.json"),
    )
    .unwrap();
    write(
        dir.path(),
        ".leakguard.toml",
        "baseline = \"accepted.json\"\n",
    );
    git(dir.path(), &["add", "-A"]);
    let out = commit_on_path(dir.path(), &bins, &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
