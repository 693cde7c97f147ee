//! `leakguard baseline create`: scan, then record every finding's
//! fingerprint so later scans report only new ones.
//!
//! The fingerprints are sealed with the organisation's key when
//! `LEAKGUARD_FINGERPRINT_KEY` is set, else with Argon2id and a random salt
//! kept in the baseline (the salt of the baseline being replaced, when it
//! has one, so that fingerprints do not change under the team's feet).

use crate::args::BaselineCommand;
use crate::cmd_scan::{execute, fingerprint_key, prepare};
use crate::EXIT_CLEAN;
use leakguard::error::io_reason;
use leakguard::model::fingerprint::Fingerprinter;
use leakguard::suppress::baseline::Baseline;
use leakguard::suppress::Suppressions;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

pub(crate) fn run(cmd: BaselineCommand) -> anyhow::Result<u8> {
    match cmd {
        BaselineCommand::Create {
            source,
            output,
            update,
        } => {
            // The baseline being replaced: its salt, and with --update (or a
            // staged change, which adds to what the repository has) its
            // entries.
            let existing = if output.is_file() {
                Some(read_baseline(&output)?)
            } else {
                None
            };
            // The baseline being made must not hide what it records.
            let mut prepared = prepare(&source, &[], false)?;
            let salt = existing
                .as_ref()
                .and_then(Baseline::salt)
                .unwrap_or_else(random_salt);
            let key = fingerprint_key()?;
            let fingerprints = Arc::new(Fingerprinter::for_scan(
                key.as_deref().map(|k| k.as_slice()),
                Some(&salt),
            ));
            prepared.scan.fingerprints = fingerprints.clone();
            let report = execute(&prepared.scan, None)?;
            let mut baseline = Baseline::from_report(&report);
            let keep_old = update || source.staged;
            if let (true, Some(old)) = (keep_old, existing) {
                if old.scheme() == Some(&fingerprints.scheme()) {
                    baseline.merge(old);
                } else {
                    // Another layout, salt or key: its entries cannot be
                    // written as they are. The findings they accept that
                    // are still there are in this scan already.
                    let before = old.findings.len();
                    let mut matcher = Suppressions::default();
                    matcher.add_baseline(&output)?;
                    matcher.bind(&fingerprints).map_err(anyhow::Error::msg)?;
                    let accepted = report
                        .findings
                        .iter()
                        .filter(|f| matcher.baselined(f))
                        .count();
                    eprintln!(
                        "leakguard: the old baseline ({before} entries, fingerprints made otherwise) accepts {accepted} findings of this scan, now recorded in the current layout; its entries that match nothing now are dropped"
                    );
                }
            }
            write_baseline(&baseline, &output)?;
            eprintln!(
                "leakguard: baseline with {} findings written to {}",
                baseline.findings.len(),
                output.display()
            );
            Ok(EXIT_CLEAN)
        }
    }
}

fn read_baseline(path: &Path) -> anyhow::Result<Baseline> {
    let text = leakguard::source::fs::read_settings_file(path)
        .map_err(|e| anyhow::anyhow!("cannot read baseline {}: {e}", path.display()))?;
    Baseline::parse(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a leakguard baseline ({e}); give another -o FILE",
            path.display()
        )
    })
}

fn write_baseline(baseline: &Baseline, output: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::create(output).map_err(|e| {
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
        })
}

/// 16 random bytes from the operating system.
fn random_salt() -> Vec<u8> {
    use aes_gcm::aead::rand_core::RngCore;
    let mut salt = vec![0u8; 16];
    aes_gcm::aead::OsRng.fill_bytes(&mut salt);
    salt
}
