//! Fuzz target `baseline`: the harness body is `leakguard::fuzzing::baseline`,
//! shared with the corpus-replay test (src/fuzzing/replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| leakguard::fuzzing::baseline(data));
