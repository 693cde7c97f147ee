//! The GitHub Action (action.yml, issue #21): what GitHub requires of a
//! composite action's metadata, every expression naming something that
//! exists, and its shell steps run here as a runner would run them (scan,
//! job summary, reports, exit code), with the built binary in place of the
//! cached install.

mod common;

use common::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use yaml_rust2::{Yaml, YamlLoader};

fn action() -> Yaml {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml");
    let text = std::fs::read_to_string(path).unwrap();
    YamlLoader::load_from_str(&text)
        .expect("action.yml parses")
        .remove(0)
}

fn text(y: &Yaml) -> Option<&str> {
    y.as_str()
}

/// Every `${{ … }}` expression in `s`, trimmed.
fn expressions(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("${{") {
        let end = rest[start..].find("}}").expect("closed expression") + start;
        out.push(rest[start + 3..end].trim().to_string());
        rest = &rest[end + 2..];
    }
    out
}

/// Every string anywhere in `y`.
fn strings(y: &Yaml, out: &mut Vec<String>) {
    match y {
        Yaml::String(s) => out.push(s.clone()),
        Yaml::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Yaml::Hash(h) => h.iter().for_each(|(k, v)| {
            strings(k, out);
            strings(v, out);
        }),
        _ => {}
    }
}

