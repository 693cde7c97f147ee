//! Private keys pasted in pieces: a PEM block whose lines are string
//! literals joined in code (`"MIIE…\n" +`), prefixed by a build log (`#6
//! 0.245 `), quoted (`> `) or commented (`# `). The key rules expect the
//! block's lines one after another; here the base64 of each line is taken
//! out of its decoration and the block rebuilt, so the same rules judge it.
//! A finding covers the original block, from its `-----BEGIN` line.

use std::ops::Range;

/// Lines a rebuilt block may span: a 4096-bit RSA key is about 50.
const MAX_BLOCK_LINES: usize = 200;

/// A key block rebuilt from a decorated one.
#[derive(Debug)]
pub(crate) struct Rebuilt {
    /// `-----BEGIN …-----`, one base64 run per line, `-----END …-----`.
    pub(crate) text: Vec<u8>,
    /// Where the block is in the original: its `-----BEGIN` to the end of
    /// its `-----END` marker.
    pub(crate) block: Range<usize>,
    /// The original span from the first base64 run to the end of the last.
    pub(crate) body: Range<usize>,
}

/// Every decorated key block of `data` (the tests' way in; the detector
/// rebuilds only where a key rule's keyword was hit).
#[cfg(test)]
fn decorated_blocks(data: &[u8]) -> Vec<Rebuilt> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&data[from..], b"-----BEGIN ") {
        let begin = from + i;
        from = begin + 11;
        if let Some(rebuilt) = rebuild(data, begin) {
            from = rebuilt.block.end;
            out.push(rebuilt);
        }
    }
    out
}

/// The block whose `-----BEGIN ` marker starts at `begin`, rebuilt, if it is
/// a private key whose lines are decorated (plain blocks are the rules'
/// own to find).
pub(crate) fn rebuild(data: &[u8], begin: usize) -> Option<Rebuilt> {
    if !data[begin..].starts_with(b"-----BEGIN ") {
        return None;
    }
    let header_end = begin + 11 + memchr::memmem::find(&data[begin + 11..], b"-----")?;
    let label = &data[begin + 11..header_end];
    if label.len() > 40
        || !label.ends_with(b"PRIVATE KEY") && !label.ends_with(b"PRIVATE KEY BLOCK")
    {
        return None;
    }
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = header_end + 5;
    let mut decorated = false;
    // The rest of the BEGIN line may hold the first run (a one-line paste
    // is left to the rules, which read `\n` escapes).
    for _ in 0..MAX_BLOCK_LINES {
        let line_end = memchr::memchr(b'\n', &data[pos..]).map_or(data.len(), |n| pos + n);
        let line = &data[pos..line_end];
        if let Some(end) = memchr::memmem::find(line, b"-----END ") {
            let close = pos + end;
            let tail =
                memchr::memmem::find(&data[close + 9..], b"-----").map(|n| close + 9 + n + 5)?;
            if !decorated || lines.is_empty() {
                return None;
            }
            let mut text = Vec::with_capacity(tail - begin);
            text.extend_from_slice(b"-----BEGIN ");
            text.extend_from_slice(label);
            text.extend_from_slice(b"-----\n");
            for r in &lines {
                text.extend_from_slice(&data[r.clone()]);
                text.push(b'\n');
            }
            text.extend_from_slice(b"-----END ");
            text.extend_from_slice(label);
            text.extend_from_slice(b"-----\n");
            return Some(Rebuilt {
                text,
                block: begin..tail,
                body: lines[0].start..lines[lines.len() - 1].end,
            });
        }
        if let Some(run) = base64_run(line).filter(|_| !is_pgp_header(line)) {
            // A plain PEM line is the run and nothing else.
            decorated |= run.start != 0 || trimmed_end(line) != run.end;
            lines.push(pos + run.start..pos + run.end);
        }
        if line_end >= data.len() {
            return None;
        }
        pos = line_end + 1;
    }
    None
}

/// The longest run of base64 characters in `line` (at least 4).
fn base64_run(line: &[u8]) -> Option<Range<usize>> {
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=';
    let mut best = 0..0;
    let mut i = 0;
    while i < line.len() {
        let start = i;
        while i < line.len() && is_b64(line[i]) {
            i += 1;
        }
        if i - start > best.len() {
            best = start..i;
        }
        i += 1;
    }
    (best.len() >= 4).then_some(best)
}

fn trimmed_end(line: &[u8]) -> usize {
    line.iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1)
}

/// A PGP armor header (`Version: …`, `Comment: …`).
fn is_pgp_header(line: &[u8]) -> bool {
    let t = line.trim_ascii();
    match t.iter().position(|&b| b == b':') {
        Some(colon) => {
            (2..=30).contains(&colon)
                && t[..colon]
                    .iter()
                    .all(|b| b.is_ascii_alphabetic() || *b == b'-')
                && t.get(colon + 1) == Some(&b' ')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: [&str; 3] = [
        "MIIEowIBAAKCAQEAx9Zq3Lw7Tn2Vb8Rk4Hs6Jd1Fp0Gc5Ym",
        "Qm7vX2kLp9Rz4Wt8Nb3HHc5Vb9Nq2Xr7KtWn4t8Qk2Rz7pXv",
        "Lk9Jh8Gf7Ds6Aa5P==",
    ];

    fn block(prefix: &str, suffix: &str) -> String {
        let mut s = format!("{prefix}-----BEGIN RSA PRIVATE KEY-----{suffix}\n");
        for l in BODY {
            s.push_str(&format!("{prefix}{l}{suffix}\n"));
        }
        s.push_str(&format!("{prefix}-----END RSA PRIVATE KEY-----{suffix}\n"));
        s
    }

    #[test]
    fn decorated_lines_are_rebuilt_and_plain_blocks_left_alone() {
        let expect = format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n",
            BODY.join("\n")
        );
        for (prefix, suffix) in [
            ("#6 0.245 ", ""),
            ("> ", ""),
            ("    \"", "\\n\" +"),
            ("  '", "\\n' +"),
        ] {
            let data = block(prefix, suffix);
            let found = decorated_blocks(data.as_bytes());
            assert_eq!(found.len(), 1, "{data}");
            assert_eq!(String::from_utf8_lossy(&found[0].text), expect, "{data}");
            assert!(data[found[0].block.clone()].starts_with("-----BEGIN"));
            assert!(data[found[0].body.clone()].starts_with(BODY[0]));
        }
        assert!(decorated_blocks(block("", "").as_bytes()).is_empty());
        assert!(decorated_blocks(
            b"-----BEGIN CERTIFICATE-----\n> MIIB\n-----END CERTIFICATE-----\n"
        )
        .is_empty());
    }
}
