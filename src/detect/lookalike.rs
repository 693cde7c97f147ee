//! Rejects captured "secrets" that are obviously not real credentials:
//! placeholders, template variables, and strings too regular to be random.

/// Substrings (ASCII case-insensitive) that mark a value as a placeholder or a
/// template reference rather than a credential. Documented in docs/rules.md.
const PLACEHOLDER_MARKERS: &[&str] = &[
    "xxxx",
    "example",
    "changeme",
    "placeholder",
    "your_",
    "your-",
    "yourkey",
    "dummy",
    "sample",
    "redacted",
    "<",
    ">",
    "${",
    "{{",
    "}}",
    "$(",
    "%(",
    // Octopus Deploy and Ruby interpolation: `#{Recaptcha.SecretKey}`.
    "#{",
];

/// A run this long of one character, or of ascending characters, is typed by
/// a person, not produced by a key generator (probability ~62^-7 per position).
const REGULAR_RUN: usize = 8;

/// Why a captured value is not worth reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookalike {
    /// Contains a placeholder marker such as `changeme` or `${`.
    Placeholder,
    /// Contains a long run of one character or of ascending characters.
    Regular,
}

/// Returns why `secret` is a look-alike, or `None` if it may be real.
pub(crate) fn classify(secret: &[u8]) -> Option<Lookalike> {
    if contains_marker(secret) {
        return Some(Lookalike::Placeholder);
    }
    if has_regular_run(secret) {
        return Some(Lookalike::Regular);
    }
    None
}

fn contains_marker(secret: &[u8]) -> bool {
    PLACEHOLDER_MARKERS.iter().any(|m| {
        let m = m.as_bytes();
        secret.len() >= m.len() && secret.windows(m.len()).any(|w| w.eq_ignore_ascii_case(m))
    })
}

/// Whether `secret` holds a long run of one character or of ascending ones.
pub(crate) fn has_regular_run(secret: &[u8]) -> bool {
    // In a long base64 value a run of `/` or `+` is encoded 0xFF or 0xFB
    // bytes (every AWS STS session token holds `//////////`), and in a
    // multi-line key body a run of `A` is zero padding: not typing.
    let long_base64 = secret.len() >= 64;
    let key_body = long_base64 && secret.contains(&b'\n');
    let (mut same, mut ascending) = (1usize, 1usize);
    for pair in secret.windows(2) {
        // Whitespace runs are layout (an indented multi-line key), not content.
        let layout = pair[0].is_ascii_whitespace()
            || (long_base64 && matches!(pair[0], b'/' | b'+'))
            || (key_body && pair[0] == b'A');
        same = if pair[1] == pair[0] && !layout {
            same + 1
        } else {
            1
        };
        ascending = if pair[0].is_ascii_alphanumeric() && pair[1] == pair[0].wrapping_add(1) {
            ascending + 1
        } else {
            1
        };
        if same >= REGULAR_RUN || ascending >= REGULAR_RUN {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for s in [
            "AKIAIOSFODNN7EXAMPLE",
            "<your-key>",
            "${API_TOKEN}",
            "{{ token }}",
            "changeme",
            "sk_live_xxxxxxxxxxxxxxxx",
        ] {
            assert_eq!(classify(s.as_bytes()), Some(Lookalike::Placeholder), "{s}");
        }
    }

    #[test]
    fn regular_runs() {
        assert_eq!(
            classify(b"ghp_aaaaaaaaaaaaaaaaaaaa"),
            Some(Lookalike::Regular)
        );
        assert_eq!(classify(b"key_abcdefghij"), Some(Lookalike::Regular));
        assert_eq!(classify(b"pw12345678"), Some(Lookalike::Regular));
        // Indentation inside a multi-line key is not a run.
        assert_eq!(classify(b"MIIEow7Kq2\n                Zp9XvL3mWt8R"), None);
    }

    #[test]
    fn random_tokens_pass() {
        assert_eq!(classify(b"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"), None);
        assert_eq!(classify(b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3kR9sT2v"), None);
        // An STS session token's encoded 0xFF bytes, in a long value.
        let sts =
            b"IQoJb3JpZ2luX2VjEKv//////////wEaDGV1LWNlbnRyYWwtMSJHMEUCIk2BiJb9lyfYpHQKYzeoRLa";
        assert_eq!(classify(sts), None);
        assert_eq!(classify(b"ab//////////cd"), Some(Lookalike::Regular));
    }
}