/// Names `what.NAME` in `expression` (`inputs.fail-on` → `fail-on`).
fn names_after(expression: &str, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = expression;
    while let Some(at) = rest.find(what) {
        let before = rest[..at].chars().last();
        rest = &rest[at + what.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        out.push(name);
    }
    out
}

#[test]
fn metadata_is_what_github_requires() {
    let action = action();
    assert!(text(&action["name"]).is_some_and(|s| !s.is_empty()));
    assert!(text(&action["description"]).is_some_and(|s| !s.is_empty()));
    assert_eq!(text(&action["runs"]["using"]), Some("composite"));
    let inputs = action["inputs"].as_hash().expect("inputs");
    for name in [
        "args",
        "fail-on",
        "format",
        "sarif-file",
        "baseline",
        "version",
    ] {
        let input = &action["inputs"][name];
        assert!(!input.is_badvalue(), "input {name} is declared");
        assert!(text(&input["description"]).is_some(), "{name} is described");
    }
    let steps = action["runs"]["steps"].as_vec().expect("steps");
    assert!(!steps.is_empty());
    let mut ids = Vec::new();
    for step in steps {
        let name = text(&step["name"]).expect("every step is named");
        let runs = !step["run"].is_badvalue();
        let uses = text(&step["uses"]);
        assert!(runs ^ uses.is_some(), "{name}: run or uses");
        if runs {
            assert!(
                text(&step["shell"]).is_some(),
                "{name}: a composite step that runs a command needs shell"
            );
        }
        if let Some(uses) = uses {
            assert!(uses.contains("@v"), "{name}: {uses} is pinned to a version");
        }
        // What a step refers to exists, and comes before it.
        let mut all = Vec::new();
        strings(step, &mut all);
        for expression in all.iter().flat_map(|s| expressions(s)) {
            for input in names_after(&expression, "inputs.") {
                assert!(
                    inputs.contains_key(&Yaml::String(input.clone())),
                    "{name}: inputs.{input} is not declared"
                );
            }
            for id in names_after(&expression, "steps.") {
                assert!(
                    ids.contains(&id),
                    "{name}: steps.{id} is not an earlier step"
                );
            }
        }
        if let Some(id) = text(&step["id"]) {
            ids.push(id.to_string());
        }
    }
    for (name, output) in action["outputs"].as_hash().expect("outputs") {
        for expression in expressions(text(&output["value"]).expect("value")) {
            for id in names_after(&expression, "steps.") {
                assert!(ids.contains(&id), "output {name:?}: no step {id}");
            }
        }
    }
    // The install is cached on the runner OS and what is built.
    let cache = steps
        .iter()
        .find(|s| text(&s["uses"]).is_some_and(|u| u.starts_with("actions/cache@")))
        .expect("a cache step");
    let key = text(&cache["with"]["key"]).unwrap();
    assert!(key.contains("steps.build.outputs.key"));
    let build = steps
        .iter()
        .find(|s| text(&s["id"]) == Some("build"))
        .unwrap();
    let script = text(&build["run"]).unwrap();
    assert!(script.contains("RUNNER_OS") && script.contains("ACTION_REF"));
    let upload = steps
        .iter()
        .find(|s| text(&s["uses"]).is_some_and(|u| u.contains("upload-sarif")))
        .expect("an upload-sarif step");
    assert!(text(&upload["if"]).unwrap().contains("always()"));
}

/// Runs the action's shell steps the way a runner does (`bash --noprofile
/// --norc -eo pipefail`), the step's `env` expressions filled in from
/// `context` and earlier steps' outputs, skipping steps whose `if` the
/// runner would skip.
struct Runner {
    work: PathBuf,
    temp: tempfile::TempDir,
    context: HashMap<String, String>,
    outputs: HashMap<String, HashMap<String, String>>,
    /// What the steps printed.
    log: String,
}

impl Runner {
    fn new(work: &Path, inputs: &[(&str, &str)], base_sha: &str) -> Runner {
        let mut context: HashMap<String, String> = HashMap::new();
        let action = action();
        for (name, input) in action["inputs"].as_hash().unwrap() {
            let default = text(&input["default"]).unwrap_or("");
            context.insert(format!("inputs.{}", name.as_str().unwrap()), default.into());
        }
        for (name, value) in inputs {
            context.insert(format!("inputs.{name}"), value.to_string());
        }
        context.insert("github.event.pull_request.base.sha".into(), base_sha.into());
        context.insert("github.action_ref".into(), "v0.1.0".into());
        Runner {
            work: work.to_path_buf(),
            temp: tempfile::tempdir().unwrap(),
            context,
            outputs: HashMap::new(),
            log: String::new(),
        }
    }

    fn value(&self, expression: &str) -> String {
        if let Some(rest) = expression.strip_prefix("steps.") {
            let (id, output) = rest.split_once(".outputs.").unwrap();
            return self.outputs[id].get(output).cloned().unwrap_or_default();
        }
        self.context
            .get(expression)
            .unwrap_or_else(|| panic!("the test knows no value for {expression}"))
            .clone()
    }

    fn fill(&self, s: &str) -> String {
        let mut out = s.to_string();
        for expression in expressions(s) {
            let value = self.value(&expression);
            let pattern = format!("${{{{ {expression} }}}}");
            out = out.replace(&pattern, &value);
        }
        out
    }

    /// Runs step `id` (by id, or by name); returns its exit code.
    fn run(&mut self, step: &str) -> i32 {
        let action = action();
        let found = action["runs"]["steps"]
            .as_vec()
            .unwrap()
            .iter()
            .find(|s| text(&s["id"]) == Some(step) || text(&s["name"]) == Some(step))
            .unwrap_or_else(|| panic!("no step {step}"))
            .clone();
        let output = self.temp.path().join(format!("{step}.out"));
        std::fs::write(&output, "").unwrap();
        let bin = Path::new(env!("CARGO_BIN_EXE_leakguard")).parent().unwrap();
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
        let mut cmd = std::process::Command::new("bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
            .arg(text(&found["run"]).unwrap())
            .current_dir(&self.work)
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_STEP_SUMMARY", self.temp.path().join("summary.md"))
            .env("GITHUB_PATH", self.temp.path().join("path"))
            .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
            .env("RUNNER_TEMP", self.temp.path())
            .env("RUNNER_TOOL_CACHE", self.temp.path().join("tools"))
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64");
        if let Some(env) = found["env"].as_hash() {
            for (k, v) in env {
                cmd.env(k.as_str().unwrap(), self.fill(text(v).unwrap()));
            }
        }
        let out = cmd.output().unwrap();
        let code = out.status.code().unwrap();
        let mut outputs = HashMap::new();
        for line in std::fs::read_to_string(&output).unwrap().lines() {
            if let Some((k, v)) = line.split_once('=') {
                outputs.insert(k.to_string(), v.to_string());
            }
        }
        if let Some(id) = text(&found["id"]) {
            self.outputs.insert(id.to_string(), outputs);
        }
        self.log.push_str(&String::from_utf8_lossy(&out.stdout));
        self.log.push_str(&String::from_utf8_lossy(&out.stderr));
        code
    }

    fn summary(&self) -> String {
        std::fs::read_to_string(self.temp.path().join("summary.md")).unwrap_or_default()
    }
}

/// A repository whose pull request adds a secret on top of one already
/// on the base branch.
fn pull_request() -> (tempfile::TempDir, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git_in(repo, &["init", "-q", "-b", "main"], &[]);
    let old = fake_github_token(30);
    write(repo, "old.env", format!("GITHUB_TOKEN={old}\n"));
    git_in(repo, &["add", "-A"], &[]);
    git_in(repo, &["commit", "-q", "-m", "base"], &[]);
    let base = git_in(repo, &["rev-parse", "HEAD"], &[]);
    let new = fake_github_token(31);
    write(repo, "src/new.env", format!("GITHUB_TOKEN={new}\n"));
    git_in(repo, &["add", "-A"], &[]);
    git_in(repo, &["commit", "-q", "-m", "pr"], &[]);
    (dir, base, old, new)
}

#[test]
fn on_a_pull_request_the_action_scans_its_commits_summarises_and_fails() {
    let (dir, base, old, new) = pull_request();
    let mut runner = Runner::new(dir.path(), &[("sarif-file", "out.sarif")], &base);
    assert_eq!(runner.run("scan"), 0, "{}", runner.log);
    assert_eq!(runner.outputs["scan"]["exit-code"], "1");
    assert!(
        runner.log.contains(&format!("--since {base}")),
        "{}",
        runner.log
    );
    assert_eq!(runner.run("Summarise the findings"), 0, "{}", runner.log);
    assert_eq!(runner.run("render"), 0, "{}", runner.log);
    assert_eq!(runner.run("Fail on findings at or above fail-on"), 1);

    let summary = runner.summary();
    assert!(summary.contains("**Failed**"), "{summary}");
    assert!(summary.contains("| 0 | 1 | 0 | 0 | 0 | 1 |"), "{summary}");
    assert!(summary.contains("src/new.env:1"), "{summary}");
    assert!(
        !summary.contains("old.env"),
        "only the pull request's commits"
    );
    assert!(summary.contains("ghp\\_…"), "{summary}");
    assert!(!summary.contains(&new[4..12]) && !summary.contains(&old[4..12]));
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "src/new.env"
    );
    // The report in `format` (json by default) is the scan's.
    let report = &runner.outputs["render"]["report"];
    assert!(report.ends_with("report.json"), "{report}");
}

#[test]
fn fail_on_never_passes_and_secrets_stay_out_of_the_summary_even_with_no_redact() {
    let (dir, _, old, new) = pull_request();
    let mut runner = Runner::new(
        dir.path(),
        &[
            ("args", "scan --git . --no-redact"),
            ("fail-on", "never"),
            ("format", "text"),
        ],
        "",
    );
    assert_eq!(runner.run("scan"), 0);
    assert_eq!(runner.outputs["scan"]["exit-code"], "0");
    runner.run("Summarise the findings");
    runner.run("render");
    assert_eq!(runner.run("Fail on findings at or above fail-on"), 0);
    let summary = runner.summary();
    assert!(summary.contains("Passed"), "{summary}");
    assert!(summary.contains("| 2 |"), "both commits: {summary}");
    for token in [&old, &new] {
        assert!(
            !summary.contains(&token[4..]),
            "the summary leaked a secret"
        );
    }
    let report = &runner.outputs["render"]["report"];
    assert!(report.ends_with("report.text"), "{report}");
    let text = std::fs::read_to_string(report).unwrap();
    assert!(text.contains("new.env"));
}

#[test]
fn a_scan_that_cannot_run_fails_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = Runner::new(dir.path(), &[], "");
    assert_eq!(runner.run("scan"), 0);
    assert_eq!(
        runner.outputs["scan"]["exit-code"], "2",
        "not a git repository"
    );
    assert!(runner.log.contains("::error::"), "{}", runner.log);
    runner.run("Summarise the findings");
    assert!(runner.summary().contains("could not run"));
    assert_eq!(runner.run("Fail on findings at or above fail-on"), 2);
}
