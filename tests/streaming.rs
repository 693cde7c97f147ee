//! Files larger than a chunk are streamed in overlapping chunks: memory stays
//! bounded, and a secret across a chunk boundary is found once, at the right
//! line and column.

mod common;

use common::{fake_github_token, leakguard, scan_json};
use leakguard::source::chunks::{CHUNK_OVERLAP, CHUNK_SIZE};
use serde_json::Value;
use std::io::Write;
use tempfile::TempDir;

/// Filler lines of source-like text, no secrets.
fn filler_until(out: &mut Vec<u8>, len: usize) {
    let mut i = 0u64;
    while out.len() < len {
        out.extend_from_slice(format!("    let value_{i} = compute({i}); // filler\n").as_bytes());
        i += 1;
    }
    out.truncate(len);
}

/// (line, column) of every finding, sorted.
fn positions(report: &Value) -> Vec<(u64, u64)> {
    let mut p: Vec<(u64, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()))
        .collect();
    p.sort();
    p
}

/// 1-based (line, column) of byte `at` in ASCII `data`.
fn position_of(data: &[u8], at: usize) -> (u64, u64) {
    let line = data[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = data[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, (at - line_start) as u64 + 1)
}

/// A file of about two and a half chunks with a secret straddling each place
/// a chunk boundary matters (the end of the first chunk's owned bytes, the
/// end of its data, the second chunk's owned end) and one inside the overlap
/// two chunks share. One
/// is an unquoted password, which a chunk that saw only its first half would
/// report, cut short (a `$` matches at the end of the chunk).
fn big_file_with_tokens() -> (Vec<u8>, Vec<usize>) {
    let mut data = Vec::new();
    let mut starts = Vec::new();
    let lines = [
        (CHUNK_SIZE - 10, "t = ", fake_github_token(1)),
        (CHUNK_SIZE + CHUNK_OVERLAP / 2, "t = ", fake_github_token(2)),
        (
            CHUNK_SIZE + CHUNK_OVERLAP - 20,
            "db_password = ",
            "Xk9mQ2vLp7Rt4Wz8Nc3Bf6Hj1Ds5Ga0Yq".to_string(),
        ),
        (2 * CHUNK_SIZE - 10, "t = ", fake_github_token(3)),
    ];
    for (at, prefix, secret) in lines {
        // The secret starts at `at`, on a line of its own.
        filler_until(&mut data, at - prefix.len() - 1);
        data.push(b'\n');
        data.extend_from_slice(prefix.as_bytes());
        data.extend_from_slice(secret.as_bytes());
        data.push(b'\n');
        starts.push(at);
    }
    let end = data.len() + CHUNK_SIZE / 2;
    filler_until(&mut data, end);
    data.push(b'\n');
    (data, starts)
}

#[test]
fn secrets_across_chunk_boundaries_are_found_once_at_the_right_place() {
    let dir = TempDir::new().unwrap();
    let (data, starts) = big_file_with_tokens();
    std::fs::write(dir.path().join("big.rs"), &data).unwrap();
    let root = dir.path().to_str().unwrap();

    // Over the default --max-file-size (10 MiB): skipped and counted.
    let (code, report) = scan_json(&[root]);
    assert_eq!(code, 0);
    assert_eq!(report["stats"]["skipped"]["too_large"], 1);

    let (code, report) = scan_json(&[root, "--max-file-size", "100M"]);
    assert_eq!(code, 1);
    let want: Vec<(u64, u64)> = starts.iter().map(|&at| position_of(&data, at)).collect();
    assert_eq!(positions(&report), want);
    assert_eq!(report["stats"]["bytes"], data.len() as u64);
}

#[test]
fn a_long_single_line_is_streamed_with_exact_columns() {
    let dir = TempDir::new().unwrap();
    // Minified-style: no newline at all, a token after the first chunk.
    let mut data = Vec::new();
    while data.len() < CHUNK_SIZE + 5000 {
        data.extend_from_slice(b"var a=function(b){return b+1};");
    }
    let at = data.len() + 4;
    data.extend_from_slice(b"k = ");
    data.extend_from_slice(fake_github_token(9).as_bytes());
    data.extend_from_slice(b";var z=0;");
    std::fs::write(dir.path().join("app.min.js"), &data).unwrap();
    let (code, report) = scan_json(&[dir.path().to_str().unwrap(), "--max-file-size", "50M"]);
    assert_eq!(code, 1);
    assert_eq!(positions(&report), vec![(1, at as u64 + 1)]);
}

#[test]
fn stdin_is_streamed() {
    let (data, starts) = big_file_with_tokens();
    let out = leakguard()
        .args([
            "scan",
            "--stdin",
            "--format",
            "json",
            "--max-file-size",
            "100M",
        ])
        .write_stdin(data.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: Vec<(u64, u64)> = starts.iter().map(|&at| position_of(&data, at)).collect();
    assert_eq!(positions(&report), want);
}

#[test]
fn utf16_files_are_transcoded_and_scanned() {
    let dir = TempDir::new().unwrap();
    let text = format!("# settings\r\n$token = \"{}\"\r\n", fake_github_token(3));
    let mut le = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(dir.path().join("settings.ps1"), le).unwrap();
    let (code, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(positions(&report), vec![(2, 11)]);
    assert_eq!(report["stats"]["skipped"]["binary"], 0);
}

#[test]
fn sparse_two_gigabyte_file_is_skipped_fast() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("disk.img");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(2 << 30).unwrap(); // sparse: takes no disk space
    drop(f);
    let mut small = std::fs::File::create(dir.path().join("ok.txt")).unwrap();
    writeln!(small, "nothing here").unwrap();
    let root = dir.path().to_str().unwrap();
    // Default limit: too large, counted.
    let (code, report) = scan_json(&[root]);
    assert_eq!(code, 0);
    assert_eq!(report["stats"]["skipped"]["too_large"], 1);
    assert_eq!(report["stats"]["files"], 1);
    // Allowed by size: its first chunk is all NULs, so it is binary and
    // skipped after one chunk, not read to the end.
    let (code, report) = scan_json(&[root, "--max-file-size", "3G"]);
    assert_eq!(code, 0);
    assert_eq!(report["stats"]["skipped"]["binary"], 1);
}
