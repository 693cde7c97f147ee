//! `leakguard scan`: turn the command line into a checked [`ScanConfig`], run
//! it, and write the report.

use crate::args::{FormatArg, ScanArgs, SourceArgs};
use crate::output::{color_for, format_of, open_stream, stream_written, write_output};
use crate::{progress, EXIT_CLEAN, EXIT_FINDINGS};
use leakguard::config::Config;
use leakguard::model::fingerprint::Fingerprinter;
use leakguard::model::{FailOn, Severity};
use leakguard::report::{self, Format, Redaction, WriteOptions};
use leakguard::scan::{
    ArchiveLimits, FindingSink, NoProgress, ScanConfig, Target, DEFAULT_DECODE_DEPTH,
    DEFAULT_MAX_FILE_SIZE,
};
use leakguard::source::fs::IgnoreFiles;
use leakguard::source::git::HistoryRange;
use leakguard::text::printable;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, Mutex};

/// Everything a scan needs, checked: the scan itself and the config it used.
pub(crate) struct Prepared {
    pub(crate) scan: ScanConfig,
    pub(crate) config: Config,
}

/// Where a repository keeps the baseline every scan applies by default.
pub(crate) const DEFAULT_BASELINE: &str = ".leakguard-baseline.json";

/// Checks the command line and loads what it names. `baselines` are the
/// `--baseline` files; when there are none and `default_baseline`, the
/// config's `baseline`, else `.leakguard-baseline.json` at the repository's
/// top if present, is applied (so the hook's advice to record a finding in
/// the baseline works). `--no-config` leaves out everything the repository
/// provides itself: its `.leakguard.toml` and its default baseline.
pub(crate) fn prepare(
    src: &SourceArgs,
    baselines: &[std::path::PathBuf],
    default_baseline: bool,
) -> anyhow::Result<Prepared> {
    let target = select_target(src)?;
    let root = config_root(&target);
    let config = match &src.config {
        Some(path) => Config::load(path)?,
        None if src.no_config => Config::default(),
        None => Config::discover(&root)?,
    };
    let default = if baselines.is_empty() && default_baseline {
        match &config.baseline {
            Some(named) => Some(named.clone()),
            None if src.no_config => None,
            None => leakguard::config::repository_file(&root, DEFAULT_BASELINE, "baseline")?,
        }
    } else {
        None
    };
    let max_file_size = match &src.max_file_size {
        Some(s) => leakguard::parse_size(s).map_err(|e| anyhow::anyhow!("--max-file-size: {e}"))?,
        None => config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
    };
    let rules = Arc::new(leakguard::configured_rules(&config, &src.rules)?);
    let mut suppressions = config.suppressions();
    for b in baselines.iter().chain(&default) {
        suppressions.add_baseline(b)?;
    }
    let vault = match config.load_vault(&src.vault, src.vault_cache_ttl.as_deref())? {
        Some((index, warnings)) => {
            for w in warnings {
                eprintln!("leakguard: warning: {}", printable(&w));
            }
            Some(Arc::new(index))
        }
        None => None,
    };
    let fingerprints = Arc::new(Fingerprinter::for_scan(
        fingerprint_key()?.as_deref().map(|k| k.as_slice()),
        suppressions.baseline_salt().as_deref(),
    ));
    suppressions
        .bind(&fingerprints)
        .map_err(anyhow::Error::msg)?;
    let scan = ScanConfig {
        target,
        rules,
        max_file_size: if max_file_size == 0 {
            DEFAULT_MAX_FILE_SIZE
        } else {
            max_file_size
        },
        ignore_files: if src.no_ignore {
            IgnoreFiles::Disregard
        } else {
            IgnoreFiles::Honor
        },
        follow_symlinks: src.follow,
        binary: src.binary,
        max_decode_depth: src.max_decode_depth.unwrap_or(DEFAULT_DECODE_DEPTH),
        archives: {
            let d = ArchiveLimits::default();
            ArchiveLimits {
                depth: src.max_archive_depth.unwrap_or(d.depth),
                bytes: match &src.max_archive_bytes {
                    Some(s) => leakguard::parse_size(s)
                        .map_err(|e| anyhow::anyhow!("--max-archive-bytes: {e}"))?,
                    None => d.bytes,
                },
                members: src.max_archive_members.unwrap_or(d.members),
                ratio: src.max_compression_ratio.unwrap_or(d.ratio),
            }
        },
        min_confidence: match &src.min_confidence {
            Some(level) => level.parse().map_err(anyhow::Error::msg)?,
            None => leakguard::model::Confidence::Low,
        },
        suppressions: Arc::new(suppressions),
        fingerprints,
        vault,
    };
    Ok(Prepared { scan, config })
}

