//! Archives and compressed files: members scanned like files, named
//! `archive!member`, nested archives opened up to the depth limit, in a
//! tree and in git history; SARIF keeps each archive as its member's parent.

mod common;

use common::{fake_github_token, git_in, leakguard, scan_json, write};
use serde_json::Value;
use std::io::{Cursor, Write};
use tempfile::TempDir;

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

fn tar_gz_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, content) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(content.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *content).unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&b.into_inner().unwrap()).unwrap();
    gz.finish().unwrap()
}

fn gz_of(content: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(content).unwrap();
    gz.finish().unwrap()
}

/// (path, line) of every finding of `rule`.
fn places(report: &Value, rule: &str) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A tree with a zip, a gzipped log, a jar inside a tar.gz, and an xz dump,
/// each holding one token.
fn packed_tree() -> TempDir {
    let dir = TempDir::new().unwrap();
    let env = format!("APP_ENV=prod\nGITHUB_TOKEN={}\n", fake_github_token(21));
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    write(
        dir.path(),
        "dist/bundle.zip",
        zip_of(&[("config/.env", env.as_bytes()), ("static/logo.png", png)]),
    );
    let log = format!(
        "2026-11-30T10:00:00Z INFO start\n2026-11-30T10:00:01Z DEBUG auth header token {}\n",
        fake_github_token(22)
    );
    write(dir.path(), "logs/app.log.gz", gz_of(log.as_bytes()));
    let props = format!(
        "spring.datasource.url=jdbc:h2:mem\ngithub.token={}\n",
        fake_github_token(23)
    );
    let jar = zip_of(&[("application.properties", props.as_bytes())]);
    write(
        dir.path(),
        "release.tar.gz",
        tar_gz_of(&[("README", b"release notes\n"), ("lib/app.jar", &jar)]),
    );
    let mut xz = lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
    xz.write_all(
        format!(
            "-- dump\nINSERT INTO tokens VALUES ('{}');\n",
            fake_github_token(24)
        )
        .as_bytes(),
    )
    .unwrap();
    write(dir.path(), "backup/db.sql.xz", xz.finish().unwrap());
    dir
}

#[test]
fn members_are_scanned_and_named_inside_their_archives() {
    let dir = packed_tree();
    let (code, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        places(&report, "github-pat-classic"),
        vec![
            ("backup/db.sql.xz!db.sql".to_string(), 2),
            ("dist/bundle.zip!config/.env".to_string(), 2),
            ("logs/app.log.gz!app.log".to_string(), 2),
            (
                "release.tar.gz!lib/app.jar!application.properties".to_string(),
                2
            ),
        ],
        "{report}"
    );
    let stats = &report["stats"];
    // bundle.zip, app.log.gz, release.tar.gz, app.jar, db.sql.xz.
    assert_eq!(stats["archives"], 5, "{stats}");
    // The PNG inside the zip is binary: skipped and counted like a file.
    assert_eq!(stats["skipped"]["binary"], 1, "{stats}");
    // .env, app.log, README, application.properties, db.sql.
    assert_eq!(stats["files"], 5, "{stats}");
}

#[test]
fn the_depth_limit_stops_nesting_and_zero_leaves_archives_closed() {
    let dir = packed_tree();
    let root = dir.path().to_str().unwrap();
    let (_, report) = scan_json(&[root, "--max-archive-depth", "1"]);
    let found = places(&report, "github-pat-classic");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(!found.iter().any(|(p, _)| p.contains("app.jar!")));
    let (code, report) = scan_json(&[root, "--max-archive-depth", "0"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["stats"]["archives"], 0);
    assert_eq!(report["stats"]["skipped"]["binary"], 4);
}

#[test]
fn sarif_names_members_and_keeps_their_archives_as_parents() {
    let dir = packed_tree();
    let out = leakguard()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &sarif["runs"][0];
    let artifacts = run["artifacts"].as_array().unwrap();
    let uri = |i: &Value| artifacts[i.as_u64().unwrap() as usize]["location"]["uri"].clone();
    let nested = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["locations"][0]["physicalLocation"]["artifactLocation"])
        .find(|a| a["uri"].as_str().unwrap().contains("app.jar!"))
        .expect("the jar's finding");
    assert_eq!(
        nested["uri"],
        "release.tar.gz!lib/app.jar!application.properties"
    );
    let member = &artifacts[nested["index"].as_u64().unwrap() as usize];
    assert_eq!(member["location"]["uri"], nested["uri"]);
    let jar = &member["parentIndex"];
    assert_eq!(uri(jar), "release.tar.gz!lib/app.jar");
    let outer = &artifacts[jar.as_u64().unwrap() as usize]["parentIndex"];
    assert_eq!(uri(outer), "release.tar.gz");
    assert!(artifacts[outer.as_u64().unwrap() as usize]["parentIndex"].is_null());
}

