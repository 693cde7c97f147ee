//! The finding model: what a report says about one leaked credential.

use super::{Confidence, Encoding, Severity, Verdict};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A secret value. Its `Debug` and `Display` never show the value, so it
/// cannot leak through logs, errors or panics; the value is reachable only
/// through [`Secret::expose`], which report writers call under `--no-redact`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Secret(String);

/// Characters of a secret that a redacted preview shows.
pub use crate::text::PREVIEW_CHARS;

impl Secret {
    /// Wraps a value found in scanned content (invalid UTF-8 is replaced).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Secret {
        Secret(String::from_utf8_lossy(bytes).into_owned())
    }

    /// The value in clear. Only for `--no-redact` output and fingerprinting.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The redacted preview: the first four characters, then `…`.
    pub(crate) fn preview(&self) -> String {
        crate::text::preview(&self.0)
    }

    /// Length in characters.
    pub(crate) fn char_len(&self) -> usize {
        self.0.chars().count()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.preview())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.preview())
    }
}

/// Names a leak without containing it, stable across runs, lines and files
/// (baselines and SARIF use it). Made by [`Fingerprint::new`] as
/// `sha256(rule_id + secret)`, the identity a scan uses in memory, then
/// sealed before it is reported (keyed or Argon2id: see
/// [`super::fingerprint`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// Fingerprint of `secret` as found by rule `rule_id`.
    pub(crate) fn new(rule_id: &str, secret: &Secret) -> Fingerprint {
        let mut h = Sha256::new();
        h.update(rule_id.as_bytes());
        h.update(secret.expose().as_bytes());
        Fingerprint(hex::encode(h.finalize()))
    }

    /// Wraps a fingerprint read back from a report.
    pub(crate) fn from_hex(hex: String) -> Fingerprint {
        Fingerprint(hex)
    }

    /// The hex string.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where in a file a finding is: 1-based lines and columns (characters);
/// `end_column` is one past the secret's last character, as in SARIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Line of the secret's first character.
    pub line: u64,
    /// Column of the secret's first character.
    pub column: u64,
    /// Line of the secret's last character.
    pub(crate) end_line: u64,
    /// Column just past the secret's last character.
    pub(crate) end_column: u64,
}

/// The commit that introduced a finding, when scanning git history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommitInfo {
    /// Full hex commit id.
    pub(crate) id: String,
    /// "Name <email>".
    pub(crate) author: String,
    /// Author date, RFC 3339.
    pub(crate) date: String,
}

/// One leaked credential.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule that found it.
    pub rule_id: String,
    /// The rule's human name.
    pub(crate) rule_name: String,
    /// Severity (possibly raised by the vault cross-check).
    pub severity: Severity,
    /// How likely it is a real credential (rule, value and place).
    pub(crate) confidence: Confidence,
    /// Path as the user would type it from where the scan started, forward
    /// slashes (`src/app.py` when `src` was scanned).
    pub(crate) path: String,
    /// Path relative to the repository's top (or the scanned root outside
    /// a repository): what allowlists, baselines and SARIF match and show.
    pub(crate) repo_path: String,
    /// Position of the secret.
    pub span: Span,
    /// The value. Never printed unless `--no-redact`.
    pub(crate) secret: Secret,
    /// Shannon entropy of the secret, bits per byte.
    pub(crate) entropy: f64,
    /// Its fingerprint: the identity while scanning, sealed when reported.
    pub(crate) fingerprint: Fingerprint,
    /// The line the secret is on, with the secret replaced by its preview.
    pub(crate) context: String,
    /// The introducing commit, for history scans.
    pub(crate) commit: Option<CommitInfo>,
    /// For history scans: whether the blob holding the secret is in HEAD's
    /// tree (still present) or only in history.
    pub(crate) in_head: Option<bool>,
    /// The vault's verdict, when a vault was consulted.
    pub(crate) vault: Option<Verdict>,
    /// Its line carries a `leakguard:allow` marker: suppression drops it
    /// and counts it, like an allowlisted one.
    pub(crate) allowed_inline: bool,
    /// The encodings undone to find it, outermost first (`[base64]`,
    /// `[base64, percent]`); empty when it was found as written.
    pub(crate) decoded: Vec<Encoding>,
    /// The repository it was found in, in a merged report (`report
    /// merge`); `None` in a scan's own report.
    pub(crate) repository: Option<String>,
}

