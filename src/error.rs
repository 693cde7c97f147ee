//! The library's error type: everything that makes a scan impossible.
//!
//! Per-file problems (unreadable, binary, too large) are not errors: they are
//! counted in the report's stats and the scan goes on. An `Error` means the
//! scan could not be done at all and maps to exit code 2 in `main`.

use crate::text::{mask_input, printable};
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
    Vault(#[from] VaultError),
    /// A path given on the command line does not exist or cannot be read.
    #[error("{}: {}", printable(&.path.display().to_string()), printable(.message))]
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

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a vault could not be loaded. Messages name the vault and never a value.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The URI is not one leakguard understands.
    #[error("--vault {uri}: {message}")]
    BadUri {
        /// The URI as given.
        uri: String,
        /// What is wrong with it.
        message: String,
    },
    /// The vault could not be reached or refused the request (network,
    /// TLS, auth, HTTP status). A cache may stand in for it.
    #[error("vault {vault} unreachable: {message}")]
    Unreachable {
        /// The vault, as named in reports.
        vault: String,
        /// What happened.
        message: String,
    },
    /// The vault answered, but its data is unusable (bad file, bad key, bad JSON).
    #[error("vault {vault}: {message}")]
    Invalid {
        /// The vault, as named in reports.
        vault: String,
        /// What is wrong.
        message: String,
    },
}

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

/// A TOML parse error as one line naming the line number and the problem
/// (for rule files, configs and imported gitleaks configs alike). Values
/// the parser quotes are masked ([`mask_input`]).
pub(crate) fn toml_message(text: &str, e: &toml::de::Error) -> String {
    let what = mask_input(&e.message().trim().replace('\n', " "));
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {what}")
        }
        None => what,
    }
}

/// A regex error as one line without the pattern: the `regex` crate's
/// message repeats the pattern, which may hold a secret-looking literal
/// (an allowlisted token, a rule for an internal key format).
pub(crate) fn regex_message(pattern: &str, e: &regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => {
            format!("the compiled regex exceeds the size limit of {limit} bytes")
        }
        _ => match regex_syntax::Parser::new().parse(pattern) {
            Err(syntax) => syntax_message(&syntax),
            Ok(_) => "invalid regex (not supported by the regex engine)".into(),
        },
    }
}

/// A `regex-syntax` error as "what, at line L column C" without the pattern.
pub(crate) fn syntax_message(e: &regex_syntax::Error) -> String {
    let (what, span) = match e {
        regex_syntax::Error::Parse(e) => (e.kind().to_string(), *e.span()),
        regex_syntax::Error::Translate(e) => (e.kind().to_string(), *e.span()),
        _ => return "invalid regex syntax".into(),
    };
    let at = span.start;
    if at.line > 1 {
        format!("{what}, at line {} column {}", at.line, at.column)
    } else {
        format!("{what}, at character {}", at.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "Zq8-Lm3vP7xR2wK9tB4n";

    #[test]
    fn regex_messages_omit_the_pattern() {
        let pattern = format!("(?P<secret>{SECRET}[)");
        let e = regex::Regex::new(&pattern).unwrap_err();
        assert!(
            e.to_string().contains(SECRET),
            "the crate's own message quotes it"
        );
        let m = regex_message(&pattern, &e);
        assert!(!m.contains(SECRET), "{m}");
        assert!(m.contains("unclosed character class"), "{m}");
        assert!(m.contains("at character 32"), "{m}");
    }

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
