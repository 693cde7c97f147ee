//! Prints the `KEY = "value"` lines leakguard reads from a structured file
//! (JSON, YAML, XML, TOML, CSV, HTML tables): what the rules see beside the file's own lines.
//! Usage: cargo run --release --example structured_pairs -- FILE...

use leakguard::detect::structured::{Format, Normalized};

fn main() {
    for path in std::env::args().skip(1) {
        let Some(format) = Format::of_path(&path) else {
            eprintln!("{path}: not a structured format");
            continue;
        };
        let data = match std::fs::read(&path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        println!("== {path} ({format:?})");
        if let Some(pairs) = Normalized::of(format, &data) {
            print!("{}", String::from_utf8_lossy(&pairs.text));
        }
    }
}
