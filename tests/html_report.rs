//! The HTML report in a real browser: headless Chromium renders the page of
//! the shipped sample tree and of a history scan, runs its script, and the
//! tests read the DOM it leaves: every finding's path is on the page,
//! filters change the visible rows, keyboard selection works, the export
//! is a baseline `leakguard scan --baseline` accepts, and no secret of the
//! fixtures is in the file or the DOM. A screenshot is taken.
//!
//! Without a browser the tests say so and pass, unless
//! `LEAKGUARD_REQUIRE_BROWSER=1` (set by `.ci/run`, which installs
//! Chromium) makes a missing browser a failure.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

fn sample_tree() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample-tree")
}

/// Chromium (or Chrome), or `None` with a message when there is none.
fn browser() -> Option<PathBuf> {
    let candidates = std::env::var_os("LEAKGUARD_CHROMIUM")
        .map(|p| vec![PathBuf::from(p)])
        .unwrap_or_else(|| {
            ["chromium", "chromium-browser", "google-chrome", "chrome"]
                .iter()
                .map(PathBuf::from)
                .collect()
        });
    for c in candidates {
        let works = Command::new(&c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if works {
            return Some(c);
        }
    }
    assert!(
        std::env::var_os("LEAKGUARD_REQUIRE_BROWSER").is_none(),
        "LEAKGUARD_REQUIRE_BROWSER is set but no Chromium was found (apt-get install chromium)"
    );
    eprintln!(
        "SKIPPED: no headless browser (install chromium, or set LEAKGUARD_CHROMIUM); \
         the HTML report was not checked in a browser"
    );
    None
}

/// Runs headless Chromium on `page` with `args`; returns its stdout.
fn chromium(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let url = format!("file://{}", page.display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The DOM after scripts ran.
fn dump_dom(browser: &Path, dir: &Path, page: &Path) -> String {
    chromium(browser, &dir.join("profile"), &["--dump-dom"], page)
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The secrets of a scan, in clear (`--no-redact`), to prove they are
/// nowhere in the page.
fn secrets_of(args: &[&str]) -> Vec<String> {
    let out = leakguard()
        .arg("scan")
        .args(args)
        .args(["--format", "json", "--no-redact"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let secrets: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["secret"].as_str().unwrap().to_string())
        .collect();
    assert!(!secrets.is_empty());
    secrets
}

fn assert_no_secret(what: &str, text: &str, secrets: &[String]) {
    for s in secrets {
        assert!(
            !text.contains(s.as_str()),
            "a secret ({} characters) is in the {what}",
            s.len()
        );
    }
}

/// A page that loads the report in a frame, drives it like a reviewer
/// and writes what it saw, as JSON, into its own DOM for `--dump-dom`.
const HARNESS: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<iframe id="r" src="report.html" style="width:1200px;height:900px"></iframe>
<pre id="result">not run</pre>
<script>
window.addEventListener('load', function () {
  var out = {};
  try {
    var w = document.getElementById('r').contentWindow;
    var d = w.document;
    var lg = w.leakguardReport;
    var form = d.getElementById('filters');
    function visible() { return lg.visibleKeys(); }
    function sevOf(keys) { return keys.map(function (k) { return d.getElementById(k).dataset.severity; }); }
    function fire(el, type) { el.dispatchEvent(new w.Event(type, { bubbles: true })); }
    out.paths = Array.prototype.map.call(d.querySelectorAll('table[data-view=places] .file'), function (e) { return e.textContent; });
    out.secretPaths = Array.prototype.map.call(d.querySelectorAll('table[data-view=secrets] tr.row'), function (tr) { return tr.dataset.paths; });
    out.initial = visible().length;
    out.status = d.getElementById('shown').textContent;
    // Severity: hide critical.
    var critical = form.querySelector('input[name=severity][value=critical]');
    critical.click();
    out.withoutCritical = sevOf(visible());
    critical.click();
    // Path substring.
    form.elements.path.value = '.env';
    fire(form.elements.path, 'input');
    out.envPaths = visible().map(function (k) { return d.getElementById(k).dataset.paths; });
    form.elements.path.value = '';
    fire(form.elements.path, 'input');
    // Search box.
    form.elements.q.value = 'github';
    fire(form.elements.q, 'input');
    out.searchGithub = visible().map(function (k) { return d.getElementById(k).dataset.rule; });
    form.elements.q.value = '';
    fire(form.elements.q, 'input');
    // The by-file view.
    var places = form.querySelector('input[name=view][value=places]');
    places.click();
    out.placesVisible = visible().length;
    out.byFileHidden = d.getElementById('by-file').hidden;
    out.bySecretHidden = d.getElementById('by-secret').hidden;
    form.querySelector('input[name=view][value=secrets]').click();
    // Sorting by rule, ascending.
    d.querySelector('table[data-view=secrets] button.sort[data-sort=rule]').click();
    out.sortedRules = visible().map(function (k) { return d.getElementById(k).dataset.rule; });
    // Keyboard: j moves to the first row, x selects it, j and x the second.
    function key(k) { d.dispatchEvent(new w.KeyboardEvent('keydown', { key: k, bubbles: true })); }
    key('j');
    out.focused = d.activeElement && d.activeElement.dataset ? d.activeElement.dataset.key : null;
    key('x');
    key('j');
    key('x');
    out.selectedByKeys = d.querySelectorAll('tr.row.selected').length;
    out.exportEnabled = !d.getElementById('export').disabled;
    // Selection by clicking a checkbox too (a by-file row).
    var box = d.querySelector('table[data-view=places] tr.row td.sel input');
    box.click();
    out.selectedKeys = Array.prototype.map.call(d.querySelectorAll('tr.row.selected'), function (tr) { return tr.dataset.key; });
    out.baseline = lg.baseline();
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  document.getElementById('result').textContent = JSON.stringify(out);
});
</script></body></html>"#;

/// Renders `report.html` in `dir` through the harness and returns what it saw.
fn drive(browser: &Path, dir: &Path) -> Value {
    std::fs::write(dir.join("harness.html"), HARNESS).unwrap();
    let dom = dump_dom(browser, dir, &dir.join("harness.html"));
    let start = dom.find("<pre id=\"result\">").expect("harness ran") + 17;
    let end = start + dom[start..].find("</pre>").unwrap();
    let result: Value = serde_json::from_str(&unescape(&dom[start..end]))
        .unwrap_or_else(|e| panic!("harness result ({e}): {}", &dom[start..end]));
    assert!(
        result.get("error").is_none(),
        "page script: {}",
        result["error"]
    );
    result
}

#[test]
fn sample_tree_report_works_in_a_browser() {
    let Some(browser) = browser() else { return };
    let dir = TempDir::new().unwrap();
    let tree = sample_tree();
    let tree_arg = tree.to_str().unwrap();
    let page = dir.path().join("report.html");
    // From inside the tree, as scan_json runs, so paths read the same.
    let out = leakguard()
        .current_dir(&tree)
        .args(["scan", ".", "--format", "html", "-o"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, report) = scan_json(&[tree_arg]);
    let findings = report["findings"].as_array().unwrap();
    let secrets = secrets_of(&[tree_arg]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_no_secret("HTML file", &html, &secrets);

    // The DOM after scripts ran: no secret either, and every path.
    let dom = dump_dom(&browser, dir.path(), &page);
    assert_no_secret("rendered DOM", &dom, &secrets);
    assert!(dom.contains("Showing 8 of 8 secrets"), "script ran");

    let seen = drive(&browser, dir.path());
    let mut paths: Vec<&str> = seen["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = findings
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    paths.sort_unstable();
    expected.sort_unstable();
    assert_eq!(paths, expected, "every finding's path is on the page");
    assert!(!expected.is_empty());

    // Distinct secrets (by fingerprint) are the rows of the first view.
    let mut fingerprints: Vec<&str> = findings
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(seen["initial"], fingerprints.len());

    // Filters change the visible rows.
    let without_critical = seen["withoutCritical"].as_array().unwrap();
    let criticals = findings
        .iter()
        .filter(|f| f["severity"] == "critical")
        .count();
    assert!(criticals > 0);
    assert!(without_critical.len() < fingerprints.len());
    assert!(without_critical.iter().all(|s| s != "critical"));
    let env_paths = seen["envPaths"].as_array().unwrap();
    assert!(!env_paths.is_empty() && env_paths.len() < fingerprints.len());
    assert!(env_paths
        .iter()
        .all(|p| p.as_str().unwrap().contains(".env")));
    assert_eq!(
        seen["searchGithub"],
        serde_json::json!(["github-pat-classic"])
    );
    assert_eq!(seen["placesVisible"], findings.len());
    assert_eq!(seen["byFileHidden"], false);
    assert_eq!(seen["bySecretHidden"], true);
    let sorted: Vec<&str> = seen["sortedRules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let mut by_rule = sorted.clone();
    by_rule.sort_unstable();
    assert_eq!(sorted, by_rule, "sorted by rule");

    // Keyboard: j focuses the first row, x selects.
    assert_eq!(seen["focused"].as_str().unwrap().chars().next(), Some('s'));
    assert_eq!(seen["selectedByKeys"], 2);
    assert_eq!(seen["exportEnabled"], true);
    assert_eq!(seen["selectedKeys"].as_array().unwrap().len(), 3);

    // The export is a baseline that suppresses exactly what was selected.
    let baseline_text = seen["baseline"].as_str().unwrap();
    let baseline: Value = serde_json::from_str(baseline_text).unwrap();
    assert_eq!(baseline["version"], 2);
    assert_eq!(baseline["fingerprints"], report["fingerprints"]);
    let entries = baseline["findings"].as_array().unwrap();
    assert!((2..=3).contains(&entries.len()), "{baseline_text}");
    for e in entries {
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["fingerprint", "path", "rule_id"]);
    }
    let baseline_file = dir.path().join("accepted.json");
    std::fs::write(&baseline_file, baseline_text).unwrap();
    let (_, after) = scan_json(&[tree_arg, "--baseline", baseline_file.to_str().unwrap()]);
    let exported: std::collections::HashSet<&str> = entries
        .iter()
        .map(|e| e["fingerprint"].as_str().unwrap())
        .collect();
    let left = after["findings"].as_array().unwrap();
    assert!(left
        .iter()
        .all(|f| !exported.contains(f["fingerprint"].as_str().unwrap())));
    assert_eq!(
        after["stats"]["suppressed"]["baseline"].as_u64().unwrap() as usize,
        findings.len() - left.len()
    );
    assert!(left.len() < findings.len());

    // A screenshot, for the eye and for docs/.
    let shot = dir.path().join("report.png");
    chromium(
        &browser,
        &dir.path().join("profile"),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600",
            "--hide-scrollbars",
        ],
        &page,
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    if let Some(keep) = std::env::var_os("LEAKGUARD_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}

#[test]
fn history_report_groups_a_secret_over_commits() {
    let Some(browser) = browser() else { return };
    let repo = TempDir::new().unwrap();
    let r = repo.path();
    git_in(r, &["init", "-q", "-b", "main"], &[]);
    let token = fake_github_token(7);
    let other = fake_github_token(9);
    let commit = |date: &str, author: &str, message: &str| {
        git_in(r, &["add", "-A"], &[]);
        git_in(
            r,
            &["commit", "-q", "-m", message],
            &[
                ("GIT_AUTHOR_DATE", date),
                ("GIT_COMMITTER_DATE", date),
                ("GIT_AUTHOR_NAME", author),
                ("GIT_AUTHOR_EMAIL", "dev@example.com"),
                ("GIT_COMMITTER_NAME", author),
                ("GIT_COMMITTER_EMAIL", "dev@example.com"),
            ],
        );
    };
    write(r, "deploy/ci.env", format!("GITHUB_TOKEN={token}\n"));
    commit(
        "2024-01-15T10:00:00+00:00",
        "Alice <b>Example</b>",
        "add ci token",
    );
    write(
        r,
        "scripts/release.sh",
        format!("export GH_TOKEN={token}\n"),
    );
    commit("2024-03-02T10:00:00+00:00", "Bob Builder", "release script");
    std::fs::remove_file(r.join("deploy/ci.env")).unwrap();
    write(r, "tools/sync.py", format!("TOKEN = \"{other}\"\n"));
    commit(
        "2024-06-20T10:00:00+00:00",
        "Carol \u{1b}[31mRed",
        "sync tool",
    );
    std::fs::remove_file(r.join("tools/sync.py")).unwrap();
    commit("2024-07-01T10:00:00+00:00", "Bob Builder", "sync tool gone");

    let dir = TempDir::new().unwrap();
    let page = dir.path().join("report.html");
    let json = dir.path().join("report.json");
    let r_arg = r.to_str().unwrap();
    for (format, out) in [("html", &page), ("json", &json)] {
        let status = leakguard()
            .args(["scan", "--git", r_arg, "--format", format, "-o"])
            .arg(out)
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(1));
    }
    // `report html` renders the saved JSON report into the same page.
    let rendered = dir.path().join("rendered.html");
    leakguard()
        .args(["report", "html"])
        .arg(&json)
        .arg("-o")
        .arg(&rendered)
        .assert()
        .success();
    let strip_dates = |s: String| -> String {
        s.lines()
            .filter(|l| !l.contains("Duration") && !l.contains("started"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let a = strip_dates(std::fs::read_to_string(&page).unwrap());
    let b = strip_dates(std::fs::read_to_string(&rendered).unwrap());
    assert_eq!(
        a.len(),
        b.len(),
        "report html renders what --format html writes"
    );

    let secrets = secrets_of(&["--git", r_arg]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_no_secret("HTML file", &html, &secrets);
    assert!(!html.contains('\u{1b}'), "no raw escape character");
    assert!(!html.contains("<b>Example</b>"), "author names are escaped");

    let dom = dump_dom(&browser, dir.path(), &page);
    assert_no_secret("rendered DOM", &dom, &secrets);
    for path in ["deploy/ci.env", "scripts/release.sh", "tools/sync.py"] {
        assert!(dom.contains(path), "{path} is on the page");
    }
    assert!(dom.contains("Findings introduced per month"));
    assert!(dom.contains("2024-01") && dom.contains("2024-06"));
    assert!(
        dom.contains("history only"),
        "the removed tool's secret is history only"
    );
    assert!(dom.contains("at HEAD"));

    let seen = drive(&browser, dir.path());
    // Two distinct secrets: the token in two files and commits, and the other.
    assert_eq!(seen["initial"], 2);
    let grouped: Vec<&str> = seen["secretPaths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(grouped
        .iter()
        .any(|p| p.contains("deploy/ci.env") && p.contains("scripts/release.sh")));
    assert_eq!(seen["placesVisible"], 3);
    let baseline: Value = serde_json::from_str(seen["baseline"].as_str().unwrap()).unwrap();
    assert!(!baseline["findings"].as_array().unwrap().is_empty());
}

#[test]
fn report_html_rejects_what_is_not_a_json_report() {
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"password\": \"hunter2hunter2\"}").unwrap();
    let out = leakguard()
        .args(["report", "html"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a leakguard JSON report"), "{err}");
    assert!(!err.contains("hunter2"));
    let missing = leakguard()
        .args(["report", "html", "no/such/report.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
