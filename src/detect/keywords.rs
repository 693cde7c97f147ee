//! Finds every occurrence of every rule keyword, ASCII case-insensitively.
//!
//! This is the detector's first pass and the only one that touches every
//! byte, so it sets the scanner's speed. It is an Aho-Corasick automaton
//! with standard (overlapping) semantics: each byte is one table lookup, and
//! every keyword ending at a byte is reported there, nested and overlapping
//! ones included (`api_key` inside `aws_api_key`, `pat` inside `github_pat_`),
//! so no rule needs a prefix closure or a restarted search.
//!
//! One lookup depends on the one before, so a single walk waits on memory
//! latency at every byte (about 500 MB/s on the benchmark machine, whatever
//! the automaton's size). Input longer than [`INTERLEAVE_MIN`] is therefore
//! cut into [`LANES`] stretches walked in lockstep: their lookups do not
//! depend on each other, so the CPU overlaps them (about 1.8x). Each stretch
//! starts `longest keyword - 1` bytes early, with matches ending before its
//! own stretch left to the one before it, so nothing is missed or doubled.

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, nfa::contiguous, Anchored, MatchKind};

/// Independent walks interleaved over one input. Two already hide most of
/// the latency; three measured best on the benchmark machine, more spill
/// registers.
const LANES: usize = 3;

/// Shorter inputs are walked in one lane: splitting them costs more than
/// it saves.
const INTERLEAVE_MIN: usize = 4096;

/// A case-insensitive, overlapping multi-keyword finder, built once and
/// shared by threads. Keyword ids are indexes into the slice it was built
/// from.
#[derive(Debug, Clone)]
pub struct Keywords {
    automaton: Table,
    /// Byte length of each keyword.
    lens: Vec<usize>,
    longest: usize,
}

#[derive(Debug, Clone)]
enum Table {
    /// Fastest to run, slowest to build: for bulk scans.
    Dfa(dfa::DFA),
    /// About a third of the DFA's build time: for a few hundred KB.
    Nfa(contiguous::NFA),
}

impl Keywords {
    /// A finder for bulk scanning (a DFA). `None` when there are no
    /// keywords.
    pub fn for_bulk<K: AsRef<[u8]>>(keywords: &[K]) -> Option<Keywords> {
        Keywords::build(keywords, |k| {
            dfa::Builder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(k)
                .map(Table::Dfa)
        })
    }

    /// A finder for small inputs (a staged change, stdin): it builds in about
    /// a third of the DFA's time, which is most of what such a scan spends,
    /// and runs a little slower per byte.
    pub(crate) fn for_small_input<K: AsRef<[u8]>>(keywords: &[K]) -> Option<Keywords> {
        Keywords::build(keywords, |k| {
            contiguous::Builder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(k)
                .map(Table::Nfa)
        })
    }

    fn build<K: AsRef<[u8]>>(
        keywords: &[K],
        build: impl FnOnce(&[&[u8]]) -> Result<Table, aho_corasick::BuildError>,
    ) -> Option<Keywords> {
        let keywords: Vec<&[u8]> = keywords.iter().map(|k| k.as_ref()).collect();
        if keywords.is_empty() {
            return None;
        }
        let automaton =
            build(&keywords).expect("keyword automaton over a few thousand literals always builds");
        let lens: Vec<usize> = keywords.iter().map(|k| k.len()).collect();
        let longest = lens.iter().copied().max().unwrap_or(0);
        Some(Keywords {
            automaton,
            lens,
            longest,
        })
    }

    /// Calls `hit(id, start, end)` for every occurrence of every keyword in
    /// `data`, in no particular order.
    pub fn for_each_hit(&self, data: &[u8], mut hit: impl FnMut(usize, usize, usize)) {
        match &self.automaton {
            Table::Dfa(a) => self.walk(a, data, &mut hit),
            Table::Nfa(a) => self.walk(a, data, &mut hit),
        }
    }

    fn walk<A: Automaton>(&self, a: &A, data: &[u8], hit: &mut impl FnMut(usize, usize, usize)) {
        let start = a
            .start_state(Anchored::No)
            .expect("unanchored searches are enabled");
        if data.len() < INTERLEAVE_MIN {
            self.walk_stretch(a, data, start, 0..data.len(), 0, hit);
            return;
        }
        // Lane i owns the matches ending after `owned_from[i]` and up to
        // `end[i]`, and starts reading `longest - 1` bytes before them.
        let step = data.len().div_ceil(LANES);
        let mut owned_from = [0usize; LANES];
        let mut pos = [0usize; LANES];
        let mut end = [0usize; LANES];
        for lane in 0..LANES {
            owned_from[lane] = (lane * step).min(data.len());
            pos[lane] = owned_from[lane].saturating_sub(self.longest.saturating_sub(1));
            end[lane] = ((lane + 1) * step).min(data.len());
        }
        let mut state = [start; LANES];
        let lockstep = (0..LANES).map(|l| end[l] - pos[l]).min().unwrap_or(0);
        for _ in 0..lockstep {
            for lane in 0..LANES {
                state[lane] = a.next_state(Anchored::No, state[lane], data[pos[lane]]);
                pos[lane] += 1;
                if a.is_special(state[lane]) {
                    self.report(a, state[lane], pos[lane], owned_from[lane], hit);
                }
            }
        }
        for lane in 0..LANES {
            self.walk_stretch(
                a,
                data,
                state[lane],
                pos[lane]..end[lane],
                owned_from[lane],
                hit,
            );
        }
    }

