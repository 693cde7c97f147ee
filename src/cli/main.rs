//! leakguard's binary: parse arguments, dispatch to one `cmd_*` module per
//! subcommand, map the outcome to an exit code (0 clean, 1 findings at or
//! above --fail-on, 2 scan impossible). The library does the work.

mod args;
mod cmd_baseline;
mod cmd_completions;
mod cmd_man;
mod cmd_report;
mod cmd_rules;
mod cmd_scan;
mod cmd_vault;
mod output;
mod progress;

use args::{Cli, Command};
use clap::Parser;
use leakguard::error::without_os_error;
use leakguard::text::printable;
use std::process::ExitCode;

pub(crate) const EXIT_CLEAN: u8 = 0;
pub(crate) const EXIT_FINDINGS: u8 = 1;
pub(crate) const EXIT_ERROR: u8 = 2;

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
    quiet_panics();
    ExitCode::from(outcome(|| run(cli.command)))
}

/// The exit code of `run`; an error is reported as one line. A panic is a
/// bug: it still ends the run as a failed one (exit 2), after unwinding,
/// which runs destructors (secrets in zeroizing buffers are wiped), and no
/// core file is written (see `[profile.release]` in Cargo.toml).
fn outcome(run: impl FnOnce() -> anyhow::Result<u8>) -> u8 {
    let Ok(result) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) else {
        return EXIT_ERROR;
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "leakguard: {}",
                printable(&without_os_error(&format!("{e:#}")))
            );
            EXIT_ERROR
        }
    }
}

/// Runs one subcommand; its exit code, or the error that stopped it.
fn run(command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Scan(args) => cmd_scan::run(args),
        Command::Rules(cmd) => cmd_rules::run(cmd),
        Command::Baseline(cmd) => cmd_baseline::run(cmd),
        Command::Vault(cmd) => cmd_vault::run(cmd),
        Command::Report(cmd) => cmd_report::run(cmd),
        Command::Completions { shell } => cmd_completions::run(shell),
        Command::Man => cmd_man::run(),
        Command::InstallHook(args) => leakguard::hook::install(&args.path, args.force)
            .map_err(anyhow::Error::from)
            .map(|message| {
                println!("{message}");
                EXIT_CLEAN
            }),
    }
}

/// Replaces Rust's panic report with one line naming where the bug is. The
/// panic's message is not shown: it may quote the text being scanned (a
/// slicing panic quotes its string), and that text may be a secret. With
/// `RUST_BACKTRACE` set, whoever debugs gets Rust's full report instead.
fn quiet_panics() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    static REPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    std::panic::set_hook(Box::new(|info| {
        // Several scan threads may panic; one line is enough.
        if !REPORTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            eprintln!("{}", panic_line(info.location()));
        }
    }));
}

fn panic_line(location: Option<&std::panic::Location<'_>>) -> String {
    let at = location.map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
    format!(
        "leakguard: internal error{at}: this is a bug, please report it (RUST_BACKTRACE=1 shows details, which may include scanned text)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_exits_2() {
        assert_eq!(outcome(|| panic!("a bug")), EXIT_ERROR);
        assert_eq!(outcome(|| Ok(EXIT_FINDINGS)), EXIT_FINDINGS);
        assert_eq!(outcome(|| anyhow::bail!("cannot")), EXIT_ERROR);
    }

    #[test]
    fn a_panic_is_one_line_without_its_message() {
        let location = std::panic::Location::caller();
        let line = panic_line(Some(location));
        assert!(
            line.starts_with("leakguard: internal error at src/cli/main.rs:"),
            "{line}"
        );
        assert!(!line.contains('\n'));
        assert_eq!(
            panic_line(None),
            "leakguard: internal error: this is a bug, please report it (RUST_BACKTRACE=1 shows details, which may include scanned text)"
        );
    }
}
