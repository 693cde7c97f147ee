//! `leakguard scan --git` on real repositories made with the git CLI in temp
//! dirs: attribution (commit, author, date, in_head), deduplication across
//! edits and renames, `--rev` / `--since`, refs other than the current branch,
//! merges, empty / shallow / bare repositories, errors and stats.

mod common;

use common::*;
use serde_json::Value;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const ALICE: (&str, &str) = ("Alice Example", "alice@example.com");
const BOB: (&str, &str) = ("Bob Builder", "bob@example.org");

/// A distinct token matched by `test_rule` (`tt_` + 20 alphanumerics).
fn secret(n: u32) -> String {
    format!("tt_Qm7vX2kLp9Rz4Wt8Nb{n:02}")
}

/// A commit made by [`Repo::commit`]: its id, and the date git recorded.
#[derive(Debug, Clone)]
struct Commit {
    id: String,
    author: String,
    date: String,
}

/// A git repository in a temp dir, plus a rule file outside it.
struct Repo {
    dir: TempDir,
    rules_dir: TempDir,
    day: Cell<u32>,
}

impl Repo {
    fn init() -> Repo {
        let dir = TempDir::new().unwrap();
        git_in(dir.path(), &["init", "-q", "-b", "main"], &[]);
        git_in(dir.path(), &["config", "user.name", ALICE.0], &[]);
        git_in(dir.path(), &["config", "user.email", ALICE.1], &[]);
        let rules_dir = TempDir::new().unwrap();
        write(rules_dir.path(), "test.toml", test_rule("high"));
        Repo {
            dir,
            rules_dir,
            day: Cell::new(0),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn rules(&self) -> PathBuf {
        self.rules_dir.path().join("test.toml")
    }

    fn git(&self, args: &[&str]) -> String {
        git_in(self.path(), args, &[])
    }

    fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        write(self.path(), rel, content);
    }

    /// Dates advance one day per commit; +02:00 checks the offset is kept.
    fn next_date(&self) -> String {
        self.day.set(self.day.get() + 1);
        format!("2024-03-{:02}T09:30:00+02:00", self.day.get())
    }

    /// `git add -A` then commit as `who`; returns the new commit.
    fn commit_as(&self, who: (&str, &str), msg: &str) -> Commit {
        self.git(&["add", "-A"]);
        self.run_commit(who, &["commit", "-q", "-m", msg])
    }

    fn commit(&self, msg: &str) -> Commit {
        self.commit_as(ALICE, msg)
    }

    /// Runs a committing git command (commit, merge) with fixed identity and dates.
    fn run_commit(&self, who: (&str, &str), args: &[&str]) -> Commit {
        let date = self.next_date();
        git_in(
            self.path(),
            args,
            &[
                ("GIT_AUTHOR_NAME", who.0),
                ("GIT_AUTHOR_EMAIL", who.1),
                ("GIT_COMMITTER_NAME", who.0),
                ("GIT_COMMITTER_EMAIL", who.1),
                ("GIT_AUTHOR_DATE", &date),
                ("GIT_COMMITTER_DATE", &date),
            ],
        );
        Commit {
            id: self.git(&["rev-parse", "HEAD"]),
            author: format!("{} <{}>", who.0, who.1),
            date,
        }
    }

    /// `leakguard scan --git PATH --rules RULES EXTRA… --format json`.
    fn scan(&self, extra: &[&str]) -> (i32, Value) {
        scan_at(self.path(), &self.rules(), extra)
    }
}

fn scan_at(path: &Path, rules: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec![
        path.to_str().unwrap(),
        "--git",
        "--rules",
        rules.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    scan_json(&args)
}

/// What a history finding says about where and when a secret came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    rule_id: String,
    path: String,
    line: u64,
    commit: String,
    author: String,
    date: String,
    in_head: bool,
}

fn hit(path: &str, line: u64, c: &Commit, in_head: bool) -> Hit {
    Hit {
        rule_id: "test-token".into(),
        path: path.into(),
        line,
        commit: c.id.clone(),
        author: c.author.clone(),
        date: c.date.clone(),
        in_head,
    }
}

/// Every finding of a report as a [`Hit`], sorted.
fn hits(report: &Value) -> Vec<Hit> {
    let mut v: Vec<Hit> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| Hit {
            rule_id: f["rule_id"].as_str().unwrap().into(),
            path: f["path"].as_str().unwrap().into(),
            line: f["line"].as_u64().unwrap(),
            commit: f["commit"].as_str().unwrap().into(),
            author: f["author"].as_str().unwrap().into(),
            date: f["date"].as_str().unwrap().into(),
            in_head: f["in_head"].as_bool().unwrap(),
        })
        .collect();
    v.sort();
    v
}

