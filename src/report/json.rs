//! The JSON report (`--format json`): its keys are a contract scripts rely on. Keys
//! that do not apply are `null`; the wire types live here, apart from the model.
//! The same types read a saved report back (`report html`), so what a saved
//! report can show is exactly what it holds.

use super::Redaction;
use crate::model::{Finding, Report, RuleInfo, Stats};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// Version of the JSON report layout; bumped only on incompatible changes
/// (new keys are not).
pub(crate) const JSON_REPORT_VERSION: u32 = 2;

/// A JSON report, as written and as read back.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportDoc {
    /// Layout version.
    pub(crate) version: u32,
    /// Findings, most severe first.
    pub(crate) findings: Vec<FindingDoc>,
    /// Coverage.
    pub(crate) stats: Stats,
    /// Problems that did not stop the scan.
    #[serde(default)]
    pub(crate) warnings: Vec<String>,
    /// What was scanned (absent from reports of older versions).
    #[serde(default)]
    pub(crate) source: Option<SourceDoc>,
    /// The scanner that wrote the report.
    #[serde(default)]
    pub(crate) tool: Option<ToolDoc>,
    /// The rules that produced findings: what they find and where their
    /// token formats are documented.
    #[serde(default)]
    pub(crate) rules: Vec<RuleDoc>,
    /// How the fingerprints were made (absent from older reports, whose
    /// fingerprints are unkeyed SHA-256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fingerprints: Option<crate::model::fingerprint::Scheme>,
}

/// One finding.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct FindingDoc {
    pub(crate) rule_id: String,
    pub(crate) rule_name: String,
    pub(crate) severity: String,
    #[serde(default)]
    pub(crate) confidence: String,
    pub(crate) path: String,
    pub(crate) line: u64,
    pub(crate) column: u64,
    pub(crate) end_line: u64,
    pub(crate) end_column: u64,
    pub(crate) preview: String,
    #[serde(default)]
    pub(crate) entropy: f64,
    pub(crate) fingerprint: String,
    pub(crate) commit: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) in_head: Option<bool>,
    #[serde(default)]
    pub(crate) vault: Option<VaultDoc>,
    /// The encodings undone to find it, outermost first; null when found
    /// as written.
    #[serde(default)]
    pub(crate) decoded: Option<Vec<crate::model::Encoding>>,
    /// The path relative to the repository's top: what baselines record.
    #[serde(default)]
    pub(crate) repo_path: Option<String>,
    /// The line, with every secret on it replaced by its preview.
    #[serde(default)]
    pub(crate) context: Option<String>,
    /// The repository, in a merged report (`report merge`); null in a
    /// scan's own report.
    #[serde(default)]
    pub(crate) repository: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) secret: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct VaultDoc {
    pub(crate) verdict: String,
    pub(crate) name: Option<String>,
    pub(crate) version: Option<String>,
}

/// What a scan covered.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct SourceDoc {
    /// `files`, `git`, `staged`, `stdin`, or `merged` (`report merge`:
    /// `paths` then names the repositories).
    pub(crate) kind: String,
    /// The repository's origin URL (or a file:// URL), for git and staged
    /// scans and files scans inside a repository.
    pub(crate) repository: Option<String>,
    /// The directory repository paths are relative to.
    pub(crate) root: Option<String>,
    /// The paths as given on the command line.
    pub(crate) paths: Vec<String>,
    /// Which history a git scan covered; null: every ref.
    pub(crate) refs: Option<RefsDoc>,
    /// HEAD's commit and branch, when in a repository.
    pub(crate) head: Option<String>,
    pub(crate) branch: Option<String>,
    /// When the scan started (RFC 3339, UTC).
    pub(crate) started_at: Option<String>,
}

/// `--rev` and `--since`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct RefsDoc {
    pub(crate) rev: Option<String>,
    pub(crate) since: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct ToolDoc {
    pub(crate) name: String,
    pub(crate) version: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct RuleDoc {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) severity: String,
    pub(crate) description: String,
    pub(crate) references: Vec<String>,
}

