//! The HTML report (`--format html`, `leakguard report html`): one
//! self-contained page for security reviews. It is rendered from the JSON
//! report's document ([`ReportDoc`]), so a saved JSON report renders the same
//! page a scan would have written, redacted the same way.
//!
//! The page is complete without its script: every finding is in the markup,
//! grouped by secret (one row per fingerprint) and, in a second table, one
//! row per place. The inline script adds filters, sorting, a search box,
//! keyboard navigation and the baseline export. A Content-Security-Policy
//! forbids every network request, so nothing leaves the reviewer's machine.

mod chart;
mod group;

use super::json::{FindingDoc, ReportDoc};
use group::{group_by_secret, SecretGroup};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Severities in report order, most severe first.
const SEVERITIES: [&str; 5] = ["critical", "high", "medium", "low", "info"];
const CONFIDENCES: [&str; 3] = ["high", "medium", "low"];

/// What every report says about a finding: rotate first, then clean up.
const REMEDIATION: &str = "Treat the credential as compromised: rotate (revoke and reissue) it \
at the provider first, then remove it from the code and, because git keeps every version, from \
the repository's history (git filter-repo or BFG), and move it to a secret manager. If it is a \
false positive, select it here and export a baseline, or add a leakguard:allow comment on its line.";

/// Writes `doc` as a self-contained HTML page.
pub(crate) fn write(doc: &ReportDoc, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(doc).as_bytes())
}

/// The page for `doc`.
pub(crate) fn render(doc: &ReportDoc) -> String {
    let groups = group_by_secret(&doc.findings);
    let mut page = String::with_capacity(64 * 1024 + doc.findings.len() * 1024);
    let title = page_title(doc);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"color-scheme\" content=\"light dark\">\n\
<meta name=\"generator\" content=\"leakguard {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&tool_version(doc)),
        esc(&title)
    );
    let _ = write!(
        page,
        "<a class=\"skip\" href=\"#findings\">Skip to findings</a>\n<header>\n<h1>{}</h1>\n",
        esc(&title)
    );
    overview(&mut page, doc, &groups);
    page.push_str("</header>\n<main>\n");
    charts(&mut page, doc);
    controls(&mut page, doc, &groups);
    page.push_str("<div id=\"findings\">\n");
    secrets_table(&mut page, doc, &groups);
    places_table(&mut page, doc);
    page.push_str("</div>\n");
    if !doc.warnings.is_empty() {
        page.push_str("<section aria-labelledby=\"warnings-h\"><h2 id=\"warnings-h\">Warnings</h2><ul class=\"warnings\">");
        for w in &doc.warnings {
            let _ = write!(page, "<li>{}</li>", esc(w));
        }
        page.push_str("</ul></section>\n");
    }
    page.push_str("</main>\n<footer><p>Written by leakguard ");
    page.push_str(&esc(&tool_version(doc)));
    page.push_str(". Keys: <kbd>j</kbd>/<kbd>k</kbd> or arrows move, <kbd>x</kbd> or <kbd>Space</kbd> selects, \
<kbd>Enter</kbd> opens, <kbd>/</kbd> searches, <kbd>e</kbd> exports the selection as a baseline.</p></footer>\n");
    baseline_data(&mut page, doc, &groups);
    let _ = write!(page, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    page
}

fn tool_version(doc: &ReportDoc) -> String {
    doc.tool
        .as_ref()
        .map_or_else(|| "(unknown version)".into(), |t| t.version.clone())
}

fn page_title(doc: &ReportDoc) -> String {
    let what = doc.source.as_ref().and_then(|s| {
        s.repository
            .clone()
            .or_else(|| s.root.clone())
            .or_else(|| (!s.paths.is_empty()).then(|| s.paths.join(", ")))
    });
    match what {
        Some(what) => format!("leakguard report: {}", crate::text::one_line(&what)),
        None => "leakguard report".into(),
    }
}