fn sorted(mut v: Vec<Hit>) -> Vec<Hit> {
    v.sort();
    v
}

#[test]
fn deleted_secret_is_attributed_to_its_commit_and_live_secret_is_in_head() {
    let repo = Repo::init();
    repo.write(
        "config.txt",
        format!("first line\nvalue {}\nlast line\n", secret(1)),
    );
    let c1 = repo.commit_as(ALICE, "add config");
    repo.write("config.txt", "first line\nlast line\n");
    repo.write("src/app.txt", format!("a\nb\n  id: {}\n", secret(2)));
    let c2 = repo.commit_as(BOB, "remove the secret, add app");
    assert_ne!(c1.id, c2.id);

    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        hits(&report),
        sorted(vec![
            hit("config.txt", 2, &c1, false),
            hit("src/app.txt", 3, &c2, true),
        ])
    );
    // The rest of the finding is exact too.
    let f = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "config.txt")
        .unwrap();
    assert_eq!(f["date"], "2024-03-01T09:30:00+02:00");
    assert_eq!(f["author"], "Alice Example <alice@example.com>");
    assert_eq!(f["commit"].as_str().unwrap().len(), 40);
    assert_eq!(
        (&f["column"], &f["end_line"], &f["end_column"]),
        (&Value::from(7), &Value::from(2), &Value::from(30))
    );
    assert_eq!(f["preview"], "tt_Q…");
    assert!(f["vault"].is_null());
    assert_eq!(report["stats"]["commits"], 2);

    // The text report says where each one stands, and who brought it in.
    let out = leakguard()
        .current_dir(repo.path())
        .args([
            "scan",
            "--git",
            ".",
            "--rules",
            repo.rules().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let gone = format!(
        "history: only in history (no longer in HEAD); introduced in commit {} by \
         Alice Example <alice@example.com> on 2024-03-01T09:30:00+02:00",
        &c1.id[..12]
    );
    assert!(text.contains(&gone), "{text}");
    let live = format!(
        "history: still in HEAD; introduced in commit {}",
        &c2.id[..12]
    );
    assert!(text.contains(&live), "{text}");
}

#[test]
fn secret_kept_across_edits_is_reported_once_at_the_oldest_commit() {
    let repo = Repo::init();
    repo.write("notes.md", format!("token {}\n", secret(3)));
    let c1 = repo.commit("introduce");
    repo.write("notes.md", format!("# Notes\n\ntoken {}\n", secret(3)));
    repo.commit_as(BOB, "heading");
    repo.write(
        "notes.md",
        format!("# Notes\n\ntoken {}\nmore\n", secret(3)),
    );
    repo.commit("more");

    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 1);
    assert_eq!(hits(&report), vec![hit("notes.md", 1, &c1, true)]);
    assert_eq!(report["stats"]["commits"], 3);
    assert_eq!(report["stats"]["blobs"], 3);
}

