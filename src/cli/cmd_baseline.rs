//! `leakguard baseline create`: scan, then record every finding's
//! fingerprint so later scans report only new ones.

use crate::args::BaselineCommand;
use crate::cmd_scan::{execute, prepare};
use crate::EXIT_CLEAN;
use leakguard::error::io_reason;
use leakguard::suppress::baseline::Baseline;
use std::io::{self, Write};

pub(crate) fn run(cmd: BaselineCommand) -> anyhow::Result<u8> {
    match cmd {
        BaselineCommand::Create { source, output } => {
            // The baseline being made must not hide what it records.
            let prepared = prepare(&source, &[], false)?;
            let report = execute(&prepared.scan, None)?;
            let mut baseline = Baseline::from_report(&report);
            // A staged change adds to the baseline the repository has: its
            // other accepted findings are not in the change.
            if source.staged && output.is_file() {
                let text = leakguard::source::fs::read_settings_file(&output).map_err(|e| {
                    anyhow::anyhow!("cannot read baseline {}: {e}", output.display())
                })?;
                let existing: Baseline = serde_json::from_str(&text).map_err(|e| {
                    anyhow::anyhow!(
                        "{} is not a leakguard baseline ({}); give another -o FILE",
                        output.display(),
                        leakguard::text::one_line(&e.to_string())
                    )
                })?;
                baseline.merge(existing);
            }
            let file = std::fs::File::create(&output).map_err(|e| {
                anyhow::anyhow!(
                    "cannot write baseline to {}: {}",
                    output.display(),
                    io_reason(&e)
                )
            })?;
            let mut out = io::BufWriter::new(file);
            baseline
                .write(&mut out)
                .and_then(|_| out.flush())
                .map_err(|e| {
                    anyhow::anyhow!(
                        "writing baseline to {}: {}",
                        output.display(),
                        io_reason(&e)
                    )
                })?;
            eprintln!(
                "leakguard: baseline with {} findings written to {}",
                baseline.findings.len(),
                output.display()
            );
            Ok(EXIT_CLEAN)
        }
    }
}
