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

/// User-supplied text (a path, a rule id, a regex, a line of a file) as a
/// message shows it: control characters escaped (`\n`, `\u{1b}`), so every
/// message stays one line and a file from an untrusted repository cannot
/// start new lines or send terminal escapes through an error.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
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

/// `s` on one line: every run of whitespace (line breaks included) becomes
/// one space, so a message from a library cannot break a log line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Longest piece of user input an error message quotes whole. Anything longer
/// could be a secret (the redaction guarantee covers 8 characters and more:
/// a value pasted into the wrong key, a token in an allowlist regex), so it is
/// shown as a preview instead: its first four characters, then `…`.
pub(crate) const MAX_QUOTED_CHARS: usize = 7;

/// `input` as error messages may quote it: whole when short, else a preview.
pub(crate) fn quote_input(input: &str) -> String {
    if input.chars().count() <= MAX_QUOTED_CHARS {
        input.to_string()
    } else {
        crate::report::Secret::from_bytes(input.as_bytes()).preview()
    }
}

/// Masks the input that a serde (TOML, JSON) message quotes. Those messages
/// quote what they were given before `, expected …` (``invalid type: string
/// "…"``, ``unknown variant `…` ``, ``unknown field `…` ``) and list the
/// schema's own words after it. Quoted input longer than
/// [`MAX_QUOTED_CHARS`] becomes a preview, except a key that is a plain
/// lowercase identifier (`fial_on`): a misspelt key should be named.
pub(crate) fn mask_input(message: &str) -> String {
    let split = message.find(", expected").unwrap_or(message.len());
    let (head, tail) = message.split_at(split);
    let mut out = String::with_capacity(message.len());
    let mut rest = head;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open];
        out.push_str(&rest[..=open]);
        let body = &rest[open + 1..];
        // Close at the matching quote; a `"` may be escaped (`string "a\"b"`).
        let mut close = None;
        let mut escaped = false;
        for (i, b) in body.bytes().enumerate() {
            if escaped {
                escaped = false;
            } else if b == b'\\' && quote == b'"' {
                escaped = true;
            } else if b == quote {
                close = Some(i);
                break;
            }
        }
        let end = close.unwrap_or(body.len());
        let quoted = &body[..end];
        let names_a_key = ["field ", "key ", "table "]
            .iter()
            .any(|w| rest[..open].ends_with(w));
        let identifier = quoted
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-' || b == b'.');
        if names_a_key && identifier {
            out.push_str(quoted);
        } else {
            out.push_str(&quote_input(quoted));
        }
        match close {
            Some(c) => {
                out.push(quote as char);
                rest = &body[c + 1..];
            }
            None => rest = "",
        }
    }
    out.push_str(rest);
    out.push_str(tail);
    out
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
    fn quoted_input_is_masked_but_schema_words_stay() {
        let m = mask_input(&format!(
            "invalid type: string \"{SECRET}\", expected a sequence of `strings`"
        ));
        assert_eq!(
            m,
            "invalid type: string \"Zq8-…\", expected a sequence of `strings`"
        );
        let m = mask_input(&format!("unknown variant `{SECRET}`, expected `high`"));
        assert!(!m.contains(SECRET) && m.contains("`Zq8-…`"), "{m}");
        let m = mask_input("unknown field `disabled_rule`, expected `disabled_rules`");
        assert!(
            m.contains("`disabled_rule`"),
            "a misspelt key is named: {m}"
        );
        let m = mask_input(&format!("unknown field `{SECRET}`, expected `rules`"));
        assert!(!m.contains(SECRET), "{m}");
        let m = mask_input("invalid type: string \"a\\\"b\", expected u32");
        assert_eq!(m, "invalid type: string \"a\\\"b\", expected u32");
        let m = mask_input(&format!("unterminated `{SECRET}"));
        assert!(!m.contains(SECRET), "{m}");
        assert_eq!(quote_input("urgent"), "urgent");
    }

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