/// main: m1 (old.txt: secret 1) → m2 (base.txt: secret 2);
/// feature, branched off m1: f1 (new.txt: secret 3), old.txt unchanged.
fn pr_branch_off_older_base() -> (Repo, Commit, Commit, Commit) {
    let repo = Repo::init();
    repo.write("old.txt", format!("old {}\n", secret(1)));
    let m1 = repo.commit("m1");
    repo.git(&["branch", "feature"]);
    repo.write("base.txt", format!("x\nbase {}\n", secret(2)));
    let m2 = repo.commit("m2");
    repo.git(&["checkout", "-q", "feature"]);
    repo.write("new.txt", format!("a\nb\nnew {}\n", secret(3)));
    let f1 = repo.commit_as(BOB, "f1");
    (repo, m1, m2, f1)
}

#[test]
fn since_leaves_out_findings_introduced_in_the_base() {
    let (repo, m1, m2, f1) = pr_branch_off_older_base();

    // CI on the PR: only what the PR adds, not old.txt (unchanged in f1 but
    // present in its tree) nor base.txt (only on main).
    let (code, report) = repo.scan(&["--since", "main"]);
    assert_eq!(code, 1);
    assert_eq!(hits(&report), vec![hit("new.txt", 3, &f1, true)]);
    assert_eq!(report["stats"]["commits"], 1);

    let (_, report) = repo.scan(&["--rev", "feature", "--since", "main"]);
    assert_eq!(hits(&report), vec![hit("new.txt", 3, &f1, true)]);

    // The other way round: what main has that feature does not.
    let (_, report) = repo.scan(&["--since", "feature"]);
    assert_eq!(hits(&report), vec![hit("base.txt", 2, &m2, false)]);

    // Nothing new since the PR's own tip.
    let (code, report) = repo.scan(&["--rev", "feature", "--since", "feature"]);
    assert_eq!((code, hits(&report)), (0, vec![]));
    assert_eq!(report["stats"]["commits"], 0);

    // Without --since everything is there, old.txt at m1.
    let (_, report) = repo.scan(&[]);
    assert_eq!(
        hits(&report),
        sorted(vec![
            hit("old.txt", 1, &m1, true),
            hit("base.txt", 2, &m2, false),
            hit("new.txt", 3, &f1, true),
        ])
    );
}

#[test]
fn since_with_the_base_merged_into_the_pr_leaves_out_the_base() {
    let (repo, _m1, _m2, f1) = pr_branch_off_older_base();
    // The PR merges main in: base.txt arrives through the merge, not as new work.
    repo.run_commit(BOB, &["merge", "-q", "--no-ff", "-m", "merge main", "main"]);
    let (code, report) = repo.scan(&["--since", "main"]);
    assert_eq!(code, 1);
    assert_eq!(hits(&report), vec![hit("new.txt", 3, &f1, true)]);
    assert_eq!(report["stats"]["commits"], 2);
}

#[test]
fn rev_scans_only_that_revisions_history() {
    let repo = Repo::init();
    repo.write("a.txt", "clean\n");
    repo.commit("clean");
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.write("a.txt", format!("clean\nother {}\n", secret(4)));
    let o1 = repo.commit("secret on other");
    repo.git(&["checkout", "-q", "main"]);

    let (code, report) = repo.scan(&["--rev", "main"]);
    assert_eq!((code, hits(&report)), (0, vec![]));
    assert_eq!(report["stats"]["commits"], 1);
    assert_eq!(report["stats"]["blobs"], 1);

    let (code, report) = repo.scan(&["--rev", "other"]);
    assert_eq!(code, 1);
    assert_eq!(hits(&report), vec![hit("a.txt", 2, &o1, false)]);

    // A revision expression works too.
    let (_, report) = repo.scan(&["--rev", "other~1"]);
    assert_eq!(hits(&report), vec![]);
}

