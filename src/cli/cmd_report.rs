//! `leakguard report html|merge`: render a saved JSON report as the page
//! `scan --format html` writes; merge the reports of many scans into one.

use crate::args::{FormatArg, ReportCommand};
use crate::{EXIT_CLEAN, EXIT_FINDINGS};
use leakguard::error::io_reason;
use leakguard::model::{FailOn, Severity};
use leakguard::report::merge::{merge, MergeInput};
use leakguard::report::{self, write_html, Color, Format, Redaction, ReportDoc, WriteOptions};
use std::io::{self, Write};
use std::path::Path;

pub(crate) fn run(cmd: ReportCommand) -> anyhow::Result<u8> {
    match cmd {
        ReportCommand::Html { report, output } => {
            let doc = read_report(&report)?;
            match output {
                Some(path) => write_to(&path, |out| write_html(&doc, out))?,
                None => {
                    let stdout = io::stdout();
                    let mut out = io::BufWriter::new(stdout.lock());
                    match write_html(&doc, &mut out) {
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                        other => other.map_err(|e| anyhow::anyhow!("writing report: {e}"))?,
                    }
                }
            }
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
            let format = match format {
                FormatArg::Text => Format::Text,
                FormatArg::Json => Format::Json,
                FormatArg::Sarif => Format::Sarif,
                FormatArg::Html => Format::Html,
            };
            let options = WriteOptions {
                format,
                redaction,
                color: Color::Never,
            };
            match output {
                Some(path) => write_to(&path, |out| report::write(&merged, &options, out))?,
                None => {
                    let stdout = io::stdout();
                    let mut out = io::BufWriter::new(stdout.lock());
                    match report::write(&merged, &options, &mut out) {
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                        other => other.map_err(|e| anyhow::anyhow!("writing report: {e}"))?,
                    }
                }
            }
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

fn write_to(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let file = std::fs::File::create(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot write report to {}: {}",
            path.display(),
            io_reason(&e)
        )
    })?;
    let mut out = io::BufWriter::new(file);
    write(&mut out)
        .and_then(|_| out.flush())
        .map_err(|e| anyhow::anyhow!("writing report to {}: {}", path.display(), io_reason(&e)))
}