/// What was scanned, and the counts a reviewer reads first.
fn overview(page: &mut String, doc: &ReportDoc, groups: &[SecretGroup<'_>]) {
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(s) = &doc.source {
        let kind = match s.kind.as_str() {
            "git" => "git history",
            "staged" => "staged changes",
            "stdin" => "standard input",
            "merged" => "merged reports",
            _ => "files",
        };
        rows.push(("Scan", kind.into()));
        if let Some(r) = &s.repository {
            rows.push(("Repository", r.clone()));
        }
        if !s.paths.is_empty() {
            let what = if s.kind == "merged" {
                "Repositories"
            } else {
                "Paths"
            };
            rows.push((what, s.paths.join(", ")));
        }
        if s.kind == "git" {
            let refs = match &s.refs {
                Some(r) => {
                    let rev = r.rev.clone().unwrap_or_else(|| "every ref".into());
                    match &r.since {
                        Some(since) => format!("{rev}, leaving out what {since} reaches"),
                        None => rev,
                    }
                }
                None => "every ref".into(),
            };
            rows.push(("Refs", refs));
        }
        if let Some(head) = &s.head {
            let branch = s.branch.as_deref().map(|b| format!(" ({b})"));
            let short: String = head.chars().take(12).collect();
            rows.push(("HEAD", format!("{short}{}", branch.unwrap_or_default())));
        }
    }
    let st = &doc.stats;
    if let Some(c) = st.commits {
        rows.push(("Commits", thousands(c)));
    }
    if let Some(b) = st.blobs {
        rows.push(("Blobs", thousands(b)));
    }
    rows.push(("Files", thousands(st.files)));
    rows.push(("Bytes", bytes(st.bytes)));
    rows.push(("Duration", duration(st.duration_ms)));
    rows.push(("Rules", thousands(st.rules as u64)));
    rows.push(("leakguard", tool_version(doc)));
    if let Some(at) = doc.source.as_ref().and_then(|s| s.started_at.clone()) {
        rows.push(("Date", at));
    }
    page.push_str("<section class=\"overview\" aria-labelledby=\"scanned-h\">\n<h2 id=\"scanned-h\">What was scanned</h2>\n<dl class=\"meta\">");
    for (k, v) in rows {
        let _ = write!(page, "<div><dt>{k}</dt><dd>{}</dd></div>", esc(&v));
    }
    page.push_str("</dl>\n");
    let sk = &st.skipped;
    let sp = &st.suppressed;
    let _ = write!(
        page,
        "<p class=\"coverage\">Skipped: {} binary, {} too large, {} unreadable, {} not regular files. \
Suppressed: {} by allowlists, {} by baselines, {} by allow comments, {} below the confidence floor.</p>",
        sk.binary,
        sk.too_large,
        sk.unreadable,
        sk.not_regular,
        sp.allowlist,
        sp.baseline,
        sp.inline,
        sp.low_confidence
    );
    // Counts.
    let managed_current = groups
        .iter()
        .filter(|g| g.verdict == Some("managed-current"))
        .count();
    let _ = write!(
        page,
        "<p class=\"totals\"><strong data-count=\"findings\">{}</strong> findings of \
<strong data-count=\"secrets\">{}</strong> distinct secrets",
        doc.findings.len(),
        groups.len()
    );
    if managed_current > 0 {
        let _ = write!(
            page,
            ", <strong class=\"verdict-managed-current\">{managed_current} of them the vault's current value{}</strong>",
            if managed_current == 1 { "" } else { "s" }
        );
    }
    page.push_str(".</p>\n");
    let shared: Vec<&SecretGroup<'_>> =
        groups.iter().filter(|g| g.repositories.len() > 1).collect();
    if !shared.is_empty() {
        let _ = write!(
            page,
            "<div class=\"shared\"><p><strong data-count=\"shared\">{}</strong> secret{} found in several repositories (the same fingerprint):</p><ul>",
            shared.len(),
            if shared.len() == 1 { "" } else { "s" }
        );
        for g in shared {
            let repos: Vec<&str> = g.repositories.iter().copied().collect();
            let _ = write!(
                page,
                "<li><span class=\"rule-id\">{}</span> <code>{}</code> in {} repositories: {}</li>",
                esc(&g.first().rule_id),
                esc(&g.shown_secret()),
                repos.len(),
                esc(&repos.join(", "))
            );
        }
        page.push_str("</ul></div>\n");
    }
    page.push_str("<div class=\"counts\">");
    let by = |key: fn(&FindingDoc) -> String| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for f in &doc.findings {
            *m.entry(key(f)).or_default() += 1;
        }
        m
    };
    let severity = by(|f| f.severity.clone());
    counts_table(
        page,
        "Severity",
        "sev",
        SEVERITIES
            .iter()
            .map(|s| (s.to_string(), severity.get(*s).copied().unwrap_or(0)))
            .collect(),
    );
    let confidence = by(|f| f.confidence.clone());
    counts_table(
        page,
        "Confidence",
        "conf",
        CONFIDENCES
            .iter()
            .map(|s| (s.to_string(), confidence.get(*s).copied().unwrap_or(0)))
            .collect(),
    );
    let verdict = by(|f| verdict_of(f).to_string());
    let mut verdicts: Vec<(String, usize)> = verdict.into_iter().collect();
    verdicts.sort_by_key(|(v, _)| verdict_rank(v));
    counts_table(page, "Vault verdict", "verdict", verdicts);
    counts_table(page, "Rule", "rule", rule_counts(doc));
    page.push_str("</div>\n</section>\n");
}

