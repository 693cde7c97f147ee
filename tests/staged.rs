//! `leakguard scan --staged` on real repositories made with the git CLI:
//! only lines the index adds relative to HEAD are reported, with new-file
//! line numbers.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A distinct token matched by `test_rule` (`tt_` + 20 alphanumerics).
fn secret(n: u32) -> String {
    format!("tt_Zp3Kd8Wq2Lm7Xv4Rb9{n:02}")
}

/// Runs git in `dir` (isolated config, fixed dates).
fn git_in(dir: &Path, args: &[&str]) -> String {
    common::git_in(
        dir,
        args,
        &[
            ("GIT_AUTHOR_DATE", "2024-05-01T12:00:00+00:00"),
            ("GIT_COMMITTER_DATE", "2024-05-01T12:00:00+00:00"),
        ],
    )
}

struct Repo {
    dir: TempDir,
    rules_dir: TempDir,
}

impl Repo {
    fn init() -> Repo {
        let dir = TempDir::new().unwrap();
        git_in(dir.path(), &["init", "-q", "-b", "main"]);
        git_in(dir.path(), &["config", "user.name", "Alice Example"]);
        git_in(dir.path(), &["config", "user.email", "alice@example.com"]);
        let rules_dir = TempDir::new().unwrap();
        write(rules_dir.path(), "test.toml", test_rule("high"));
        Repo { dir, rules_dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn rules(&self) -> PathBuf {
        self.rules_dir.path().join("test.toml")
    }

    fn git(&self, args: &[&str]) -> String {
        git_in(self.path(), args)
    }

    fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        write(self.path(), rel, content);
    }

    fn commit_all(&self, msg: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", msg]);
    }

    /// `leakguard scan --staged PATH --rules RULES --format json`.
    fn staged(&self) -> (i32, Value) {
        scan_json(&[
            self.path().to_str().unwrap(),
            "--staged",
            "--rules",
            self.rules().to_str().unwrap(),
        ])
    }
}

fn hit(path: &str, line: u64) -> (String, String, u64) {
    ("test-token".into(), path.into(), line)
}

#[test]
fn a_staged_secret_is_reported_with_its_position() {
    let repo = Repo::init();
    repo.write("README", "readme\n");
    repo.commit_all("init");
    repo.write(
        "src/app.py",
        format!("import os\n\nTOKEN = \"{}\"\n", secret(1)),
    );
    repo.git(&["add", "src/app.py"]);

    let (code, report) = repo.staged();
    assert_eq!(code, 1);
    assert_eq!(findings(&report), vec![hit("src/app.py", 3)]);
    let f = &report["findings"][0];
    assert_eq!((&f["column"], &f["end_column"]), (&10.into(), &33.into()));
    assert_eq!(f["severity"], "high");
    for key in ["commit", "author", "date", "in_head"] {
        assert!(f[key].is_null(), "{key} must be null for --staged");
    }
    assert_eq!(report["stats"]["files"], 1);
    assert!(report["stats"]["commits"].is_null());
}

#[test]
fn a_secret_only_in_the_working_tree_is_ignored() {
    let repo = Repo::init();
    repo.write("a.txt", "one\n");
    repo.commit_all("init");
    repo.write("a.txt", "one\ntwo\n");
    repo.git(&["add", "a.txt"]);
    // Unstaged edit of a staged file, and an untracked file.
    repo.write("a.txt", format!("one\ntwo\n{}\n", secret(2)));
    repo.write("untracked.txt", format!("{}\n", secret(3)));

    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (0, vec![]));
    assert_eq!(report["stats"]["files"], 1);

    // Once staged, it is reported.
    repo.git(&["add", "a.txt"]);
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (1, vec![hit("a.txt", 3)]));
}