#[test]
fn other_branches_tags_and_a_detached_head_are_scanned() {
    let repo = Repo::init();
    repo.write("readme.txt", "hello\n");
    repo.commit("root");
    // A branch that is not checked out.
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("side.txt", format!("{}\n", secret(5)));
    let side = repo.commit("side");
    // Commits only an annotated tag and a lightweight tag reach.
    repo.git(&["checkout", "-q", "-b", "tmp1", "main"]);
    repo.write("tagged.txt", format!("\n{}\n", secret(6)));
    let annotated = repo.commit("annotated");
    repo.git(&["tag", "-a", "v1.0", "-m", "release"]);
    repo.git(&["checkout", "-q", "-b", "tmp2", "main"]);
    repo.write("light.txt", format!("\n\n{}\n", secret(7)));
    let light = repo.commit("light");
    repo.git(&["tag", "light"]);
    // A commit only the detached HEAD reaches.
    repo.git(&["checkout", "-q", "--detach", "main"]);
    repo.git(&["branch", "-q", "-D", "tmp1", "tmp2"]);
    repo.write("detached.txt", format!("x {}\n", secret(8)));
    let detached = repo.commit("detached");

    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        hits(&report),
        sorted(vec![
            hit("side.txt", 1, &side, false),
            hit("tagged.txt", 2, &annotated, false),
            hit("light.txt", 3, &light, false),
            hit("detached.txt", 1, &detached, true),
        ])
    );
    assert_eq!(report["stats"]["commits"], 5);

    // main alone has none of them.
    let (code, report) = repo.scan(&["--rev", "main"]);
    assert_eq!((code, hits(&report)), (0, vec![]));
    // An annotated tag is a valid --rev.
    let (_, report) = repo.scan(&["--rev", "v1.0"]);
    assert_eq!(hits(&report), vec![hit("tagged.txt", 2, &annotated, false)]);
}

#[test]
fn a_renamed_file_is_reported_once_at_the_original_introduction() {
    let repo = Repo::init();
    repo.write("a.txt", format!("one\n{}\n", secret(9)));
    let c1 = repo.commit("add");
    repo.git(&["mv", "a.txt", "moved.txt"]);
    repo.commit_as(BOB, "rename");
    repo.write("dir/deeper/again.txt", format!("one\n{}\n", secret(9)));
    repo.git(&["rm", "-q", "moved.txt"]);
    repo.commit_as(BOB, "move into a directory");

    let (_, report) = repo.scan(&[]);
    assert_eq!(hits(&report), vec![hit("a.txt", 2, &c1, true)]);
    assert_eq!(report["stats"]["blobs"], 1);
}

#[test]
fn a_secret_written_in_a_merge_conflict_resolution_is_attributed_to_the_merge() {
    let repo = Repo::init();
    repo.write("f.txt", "start\nvalue one\nend\n");
    repo.commit("base");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("f.txt", "start\nvalue side\nend\n");
    repo.commit("side");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("f.txt", "start\nvalue main\nend\n");
    repo.commit("main");
    let conflict = std::process::Command::new("git")
        .args(["merge", "-q", "side"])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(!conflict.status.success(), "the merge must conflict");
    repo.write("f.txt", format!("start\nvalue {}\nend\n", secret(10)));
    let merge = repo.commit_as(BOB, "merge side");
    assert_eq!(
        repo.git(&["rev-list", "--parents", "-n", "1", "HEAD"])
            .split(' ')
            .count(),
        3,
        "a merge commit"
    );

    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 1);
    assert_eq!(hits(&report), vec![hit("f.txt", 2, &merge, true)]);
}

#[test]
fn a_secret_from_a_merged_side_branch_is_attributed_to_the_side_commit() {
    let repo = Repo::init();
    repo.write("f.txt", "start\n");
    repo.commit("base");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("lib/side.txt", format!("\n\n\n{}\n", secret(11)));
    let side = repo.commit_as(BOB, "side work");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("f.txt", "start\nmore\n");
    repo.commit("main work");
    let merge = repo.run_commit(ALICE, &["merge", "-q", "--no-ff", "-m", "merge", "side"]);
    repo.git(&["branch", "-q", "-D", "side"]);

    let (_, report) = repo.scan(&[]);
    assert_eq!(hits(&report), vec![hit("lib/side.txt", 4, &side, true)]);
    assert_eq!(report["stats"]["commits"], 4);
    // --since the side commit: the merge adds nothing new.
    let (code, report) = repo.scan(&["--since", &side.id]);
    assert_eq!((code, hits(&report)), (0, vec![]));
    assert_eq!(report["stats"]["commits"], 2);
    // --since main's first parent line only: the side commit is new.
    let (_, report) = repo.scan(&["--since", &format!("{}^1", merge.id)]);
    assert_eq!(hits(&report), vec![hit("lib/side.txt", 4, &side, true)]);
}

