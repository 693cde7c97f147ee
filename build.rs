//! Embeds every rule file in patterns/ into the binary, so a new provider
//! family is added by dropping a file there (no list to keep in sync).
//!
//! Each file is embedded as JSON converted from its TOML here, at build
//! time: the run-time loader deserializes the same document with serde_json
//! several times faster than a TOML parse, and that load is on the path of
//! every pre-commit run. Each file is embedded twice: whole, for the checks
//! that run examples, and without its examples, for scans (the examples are
//! about half the bytes to parse). A malformed rule file fails the build,
//! naming it.
//!
//! It also records the git commit the binary is built from, for
//! `leakguard --version` (see [`git_commit`]).

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    git_commit();
    let dir = Path::new("patterns");
    println!("cargo:rerun-if-changed=patterns");
    let out_dir = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_rules");
    fs::create_dir_all(&out_dir).unwrap();
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("patterns/ must exist")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// (file name, rule file as JSON) of every built-in rule file.\n\
         /// (file name, rule file as JSON, the same without examples).\n\
         pub static BUILTIN_RULE_FILES: &[(&str, &str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let text = fs::read_to_string(f).unwrap();
        let doc: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("patterns/{name} is not valid TOML: {e}"));
        let json_path = out_dir.join(format!("{name}.json"));
        fs::write(&json_path, serde_json::to_string(&doc).unwrap()).unwrap();
        let mut lean = doc.clone();
        if let Some(rules) = lean.get_mut("rules").and_then(|r| r.as_array_mut()) {
            for rule in rules {
                if let Some(table) = rule.as_table_mut() {
                    table.remove("examples");
                    table.remove("negative_examples");
                }
            }
        }
        let lean_path = out_dir.join(format!("{name}.lean.json"));
        fs::write(&lean_path, serde_json::to_string(&lean).unwrap()).unwrap();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), include_str!({:?})),\n",
            json_path.display().to_string(),
            lean_path.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_rules.rs"),
        out,
    )
    .unwrap();
}

/// Sets `LEAKGUARD_GIT_COMMIT` to the short id of HEAD, with `-dirty` when
/// tracked files differed from it, or to `unknown` without git or outside a
/// repository of leakguard's own (`cargo install` from a crate tarball, a
/// vendored copy inside another project's repository). Set in the
/// environment, it is taken as is (a packager's build).
///
/// Reruns only when HEAD or the branch it points to moves, so rebuilds stay
/// cheap; `-dirty` therefore tells the state when HEAD last moved or the
/// build script last ran, not of every later edit.
fn git_commit() {
    println!("cargo:rerun-if-env-changed=LEAKGUARD_GIT_COMMIT");
    let commit = env::var("LEAKGUARD_GIT_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(commit_from_git);
    println!(
        "cargo:rustc-env=LEAKGUARD_GIT_COMMIT={}",
        commit.unwrap_or_else(|| "unknown".into())
    );
}

fn commit_from_git() -> Option<String> {
    let manifest_dir = Path::new(&env::var("CARGO_MANIFEST_DIR").ok()?)
        .canonicalize()
        .ok()?;
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if Path::new(&top).canonicalize().ok()? != manifest_dir {
        return None;
    }
    // A worktree has its own HEAD; branches live in the common directory.
    let git_dir = git(&["rev-parse", "--absolute-git-dir"])?;
    let common = git(&["rev-parse", "--path-format=absolute", "--git-common-dir"])
        .unwrap_or_else(|| git_dir.clone());
    let head = Path::new(&git_dir).join("HEAD");
    println!("cargo:rerun-if-changed={}", head.display());
    if let Some(reference) = fs::read_to_string(&head)
        .ok()
        .and_then(|h| h.strip_prefix("ref: ").map(|r| r.trim().to_string()))
    {
        // A packed ref has no file of its own: packed-refs changes instead.
        // (A path that does not exist would rerun the script every build.)
        let common = Path::new(&common);
        for file in [common.join(reference), common.join("packed-refs")] {
            if file.exists() {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
    }
    let short = git(&["rev-parse", "--short=12", "HEAD"])?;
    // --no-optional-locks: status must not rewrite the index.
    let dirty = git(&[
        "--no-optional-locks",
        "status",
        "--porcelain",
        "--untracked-files=no",
    ])
    .is_some_and(|s| !s.is_empty());
    Some(if dirty {
        format!("{short}-dirty")
    } else {
        short
    })
}

/// `git ARGS` in the crate's directory: its trimmed output if it succeeded.
fn git(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(env::var("CARGO_MANIFEST_DIR").ok()?)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