#[test]
fn lines_already_in_head_are_ignored_and_new_lines_use_new_file_numbers() {
    let repo = Repo::init();
    repo.write(
        "conf.txt",
        format!("alpha\nold {}\nbeta\ngamma\n", secret(4)),
    );
    repo.commit_all("init");
    // Two lines inserted above the old secret (which moves to line 4), one
    // secret added at the end (line 7), a line changed in between.
    repo.write(
        "conf.txt",
        format!(
            "header\n\nalpha\nold {}\nBETA\ngamma\nnew {}\n",
            secret(4),
            secret(5)
        ),
    );
    repo.git(&["add", "conf.txt"]);

    let (code, report) = repo.staged();
    assert_eq!(code, 1);
    assert_eq!(findings(&report), vec![hit("conf.txt", 7)]);
    assert_eq!(report["findings"][0]["column"], 5);
}

#[test]
fn a_secret_moved_to_a_changed_line_is_reported() {
    // The old secret's line is edited (not just moved): that line is added.
    let repo = Repo::init();
    repo.write("conf.txt", format!("x\nkey {}\n", secret(6)));
    repo.commit_all("init");
    repo.write("conf.txt", format!("x\nkey: {}\n", secret(6)));
    repo.git(&["add", "conf.txt"]);
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (1, vec![hit("conf.txt", 2)]));
}

#[test]
fn works_in_a_new_repository_without_commits() {
    let repo = Repo::init();
    repo.write("first.txt", format!("hello\n\n{}\n", secret(7)));
    repo.write("clean.txt", "nothing here\n");
    repo.git(&["add", "first.txt", "clean.txt"]);

    let (code, report) = repo.staged();
    assert_eq!(code, 1);
    assert_eq!(findings(&report), vec![hit("first.txt", 3)]);
    assert_eq!(report["stats"]["files"], 2);
}

#[test]
fn an_empty_new_repository_has_nothing_staged() {
    let repo = Repo::init();
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (0, vec![]));
    assert_eq!(report["stats"]["files"], 0);
}

#[test]
fn a_staged_deletion_produces_nothing() {
    let repo = Repo::init();
    repo.write("secret.txt", format!("{}\n", secret(8)));
    repo.write("other.txt", format!("a\n{}\nb\n", secret(9)));
    repo.commit_all("init");
    repo.git(&["rm", "-q", "secret.txt"]);
    // Deleting the secret line from a kept file adds nothing either.
    repo.write("other.txt", "a\nb\n");
    repo.git(&["add", "other.txt"]);

    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (0, vec![]));
    assert_eq!(report["stats"]["files"], 0);
}

#[test]
fn a_pure_rename_adds_no_lines() {
    let repo = Repo::init();
    repo.write("old/name.txt", format!("one\n{}\ntwo\n", secret(10)));
    repo.commit_all("init");
    repo.git(&["mv", "old/name.txt", "new-name.txt"]);

    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (0, vec![]));

    // A rename with an added line reports only that line.
    repo.write(
        "new-name.txt",
        format!("one\n{}\ntwo\nthree {}\n", secret(10), secret(11)),
    );
    repo.git(&["add", "new-name.txt"]);
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (1, vec![hit("new-name.txt", 4)]));
}

#[test]
fn an_allow_comment_suppresses_the_line() {
    let repo = Repo::init();
    repo.write("README", "readme\n");
    repo.commit_all("init");
    repo.write(
        "test_data.py",
        format!(
            "FIXTURE = \"{}\"  # leakguard:allow\nREAL = \"{}\"\n",
            secret(12),
            secret(13)
        ),
    );
    repo.git(&["add", "test_data.py"]);
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (1, vec![hit("test_data.py", 2)]));

    repo.write(
        "test_data.py",
        format!("FIXTURE = \"{}\"  # leakguard:allow\n", secret(12)),
    );
    repo.git(&["add", "test_data.py"]);
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (0, vec![]));
}

#[test]
fn runs_from_a_subdirectory_and_reports_paths_from_the_root() {
    let repo = Repo::init();
    repo.write("README", "readme\n");
    repo.commit_all("init");
    repo.write("pkg/sub/config.txt", format!("{}\n", secret(14)));
    repo.git(&["add", "."]);

    let out = leakguard()
        .current_dir(repo.path().join("pkg/sub"))
        .args(["scan", "--staged", "--format", "json", "--rules"])
        .arg(repo.rules())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings(&report), vec![hit("pkg/sub/config.txt", 1)]);
}