/// Where `.leakguard.toml` is looked for (see [`leakguard::config::search_root`]).
fn config_root(target: &Target) -> std::path::PathBuf {
    let start: std::path::PathBuf = match target {
        Target::Paths(paths) => paths.first().cloned().unwrap_or_else(|| ".".into()),
        Target::Stdin => ".".into(),
        Target::History { repo, .. } | Target::Staged { repo } => repo.clone(),
    };
    leakguard::config::search_root(&start)
}

pub(crate) fn run(args: ScanArgs) -> anyhow::Result<u8> {
    run_scan(args)
}

fn run_scan(args: ScanArgs) -> anyhow::Result<u8> {
    let prepared = prepare(&args.source, &args.baseline, true)?;
    let fail_on: FailOn = match &args.fail_on {
        Some(s) => s.parse().map_err(anyhow::Error::msg)?,
        None => prepared
            .config
            .fail_on
            .unwrap_or(FailOn::AtLeast(leakguard::model::Severity::Low)),
    };
    if let Some(path) = &args.output {
        check_output_path(path)?;
    }
    let redaction = if args.no_redact {
        Redaction::Clear
    } else {
        Redaction::Redacted
    };
    if let FormatArg::Jsonl = args.format {
        return stream_scan(&prepared.scan, &args, fail_on, redaction);
    }
    let report = execute(&prepared.scan, None)?;
    let format = format_of(args.format);
    let quiet = args.quiet && !args.verbose;
    if args.verbose {
        for note in &report.notes {
            eprintln!("leakguard: {}", printable(note));
        }
    }
    let clean_and_quiet = quiet && report.findings.is_empty() && format == Format::Text;
    if !clean_and_quiet {
        write_output(args.output.as_deref(), |out, color| {
            let options = WriteOptions {
                format,
                redaction,
                color,
            };
            report::write(&report, &options, out)
        })?;
    }
    if args.output.is_some() && !quiet {
        // The report went to a file: a CI log still shows what happened.
        let stderr = io::stderr();
        let color = color_for(stderr.is_terminal());
        let _ = report::text::write_summary_line(&report, color, &mut stderr.lock());
    }
    let failing = report
        .findings
        .iter()
        .any(|f| fail_on.is_failing(f.severity));
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// `--format jsonl`: each finding is written as a line as soon as the scan
/// confirms it, and only counted (for the summary and the exit code), so
/// memory does not grow with the findings; the stats line ends the output.
fn stream_scan(
    config: &ScanConfig,
    args: &ScanArgs,
    fail_on: FailOn,
    redaction: Redaction,
) -> anyhow::Result<u8> {
    let sink = JsonlSink {
        out: Mutex::new((open_stream(args.output.as_deref())?, Ok(()))),
        redaction,
        found: Mutex::new(BTreeMap::new()),
    };
    let report = execute(config, Some(&sink))?;
    if args.verbose {
        for note in &report.notes {
            eprintln!("leakguard: {}", printable(note));
        }
    }
    let (mut out, written) = sink.out.into_inner().unwrap_or_else(|e| e.into_inner());
    let written = written.and_then(|_| {
        report::jsonl::write_stats(&report, &mut out)?;
        out.flush()
    });
    stream_written(args.output.as_deref(), written)?;
    let found = sink.found.into_inner().unwrap_or_else(|e| e.into_inner());
    let quiet = args.quiet && !args.verbose;
    if args.output.is_some() && !quiet {
        let stderr = io::stderr();
        let color = color_for(stderr.is_terminal());
        let _ =
            report::text::write_streamed_summary_line(&report, &found, color, &mut stderr.lock());
    }
    let failing = found.keys().any(|&severity| fail_on.is_failing(severity));
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// Writes each confirmed finding as a JSON line, and counts it.
struct JsonlSink {
    /// The output, and the first error writing to it (later lines are
    /// not attempted).
    out: Mutex<(Box<dyn Write + Send>, io::Result<()>)>,
    redaction: Redaction,
    found: Mutex<BTreeMap<Severity, u64>>,
}

impl FindingSink for JsonlSink {
    fn confirmed(&self, finding: &leakguard::model::Finding) {
        *lock(&self.found).entry(finding.severity).or_insert(0) += 1;
        let mut out = lock(&self.out);
        let (writer, result) = &mut *out;
        if result.is_ok() {
            *result = report::jsonl::write_finding(finding, self.redaction, writer)
                .and_then(|_| writer.flush());
        }
    }
}

/// Locks `m`, ignoring poisoning (the data stays usable).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs the scan (with a progress bar for history) and prints its warnings;
/// with a sink, each finding goes there as it is confirmed.
pub(crate) fn execute(
    config: &ScanConfig,
    sink: Option<&dyn FindingSink>,
) -> anyhow::Result<leakguard::Report> {
    let report = match (&config.target, sink) {
        (Target::History { .. }, _) => {
            let bar = progress::Bar::for_stderr();
            match sink {
                Some(sink) => leakguard::scan::run_streaming(config, &bar, sink)?,
                None => leakguard::scan::run_with_progress(config, &bar)?,
            }
        }
        (_, Some(sink)) => leakguard::scan::run_streaming(config, &NoProgress, sink)?,
        (_, None) => leakguard::scan(config)?,
    };
    for warning in &report.warnings {
        eprintln!("leakguard: warning: {}", printable(warning));
    }
    Ok(report)
}

fn select_target(args: &SourceArgs) -> anyhow::Result<Target> {
    let one_repo = || -> anyhow::Result<std::path::PathBuf> {
        match args.paths.as_slice() {
            [] => Ok(".".into()),
            [one] => Ok(one.clone()),
            _ => anyhow::bail!(
                "--git and --staged take one repository path, not {}",
                args.paths.len()
            ),
        }
    };
    Ok(if args.stdin {
        Target::Stdin
    } else if args.staged {
        Target::Staged { repo: one_repo()? }
    } else if args.git {
        Target::History {
            repo: one_repo()?,
            range: HistoryRange {
                rev: args.rev.clone(),
                since: args.since.clone(),
            },
        }
    } else if args.paths.is_empty() {
        Target::Paths(vec![".".into()])
    } else {
        Target::Paths(args.paths.clone())
    })
}

/// Fails before a long scan, not after it, when `-o FILE` cannot be written
/// because its directory does not exist.
fn check_output_path(path: &std::path::Path) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot write report to {}: directory {} does not exist",
            path.display(),
            dir.display()
        );
    }
    Ok(())
}

/// The organisation's fingerprint key (`LEAKGUARD_FINGERPRINT_KEY`), wiped
/// when dropped; `None` when unset or empty. A key shorter than 16 bytes
/// is refused: it could itself be guessed.
pub(crate) fn fingerprint_key() -> anyhow::Result<Option<zeroize::Zeroizing<Vec<u8>>>> {
    use leakguard::model::fingerprint::KEY_ENV;
    let Some(key) = std::env::var_os(KEY_ENV) else {
        return Ok(None);
    };
    let key = zeroize::Zeroizing::new(key.into_encoded_bytes());
    match key.len() {
        0 => Ok(None),
        1..16 => anyhow::bail!("{KEY_ENV} must be at least 16 bytes (it is {})", key.len()),
        _ => Ok(Some(key)),
    }
}
