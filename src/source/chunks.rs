//! Cutting a stream into overlapping chunks, so a file of any size is scanned
//! in bounded memory and a secret across a chunk boundary is still found,
//! whole and once.
//!
//! Each chunk *owns* a stretch of the stream and carries [`CHUNK_OVERLAP`]
//! bytes of context on each side of it. A match is reported by the chunk that
//! owns its first byte; every match up to `CHUNK_OVERLAP` bytes long (rule
//! windows are at most a quarter of that) therefore lies whole inside the
//! chunk that reports it. Files smaller than a chunk are one chunk owning
//! everything, read in one go as before.
//!
//! UTF-16 text (with a byte-order mark, as Windows tools write it) is
//! transcoded to UTF-8 on the fly, so its secrets are found too; line and
//! column numbers count characters, which transcoding preserves.

use std::io::{self, Cursor, Read};

/// Bytes a chunk owns. Large enough that per-chunk costs vanish, small enough
/// that one per scanning thread stays well inside a pre-commit's memory.
pub const CHUNK_SIZE: usize = 8 << 20;

/// Context kept on each side of a chunk's owned bytes: the longest match a
/// chunk boundary cannot cut.
pub const CHUNK_OVERLAP: usize = 64 << 10;

/// Where a chunk's bytes sit in their file, and which matches it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placement {
    /// 0-based line of the chunk's first byte.
    pub(crate) line: u64,
    /// Characters before the chunk's first byte on that line.
    pub(crate) column: u64,
    /// Matches starting at chunk offsets `owned_start..owned_end` are this
    /// chunk's to report; the rest is context another chunk reports.
    pub(crate) owned_start: usize,
    /// End of the owned offsets (exclusive).
    pub(crate) owned_end: usize,
}

impl Placement {
    /// A whole file (or blob) in one chunk.
    pub(crate) const WHOLE: Placement = Placement {
        line: 0,
        column: 0,
        owned_start: 0,
        owned_end: usize::MAX,
    };

    /// Whether a match starting at chunk offset `start` is this chunk's.
    pub(crate) fn owns(&self, start: usize) -> bool {
        (self.owned_start..self.owned_end).contains(&start)
    }
}

/// A stream read as a series of overlapping chunks into a caller's buffer
/// (reused across files, so small files cost no allocation).
pub(crate) struct Chunks<'a> {
    reader: Box<dyn Read + 'a>,
    buf: &'a mut Vec<u8>,
    size: usize,
    overlap: usize,
    /// The chunk now in `buf`, if any.
    current: Option<Placement>,
    /// The reader returned end of stream.
    eof: bool,
    /// The start was checked for a UTF-16 byte-order mark.
    sniffed: bool,
}