#[test]
fn binary_and_oversized_staged_files_are_skipped_and_counted() {
    let repo = Repo::init();
    repo.write("README", "readme\n");
    repo.commit_all("init");
    // NULs past the first line: binary (NULs only in the first line would
    // be a text file's odd header).
    let mut binary = b"\x00\x01\x02\x03\n".to_vec();
    binary.extend_from_slice(format!("{}\n\x00\x00", secret(15)).as_bytes());
    repo.write("blob.bin", &binary);
    repo.write("big.txt", format!("{}\n{}", secret(16), "x\n".repeat(600)));
    repo.git(&["add", "."]);
    let (code, report) = scan_json(&[
        repo.path().to_str().unwrap(),
        "--staged",
        "--max-file-size",
        "1K",
        "--rules",
        repo.rules().to_str().unwrap(),
    ]);
    assert_eq!((code, findings(&report)), (0, vec![]));
    assert_eq!(report["stats"]["skipped"]["binary"], 1);
    assert_eq!(report["stats"]["skipped"]["too_large"], 1);
    assert_eq!(report["stats"]["files"], 0);
}

#[test]
fn not_a_repository_exits_2() {
    let dir = TempDir::new().unwrap();
    let out = leakguard()
        .args(["scan", "--staged"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains("not a git repository"), "stderr: {stderr}");
}

#[test]
fn a_file_git_does_not_diff_as_text_is_still_scanned() {
    // `-diff` (or `binary`) in .gitattributes makes git treat a text file as
    // binary in diffs; its staged lines must still be scanned.
    let repo = Repo::init();
    repo.write(".gitattributes", "*.cfg -diff\n");
    repo.write("old.cfg", format!("a\n{}\n", secret(17)));
    repo.commit_all("init");
    repo.write("new.cfg", format!("x\ny\n{}\n", secret(18)));
    repo.write("old.cfg", format!("a\n{}\nb\n{}\n", secret(17), secret(19)));
    repo.git(&["add", "."]);

    let (code, report) = repo.staged();
    assert_eq!(code, 1);
    assert_eq!(
        findings(&report),
        vec![hit("new.cfg", 3), hit("old.cfg", 4)]
    );
    assert_eq!(report["stats"]["skipped"]["binary"], 0);
}

/// Stages the same change in a repository whose index file was written in a
/// given way, and returns the findings.
fn staged_with_index(prepare: &dyn Fn(&Repo)) -> (i32, Vec<(String, String, u64)>) {
    let repo = Repo::init();
    repo.write("a/b/c.txt", format!("one\n{}\ntwo\n", secret(20)));
    repo.write("d.txt", "to be deleted\n");
    repo.write("x/y.txt", format!("moved {}\n", secret(21)));
    repo.write("tool.sh", "#!/bin/sh\n");
    repo.write("z/keep.txt", "unchanged\n");
    for n in 0..30 {
        repo.write(&format!("many/f{n:02}.txt"), format!("{n}\n"));
    }
    repo.commit_all("init");
    prepare(&repo);
    repo.write(
        "a/b/c.txt",
        format!("one\n{}\n{}\ntwo\n", secret(20), secret(22)),
    );
    repo.write("e/f.txt", format!("{}\n", secret(23)));
    repo.write("many/f07.txt", format!("7\n{}\n", secret(24)));
    repo.git(&["rm", "-q", "d.txt"]);
    repo.git(&["mv", "x/y.txt", "z.txt"]);
    repo.git(&["update-index", "--chmod=+x", "tool.sh"]);
    repo.git(&["add", "-A"]);
    let (code, report) = repo.staged();
    (code, findings(&report))
}

#[test]
fn every_index_file_format_gives_the_same_answer() {
    let expected = (
        1,
        vec![
            hit("a/b/c.txt", 3),
            hit("e/f.txt", 1),
            hit("many/f07.txt", 2),
        ],
    );
    assert_eq!(staged_with_index(&|_| {}), expected, "default index");
    for version in ["2", "3", "4"] {
        let got = staged_with_index(&|r: &Repo| {
            r.git(&["update-index", "--index-version", version]);
        });
        assert_eq!(got, expected, "index version {version}");
    }
    // An index without the cache-tree extension (as `git update-index`
    // writes from scratch): every directory is compared.
    let got = staged_with_index(&|r: &Repo| {
        let listing = r.git(&["ls-files", "-s"]);
        let fresh = r.path().join(".git/index.fresh");
        let mut child = std::process::Command::new("git")
            .args(["update-index", "--index-info"])
            .current_dir(r.path())
            .env("GIT_INDEX_FILE", &fresh)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{listing}").unwrap();
        drop(stdin);
        assert!(child.wait().unwrap().success());
        std::fs::rename(&fresh, r.path().join(".git/index")).unwrap();
    });
    assert_eq!(got, expected, "no cache-tree");
    // A file replaced by a directory and a directory by a file.
    let repo = Repo::init();
    repo.write("p", "file\n");
    repo.write("q/r.txt", "dir\n");
    repo.commit_all("init");
    repo.git(&["rm", "-q", "p", "q/r.txt"]);
    repo.write("p/inner.txt", format!("{}\n", secret(25)));
    repo.write("q", format!("x\n{}\n", secret(26)));
    repo.git(&["add", "-A"]);
    let (code, report) = repo.staged();
    assert_eq!(
        (code, findings(&report)),
        (1, vec![hit("p/inner.txt", 1), hit("q", 2)])
    );
}

#[test]
fn an_unmerged_index_is_read_through_libgit2() {
    let repo = Repo::init();
    repo.write("f.txt", "base\n");
    repo.commit_all("base");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("f.txt", "side\n");
    repo.commit_all("side");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("f.txt", "main\n");
    repo.write("other.txt", format!("{}\n", secret(27)));
    repo.commit_all("main");
    let merge = std::process::Command::new("git")
        .args(["merge", "-q", "side"])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(!merge.status.success(), "conflict expected");
    repo.write("other.txt", format!("{}\n{}\n", secret(27), secret(28)));
    repo.git(&["add", "other.txt"]);
    assert_eq!(
        repo.git(&["ls-files", "-u"]).lines().count(),
        3,
        "f.txt unmerged"
    );
    let (code, report) = repo.staged();
    assert_eq!((code, findings(&report)), (1, vec![hit("other.txt", 2)]));
}

impl Repo {
    /// `leakguard scan --staged` for its exit code and stderr.
    fn staged_stderr(&self) -> (i32, String) {
        let out = leakguard()
            .current_dir(self.path())
            .args(["scan", "--staged", "--rules"])
            .arg(self.rules())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code().expect("exited"), stderr)
    }

    /// Rewrites the index file with `edit`, then its trailing checksum.
    fn edit_index(&self, edit: impl FnOnce(&mut Vec<u8>)) {
        use sha1::{Digest, Sha1};
        let path = self.path().join(".git/index");
        let mut data = std::fs::read(&path).unwrap();
        data.truncate(data.len() - 20);
        edit(&mut data);
        let sum = Sha1::digest(&data);
        data.extend_from_slice(&sum);
        std::fs::write(&path, data).unwrap();
    }
}

