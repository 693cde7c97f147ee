//! The detector: finds candidate secrets in a chunk of bytes.
//!
//! One pass over every rule's keywords ([`keywords`]: ASCII case-insensitive,
//! every occurrence, overlapping ones included) says which rules can match
//! and where; each selected rule's regex then runs only in a window around
//! its keyword hits, never over the whole chunk.
//! Captured secrets that are look-alikes (placeholders, regular runs) or below
//! the rule's entropy minimum are dropped here. The detector knows nothing of
//! files, git or reports: it sees bytes and returns byte spans.

pub(crate) mod checks;
pub(crate) mod decode;
pub(crate) mod entropy;
pub(crate) mod filters;
pub mod keywords;
pub(crate) mod lookalike;
pub(crate) mod pem;
pub(crate) mod sql;
pub mod structured;

use crate::rules::RuleSet;
use aho_corasick::AhoCorasickKind;
use keywords::Keywords;
use regex_automata::util::captures::Captures;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A secret a rule found: which rule, and where in the chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index of the rule in the detector's [`RuleSet`].
    pub rule: usize,
    /// Byte span of the whole regex match (context included).
    pub matched: Range<usize>,
    /// Byte span of the `secret` capture group.
    pub secret: Range<usize>,
    /// Shannon entropy of the secret, bits per byte.
    pub(crate) entropy: f64,
    /// The rule's structure check failed but is one that only lowers
    /// confidence ([`crate::rules::Check::reports_failures`]).
    pub(crate) unverified: bool,
}

/// How far a keyword hit's line is looked for on either side: as far as any
/// rule's radius reaches.
const LINE_REACH: usize = 16 * 1024;

/// The line around a keyword hit, as far as a window can need it: hits come
/// in order of start, and one found line serves every later hit inside it.
#[derive(Debug, Default)]
struct HitLine {
    /// Where the line starts; or, if it starts more than [`LINE_REACH`]
    /// before the hit that found it, that bound (no later hit's window
    /// reaches further back).
    from: usize,
    /// The line feed that ends the line; `usize::MAX` when none lies within
    /// [`LINE_REACH`] (windows are then not cut at the end).
    to: usize,
    /// No line feed lies in `from..clear_until`: a hit inside is on this
    /// line. 0 until a line is found (every hit ends after byte 0).
    clear_until: usize,
}

impl HitLine {
    fn find(&mut self, data: &[u8], start: usize, end: usize) {
        if self.from <= start && end <= self.clear_until {
            return;
        }
        self.from = line_start_within(data, start, LINE_REACH);
        let ahead = (start + LINE_REACH).min(data.len());
        match memchr::memchr(b'\n', &data[start..ahead]) {
            Some(i) => {
                self.to = start + i;
                self.clear_until = start + i;
            }
            None => {
                self.to = if ahead == data.len() {
                    ahead
                } else {
                    usize::MAX
                };
                self.clear_until = ahead;
            }
        }
    }
}

/// How far from a keyword hit, on its line, a rule's `requires` literals
/// are looked for: a long (minified) line is not searched whole per hit.
const REQUIRES_REACH: usize = 1024;

