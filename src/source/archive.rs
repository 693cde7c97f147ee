//! Archives and compressed files: zip and the formats built on it (jar,
//! war, whl, nupkg, docx…), tar, and gzip, bzip2, xz and zstd streams
//! (`.tar.gz` and a lone `app.log.gz` alike). Known by their first bytes,
//! not their names, so a renamed archive is still opened. Each member is
//! handed over as a stream, named by its path in the archive; what to do
//! with it (scan it, open it as an archive in turn) is the caller's.

use std::io::{self, Cursor, Read};

/// A packed format, from its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Packed {
    /// A zip file (`PK\x03\x04`), read through its central directory.
    Zip,
    /// A tar archive (`ustar` at byte 257).
    Tar,
    /// A gzip stream (one file, or a tar inside).
    Gzip,
    /// A bzip2 stream.
    Bzip2,
    /// An xz stream.
    Xz,
    /// A zstd frame.
    Zstd,
}

/// Bytes of a stream's start that [`sniff`] needs.
pub(crate) const SNIFF_LEN: usize = 262;

/// The packed format `head` (a stream's first bytes) starts, if any.
pub(crate) fn sniff(head: &[u8]) -> Option<Packed> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Some(Packed::Zip)
    } else if head.starts_with(&[0x1f, 0x8b]) {
        Some(Packed::Gzip)
    } else if head.starts_with(b"BZh") && head.get(3).is_some_and(u8::is_ascii_digit) {
        Some(Packed::Bzip2)
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0x00]) {
        Some(Packed::Xz)
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(Packed::Zstd)
    } else if head.get(257..262) == Some(b"ustar") {
        Some(Packed::Tar)
    } else {
        None
    }
}

/// One member of an archive, as it is read.
pub(crate) struct Member<'r> {
    /// Its path inside the archive (forward slashes).
    pub(crate) name: String,
    /// The size the archive declares for it, when it does (a zip bomb may
    /// lie: readers must still stop at their own limit).
    pub(crate) size: Option<u64>,
    /// Its content, decompressed.
    pub(crate) reader: &'r mut dyn Read,
}

/// What went wrong reading an archive (whole or in part), or what of it
/// was left out, as one line for a warning.
pub(crate) type ArchiveError = String;

/// Decompressed bytes a member may reach before its compression ratio is
/// judged: small files compress well without being bombs.
pub(crate) const RATIO_GRACE: u64 = 1 << 20;

/// Stops a stream that decompresses to more than `ratio` times its
/// compressed size, once it is past [`RATIO_GRACE`]: a zip bomb's member
/// fails after a megabyte instead of a gigabyte.
pub(crate) struct RatioGuard<R> {
    inner: R,
    limit: u64,
    ratio: u64,
    read: u64,
}

impl<R: Read> RatioGuard<R> {
    /// Guards `inner`, the decompression of `compressed` bytes.
    pub(crate) fn new(inner: R, compressed: u64, ratio: u64) -> RatioGuard<R> {
        RatioGuard {
            inner,
            limit: compressed.saturating_mul(ratio).max(RATIO_GRACE),
            ratio,
            read: 0,
        }
    }
}

impl<R: Read> Read for RatioGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(io::Error::other(format!(
                "decompresses to more than {}:1 (a zip bomb?); stopped",
                self.ratio
            )));
        }
        Ok(n)
    }
}

