//! Fuzz target `report_round_trip`: the harness body is `leakguard::fuzzing::report_round_trip`,
//! shared with the corpus-replay test (src/fuzzing/replay.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| leakguard::fuzzing::report_round_trip(data));
