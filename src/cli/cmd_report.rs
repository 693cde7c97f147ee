//! `leakguard report html`: render a saved JSON report as the page
//! `scan --format html` writes.

use crate::args::ReportCommand;
use crate::EXIT_CLEAN;
use leakguard::error::io_reason;
use leakguard::report::{write_html, ReportDoc};
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