/// Whether `line` holds one of a rule's `requires` literals (searchers
/// built once: building one per search cost more than the search).
fn requires_met(line: &[u8], requires: &[memchr::memmem::Finder<'static>]) -> bool {
    requires.iter().any(|lit| match lit.needle() {
        [b] => memchr::memchr(*b, line).is_some(),
        _ => lit.find(line).is_some(),
    })
}

/// Where the line holding `data[at]` starts, looking back at most `reach`
/// bytes (if it starts further back, that bound).
/// The path of an archive member inside its archive (`config/.env` of
/// `dist/app.zip!config/.env`; a nested one's innermost); any other path
/// as it is.
pub(crate) fn member_path(path: &str) -> &str {
    path.rsplit_once('!').map_or(path, |(_, member)| member)
}

pub(crate) fn line_start_within(data: &[u8], at: usize, reach: usize) -> usize {
    let from = at.saturating_sub(reach);
    memchr::memrchr(b'\n', &data[from..at]).map_or(from, |i| from + i + 1)
}

/// The stretches from the line before each keyword hit's line to
/// `lines_after` lines after it, merged: where a name and the value it
/// names sit (`- name: X` above `value:`, a key above its value). `hits`
/// are sorted by start.
fn hit_neighbourhoods(
    data: &[u8],
    hits: &[(u32, usize, usize)],
    lines_after: usize,
) -> Vec<Range<usize>> {
    let line_end = |at: usize| {
        let at = at.min(data.len());
        memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i)
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    for &(_, start, end) in hits {
        if out.last().is_some_and(|r| end <= r.end) {
            continue;
        }
        let line = line_start_within(data, start, LINE_REACH);
        let from = line_start_within(data, line.saturating_sub(1), LINE_REACH);
        let mut to = line_end(end);
        for _ in 0..lines_after {
            to = line_end(to + 1);
        }
        match out.last_mut() {
            Some(r) if from <= r.end => r.end = r.end.max(to),
            _ => out.push(from..to),
        }
    }
    out
}

/// An automaton over one literal from each rule glob that every path the
/// glob matches contains (its longest stretch without wildcards), or
/// `None` when a glob has none or uses classes or alternatives.
fn required_path_literals(
    rules: &RuleSet,
    kind: AhoCorasickKind,
) -> Option<aho_corasick::AhoCorasick> {
    let mut literals = Vec::new();
    for glob in rules.rules().iter().flat_map(|r| &r.paths) {
        if glob.contains(['[', ']', '{', '}', '\\']) {
            return None;
        }
        // `**/x` matches `x` at the root too: no slash is required there.
        let longest = glob
            .split(['*', '?'])
            .map(|piece| piece.trim_start_matches('/'))
            .max_by_key(|piece| piece.len())?;
        if longest.is_empty() {
            return None;
        }
        literals.push(longest.to_ascii_lowercase());
    }
    if literals.is_empty() {
        return None;
    }
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(kind))
        .build(&literals)
        .ok()
}

/// Per-thread reusable buffers, so the hot loop allocates nothing per chunk.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Keyword hits of the current chunk: (keyword, start, end).
    hits: Vec<(u32, usize, usize)>,
    windows: Vec<Window>,
    /// Indexes of the path globs the current file matched.
    globs: Vec<usize>,
    /// Rules whose `paths` the file [`Scratch::named`] matched, sorted.
    path_rules: Vec<u32>,
    /// The path `path_rules` were selected for: a file's name is matched
    /// against the globs once, not again per chunk or for deduplication.
    named: Option<String>,
    /// Per rule, its regex's capture slots, made on first use and reused.
    captures: Vec<Option<Captures>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    rule: u32,
    start: usize,
    end: usize,
}

/// The keywords among `patterns` that hold a quote or a slash, each spelt
/// with those characters backslash-escaped as in a JSON string; `None`
/// when there are none.
fn escaped_keywords(patterns: &[&str]) -> Option<aho_corasick::AhoCorasick> {
    let escaped: Vec<String> = patterns
        .iter()
        .filter(|k| k.contains(['"', '\'', '/']))
        .map(|k| {
            k.chars().fold(String::new(), |mut out, c| {
                if matches!(c, '"' | '\'' | '/') {
                    out.push('\\');
                }
                out.push(c);
                out
            })
        })
        .collect();
    if escaped.is_empty() {
        return None;
    }
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&escaped)
        .ok()
}

/// A glob set compiled on first use.
#[derive(Debug)]
struct LazyGlobs {
    builder: globset::GlobSetBuilder,
    set: OnceLock<Option<globset::GlobSet>>,
}

impl LazyGlobs {
    fn get(&self) -> Option<&globset::GlobSet> {
        self.set.get_or_init(|| self.builder.build().ok()).as_ref()
    }
}

/// Shared, read-only detection engine: build once, use from every thread.
#[derive(Debug)]
pub struct Detector {
    rules: Arc<RuleSet>,
    /// `None` when no rule has a keyword (an empty rule set).
    keywords: Option<Keywords>,
    /// For each keyword pattern id, the rules that listed it.
    keyword_rules: Vec<Vec<u32>>,
    /// Every rule's `paths` globs in one set (`None` when no rule has any),
    /// built when a path first needs it: most pre-commit scans never do.
    paths: Option<LazyGlobs>,
    /// For each glob in `paths`, the rule it belongs to.
    glob_rules: Vec<u32>,
    /// A literal each glob's matches contain (`settings` for
    /// `settings_*.py`): a path holding none is matched by no glob, which
    /// this says faster than the glob set (most files of a tree). `None`
    /// when some glob has no such literal.
    path_literals: Option<aho_corasick::AhoCorasick>,
    /// Per rule: an id shared by rules with the same `requires` literals
    /// (0: none), so a line is searched once for all of them.
    requires_ids: Vec<u32>,
    /// Per `requires` id, its literals' searchers.
    requires_finders: Vec<Vec<memchr::memmem::Finder<'static>>>,
    /// Per keyword id: a keyword of a rule reported at its whole match (the
    /// private key rules), whose hit may start a decorated key block.
    key_keywords: Vec<bool>,
    /// The keywords holding a quote or a slash, as a JSON string escapes
    /// them (`key\"`, `:\/\/`): what decides, with the hits of the line as
    /// written, whether a line of quoting escapes is worth decoding
    /// ([`Detector::may_hide_keyword`]). `None` when no keyword has one.
    escaped_keywords: Option<aho_corasick::AhoCorasick>,
}

