//! Text that reaches a terminal, a log or a report safely: user-supplied
//! strings with their control characters escaped, messages on one line,
//! secrets (and input that may be one) shown as a short preview. The floor
//! every other module stands on; it imports nothing of the crate.

/// Characters of a secret a preview shows.
pub const PREVIEW_CHARS: usize = 4;

/// The redacted preview of `value`: its first [`PREVIEW_CHARS`]
/// characters, then `…`.
pub(crate) fn preview(value: &str) -> String {
    let head: String = value.chars().take(PREVIEW_CHARS).collect();
    format!("{head}…")
}

/// User-supplied text (a path, a rule id, a regex, a line of a file) as a
/// message or the text report shows it: control characters (C0, DEL, C1)
/// escaped as Rust writes them (`\n`, `\r`, `\t`, `\u{1b}`, `\u{85}`), so
/// every message stays one line and a file from an untrusted repository
/// cannot start new lines or send terminal escapes. The bidirectional
/// controls are escaped too, so a name cannot display reordered ("Trojan
/// Source"). Invalid UTF-8 has already become U+FFFD where bytes were
/// turned into text (`from_utf8_lossy`).
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(unsafe_to_show) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if unsafe_to_show(c) {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Whether `c` may change what a terminal shows beyond itself: a control
/// character or a bidirectional formatting character.
fn unsafe_to_show(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` on one line: every run of whitespace (line breaks included) becomes
/// one space, so a message from a library cannot break a log line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
        preview(input)
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
    fn printable_escapes_controls_and_bidi_but_keeps_other_text() {
        assert_eq!(
            printable("a\u{1b}[31mb\r\n\t\u{7f}\u{9b}c"),
            "a\\u{1b}[31mb\\r\\n\\t\\u{7f}\\u{9b}c"
        );
        assert_eq!(printable("x\u{202e}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(
            printable("caf\u{e9} \u{fffd} \u{1f511}"),
            "caf\u{e9} \u{fffd} \u{1f511}"
        );
    }
}
