//! Findings: turn the detector's candidates in one chunk into findings.
//!
//! Drops candidates on lines that carry a `leakguard:allow` comment, keeps one
//! rule per secret span (the most severe), and computes line/column spans and
//! the masked context line. Works on bytes and their [`Origin`] (how reports
//! name where they came from); knows nothing of how they were read.

pub(crate) use crate::detect::filters::is_docs_or_tests;
use crate::detect::Candidate;
use crate::model::Encoding;
use crate::model::{Confidence, Severity, LOW_ENTROPY};
use crate::model::{Finding, Fingerprint, Origin, Secret, Span, PREVIEW_CHARS};
use crate::rules::{RuleKind, RuleSet};
use crate::source::chunks::Placement;
use memchr::{memchr, memchr_iter, memrchr};
use std::ops::Range;

/// The inline marker that allows a false positive on its line, in any comment syntax.
pub(crate) const ALLOW_MARKER: &[u8] = b"leakguard:allow";

/// Longest context line kept (characters around the secret).
const CONTEXT_CHARS: usize = 160;

/// A chunk of scanned bytes: where it came from, where it sits in its
/// file, and whether it was decoded out of another chunk.
#[derive(Debug, Clone, Copy)]
pub struct Chunk<'a> {
    /// Where the bytes came from, as reports name it.
    pub(crate) origin: Origin<'a>,
    /// Where the chunk sits in the file, and which matches it reports.
    pub(crate) placement: Placement,
    /// Set when the bytes were decoded out of an encoded run of the
    /// scanned chunk: findings are then located in that chunk.
    pub(crate) decoded: Option<&'a DecodedFrom<'a>>,
}

/// Where decoded bytes came from: the chunk that was scanned and how to
/// find, in it, the encoded text of a decoded range.
pub(crate) struct DecodedFrom<'a> {
    /// The scanned chunk, where findings are located.
    pub(crate) outer: &'a [u8],
    /// Lines and columns in `outer`, shared by every decoded run of the
    /// chunk (runs come in order), so a chunk's lines are counted once.
    pub(crate) outer_lines: &'a std::cell::RefCell<LineCursor>,
    /// The encodings undone, outermost first.
    pub(crate) encodings: &'a [Encoding],
    /// Maps a range of the decoded bytes to the range of `outer` it was
    /// decoded from.
    pub(crate) locate: &'a dyn Fn(Range<usize>) -> Range<usize>,
}

impl std::fmt::Debug for DecodedFrom<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecodedFrom")
            .field("encodings", &self.encodings)
            .finish_non_exhaustive()
    }
}

impl<'a> Chunk<'a> {
    /// Bytes from `origin` scanned as one chunk.
    pub fn whole(origin: Origin<'a>) -> Chunk<'a> {
        Chunk {
            origin,
            placement: Placement::WHOLE,
            decoded: None,
        }
    }
}

/// Converts `candidates` (consumed) found in `data` into findings appended to `out`.
pub fn to_findings(
    rules: &RuleSet,
    data: &[u8],
    candidates: &mut Vec<Candidate>,
    chunk: Chunk<'_>,
    out: &mut Vec<Finding>,
) {
    candidates.retain(|c| chunk.placement.owns(c.matched.start));
    if candidates.is_empty() {
        return;
    }
    // One finding per secret span: a rule that knows the token wins over a
    // rule that knows only the file holding it (`paths`: a `.npmrc`, a
    // `.git-credentials`), then the most severe, then the first loaded. A
    // generic rule also yields to any provider rule whose secret overlaps
    // its own: the provider rule knows what the credential is.
    let rank = |c: &Candidate| {
        let rule = rules.get(c.rule);
        (
            c.secret.start,
            c.secret.end,
            rule.kind,
            !rule.paths.is_empty(),
            std::cmp::Reverse(rule.severity),
            c.rule,
        )
    };
    candidates.sort_by_key(rank);
    candidates.dedup_by(|later, first| later.secret == first.secret);
    let provider: Vec<std::ops::Range<usize>> = candidates
        .iter()
        .filter(|c| rules.get(c.rule).kind == RuleKind::Provider)
        .map(|c| c.secret.clone())
        .collect();
    if provider.len() < candidates.len() {
        candidates.retain(|c| {
            rules.get(c.rule).kind == RuleKind::Provider || !overlaps_any(&provider, &c.secret)
        });
    }

    let mut lines = LineCursor::at(chunk.placement);
    // Judged on the repository path, like the detector's own decisions:
    // a test stays a test whichever folder the scan starts from.
    let example_place = is_docs_or_tests(chunk.origin.repo_path);
    for c in candidates.drain(..) {
        let rule = rules.get(c.rule);
        let severity = if example_place && rule.kind == RuleKind::Generic {
            one_level_lower(rule.severity)
        } else {
            rule.severity
        };
        // The rule's level, one lower for a low-entropy value and one
        // lower again in a test, an example or documentation.
        let mut confidence = rule.base_confidence(&data[c.secret.clone()]);
        if c.entropy < LOW_ENTROPY {
            confidence = confidence.lower();
        }
        if example_place {
            confidence = confidence.lower();
        }
        if c.unverified {
            // Shaped like the issuer's format but failing its checksum.
            confidence = Confidence::Low;
        }
        let what = FindingKind {
            rule_id: &rule.id,
            rule_name: &rule.name,
            severity,
            confidence,
            region_is_match: rule.report_at_match,
        };
        out.push(finding_at(
            what, data, c.secret, c.matched, c.entropy, chunk, &mut lines,
        ));
    }
}

fn one_level_lower(severity: Severity) -> Severity {
    match severity {
        Severity::Critical => Severity::High,
        Severity::High => Severity::Medium,
        Severity::Medium => Severity::Low,
        Severity::Low | Severity::Info => Severity::Info,
    }
}

/// The rule-like facts a finding is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FindingKind<'a> {
    /// Rule id (or the vault's pseudo-rule id).
    pub(crate) rule_id: &'a str,
    /// Human name.
    pub(crate) rule_name: &'a str,
    /// Severity before any vault verdict.
    pub(crate) severity: Severity,
    /// How sure the finding is ([`crate::model::Confidence`]).
    pub(crate) confidence: Confidence,
    /// The finding's region is the whole match, not the secret in it (a
    /// private key is reported at its `-----BEGIN` line, covering the block).
    pub(crate) region_is_match: bool,
}

