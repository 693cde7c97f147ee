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
    let result = match cli.command {
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
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "leakguard: {}",
                printable(&without_os_error(&format!("{e:#}")))
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}
