//! Detector micro-benchmarks (issue #7): MB/s of `Detector::detect` on
//! source-like text with and without secrets, on minified JS and on
//! binary-looking bytes; and the cost of building a detector.
//!
//! Inputs are built deterministically at start-up (a fixed-seed PRNG, files
//! read in sorted order). Source-like text and JS come from the crate
//! sources cargo leaves in ~/.cargo/registry/src when there are any (run
//! `cargo fetch`), else from a synthetic generator, so numbers are only
//! comparable between runs on the same machine with the same registry.
//! Fake secrets are assembled from a provider prefix and random characters,
//! so this file holds no credential-shaped literal.
//!
//! Run: `cargo bench --bench detector` (about a minute and a half).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use leakguard::detect::{Candidate, Detector, Scratch};
use leakguard::rules::{load_builtin, RuleSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Size of each scanned input: large enough that per-call overhead vanishes
/// and the automaton's tables stay out of L1, small enough to build quickly.
const INPUT_BYTES: usize = 4 << 20;

/// One planted secret per this many bytes in the "with secrets" input.
const SECRET_EVERY: usize = 4096;

/// Small deterministic PRNG (xorshift64*): the bench needs repeatable inputs,
/// not a rand dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn string(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())] as char)
            .collect()
    }
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const DIGITS: &[u8] = b"0123456789";
const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A line holding a fake credential, in the style of the rule examples in
/// patterns/*.toml. Prefixes are split so no literal here looks like a token.
fn fake_secret_line(rng: &mut Rng, which: usize) -> String {
    match which % 5 {
        0 => format!(
            "    let token = \"{}{}\";\n",
            ["gh", "p_"].concat(),
            rng.string(ALNUM, 36)
        ),
        1 => format!(
            "aws_access_key_id = {}{}\n",
            ["AK", "IA"].concat(),
            rng.string(UPPER32, 16)
        ),
        2 => format!(
            "STRIPE_KEY={}{}\n",
            ["sk_", "live_"].concat(),
            rng.string(ALNUM, 24)
        ),
        3 => format!(
            "SLACK_BOT_TOKEN={}{}-{}-{}\n",
            ["xo", "xb-"].concat(),
            rng.string(DIGITS, 12),
            rng.string(DIGITS, 13),
            rng.string(ALNUM, 24)
        ),
        _ => format!(
            "export AWS_SECRET_ACCESS_KEY=\"{}\"\n",
            rng.string(BASE64, 40)
        ),
    }
}

/// Files under `root` whose name ends in `ext`, sorted, at most `limit` bytes in all.
fn registry_files(root: &Path, ext: &str, limit: usize) -> Vec<PathBuf> {
    let mut all = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => dirs.push(path),
                Ok(t) if t.is_file() && path.to_string_lossy().ends_with(ext) => all.push(path),
                _ => {}
            }
        }
    }
    all.sort();
    let mut total = 0;
    all.retain(|p| {
        let size = std::fs::metadata(p).map(|m| m.len() as usize).unwrap_or(0);
        let keep = total < limit && size > 0 && size < 1 << 20;
        if keep {
            total += size;
        }
        keep
    });
    all
}

fn registry_root() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let src = home.join("registry").join("src");
    src.is_dir().then_some(src)
}

/// `INPUT_BYTES` of concatenated text files (repeated if they hold less),
/// or `None` if none could be read.
fn from_files(files: &[PathBuf], separator: &[u8]) -> Option<Vec<u8>> {
    let mut once = Vec::with_capacity(INPUT_BYTES + (1 << 20));
    for path in files {
        if once.len() >= INPUT_BYTES {
            break;
        }
        if let Ok(data) = std::fs::read(path) {
            if !data.contains(&0) {
                once.extend_from_slice(&data);
                once.extend_from_slice(separator);
            }
        }
    }
    if once.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(INPUT_BYTES + once.len());
    while out.len() < INPUT_BYTES {
        out.extend_from_slice(&once);
    }
    out.truncate(INPUT_BYTES);
    Some(out)
}

/// Rust-looking lines, for machines without a cargo registry.
fn synthetic_source(rng: &mut Rng) -> Vec<u8> {
    const WORDS: &[&str] = &[
        "let", "fn", "self", "config", "value", "buffer", "len", "Some", "None", "match", "impl",
        "return", "Ok", "Err", "iter", "map", "collect", "String", "Vec", "usize", "key", "token",
        "password", "secret", "api", "client", "request", "response", "header", "path",
    ];
    let mut out = String::with_capacity(INPUT_BYTES + 256);
    while out.len() < INPUT_BYTES {
        let indent = rng.below(4) * 4;
        out.extend(std::iter::repeat_n(' ', indent));
        for i in 0..3 + rng.below(9) {
            if i > 0 {
                out.push(if rng.below(5) == 0 { '.' } else { ' ' });
            }
            out.push_str(WORDS[rng.below(WORDS.len())]);
        }
        out.push_str(if rng.below(3) == 0 { "(x);\n" } else { ";\n" });
    }
    out.truncate(INPUT_BYTES);
    out.into_bytes()
}

/// Source-like text without planted secrets.
fn source_text(rng: &mut Rng) -> (Vec<u8>, &'static str) {
    registry_root()
        .and_then(|root| from_files(&registry_files(&root, ".rs", 2 * INPUT_BYTES), b"\n"))
        .map(|d| (d, "registry .rs"))
        .unwrap_or_else(|| (synthetic_source(rng), "synthetic"))
}