impl<'a> Chunks<'a> {
    /// Chunks of [`CHUNK_SIZE`] with [`CHUNK_OVERLAP`] bytes of context.
    pub(crate) fn new(reader: impl Read + 'a, buf: &'a mut Vec<u8>) -> Chunks<'a> {
        Chunks::with_sizes(reader, buf, CHUNK_SIZE, CHUNK_OVERLAP)
    }

    /// Chunks of `size` owned bytes with `overlap` bytes of context (tests
    /// use small ones to put boundaries where they want).
    pub(crate) fn with_sizes(
        reader: impl Read + 'a,
        buf: &'a mut Vec<u8>,
        size: usize,
        overlap: usize,
    ) -> Chunks<'a> {
        assert!(
            overlap > 0 && size >= overlap,
            "a chunk must own at least as many bytes as its overlap"
        );
        buf.clear();
        Chunks {
            reader: Box::new(reader),
            buf,
            size,
            overlap,
            current: None,
            eof: false,
            sniffed: false,
        }
    }

    /// The bytes of the current chunk (context included).
    pub(crate) fn data(&self) -> &[u8] {
        self.buf
    }

    /// The current chunk's bytes, to rewrite in place before they are
    /// scanned (the context kept for the next chunk keeps the rewrite).
    pub(crate) fn data_mut(&mut self) -> &mut [u8] {
        self.buf
    }

    /// The stream's first bytes, up to `len` (UTF-16 already transcoded),
    /// read before any chunk so a caller can decide from them alone (a
    /// binary file) without reading a whole chunk. Call it before
    /// [`Chunks::next_chunk`]; the first chunk then starts with these bytes.
    pub(crate) fn head(&mut self, len: usize) -> io::Result<&[u8]> {
        debug_assert!(
            self.current.is_none(),
            "head() comes before the first chunk"
        );
        let len = len.min(self.size + self.overlap);
        self.fill(len)?;
        self.sniff()?;
        self.fill(len)?;
        Ok(&self.buf[..self.buf.len().min(len)])
    }

    /// The whole stream, read into the buffer after [`Chunks::head`], for
    /// a format read as a whole rather than in chunks (a zip's directory is
    /// at its end); `limit` caps what is read.
    pub(crate) fn whole(&mut self, limit: usize) -> io::Result<&[u8]> {
        debug_assert!(self.current.is_none(), "whole() replaces the chunks");
        self.fill(limit)?;
        Ok(&self.buf[..self.buf.len().min(limit)])
    }

    /// If not done yet, checks the start for a UTF-16 byte-order mark and
    /// transcodes from there on.
    fn sniff(&mut self) -> io::Result<()> {
        if !self.sniffed {
            self.sniffed = true;
            self.transcode_utf16()?;
        }
        Ok(())
    }

    /// Advances to the next chunk; `None` at the end of the stream.
    pub(crate) fn next_chunk(&mut self) -> io::Result<Option<Placement>> {
        let mut placement = match self.current {
            None => Placement {
                line: 0,
                column: 0,
                owned_start: 0,
                owned_end: 0,
            },
            Some(_) if self.eof => return Ok(None),
            Some(previous) => self.slide(previous),
        };
        let want = placement.owned_start + self.size + self.overlap;
        self.fill(want)?;
        if !self.sniffed {
            self.sniff()?;
            self.fill(want)?;
        }
        placement.owned_end = if self.eof {
            usize::MAX
        } else {
            self.buf.len() - self.overlap
        };
        self.current = Some(placement);
        Ok(Some(placement))
    }

    /// Drops what no later match can need, keeping `overlap` bytes before the
    /// next owned stretch, and moves the line/column origin past the drop.
    fn slide(&mut self, previous: Placement) -> Placement {
        let keep_from = previous.owned_end - self.overlap;
        let dropped = &self.buf[..keep_from];
        let (mut line, mut column) = (previous.line, previous.column);
        let newlines = memchr::memchr_iter(b'\n', dropped).count() as u64;
        let tail = match memchr::memrchr(b'\n', dropped) {
            Some(last) => {
                line += newlines;
                column = 0;
                &dropped[last + 1..]
            }
            None => dropped,
        };
        column += tail.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64;
        self.buf.drain(..keep_from);
        Placement {
            line,
            column,
            owned_start: self.overlap,
            owned_end: 0,
        }
    }

    /// Reads until the buffer holds `want` bytes or the stream ends.
    fn fill(&mut self, want: usize) -> io::Result<()> {
        if self.buf.len() < want && !self.eof {
            let missing = (want - self.buf.len()) as u64;
            let got = (&mut self.reader).take(missing).read_to_end(self.buf)?;
            // `read_to_end` stops at the limit or at the end of the stream:
            // short of the limit means the end (no extra read to learn it,
            // which is one system call per file of a tree scan).
            if (got as u64) < missing {
                self.eof = true;
            }
        }
        Ok(())
    }

    /// If the stream starts with a UTF-16 byte-order mark, replaces the
    /// reader with one that transcodes it (the bytes read so far included)
    /// to UTF-8, and returns true.
    fn transcode_utf16(&mut self) -> io::Result<bool> {
        let bom = self.buf.starts_with(&[0xFF, 0xFE]) || self.buf.starts_with(&[0xFE, 0xFF]);
        let without_bom = match crate::source::utf16_without_bom(self.buf) {
            _ if bom => None,
            Some(crate::source::Utf16Order::Little) => Some(encoding_rs::UTF_16LE),
            Some(crate::source::Utf16Order::Big) => Some(encoding_rs::UTF_16BE),
            None => return Ok(false),
        };
        let head = Cursor::new(std::mem::take(self.buf));
        let rest = std::mem::replace(&mut self.reader, Box::new(io::empty()));
        self.reader = Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(without_bom)
                .bom_sniffing(true)
                .strip_bom(true)
                .build(head.chain(rest)),
        );
        self.eof = false;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every chunk with its placement, from a stream cut with small sizes.
    fn cut(data: &[u8], size: usize, overlap: usize) -> Vec<(Vec<u8>, Placement)> {
        let mut buf = Vec::new();
        let mut chunks = Chunks::with_sizes(data, &mut buf, size, overlap);
        let mut out = Vec::new();
        while let Some(p) = chunks.next_chunk().unwrap() {
            out.push((chunks.data().to_vec(), p));
        }
        out
    }

    #[test]
    fn small_input_is_one_chunk_owning_everything() {
        let chunks = cut(b"hello\nworld", 100, 10);
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].0, b"hello\nworld");
        assert!(chunks[0].1.owns(0) && chunks[0].1.owns(10));
        assert!(cut(b"", 100, 10).len() <= 1);
    }

    #[test]
    fn every_byte_is_owned_exactly_once_and_overlap_is_context() {
        let data: Vec<u8> = (0..1000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let chunks = cut(&data, 100, 30);
        assert!(chunks.len() >= 9);
        let mut owned = Vec::new();
        let mut stream_pos = 0usize; // stream offset of the current chunk's byte 0
        for (i, (bytes, p)) in chunks.iter().enumerate() {
            if i > 0 {
                assert_eq!(p.owned_start, 30, "context before the owned bytes");
            }
            let end = p.owned_end.min(bytes.len());
            for off in p.owned_start..end {
                owned.push(stream_pos + off);
                assert_eq!(bytes[off], data[stream_pos + off]);
            }
            // The next chunk starts `overlap` bytes before this one's owned end.
            stream_pos += end.saturating_sub(30);
        }
        assert_eq!(owned, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn lines_and_columns_carry_across_chunks() {
        let mut data = Vec::new();
        for i in 0..200 {
            data.extend_from_slice(format!("line {i:03} é\n").as_bytes());
        }
        let mut checked = 0;
        for (bytes, p) in cut(&data, 256, 64) {
            // Every owned line start: its number, counted from the chunk's
            // placement, is the one written on it.
            for at in p.owned_start..p.owned_end.min(bytes.len()) {
                if at == 0 || bytes[at - 1] != b'\n' || bytes.len() < at + 8 {
                    continue;
                }
                let line = p.line + memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64;
                assert_eq!(&bytes[at..at + 8], format!("line {line:03}").as_bytes());
                checked += 1;
            }
        }
        assert!(checked > 150);
        // Columns count characters: a chunk starting mid-line knows how far in.
        let one_line = "é".repeat(300);
        let chunks = cut(one_line.as_bytes(), 100, 20);
        let second = chunks[1].1;
        assert_eq!(second.line, 0);
        // Bytes dropped before chunk 2 were 80 (100 owned - 20 context);
        // "é" is two bytes, so that is 40 characters.
        assert_eq!(second.column, 40);
    }

    #[test]
    fn utf16_with_bom_is_transcoded() {
        let text = "password = \"hunter22hunter\"\n";
        let mut le = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        let chunks = cut(&le, 1 << 20, 1024);
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].0, text.as_bytes());
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        // Small chunks: transcoding keeps working past the first read.
        let joined: Vec<u8> = cut(&be, 8, 4)
            .iter()
            .flat_map(|(b, p)| b[p.owned_start..p.owned_end.min(b.len())].to_vec())
            .collect();
        assert_eq!(joined, text.as_bytes());
    }
}
