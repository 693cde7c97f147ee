//! leakguard's binary: parse arguments, call the library, map the outcome to
//! an exit code (0 clean, 1 findings at or above --fail-on, 2 scan impossible).

mod cli;

use clap::Parser;
mod progress;

use cli::{Cli, Command, FormatArg, RulesCommand, ScanArgs};
use leakguard::check::{check_rules, ExampleMinimum};
use leakguard::report::{self, Color, Format, Redaction, WriteOptions};
use leakguard::rules::{FailOn, RuleSet};
use leakguard::scan::{ScanConfig, Target, DEFAULT_MAX_FILE_SIZE};
use leakguard::source::fs::IgnoreFiles;
use leakguard::source::git::HistoryRange;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Scan(args) => run_scan(args),
        Command::Rules(cmd) => run_rules(cmd),
        Command::InstallHook(args) => leakguard::hook::install(&args.path, args.force)
            .map_err(anyhow::Error::from)
            .map(|message| {
                println!("{message}");
                EXIT_CLEAN
            }),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("leakguard: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run_scan(args: ScanArgs) -> anyhow::Result<u8> {
    let fail_on: FailOn = args.fail_on.parse().map_err(anyhow::Error::msg)?;
    let max_file_size = leakguard::parse_size(&args.max_file_size)
        .map_err(|e| anyhow::anyhow!("--max-file-size: {e}"))?;
    let rules = Arc::new(leakguard::load_rules(&args.rules)?);
    let target = select_target(&args)?;
    let config = ScanConfig {
        target,
        rules,
        max_file_size: if max_file_size == 0 {
            DEFAULT_MAX_FILE_SIZE
        } else {
            max_file_size
        },
        ignore_files: if args.no_ignore {
            IgnoreFiles::Disregard
        } else {
            IgnoreFiles::Honor
        },
    };
    let report = match config.target {
        Target::History { .. } => {
            let bar = progress::Bar::for_stderr();
            leakguard::scan::run_with_progress(&config, &bar)?
        }
        _ => leakguard::scan(&config)?,
    };
    for warning in &report.warnings {
        eprintln!("leakguard: warning: {warning}");
    }
    let redaction = if args.no_redact {
        Redaction::Clear
    } else {
        Redaction::Redacted
    };
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
    };
    emit(&report, format, redaction, args.output.as_deref())?;
    let failing = report
        .findings
        .iter()
        .any(|f| fail_on.is_failing(f.severity));
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn select_target(args: &ScanArgs) -> anyhow::Result<Target> {
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

/// Writes the report to `-o FILE` or stdout. A closed stdout pipe
/// (`leakguard scan | head -1`) is not an error.
fn emit(
    report: &leakguard::Report,
    format: Format,
    redaction: Redaction,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("cannot write report to {}: {}", path.display(), e))?;
            let options = WriteOptions {
                format,
                redaction,
                color: Color::Never,
            };
            let mut out = io::BufWriter::new(file);
            report::write(report, &options, &mut out)
                .map_err(|e| anyhow::anyhow!("writing report to {}: {}", path.display(), e))
        }
        None => {
            let stdout = io::stdout();
            let color = if stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                Color::Always
            } else {
                Color::Never
            };
            let options = WriteOptions {
                format,
                redaction,
                color,
            };
            let mut out = io::BufWriter::new(stdout.lock());
            match report::write(report, &options, &mut out) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| anyhow::anyhow!("writing report: {e}")),
            }
        }
    }
}

fn run_rules(cmd: RulesCommand) -> anyhow::Result<u8> {
    match cmd {
        RulesCommand::List { rules, format } => {
            let set = leakguard::load_rules(&rules)?;
            let mut out = io::BufWriter::new(io::stdout().lock());
            let written = match format {
                FormatArg::Text => list_text(&set, &mut out),
                FormatArg::Json | FormatArg::Sarif => list_json(&set, &mut out),
            };
            match written.and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(EXIT_CLEAN),
            }
        }
        RulesCommand::Check { path } => {
            let set = Arc::new(RuleSet::new(leakguard::rules::load_path(&path)?)?);
            let problems = check_rules(
                &set,
                ExampleMinimum {
                    positive: 1,
                    negative: 1,
                },
            );
            for p in &problems {
                println!("{}: rule '{}': {}", p.source, p.rule_id, p.message);
            }
            if problems.is_empty() {
                println!("{}: {} rules ok", path.display(), set.len());
                Ok(EXIT_CLEAN)
            } else {
                println!(
                    "{}: {} problems in {} rules",
                    path.display(),
                    problems.len(),
                    set.len()
                );
                Ok(EXIT_FINDINGS)
            }
        }
    }
}

fn list_text(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    for r in set.rules() {
        writeln!(
            out,
            "{:<40} {:<8} {:<50} {}",
            r.id,
            r.severity,
            r.name,
            r.keywords.join(",")
        )?;
    }
    Ok(())
}

fn list_json(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<_> = set
        .rules()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id, "name": r.name, "severity": r.severity,
                "keywords": r.keywords, "description": r.description, "references": r.references,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rules)?;
    writeln!(out)
}