impl Detector {
    /// Builds the keyword automaton for bulk scanning (a DFA: slower to
    /// build, fastest to run). Rule regexes are not compiled here; each
    /// compiles the first time one of its keywords is seen.
    pub fn new(rules: Arc<RuleSet>) -> Detector {
        Detector::build(rules, |k| Keywords::for_bulk(k), AhoCorasickKind::DFA)
    }

    /// A detector for a few hundred KB at most (a staged change, stdin): its
    /// automaton builds in about a third of the DFA's time, which is most of
    /// what such a scan spends, and runs a little slower per byte.
    pub fn for_small_input(rules: Arc<RuleSet>) -> Detector {
        Detector::build(
            rules,
            |k| Keywords::for_small_input(k),
            AhoCorasickKind::ContiguousNFA,
        )
    }

    /// `paths_kind`: the path-literal automaton's kind (a DFA searches every
    /// path of a tree fastest; an NFA builds fastest for a staged change).
    fn build(
        rules: Arc<RuleSet>,
        finder: fn(&[&str]) -> Option<Keywords>,
        paths_kind: AhoCorasickKind,
    ) -> Detector {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut keyword_rules: Vec<Vec<u32>> = Vec::new();
        for (ri, rule) in rules.rules().iter().enumerate() {
            for kw in &rule.keywords {
                let id = *index.entry(kw.as_str()).or_insert_with(|| {
                    patterns.push(kw.as_str());
                    keyword_rules.push(Vec::new());
                    patterns.len() - 1
                });
                if !keyword_rules[id].contains(&(ri as u32)) {
                    keyword_rules[id].push(ri as u32);
                }
            }
        }
        let keywords = finder(&patterns);
        let mut globs = globset::GlobSetBuilder::new();
        let mut glob_rules = Vec::new();
        for (ri, rule) in rules.rules().iter().enumerate() {
            for glob in &rule.paths {
                // Rule sets are validated when loaded: every glob parses.
                if let Ok(g) = crate::rules::path_glob(glob) {
                    globs.add(g);
                    glob_rules.push(ri as u32);
                }
            }
        }
        let mut requires_index: HashMap<&[String], u32> = HashMap::new();
        // Id 0: no literals.
        let mut requires_finders: Vec<Vec<memchr::memmem::Finder<'static>>> = vec![Vec::new()];
        let requires_ids = rules
            .rules()
            .iter()
            .map(|r| {
                if r.requires.is_empty() {
                    return 0;
                }
                let next = requires_index.len() as u32 + 1;
                *requires_index
                    .entry(r.requires.as_slice())
                    .or_insert_with(|| {
                        requires_finders.push(
                            r.requires
                                .iter()
                                .map(|lit| memchr::memmem::Finder::new(lit.as_bytes()).into_owned())
                                .collect(),
                        );
                        next
                    })
            })
            .collect();
        let paths = if glob_rules.is_empty() {
            None
        } else {
            Some(LazyGlobs {
                builder: globs,
                set: OnceLock::new(),
            })
        };
        let path_literals = required_path_literals(&rules, paths_kind);
        let key_keywords = keyword_rules
            .iter()
            .map(|ids| ids.iter().any(|&r| rules.get(r as usize).report_at_match))
            .collect();
        let escaped_keywords = escaped_keywords(&patterns);
        Detector {
            escaped_keywords,
            rules,
            keywords,
            keyword_rules,
            paths,
            glob_rules,
            path_literals,
            requires_ids,
            requires_finders,
            key_keywords,
        }
    }

    /// Whether `line` (a range of the content last detected in with
    /// `scratch`) holds a keyword as written or escaped in a JSON string:
    /// only then can decoding its quoting escapes (`\"` → `"`) give a rule
    /// something to read.
    pub(crate) fn may_hide_keyword(
        &self,
        content: &[u8],
        line: Range<usize>,
        scratch: &Scratch,
    ) -> bool {
        let first = scratch
            .hits
            .partition_point(|&(_, start, _)| start < line.start);
        scratch
            .hits
            .get(first)
            .is_some_and(|&(_, start, _)| start < line.end)
            || self
                .escaped_keywords
                .as_ref()
                .is_some_and(|k| k.is_match(&content[line]))
    }