#[test]
fn a_deleted_dotenv_file_is_found_with_the_builtin_rule() {
    // The rule that .env's file name selects, scanned from history.
    let repo = Repo::init();
    repo.write("README", "app\n");
    repo.write(".env", "# local settings\nDB_PASSWORD=Wn4t8Qk2Rz7p\n");
    let c1 = repo.commit("oops");
    repo.git(&["rm", "-q", ".env"]);
    repo.commit("remove .env");

    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 1);
    let expected = Hit {
        rule_id: "credfile-dotenv-secret".into(),
        ..hit(".env", 2, &c1, false)
    };
    assert_eq!(hits(&report), vec![expected]);
}

#[test]
fn an_empty_repository_has_no_findings_and_no_commits() {
    let repo = Repo::init();
    repo.write("untracked.txt", format!("{}\n", secret(12)));
    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 0);
    assert_eq!(report["findings"], Value::Array(vec![]));
    assert_eq!(report["stats"]["commits"], 0);
    assert_eq!(report["stats"]["blobs"], 0);
    assert_eq!(report["stats"]["files"], 0);
}

/// A repository of three commits: c1 adds a secret, c2 deletes it, c3 adds another.
fn three_commits() -> (Repo, Commit, Commit, Commit) {
    let repo = Repo::init();
    repo.write("a.txt", format!("{}\n", secret(13)));
    let c1 = repo.commit("c1");
    repo.write("a.txt", "gone\n");
    let c2 = repo.commit("c2");
    repo.write("b.txt", format!("b\n{}\n", secret(14)));
    let c3 = repo.commit_as(BOB, "c3");
    (repo, c1, c2, c3)
}

#[test]
fn a_shallow_clone_is_scanned_as_far_as_it_goes_with_a_warning() {
    let (repo, _, _, c3) = three_commits();
    let clones = TempDir::new().unwrap();
    let url = format!("file://{}", repo.path().display());
    git_in(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
        &[],
    );
    let shallow = clones.path().join("shallow");

    let out = leakguard()
        .args(["scan", "--git", "--format", "json", "--rules"])
        .arg(repo.rules())
        .arg(&shallow)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits(&report), vec![hit("b.txt", 2, &c3, true)]);
    assert_eq!(report["stats"]["commits"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("shallow"), "stderr: {stderr}");
}

#[test]
fn a_bare_repository_is_scanned_like_its_source() {
    let (repo, c1, _, c3) = three_commits();
    let clones = TempDir::new().unwrap();
    git_in(
        clones.path(),
        &[
            "clone",
            "-q",
            "--bare",
            repo.path().to_str().unwrap(),
            "b.git",
        ],
        &[],
    );
    let (code, report) = scan_at(&clones.path().join("b.git"), &repo.rules(), &[]);
    assert_eq!(code, 1);
    let expected = sorted(vec![
        hit("a.txt", 1, &c1, false),
        hit("b.txt", 2, &c3, true),
    ]);
    assert_eq!(hits(&report), expected);
    assert_eq!(report["stats"]["commits"], 3);
    // Same as scanning the original.
    let (_, original) = repo.scan(&[]);
    assert_eq!(hits(&original), expected);
}

#[test]
fn not_a_repository_exits_2_with_one_line() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "hello\n");
    let out = leakguard()
        .args(["scan", "--git", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains("not a git repository"), "stderr: {stderr}");
}

