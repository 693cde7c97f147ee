//! Sources: where content comes from. Each source yields bytes and the path a
//! report should name; none of them knows about rules or findings.

pub mod chunks;
pub mod fs;
pub mod git;
pub mod odb;
pub mod stdin;

/// Bytes sniffed for a NUL to decide a file is binary (as git does).
pub const BINARY_SNIFF_LEN: usize = 8000;

/// Whether content looks binary: a NUL byte within the first
/// [`BINARY_SNIFF_LEN`] bytes. Cheap, and what git itself uses.
pub fn looks_binary(data: &[u8]) -> bool {
    memchr::memchr(0, &data[..data.len().min(BINARY_SNIFF_LEN)]).is_some()
}

#[cfg(test)]
mod tests {
    use super::looks_binary;

    #[test]
    fn nul_means_binary() {
        assert!(looks_binary(b"\x7fELF\x02\x01\x00"));
        assert!(!looks_binary("plain text é \u{1F600}".as_bytes()));
        assert!(!looks_binary(b"\xff\xfe invalid utf-8 but no nul"));
    }
}