/// `base` with a fake secret line inserted after the first newline past every
/// `SECRET_EVERY` bytes.
fn with_secrets(base: &[u8], rng: &mut Rng) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(base.len() + base.len() / 40);
    let mut planted = 0;
    let mut next = SECRET_EVERY;
    for (i, &b) in base.iter().enumerate() {
        out.push(b);
        if b == b'\n' && i >= next {
            out.extend_from_slice(fake_secret_line(rng, planted).as_bytes());
            planted += 1;
            next = i + SECRET_EVERY;
        }
    }
    (out, planted)
}

/// Minified JS: one long line. Registry .js files with newlines and runs of
/// spaces squeezed out, else synthetic statements.
fn minified_js(rng: &mut Rng) -> (Vec<u8>, &'static str) {
    let real = registry_root()
        .and_then(|root| from_files(&registry_files(&root, ".js", 2 * INPUT_BYTES), b";"));
    let (raw, origin) = match real {
        Some(d) if d.len() >= INPUT_BYTES / 2 => (d, "registry .js"),
        _ => {
            let mut s = String::with_capacity(INPUT_BYTES + 256);
            while s.len() < INPUT_BYTES {
                let (a, b) = (rng.below(100), rng.below(100));
                s.push_str(&format!(
                    "var t{a}=function(e,n){{return e.key{b}&&n.push(e.value||\"k{a}\"),n}};"
                ));
            }
            (s.into_bytes(), "synthetic")
        }
    };
    let mut out = Vec::with_capacity(raw.len());
    for &b in &raw {
        let b = if b == b'\n' || b == b'\r' || b == b'\t' {
            b' '
        } else {
            b
        };
        if !(b == b' ' && out.last() == Some(&b' ')) {
            out.push(b);
        }
    }
    // Squeezing shrank it: repeat up to the common size.
    let mut js = Vec::with_capacity(INPUT_BYTES);
    while js.len() < INPUT_BYTES {
        js.extend_from_slice(&out);
    }
    js.truncate(INPUT_BYTES);
    (js, origin)
}

/// Uniformly random bytes: what compressed or encrypted blobs look like.
fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::with_capacity(INPUT_BYTES);
    while out.len() < INPUT_BYTES {
        out.extend_from_slice(&rng.next().to_le_bytes());
    }
    out.truncate(INPUT_BYTES);
    out
}

fn rules() -> Arc<RuleSet> {
    Arc::new(
        RuleSet::new(load_builtin().expect("built-in rules load"))
            .expect("built-in rules are valid"),
    )
}

fn count(detector: &Detector, data: &[u8]) -> usize {
    let mut out: Vec<Candidate> = Vec::new();
    detector.detect(data, &mut Scratch::default(), &mut out);
    out.len()
}

fn bench_detect(c: &mut Criterion) {
    let mut rng = Rng(0x1ea6_6a2d_5eed_0007);
    let rules = rules();
    let detector = Detector::new(Arc::clone(&rules));
    let small = Detector::for_small_input(Arc::clone(&rules));

    let (source, source_origin) = source_text(&mut rng);
    let (secrets, planted) = with_secrets(&source, &mut rng);
    let (js, js_origin) = minified_js(&mut rng);
    let binary = random_bytes(&mut rng);
    let inputs: [(&str, &[u8]); 4] = [
        ("source", &source),
        ("source_with_secrets", &secrets),
        ("minified_js", &js),
        ("random_bytes", &binary),
    ];

    // Context for reading the numbers, and a check that the secrets input
    // really exercises the match path (every planted line is a finding).
    eprintln!(
        "detector bench: {} rules; source from {source_origin}, JS from {js_origin}",
        rules.len()
    );
    for (name, data) in &inputs {
        eprintln!(
            "  {name}: {:.1} MB, {} candidates",
            data.len() as f64 / 1e6,
            count(&detector, data)
        );
    }
    let found = count(&detector, &secrets) - count(&detector, &source);
    assert!(
        found >= planted,
        "only {found} of {planted} planted secrets found: the fake secrets no longer match the rules"
    );

    let mut group = c.benchmark_group("detect");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, data) in &inputs {
        group.throughput(Throughput::Bytes(data.len() as u64));
        let mut scratch = Scratch::default();
        let mut out: Vec<Candidate> = Vec::new();
        group.bench_with_input(BenchmarkId::new("dfa", name), data, |b, data| {
            b.iter(|| {
                out.clear();
                detector.detect(data, &mut scratch, &mut out);
                out.len()
            })
        });
    }
    // The contiguous-NFA detector is meant for small inputs; one big input
    // shows its per-byte cost against the DFA.
    group.throughput(Throughput::Bytes(source.len() as u64));
    group.bench_function(BenchmarkId::new("small_input_nfa", "source"), |b| {
        let mut scratch = Scratch::default();
        let mut out: Vec<Candidate> = Vec::new();
        b.iter(|| {
            out.clear();
            small.detect(&source, &mut scratch, &mut out);
            out.len()
        })
    });
    group.finish();
}

fn bench_build(c: &mut Criterion) {
    let rules = rules();
    let mut group = c.benchmark_group("build");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("detector_new", |b| {
        b.iter(|| Detector::new(Arc::clone(&rules)))
    });
    group.bench_function("detector_for_small_input", |b| {
        b.iter(|| Detector::for_small_input(Arc::clone(&rules)))
    });
    // What a one-shot scan pays before its first byte: load the rules, build.
    group.bench_function("load_builtin_ruleset_and_detector_new", |b| {
        b.iter(|| Detector::new(self::rules()))
    });
    group.finish();
}

criterion_group!(benches, bench_detect, bench_build);
criterion_main!(benches);
