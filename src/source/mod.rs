//! Sources: where content comes from. Each source yields bytes and the path a
//! report should name; none of them knows about rules or findings.

pub(crate) mod archive;
pub mod chunks;
pub mod fs;
pub mod git;
pub(crate) mod odb;
pub(crate) mod stdin;

/// Bytes sniffed for a NUL to decide a file is binary (as git does).
pub(crate) const BINARY_SNIFF_LEN: usize = 8000;

/// Whether content looks binary: a NUL byte within the first
/// [`BINARY_SNIFF_LEN`] bytes (cheap, and what git itself uses), unless
/// every NUL there sits in the first line of text that goes on without
/// them (a header with padding), or the content is UTF-16 text without a
/// byte-order mark ([`utf16_without_bom`]).
pub(crate) fn looks_binary(data: &[u8]) -> bool {
    let sniff = &data[..data.len().min(BINARY_SNIFF_LEN)];
    let Some(last_nul) = memchr::memrchr(0, sniff) else {
        return false;
    };
    let nuls_only_in_first_line = memchr::memchr(b'\n', sniff)
        .is_some_and(|first_break| last_nul < first_break && first_break + 1 < sniff.len());
    !nuls_only_in_first_line && utf16_without_bom(sniff).is_none()
}

/// The byte order of UTF-16 text without a byte-order mark, recognised by
/// its ASCII characters: every other byte NUL and the bytes between not.
pub(crate) fn utf16_without_bom(data: &[u8]) -> Option<Utf16Order> {
    let sniff = &data[..data.len().min(BINARY_SNIFF_LEN) & !1];
    if sniff.len() < 16 || memchr::memchr(0, sniff).is_none() {
        return None;
    }
    let count = |bytes: &[u8]| {
        bytes.chunks_exact(2).fold((0, 0), |(even, odd), pair| {
            (
                even + (pair[0] == 0) as usize,
                odd + (pair[1] == 0) as usize,
            )
        })
    };
    // Most binary files fail on their first 64 bytes already.
    let head = &sniff[..sniff.len().min(64)];
    let (even_head, odd_head) = count(head);
    let quarter = head.len() / 8;
    if even_head.min(odd_head) > quarter || even_head.max(odd_head) < head.len() / 2 - quarter {
        return None;
    }
    let pairs = sniff.len() / 2;
    let (even_nul, odd_nul) = count(sniff);
    // Mostly ASCII (9 in 10 code units), and a NUL in text itself is rare.
    let most = pairs * 9 / 10;
    let few = pairs / 20;
    if odd_nul >= most && even_nul <= few {
        Some(Utf16Order::Little)
    } else if even_nul >= most && odd_nul <= few {
        Some(Utf16Order::Big)
    } else {
        None
    }
}

/// The byte order of UTF-16 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Utf16Order {
    /// Least significant byte first (what Windows writes).
    Little,
    /// Most significant byte first.
    Big,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nuls_only_in_the_first_line_and_utf16_are_text() {
        assert!(!looks_binary(b"HDR\0\0\0\0\nuser=admin\npassword=x\n"));
        assert!(looks_binary(b"HDR\0\0\nmore\0binary\n"));
        assert!(looks_binary(b"\0\0\0\0\n"), "nothing after the first line");
        let le: Vec<u8> = "password = hunter2hunter2\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(!looks_binary(&le));
        assert_eq!(utf16_without_bom(&le), Some(Utf16Order::Little));
        let be: Vec<u8> = "password = hunter2hunter2\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(utf16_without_bom(&be), Some(Utf16Order::Big));
        assert_eq!(
            utf16_without_bom(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0"),
            None
        );
    }

    #[test]
    fn nul_means_binary() {
        assert!(looks_binary(b"\x7fELF\x02\x01\x00"));
        assert!(!looks_binary("plain text é \u{1F600}".as_bytes()));
        assert!(!looks_binary(b"\xff\xfe invalid utf-8 but no nul"));
    }
}