/// Builds the finding for a secret at `secret` (inside the match `matched`)
/// in `data`, marked [`Finding::allowed_inline`] when its lines carry a
/// `leakguard:allow` marker (or, for a multi-line block such as a private
/// key, the line above it does).
/// `lines` must be given increasing offsets for speed (it restarts otherwise).
pub(crate) fn finding_at(
    kind: FindingKind<'_>,
    data: &[u8],
    secret: Range<usize>,
    matched: Range<usize>,
    entropy: f64,
    chunk: Chunk<'_>,
    lines: &mut LineCursor,
) -> Finding {
    let mut allowed_inline = lines.allowed(data, matched.start, matched.end)
        || (kind.region_is_match && line_above_allows(data, matched.start));
    let region = if kind.region_is_match {
        matched.clone()
    } else {
        secret.clone()
    };
    // Decoded content is located where its encoded text is.
    let (line, column, end_line, last_column) = match chunk.decoded {
        None => {
            let (line, column) = lines.position(data, region.start);
            let last = region.end.saturating_sub(1).max(region.start);
            let (end_line, last_column) = lines.position(data, last);
            (line, column, end_line, last_column)
        }
        Some(from) => {
            let outer = (from.locate)(region.clone());
            let mut outer_lines = from.outer_lines.borrow_mut();
            allowed_inline |= outer_lines.allowed(from.outer, outer.start, outer.end);
            let (line, column) = outer_lines.position(from.outer, outer.start);
            let last = outer.end.saturating_sub(1).max(outer.start);
            let (end_line, last_column) = outer_lines.position(from.outer, last);
            (line, column, end_line, last_column)
        }
    };
    let value = Secret::from_bytes(&data[secret.clone()]);
    Finding {
        rule_id: kind.rule_id.to_string(),
        rule_name: kind.rule_name.to_string(),
        severity: kind.severity,
        confidence: kind.confidence,
        path: chunk.origin.path.to_string(),
        repo_path: chunk.origin.repo_path.to_string(),
        allowed_inline,
        span: Span {
            line,
            column,
            end_line,
            end_column: last_column + 1,
        },
        fingerprint: Fingerprint::new(kind.rule_id, &value),
        context: masked_context(data, secret.start, secret.end, &value),
        secret: value,
        entropy,
        commit: chunk.origin.commit.cloned(),
        in_head: None,
        vault: None,
        decoded: chunk
            .decoded
            .map(|d| d.encodings.to_vec())
            .unwrap_or_default(),
        repository: None,
    }
}

/// Whether `span` overlaps any of `sorted` (sorted by start).
fn overlaps_any(sorted: &[std::ops::Range<usize>], span: &std::ops::Range<usize>) -> bool {
    let after = sorted.partition_point(|p| p.start < span.end);
    sorted[..after]
        .iter()
        .rev()
        .take(8)
        .any(|p| p.end > span.start)
}

fn line_start(data: &[u8], at: usize) -> usize {
    memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1)
}

fn line_end(data: &[u8], at: usize) -> usize {
    memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i)
}

