//! `leakguard report html|merge`: render a saved JSON report as the page
//! `scan --format html` writes; merge the reports of many scans into one.

use crate::args::ReportCommand;
use crate::output::{format_of, write_output};
use crate::{EXIT_CLEAN, EXIT_FINDINGS};
use leakguard::error::io_reason;
use leakguard::model::{FailOn, Severity};
use leakguard::report::merge::{merge, MergeInput};
use leakguard::report::{self, write_html, Color, Redaction, ReportDoc, WriteOptions};
use std::path::Path;

pub(crate) fn run(cmd: ReportCommand) -> anyhow::Result<u8> {
    match cmd {
        ReportCommand::Html { report, output } => {
            let doc = read_report(&report)?;
            write_output(output.as_deref(), |out, _| write_html(&doc, out))?;
            Ok(EXIT_CLEAN)
        }
        ReportCommand::Merge {
            reports,
            format,
            output,
            fail_on,
        } => {
            let fail_on: FailOn = match fail_on {
                Some(s) => s.parse().map_err(anyhow::Error::msg)?,
                None => FailOn::AtLeast(Severity::Low),
            };
            let mut inputs = Vec::with_capacity(reports.len());
            for path in &reports {
                inputs.push(MergeInput {
                    file: path.display().to_string(),
                    doc: read_report(path)?,
                });
            }
            // Secrets in clear only if every input had them in clear
            // (`scan --no-redact`); otherwise each shows as its preview.
            let redaction = if inputs.iter().all(|i| i.doc.in_clear()) {
                Redaction::Clear
            } else {
                Redaction::Redacted
            };
            let merged = merge(inputs).map_err(anyhow::Error::msg)?;
            let format = format_of(format);
            let options = WriteOptions {
                format,
                redaction,
                color: Color::Never,
            };
            // A merged text report is plain on a terminal too.
            write_output(output.as_deref(), |out, _| {
                report::write(&merged, &options, out)
            })?;
            let failing = merged
                .findings
                .iter()
                .any(|f| fail_on.is_failing(f.severity));
            Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
        }
    }
}

/// Reads and checks a JSON report written by `scan --format json`.
fn read_report(path: &Path) -> anyhow::Result<ReportDoc> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read report {}: {}", path.display(), io_reason(&e)))?;
    ReportDoc::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