#[test]
fn an_archive_in_history_is_opened_and_attributed_to_its_commit() {
    let dir = TempDir::new().unwrap();
    let repo = dir.path();
    git_in(repo, &["init", "-q"], &[]);
    let env = format!("GITHUB_TOKEN={}\n", fake_github_token(25));
    write(
        repo,
        "artifacts/site.zip",
        zip_of(&[("deploy/.env", env.as_bytes())]),
    );
    write(repo, "README.md", "site\n");
    git_in(repo, &["add", "-A"], &[]);
    git_in(repo, &["commit", "-q", "-m", "add build output"], &[]);
    git_in(repo, &["rm", "-q", "artifacts/site.zip"], &[]);
    git_in(repo, &["commit", "-q", "-m", "drop build output"], &[]);
    let (code, report) = scan_json(&["--git", repo.to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    let f = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "github-pat-classic")
        .expect("the token in the zip");
    assert_eq!(f["path"], "artifacts/site.zip!deploy/.env");
    assert_eq!(f["line"], 1);
    assert_eq!(f["in_head"], false);
    assert!(f["commit"].as_str().is_some());
    assert_eq!(report["stats"]["archives"], 1);
}

#[test]
fn corrupt_and_bomb_like_archives_are_warned_about_not_fatal() {
    let dir = TempDir::new().unwrap();
    let zip = zip_of(&[("a.env", b"GITHUB_TOKEN=x\n")]);
    write(dir.path(), "broken.zip", &zip[..zip.len() - 30]);
    // A member far larger than --max-file-size is skipped and counted.
    let big = gz_of(&vec![b'a'; 3 << 20]);
    write(
        dir.path(),
        "big.zip",
        zip_of(&[("huge.txt", &vec![b'a'; 3 << 20]), ("x.gz", &big)]),
    );
    let (code, report) = scan_json(&[dir.path().to_str().unwrap(), "--max-file-size", "1M"]);
    assert_eq!(code, 0, "{report}");
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("broken.zip"), "{warnings}");
    assert!(
        report["stats"]["skipped"]["too_large"].as_u64().unwrap() >= 1,
        "{report}"
    );
}

/// Runs `leakguard ARGS --format json` from `dir`, sampling its peak RSS
/// (VmHWM) while it runs; returns (exit code, report, peak RSS in MiB).
fn scan_measured(dir: &std::path::Path, args: &[&str]) -> (i32, Value, u64) {
    let bin = assert_cmd::cargo::cargo_bin("leakguard");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir)
        .args(["scan", "."])
        .args(args)
        .args(["--format", "json"])
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let reader = {
        let mut out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut out, &mut s).unwrap();
            s
        })
    };
    let mut peak_kb = 0u64;
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        assert!(
            started.elapsed().as_secs() < 120,
            "scan took over 2 minutes"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let code = child.wait().unwrap().code().unwrap();
    let report = serde_json::from_str(&reader.join().unwrap()).unwrap();
    (code, report, peak_kb / 1024)
}

