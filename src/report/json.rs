//! The JSON report (`--format json`): its keys are a contract scripts rely on. Keys
//! that do not apply are `null`; the wire types live here, apart from the model.

use super::Redaction;
use crate::model::{Finding, Report, Skipped, Stats, Suppressed};
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON report layout; bumped only on incompatible changes.
pub(crate) const JSON_REPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    stats: JsonStats<'a>,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule_id: &'a str,
    rule_name: &'a str,
    severity: &'a str,
    confidence: &'a str,
    path: &'a str,
    line: u64,
    column: u64,
    end_line: u64,
    end_column: u64,
    preview: String,
    entropy: f64,
    fingerprint: &'a str,
    commit: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<&'a str>,
    in_head: Option<bool>,
    vault: Option<JsonVault<'a>>,
    /// The encodings undone to find it, outermost first; null when found
    /// as written.
    decoded: Option<&'a [crate::model::Encoding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonVault<'a> {
    verdict: &'a str,
    name: Option<&'a str>,
    version: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonStats<'a> {
    files: u64,
    archives: u64,
    bytes: u64,
    duplicates: u64,
    blobs: Option<u64>,
    commits: Option<u64>,
    duration_ms: u64,
    skipped: &'a Skipped,
    suppressed: &'a Suppressed,
    rules: usize,
}

fn finding(f: &Finding, redaction: Redaction) -> JsonFinding<'_> {
    JsonFinding {
        rule_id: &f.rule_id,
        rule_name: &f.rule_name,
        severity: f.severity.as_str(),
        confidence: f.confidence.as_str(),
        path: &f.path,
        line: f.span.line,
        column: f.span.column,
        end_line: f.span.end_line,
        end_column: f.span.end_column,
        preview: f.secret.preview(),
        entropy: (f.entropy * 1000.0).round() / 1000.0,
        fingerprint: f.fingerprint.as_str(),
        commit: f.commit.as_ref().map(|c| c.id.as_str()),
        author: f.commit.as_ref().map(|c| c.author.as_str()),
        date: f.commit.as_ref().map(|c| c.date.as_str()),
        in_head: f.in_head,
        vault: f.vault.as_ref().map(|v| JsonVault {
            verdict: v.as_str(),
            name: v.name_version().map(|n| n.0),
            version: v.name_version().map(|n| n.1),
        }),
        decoded: (!f.decoded.is_empty()).then_some(f.decoded.as_slice()),
        secret: (redaction == Redaction::Clear).then(|| f.secret.expose()),
    }
}

fn stats(s: &Stats) -> JsonStats<'_> {
    JsonStats {
        files: s.files,
        archives: s.archives,
        bytes: s.bytes,
        duplicates: s.duplicates,
        blobs: s.blobs,
        commits: s.commits,
        duration_ms: s.duration_ms,
        skipped: &s.skipped,
        suppressed: &s.suppressed,
        rules: s.rules,
    }
}

/// Writes the report as one pretty-printed JSON document and a newline.
pub(crate) fn write(report: &Report, redaction: Redaction, out: &mut dyn Write) -> io::Result<()> {
    let doc = JsonReport {
        version: JSON_REPORT_VERSION,
        findings: report
            .findings
            .iter()
            .map(|f| finding(f, redaction))
            .collect(),
        stats: stats(&report.stats),
        warnings: &report.warnings,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
