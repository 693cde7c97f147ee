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
