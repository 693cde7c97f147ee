//! Reports: the finding model and the writers for each output format.
//!
//! Writers take a finished [`Report`] and a `&mut dyn Write`; they know
//! nothing of how findings were made. Every writer redacts secrets unless
//! given [`Redaction::Clear`].

pub(crate) mod html;
pub(crate) mod json;
pub mod jsonl;
pub mod merge;
pub(crate) mod sarif;
pub mod text;

use crate::model::Report;

use std::io::{self, Write};
use std::str::FromStr;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable, coloured on a terminal.
    Text,
    /// The JSON report, whose keys are a contract scripts rely on.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// One self-contained HTML page for security reviews.
    Html,
    /// JSON Lines: one finding per line, then a `{"stats": …}` line.
    Jsonl,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "html" => Ok(Format::Html),
            "jsonl" => Ok(Format::Jsonl),
            other => Err(format!(
                "unknown format '{other}' (expected text, json, jsonl, sarif or html)"
            )),
        }
    }
}

/// Whether secret values may appear in output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redaction {
    /// Only previews (first four characters and `…`). The default.
    Redacted,
    /// Values in clear (`--no-redact`).
    Clear,
}

/// Whether the text writer may use ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// Plain text (pipes, files, `NO_COLOR`).
    Never,
    /// ANSI colours (a terminal).
    Always,
}

/// How to write a report.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// Which format.
    pub format: Format,
    /// Whether secrets are shown.
    pub redaction: Redaction,
    /// Colours for text.
    pub color: Color,
}

/// Writes `report` to `out` in the chosen format.
pub fn write(report: &Report, options: &WriteOptions, out: &mut dyn Write) -> io::Result<()> {
    match options.format {
        Format::Text => text::write(report, options.redaction, options.color, out),
        Format::Json => json::write(report, options.redaction, out),
        Format::Sarif => sarif::write(report, options.redaction, out),
        Format::Html => html::write(&json::ReportDoc::of(report, options.redaction), out),
        Format::Jsonl => jsonl::write(report, options.redaction, out),
    }?;
    out.flush()
}

/// A secret (by fingerprint) that a merged report found in more than one
/// repository.
pub(crate) struct SharedSecret {
    pub(crate) rule_id: String,
    pub(crate) preview: String,
    pub(crate) fingerprint: String,
    /// The repositories, sorted.
    pub(crate) repositories: Vec<String>,
}

/// The secrets of a merged report found in more than one repository, most
/// repositories first.
pub(crate) fn shared_secrets(report: &Report) -> Vec<SharedSecret> {
    let mut by_fingerprint: std::collections::BTreeMap<
        &str,
        (&crate::model::Finding, std::collections::BTreeSet<&str>),
    > = Default::default();
    for f in &report.findings {
        if let Some(repository) = &f.repository {
            by_fingerprint
                .entry(f.fingerprint.as_str())
                .or_insert_with(|| (f, Default::default()))
                .1
                .insert(repository);
        }
    }
    let mut shared: Vec<SharedSecret> = by_fingerprint
        .into_iter()
        .filter(|(_, (_, repos))| repos.len() > 1)
        .map(|(fingerprint, (f, repos))| SharedSecret {
            rule_id: f.rule_id.clone(),
            preview: f.secret.preview(),
            fingerprint: fingerprint.to_string(),
            repositories: repos.into_iter().map(str::to_string).collect(),
        })
        .collect();
    shared.sort_by_key(|s| std::cmp::Reverse(s.repositories.len()));
    shared
}

/// A JSON report read back from a file (`leakguard report html`).
pub use json::ReportDoc;

/// Renders a saved JSON report as the HTML page `--format html` writes.
pub fn write_html(doc: &ReportDoc, out: &mut dyn Write) -> io::Result<()> {
    html::write(doc, out)?;
    out.flush()
}
