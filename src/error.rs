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
    #[error("rule file {}: {}", printable(.path), printable(.message))]
    RuleFile {
        /// The offending file (or `<builtin>/name.toml`).
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A rule parsed but is invalid (bad regex, no `secret` group, bad id…).
    #[error("rule file {}: rule '{}': {}", printable(.path), printable(.id), printable(.message))]
    Rule {
        /// The file the rule came from.
        path: String,
        /// The rule's id as written.
        id: String,
        /// What is wrong with it.
        message: String,
    },
    /// The configuration file is unreadable or invalid.
    #[error("config {}: {}", printable(&.path.display().to_string()), printable(.message))]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong, naming the line and key.
        message: String,
    },
    /// A baseline (or imported ignore/baseline file) is unreadable or invalid.
    #[error("baseline {}: {}", printable(&.path.display().to_string()), printable(.message))]
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
    #[error("{}: {}", printable(&.path.display().to_string()), printable(.message))]
    Path {
        /// The path as given.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Reading standard input failed.
    #[error("reading standard input: {0}")]
    Stdin(std::io::Error),
    /// A command-line value that clap could not check (e.g. a size).
    #[error("{}", printable(.0))]
    Usage(String),
    /// Writing the report failed.
    #[error("writing report to {}: {source}", printable(.path))]
    Output {
        /// Where the report was going.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// User-supplied text (a path, a rule id, a regex, a line of a file) as a
/// message shows it: control characters escaped (`\n`, `\u{1b}`), so every
/// message stays one line and a file from an untrusted repository cannot
/// start new lines or send terminal escapes through an error.
pub(crate) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Collapses a multi-line message (regex and walk errors span lines) into
/// one line: every error leakguard prints is a single line.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #8 (found by the `config` and `baseline` fuzz targets): a regex
    /// or a line quoted from a file put newlines and raw control bytes into
    /// what must be a one-line message.
    #[test]
    fn issue_8_messages_are_one_printable_line() {
        let e = Error::Config {
            path: PathBuf::from("c.toml"),
            message: "key 'allowlist': invalid secret regex '(\nx\u{1b}[2J'".into(),
        };
        assert_eq!(
            e.to_string(),
            "config c.toml: key 'allowlist': invalid secret regex '(\\nx\\u{1b}[2J'"
        );
        let e = Error::Rule {
            path: "r\ttoml".into(),
            id: "a\rb".into(),
            message: "plain".into(),
        };
        assert_eq!(e.to_string(), "rule file r\\ttoml: rule 'a\\rb': plain");
        assert_eq!(printable("no controls: \u{e9}"), "no controls: \u{e9}");
    }
}
