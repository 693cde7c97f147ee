//! Scanning many repositories (docs/scale.md): the `xargs -P` recipe
//! (`deploy/scan-all.sh`) fans out over several local repositories and
//! `report merge` makes one report of them; the GitHub Actions workflow and
//! the Kubernetes manifests are valid YAML with the keys their engines
//! require.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use yaml_rust2::{Yaml, YamlLoader};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A repository with `files` committed, one commit per file.
fn repo(parent: &Path, name: &str, files: &[(&str, String)]) -> PathBuf {
    let dir = parent.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    git_in(&dir, &["init", "-q", "-b", "main"], &[]);
    for (path, content) in files {
        write(&dir, path, content);
        git_in(&dir, &["add", "-A"], &[]);
        git_in(&dir, &["commit", "-q", "-m", path], &[]);
    }
    dir
}

#[test]
fn xargs_recipe_fans_out_and_merges() {
    let work = TempDir::new().unwrap();
    let shared = fake_github_token(11);
    let own = fake_github_token(12);
    let repos = [
        repo(
            work.path(),
            "api",
            &[
                ("ci/deploy.env", format!("GITHUB_TOKEN={shared}\n")),
                ("README.md", "# api\n".into()),
            ],
        ),
        repo(
            work.path(),
            "web",
            &[("scripts/publish.sh", format!("export GH_TOKEN={shared}\n"))],
        ),
        repo(
            work.path(),
            "tools",
            &[("sync.py", format!("TOKEN = \"{own}\"\n"))],
        ),
        repo(work.path(), "docs", &[("index.md", "# docs\n".into())]),
    ];
    let list = work.path().join("repos.txt");
    let lines: Vec<String> = repos.iter().map(|r| r.display().to_string()).collect();
    std::fs::write(
        &list,
        format!("# every repository\n{}\n\n", lines.join("\n")),
    )
    .unwrap();
    let out = work.path().join("out");
    let bin_dir = assert_cmd::cargo::cargo_bin("leakguard")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = std::process::Command::new("sh")
        .arg(root().join("deploy/scan-all.sh"))
        .arg(&list)
        .arg(&out)
        .arg("3")
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(1),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    // One report per repository, the merged ones beside them.
    let reports = std::fs::read_dir(out.join("reports")).unwrap().count();
    assert_eq!(reports, 4);
    assert!(
        stdout.contains("1 secret found in several repositories"),
        "{stdout}"
    );
    assert!(stdout.contains("in 2 repositories: api, web"), "{stdout}");
    let html = std::fs::read_to_string(out.join("org-report.html")).unwrap();
    assert!(html.contains("found in several repositories"));
    for secret in [&shared, &own] {
        assert!(!html.contains(secret.as_str()) && !stdout.contains(secret.as_str()));
    }

    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("org-report.json")).unwrap())
            .unwrap();
    let findings = merged["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3);
    let mut where_found: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["repository"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
            )
        })
        .collect();
    where_found.sort_unstable();
    assert_eq!(
        where_found,
        [
            ("api", "ci/deploy.env"),
            ("tools", "sync.py"),
            ("web", "scripts/publish.sh")
        ]
    );
    let fingerprint = |repo: &str| {
        findings.iter().find(|f| f["repository"] == repo).unwrap()["fingerprint"].clone()
    };
    assert_eq!(
        fingerprint("api"),
        fingerprint("web"),
        "same secret, same fingerprint"
    );
    assert_ne!(fingerprint("api"), fingerprint("tools"));
    // Stats are summed: 2 + 1 + 1 + 1 commits.
    assert_eq!(merged["stats"]["commits"], 5);
    assert_eq!(merged["source"]["kind"], "merged");
    let mut names: Vec<&str> = merged["source"]["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["api", "docs", "tools", "web"]);
}

