//! Human-readable report: one block per finding, then a summary line that
//! says what was scanned and skipped.
//!
//! Every string that came from the scanned content or a settings file (paths,
//! rule names, authors, context lines, previews, vault names) goes through
//! [`printable`]: the only control characters this writer emits are its own
//! colours and line breaks.

use super::{Color, Redaction};
use crate::model::Severity;
use crate::model::{Finding, Report};
use crate::text::printable;
use std::collections::BTreeMap;
use std::io::{self, Write};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "\x1b[1;31m",
        Severity::High => "\x1b[31m",
        Severity::Medium => "\x1b[33m",
        Severity::Low => "\x1b[36m",
        Severity::Info => "\x1b[2m",
    }
}

struct Paint(Color);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        match self.0 {
            Color::Always => format!("{code}{text}{RESET}"),
            Color::Never => text.to_string(),
        }
    }
}

/// Writes every finding and the summary.
pub(crate) fn write(
    report: &Report,
    redaction: Redaction,
    color: Color,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint(color);
    for f in &report.findings {
        write_finding(f, redaction, &paint, out)?;
    }
    write_shared_secrets(report, &paint, out)?;
    write_summary(report, &paint, out)
}

fn write_finding(
    f: &Finding,
    redaction: Redaction,
    paint: &Paint,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sev = format!("{:<8}", f.severity.as_str().to_uppercase());
    let place = match &f.repository {
        Some(repository) => format!("{}: {}", printable(repository), printable(&f.path)),
        None => printable(&f.path).into_owned(),
    };
    writeln!(
        out,
        "{} {}:{}:{}  {} {}",
        paint.wrap(severity_color(f.severity), &sev),
        paint.wrap(BOLD, &place),
        f.span.line,
        f.span.column,
        printable(&f.rule_id),
        paint.wrap(DIM, &format!("({})", printable(&f.rule_name))),
    )?;
    // A multi-line secret (a private key) in clear is printed once, below,
    // indented, so the report's layout holds.
    let clear = redaction == Redaction::Clear;
    let multi_line = clear && f.secret.expose().contains('\n');
    let shown = match redaction {
        _ if multi_line => "(multi-line, below)".to_string(),
        Redaction::Redacted => printable(&f.secret.preview()).into_owned(),
        Redaction::Clear => printable(f.secret.expose()).into_owned(),
    };
    writeln!(
        out,
        "         secret {shown}  confidence {}  entropy {:.2}  fingerprint {}",
        f.confidence,
        f.entropy,
        &f.fingerprint.as_str()[..16]
    )?;
    if !f.decoded.is_empty() {
        let chain: Vec<&str> = f.decoded.iter().map(|e| e.as_str()).collect();
        writeln!(
            out,
            "         decoded from {} (the position is the encoded text's)",
            chain.join(" → ")
        )?;
    }
    if f.commit.is_some() || f.in_head.is_some() {
        let mut line = match f.in_head {
            Some(true) => "history: still in HEAD".to_string(),
            Some(false) => "history: only in history (no longer in HEAD)".to_string(),
            None => "history:".to_string(),
        };
        if let Some(c) = &f.commit {
            line.push_str(&format!(
                "; introduced in commit {} by {} on {}",
                &c.id[..c.id.len().min(12)],
                printable(&c.author),
                c.date
            ));
        }
        writeln!(out, "         {line}")?;
    }
    if let Some(v) = &f.vault {
        let line = match v.name_version() {
            Some((name, version)) if v.as_str() == "managed-current" => {
                format!(
                    "vault: {} {name} (version {version}) — the live value: rotate it now",
                    v.as_str()
                )
            }
            Some((name, version)) => {
                format!(
                    "vault: {} {name} (version {version}) — already rotated out",
                    v.as_str()
                )
            }
            None => format!("vault: {}", v.as_str()),
        };
        let line = printable(&line);
        writeln!(out, "         {}", paint.wrap(BOLD, &line))?;
    }
    if !f.context.is_empty() {
        let context = match redaction {
            Redaction::Clear if !multi_line => {
                f.context.replace(&f.secret.preview(), f.secret.expose())
            }
            _ => f.context.clone(),
        };
        let context = printable(&context);
        writeln!(out, "         {}", paint.wrap(DIM, &format!("│ {context}")))?;
    }
    if multi_line {
        for line in f.secret.expose().lines() {
            writeln!(out, "           {}", printable(line))?;
        }
    }
    writeln!(out)
}

