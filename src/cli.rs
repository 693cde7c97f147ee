//! Command-line definitions (clap types only; no logic).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Finds leaked credentials in files, git history and staged changes.
#[derive(Debug, Parser)]
#[command(name = "leakguard", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files (default: the current directory) for secrets.
    Scan(ScanArgs),
    /// List or check rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Install the pre-commit hook (runs `leakguard scan --staged`) in this repository.
    InstallHook(InstallHookArgs),
}

/// `leakguard install-hook`.
#[derive(Debug, Args)]
pub struct InstallHookArgs {
    /// Replace an existing pre-commit hook that leakguard did not write.
    #[arg(long)]
    pub force: bool,
    /// A path inside the repository (default: the current directory).
    #[arg(value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

/// Output formats accepted by `--format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Human-readable text (coloured on a terminal).
    Text,
    /// JSON report.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other SARIF consumers).
    Sarif,
}

/// `leakguard scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or directories to scan.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read content from standard input instead of files.
    #[arg(long, conflicts_with_all = ["paths", "git", "staged"])]
    pub stdin: bool,
    /// Scan the git history of the repository at PATH (every ref).
    #[arg(long, conflicts_with = "staged")]
    pub git: bool,
    /// With --git: only the history of REV.
    #[arg(long, value_name = "REV", requires = "git")]
    pub rev: Option<String>,
    /// With --git: only commits not reachable from REV.
    #[arg(long, value_name = "REV", requires = "git")]
    pub since: Option<String>,
    /// Only lines added in the index relative to HEAD (pre-commit).
    #[arg(long)]
    pub staged: bool,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_name = "LEVEL", default_value = "low",
          value_parser = ["critical", "high", "medium", "low", "info", "never"])]
    pub fail_on: String,
    /// Extra rule files or directories of rule files.
    #[arg(long, value_name = "FILE_OR_DIR")]
    pub rules: Vec<PathBuf>,
    /// Print secrets in clear (never the default).
    #[arg(long)]
    pub no_redact: bool,
    /// Also scan files that .gitignore/.ignore exclude.
    #[arg(long)]
    pub no_ignore: bool,
    /// Skip files larger than SIZE (bytes, or with a K/M/G suffix).
    #[arg(long, value_name = "SIZE", default_value = "10M")]
    pub max_file_size: String,
}

/// `leakguard rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the active rules: id, severity, name, keywords.
    List {
        /// Extra rule files or directories to include.
        #[arg(long, value_name = "FILE_OR_DIR")]
        rules: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// Validate a rule file (or directory) and run its examples.
    Check {
        /// The rule file or directory to check.
        #[arg(value_name = "FILE_OR_DIR")]
        path: PathBuf,
    },
}