fn warnings(report: &Value) -> Vec<String> {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn bombs_truncated_encrypted_and_linked_archives_each_give_one_warning() {
    let dir = TempDir::new().unwrap();
    // 1 GiB of one text line repeated in one member (about 1 MB compressed).
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    w.start_file("zeros.txt", options).unwrap();
    let block: Vec<u8> =
        b"0000000000000000000000000000000000000000000000000000000000000000\n".repeat(1 << 14);
    for _ in 0..1024 {
        w.write_all(&block).unwrap();
    }
    write(dir.path(), "bomb.zip", w.finish().unwrap().into_inner());
    // 42.zip-style: zips of 16 zips, four levels, 64 MiB of zeros at the bottom.
    let mut level = {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("0.txt", options).unwrap();
        for _ in 0..64 {
            w.write_all(&block).unwrap();
        }
        w.finish().unwrap().into_inner()
    };
    for _ in 0..4 {
        level = zip_of(
            &(0..16)
                .map(|i| {
                    (
                        [
                            "a.zip", "b.zip", "c.zip", "d.zip", "e.zip", "f.zip", "g.zip", "h.zip",
                            "i.zip", "j.zip", "k.zip", "l.zip", "m.zip", "n.zip", "o.zip", "p.zip",
                        ][i],
                        &level[..],
                    )
                })
                .collect::<Vec<_>>(),
        );
    }
    write(dir.path(), "nested/42.zip", level);
    // Cut short.
    let zip = zip_of(&[("a.env", b"KEY=value\n")]);
    write(dir.path(), "truncated.zip", &zip[..zip.len() - 20]);
    // Encrypted: a stored member whose flags say so (zip's bit 0), in its
    // local header and in the central directory.
    let mut enc = zip_of(&[("secret.env", b"KEY=value\n")]);
    for sig in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let at = enc.windows(4).position(|w| w == sig).unwrap();
        let flags = if sig[2] == 3 { at + 6 } else { at + 8 };
        enc[flags] |= 1;
    }
    write(dir.path(), "encrypted.zip", enc);
    // A tar with a symbolic link member pointing outside.
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Symlink);
    h.set_size(0);
    h.set_mode(0o777);
    b.append_link(&mut h, "etc-passwd", "../../../../etc/passwd")
        .unwrap();
    write(dir.path(), "links.tar", b.into_inner().unwrap());

    let (code, report, peak_mib) = scan_measured(dir.path(), &["--max-file-size", "2G"]);
    assert_eq!(code, 0, "{report}");
    let warnings = warnings(&report);
    for (archive, says) in [
        // Whichever limit it reaches first: the ratio or the bytes.
        ("bomb.zip", "more than"),
        ("nested/42.zip", "--max-archive-depth"),
        ("truncated.zip", ""),
        ("encrypted.zip", "encrypted"),
        ("links.tar", "link member"),
    ] {
        let about: Vec<&String> = warnings.iter().filter(|w| w.starts_with(archive)).collect();
        assert_eq!(about.len(), 1, "{archive}: {warnings:?}");
        assert!(about[0].contains(says), "{archive}: {about:?}");
    }
    assert!(peak_mib < 300, "peak RSS {peak_mib} MiB");
    // Nothing was written outside the tree.
    assert!(!dir.path().join("etc-passwd").exists());
}

#[test]
fn archive_limits_have_flags() {
    let dir = TempDir::new().unwrap();
    let files: Vec<(String, Vec<u8>)> = (0..30)
        .map(|i| (format!("f{i}.txt"), vec![b'x'; 100_000]))
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), &c[..])).collect();
    write(dir.path(), "many.zip", zip_of(&refs));
    let root = dir.path().to_str().unwrap();
    let (_, report) = scan_json(&[root, "--max-archive-members", "10"]);
    assert_eq!(report["stats"]["files"], 10, "{report}");
    assert!(warnings(&report)[0].contains("--max-archive-members"));
    let (_, report) = scan_json(&[root, "--max-archive-bytes", "1M"]);
    assert!(
        report["stats"]["bytes"].as_u64().unwrap() <= 1 << 20,
        "{report}"
    );
    assert!(warnings(&report)[0].contains("--max-archive-bytes"));
    // Past its first MiB, a member may not decompress beyond the ratio.
    write(
        dir.path(),
        "big.zip",
        zip_of(&[("big.txt", &vec![b'y'; 3 << 20])]),
    );
    let (_, report) = scan_json(&[root, "--max-compression-ratio", "2"]);
    let about_big: Vec<String> = warnings(&report)
        .into_iter()
        .filter(|w| w.starts_with("big.zip"))
        .collect();
    assert!(about_big[0].contains("2:1"), "{report}");
}