    /// The rules that `path`'s name selects (their `paths` match it), sorted;
    /// kept in `scratch` for the scan of that file's content.
    pub(crate) fn rules_selected_by<'s>(&self, path: &str, scratch: &'s mut Scratch) -> &'s [u32] {
        self.select_by_name(path, scratch);
        &scratch.path_rules
    }

    /// Fills `scratch.path_rules` (sorted, unique) with the rules whose
    /// `paths` match `path`, unless they are already `path`'s.
    fn select_by_name(&self, path: &str, scratch: &mut Scratch) {
        if scratch.named.as_deref() == Some(path) {
            return;
        }
        let rules = &mut scratch.path_rules;
        rules.clear();
        let maybe = |path: &str| self.path_literals.as_ref().is_none_or(|l| l.is_match(path));
        let set = self
            .paths
            .as_ref()
            .filter(|_| maybe(path))
            .and_then(LazyGlobs::get);
        if let Some(set) = set {
            let globs = &mut scratch.globs;
            set.matches_into(crate::rules::path_for_globs(path).as_ref(), globs);
            rules.extend(globs.iter().map(|&g| self.glob_rules[g]));
            rules.sort_unstable();
            rules.dedup();
        }
        let named = scratch.named.get_or_insert_with(String::new);
        named.clear();
        named.push_str(path);
    }

    /// The rules this detector runs.
    pub(crate) fn rules(&self) -> &Arc<RuleSet> {
        &self.rules
    }

    /// Appends to `out` every candidate secret in `data`, in no particular
    /// order. Rules that are selected by file name do not run: see
    /// [`Detector::detect_in`].
    pub fn detect(&self, data: &[u8], scratch: &mut Scratch, out: &mut Vec<Candidate>) {
        self.detect_in(None, data, scratch, out)
    }

    /// [`Detector::detect`] for the content of the file at `path` (forward
    /// slashes): rules with `paths` run too when one of their globs matches
    /// it, and a JSON, YAML, XML, TOML, CSV or HTML file is also read as key → value
    /// pairs ([`structured`]). The path is only a name here; nothing is
    /// read from it. `data` must be the whole file for the pairs to be read
    /// (a chunk of a larger one is not parsed: see [`structured::MAX_PARSED`]).
    pub fn detect_in(
        &self,
        path: Option<&str>,
        data: &[u8],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
    ) {
        let first = out.len();
        // A test fixture's archive is a test fixture; but what a member's
        // name selects (rules by file name, the format read as pairs) is
        // from its own path: `dist/app.zip!config/.env` is a `.env` file.
        let example_place = path.is_some_and(filters::is_docs_or_tests);
        let path = path.map(member_path);
        self.detect_lines(path, example_place, data, scratch, out);
        // Only a file in which some rule's keyword occurs can hold a pair
        // a rule would take.
        if scratch.hits.is_empty() {
            return;
        }
        let key_blocks: Vec<usize> = scratch
            .hits
            .iter()
            .filter(|&&(keyword, start, _)| {
                self.key_keywords[keyword as usize]
                    && start >= 5
                    && &data[start - 5..start] == b"-----"
            })
            .map(|&(_, start, _)| start - 5)
            .collect();
        if let Some(format) = path.and_then(structured::Format::of_path) {
            self.detect_pairs(format, example_place, data, scratch, out, first);
        }
        if !key_blocks.is_empty() {
            self.detect_decorated_keys(&key_blocks, example_place, data, scratch, out, first);
        }
    }

    /// Rebuilds the key blocks starting at `begins` whose lines are
    /// decorated ([`pem`]) and adds what the key rules find in them,
    /// covering the original block, unless the line scan found the key.
    fn detect_decorated_keys(
        &self,
        begins: &[usize],
        example_place: bool,
        data: &[u8],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
        first: usize,
    ) {
        let mut found = Vec::new();
        for &begin in begins {
            let Some(block) = pem::rebuild(data, begin) else {
                continue;
            };
            let seen = out[first..]
                .iter()
                .any(|c| c.matched.start < block.block.end && block.block.start < c.matched.end);
            if seen {
                continue;
            }
            found.clear();
            self.detect_lines(None, example_place, &block.text, scratch, &mut found);
            if let Some(c) = found
                .iter()
                .find(|c| self.rules.get(c.rule).report_at_match)
            {
                out.push(Candidate {
                    rule: c.rule,
                    matched: block.block.clone(),
                    secret: block.body.clone(),
                    entropy: c.entropy,
                    unverified: c.unverified,
                });
            }
        }
    }

    /// Scans the normalized pairs of a structured file and adds, mapped back
    /// to the file, what the line scan (`out[first..]`) did not already find.
    fn detect_pairs(
        &self,
        format: structured::Format,
        example_place: bool,
        data: &[u8],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
        first: usize,
    ) {
        if data.len() > structured::MAX_PARSED {
            return;
        }
        let near = hit_neighbourhoods(data, &scratch.hits, format.lines_after_a_name());
        let Some(pairs) = structured::Normalized::of_around(format, data, &near) else {
            return;
        };
        let mut found = Vec::new();
        self.detect_lines(None, example_place, &pairs.text, scratch, &mut found);
        let seen: Vec<Range<usize>> = out[first..].iter().map(|c| c.secret.clone()).collect();
        for c in found {
            let Some(secret) = pairs.file_span(&c.secret) else {
                continue;
            };
            // A value the line rules found, or found part of, is theirs.
            let overlaps = seen
                .iter()
                .any(|s| s.start < secret.end && secret.start < s.end && *s != secret);
            if overlaps {
                continue;
            }
            out.push(Candidate {
                rule: c.rule,
                matched: secret.clone(),
                secret,
                entropy: c.entropy,
                unverified: c.unverified,
            });
        }
    }

    /// The line scan: keyword hits select rules, each run in windows.
    /// `example_place`: the file is documentation or a test, where a weak
    /// default password is an example ([`filters::is_weak_default`]).
    fn detect_lines(
        &self,
        path: Option<&str>,
        example_place: bool,
        data: &[u8],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
    ) {
        scratch.windows.clear();
        match path {
            Some(path) => self.select_by_name(path, scratch),
            None => {
                scratch.path_rules.clear();
                scratch.named = None;
            }
        }
        // Rules without keywords run over the whole file their name selects.
        for &rule in &scratch.path_rules {
            if self.rules.get(rule as usize).keywords.is_empty() {
                scratch.windows.push(Window {
                    rule,
                    start: 0,
                    end: data.len(),
                });
            }
        }
        // Hits are collected first and turned into windows after the walk:
        // window building inside the walk's callback slowed the walk itself.
        scratch.hits.clear();
        if let Some(keywords) = &self.keywords {
            keywords.for_each_hit(data, |keyword, start, end| {
                scratch.hits.push((keyword as u32, start, end));
            });
        }
        // In order of start, so the line of one hit serves the next hits
        // on it (a minified file is one long line with many hits).
        scratch.hits.sort_unstable_by_key(|&(_, start, _)| start);
        let mut line = HitLine::default();
        // The last `requires` check: (line start, which literals) → met.
        let mut memo: Option<((usize, usize, usize), bool)> = None;
        for &(keyword, start, end) in &scratch.hits {
            for &rule in &self.keyword_rules[keyword as usize] {
                let selected = self.rules.get(rule as usize);
                // A rule with `paths` runs only where the file's name selected it.
                if !selected.paths.is_empty() && scratch.path_rules.binary_search(&rule).is_err() {
                    continue;
                }
                let requires_id = self.requires_ids[rule as usize] as usize;
                if requires_id != 0 {
                    // Checked on the keyword's line before anything else:
                    // rules that key on a common word (`token`, `://`)
                    // mostly stop here, uncompiled and without a window.
                    line.find(data, start, end);
                    let from = line.from.max(start.saturating_sub(REQUIRES_REACH));
                    let to = line
                        .to
                        .min(end.saturating_add(REQUIRES_REACH))
                        .min(data.len());
                    let key = (from, to, requires_id);
                    let met = match memo {
                        Some((k, met)) if k == key => met,
                        _ => {
                            let met =
                                requires_met(&data[from..to], &self.requires_finders[requires_id]);
                            memo = Some((key, met));
                            met
                        }
                    };
                    if !met {
                        continue;
                    }
                }
                let compiled = self.rules.get(rule as usize).compiled();
                let radius = compiled.radius;
                let mut window = Window {
                    rule,
                    start: start.saturating_sub(radius),
                    end: (end + radius).min(data.len()),
                };
                if compiled.single_line {
                    // Its matches cannot cross a line feed: a match that
                    // the hit could select is on the hit's line.
                    line.find(data, start, end);
                    window.start = window.start.max(line.from);
                    window.end = window.end.min(line.to);
                }
                scratch.windows.push(window);
            }
        }
        if scratch.windows.is_empty() {
            return;
        }
        scratch
            .windows
            .sort_unstable_by_key(|w| (w.rule, w.start, w.end));
        let mut current: Option<Window> = None;
        for &w in &scratch.windows {
            match &mut current {
                Some(c) if c.rule == w.rule && w.start <= c.end => c.end = c.end.max(w.end),
                _ => {
                    if let Some(c) = current.take() {
                        self.run_rule(c, example_place, data, &mut scratch.captures, out);
                    }
                    current = Some(w);
                }
            }
        }
        if let Some(c) = current {
            self.run_rule(c, example_place, data, &mut scratch.captures, out);
        }
    }

    /// Runs one rule's regex over one merged window. The haystack is cut at the
    /// window's end but not its start, so look-behind context (`\b`) is right.
    fn run_rule(
        &self,
        window: Window,
        example_place: bool,
        data: &[u8],
        captures: &mut Vec<Option<Captures>>,
        out: &mut Vec<Candidate>,
    ) {
        let rule = self.rules.get(window.rule as usize);
        let compiled = rule.compiled();
        let index = window.rule as usize;
        if captures.len() <= index {
            captures.resize_with(self.rules.len().max(index + 1), || None);
        }
        let caps = captures[index].get_or_insert_with(|| compiled.regex.create_captures());
        let group = |caps: &Captures, i: usize| caps.get_group(i).map(|s| s.range());
        let hay = &data[..window.end];
        let mut pos = window.start;
        while pos < hay.len() {
            compiled
                .regex
                .search_captures(&regex_automata::Input::new(hay).range(pos..), caps);
            let Some(whole) = caps.get_match() else {
                break;
            };
            let whole = whole.range();
            pos = if whole.end > whole.start {
                whole.end
            } else {
                whole.end + 1
            };
            let Some(secret) = group(caps, compiled.secret_group) else {
                continue;
            };
            if rule.extract == Some(crate::rules::Extract::SqlInsertColumns) {
                // The secret group holds the VALUES tuples; report the
                // values of the columns that hold credentials.
                let names = compiled
                    .columns_group
                    .and_then(|g| group(caps, g))
                    .map(|c| sql::column_names(&data[c]))
                    .unwrap_or_default();
                let wanted: Vec<usize> = names
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| filters::column_holds_secret(n))
                    .map(|(i, _)| i)
                    .collect();
                let tuples = &data[secret.clone()];
                let spans = if !names.is_empty() {
                    sql::tuple_values(tuples, &wanted)
                } else if sql::names_account_table(&data[whole.start..secret.start]) {
                    // No column list (mysqldump's default) into a table
                    // of accounts: the values shaped like password digests.
                    sql::tuple_values_where(tuples, |_, v| sql::is_hex_digest(v))
                } else {
                    Vec::new()
                };
                for r in spans {
                    let span = secret.start + r.start..secret.start + r.end;
                    if let Some(accepted) =
                        self.accepts(rule, example_place, data, whole.start, span.clone())
                    {
                        out.push(Candidate {
                            rule: window.rule as usize,
                            matched: whole.clone(),
                            secret: span,
                            entropy: accepted.entropy,
                            unverified: accepted.unverified,
                        });
                    }
                }
                continue;
            }
            let Some(accepted) =
                self.accepts(rule, example_place, data, whole.start, secret.clone())
            else {
                // A rejected "value" that is a key (`"pw_hint", "password":
                // "…"`: a colon or `=` follows it) may start the real
                // match: search again from inside it.
                let next = data[whole.end..]
                    .iter()
                    .take(4)
                    .find(|b| !matches!(b, b' ' | b'\t'));
                if matches!(next, Some(b':' | b'=')) {
                    pos = pos.min(secret.start.max(whole.start + 1));
                }
                continue;
            };
            out.push(Candidate {
                rule: window.rule as usize,
                matched: whole,
                secret,
                entropy: accepted.entropy,
                unverified: accepted.unverified,
            });
        }
    }

    /// Whether a captured value passes the look-alike, entropy and named
    /// filters of its rule; its entropy when it does. `match_start`: where
    /// the rule's whole match starts (a value on the line after its name
    /// is judged with that name).
    fn accepts(
        &self,
        rule: &crate::rules::Rule,
        example_place: bool,
        data: &[u8],
        match_start: usize,
        secret: Range<usize>,
    ) -> Option<Accepted> {
        let bytes = &data[secret.clone()];
        let lookalike = match lookalike::classify(bytes) {
            Some(lookalike::Lookalike::Placeholder) if !rule.placeholder_markers => {
                lookalike::has_regular_run(bytes)
            }
            other => other.is_some(),
        };
        if bytes.is_empty() || lookalike {
            return None;
        }
        let entropy = entropy::shannon(bytes);
        if rule.entropy.is_some_and(|min| entropy < min) {
            return None;
        }
        let unverified = match rule.check {
            Some(check) if !check.passes(bytes) => {
                if !check.reports_failures(bytes) {
                    return None;
                }
                true
            }
            _ => false,
        };
        if !rule.filters.is_empty() {
            // The value's line before it, for filters that compare the
            // value with its key; from the start of the match's line when
            // the match began on an earlier line with its name (a call's
            // `"NAME",` argument and its opening quote come before it).
            let mut line_start = line_start_within(data, secret.start, filters::LINE_BEFORE_MAX);
            if match_start < line_start
                && line_start - match_start <= filters::LINE_BEFORE_MAX
                && data[match_start..line_start]
                    .iter()
                    .any(|b| !b.is_ascii_whitespace())
            {
                line_start = line_start_within(data, match_start, filters::LINE_BEFORE_MAX);
                // ... and with the line before that: a call spread over
                // lines opens there (`os.environ.get(` / `"NAME",` / `"…"`).
                if line_start > 0 {
                    let previous =
                        line_start_within(data, line_start - 1, filters::LINE_BEFORE_MAX);
                    if secret.start - previous <= 2 * filters::LINE_BEFORE_MAX {
                        line_start = previous;
                    }
                }
            }
            let before = &data[line_start..secret.start];
            if rule.filters.iter().any(|f| f.rejects(bytes, before)) {
                return None;
            }
            // `password123` in a test or a README is an example; in a
            // server's config it is the password.
            if (example_place || filters::is_doc_comment(before))
                && rule.filters.contains(&crate::rules::Filter::NotPlaceholder)
                && filters::is_weak_default(bytes)
            {
                return None;
            }
        }
        Some(Accepted {
            entropy,
            unverified,
        })
    }
}