/// The secret's line with the secret replaced by its preview, trimmed to
/// [`CONTEXT_CHARS`] around it. Never contains the secret.
fn masked_context(data: &[u8], start: usize, end: usize, secret: &Secret) -> String {
    // Enough bytes for CONTEXT_CHARS / 2 characters of any width on each
    // side; a long (minified) line is not copied whole per finding.
    const REACH: usize = CONTEXT_CHARS * 4;
    let from = crate::detect::line_start_within(data, start, REACH);
    let ahead = end.max(start).saturating_add(REACH).min(data.len());
    let to = memchr(b'\n', &data[start..ahead])
        .map_or(ahead, |i| start + i)
        .max(from);
    let before = String::from_utf8_lossy(&data[from..start]);
    let after = if end < to {
        String::from_utf8_lossy(&data[end..to])
    } else {
        "".into()
    };
    let half = CONTEXT_CHARS / 2;
    let before: String = {
        let chars: Vec<char> = before.trim_start().chars().collect();
        let skip = chars.len().saturating_sub(half);
        chars[skip..].iter().collect()
    };
    let after: String = after.trim_end().chars().take(half).collect();
    let mut context: String = format!("{before}{}{after}", secret.preview())
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    mask_copies(&mut context, secret);
    context
}

/// Masks every other copy of the secret in a context line: the same value
/// often appears twice on a line (`url: …user:pw@host… # was user:pw@host`),
/// and masking only the span that was found would print the other copy.
/// Each replacement shortens the line by at least one character (a preview
/// is [`PREVIEW_CHARS`] + 1 characters), so the loop ends; a secret that
/// short is shown whole by its preview anyway.
fn mask_copies(context: &mut String, secret: &Secret) {
    if secret.char_len() <= PREVIEW_CHARS + 1 {
        return;
    }
    let (value, preview) = (secret.expose(), secret.preview());
    while let Some(at) = context.find(value) {
        context.replace_range(at..at + value.len(), &preview);
    }
}

/// Whether the line before the one holding `data[at]` has a
/// `leakguard:allow` marker (a comment above a key block).
fn line_above_allows(data: &[u8], at: usize) -> bool {
    let start = line_start(data, at);
    if start == 0 {
        return false;
    }
    let above = line_start(data, start - 1);
    memchr::memmem::find(&data[above..start], ALLOW_MARKER).is_some()
}

/// Computes 1-based line and column (in characters) for increasing offsets
/// without rescanning from the start each time.
#[derive(Debug, Default)]
pub(crate) struct LineCursor {
    /// Line and column of the chunk's first byte (0-based).
    origin: (u64, u64),
    pos: usize,
    line: u64,
    line_start: usize,
    /// Characters from `line_start` up to `pos`: columns on a long line
    /// are counted once, not from the line start for every finding.
    chars_to_pos: u64,
    /// The last line looked at for a `leakguard:allow` marker: (start,
    /// end, whether it holds one).
    allow_line: Option<(usize, usize, bool)>,
}

impl LineCursor {
    /// A cursor for a chunk placed at `placement` in its file.
    pub(crate) fn at(placement: Placement) -> LineCursor {
        LineCursor {
            origin: (placement.line, placement.column),
            ..LineCursor::default()
        }
    }

    /// Whether the lines from `start` to `end` hold a `leakguard:allow`
    /// marker; a line is searched once for all the findings on it.
    fn allowed(&mut self, data: &[u8], start: usize, end: usize) -> bool {
        if let Some((from, to, has)) = self.allow_line {
            if from <= start && end <= to {
                return has;
            }
        }
        let from = line_start(data, start);
        let to = line_end(data, end.max(start));
        let has = memchr::memmem::find(&data[from..to], ALLOW_MARKER).is_some();
        self.allow_line = Some((from, to, has));
        has
    }