impl Finding {
    /// The order reports use: most severe first, then path, line, column, rule.
    pub(crate) fn sort_key(&self) -> impl Ord + '_ {
        (
            std::cmp::Reverse(self.severity),
            &self.repository,
            &self.path,
            self.span,
            &self.rule_id,
            &self.commit,
        )
    }

    /// Two findings are the same leak at the same place (dedup key).
    pub(crate) fn identity(&self) -> impl Eq + std::hash::Hash + '_ {
        (
            &self.repository,
            &self.rule_id,
            &self.path,
            self.span,
            &self.fingerprint,
            self.commit.as_ref().map(|c| &c.id),
        )
    }
}

/// Why files were not scanned, so a clean result can be trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skipped {
    /// Files that looked binary (NUL byte near the start).
    pub(crate) binary: u64,
    /// Files over `--max-file-size`.
    pub(crate) too_large: u64,
    /// Files or directories that could not be read.
    pub(crate) unreadable: u64,
    /// Symlinks (not followed), FIFOs, sockets and devices.
    pub(crate) not_regular: u64,
}

impl Stats {
    /// Adds another scan's coverage into this one (a merged report): counts
    /// add up, the rule count is the largest.
    pub(crate) fn add(&mut self, other: &Stats) {
        self.files += other.files;
        self.archives += other.archives;
        self.bytes += other.bytes;
        self.duplicates += other.duplicates;
        let sum = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
        self.blobs = sum(self.blobs, other.blobs);
        self.commits = sum(self.commits, other.commits);
        self.duration_ms += other.duration_ms;
        self.skipped.add(&other.skipped);
        let (s, o) = (&mut self.suppressed, &other.suppressed);
        s.allowlist += o.allowlist;
        s.baseline += o.baseline;
        s.inline += o.inline;
        s.low_confidence += o.low_confidence;
        self.rules = self.rules.max(other.rules);
    }
}

impl Skipped {
    /// Adds another tally into this one.
    pub(crate) fn add(&mut self, other: &Skipped) {
        self.binary += other.binary;
        self.too_large += other.too_large;
        self.unreadable += other.unreadable;
        self.not_regular += other.not_regular;
    }
}

/// Findings removed by team decisions, by kind, so nothing vanishes silently.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Suppressed {
    /// By an allowlist in the configuration.
    pub(crate) allowlist: u64,
    /// By the baseline (or an imported ignore file).
    pub(crate) baseline: u64,
    /// By a `leakguard:allow` marker on the finding's line (for a private
    /// key: anywhere in its block, or on the line above it).
    pub(crate) inline: u64,
    /// Below `--min-confidence`.
    pub(crate) low_confidence: u64,
}

/// What a scan covered. Its keys, in this order, are the JSON report's
/// `stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stats {
    /// Files (or stdin) whose content was scanned; members of archives
    /// count as files.
    pub(crate) files: u64,
    /// Archives and compressed files opened (nested ones included).
    pub(crate) archives: u64,
    /// Bytes of content scanned.
    pub(crate) bytes: u64,
    /// Files (and archive members) whose content equals one scanned
    /// before them: counted in `files` and `bytes` and reported, but not
    /// scanned a second time.
    pub(crate) duplicates: u64,
    /// Unique git blobs scanned (history scans only).
    pub(crate) blobs: Option<u64>,
    /// Commits walked (history scans only).
    pub(crate) commits: Option<u64>,
    /// Wall time of the scan.
    pub(crate) duration_ms: u64,
    /// What was not scanned, and why.
    pub(crate) skipped: Skipped,
    /// Findings suppressed by allowlists and baselines.
    pub(crate) suppressed: Suppressed,
    /// Number of rules that were active.
    pub(crate) rules: usize,
}

/// What a report says about a rule that fired (SARIF's reportingDescriptor).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    /// Stable rule id.
    pub(crate) id: String,
    /// Human name of the credential type.
    pub(crate) name: String,
    /// What the credential is and what a leak allows.
    pub(crate) description: String,
    /// The rule's severity.
    pub(crate) severity: Severity,
    /// Where the token format is documented.
    pub(crate) references: Vec<String>,
}

/// The repository a history scan covered (SARIF versionControlProvenance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VcsInfo {
    /// The `origin` remote's URL, or a file:// URL of the repository.
    pub(crate) repository_uri: String,
    /// HEAD's commit id, if any.
    pub(crate) revision_id: Option<String>,
    /// HEAD's branch name, if on one.
    pub(crate) branch: Option<String>,
}

