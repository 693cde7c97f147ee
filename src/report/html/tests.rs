use super::*;
use crate::model::Stats;
use crate::report::json::{FindingDoc, ReportDoc, VaultDoc};

fn finding(path: &str, fingerprint: &str, severity: &str) -> FindingDoc {
    FindingDoc {
        rule_id: "github-pat-classic".into(),
        rule_name: "GitHub personal access token (classic)".into(),
        severity: severity.into(),
        confidence: "high".into(),
        path: path.into(),
        line: 3,
        column: 7,
        end_line: 3,
        end_column: 47,
        preview: "ghp_…".into(),
        entropy: 5.1,
        fingerprint: fingerprint.into(),
        commit: None,
        author: None,
        date: None,
        in_head: None,
        vault: None,
        decoded: None,
        repo_path: Some(format!("repo/{path}")),
        context: Some("TOKEN=ghp_…".into()),
        repository: None,
        secret: None,
    }
}

fn doc(findings: Vec<FindingDoc>) -> ReportDoc {
    ReportDoc {
        version: 1,
        findings,
        stats: Stats::default(),
        warnings: vec![],
        source: None,
        tool: None,
        rules: vec![],
        fingerprints: None,
    }
}

#[test]
fn one_row_per_secret_and_one_per_place() {
    let mut a = finding("a.env", "f1", "high");
    a.commit = Some("0123456789abcdef".into());
    a.date = Some("2024-03-01T10:00:00+01:00".into());
    a.in_head = Some(false);
    let mut b = finding("b.env", "f1", "critical");
    b.commit = Some("fedcba9876543210".into());
    b.date = Some("2025-01-02T10:00:00+00:00".into());
    b.in_head = Some(true);
    let c = finding("c.env", "f2", "low");
    let report = doc(vec![a, b, c]);
    let groups = group_by_secret(&report.findings);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].places.len(), 2);
    assert_eq!(groups[0].severity, "critical");
    assert_eq!(groups[0].commits.len(), 2);
    assert_eq!(groups[0].first_seen, Some("2024-03-01T10:00:00+01:00"));
    assert_eq!(groups[0].last_seen, Some("2025-01-02T10:00:00+00:00"));
    assert_eq!(groups[0].in_head, Some(true));
    let page = render(&report);
    assert_eq!(page.matches("data-key=\"s").count(), 2);
    assert_eq!(page.matches("data-key=\"f").count(), 3);
    assert!(page.contains("Findings introduced per month"));
    assert!(page.contains("2024-03") && page.contains("2025-01"));
}

#[test]
fn the_page_fetches_nothing_and_escapes_what_it_shows() {
    let mut f = finding("<script>alert(1)</script>\u{1b}[31m.env", "f1", "high");
    f.author = Some("\"quoted\" & <b>".into());
    f.commit = Some("abc".into());
    let page = render(&doc(vec![f]));
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains('\u{1b}'));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;quoted&quot; &amp; &lt;b&gt;"));
    assert!(page.contains("default-src 'none'"));
    for fetch in ["src=\"http", "href=\"http://fonts", "@import", "url("] {
        assert!(!page.contains(fetch), "{fetch}");
    }
    // The export data cannot end its script element.
    let data_start = page.find("id=\"baseline-data\">").unwrap();
    let data_end = data_start + page[data_start..].find("</script>").unwrap();
    assert!(!page[data_start + 19..data_end].contains('<'));
}

#[test]
fn managed_current_is_flagged_loudest() {
    let mut f = finding("a.env", "f1", "high");
    f.vault = Some(VaultDoc {
        verdict: "managed-current".into(),
        name: Some("prod/github".into()),
        version: Some("3".into()),
    });
    let g = finding("b.env", "f2", "critical");
    let page = render(&doc(vec![g, f]));
    assert!(page.contains("1 of them the vault's current value"));
    assert!(page.contains("class=\"row verdict-managed-current\""));
    assert!(page.contains("prod/github v3"));
}

#[test]
fn months_fill_the_gaps_between_the_first_and_the_last() {
    let m = chart::months(
        [
            "2023-11-30T23:00:00+00:00",
            "2024-02-01T00:00:00+00:00",
            "bad",
        ]
        .into_iter(),
    );
    let labels: Vec<&str> = m.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["2023-11", "2023-12", "2024-01", "2024-02"]);
    assert_eq!(m.iter().map(|(_, n)| n).sum::<usize>(), 2);
}

#[test]
fn numbers_read_well() {
    assert_eq!(thousands(1234567), "1,234,567");
    assert_eq!(thousands(12), "12");
    assert_eq!(bytes(512), "512 bytes");
    assert_eq!(bytes(1536), "1.5 KB (1,536 bytes)");
    assert_eq!(duration(1500), "1.5 s");
}