    fn position(&mut self, data: &[u8], offset: usize) -> (u64, u64) {
        if offset < self.pos {
            *self = LineCursor {
                origin: self.origin,
                ..LineCursor::default()
            };
        }
        let span = &data[self.pos..offset];
        let newlines = memchr_iter(b'\n', span).count() as u64;
        let counted_from = if newlines > 0 {
            self.line_start = self.pos + memrchr(b'\n', span).expect("counted a newline") + 1;
            self.chars_to_pos = 0;
            self.line_start
        } else {
            self.pos.max(self.line_start)
        };
        self.line += newlines;
        self.pos = offset;
        self.chars_to_pos += data[counted_from..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count() as u64;
        let mut column = self.chars_to_pos;
        if self.line == 0 {
            column += self.origin.1; // still on the line the chunk starts in
        }
        (self.origin.0 + self.line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_cursor_counts_lines_and_chars() {
        let data = "ab\ncdé f\n\nxyz".as_bytes();
        let mut c = LineCursor::default();
        assert_eq!(c.position(data, 0), (1, 1));
        assert_eq!(c.position(data, 3), (2, 1));
        let f = data.iter().position(|&b| b == b'f').unwrap();
        assert_eq!(c.position(data, f), (2, 5));
        assert_eq!(c.position(data, data.len() - 1), (4, 3));
        assert_eq!(c.position(data, 1), (1, 2), "going back restarts");
    }

    #[test]
    fn context_masks_secret() {
        let data = b"x = 1\n  token = \"tok_Zz9Yy8Xx7Ww6\" # prod\nend";
        let start = data.windows(4).position(|w| w == b"tok_").unwrap();
        let secret = Secret::from_bytes(&data[start..start + 16]);
        let ctx = masked_context(data, start, start + 16, &secret);
        assert_eq!(ctx, "token = \"tok_…\" # prod");
    }

    /// Two secrets on one line: neither finding's context shows the other
    /// once the report is normalized (`Report::normalize` masks them).
    #[test]
    fn context_masks_neighbours_on_the_same_line() {
        let a = "AKIAQ7RM2VX3LP9ZK4TB";
        let b = "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";
        let data = format!("x\nid={a} token={b}\n");
        let finding = |secret: &str| {
            let start = data.find(secret).unwrap();
            let mut lines = LineCursor::default();
            let kind = FindingKind {
                rule_id: "r",
                rule_name: "R",
                severity: Severity::High,
                confidence: Confidence::High,
                region_is_match: false,
            };
            let range = start..start + secret.len();
            finding_at(
                kind,
                data.as_bytes(),
                range.clone(),
                range,
                4.0,
                Chunk::whole(Origin::named("p")),
                &mut lines,
            )
        };
        let findings = vec![finding(a), finding(b)];
        assert!(
            findings[0].context.contains(b),
            "the bug: {}",
            findings[0].context
        );
        let mut report = crate::model::Report {
            findings,
            ..Default::default()
        };
        report.normalize();
        let findings = report.findings;
        assert_eq!(findings[0].context, "id=AKIA… token=ghp_…");
        assert_eq!(findings[1].context, "id=AKIA… token=ghp_…");
    }

    /// Issue #8 (found by the `detector` fuzz target): a secret that also
    /// appeared elsewhere on its line was printed in clear in the context.
    #[test]
    fn issue_8_context_masks_every_copy_of_the_secret() {
        let data = b"url: pg://u:Qw3rTy7uI9oP@db/x # old: pg://u:Qw3rTy7uI9oP@db/x";
        let start = data.windows(4).position(|w| w == b"Qw3r").unwrap();
        let secret = Secret::from_bytes(&data[start..start + 12]);
        let ctx = masked_context(data, start, start + 12, &secret);
        assert_eq!(ctx, "url: pg://u:Qw3r…@db/x # old: pg://u:Qw3r…@db/x");
        // Masking cannot rebuild the secret from its own preview.
        // Text before the secret that ends in its head rebuilds it with the preview.
        let data = b"abcdXYZabcdXYZabc";
        let secret = Secret::from_bytes(&data[7..]);
        let ctx = masked_context(data, 7, data.len(), &secret);
        assert_eq!(ctx, "abcd\u{2026}d\u{2026}");
    }

    #[test]
    fn allow_marker_on_the_line() {
        let data = b"a = 1\nkey = tok_1 # leakguard:allow\nb";
        let s = data.windows(5).position(|w| w == b"tok_1").unwrap();
        assert!(LineCursor::default().allowed(data, s, s + 5));
        assert!(!LineCursor::default().allowed(data, 0, 3));
    }
}

#[cfg(test)]
mod long_lines {
    use super::*;

    /// Columns counted incrementally along one long line equal columns
    /// counted from the line start, multi-byte characters included.
    #[test]
    fn incremental_columns_match_a_fresh_count() {
        let line: String = (0..2000)
            .map(|i| if i % 7 == 0 { 'é' } else { 'x' })
            .collect();
        let data = format!("first\n{line}\nlast");
        let bytes = data.as_bytes();
        let mut cursor = LineCursor::default();
        let mut offset = 6;
        while offset < 6 + line.len() {
            if data.is_char_boundary(offset) {
                let (l, c) = cursor.position(bytes, offset);
                let fresh = data[6..offset].chars().count() as u64 + 1;
                assert_eq!((l, c), (2, fresh), "offset {offset}");
            }
            offset += 37;
        }
    }
}

#[cfg(test)]
mod severity_in_example_places {
    use super::*;

    #[test]
    fn one_level_lower_stops_at_info() {
        assert_eq!(one_level_lower(Severity::Critical), Severity::High);
        assert_eq!(one_level_lower(Severity::Medium), Severity::Low);
        assert_eq!(one_level_lower(Severity::Low), Severity::Info);
        assert_eq!(one_level_lower(Severity::Info), Severity::Info);
    }
}