/// The result of a scan: findings in report order, stats, and warnings for
/// problems that did not stop the scan (each one line, no secrets).
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The rules that produced at least one finding, in rule-set order.
    pub(crate) rules: Vec<RuleInfo>,
    /// The repository, for history and staged scans.
    pub(crate) vcs: Option<VcsInfo>,
    /// What the scan covered and when.
    pub(crate) scanned: super::Scanned,
    /// Findings, sorted by [`Finding::sort_key`] and deduplicated.
    pub findings: Vec<Finding>,
    /// Coverage.
    pub(crate) stats: Stats,
    /// Per-file problems, one line each.
    pub warnings: Vec<String>,
    /// What `-v` adds, one line each: the files skipped as too large.
    pub notes: Vec<String>,
    /// The absolute directory [`Finding::repo_path`]s are relative to (the
    /// repository's top, or the scanned root outside one): SARIF's
    /// `%SRCROOT%`.
    pub(crate) source_root: Option<std::path::PathBuf>,
    /// How the findings' fingerprints were made (none before sealing).
    pub(crate) fingerprints: Option<super::fingerprint::Scheme>,
}

impl Report {
    /// Sorts findings into report order, removes identical ones, and masks
    /// every finding's secret in every finding's context (see `mask_contexts`).
    pub(crate) fn normalize(&mut self) {
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut seen = std::collections::HashSet::new();
        let keep: Vec<bool> = self
            .findings
            .iter()
            .map(|f| seen.insert(f.identity()))
            .collect();
        drop(seen);
        let mut keep = keep.into_iter();
        self.findings.retain(|_| keep.next().unwrap_or(true));
        self.mask_contexts();
    }

    /// Replaces every finding's secret by its preview wherever it appears in
    /// any finding's context. The filter stage masks a finding's own secret on
    /// its own line, but two secrets on one line (`KEY_ID=… SECRET=…`), or a
    /// value that sits unmatched beside another finding elsewhere, would
    /// otherwise be printed in clear in the other finding's context. One
    /// automaton over all secrets keeps this linear in the contexts' length.
    /// Each replacement shortens a context (a preview is shorter than any
    /// secret masked here; shorter ones are shown whole by their preview
    /// anyway), so the loop ends.
    pub(crate) fn mask_contexts(&mut self) {
        self.mask_whole_secrets();
        self.mask_cut_neighbours();
    }

    fn mask_whole_secrets(&mut self) {
        let mut secrets: Vec<&Secret> = self
            .findings
            .iter()
            .map(|f| &f.secret)
            .filter(|s| s.char_len() > PREVIEW_CHARS + 1)
            .collect();
        secrets.sort();
        secrets.dedup();
        if secrets.is_empty() {
            return;
        }
        let values: Vec<&str> = secrets.iter().map(|s| s.expose()).collect();
        let previews: Vec<String> = secrets.iter().map(|s| s.preview()).collect();
        // An NFA: the automatic choice, a DFA for a few dozen secrets,
        // took longer to build than a whole scan of a small tree, for a
        // search over a few short contexts.
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&values)
            .expect("an automaton over a report's secrets always builds");
        let mut contexts: Vec<String> = self.findings.iter().map(|f| f.context.clone()).collect();
        for context in &mut contexts {
            while automaton.is_match(context.as_str()) {
                *context = automaton.replace_all(context, &previews);
            }
        }
        for (f, context) in self.findings.iter_mut().zip(contexts) {
            f.context = context;
        }
    }

    /// A neighbour on the same line may also be cut off at the context's
    /// edge (each context is trimmed around its own secret): masks the piece.
    fn mask_cut_neighbours(&mut self) {
        // A neighbour can only be cut at a context's edge if it sits within
        // a context's reach of the secret: looking only there keeps a line
        // with thousands of findings (a minified bundle, a dump's INSERT)
        // linear instead of comparing every pair.
        const REACH: u64 = 1024;
        let mut by_line: std::collections::HashMap<(&str, u64), Vec<usize>> = Default::default();
        for (i, f) in self.findings.iter().enumerate() {
            // Every line a secret covers (multi-line secrets: keys).
            for line in f.span.line..=f.span.end_line {
                by_line.entry((f.path.as_str(), line)).or_default().push(i);
            }
        }
        let column_on = |f: &Finding, line: u64| {
            if f.span.line == line {
                f.span.column
            } else {
                1
            }
        };
        for (&(_, line), members) in by_line.iter_mut() {
            members.sort_by_key(|&j| column_on(&self.findings[j], line));
        }
        let mut masked: Vec<(usize, String)> = Vec::new();
        for (i, f) in self.findings.iter().enumerate() {
            let line = f.span.line;
            let Some(neighbours) = by_line.get(&(f.path.as_str(), line)) else {
                continue;
            };
            let from = f.span.column.saturating_sub(REACH);
            let to = f.span.end_column + REACH;
            let first = neighbours.partition_point(|&j| column_on(&self.findings[j], line) < from);
            let mut context = f.context.clone();
            for &j in neighbours[first..]
                .iter()
                .take_while(|&&j| column_on(&self.findings[j], line) <= to)
                .filter(|&&j| j != i)
            {
                if self.findings[j].secret != f.secret {
                    context = mask_cut_edges(&context, &self.findings[j].secret);
                }
            }
            if context != f.context {
                masked.push((i, context));
            }
        }
        for (i, context) in masked {
            self.findings[i].context = context;
        }
    }
}