/// The JSON object of one finding (also a line of `--format jsonl`).
pub(crate) fn finding_doc(f: &Finding, redaction: Redaction) -> FindingDoc {
    FindingDoc {
        rule_id: f.rule_id.clone(),
        rule_name: f.rule_name.clone(),
        severity: f.severity.as_str().into(),
        confidence: f.confidence.as_str().into(),
        path: f.path.clone(),
        line: f.span.line,
        column: f.span.column,
        end_line: f.span.end_line,
        end_column: f.span.end_column,
        preview: f.secret.preview(),
        entropy: (f.entropy * 1000.0).round() / 1000.0,
        fingerprint: f.fingerprint.as_str().into(),
        commit: f.commit.as_ref().map(|c| c.id.clone()),
        author: f.commit.as_ref().map(|c| c.author.clone()),
        date: f.commit.as_ref().map(|c| c.date.clone()),
        in_head: f.in_head,
        vault: f.vault.as_ref().map(|v| VaultDoc {
            verdict: v.as_str().into(),
            name: v.name_version().map(|n| n.0.into()),
            version: v.name_version().map(|n| n.1.into()),
        }),
        decoded: (!f.decoded.is_empty()).then(|| f.decoded.clone()),
        repo_path: Some(f.repo_path.clone()),
        context: Some(f.context.clone()),
        repository: f.repository.clone(),
        secret: (redaction == Redaction::Clear).then(|| f.secret.expose().into()),
    }
}

fn source(report: &Report) -> SourceDoc {
    let scanned = &report.scanned;
    let vcs = report.vcs.as_ref();
    let git = scanned.rev.is_some() || scanned.since.is_some();
    SourceDoc {
        kind: scanned.kind.as_str().into(),
        repository: vcs.map(|v| v.repository_uri.clone()),
        root: report
            .source_root
            .as_ref()
            .map(|r| r.to_string_lossy().replace('\\', "/")),
        paths: scanned.paths.clone(),
        refs: git.then(|| RefsDoc {
            rev: scanned.rev.clone(),
            since: scanned.since.clone(),
        }),
        head: vcs.and_then(|v| v.revision_id.clone()),
        branch: vcs.and_then(|v| v.branch.clone()),
        started_at: (!scanned.started_at.is_empty()).then(|| scanned.started_at.clone()),
    }
}

fn rule(r: &RuleInfo) -> RuleDoc {
    RuleDoc {
        id: r.id.clone(),
        name: r.name.clone(),
        severity: r.severity.as_str().into(),
        description: r.description.clone(),
        references: r.references.clone(),
    }
}

impl ReportDoc {
    /// The JSON document of `report`.
    pub(crate) fn of(report: &Report, redaction: Redaction) -> ReportDoc {
        ReportDoc {
            version: JSON_REPORT_VERSION,
            findings: report
                .findings
                .iter()
                .map(|f| finding_doc(f, redaction))
                .collect(),
            stats: report.stats.clone(),
            warnings: report.warnings.clone(),
            source: Some(source(report)),
            tool: Some(ToolDoc {
                name: "leakguard".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            }),
            rules: report.rules.iter().map(rule).collect(),
            fingerprints: report.fingerprints.clone(),
        }
    }

    /// Whether the report holds its secrets in clear (`--no-redact`): every
    /// finding carries its value.
    pub fn in_clear(&self) -> bool {
        self.findings.iter().all(|f| f.secret.is_some())
    }

    /// Reads a JSON report written by `--format json`.
    pub fn parse(text: &str) -> Result<ReportDoc, String> {
        let doc: ReportDoc = serde_json::from_str(text).map_err(|e| {
            // serde's message can quote a value; keep its position only.
            format!(
                "not a leakguard JSON report (line {}, column {})",
                e.line(),
                e.column()
            )
        })?;
        if doc.version != JSON_REPORT_VERSION {
            return Err(format!(
                "report version {} is not supported (this leakguard reads version {JSON_REPORT_VERSION})",
                doc.version
            ));
        }
        Ok(doc)
    }
}

/// Writes the report as one pretty-printed JSON document and a newline.
pub(crate) fn write(report: &Report, redaction: Redaction, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &ReportDoc::of(report, redaction))?;
    out.write_all(b"\n")
}
