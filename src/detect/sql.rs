//! SQL `INSERT INTO t (columns…) VALUES (…), (…)` statements: the values of
//! the columns whose names say password, secret, token or key (a users table
//! in a dump, a seed migration). A regex can find the statement but cannot
//! pair the n-th value with the n-th column; this does, for the rules that
//! ask for it (`extract = "sql-insert-columns"`).

use std::ops::Range;

/// Lowercase column names, unquoted: `` `user_name` ``, `"Password"`, `[pwd]`.
pub(crate) fn column_names(list: &[u8]) -> Vec<String> {
    list.split(|&b| b == b',')
        .map(|c| {
            String::from_utf8_lossy(c)
                .trim()
                .trim_matches(|ch| matches!(ch, '`' | '"' | '[' | ']' | '\''))
                .to_ascii_lowercase()
        })
        .collect()
}

/// The spans (inside their quotes) of the quoted values at `wanted`
/// positions of every tuple in `values` (`(1,'bob','x'), (2,'al','y')`),
/// offsets relative to `values`. Stops at the first byte that cannot
/// continue a tuple list.
pub(crate) fn tuple_values(values: &[u8], wanted: &[usize]) -> Vec<Range<usize>> {
    tuple_values_where(values, |field, _| wanted.contains(&field))
}

/// Whether an INSERT without a column list goes into a table of accounts
/// (`users`, `wp_users`, `admin_accounts`): `head` is the statement up to
/// its VALUES.
pub(crate) fn names_account_table(head: &[u8]) -> bool {
    let table = head
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .nth(2)
        .unwrap_or_default()
        .to_ascii_lowercase();
    [
        "user", "account", "member", "admin", "login", "staff", "employee", "operator", "customer",
    ]
    .iter()
    .any(|w| memchr::memmem::find(&table, w.as_bytes()).is_some())
}

/// A quoted value shaped like an unsalted password digest: 32, 40, 64 or
/// 128 hex digits (MD5, SHA-1, SHA-256, SHA-512), one case throughout.
pub(crate) fn is_hex_digest(value: &[u8]) -> bool {
    matches!(value.len(), 32 | 40 | 64 | 128)
        && (value
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            || value
                .iter()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b)))
}

/// [`tuple_values`] keeping the quoted values `keep(field, value)` accepts.
pub(crate) fn tuple_values_where(
    values: &[u8],
    keep: impl Fn(usize, &[u8]) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < values.len() {
        // The next tuple's opening parenthesis.
        while i < values.len() && matches!(values[i], b' ' | b'\t' | b'\r' | b'\n' | b',') {
            i += 1;
        }
        if i >= values.len() || values[i] != b'(' {
            break;
        }
        i += 1;
        let mut field = 0usize;
        loop {
            while i < values.len() && matches!(values[i], b' ' | b'\t' | b'\r' | b'\n') {
                i += 1;
            }
            if i >= values.len() {
                return out;
            }
            // N'…' (T-SQL) and E'…' (PostgreSQL) string prefixes.
            if matches!(values[i], b'N' | b'n' | b'E' | b'e') && values.get(i + 1) == Some(&b'\'') {
                i += 1;
            }
            if values[i] == b'\'' || values[i] == b'"' {
                let quote = values[i];
                let start = i + 1;
                i = start;
                while i < values.len() {
                    if values[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if values[i] == quote {
                        if values.get(i + 1) == Some(&quote) {
                            i += 2; // '' escape
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                if i >= values.len() {
                    return out;
                }
                if i > start && keep(field, &values[start..i]) {
                    out.push(start..i);
                }
                i += 1; // closing quote
            } else {
                // An unquoted value: number, NULL, a function call.
                let mut depth = 0usize;
                while i < values.len() {
                    match values[i] {
                        b'(' => depth += 1,
                        b')' if depth == 0 => break,
                        b')' => depth -= 1,
                        b',' if depth == 0 => break,
                        b'\'' => {
                            // a quoted argument inside a call: skip it
                            i += 1;
                            while i < values.len() && values[i] != b'\'' {
                                i += 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            while i < values.len() && matches!(values[i], b' ' | b'\t' | b'\r' | b'\n') {
                i += 1;
            }
            match values.get(i) {
                Some(b',') => {
                    field += 1;
                    i += 1;
                }
                Some(b')') => {
                    i += 1;
                    break;
                }
                _ => return out,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_values_with_their_columns() {
        let cols = column_names(b"`id`, `email`, \"Password\", [api_token]");
        assert_eq!(cols, ["id", "email", "password", "api_token"]);
        let values = b"(1, 'a@x.io', 'S3cr3t!x', 'tok1'),\n  (2, 'b''s@x.io', NULL, N'tok2'), (3, concat('a', 'b'), 'p,w)d', 'tok3');";
        let got: Vec<&[u8]> = tuple_values(values, &[2, 3])
            .into_iter()
            .map(|r| &values[r])
            .collect();
        assert_eq!(got, [&b"S3cr3t!x"[..], b"tok1", b"tok2", b"p,w)d", b"tok3"]);
    }

    #[test]
    fn account_tables_and_digests() {
        assert!(names_account_table(b"INSERT INTO `wms_users` "));
        assert!(names_account_table(b"insert into public.admin_accounts\n"));
        assert!(!names_account_table(b"INSERT INTO `orders` "));
        assert!(is_hex_digest(b"434d711276d2ed2068e7a02499fac15c"));
        assert!(is_hex_digest(b"7AD681F365C7F3A02E046A2277DB5DD0D6794B0D"));
        assert!(!is_hex_digest(b"434d711276d2ed2068e7a02499fac15"));
        assert!(!is_hex_digest(b"434D711276d2ed2068e7a02499fac15c"));
    }

    #[test]
    fn stops_at_what_is_not_a_tuple_and_never_panics() {
        assert!(tuple_values(b"SELECT 1", &[0]).is_empty());
        for cut in 0..40 {
            let text = b"(1, 'unterminated, \\' x', 'y'), (";
            let _ = tuple_values(&text[..cut.min(text.len())], &[0, 1, 2]);
        }
    }
}
