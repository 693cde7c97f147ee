//! Accuracy on the hand-written, labelled corpus in tests/corpus/ (see its
//! README.md): credential files of every format issue #13 names and a
//! multi-language project tree, with look-alikes that must stay quiet. Every
//! finding's line must be labelled and every label found, except the
//! differences listed, with reasons, in tests/corpus/known-differences.txt.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;

fn labels(file: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| match l.split_once(' ') {
            Some((kind, place)) => (kind.to_string(), place.trim().to_string()),
            None => ("label".to_string(), l.to_string()),
        })
        .collect()
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn labelled_corpus_is_found_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let expected: BTreeSet<String> = labels(&root.join("expected.txt"))
        .into_iter()
        .map(|(_, place)| place)
        .collect();
    let known = labels(&root.join("known-differences.txt"));
    // Scanned as a project of its own: inside this repository its files
    // sit under tests/, where test fixtures are judged as examples.
    let copy = tempfile::TempDir::new().unwrap();
    copy_tree(&root, copy.path());
    let out = leakguard()
        .current_dir(copy.path())
        .args(["scan", ".", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let found: BTreeSet<String> = findings(&report)
        .into_iter()
        .map(|(_, path, line)| format!("{path}:{line}"))
        .collect();
    let misses: BTreeSet<&String> = expected.difference(&found).collect();
    let extras: BTreeSet<&String> = found.difference(&expected).collect();
    let known_of = |kind: &str| -> BTreeSet<&String> {
        known
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, p)| p)
            .collect()
    };
    let (known_misses, known_extras) = (known_of("miss"), known_of("extra"));
    let tp = expected.len() - misses.len();
    eprintln!(
        "corpus: {} labels, {} findings on {} lines: recall {:.3}, precision {:.3}",
        expected.len(),
        report["findings"].as_array().unwrap().len(),
        found.len(),
        tp as f64 / expected.len() as f64,
        tp as f64 / found.len().max(1) as f64
    );
    let new_misses: Vec<_> = misses.difference(&known_misses).collect();
    let new_extras: Vec<_> = extras.difference(&known_extras).collect();
    let fixed: Vec<_> = known_misses
        .difference(&misses)
        .chain(known_extras.difference(&extras))
        .collect();
    assert!(
        new_misses.is_empty() && new_extras.is_empty() && fixed.is_empty(),
        "missed: {new_misses:?}\nreported but not labelled: {new_extras:?}\n\
         listed in known-differences.txt but now right (remove them): {fixed:?}"
    );
}