#[test]
fn an_unknown_revision_exits_2_with_one_line() {
    let (repo, _, _, _) = three_commits();
    for flag in ["--rev", "--since"] {
        let out = leakguard()
            .args(["scan", "--git", flag, "no-such-branch"])
            .arg(repo.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
        assert!(
            stderr.contains(flag) && stderr.contains("no-such-branch"),
            "stderr: {stderr}"
        );
    }
}

#[test]
fn binary_and_oversized_blobs_are_skipped_and_counted() {
    let repo = Repo::init();
    let mut binary = b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec();
    binary.extend_from_slice(format!(" {} ", secret(15)).as_bytes());
    repo.write("bin/tool", &binary);
    let mut big = format!("{}\n", secret(16));
    big.push_str(&"filler line of text\n".repeat(60)); // > 1 KiB
    repo.write("big.txt", &big);
    repo.write("small.txt", "small\n");
    repo.commit("mixed");

    let (code, report) = repo.scan(&["--max-file-size", "1K"]);
    assert_eq!(code, 0);
    assert_eq!(hits(&report), vec![]);
    let stats = &report["stats"];
    assert_eq!(stats["skipped"]["binary"], 1);
    assert_eq!(stats["skipped"]["too_large"], 1);
    assert_eq!(stats["skipped"]["unreadable"], 0);
    assert_eq!(stats["skipped"]["not_regular"], 0);
    assert_eq!(stats["blobs"], 1);
    assert_eq!(stats["bytes"], 6);

    // With the default limit the large file is scanned.
    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 1);
    assert_eq!(report["stats"]["skipped"]["too_large"], 0);
    assert_eq!(
        findings(&report),
        vec![("test-token".into(), "big.txt".into(), 1)]
    );
}

#[test]
fn a_submodule_entry_is_skipped_without_error() {
    let repo = Repo::init();
    repo.write("a.txt", format!("{}\n", secret(17)));
    let c1 = repo.commit("first");
    // A gitlink to a commit this repository does not have (as a submodule is).
    let target = "0123456789abcdef0123456789abcdef01234567";
    repo.git(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("160000,{target},vendor/lib"),
    ]);
    repo.write(
        ".gitmodules",
        "[submodule \"lib\"]\n\tpath = vendor/lib\n\turl = ../lib\n",
    );
    repo.git(&["add", ".gitmodules"]);
    // Not `git add -A`: with no checkout at vendor/lib it would stage a deletion.
    repo.run_commit(ALICE, &["commit", "-q", "-m", "submodule"]);
    assert_eq!(
        repo.git(&["ls-tree", "HEAD", "vendor/lib"])
            .split(' ')
            .nth(1),
        Some("commit")
    );

    let out = leakguard()
        .args(["scan", "--git", "--format", "json", "--rules"])
        .arg(repo.rules())
        .arg(repo.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits(&report), vec![hit("a.txt", 1, &c1, true)]);
    assert_eq!(report["stats"]["skipped"]["not_regular"], 1);
    assert_eq!(report["stats"]["skipped"]["unreadable"], 0);
    assert_eq!(report["stats"]["blobs"], 2); // a.txt and .gitmodules
}

#[test]
fn stats_count_commits_unique_blobs_and_bytes() {
    let repo = Repo::init();
    repo.write("a.txt", "one\n"); // blob A (4 bytes)
    repo.write("b.txt", "two\n"); // blob B (4 bytes)
    repo.commit("1");
    repo.write("a.txt", "one more\n"); // blob A' (9 bytes)
    repo.write("c/d.txt", "two\n"); // B again, at another path
    repo.commit("2");
    repo.write("a.txt", "one\n"); // A again
    repo.commit("3");
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~2"]);
    repo.write("e.txt", "three!\n"); // blob E (7 bytes)
    repo.commit("4");

    let (code, report) = repo.scan(&[]);
    assert_eq!(code, 0);
    let stats = &report["stats"];
    assert_eq!(stats["commits"], 4);
    assert_eq!(stats["blobs"], 4);
    assert_eq!(stats["files"], 4);
    assert_eq!(stats["bytes"], 4 + 4 + 9 + 7);
    // Every active rule: the built-in ones plus the test rule.
    let listed = leakguard()
        .args(["rules", "list", "--rules"])
        .arg(repo.rules())
        .output()
        .unwrap();
    // One line per rule under the header line.
    let listed = String::from_utf8(listed.stdout).unwrap().lines().count() - 1;
    assert_eq!(stats["rules"].as_u64(), Some(listed as u64));

    let (_, report) = repo.scan(&["--rev", "main"]);
    assert_eq!(report["stats"]["commits"], 3);
    assert_eq!(report["stats"]["blobs"], 3);
    let (_, report) = repo.scan(&["--since", "main"]);
    assert_eq!(report["stats"]["commits"], 1);
    assert_eq!(report["stats"]["blobs"], 1);
    assert_eq!(report["stats"]["bytes"], 7);
}

