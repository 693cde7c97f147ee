//! Named filters a rule can ask for (`filters = [...]` in a rule file). They
//! reject captured values that sit where secrets sit but are not secrets:
//! variable references, hashes and ids, dictionary words, encoded media.
//! Generic rules (`password = "…"`) need them; provider rules with a fixed
//! prefix rarely do.

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// A filter named in a rule file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Filter {
    /// Rejects references to a value rather than the value: `$VAR`,
    /// `process.env.X`, `os.getenv(...)`, `config.db.password`, `MY_PASSWORD`.
    NotReference,
    /// Rejects hashes and ids: hex strings of hash length (git SHAs, MD5/SHA
    /// digests), `sha512-…` integrity strings, UUIDs.
    NotHash,
    /// Rejects values made only of dictionary words (`mySecretPassword`).
    NotWord,
    /// Rejects encoded media: `data:` URIs, base64 of PNG/JPEG/GIF/fonts/SVG.
    NotMedia,
    /// Rejects a value already written before it on its line: a key whose
    /// value repeats part of its own name
    /// (`Win32_System_PasswordManagement = ["Win32_System"]`,
    /// `auth_token: auth_token`).
    NotOwnKey,
}

/// How much of a value's line, before it, filters are shown: enough for any
/// key, and a minified line cannot make filtering quadratic.
pub const LINE_BEFORE_MAX: usize = 512;

impl Filter {
    /// Whether `value` should be rejected by this filter. `before` is the
    /// part of the value's line that precedes it (at most
    /// [`LINE_BEFORE_MAX`] bytes); only [`Filter::NotOwnKey`] reads it.
    pub fn rejects(self, value: &[u8], before: &[u8]) -> bool {
        if self == Filter::NotOwnKey {
            return !value.is_empty() && memchr::memmem::find(before, value).is_some();
        }
        let Ok(value) = std::str::from_utf8(value) else {
            return false;
        };
        match self {
            Filter::NotReference => is_reference(value),
            Filter::NotHash => is_hash_or_id(value),
            Filter::NotWord => is_words(value),
            Filter::NotMedia => is_media(value),
            Filter::NotOwnKey => unreachable!("handled above"),
        }
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_reference(v: &str) -> bool {
    let v = v.trim();
    if v.is_empty() {
        return true;
    }
    // Shell/Makefile/template variables, Ruby/Perl sigils, Ansible/Jinja.
    if v.starts_with('$') || v.starts_with('%') || v.starts_with('@') || v.starts_with('&') {
        return true;
    }
    // Function calls and indexing: getenv("X"), ENV["X"], secrets.get('x').
    if v.contains('(') || v.contains(')') || v.contains('[') {
        return true;
    }
    // Dotted identifiers: process.env.TOKEN, config.db.password, self.secret.
    let segments: Vec<&str> = v.split('.').collect();
    if segments.len() > 1 && segments.iter().all(|s| is_identifier(s)) {
        return true;
    }
    // An environment variable's name in SCREAMING_CASE: API_TOKEN, DB_PASSWORD.
    if is_identifier(v)
        && v.contains('_')
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return true;
    }
    // Well-known "no value here" words.
    matches!(
        v.to_ascii_lowercase().as_str(),
        "null"
            | "none"
            | "nil"
            | "undefined"
            | "true"
            | "false"
            | "required"
            | "optional"
            | "string"
    )
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_hash_or_id(v: &str) -> bool {
    const HASH_LENGTHS: [usize; 6] = [32, 40, 56, 64, 96, 128];
    if is_hex(v) && HASH_LENGTHS.contains(&v.len()) {
        return true;
    }
    for prefix in [
        "sha1-", "sha256-", "sha384-", "sha512-", "md5-", "sha1:", "sha256:", "sha512:",
    ] {
        if v.len() > prefix.len() && v[..prefix.len()].eq_ignore_ascii_case(prefix) {
            return true;
        }
    }
    is_uuid(v)
}

fn is_uuid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.len() == 5
        && parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| is_hex(p))
}

fn dictionary() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| include_str!("data/words.txt").lines().collect())
}

/// Splits on non-letters and camelCase humps: "mySecret_value2" → my, secret, value.
fn word_tokens(v: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in v.chars() {
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(c.to_ascii_lowercase());
            prev_lower = c.is_ascii_lowercase();
        } else {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            prev_lower = false;
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

fn is_words(v: &str) -> bool {
    if v.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let tokens = word_tokens(v);
    let dict = dictionary();
    !tokens.is_empty()
        && tokens
            .iter()
            .all(|t| t.len() <= 2 || dict.contains(t.as_str()))
}

fn is_media(v: &str) -> bool {
    const MAGIC: [&str; 8] = [
        "iVBORw0KGgo", // PNG
        "/9j/",        // JPEG
        "R0lGOD",      // GIF
        "d09GRg",      // WOFF
        "d09GMg",      // WOFF2
        "AAEAAAA",     // TrueType
        "PHN2Zy",      // <svg
        "UklGR",       // RIFF (WebP)
    ];
    v.starts_with("data:") || MAGIC.iter().any(|m| v.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_key_needs_the_value_before_it_on_the_line() {
        let f = Filter::NotOwnKey;
        assert!(f.rejects(b"Win32_System", b"Win32_System_PasswordManagement = [\""));
        assert!(!f.rejects(b"Xk9mQ2vLp7Rt", b"db_password = \""));
        assert!(!f.rejects(b"Win32_System", b""), "needs the line to decide");
        assert!(
            !Filter::NotWord.rejects(b"abc1", b"abc1 = "),
            "others ignore the line"
        );
    }

    #[test]
    fn references() {
        for v in [
            "$DB_PASSWORD",
            "${DB_PASSWORD}",
            "process.env.TOKEN",
            "os.getenv(\"X\")",
            "ENV[\"X\"]",
            "DB_PASSWORD",
            "config.db.password",
            "null",
        ] {
            assert!(Filter::NotReference.rejects(v.as_bytes(), b""), "{v}");
        }
        for v in ["hG7#kq2!Lp9z", "s3cr3t-V4lu3", "Tr0ub4dor&3"] {
            assert!(!Filter::NotReference.rejects(v.as_bytes(), b""), "{v}");
        }
    }

    #[test]
    fn hashes_and_ids() {
        assert!(Filter::NotHash.rejects(b"da39a3ee5e6b4b0d3255bfef95601890afd80709", b""));
        assert!(Filter::NotHash.rejects(b"sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==", b""));
        assert!(Filter::NotHash.rejects(b"123e4567-e89b-12d3-a456-426614174000", b""));
        assert!(!Filter::NotHash.rejects(b"q8Zr2LmN5vXw7Kp3", b""));
    }

    #[test]
    fn words() {
        assert!(Filter::NotWord.rejects(b"mySecretPassword", b""));
        assert!(Filter::NotWord.rejects(b"correct-horse-battery-staple", b""));
        assert!(!Filter::NotWord.rejects(b"hunter2", b""));
        assert!(!Filter::NotWord.rejects(b"qZxvPlmwRt", b""));
    }

    #[test]
    fn media() {
        assert!(Filter::NotMedia.rejects(b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB", b""));
        assert!(Filter::NotMedia.rejects(b"data:image/png;base64,AAAA", b""));
        assert!(!Filter::NotMedia.rejects(b"Zm9vYmFyYmF6cXV4", b""));
    }
}