/// Where the extensions of a version 2 index file (without its checksum)
/// start: past the entries, each 62 bytes, its path and 1 to 8 NULs.
fn v2_extensions_start(index: &[u8]) -> usize {
    assert_eq!(&index[4..8], &[0, 0, 0, 2], "a version 2 index");
    let count = u32::from_be_bytes(index[8..12].try_into().unwrap());
    let mut at = 12;
    for _ in 0..count {
        let name = index[at + 62..].iter().position(|&b| b == 0).unwrap();
        at += (62 + name + 8) & !7;
    }
    at
}

/// Entries the index marks in their flags are read as any other: `git add
/// -N` (intent to add: an empty blob, so nothing is added yet) and
/// skip-worktree (sparse checkout) entries, in index versions 3 and 4.
#[test]
fn intent_to_add_and_skip_worktree_entries() {
    for version in ["3", "4"] {
        let repo = Repo::init();
        repo.write("kept.txt", "one\n");
        repo.write("other.txt", "two\n");
        repo.commit_all("init");
        repo.git(&["update-index", "--index-version", version]);
        repo.write("later.txt", format!("{}\n", secret(30)));
        repo.git(&["add", "-N", "later.txt"]);
        repo.write("kept.txt", format!("one\n{}\n", secret(31)));
        repo.git(&["add", "kept.txt"]);
        repo.git(&["update-index", "--skip-worktree", "kept.txt", "other.txt"]);
        let (code, report) = repo.staged();
        assert_eq!(
            (code, findings(&report)),
            (1, vec![hit("kept.txt", 2)]),
            "index version {version}"
        );
    }
}

