//! Fuzz target `rule_file`: the harness body is `leakguard::fuzzing::rule_file`,
//! shared with the corpus-replay test (src/fuzzing/replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| leakguard::fuzzing::rule_file(data));