/// Calls `visit` with every regular-file member of the archive in `data`,
/// in archive order. A compressed stream is one member named after
/// `name` without its compression extension, unless it holds a tar, whose
/// members it then yields. Encrypted zip members are skipped and named in
/// the error. Stops at the first error reading the archive's structure;
/// the members visited so far stand.
/// `visit` returns `false` to stop. Every member's stream is guarded by a
/// [`RatioGuard`] of `max_ratio`.
pub(crate) fn for_each_member(
    data: &[u8],
    kind: Packed,
    name: &str,
    max_ratio: u64,
    visit: &mut dyn FnMut(Member<'_>) -> bool,
) -> Result<(), ArchiveError> {
    let compressed = data.len() as u64;
    let decoder: Box<dyn Read + '_> = match kind {
        Packed::Zip => return zip_members(data, max_ratio, visit),
        Packed::Tar => return tar_members(Cursor::new(data), visit),
        Packed::Gzip => Box::new(flate2::read::MultiGzDecoder::new(data)),
        Packed::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(data)),
        Packed::Xz => Box::new(lzma_rust2::XzReader::new(data, true)),
        Packed::Zstd => {
            Box::new(zstd::stream::read::Decoder::new(data).map_err(|e| e.to_string())?)
        }
    };
    stream_members(RatioGuard::new(decoder, compressed, max_ratio), name, visit)
}

fn zip_members(
    data: &[u8],
    max_ratio: u64,
    visit: &mut dyn FnMut(Member<'_>) -> bool,
) -> Result<(), ArchiveError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(data)).map_err(|e| e.to_string())?;
    let mut encrypted = Vec::new();
    for i in 0..archive.len() {
        // Read raw first: an encrypted member cannot be opened to learn it is.
        match archive.by_index_raw(i) {
            Ok(raw) if raw.encrypted() => {
                encrypted.push(raw.name().to_string());
                continue;
            }
            Ok(raw) if !raw.is_file() => continue,
            Ok(_) => {}
            Err(e) => return Err(e.to_string()),
        }
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().to_string();
        let size = Some(file.size());
        let compressed = file.compressed_size();
        let mut guarded = RatioGuard::new(&mut file, compressed, max_ratio);
        if !visit(Member {
            name,
            size,
            reader: &mut guarded,
        }) {
            break;
        }
    }
    left_out(&encrypted, "encrypted member(s) not scanned")
}

fn tar_members(
    reader: impl Read,
    visit: &mut dyn FnMut(Member<'_>) -> bool,
) -> Result<(), ArchiveError> {
    let mut archive = tar::Archive::new(reader);
    let mut links = Vec::new();
    for entry in archive.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| e.to_string())?;
        let kind = entry.header().entry_type();
        if kind.is_symlink() || kind.is_hard_link() {
            links.push(String::from_utf8_lossy(&entry.path_bytes()).into_owned());
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let size = entry.header().size().ok();
        if !visit(Member {
            name,
            size,
            reader: &mut entry,
        }) {
            break;
        }
    }
    // Nothing is extracted, so a link cannot point anywhere; it is named
    // because its target's content is not in the archive to scan.
    left_out(&links, "link member(s) not followed")
}

/// The members an archive's reading left out, `what` they are, as the
/// one-line warning naming them; `Ok` when there are none.
fn left_out(names: &[String], what: &str) -> Result<(), ArchiveError> {
    if names.is_empty() {
        Ok(())
    } else {
        Err(format!("{} {what}: {}", names.len(), names.join(", ")))
    }
}

/// A decompressed stream: a tar's members, or one member.
fn stream_members(
    mut decoder: impl Read,
    name: &str,
    visit: &mut dyn FnMut(Member<'_>) -> bool,
) -> Result<(), ArchiveError> {
    let mut head = Vec::with_capacity(SNIFF_LEN);
    (&mut decoder)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|e| e.to_string())?;
    let is_tar = sniff(&head) == Some(Packed::Tar);
    let mut whole = Cursor::new(head).chain(decoder);
    if is_tar {
        return tar_members(whole, visit);
    }
    visit(Member {
        name: decompressed_name(name),
        size: None,
        reader: &mut whole,
    });
    Ok(())
}