/// The one-line summary alone (findings by severity, files, bytes, time,
/// skipped and suppressed counts): what `-o FILE` still prints on stderr.
pub fn write_summary_line(report: &Report, color: Color, out: &mut dyn Write) -> io::Result<()> {
    write_summary(report, &Paint(color), out)
}

/// [`write_summary_line`] for a streaming scan, whose report keeps no
/// findings: `found` counts those it confirmed, by severity.
pub fn write_streamed_summary_line(
    report: &Report,
    found: &BTreeMap<Severity, u64>,
    color: Color,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_summary_of(report, found, &Paint(color), out)
}

/// In a merged report: every secret (by fingerprint) found in more than
/// one repository, and where, before the summary.
fn write_shared_secrets(report: &Report, paint: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let shared = crate::report::shared_secrets(report);
    if shared.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        paint.wrap(
            BOLD,
            &format!(
                "{} secret{} found in several repositories:",
                shared.len(),
                if shared.len() == 1 { "" } else { "s" }
            )
        )
    )?;
    for s in shared {
        writeln!(
            out,
            "  {} {} (fingerprint {}) in {} repositories: {}",
            printable(&s.rule_id),
            printable(&s.preview),
            &s.fingerprint[..s.fingerprint.len().min(16)],
            s.repositories.len(),
            s.repositories
                .iter()
                .map(|r| printable(r).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    writeln!(out)
}

/// `1 file`, `2 files`.
fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn write_summary(report: &Report, paint: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let mut found = BTreeMap::new();
    for f in &report.findings {
        *found.entry(f.severity).or_insert(0) += 1;
    }
    write_summary_of(report, &found, paint, out)
}

/// The summary of `report` with `found` findings by severity.
fn write_summary_of(
    report: &Report,
    found: &BTreeMap<Severity, u64>,
    paint: &Paint,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = &report.stats;
    let n: u64 = found.values().sum();
    let mut counts = Vec::new();
    for sev in Severity::ALL {
        let c = found.get(&sev).copied().unwrap_or(0);
        if c > 0 {
            counts.push(format!("{c} {sev}"));
        }
    }
    let head = if n == 0 {
        paint.wrap(BOLD, "no findings")
    } else {
        paint.wrap(
            BOLD,
            &format!(
                "{n} finding{} ({})",
                if n == 1 { "" } else { "s" },
                counts.join(", ")
            ),
        )
    };
    let mut scope = format!(
        "{}, {} scanned",
        count(s.files, "file"),
        human_bytes(s.bytes)
    );
    if s.duplicates > 0 {
        scope.push_str(&format!(
            " ({} identical to another, scanned once)",
            s.duplicates
        ));
    }
    if let Some(b) = s.blobs {
        scope = format!(
            "{} in {}, {} scanned",
            count(b, "blob"),
            count(s.commits.unwrap_or(0), "commit"),
            human_bytes(s.bytes)
        );
    }
    let k = &s.skipped;
    write!(
        out,
        "{head} — {scope} in {} ms with {}; skipped {} binary, {} too large, {} unreadable, {} not regular",
        s.duration_ms,
        count(s.rules as u64, "rule"),
        k.binary,
        k.too_large,
        k.unreadable,
        k.not_regular
    )?;
    let sup = &s.suppressed;
    if sup.allowlist + sup.baseline + sup.inline > 0 {
        write!(
            out,
            "; suppressed {} by allowlist, {} by baseline, {} inline",
            sup.allowlist, sup.baseline, sup.inline
        )?;
    }
    writeln!(out)
}

fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = b as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{b} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::{count, human_bytes};

    #[test]
    fn counts_are_singular_or_plural() {
        assert_eq!(count(1, "file"), "1 file");
        assert_eq!(count(0, "rule"), "0 rules");
        assert_eq!(count(2, "commit"), "2 commits");
    }

    #[test]
    fn bytes_are_humane() {
        assert_eq!(human_bytes(12), "12 B");
        assert_eq!(human_bytes(2048), "2.0 KiB");
        assert_eq!(human_bytes(5 * 1024 * 1024), "5.0 MiB");
    }
}
