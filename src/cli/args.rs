//! Command-line definitions (clap types only; no logic).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Finds leaked credentials in files, git history and staged changes.
#[derive(Debug, Parser)]
#[command(
    name = "leakguard",
    version = VERSION,
    about,
    propagate_version = true,
    after_help = ENVIRONMENT_AND_EXIT_CODES
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `--version`: the crate's version and the commit it was built from
/// (build.rs; `unknown` when built outside a git checkout), so a bug
/// report names the exact code.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("LEAKGUARD_GIT_COMMIT"),
    ")"
);

/// Shown after `--help`: what a script or CI job needs besides the flags.
const ENVIRONMENT_AND_EXIT_CODES: &str = "\
Exit codes:
  0  no finding at or above --fail-on (or --fail-on never)
  1  findings at or above --fail-on (default: low)
  2  the scan could not run (bad config, rules or baseline; not a git
     repository for --git; unreachable vault with no cache)

Environment:
  LEAKGUARD_FAIL_ON          --fail-on for the pre-commit hook (critical, high,
                             medium, low, info, never)
  LEAKGUARD_MASTER_KEY       key of the local encrypted vault (vault commands)
  LEAKGUARD_FINGERPRINT_KEY  the organisation's key (16+ bytes): report and
                             baseline fingerprints are HMAC-SHA256 under it
                             (else Argon2id), and it signs vault snapshots
  LEAKGUARD_VAULT_JSON       a JSON object of secrets (name: value) to cross-check
                             findings with, as a vault source
  NO_COLOR                   no colour in text output, even on a terminal";

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files (default: the current directory) for secrets.
    #[command(after_help = ENVIRONMENT_AND_EXIT_CODES)]
    Scan(ScanArgs),
    /// List or check rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Create a baseline of accepted findings.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Manage the local encrypted vault and fingerprint snapshots.
    #[command(subcommand)]
    Vault(VaultCommand),
    /// Render saved JSON reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Install the pre-commit hook (runs `leakguard scan --staged`) in this repository.
    InstallHook(InstallHookArgs),
    /// Print a shell completion script (e.g. `leakguard completions bash >
    /// ~/.local/share/bash-completion/completions/leakguard`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page leakguard(1) as roff (`leakguard man | man -l -`).
    Man,
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
    /// One self-contained HTML page for security reviews.
    Html,
    /// JSON Lines: one finding per line as it is confirmed, then a last
    /// `{"stats": …}` line (scan only).
    Jsonl,
}

/// `leakguard report …`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Render a JSON report (`scan --format json`) as the HTML page `--format html` writes.
    Html {
        /// The JSON report.
        #[arg(value_name = "REPORT.json")]
        report: PathBuf,
        /// Write the page to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Merge JSON reports of many scans (one per repository) into one report.
    Merge {
        /// The JSON reports (`scan --format json`).
        #[arg(value_name = "REPORT.json", required = true)]
        reports: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value = "json")]
        format: FormatArg,
        /// Write the report to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Exit 1 when a finding is at or above this level (default: low); `never` always exits 0.
        #[arg(long, value_name = "LEVEL",
              value_parser = ["critical", "high", "medium", "low", "info", "never"])]
        fail_on: Option<String>,
    },
}

/// Output formats accepted by `rules list --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormatArg {
    /// Aligned columns: id, severity, name, keywords.
    Text,
    /// A JSON array of rules.
    Json,
}

/// What to scan and with which rules; shared by `scan` and `baseline create`.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Files or directories to scan (with --git/--staged: the repository).
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
    /// Configuration file (default: .leakguard.toml at the repository root).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore the settings the scanned repository provides: its
    /// .leakguard.toml and .leakguard-baseline.json (for untrusted code).
    /// Built-in defaults and the command line's flags (--config, --baseline,
    /// --rules, --vault…) still apply.
    #[arg(long)]
    pub no_config: bool,
    /// Extra rule files or directories of rule files.
    #[arg(long, value_name = "FILE_OR_DIR")]
    pub rules: Vec<PathBuf>,
    /// Also scan files that .gitignore/.ignore exclude.
    #[arg(long)]
    pub no_ignore: bool,
    /// Follow symbolic links (by default a link is skipped and counted; a
    /// followed link that loops back is warned about once).
    #[arg(long)]
    pub follow: bool,
    /// Leave out findings less sure than LEVEL (high, medium, low; default low: all).
    #[arg(long, value_name = "LEVEL", value_parser = ["high", "medium", "low"])]
    pub min_confidence: Option<String>,
    /// Scan binary files too, for their printable text (runs of 8 or more
    /// printable ASCII characters, as `strings` prints them); lines are the
    /// file's own line feeds.
    #[arg(long)]
    pub binary: bool,
    /// Decode base64, hex, percent-encoding, string escapes and HTML entities
    /// and scan what they hold, up to N encodings deep (default 3; 0: off).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub max_decode_depth: Option<u8>,
    /// Open archives and compressed files (zip, jar, whl, tar, tar.gz, .gz, .bz2,
    /// .xz, .zst…) and scan their members, up to N archives deep (default 3; 0: off).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=8))]
    pub max_archive_depth: Option<u8>,
    /// Stop reading an archive once its members have decompressed to SIZE in
    /// all (default 256M), with a warning.
    #[arg(long, value_name = "SIZE")]
    pub max_archive_bytes: Option<String>,
    /// Scan at most N members of one archive (default 10000), with a warning.
    #[arg(long, value_name = "N")]
    pub max_archive_members: Option<u64>,
    /// Stop a member that decompresses to more than N times its compressed
    /// size, once past 1 MiB (default 100), with a warning: a zip bomb.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_compression_ratio: Option<u64>,
    /// Skip files larger than SIZE (bytes, or with a K/M/G suffix; default 10M).
    #[arg(long, value_name = "SIZE")]
    pub max_file_size: Option<String>,
    /// Cross-check findings against a vault (repeatable): dotenv:PATH, json:PATH, local:PATH,
    /// vault+https://HOST/MOUNT[/PREFIX], aws-sm://REGION[/PREFIX], fingerprints:FILE.
    #[arg(long, value_name = "URI")]
    pub vault: Vec<String>,
    /// How long cached remote-vault values may stand in during an outage (e.g. 30m, 1h; 0 disables).
    #[arg(long, value_name = "DURATION")]
    pub vault_cache_ttl: Option<String>,
}