/// `context` with a piece of `secret` cut off at either edge masked: a
/// suffix of it that starts the context becomes `…`, a prefix longer than
/// the preview that ends it becomes the preview.
fn mask_cut_edges(context: &str, secret: &Secret) -> String {
    let chars: Vec<char> = secret.expose().chars().collect();
    let mut out = context.to_string();
    // Longest proper suffix of the secret that starts the context.
    for k in (PREVIEW_CHARS..chars.len()).rev() {
        let suffix: String = chars[chars.len() - k..].iter().collect();
        if let Some(rest) = out.strip_prefix(&suffix) {
            out = format!("…{rest}");
            break;
        }
    }
    // Longest proper prefix longer than the preview that ends it.
    for k in (PREVIEW_CHARS + 1..chars.len()).rev() {
        let prefix: String = chars[..k].iter().collect();
        if let Some(head) = out.strip_suffix(&prefix) {
            out = format!("{head}{}", secret.preview());
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_is_redacted() {
        let s = Secret::from_bytes(b"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");
        assert_eq!(format!("{s:?}"), "Secret(ghp_…)");
        assert_eq!(format!("{s}"), "ghp_…");
    }

    /// Issue #8 (found by the `report_round_trip` fuzz target): with two
    /// secrets on one line, each finding's context showed the other secret.
    #[test]
    fn issue_8_contexts_mask_the_other_findings_secrets() {
        let finding = |secret: &str, context: &str| Finding {
            rule_id: "r".into(),
            rule_name: "R".into(),
            severity: Severity::High,
            confidence: crate::model::Confidence::High,
            path: "a.env".into(),
            repo_path: "a.env".into(),
            allowed_inline: false,
            decoded: Vec::new(),
            span: Span {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 2,
            },
            secret: Secret::from_bytes(secret.as_bytes()),
            entropy: 4.0,
            fingerprint: Fingerprint::new("r", &Secret::from_bytes(secret.as_bytes())),
            context: context.into(),
            commit: None,
            in_head: None,
            vault: None,
            repository: None,
        };
        let mut report = Report {
            findings: vec![
                finding("Qw3rTy7uI9oP", "ID=Qw3r\u{2026} KEY=Zx8cVb2nM4lK"),
                finding("Zx8cVb2nM4lK", "ID=Qw3rTy7uI9oP KEY=Zx8c\u{2026}"),
            ],
            ..Report::default()
        };
        report.normalize();
        for f in &report.findings {
            assert_eq!(f.context, "ID=Qw3r\u{2026} KEY=Zx8c\u{2026}");
        }
    }

    /// A neighbour cut at the context's edge.
    #[test]
    fn neighbour_cut_at_the_context_edge_is_masked() {
        let b = "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";
        let cut = mask_cut_edges(&b[10..], &Secret::from_bytes(b.as_bytes()));
        assert_eq!(cut, "…");
        let cut = mask_cut_edges(
            &format!("x {}", &b[..12]),
            &Secret::from_bytes(b.as_bytes()),
        );
        assert_eq!(cut, "x ghp_…");
    }

    #[test]
    fn fingerprint_is_sha256_of_id_and_secret() {
        let f = Fingerprint::new("a", &Secret::from_bytes(b"bc"));
        // sha256("abc")
        assert_eq!(
            f.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
