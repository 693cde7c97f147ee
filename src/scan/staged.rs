//! Scanning staged changes (`--staged`, the pre-commit hook): each staged
//! blob is scanned whole (so multi-line secrets are seen in context), and only
//! findings on lines the index adds are kept.

use super::files;
use super::{ScanConfig, Worker};
use crate::detect::Detector;
use crate::error::Result;
use crate::findings::Chunk;
use crate::model::Origin;
use crate::model::Report;
use crate::source::archive;
use crate::source::git;
use crate::source::looks_binary;
use std::path::Path;

pub(super) fn scan(detector: &Detector, path: &Path, config: &ScanConfig) -> Result<Report> {
    let repo = git::open(path)?;
    let files = git::staged_files(&repo, config.max_file_size)?;
    let mut report = Report {
        vcs: Some(git::vcs_info(&repo)),
        source_root: repo.workdir().and_then(|w| std::fs::canonicalize(w).ok()),
        ..Report::default()
    };
    let mut worker = Worker::new(config, &Default::default());
    let mut findings = Vec::new();
    for file in &files {
        if file.added_lines.is_empty() && !file.not_diffed {
            continue; // only removes lines
        }
        let blob = match repo.find_blob(file.oid) {
            Ok(b) => b,
            Err(e) => {
                report.stats.skipped.unreadable += 1;
                report.warnings.push(format!(
                    "{}: cannot read staged blob: {}",
                    file.path,
                    e.message()
                ));
                continue;
            }
        };
        let data = blob.content();
        if data.len() as u64 > config.max_file_size {
            report.stats.skipped.too_large += 1;
            continue;
        }
        if looks_binary(data) {
            // A staged archive is new content throughout: every finding in
            // its members counts, not only those on added lines.
            match archive::sniff(data).filter(|_| worker.archives.depth > 0) {
                Some(kind) => {
                    let origin = Origin::named(&file.path);
                    let max = config.max_file_size;
                    let unpacked =
                        files::scan_packed(&mut worker, detector, data, kind, origin, max);
                    unpacked.count_into(&mut report.stats);
                    report.warnings.extend(unpacked.warning);
                    report.findings.extend(unpacked.findings);
                }
                None => report.stats.skipped.binary += 1,
            }
            continue;
        }
        report.stats.files += 1;
        report.stats.bytes += data.len() as u64;
        findings.clear();
        let origin = Chunk::whole(Origin::named(&file.path));
        worker.scan_chunk(detector, data, origin, &mut findings);
        report.findings.extend(findings.drain(..).filter(|f| {
            (f.span.line..=f.span.end_line)
                .any(|l| file.added_lines.binary_search(&(l as u32)).is_ok())
        }));
    }
    Ok(report)
}