/// More blobs than one batch of the walk (256), in several commits, packed
/// as deltas, ending with a short batch: every blob is scanned once,
/// findings keep their introducing commits, and two runs give the same
/// report.
#[test]
fn histories_of_many_batches_are_scanned_whole_and_deterministically() {
    let repo = Repo::init();
    let mut commits = Vec::new();
    for round in 0..4u32 {
        for i in 0..200u32 {
            // Every round edits every file: 800 unique blobs in all.
            repo.write(
                &format!("dir{}/file{i:03}.txt", i % 7),
                format!("round {round} file {i}\n{}\n", "filler line\n".repeat(20)),
            );
        }
        repo.write(
            &format!("secrets/r{round}.txt"),
            format!("key = {}\n", secret(round)),
        );
        commits.push(repo.commit(&format!("round {round}")));
    }
    // A last commit of one blob: the walk's final, short batch.
    repo.write("secrets/last.txt", format!("key = {}\n", secret(9)));
    let last = repo.commit("last");
    // Pack the history so blobs are read through delta chains.
    repo.git(&["gc", "-q", "--aggressive"]);
    let (code, first) = repo.scan(&[]);
    assert_eq!(code, 1);
    let mut want: Vec<Hit> = (0..4)
        .map(|r| hit(&format!("secrets/r{r}.txt"), 1, &commits[r as usize], true))
        .collect();
    want.push(hit("secrets/last.txt", 1, &last, true));
    assert_eq!(hits(&first), sorted(want));
    assert_eq!(first["stats"]["blobs"], 805);
    assert_eq!(first["stats"]["commits"], 5);
    let (_, second) = repo.scan(&[]);
    let strip = |r: &Value| {
        let mut r = r.clone();
        // When each scan ran: the second may start a second later.
        r["stats"]["duration_ms"] = Value::Null;
        r["source"]["started_at"] = Value::Null;
        r
    };
    assert_eq!(strip(&first), strip(&second));
}

/// A secret introduced earlier elsewhere, later written on the same line as
/// a new one so that the new finding's context cuts it off: the piece is
/// masked even though the old secret is reported at its older blob (the
/// masking used to run only after that choice, and missed the piece).
#[test]
fn a_neighbour_reported_at_an_older_blob_is_masked_in_the_newer_context() {
    let repo = Repo::init();
    let old = secret(7);
    let new = secret(8);
    // On another line than it will be beside the new one.
    repo.write("config.txt", format!("# settings\nB={old}\n"));
    repo.commit("old secret");
    // The new secret ends at column 26; its context reaches 80 characters
    // past it, so the old one, 60 columns on, is cut after 18.
    let gap = " ".repeat(60);
    repo.write("config.txt", format!("A={new}{gap}B={old}\n"));
    repo.commit("new secret beside it");
    for format in ["json", "text", "sarif"] {
        let out = leakguard()
            .args(["scan", "--git", "--rules"])
            .arg(repo.rules())
            .args(["--format", format])
            .arg(repo.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        for s in [&old, &new] {
            // Anything longer than a preview (4 characters) is a leak.
            assert!(
                !stdout.contains(&s[..8]),
                "{format}: a piece of a secret shows:\n{stdout}"
            );
        }
    }
}
