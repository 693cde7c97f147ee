//! Replays the committed fuzz corpora (`fuzz/corpus/<target>/`) and fixed
//! crash inputs (`fuzz/regressions/<target>/`) through the same harness
//! bodies the cargo-fuzz targets run, on stable Rust, as unit tests of
//! the library, so CI keeps every fixed crash fixed. See
//! docs/reliability.md.

use std::path::{Path, PathBuf};

/// A harness body: panics when its target's invariants do not hold.
type Harness = fn(&[u8]);

/// The fuzz targets and their harness bodies.
const TARGETS: &[(&str, Harness)] = &[
    ("detector", super::detector),
    ("rule_file", super::rule_file),
    ("config", super::config),
    ("baseline", super::baseline),
    ("report_round_trip", super::report_round_trip),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files in `dir`, sorted; empty if `dir` does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `harness` on every file, naming the file of the first failure.
fn replay(target: &str, harness: Harness, files: &[PathBuf]) {
    for file in files {
        let data = std::fs::read(file).expect("readable corpus file");
        let outcome = std::panic::catch_unwind(|| harness(&data));
        assert!(
            outcome.is_ok(),
            "fuzz target {target} fails on {} (reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run {target} {})",
            file.display(),
            file.display()
        );
    }
}

/// One test per target, so a failure names the target. A missing or empty
/// corpus fails: a replay that replays nothing must not pass.
fn replay_target(target: &str) {
    let (_, harness) = TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("known target");
    let corpus = inputs(&fuzz_dir().join("corpus").join(target));
    assert!(
        !corpus.is_empty(),
        "fuzz/corpus/{target}/ is missing or empty"
    );
    replay(target, *harness, &corpus);
    let regressions = inputs(&fuzz_dir().join("regressions").join(target));
    replay(target, *harness, &regressions);
}

#[test]
fn corpus_detector() {
    replay_target("detector");
}

#[test]
fn corpus_rule_file() {
    replay_target("rule_file");
}

#[test]
fn corpus_config() {
    replay_target("config");
}

#[test]
fn corpus_baseline() {
    replay_target("baseline");
}

#[test]
fn corpus_report_round_trip() {
    replay_target("report_round_trip");
}

/// Every target directory under fuzz/fuzz_targets has a corpus replayed here.
#[test]
fn every_fuzz_target_is_replayed() {
    let mut on_disk: Vec<String> = inputs(&fuzz_dir().join("fuzz_targets"))
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    on_disk.sort();
    let mut replayed: Vec<String> = TARGETS.iter().map(|(n, _)| n.to_string()).collect();
    replayed.sort();
    assert_eq!(on_disk, replayed);
}