/// `leakguard scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// What to scan.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this level (default: low, or the config's fail_on); `never` always exits 0.
    #[arg(long, value_name = "LEVEL",
          value_parser = ["critical", "high", "medium", "low", "info", "never"])]
    pub fail_on: Option<String>,
    /// Suppress findings recorded in FILE (leakguard baseline, detect-secrets .secrets.baseline or .gitleaksignore).
    #[arg(long, value_name = "FILE")]
    pub baseline: Vec<PathBuf>,
    /// Print secrets in clear (never the default).
    #[arg(long)]
    pub no_redact: bool,
    /// Print nothing but findings, errors and warnings: no summary line when
    /// the report goes to `-o FILE`, and nothing at all for a clean text
    /// report (the pre-commit hook's default).
    #[arg(short, long)]
    pub quiet: bool,
    /// Also name each file skipped as larger than --max-file-size, and print
    /// the summary even with --quiet.
    #[arg(short, long)]
    pub verbose: bool,
}

/// `leakguard baseline …`.
#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Record the current findings' fingerprints (no secrets) in FILE.
    Create {
        /// What to scan.
        #[command(flatten)]
        source: SourceArgs,
        /// Where to write the baseline.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Keep what FILE already accepts: its entries not found by this
        /// scan stay, and a baseline of an older layout is rewritten in the
        /// current one (its findings that are still there are carried over).
        #[arg(long)]
        update: bool,
    },
}

/// `leakguard vault …`.
#[derive(Debug, Subcommand)]
pub enum VaultCommand {
    /// Create an empty local vault (put also creates one; no other command does).
    Init {
        /// The vault (default: local:$XDG_DATA_HOME/leakguard/vault).
        #[arg(long, value_name = "URI")]
        vault: Option<String>,
    },
    /// Store a new secret; the value is read from standard input (never from arguments).
    Put {
        /// The secret's name (e.g. prod/payments/stripe_key).
        name: String,
        /// The vault (default: local:$XDG_DATA_HOME/leakguard/vault).
        #[arg(long, value_name = "URI")]
        vault: Option<String>,
    },
    /// List secrets, versions and ages (values are never shown).
    List {
        /// The vault (default: local:$XDG_DATA_HOME/leakguard/vault).
        #[arg(long, value_name = "URI")]
        vault: Option<String>,
    },
    /// Add a new current version of a secret, read from standard input.
    Rotate {
        /// The secret's name.
        name: String,
        /// The vault (default: local:$XDG_DATA_HOME/leakguard/vault).
        #[arg(long, value_name = "URI")]
        vault: Option<String>,
    },
    /// Remove a secret and all its versions.
    Rm {
        /// The secret's name.
        name: String,
        /// The vault (default: local:$XDG_DATA_HOME/leakguard/vault).
        #[arg(long, value_name = "URI")]
        vault: Option<String>,
    },
    /// Write an offline fingerprint snapshot (HMAC-SHA256 under $LEAKGUARD_FINGERPRINT_KEY; no values).
    Snapshot {
        /// Vaults to snapshot (repeatable).
        #[arg(long, value_name = "URI", required = true)]
        vault: Vec<String>,
        /// Where to write the snapshot.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// `leakguard rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the active rules, most severe first: id, severity, name, keywords.
    List {
        /// Extra rule files or directories to include.
        #[arg(long, value_name = "FILE_OR_DIR")]
        rules: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormatArg,
    },
    /// Validate a rule file (or directory) and run its examples.
    Check {
        /// The rule file or directory to check.
        #[arg(value_name = "FILE_OR_DIR")]
        path: PathBuf,
    },
}