/// A path too long for an entry's flags to record its length (4,095 bytes
/// and more), in every index version (version 4 rebuilds each path from
/// the previous one).
#[test]
fn long_paths_in_every_index_version() {
    let long = vec!["d".repeat(200); 25].join("/") + "/f.txt";
    let longer = format!("{long}.2");
    for version in ["2", "3", "4"] {
        let repo = Repo::init();
        repo.write("a.txt", "a\n");
        repo.commit_all("init");
        repo.git(&["update-index", "--index-version", version]);
        repo.write(".git/blob", format!("{}\n", secret(32)));
        let oid = repo.git(&["hash-object", "-w", ".git/blob"]);
        for path in [&long, &longer] {
            let info = format!("100644,{oid},{path}");
            repo.git(&["update-index", "--add", "--cacheinfo", &info]);
        }
        let (code, report) = repo.staged();
        assert_eq!(
            (code, findings(&report)),
            (1, vec![hit(&long, 1), hit(&longer, 1)]),
            "index version {version}"
        );
    }
}

/// An index nothing here reads (split, sparse, cut short, a path running
/// into the end of the file) is one line naming it and exit code 2, never
/// a crash; a cache-tree extension with bytes after its last directory is
/// not one either.
#[test]
fn unreadable_indexes_exit_2_with_one_line() {
    let prepared = || {
        let repo = Repo::init();
        repo.write("dir/a.txt", "a\n");
        repo.write("top.txt", "top\n");
        repo.commit_all("init");
        repo.write("dir/a.txt", format!("a\n{}\n", secret(33)));
        repo.git(&["add", "-A"]);
        repo
    };
    let split = prepared();
    split.git(&["update-index", "--split-index"]);
    let sparse = prepared();
    sparse.git(&["sparse-checkout", "set", "--cone", "--sparse-index", "dir"]);
    let short = prepared();
    let index = short.path().join(".git/index");
    let data = std::fs::read(&index).unwrap();
    std::fs::write(&index, &data[..100]).unwrap();
    // One entry whose path ends where the file does, inside its padding.
    let padding = prepared();
    let index = padding.path().join(".git/index");
    let data = std::fs::read(&index).unwrap();
    let mut cut = [&data[..8], &[0, 0, 0, 1], &data[12..74], b"abc"].concat();
    cut[72] = 0;
    cut[73] = 3; // path length 3, no other flags
    std::fs::write(&index, cut).unwrap();
    for (what, repo, says) in [
        ("split", &split, "'link'"),
        ("sparse", &sparse, "'sdir'"),
        ("cut short", &short, "index"),
        ("path into the end", &padding, "index"),
    ] {
        let (code, stderr) = repo.staged_stderr();
        assert_eq!(code, 2, "{what}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
        assert!(stderr.contains("cannot read the index"), "{what}: {stderr}");
        assert!(stderr.contains(says), "{what}: {stderr}");
    }

    let trailing = prepared();
    trailing.edit_index(|data| {
        let at = v2_extensions_start(data);
        assert_eq!(&data[at..at + 4], b"TREE");
        let size = u32::from_be_bytes(data[at + 4..at + 8].try_into().unwrap());
        data[at + 4..at + 8].copy_from_slice(&(size + 4).to_be_bytes());
        let end = at + 8 + size as usize;
        data.splice(end..end, *b"junk");
    });
    let (code, stderr) = trailing.staged_stderr();
    assert!(code == 1 || code == 2, "exit {code}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
