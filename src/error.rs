//! The library's error type: everything that makes a scan impossible.
//!
//! Per-file problems (unreadable, binary, too large) are not errors: they are
//! counted in the report's stats and the scan goes on. An `Error` means the
//! scan could not be done at all and maps to exit code 2 in `main`.

use std::path::PathBuf;

/// Why a scan (or a rules/baseline command) could not be done.
///
/// Messages are written for the user: what was wrong, where, and what to do.
/// None of them ever contains a secret value.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule file could not be read or parsed.
    #[error("rule file {path}: {message}")]
    RuleFile {
        /// The offending file (or `<builtin>/name.toml`).
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A rule parsed but is invalid (bad regex, no `secret` group, bad id…).
    #[error("rule file {path}: rule '{id}': {message}")]
    Rule {
        /// The file the rule came from.
        path: String,
        /// The rule's id as written.
        id: String,
        /// What is wrong with it.
        message: String,
    },
    /// The configuration file is unreadable or invalid.
    #[error("config {}: {message}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong, naming the line and key.
        message: String,
    },
    /// A baseline (or imported ignore/baseline file) is unreadable or invalid.
    #[error("baseline {}: {message}", path.display())]
    Baseline {
        /// The baseline file.
        path: PathBuf,
        /// What is wrong, naming the line and key.
        message: String,
    },
    /// A vault could not be loaded (and no cache could stand in).
    #[error(transparent)]
    Vault(#[from] crate::vault::VaultError),
    /// A path given on the command line does not exist or cannot be read.
    #[error("{}: {message}", path.display())]
    Path {
        /// The path as given.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Every file and directory under the given paths was unreadable: the
    /// scan saw nothing, so its "no findings" would be a lie.
    #[error("nothing could be scanned: {unreadable} unreadable files or directories (see the warnings above)")]
    NothingReadable {
        /// How many were unreadable.
        unreadable: u64,
    },
    /// Reading standard input failed.
    #[error("reading standard input: {0}")]
    Stdin(std::io::Error),
    /// A command-line value that clap could not check (e.g. a size).
    #[error("{0}")]
    Usage(String),
    /// Writing the report failed.
    #[error("writing report to {path}: {source}")]
    Output {
        /// Where the report was going.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Collapses a multi-line message (regex and walk errors span lines) into
/// one line: every error leakguard prints is a single line.
/// An I/O error's reason without the "(os error N)" noise.
pub fn io_reason(e: &std::io::Error) -> String {
    without_os_error(&e.to_string())
}

/// `s` without the " (os error N)" that std appends to I/O errors (also
/// inside messages that wrap one, such as the walker's).
pub fn without_os_error(s: &str) -> String {
    let mut out = s.to_string();
    while let Some(i) = out.find(" (os error ") {
        match out[i..].find(')') {
            Some(end) => out.replace_range(i..i + end + 1, ""),
            None => break,
        }
    }
    out
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A TOML parse error as one line naming the line number and the problem
/// (for rule files, configs and imported gitleaks configs alike).
pub(crate) fn toml_message(text: &str, e: &toml::de::Error) -> String {
    let what = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {what}")
        }
        None => what,
    }
}