    /// One walk over `data[stretch]` from state `sid`: the whole of a short
    /// input, or what a lane has left after the lockstep.
    fn walk_stretch<A: Automaton>(
        &self,
        a: &A,
        data: &[u8],
        mut sid: aho_corasick::automaton::StateID,
        stretch: std::ops::Range<usize>,
        owned_from: usize,
        hit: &mut impl FnMut(usize, usize, usize),
    ) {
        let first = stretch.start;
        for (i, &byte) in data[stretch].iter().enumerate() {
            sid = a.next_state(Anchored::No, sid, byte);
            if a.is_special(sid) {
                self.report(a, sid, first + i + 1, owned_from, hit);
            }
        }
    }

    /// Reports the keywords ending at `end` (the automaton is in match state
    /// `sid` there), unless `end` belongs to an earlier lane. Never inlined:
    /// hits are rare, and code for them inside the walk's loop slows every
    /// byte (inlined, a callback that builds windows cost the walk 10%).
    #[inline(never)]
    fn report<A: Automaton>(
        &self,
        a: &A,
        sid: aho_corasick::automaton::StateID,
        end: usize,
        owned_from: usize,
        hit: &mut impl FnMut(usize, usize, usize),
    ) {
        // Without prefilters, the only special states an unanchored walk
        // reaches are match states.
        if end <= owned_from || !a.is_match(sid) {
            return;
        }
        for i in 0..a.match_len(sid) {
            let id = a.match_pattern(sid, i).as_usize();
            hit(id, end - self.lens[id], end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (id, start) by brute force: the reference the finder must equal.
    fn naive(keywords: &[&str], data: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for at in 0..data.len() {
            for (id, kw) in keywords.iter().enumerate() {
                let kw = kw.as_bytes();
                if data.len() - at >= kw.len() && data[at..at + kw.len()].eq_ignore_ascii_case(kw) {
                    out.push((id, at));
                }
            }
        }
        out
    }

    fn hits(finder: &Keywords, data: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        finder.for_each_hit(data, |id, start, end| {
            assert_eq!(end - start, finder.lens[id]);
            out.push((id, start));
        });
        out.sort_unstable_by_key(|&(id, at)| (at, id));
        out
    }

    fn check(keywords: &[&str], data: &[u8]) {
        let mut want = naive(keywords, data);
        want.sort_unstable_by_key(|&(id, at)| (at, id));
        for finder in [
            Keywords::for_bulk(keywords).unwrap(),
            Keywords::for_small_input(keywords).unwrap(),
        ] {
            assert_eq!(hits(&finder, data), want, "keywords {keywords:?}");
        }
    }

    #[test]
    fn finds_overlapping_and_nested_keywords_in_any_case() {
        let kws = ["api_key", "aws_api_key", "KEY", "token", "pat"];
        let finder = Keywords::for_bulk(&kws).unwrap();
        assert_eq!(
            hits(&finder, b"AWS_API_KEY=1 Token pattern"),
            vec![(1, 0), (0, 4), (2, 8), (3, 14), (4, 20)]
        );
    }

    #[test]
    fn no_keywords_no_finder() {
        assert!(Keywords::for_bulk::<&str>(&[]).is_none());
    }

    #[test]
    fn short_inputs_and_keywords_at_either_end() {
        for data in [&b"ab"[..], b"abc", b"xabc", b"abcx", b"", b"a", b"q~"] {
            check(&["abc", "q~", "x", "bc"], data);
        }
    }

    /// Long enough to be interleaved, with keywords planted across every
    /// lane boundary at every offset.
    #[test]
    fn interleaved_lanes_miss_and_double_nothing_at_their_boundaries() {
        let kws = ["boundary_keyword", "keyword", "b", "dary_k"];
        for len in [INTERLEAVE_MIN, INTERLEAVE_MIN + 1, 3 * INTERLEAVE_MIN + 2] {
            let step = len.div_ceil(LANES);
            for shift in 0..20 {
                let mut data = vec![b'.'; len];
                for lane in 1..LANES {
                    let at = lane * step - shift.min(lane * step);
                    let end = (at + 16).min(len);
                    data[at..end].copy_from_slice(&b"BOUNDARY_keyword"[..end - at]);
                }
                check(&kws, &data);
            }
        }
    }

    #[test]
    fn agrees_with_brute_force_on_pseudo_random_text() {
        let kws = [
            "pass", "password", "passwd", "ab", "b", "secret", "key", "_key", "tok", "token",
            "ghp_", "xoxb-", "://", "q~", "aaaa",
        ];
        let mut state = 0x1234_5678_9abc_def0u64;
        let alphabet = b"aAbBkKeEyYpPsSwWdDtToOxX_-:/q~ \n";
        let data: Vec<u8> = (0..20_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect();
        check(&kws, &data);
    }
}