/// The name of what a compressed file holds: its own name without the
/// compression extension (`logs/app.log.gz` → `app.log`).
pub(crate) fn decompressed_name(path: &str) -> String {
    let file = path.rsplit(['/', '!']).next().unwrap_or(path);
    for ext in [
        ".gz", ".gzip", ".bz2", ".xz", ".zst", ".zstd", ".tgz", ".tbz2", ".txz",
    ] {
        if let Some(stem) = file.strip_suffix(ext) {
            if !stem.is_empty() {
                return match ext {
                    ".tgz" | ".tbz2" | ".txz" => format!("{stem}.tar"),
                    _ => stem.to_string(),
                };
            }
        }
    }
    file.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn members(data: &[u8], name: &str) -> Vec<(String, Vec<u8>)> {
        let kind = sniff(data).expect("a packed format");
        let mut out = Vec::new();
        for_each_member(data, kind, name, 100, &mut |m| {
            let mut content = Vec::new();
            m.reader.read_to_end(&mut content).unwrap();
            out.push((m.name, content));
            true
        })
        .unwrap();
        out
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in files {
            w.start_file(*name, options).unwrap();
            w.write_all(content).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, content) in files {
            let mut h = tar::Header::new_gnu();
            h.set_size(content.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            b.append_data(&mut h, name, *content).unwrap();
        }
        b.into_inner().unwrap()
    }

    #[test]
    fn zip_tar_and_compressed_streams_yield_their_members() {
        let zip = zip_of(&[("config/.env", b"A=1\n"), ("readme.txt", b"hi\n")]);
        assert_eq!(
            members(&zip, "x.zip"),
            vec![
                ("config/.env".to_string(), b"A=1\n".to_vec()),
                ("readme.txt".to_string(), b"hi\n".to_vec())
            ]
        );
        let tar = tar_of(&[("lib/app.properties", b"k=v\n")]);
        assert_eq!(sniff(&tar), Some(Packed::Tar));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        let tgz = gz.finish().unwrap();
        assert_eq!(
            members(&tgz, "dist/a.tar.gz"),
            vec![("lib/app.properties".to_string(), b"k=v\n".to_vec())]
        );
        let log = b"2026-12-01 token=abc\n".repeat(10);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&log).unwrap();
        assert_eq!(
            members(&gz.finish().unwrap(), "logs/app.log.gz"),
            vec![("app.log".to_string(), log.clone())]
        );
        let zst = zstd::stream::encode_all(&log[..], 3).unwrap();
        assert_eq!(members(&zst, "app.log.zst")[0].1, log);
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(&log).unwrap();
        assert_eq!(members(&bz.finish().unwrap(), "app.log.bz2")[0].1, log);
        let mut xz =
            lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
        xz.write_all(&log).unwrap();
        assert_eq!(members(&xz.finish().unwrap(), "app.log.xz")[0].1, log);
    }

    #[test]
    fn a_stream_past_the_ratio_stops_with_an_error() {
        let zeros = vec![0u8; 4 << 20];
        let mut guarded = RatioGuard::new(&zeros[..], 10_000, 100);
        let mut sink = Vec::new();
        let err = guarded.read_to_end(&mut sink).unwrap_err();
        assert!(err.to_string().contains("100:1"), "{err}");
        assert!(sink.len() as u64 <= RATIO_GRACE + (64 << 10));
        // Under the grace, any ratio passes.
        let small = vec![0u8; 100 << 10];
        let mut guarded = RatioGuard::new(&small[..], 10, 100);
        assert_eq!(guarded.read_to_end(&mut Vec::new()).unwrap(), small.len());
    }

    #[test]
    fn text_and_truncated_archives_are_told_apart() {
        assert_eq!(sniff(b"plain text"), None);
        let zip = zip_of(&[("a.txt", b"x")]);
        let cut = &zip[..zip.len() / 2];
        assert!(for_each_member(cut, Packed::Zip, "x.zip", 100, &mut |_| true).is_err());
        assert_eq!(decompressed_name("a/b/app.log.gz"), "app.log");
        assert_eq!(decompressed_name("x.zip!inner.tgz"), "inner.tar");
        assert_eq!(decompressed_name("noext"), "noext");
    }
}
