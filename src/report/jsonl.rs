//! JSON Lines (`--format jsonl`): one finding per line, each the object the
//! JSON report's `findings` holds (same keys, see [`super::json`]), then one
//! last line `{"stats": {…}}` with the report's `stats`. A streaming scan
//! writes each finding line as soon as the finding is confirmed
//! ([`crate::scan::run_streaming`]), so their order is not the report's; a
//! finished report (`report merge --format jsonl`) is written in its order.

use super::json::{finding_doc, FindingDoc};
use super::Redaction;
use crate::model::{Finding, Report, Stats};
use serde::Serialize;
use std::io::{self, Write};

/// The last line.
#[derive(Serialize)]
struct StatsLine<'a> {
    stats: &'a Stats,
}

/// Writes `finding` as one line.
pub fn write_finding(
    finding: &Finding,
    redaction: Redaction,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc: FindingDoc = finding_doc(finding, redaction);
    serde_json::to_writer(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// Writes the last line: `report`'s stats.
pub fn write_stats(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &StatsLine {
            stats: &report.stats,
        },
    )?;
    out.write_all(b"\n")
}

/// Writes a finished report: its findings in order, then its stats.
pub(crate) fn write(report: &Report, redaction: Redaction, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        write_finding(f, redaction, out)?;
    }
    write_stats(report, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line is one JSON object; the last holds only `stats`.
    #[test]
    fn lines_are_objects_and_the_last_is_stats() {
        let report = Report::default();
        let mut out = Vec::new();
        write(&report, Redaction::Redacted, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
        assert_eq!(
            last.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["stats"]
        );
        assert_eq!(last["stats"]["files"], 0);
    }
}