/// A captured value the rule's filters let through.
struct Accepted {
    entropy: f64,
    unverified: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{parse_rule_file, RuleSet};

    fn detector(toml: &str) -> Detector {
        Detector::new(Arc::new(
            RuleSet::new(parse_rule_file("t.toml", toml).unwrap()).unwrap(),
        ))
    }

    const RULES: &str = r#"
[[rules]]
id = "tok"
name = "Token"
severity = "high"
keywords = ["tok_"]
regex = '''\b(?P<secret>tok_[A-Za-z0-9]{12})\b'''

[[rules]]
id = "ctx"
name = "Context secret"
severity = "medium"
keywords = ["mysecret"]
regex = '''mysecret\s*=\s*"(?P<secret>[A-Za-z0-9]{16})"'''
entropy = 3.0
"#;

    fn find(d: &Detector, data: &[u8]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        d.detect(data, &mut Scratch::default(), &mut out);
        out.sort_by_key(|c| c.secret.start);
        out.iter()
            .map(|c| {
                (
                    d.rules().get(c.rule).id.clone(),
                    String::from_utf8_lossy(&data[c.secret.clone()]).into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_prefixed_tokens_case_insensitively() {
        let d = detector(RULES);
        let hits = find(&d, b"a = TOK_Ab3dE9gH1jK2\nb = tok_Zz9Yy8Xx7Ww6 tok_short");
        assert_eq!(hits.len(), 1, "{hits:?}"); // regex itself is case-sensitive
        assert_eq!(hits[0].1, "tok_Zz9Yy8Xx7Ww6");
    }

    #[test]
    fn word_boundary_uses_context_before_window() {
        let d = detector(RULES);
        let mut data = vec![b'x'; 100];
        data.extend_from_slice(b"tok_Zz9Yy8Xx7Ww6");
        assert!(find(&d, &data).is_empty(), "embedded token must not match");
    }

    #[test]
    fn entropy_gate_and_lookalikes() {
        let d = detector(RULES);
        assert_eq!(find(&d, br#"mysecret = "Qw3rTy7uI9oP2aS5""#).len(), 1);
        assert!(
            find(&d, br#"mysecret = "aAbBaAbBaAbBaAbB""#).is_empty(),
            "low entropy"
        );
        assert!(find(&d, b"tok_aaaaaaaaaaaa").is_empty(), "regular run");
    }

    #[test]
    fn many_hits_in_one_long_line() {
        let d = detector(RULES);
        let mut data = Vec::new();
        for i in 0..1000 {
            data.extend_from_slice(format!("tok_Zz9Yy8Xx{i:04} ").as_bytes());
        }
        assert_eq!(find(&d, &data).len(), 1000);
    }

    #[test]
    fn overlapping_and_prefix_keywords_all_select_their_rules() {
        let d = detector(
            r#"
[[rules]]
id = "short"
name = "Short prefix"
severity = "low"
keywords = ["ab_"]
regex = '''(?P<secret>ab_[0-9]{6})'''

[[rules]]
id = "long"
name = "Long prefix"
severity = "low"
keywords = ["ab_cd_"]
regex = '''(?P<secret>ab_cd_[0-9]{6})'''

[[rules]]
id = "overlap"
name = "Overlapping keyword"
severity = "low"
keywords = ["cd_e"]
regex = '''(?P<secret>cd_e[0-9]{6})'''
"#,
        );
        let ids: Vec<String> = find(&d, b"x ab_123456 ab_cd_123456 ab_cd_e123456")
            .into_iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(ids, vec!["short", "long", "overlap"]);
    }

    #[test]
    fn single_line_rules_find_matches_anywhere_on_the_hit_line() {
        let d = detector(
            r#"
[[rules]]
id = "env"
name = "Env token"
severity = "low"
keywords = ["token"]
regex = '''(?m)^[a-z_]{0,20}token[ \t]*=[ \t]*(?P<secret>[A-Za-z0-9]{16})[ \t]*\r?$'''
"#,
        );
        assert!(d.rules().get(0).compiled().single_line);
        let pad = " ".repeat(3000);
        let data = format!(
            "my_token = Qw3rTy7uI9oP2aS5\r\nx\nlong_token = Zx8cVb2nM4kL6jH1{pad}\nlast_token=Lk9Jh8Gf7Ds6Aa5P"
        );
        let secrets: Vec<String> = find(&d, data.as_bytes()).into_iter().map(|h| h.1).collect();
        assert_eq!(
            secrets,
            ["Qw3rTy7uI9oP2aS5", "Zx8cVb2nM4kL6jH1", "Lk9Jh8Gf7Ds6Aa5P"]
        );
    }

    #[test]
    fn long_lines_share_their_line_without_cutting_later_windows_short() {
        // Unbounded (`[ ]*`), so its windows reach 4 KB; single-line.
        let d = detector(
            r#"
[[rules]]
id = "spaced"
name = "Spaced token"
severity = "low"
keywords = ["token"]
regex = '''token[ ]*=[ ]*(?P<secret>[A-Za-z0-9]{16})'''
"#,
        );
        assert!(d.rules().get(0).compiled().single_line);
        // One 60 KB line: a hit at the start finds the line (no line feed
        // within reach), and a hit near 15 KB whose match ends past the
        // first hit's reach must still be found whole.
        let mut line = String::from("token=Qw3rTy7uI9oP2aS5;");
        line.push_str(&"x".repeat(15_000 - line.len()));
        line.push_str(&format!("token{}=Zx8cVb2nM4kL6jH1;", " ".repeat(3000)));
        line.push_str(&"y".repeat(60_000 - line.len()));
        line.push_str("token = Lk9Jh8Gf7Ds6Aa5P");
        let secrets: Vec<String> = find(&d, line.as_bytes()).into_iter().map(|h| h.1).collect();
        assert_eq!(
            secrets,
            ["Qw3rTy7uI9oP2aS5", "Zx8cVb2nM4kL6jH1", "Lk9Jh8Gf7Ds6Aa5P"]
        );
    }

    #[test]
    fn path_literals_keep_every_glob_match_and_skip_the_rest() {
        let d = detector(
            r#"
[[rules]]
id = "by-name"
name = "n"
description = "d"
severity = "high"
keywords = []
paths = ["settings_*.py", "**/.aws/config", "**/settings/*.py", "*.tfvars"]
regex = '''pw=(?P<secret>\w{4,})'''
examples = []
negative_examples = []
"#,
        );
        assert!(d.path_literals.is_some());
        let mut scratch = Scratch::default();
        for (path, selected) in [
            ("app/settings_prod.py", true),
            ("App/Settings_Prod.py", true),
            (".aws/config", true),
            ("home/u/.aws/config", true),
            ("proj/settings/base.py", true),
            ("prod.tfvars", true),
            ("src/app.py", false),
            ("aws/config", false),
        ] {
            assert_eq!(
                !d.rules_selected_by(path, &mut scratch).is_empty(),
                selected,
                "{path}"
            );
        }
    }

    #[test]
    fn no_keywords_no_work() {
        let d = detector(RULES);
        assert!(find(&d, b"nothing to see here").is_empty());
        let empty = Detector::new(Arc::new(RuleSet::default()));
        assert!(find(&empty, b"tok_Zz9Yy8Xx7Ww6").is_empty());
    }
}
