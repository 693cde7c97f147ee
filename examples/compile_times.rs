//! Prints how long loading the built-in rules, building the keyword automaton
//! and compiling each rule regex take: the startup cost of a pre-commit scan.
//! `cargo run --release --example compile_times`
fn main() {
    let t = std::time::Instant::now();
    let rules = leakguard::rules::load_builtin().unwrap();
    eprintln!("load_builtin: {:?}", t.elapsed());
    let set = std::sync::Arc::new(leakguard::rules::RuleSet::new(rules).unwrap());
    let t = std::time::Instant::now();
    let _d = leakguard::detect::Detector::new(set.clone());
    eprintln!("detector (AC build): {:?}", t.elapsed());
    let mut times: Vec<(std::time::Duration, String)> = set
        .rules()
        .iter()
        .map(|r| {
            let t = std::time::Instant::now();
            let _ = r.compiled();
            (t.elapsed(), r.id.clone())
        })
        .collect();
    let total: std::time::Duration = times.iter().map(|t| t.0).sum();
    times.sort();
    times.reverse();
    eprintln!("all regex compiles: {total:?}");
    for (d, id) in times.iter().filter(|t| {
        std::env::args().any(|a| a == "--all")
            || t.1.starts_with("generic")
            || t.0.as_micros() > 3000
    }) {
        eprintln!("{d:>10.2?} {id}");
    }
}
