//! Embeds every rule file in patterns/ into the binary, so a new provider
//! family is added by dropping a file there (no list to keep in sync).
//!
//! Each file is embedded as JSON converted from its TOML here, at build
//! time: the run-time loader deserializes the same document with serde_json
//! several times faster than a TOML parse, and that load is on the path of
//! every pre-commit run. Each file is embedded twice: whole, for the checks
//! that run examples, and without its examples, for scans (the examples are
//! about half the bytes to parse). A malformed rule file fails the build,
//! naming it.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new("patterns");
    println!("cargo:rerun-if-changed=patterns");
    let out_dir = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_rules");
    fs::create_dir_all(&out_dir).unwrap();
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("patterns/ must exist")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// (file name, rule file as JSON) of every built-in rule file.\n\
         /// (file name, rule file as JSON, the same without examples).\n\
         pub static BUILTIN_RULE_FILES: &[(&str, &str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let text = fs::read_to_string(f).unwrap();
        let doc: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("patterns/{name} is not valid TOML: {e}"));
        let json_path = out_dir.join(format!("{name}.json"));
        fs::write(&json_path, serde_json::to_string(&doc).unwrap()).unwrap();
        let mut lean = doc.clone();
        if let Some(rules) = lean.get_mut("rules").and_then(|r| r.as_array_mut()) {
            for rule in rules {
                if let Some(table) = rule.as_table_mut() {
                    table.remove("examples");
                    table.remove("negative_examples");
                }
            }
        }
        let lean_path = out_dir.join(format!("{name}.lean.json"));
        fs::write(&lean_path, serde_json::to_string(&lean).unwrap()).unwrap();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), include_str!({:?})),\n",
            json_path.display().to_string(),
            lean_path.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_rules.rs"),
        out,
    )
    .unwrap();
}
