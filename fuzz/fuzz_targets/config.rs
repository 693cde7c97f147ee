//! Fuzz target `config`: the harness body is `leakguard::fuzzing::config`,
//! shared with the corpus-replay test (src/fuzzing/replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| leakguard::fuzzing::config(data));