#[test]
fn merge_sorts_by_severity_exits_like_a_scan_and_writes_every_format() {
    let work = TempDir::new().unwrap();
    let rules = work.path().join("rules");
    write(&rules, "test.toml", test_rule("low"));
    let token = fake_github_token(21);
    let a = repo(
        work.path(),
        "alpha",
        &[("notes.txt", "tt_Qm7vX2kLp9Rz4Wt8Nb01\n".into())],
    );
    let b = repo(
        work.path(),
        "beta",
        &[("app.env", format!("GITHUB_TOKEN={token}\n"))],
    );
    let mut reports = Vec::new();
    for (repo, name) in [(&a, "alpha.json"), (&b, "beta.json")] {
        let report = work.path().join(name);
        leakguard()
            .args(["scan", "--git"])
            .arg(repo)
            .arg("--rules")
            .arg(rules.join("test.toml"))
            .args(["--format", "json", "--fail-on", "never", "-o"])
            .arg(&report)
            .assert()
            .success();
        reports.push(report);
    }
    let merge = |extra: &[&str]| {
        leakguard()
            .args(["report", "merge"])
            .args(&reports)
            .args(extra)
            .output()
            .unwrap()
    };
    let json = merge(&[]);
    assert_eq!(
        json.status.code(),
        Some(1),
        "a low finding fails at the default level"
    );
    let merged: Value = serde_json::from_slice(&json.stdout).unwrap();
    let severities: Vec<&str> = merged["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["high", "low"], "most severe first");
    assert_eq!(merged["findings"][0]["repository"], "beta");
    assert_eq!(merge(&["--fail-on", "high"]).status.code(), Some(1));
    assert_eq!(merge(&["--fail-on", "critical"]).status.code(), Some(0));
    assert_eq!(merge(&["--fail-on", "never"]).status.code(), Some(0));

    let sarif = merge(&["--format", "sarif", "--fail-on", "never"]);
    let sarif: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert!(results
        .iter()
        .all(|r| r["properties"]["repository"].is_string()));
    let text = merge(&["--format", "text", "--fail-on", "never"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("beta: app.env:1"), "{text}");
    assert!(!text.contains(token.as_str()));

    // A report that is not one: exit 2, one line, naming the file.
    let bad = work.path().join("bad.json");
    std::fs::write(&bad, "[1, 2, 3]").unwrap();
    let out = leakguard()
        .args(["report", "merge"])
        .arg(&reports[0])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.json"), "{err}");
}

fn load_yaml(rel: &str) -> Vec<Yaml> {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn str_of<'a>(y: &'a Yaml, what: &str) -> &'a str {
    y.as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {y:?}"))
}

#[test]
fn github_workflow_has_what_actions_requires() {
    let docs = load_yaml("deploy/github-actions/org-scan.yml");
    assert_eq!(docs.len(), 1);
    let w = &docs[0];
    assert!(w["name"].as_str().is_some());
    assert!(!w["on"].is_badvalue(), "a trigger");
    let jobs = w["jobs"].as_hash().expect("jobs");
    for (name, job) in jobs {
        let name = str_of(name, "job name");
        assert!(job["runs-on"].as_str().is_some(), "{name}: runs-on");
        let steps = job["steps"]
            .as_vec()
            .unwrap_or_else(|| panic!("{name}: steps"));
        for step in steps {
            let uses = step["uses"].as_str();
            let run = step["run"].as_str();
            assert!(
                uses.is_some() != run.is_some(),
                "{name}: a step either uses an action or runs a command"
            );
            if let Some(uses) = uses {
                assert!(uses.contains('@'), "{name}: {uses} pins a version");
            }
            if run.is_some() {
                assert!(
                    step["shell"].as_str().is_some(),
                    "{name}: run steps name their shell"
                );
            }
        }
        // Every job it needs exists.
        if let Some(needs) = job["needs"].as_str() {
            assert!(
                jobs.contains_key(&Yaml::String(needs.into())),
                "{name} needs {needs}"
            );
        }
    }
    let scan = &w["jobs"]["scan"];
    assert_eq!(scan["needs"].as_str(), Some("list"));
    assert!(
        str_of(&scan["strategy"]["matrix"]["repo"], "matrix").contains("needs.list.outputs.repos")
    );
    let merge = &w["jobs"]["merge"];
    assert_eq!(merge["needs"].as_str(), Some("scan"));
    let runs: String = merge["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert!(runs.contains("leakguard report merge"));
}

#[test]
fn kubernetes_manifests_have_what_the_api_requires() {
    let scan = load_yaml("deploy/kubernetes/scan-indexed-job.yaml");
    let merge = load_yaml("deploy/kubernetes/merge-job.yaml");
    let mut kinds = Vec::new();
    for doc in scan.iter().chain(&merge) {
        let kind = str_of(&doc["kind"], "kind");
        assert!(doc["apiVersion"].as_str().is_some(), "{kind}: apiVersion");
        assert!(
            doc["metadata"]["name"].as_str().is_some(),
            "{kind}: metadata.name"
        );
        kinds.push(kind.to_string());
        if kind == "Job" {
            assert_eq!(doc["apiVersion"].as_str(), Some("batch/v1"));
            let pod = &doc["spec"]["template"]["spec"];
            let restart = str_of(&pod["restartPolicy"], "restartPolicy");
            assert!(
                ["Never", "OnFailure"].contains(&restart),
                "a Job's pods do not restart Always"
            );
            for c in pod["containers"].as_vec().expect("containers") {
                assert!(c["name"].as_str().is_some() && c["image"].as_str().is_some());
            }
            // Every mounted volume is declared.
            let declared: Vec<&str> = pod["volumes"]
                .as_vec()
                .unwrap()
                .iter()
                .map(|v| v["name"].as_str().unwrap())
                .collect();
            let containers = pod["containers"].as_vec().unwrap().iter();
            let init = pod["initContainers"].as_vec().into_iter().flatten();
            for c in containers.chain(init) {
                for m in c["volumeMounts"].as_vec().into_iter().flatten() {
                    let name = m["name"].as_str().unwrap();
                    assert!(declared.contains(&name), "volume {name} is declared");
                }
            }
        }
    }
    let job = scan
        .iter()
        .find(|d| d["kind"].as_str() == Some("Job"))
        .unwrap();
    assert_eq!(job["spec"]["completionMode"].as_str(), Some("Indexed"));
    let completions = job["spec"]["completions"].as_i64().unwrap();
    let config = scan
        .iter()
        .find(|d| d["kind"].as_str() == Some("ConfigMap"))
        .unwrap();
    let listed = str_of(&config["data"]["repos.txt"], "repos.txt")
        .lines()
        .count();
    assert_eq!(completions as usize, listed, "one index per repository");
    let script = str_of(
        &job["spec"]["template"]["spec"]["containers"][0]["args"][0],
        "args",
    );
    assert!(script.contains("JOB_COMPLETION_INDEX") && script.contains("leakguard scan --git"));
    assert!(kinds.contains(&"PersistentVolumeClaim".to_string()));
}