fn counts_table(page: &mut String, what: &str, class: &str, rows: Vec<(String, usize)>) {
    let _ = write!(
        page,
        "<table class=\"count\"><caption>By {}</caption><thead><tr><th scope=\"col\">{what}</th><th scope=\"col\">Findings</th></tr></thead><tbody>",
        what.to_lowercase()
    );
    for (k, n) in rows {
        let _ = write!(
            page,
            "<tr><th scope=\"row\"><span class=\"badge {}\">{}</span></th><td>{n}</td></tr>",
            badge_class(class, &k),
            esc(&label(&k))
        );
    }
    page.push_str("</tbody></table>");
}

/// Findings by rule, most first (ties by id).
fn rule_counts(doc: &ReportDoc) -> Vec<(String, usize)> {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &doc.findings {
        *m.entry(&f.rule_id).or_default() += 1;
    }
    let mut v: Vec<(String, usize)> = m.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn charts(page: &mut String, doc: &ReportDoc) {
    if doc.findings.is_empty() {
        page.push_str("<p class=\"clean\">No findings.</p>\n");
        return;
    }
    page.push_str("<section class=\"charts\" aria-labelledby=\"charts-h\"><h2 id=\"charts-h\">Charts</h2><div class=\"chart-row\">\n");
    let mut severity: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &doc.findings {
        *severity.entry(f.severity.as_str()).or_default() += 1;
    }
    let bars: Vec<chart::Bar> = SEVERITIES
        .iter()
        .map(|s| chart::Bar {
            label: label(s),
            value: severity.get(s).copied().unwrap_or(0),
            class: format!("sev-{s}"),
        })
        .collect();
    page.push_str(&chart::horizontal("Findings by severity", &bars));
    let bars: Vec<chart::Bar> = rule_counts(doc)
        .into_iter()
        .take(15)
        .map(|(rule, n)| chart::Bar {
            label: rule,
            value: n,
            class: "rule".into(),
        })
        .collect();
    page.push_str(&chart::horizontal("Findings by rule (top 15)", &bars));
    let months = chart::months(doc.findings.iter().filter_map(|f| f.date.as_deref()));
    if !months.is_empty() {
        page.push_str(&chart::vertical("Findings introduced per month", &months));
    }
    page.push_str("</div></section>\n");
}

fn controls(page: &mut String, doc: &ReportDoc, groups: &[SecretGroup<'_>]) {
    let mut rules: Vec<(&str, &str)> = doc
        .findings
        .iter()
        .map(|f| (f.rule_id.as_str(), f.rule_name.as_str()))
        .collect();
    rules.sort_unstable();
    rules.dedup_by(|a, b| a.0 == b.0);
    let mut verdicts: Vec<&str> = doc.findings.iter().map(verdict_of).collect();
    verdicts.sort_by_key(|v| verdict_rank(v));
    verdicts.dedup();
    page.push_str("<section class=\"controls\" aria-labelledby=\"triage-h\"><h2 id=\"triage-h\">Triage</h2>\n<form id=\"filters\" role=\"search\" onsubmit=\"return false\">\n<fieldset class=\"sev\"><legend>Severity</legend>");
    for s in SEVERITIES {
        let _ = write!(
            page,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{s}\" checked> {}</label>",
            label(s)
        );
    }
    page.push_str("</fieldset>\n<label>Confidence at least <select name=\"confidence\"><option value=\"low\">low</option><option value=\"medium\">medium</option><option value=\"high\">high</option></select></label>\n");
    page.push_str("<label>Rule <select name=\"rule\"><option value=\"\">all rules</option>");
    for (id, name) in rules {
        let _ = write!(
            page,
            "<option value=\"{}\">{} ({})</option>",
            esc(id),
            esc(id),
            esc(name)
        );
    }
    page.push_str("</select></label>\n<label>Vault <select name=\"verdict\"><option value=\"\">any verdict</option>");
    for v in verdicts {
        let _ = write!(page, "<option value=\"{v}\">{}</option>", esc(&label(v)));
    }
    page.push_str("</select></label>\n<label>Path contains <input type=\"text\" name=\"path\" autocomplete=\"off\" spellcheck=\"false\"></label>\n<label>Search <input type=\"search\" name=\"q\" id=\"search\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"rule, path, author, commit…\"></label>\n");
    let _ = write!(
        page,
        "<fieldset class=\"view\"><legend>View</legend><label><input type=\"radio\" name=\"view\" value=\"secrets\" checked> By secret ({})</label><label><input type=\"radio\" name=\"view\" value=\"places\"> By file ({})</label></fieldset>",
        groups.len(),
        doc.findings.len()
    );
    page.push_str("</form>\n<div class=\"actions\"><p id=\"shown\" role=\"status\" aria-live=\"polite\"></p><button type=\"button\" id=\"select-visible\">Select shown</button><button type=\"button\" id=\"select-none\">Clear selection</button><button type=\"button\" id=\"export\" disabled>Export baseline</button></div>\n</section>\n");
}

/// One row per distinct secret, every place it occurs in its details.
fn secrets_table(page: &mut String, doc: &ReportDoc, groups: &[SecretGroup<'_>]) {
    let history = groups.iter().any(|g| !g.commits.is_empty());
    let merged = groups.iter().any(|g| !g.repositories.is_empty());
    page.push_str("<section id=\"by-secret\" aria-labelledby=\"by-secret-h\"><h2 id=\"by-secret-h\">Findings by secret</h2>\n<table class=\"findings\" data-view=\"secrets\"><thead><tr><th scope=\"col\" class=\"sel\"><span class=\"sr\">Selected</span></th>");
    sortable_headers(
        page,
        &[
            ("severity", "Severity"),
            ("rule", "Rule"),
            ("confidence", "Confidence"),
            ("verdict", "Vault"),
            ("secret", "Secret"),
            ("places", "Places"),
        ],
    );
    if merged {
        sortable_headers(page, &[("repositories", "Repositories")]);
    }
    if history {
        sortable_headers(
            page,
            &[
                ("commits", "Commits"),
                ("first", "First seen"),
                ("last", "Last seen"),
                ("head", "At HEAD"),
            ],
        );
    }
    page.push_str("</tr></thead><tbody>\n");
    let rules: BTreeMap<&str, &super::json::RuleDoc> =
        doc.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    for (i, g) in groups.iter().enumerate() {
        let f = g.first();
        let verdict = g.verdict.unwrap_or("none");
        let paths: Vec<&str> = g.places.iter().map(|p| p.path.as_str()).collect();
        let search = search_text(g.places.iter().copied());
        let _ = write!(
            page,
            "<tr id=\"s{i}\" tabindex=\"-1\" class=\"row verdict-{verdict}\" data-key=\"s{i}\" data-severity=\"{}\" data-confidence=\"{}\" data-rule=\"{}\" data-verdict=\"{verdict}\" data-paths=\"{}\" data-search=\"{}\" data-sort-severity=\"{}\" data-sort-confidence=\"{}\" data-sort-verdict=\"{}\" data-sort-places=\"{}\" data-sort-commits=\"{}\" data-sort-first=\"{}\" data-sort-last=\"{}\">",
            esc(g.severity),
            esc(g.confidence),
            esc(&f.rule_id),
            esc(&paths.join("\n")),
            esc(&search),
            severity_rank(g.severity),
            confidence_rank(g.confidence),
            verdict_rank(verdict),
            g.places.len(),
            g.commits.len(),
            esc(g.first_seen.unwrap_or("")),
            esc(g.last_seen.unwrap_or(""))
        );
        let _ = write!(
            page,
            "<td class=\"sel\"><input type=\"checkbox\" aria-label=\"Select secret {} of rule {}\"></td>",
            esc(&g.shown_secret()),
            esc(&f.rule_id)
        );
        let _ = write!(
            page,
            "<td><span class=\"badge sev-{0}\">{1}</span></td><td><span class=\"rule-id\">{2}</span><br><span class=\"rule-name\">{3}</span></td><td><span class=\"badge conf-{4}\">{4}</span></td><td>{5}</td><td><code>{6}</code></td>",
            esc(g.severity),
            esc(&label(g.severity)),
            esc(&f.rule_id),
            esc(&f.rule_name),
            esc(g.confidence),
            verdict_cell(g.places.iter().find_map(|p| p.vault.as_ref())),
            esc(&g.shown_secret())
        );
        // Places, with the rule's remediation.
        page.push_str("<td class=\"places\"><details><summary>");
        location(page, f);
        if g.places.len() > 1 {
            let _ = write!(page, " and {} more", g.places.len() - 1);
        }
        page.push_str("</summary><ul>");
        for p in &g.places {
            page.push_str("<li>");
            place(page, p);
            page.push_str("</li>");
        }
        page.push_str("</ul>");
        let rule = rules.get(f.rule_id.as_str());
        page.push_str("<div class=\"remedy\"><h3>What to do</h3><p>");
        if let Some(r) = rule.filter(|r| !r.description.trim().is_empty()) {
            page.push_str(&esc(r.description.trim()));
            page.push(' ');
        }
        page.push_str(&esc(REMEDIATION));
        page.push_str("</p>");
        if let Some(r) = rule.filter(|r| !r.references.is_empty()) {
            page.push_str("<p>Token format: ");
            for (n, url) in r.references.iter().enumerate() {
                if n > 0 {
                    page.push_str(", ");
                }
                let href = if url.starts_with("https://") || url.starts_with("http://") {
                    esc(url)
                } else {
                    "#".into()
                };
                let _ = write!(
                    page,
                    "<a href=\"{href}\" rel=\"noreferrer noopener\">{}</a>",
                    esc(url)
                );
            }
            page.push_str("</p>");
        }
        page.push_str("</div></details></td>");
        if merged {
            let repos: Vec<&str> = g.repositories.iter().copied().collect();
            let _ = write!(
                page,
                "<td data-repositories=\"{}\">{}</td>",
                repos.len(),
                esc(&repos.join(", "))
            );
        }
        if history {
            let head = match g.in_head {
                Some(true) => "<span class=\"badge at-head\">at HEAD</span>",
                Some(false) => "history only",
                None => "—",
            };
            let _ = write!(
                page,
                "<td>{}</td><td>{}</td><td>{}</td><td>{head}</td>",
                g.commits.len(),
                day(g.first_seen),
                day(g.last_seen)
            );
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody></table></section>\n");
}

/// One row per finding: the by-file view.
fn places_table(page: &mut String, doc: &ReportDoc) {
    let history = doc.findings.iter().any(|f| f.commit.is_some());
    page.push_str("<section id=\"by-file\" hidden aria-labelledby=\"by-file-h\"><h2 id=\"by-file-h\">Findings by file</h2>\n<table class=\"findings\" data-view=\"places\"><thead><tr><th scope=\"col\" class=\"sel\"><span class=\"sr\">Selected</span></th>");
    sortable_headers(
        page,
        &[
            ("path", "File"),
            ("severity", "Severity"),
            ("rule", "Rule"),
            ("confidence", "Confidence"),
            ("verdict", "Vault"),
            ("secret", "Secret"),
        ],
    );
    if history {
        sortable_headers(
            page,
            &[("commit", "Commit"), ("author", "Author"), ("date", "Date")],
        );
    }
    page.push_str("</tr></thead><tbody>\n");
    let mut order: Vec<usize> = (0..doc.findings.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (&doc.findings[a], &doc.findings[b]);
        (&fa.path, fa.line, fa.column, &fa.rule_id).cmp(&(
            &fb.path,
            fb.line,
            fb.column,
            &fb.rule_id,
        ))
    });
    for i in order {
        let f = &doc.findings[i];
        let verdict = verdict_of(f);
        let _ = write!(
            page,
            "<tr id=\"f{i}\" tabindex=\"-1\" class=\"row verdict-{verdict}\" data-key=\"f{i}\" data-severity=\"{}\" data-confidence=\"{}\" data-rule=\"{}\" data-verdict=\"{verdict}\" data-paths=\"{}\" data-search=\"{}\" data-sort-path=\"{}\" data-sort-severity=\"{}\" data-sort-confidence=\"{}\" data-sort-verdict=\"{}\" data-sort-date=\"{}\">",
            esc(&f.severity),
            esc(&f.confidence),
            esc(&f.rule_id),
            esc(&f.path),
            esc(&search_text(std::iter::once(f))),
            esc(&format!("{}\u{1}{:012}", f.path, f.line)),
            severity_rank(&f.severity),
            confidence_rank(&f.confidence),
            verdict_rank(verdict),
            esc(f.date.as_deref().unwrap_or(""))
        );
        let _ = write!(
            page,
            "<td class=\"sel\"><input type=\"checkbox\" aria-label=\"Select finding at {}:{}\"></td><td class=\"path\">",
            esc(&f.path),
            f.line
        );
        location(page, f);
        if let Some(ctx) = f.context.as_deref().filter(|c| !c.is_empty()) {
            let _ = write!(page, "<pre class=\"context\">{}</pre>", esc(ctx));
        }
        let _ = write!(
            page,
            "</td><td><span class=\"badge sev-{0}\">{1}</span></td><td><span class=\"rule-id\">{2}</span></td><td><span class=\"badge conf-{3}\">{3}</span></td><td>{4}</td><td><code>{5}</code></td>",
            esc(&f.severity),
            esc(&label(&f.severity)),
            esc(&f.rule_id),
            esc(&f.confidence),
            verdict_cell(f.vault.as_ref()),
            esc(&shown_secret(f))
        );
        if history {
            let _ = write!(
                page,
                "<td><code>{}</code></td><td>{}</td><td>{}</td>",
                esc(&short_commit(f.commit.as_deref())),
                esc(f.author.as_deref().unwrap_or("—")),
                day(f.date.as_deref())
            );
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody></table></section>\n");
}

fn sortable_headers(page: &mut String, columns: &[(&str, &str)]) {
    for (key, name) in columns {
        let _ = write!(
            page,
            "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" class=\"sort\" data-sort=\"{key}\">{name}</button></th>"
        );
    }
}

/// A place in the secret view: file and line, and the commit for history.
fn place(page: &mut String, f: &FindingDoc) {
    location(page, f);
    if let Some(commit) = &f.commit {
        let _ = write!(
            page,
            " <span class=\"commit\">in <code>{}</code> by {} on {}</span>",
            esc(&short_commit(Some(commit))),
            esc(f.author.as_deref().unwrap_or("?")),
            esc(f.date.as_deref().unwrap_or("?"))
        );
    }
    if let Some(encodings) = f.decoded.as_ref().filter(|e| !e.is_empty()) {
        let names: Vec<&str> = encodings.iter().map(|e| e.as_str()).collect();
        let _ = write!(
            page,
            " <span class=\"decoded\">decoded from {}</span>",
            esc(&names.join(" → "))
        );
    }
    if let Some(ctx) = f.context.as_deref().filter(|c| !c.is_empty()) {
        let _ = write!(page, "<pre class=\"context\">{}</pre>", esc(ctx));
    }
}

fn location(page: &mut String, f: &FindingDoc) {
    if let Some(repository) = &f.repository {
        let _ = write!(page, "<span class=\"repo\">{}</span>: ", esc(repository));
    }
    let _ = write!(
        page,
        "<span class=\"loc\"><span class=\"file\">{}</span>:<span class=\"line\">{}</span></span>",
        esc(&f.path),
        f.line
    );
}

fn verdict_cell(v: Option<&super::json::VaultDoc>) -> String {
    match v {
        None => "<span class=\"verdict none\">—</span>".into(),
        Some(v) => {
            let name = match (&v.name, &v.version) {
                (Some(n), Some(ver)) => format!(
                    " <span class=\"vault-name\">{} v{}</span>",
                    esc(n),
                    esc(ver)
                ),
                (Some(n), None) => format!(" <span class=\"vault-name\">{}</span>", esc(n)),
                _ => String::new(),
            };
            format!(
                "<span class=\"badge verdict verdict-{0}\">{1}</span>{name}",
                esc(&v.verdict),
                esc(&label(&v.verdict))
            )
        }
    }
}

/// The secret as the report shows it: its preview, or (only with
/// `--no-redact`) the value.
fn shown_secret(f: &FindingDoc) -> String {
    f.secret.clone().unwrap_or_else(|| f.preview.clone())
}

/// A commit date as its day, the full date and time in a tooltip.
fn day(date: Option<&str>) -> String {
    match date {
        Some(d) => format!(
            "<time datetime=\"{0}\" title=\"{0}\">{1}</time>",
            esc(d),
            esc(d.get(..10).unwrap_or(d))
        ),
        None => "—".into(),
    }
}

fn short_commit(c: Option<&str>) -> String {
    c.map_or_else(|| "—".into(), |c| c.chars().take(12).collect())
}

/// Lower-cased text the search box matches: severity, preview, rule,
/// name, paths, commits, authors, dates, context lines (masked as on the
/// page), vault names.
fn search_text<'a>(findings: impl Iterator<Item = &'a FindingDoc>) -> String {
    let mut s = String::new();
    for f in findings {
        for part in [
            Some(f.severity.as_str()),
            Some(f.preview.as_str()),
            Some(f.rule_id.as_str()),
            Some(f.rule_name.as_str()),
            Some(f.path.as_str()),
            f.repository.as_deref(),
            f.commit.as_deref(),
            f.author.as_deref(),
            f.date.as_deref(),
            f.context.as_deref(),
            f.vault.as_ref().and_then(|v| v.name.as_deref()),
        ]
        .into_iter()
        .flatten()
        {
            s.push_str(&part.to_lowercase());
            s.push('\n');
        }
    }
    s
}

/// The baseline entries each row stands for, for the export: a JSON
/// object from row key to entries. Inert data (`application/json`), with
/// `<` escaped so no value can end the script element.
fn baseline_data(page: &mut String, doc: &ReportDoc, groups: &[SecretGroup<'_>]) {
    let entry = |f: &FindingDoc| {
        serde_json::json!({
            "path": f.repo_path.as_deref().unwrap_or(&f.path),
            "rule_id": f.rule_id,
            "fingerprint": f.fingerprint,
        })
    };
    let mut rows = serde_json::Map::new();
    for (i, g) in groups.iter().enumerate() {
        let entries: Vec<_> = g.places.iter().map(|f| entry(f)).collect();
        rows.insert(format!("s{i}"), serde_json::Value::Array(entries));
    }
    for (i, f) in doc.findings.iter().enumerate() {
        rows.insert(format!("f{i}"), serde_json::Value::Array(vec![entry(f)]));
    }
    let json = serde_json::Value::Object(rows).to_string();
    let _ = write!(
        page,
        "<script type=\"application/json\" id=\"baseline-data\">{}</script>",
        json.replace('<', "\\u003c")
    );
    // How the fingerprints were made: the export records it, as a
    // baseline made by `baseline create` does, so scans compare alike.
    let scheme = serde_json::to_string(&doc.fingerprints).unwrap_or_else(|_| "null".into());
    let _ = write!(
        page,
        "<script type=\"application/json\" id=\"baseline-scheme\">{}</script>",
        scheme.replace('<', "\\u003c")
    );
}

/// The vault verdict a finding shows; `none` without a vault.
fn verdict_of(f: &FindingDoc) -> &str {
    f.vault.as_ref().map_or("none", |v| v.verdict.as_str())
}

/// Verdicts, loudest first.
fn verdict_rank(v: &str) -> u8 {
    match v {
        "managed-current" => 0,
        "managed-superseded" => 1,
        "unmanaged" => 2,
        "none" => 3,
        _ => 4,
    }
}

fn severity_rank(s: &str) -> usize {
    SEVERITIES
        .iter()
        .position(|x| *x == s)
        .unwrap_or(SEVERITIES.len())
}

fn confidence_rank(c: &str) -> usize {
    CONFIDENCES
        .iter()
        .position(|x| *x == c)
        .unwrap_or(CONFIDENCES.len())
}

/// A value as the page names it.
fn label(key: &str) -> String {
    match key {
        "managed-current" => "managed, current".into(),
        "managed-superseded" => "managed, superseded".into(),
        "unmanaged" => "not in the vault".into(),
        "none" => "no vault".into(),
        other => other.to_string(),
    }
}

/// The badge class of a value of a kind (`sev`, `conf`, `verdict`, `rule`):
/// severities and confidences share the words high, medium and low.
fn badge_class(kind: &str, key: &str) -> String {
    match kind {
        "sev" | "conf" => format!("{kind}-{}", esc(key)),
        "verdict" => format!("verdict verdict-{}", esc(key)),
        _ => "rule".into(),
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {} ({} bytes)", UNITS[unit], thousands(n))
}

fn duration(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        format!("{:.1} s", ms as f64 / 1000.0)
    }
}

/// Escapes text for HTML content and attribute values, and replaces
/// control characters (a file name or author with a terminal escape) by
/// U+FFFD, keeping newlines and tabs.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