#[test]
fn a_staged_archive_is_opened() {
    let dir = TempDir::new().unwrap();
    let repo = dir.path();
    git_in(repo, &["init", "-q"], &[]);
    write(repo, "README.md", "x\n");
    git_in(repo, &["add", "-A"], &[]);
    git_in(repo, &["commit", "-q", "-m", "init"], &[]);
    let env = format!("GITHUB_TOKEN={}\n", fake_github_token(26));
    write(
        repo,
        "build/site.zip",
        zip_of(&[("deploy/.env", env.as_bytes())]),
    );
    git_in(repo, &["add", "-A"], &[]);
    let (code, report) = scan_json(&["--staged", repo.to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["findings"][0]["path"], "build/site.zip!deploy/.env");
}

#[test]
fn a_copied_archive_is_opened_once_and_reported_under_each_name() {
    let dir = TempDir::new().unwrap();
    let env = format!("GITHUB_TOKEN={}\n", fake_github_token(27));
    let zip = zip_of(&[("conf/.env", env.as_bytes())]);
    write(dir.path(), "a/site.zip", &zip);
    write(dir.path(), "b/site-copy.zip", &zip);
    let (_, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(
        places(&report, "github-pat-classic"),
        vec![
            ("a/site.zip!conf/.env".to_string(), 1),
            ("b/site-copy.zip!conf/.env".to_string(), 1)
        ]
    );
    assert_eq!(report["stats"]["archives"], 1, "{report}");
    assert_eq!(report["stats"]["duplicates"], 1);
}

#[test]
fn a_member_shared_by_different_archives_is_scanned_once_and_reported_in_each() {
    let dir = TempDir::new().unwrap();
    let env = format!("GITHUB_TOKEN={}\n", fake_github_token(28));
    let props = format!("github.token={}\n", fake_github_token(29));
    let jar = zip_of(&[("application.properties", props.as_bytes())]);
    for (path, version) in [("a/app-1.0.zip", "1.0"), ("b/app-1.1.zip", "1.1")] {
        let zip = zip_of(&[
            ("conf/.env", env.as_bytes()),
            ("VERSION", version.as_bytes()),
            ("lib/core.jar", &jar),
        ]);
        write(dir.path(), path, zip);
    }
    // The same member in a test fixture is judged there, not taken from
    // the release archives.
    let fixture = zip_of(&[("conf/.env", env.as_bytes())]);
    write(dir.path(), "tests/fixtures/app-test.zip", &fixture);
    let (_, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(
        places(&report, "github-pat-classic"),
        vec![
            ("a/app-1.0.zip!conf/.env".to_string(), 1),
            (
                "a/app-1.0.zip!lib/core.jar!application.properties".to_string(),
                1
            ),
            ("b/app-1.1.zip!conf/.env".to_string(), 1),
            (
                "b/app-1.1.zip!lib/core.jar!application.properties".to_string(),
                1
            ),
            ("tests/fixtures/app-test.zip!conf/.env".to_string(), 1),
        ],
        "{report}"
    );
    let stats = &report["stats"];
    // Two releases and one fixture opened, and one jar: its copy is not.
    assert_eq!(stats["archives"], 4, "{report}");
    // The second release's `.env` and jar.
    assert_eq!(stats["duplicates"], 2, "{report}");
    // Each release: `.env`, VERSION, the jar's properties; the fixture's `.env`.
    assert_eq!(stats["files"], 7, "{report}");

    let alone = TempDir::new().unwrap();
    write(alone.path(), "tests/fixtures/app-test.zip", &fixture);
    let (_, alone) = scan_json(&[alone.path().to_str().unwrap()]);
    let confidence = |report: &Value, path: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .map(|f| f["confidence"].clone())
    };
    let fixture_member = "tests/fixtures/app-test.zip!conf/.env";
    assert_eq!(
        confidence(&report, fixture_member),
        confidence(&alone, fixture_member)
    );
    assert_ne!(
        confidence(&report, fixture_member),
        confidence(&report, "a/app-1.0.zip!conf/.env"),
        "a test fixture's finding is less sure: {report}"
    );
}

#[test]
fn members_unchanged_across_versions_of_an_archive_in_history_are_scanned_once() {
    let dir = TempDir::new().unwrap();
    let repo = dir.path();
    git_in(repo, &["init", "-q"], &[]);
    let env = format!("GITHUB_TOKEN={}\n", fake_github_token(30));
    for version in ["1.0", "1.1", "1.2"] {
        let zip = zip_of(&[
            ("deploy/.env", env.as_bytes()),
            ("VERSION", version.as_bytes()),
        ]);
        write(repo, "artifacts/site.zip", zip);
        git_in(repo, &["add", "-A"], &[]);
        git_in(repo, &["commit", "-q", "-m", version], &[]);
    }
    let (_, report) = scan_json(&["--git", repo.to_str().unwrap()]);
    let found: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "github-pat-classic")
        .collect();
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0]["path"], "artifacts/site.zip!deploy/.env");
    assert_eq!(found[0]["in_head"], true);
    let first = git_in(repo, &["rev-list", "--max-parents=0", "HEAD"], &[]);
    assert_eq!(found[0]["commit"], first.trim(), "{report}");
    let stats = &report["stats"];
    assert_eq!(stats["archives"], 3, "{report}");
    assert_eq!(stats["duplicates"], 2, "{report}");
}
