//! The keyword pass alone, for comparing keyword sets: it touches every
//! byte, and every keyword a rule adds grows the automaton it walks (more
//! states, more cache misses). Prints MB/s (best of 5) and hits per set.
//!
//! cargo run --release --example keyword_pass -- SETS CORPUS_DIR
//!   SETS: comma-separated rule directories (their `keywords`) or `.txt`
//!         files (one keyword per line), e.g. `patterns,/tmp/old-patterns`
//!   CORPUS_DIR: read up to 150 MB of text files from it
use leakguard::detect::keywords::Keywords;
use std::time::Instant;

fn keywords_of(set: &str) -> Vec<String> {
    if set.ends_with(".txt") {
        return std::fs::read_to_string(set)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
    }
    let mut out = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(set).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().map(|x| x != "toml").unwrap_or(true) {
            continue;
        }
        let doc: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for rule in doc
            .get("rules")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            for k in rule
                .get("keywords")
                .and_then(|k| k.as_array())
                .into_iter()
                .flatten()
            {
                out.insert(k.as_str().unwrap().to_string());
            }
        }
    }
    out.into_iter().collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (sets, corpus) = (&args[1], &args[2]);
    let mut data = Vec::new();
    for entry in ignore::WalkBuilder::new(corpus)
        .hidden(false)
        .git_ignore(false)
        .build()
    {
        let entry = entry.unwrap();
        if entry.file_type().is_some_and(|t| t.is_file()) {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                if !bytes[..bytes.len().min(8000)].contains(&0) {
                    data.extend_from_slice(&bytes);
                }
            }
        }
        if data.len() > 150_000_000 {
            break;
        }
    }
    for set in sets.split(',') {
        let keywords = keywords_of(set);
        let finder = Keywords::for_bulk(&keywords).expect("some keywords");
        let (mut best, mut hits) = (f64::MAX, 0usize);
        for _ in 0..5 {
            let started = Instant::now();
            let mut n = 0usize;
            for chunk in data.chunks(8 << 20) {
                finder.for_each_hit(chunk, |_, _, _| n += 1);
            }
            best = best.min(started.elapsed().as_secs_f64());
            hits = n;
        }
        println!(
            "{set}: {} keywords, {:.0} MB/s, {hits} hits",
            keywords.len(),
            data.len() as f64 / best / 1e6
        );
    }
}
