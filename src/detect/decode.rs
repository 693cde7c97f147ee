//! Encoded text inside scanned content: runs of base64, hex,
//! percent-encoding, `\uXXXX`/`\xXX` escapes and HTML entities that decode
//! to text (or to a private key in DER), so that the rules can read what
//! was committed encoded: a base64'd env file in a CI variable, a
//! percent-encoded URL with credentials, a JSON string of `\u` escapes.
//!
//! Only runs long enough to hold a secret are decoded (at least
//! [`MIN_DECODED`] bytes), and a decoding is kept only when it is mostly
//! printable UTF-8 text: a hash, an image or compressed data in base64
//! decodes to binary and is dropped after its first bytes.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// An encoding a run of text was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// RFC 4648 base64, standard or URL-safe alphabet, padded or not.
    Base64,
    /// Pairs of hex digits.
    Hex,
    /// URL percent-encoding (`%40`).
    Percent,
    /// JSON/JavaScript string escapes (`\u0070`, `\x70`, `\n`).
    Escape,
    /// HTML/XML character references (`&#112;`, `&#x70;`, `&amp;`).
    Html,
}

impl Encoding {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Hex => "hex",
            Encoding::Percent => "percent",
            Encoding::Escape => "escape",
            Encoding::Html => "html",
        }
    }
}

/// Fewest decoded bytes worth scanning: no credential is shorter.
pub const MIN_DECODED: usize = 16;

/// Longest run decoded: a larger one (an embedded file, a font) is not
/// where a credential is typed, and decoding it would cost more than
/// scanning it.
const MAX_RUN: usize = 1 << 20;

/// One decoded run.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// Where the encoded run is in the content it was found in.
    pub range: Range<usize>,
    /// How it was encoded.
    pub encoding: Encoding,
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// For decodings that keep most bytes in place (percent, escapes,
    /// entities): the offset in the content of each decoded byte, so a
    /// secret is located where its own encoded bytes are. Empty for base64
    /// and hex, whose findings are located at the whole run.
    pub origins: Vec<u32>,
    /// The bytes are a private key in DER rewritten as PEM: its base64
    /// lines are the run itself again, not something to decode further.
    pub der_key: bool,
}

impl Decoded {
    /// The part of the encoded content that `decoded` (a range of
    /// [`Decoded::bytes`]) came from.
    pub fn locate(&self, decoded: Range<usize>) -> Range<usize> {
        if self.origins.is_empty() || decoded.start >= self.origins.len() {
            return self.range.clone();
        }
        let start = self.origins[decoded.start] as usize;
        let end = self
            .origins
            .get(decoded.end)
            .map_or(self.range.end, |&o| o as usize)
            .max(start + 1);
        start..end
    }
}

/// Finds the encoded runs of `data` whose decoding is text worth scanning
/// and appends them to `out`, in order of position.
pub fn decode_runs(data: &[u8], out: &mut Vec<Decoded>) {
    alphabet_runs(data, out);
    escaped_lines(data, out);
    out.sort_by_key(|d| d.range.start);
}

// ---------------------------------------------------------------------------
// base64 and hex: maximal runs of their alphabets

const STD: u8 = 1;
const URL: u8 = 2;
const HEX: u8 = 4;

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let alnum = c.is_ascii_alphanumeric();
        if alnum || c == b'+' || c == b'/' {
            t[b] |= STD;
        }
        if alnum || c == b'-' || c == b'_' {
            t[b] |= URL;
        }
        if c.is_ascii_hexdigit() {
            t[b] |= HEX;
        }
        b += 1;
    }
    t
}

static CLASS: [u8; 256] = classes();

/// Fewest base64 characters that hold [`MIN_DECODED`] bytes.
const MIN_BASE64_RUN: usize = (MIN_DECODED * 4).div_ceil(3);

#[inline(never)]
fn alphabet_runs(data: &[u8], out: &mut Vec<Decoded>) {
    let in_run = |b: u8| CLASS[b as usize] & (STD | URL) != 0;
    let mut from = 0;
    while let Some(inside) = next_long_run(data, from) {
        let mut start = inside;
        while start > from && in_run(data[start - 1]) {
            start -= 1;
        }
        let mut end = inside + 1;
        while end < data.len() && in_run(data[end]) {
            end += 1;
        }
        from = end + 1;
        // `=` padding belongs to the run.
        let mut padded = end;
        while padded < data.len() && padded < end + 2 && data[padded] == b'=' {
            padded += 1;
        }
        if end - start <= MAX_RUN {
            if let Some(d) = decode_alphabet_run(data, start..end, padded) {
                out.push(d);
            }
        }
        if from >= data.len() {
            break;
        }
    }
}

/// The index of a byte inside a run of at least [`MIN_BASE64_RUN`]
/// alphabet bytes, at or after `from` (where no run is under way). Looks at
/// 64 bytes at a time: most text has no such run, and this is the one pass
/// decoding adds over every byte scanned.
fn next_long_run(data: &[u8], from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { next_long_run_avx2(data, from) };
    }
    next_long_run_with(data, from, alphabet_mask64)
}

/// [`next_long_run`] compiled for AVX2, its mask inlined into the loop.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn next_long_run_avx2(data: &[u8], from: usize) -> Option<usize> {
    // SAFETY: this function only runs where AVX2 is available.
    next_long_run_with(data, from, |b| unsafe { alphabet_mask64_avx2(b) })
}

#[inline(always)]
fn next_long_run_with(data: &[u8], from: usize, mask64: impl Fn(&[u8]) -> u64) -> Option<usize> {
    const MIN: usize = MIN_BASE64_RUN;
    let mut block = from;
    // Alphabet bytes that end the previous block.
    let mut carried = 0usize;
    while block + 64 <= data.len() {
        let m = mask64(&data[block..block + 64]);
        let leading = (!m).trailing_zeros() as usize;
        if carried > 0 && leading > 0 && carried + leading >= MIN {
            return Some(block);
        }
        // Bit i survives when bytes i..i+MIN are all in the alphabet.
        let mut r = m;
        r &= r >> 1;
        r &= r >> 2;
        r &= r >> 4;
        r &= r >> 8;
        r &= r >> (MIN - 16);
        if r != 0 {
            return Some(block + r.trailing_zeros() as usize);
        }
        carried = if m == u64::MAX {
            carried + 64
        } else {
            m.leading_ones() as usize
        };
        block += 64;
    }
    // The tail, a byte at a time.
    let mut run = carried;
    for (i, &b) in data[block..].iter().enumerate() {
        if CLASS[b as usize] & (STD | URL) != 0 {
            run += 1;
            if run >= MIN {
                return Some(block + i);
            }
        } else {
            run = 0;
        }
    }
    None
}

/// Bit i set when `bytes[i]` (64 bytes) is in the base64 alphabets.
#[cfg(target_arch = "x86_64")]
fn alphabet_mask64(bytes: &[u8]) -> u64 {
    assert!(bytes.len() >= 64);
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked above); the length is checked.
        unsafe { alphabet_mask64_avx2(bytes) }
    } else {
        alphabet_mask64_sse2(bytes)
    }
}

/// [`alphabet_mask64`] 32 bytes at a time (`bytes` holds at least 64).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn alphabet_mask64_avx2(bytes: &[u8]) -> u64 {
    assert!(bytes.len() >= 64);
    use std::arch::x86_64::*;
    let mut mask = 0u64;
    for k in 0..2 {
        // SAFETY: reads bytes[32k..32k+32], inside the 64 the caller checked.
        let v = unsafe { _mm256_loadu_si256(bytes.as_ptr().add(32 * k) as *const __m256i) };
        // No closures here: they would not inherit the AVX2 feature and
        // every intrinsic would become a call.
        let folded = _mm256_sub_epi8(
            _mm256_or_si256(v, _mm256_set1_epi8(0x20)),
            _mm256_set1_epi8(b'a' as i8),
        );
        let letters = _mm256_cmpeq_epi8(_mm256_min_epu8(folded, _mm256_set1_epi8(25)), folded);
        let shifted = _mm256_sub_epi8(v, _mm256_set1_epi8(b'0' as i8));
        let digits = _mm256_cmpeq_epi8(_mm256_min_epu8(shifted, _mm256_set1_epi8(9)), shifted);
        let signs = _mm256_or_si256(
            _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'+' as i8)),
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'/' as i8)),
            ),
            _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'-' as i8)),
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'_' as i8)),
            ),
        );
        let any = _mm256_or_si256(_mm256_or_si256(letters, digits), signs);
        mask |= u64::from(_mm256_movemask_epi8(any) as u32) << (32 * k);
    }
    mask
}

/// [`alphabet_mask64`] with SSE2, which every x86_64 CPU has.
#[cfg(target_arch = "x86_64")]
fn alphabet_mask64_sse2(bytes: &[u8]) -> u64 {
    use std::arch::x86_64::*;
    assert!(bytes.len() >= 64);
    let mut mask = 0u64;
    for k in 0..4 {
        // SAFETY: SSE2 is part of x86_64; the load reads bytes[16k..16k+16],
        // inside the slice (checked above), unaligned loads allowed.
        let bits = unsafe {
            let v = _mm_loadu_si128(bytes.as_ptr().add(16 * k) as *const __m128i);
            // x in lo..=lo+span, unsigned: min(x - lo, span) == x - lo.
            let in_range = |x: __m128i, lo: u8, span: u8| {
                let t = _mm_sub_epi8(x, _mm_set1_epi8(lo as i8));
                _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(span as i8)), t)
            };
            let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
            let letters = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 25);
            let digits = in_range(v, b'0', 9);
            let signs = _mm_or_si128(
                _mm_or_si128(eq(b'+'), eq(b'/')),
                _mm_or_si128(eq(b'-'), eq(b'_')),
            );
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letters, digits), signs)) as u16
        };
        mask |= u64::from(bits) << (16 * k);
    }
    mask
}

/// Bit i set when `bytes[i]` (64 bytes) is in the base64 alphabets.
#[cfg(not(target_arch = "x86_64"))]
fn alphabet_mask64(bytes: &[u8]) -> u64 {
    bytes[..64].iter().enumerate().fold(0u64, |m, (i, &b)| {
        m | (u64::from(CLASS[b as usize] & (STD | URL) != 0) << i)
    })
}

#[inline(never)]
fn decode_alphabet_run(data: &[u8], run: Range<usize>, padded_end: usize) -> Option<Decoded> {
    let text = &data[run.clone()];
    let classes = text
        .iter()
        .fold(STD | URL | HEX, |acc, &b| acc & CLASS[b as usize]);
    if classes & HEX != 0 {
        // All hex digits: hex if it decodes to text (a hash does not), never
        // also base64.
        if text.len() % 2 == 1 || text.len() / 2 < MIN_DECODED {
            return None;
        }
        let bytes = decode_hex(text);
        return is_text(&bytes).then(|| in_its_line(data, run, Encoding::Hex, bytes));
    }
    if !head_may_be_text(text) {
        return None;
    }
    let url_safe = classes & STD == 0;
    if classes & (STD | URL) == 0 {
        return None; // both `+/` and `-_`: not one base64 string
    }
    // Plain words and identifiers (`ThisIsALongIdentifierName`) are runs of
    // the alphabet too; base64 of text has digits or mixed case within a
    // few characters, and a real run is not all letters of one case.
    if !text.iter().any(u8::is_ascii_digit)
        && (text.iter().all(u8::is_ascii_lowercase) || text.iter().all(u8::is_ascii_uppercase))
    {
        return None;
    }
    let bytes = decode_base64(text, url_safe)?;
    if bytes.len() < MIN_DECODED {
        return None;
    }
    if der_private_key_label(&bytes).is_some() {
        return Some(Decoded {
            range: run.start..padded_end,
            encoding: Encoding::Base64,
            bytes: as_scannable(bytes, &data[run]),
            origins: Vec::new(),
            der_key: true,
        });
    }
    is_text(&bytes).then(|| in_its_line(data, run.start..padded_end, Encoding::Base64, bytes))
}

/// Longest decoded value read in its line's place (see [`in_its_line`]).
const MAX_IN_LINE: usize = 1024;

/// How far around a run its line is kept (see [`in_its_line`]).
const LINE_REACH: usize = 256;

/// A decoded run that is one short line of text (a password, a token) is
/// scanned in its line, in the run's place: `DB_PASSWORD: <base64>` reads
/// as `DB_PASSWORD: <value>`, so rules that need the key see it. Longer or
/// multi-line text (an env file, a config) is scanned on its own.
fn in_its_line(data: &[u8], run: Range<usize>, encoding: Encoding, bytes: Vec<u8>) -> Decoded {
    if bytes.len() > MAX_IN_LINE || bytes.contains(&b'\n') {
        return Decoded {
            range: run,
            encoding,
            bytes,
            origins: Vec::new(),
            der_key: false,
        };
    }
    let start = crate::detect::line_start_within(data, run.start, LINE_REACH);
    let reach = run.end.saturating_add(LINE_REACH).min(data.len());
    let end = memchr::memchr(b'\n', &data[run.end..reach]).map_or(reach, |i| run.end + i);
    let mut line = Vec::with_capacity(end - start - run.len() + bytes.len());
    let mut origins = Vec::with_capacity(line.capacity());
    line.extend_from_slice(&data[start..run.start]);
    origins.extend((start..run.start).map(|o| o as u32));
    // Decoded bytes point into the run, in proportion.
    let scale = |i: usize| run.start + i * run.len() / bytes.len().max(1);
    origins.extend((0..bytes.len()).map(|i| scale(i) as u32));
    line.extend_from_slice(&bytes);
    line.extend_from_slice(&data[run.end..end]);
    origins.extend((run.end..end).map(|o| o as u32));
    Decoded {
        range: start..end,
        encoding,
        bytes: line,
        origins,
        der_key: false,
    }
}

/// Whether the first six bytes a base64 run encodes could start text (or
/// a DER key): printable ASCII or whitespace. Rejects identifiers and
/// random tokens (random bytes pass one time in 300) without decoding them.
fn head_may_be_text(text: &[u8]) -> bool {
    let sextet = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' | b'-' => 62,
            _ => 63,
        }
    };
    let Some(head) = text.get(..8) else {
        return false;
    };
    let bits = head
        .iter()
        .fold(0u64, |acc, &c| (acc << 6) | u64::from(sextet(c)));
    let bytes = bits.to_be_bytes();
    let bytes = &bytes[2..8];
    if bytes[0] == 0x30 {
        return true; // a DER SEQUENCE: maybe a private key
    }
    bytes
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
}

fn decode_hex(text: &[u8]) -> Vec<u8> {
    let nibble = |b: u8| match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    };
    text.chunks_exact(2)
        .map(|p| (nibble(p[0]) << 4) | nibble(p[1]))
        .collect()
}

/// A base64 engine for text found in the wild: padded or not, trailing
/// bits allowed; the standard or the URL-safe alphabet.
pub(crate) fn lenient_base64(url_safe: bool) -> base64::engine::GeneralPurpose {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true);
    let alphabet = if url_safe {
        &base64::alphabet::URL_SAFE
    } else {
        &base64::alphabet::STANDARD
    };
    GeneralPurpose::new(alphabet, LENIENT)
}

fn decode_base64(text: &[u8], url_safe: bool) -> Option<Vec<u8>> {
    use base64::Engine as _;
    // A run whose length is 1 more than a multiple of 4 cannot be base64;
    // its last character is likely a neighbour (`…==x`): drop it.
    let text = if text.len() % 4 == 1 {
        &text[..text.len() - 1]
    } else {
        text
    };
    // Judge the first bytes before decoding a long run whole.
    let engine = lenient_base64(url_safe);
    if text.len() > 344 {
        let head = engine.decode(&text[..344]).ok()?;
        if !is_text(&head) && !head.starts_with(&[0x30, 0x82]) {
            return None;
        }
    }
    engine.decode(text).ok()
}

/// Whether `bytes` is mostly printable text: valid UTF-8 (random bytes
/// almost never are over 16 bytes) with at most one character in twenty a
/// control character other than whitespace.
fn is_text(bytes: &[u8]) -> bool {
    // A cut-off multi-byte character at the end (the head of a long run)
    // does not make the rest binary.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    let mut chars = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            control += 1;
        }
    }
    chars >= MIN_DECODED / 2 && control * 20 <= chars
}

/// The PEM label of a private key in DER: PKCS#8 (`SEQUENCE { INTEGER 0,
/// SEQUENCE { OID … } … }`), PKCS#1 RSA (`SEQUENCE { INTEGER 0, INTEGER n
/// … }`) or SEC1 EC (`SEQUENCE { INTEGER 1, OCTET STRING … }`). Public keys
/// and certificates start differently (a SEQUENCE first).
fn der_private_key_label(der: &[u8]) -> Option<&'static str> {
    // At most two length bytes: no private key is 64 KiB long.
    let (body, len) =
        crate::detect::checks::der_sequence_header(der).filter(|&(body, _)| body <= 4)?;
    // Whole, not a truncated paste (documentation shortens keys with `...`).
    if body + len != der.len() {
        return None;
    }
    match der.get(body..body + 4)? {
        [0x02, 0x01, 0x00, 0x30] => Some("PRIVATE KEY"),
        // An RSA key under 512 bits is a textbook example, not a key.
        [0x02, 0x01, 0x00, 0x02] if der.len() >= 256 => Some("RSA PRIVATE KEY"),
        [0x02, 0x01, 0x01, 0x04] => Some("EC PRIVATE KEY"),
        _ => None,
    }
}

/// What is scanned for a decoded run: its text, or for a private key in
/// DER the key as PEM (the run's own base64 between armour lines), which
/// the private-key rules read.
fn as_scannable(bytes: Vec<u8>, base64: &[u8]) -> Vec<u8> {
    let Some(label) = der_private_key_label(&bytes) else {
        return bytes;
    };
    let mut pem = Vec::with_capacity(base64.len() + base64.len() / 64 + 80);
    pem.extend_from_slice(format!("-----BEGIN {label}-----\n").as_bytes());
    for line in base64.chunks(64) {
        pem.extend_from_slice(line);
        pem.push(b'\n');
    }
    pem.extend_from_slice(format!("-----END {label}-----\n").as_bytes());
    pem
}

// ---------------------------------------------------------------------------
// percent-encoding, string escapes and HTML entities: decoded a line at a
// time, so the key before an encoded value decodes with it

/// Fewest escapes on a line before it is decoded: a lone `%20` or `&amp;`
/// changes nothing a rule reads.
const MIN_ESCAPES: usize = 2;

/// Longest line decoded.
const MAX_LINE: usize = 16 << 10;

#[inline(never)]
fn escaped_lines(data: &[u8], out: &mut Vec<Decoded>) {
    let mut from = 0;
    while let Some(i) = memchr::memchr3(b'%', b'\\', b'&', &data[from..]) {
        let at = from + i;
        // Most `%`, `\` and `&` are not escapes (`&&`, `\n`, `100%`):
        // judged where they stand before their line is looked at.
        let encoding = match data[at] {
            b'%' => Encoding::Percent,
            b'\\' => Encoding::Escape,
            _ => Encoding::Html,
        };
        if !is_escape(encoding, &data[at..]) {
            from = at + 1;
            continue;
        }
        let start = memchr::memrchr(b'\n', &data[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |n| at + n);
        from = end + 1;
        if end - start <= MAX_LINE {
            let line = &data[start..end];
            for encoding in [Encoding::Percent, Encoding::Escape, Encoding::Html] {
                if let Some((bytes, origins)) = decode_line(line, encoding) {
                    out.push(Decoded {
                        range: start..end,
                        encoding,
                        bytes,
                        origins: origins.into_iter().map(|o| (start + o) as u32).collect(),
                        der_key: false,
                    });
                }
            }
        }
        if from >= data.len() {
            break;
        }
    }
}

/// Decodes `line`'s escapes of one kind; `None` unless it has at least
/// [`MIN_ESCAPES`] of them and decodes to [`MIN_DECODED`] bytes of text.
/// The second vector holds each decoded byte's offset in `line`.
fn decode_line(line: &[u8], encoding: Encoding) -> Option<(Vec<u8>, Vec<usize>)> {
    if count_escapes(line, encoding) < MIN_ESCAPES {
        return None;
    }
    let mut bytes = Vec::with_capacity(line.len());
    let mut origins = Vec::with_capacity(line.len());
    let mut escapes = 0;
    let mut i = 0;
    while i < line.len() {
        let step = match encoding {
            Encoding::Percent => percent_escape(&line[i..], &mut bytes),
            Encoding::Escape => string_escape(&line[i..], &mut bytes),
            Encoding::Html => html_entity(&line[i..], &mut bytes),
            Encoding::Base64 | Encoding::Hex => None,
        };
        match step {
            Some((consumed, produced)) => {
                escapes += 1;
                origins.extend(std::iter::repeat_n(i, produced));
                i += consumed;
            }
            None => {
                bytes.push(line[i]);
                origins.push(i);
                i += 1;
            }
        }
    }
    (escapes >= MIN_ESCAPES && bytes.len() >= MIN_DECODED && is_text(&bytes))
        .then_some((bytes, origins))
}

/// Whether `s` starts with an escape of `encoding` that changes what a
/// rule reads: `%XX`; `\uXXXX`, `\xXX` or `\"` (a `\n` in a string is not
/// worth a second look at the line); a character reference.
fn is_escape(encoding: Encoding, s: &[u8]) -> bool {
    match encoding {
        Encoding::Percent => s.len() >= 3 && s[1].is_ascii_hexdigit() && s[2].is_ascii_hexdigit(),
        Encoding::Escape => match s.get(1) {
            Some(b'u') => s.len() >= 6 && s[2..6].iter().all(u8::is_ascii_hexdigit),
            Some(b'x') => s.len() >= 4 && s[2..4].iter().all(u8::is_ascii_hexdigit),
            Some(b'"') => true,
            _ => false,
        },
        Encoding::Html => match s.get(1) {
            Some(b'#') => s.iter().take(10).any(|&b| b == b';'),
            Some(c) if c.is_ascii_alphabetic() => {
                let name = s[1..]
                    .iter()
                    .take(8)
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                s.get(1 + name) == Some(&b';')
            }
            _ => false,
        },
        Encoding::Base64 | Encoding::Hex => false,
    }
}

/// Counts, up to [`MIN_ESCAPES`], the escapes of `encoding` in `line`.
/// Cheap, so most lines stop here.
fn count_escapes(line: &[u8], encoding: Encoding) -> usize {
    let trigger = match encoding {
        Encoding::Percent => b'%',
        Encoding::Escape => b'\\',
        Encoding::Html => b'&',
        Encoding::Base64 | Encoding::Hex => return 0,
    };
    memchr::memchr_iter(trigger, line)
        .filter(|&at| is_escape(encoding, &line[at..]))
        .take(MIN_ESCAPES)
        .count()
}

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `%XX` → one byte. Returns (bytes consumed, bytes produced).
fn percent_escape(s: &[u8], out: &mut Vec<u8>) -> Option<(usize, usize)> {
    if s.len() < 3 || s[0] != b'%' {
        return None;
    }
    let byte = (hex_value(s[1])? << 4) | hex_value(s[2])?;
    out.push(byte);
    Some((3, 1))
}

/// `\uXXXX`, `\xXX`, `\n`, `\t`, `\"`, `\/`, `\\`.
fn string_escape(s: &[u8], out: &mut Vec<u8>) -> Option<(usize, usize)> {
    if s.len() < 2 || s[0] != b'\\' {
        return None;
    }
    let simple = |b: u8| -> Option<u8> {
        Some(match b {
            b'n' => b'\n',
            b't' => b'\t',
            b'r' => b'\r',
            b'"' | b'\'' | b'/' | b'\\' => b,
            _ => return None,
        })
    };
    match s[1] {
        b'u' if s.len() >= 6 => {
            let mut code = 0u32;
            for &h in &s[2..6] {
                code = (code << 4) | u32::from(hex_value(h)?);
            }
            let c = char::from_u32(code)?;
            let mut buf = [0u8; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            out.extend_from_slice(encoded);
            Some((6, encoded.len()))
        }
        b'x' if s.len() >= 4 => {
            out.push((hex_value(s[2])? << 4) | hex_value(s[3])?);
            Some((4, 1))
        }
        b => {
            out.push(simple(b)?);
            Some((2, 1))
        }
    }
}

/// `&#NN;`, `&#xNN;` and the five XML entities.
fn html_entity(s: &[u8], out: &mut Vec<u8>) -> Option<(usize, usize)> {
    if s.first() != Some(&b'&') {
        return None;
    }
    let end = s.iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        [b'#', b'x' | b'X', hex @ ..] => {
            char::from_u32(u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?)?
        }
        [b'#', dec @ ..] => char::from_u32(std::str::from_utf8(dec).ok()?.parse().ok()?)?,
        _ => return None,
    };
    let mut buf = [0u8; 4];
    let encoded = c.encode_utf8(&mut buf).as_bytes();
    out.extend_from_slice(encoded);
    Some((end + 1, encoded.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    fn runs(data: &str) -> Vec<Decoded> {
        let mut out = Vec::new();
        decode_runs(data.as_bytes(), &mut out);
        out
    }

    #[test]
    fn base64_of_text_is_decoded_and_located_at_its_run() {
        let env = "DB_PASSWORD=Xk9#mQ2vLp7Zw4Rt\nSTRIPE=sk_live_abc\n";
        for engine in [
            base64::engine::general_purpose::STANDARD,
            base64::engine::general_purpose::URL_SAFE_NO_PAD,
        ] {
            let encoded = engine.encode(env);
            let line = format!("  ENV_FILE: {encoded}\n");
            let found = runs(&line);
            assert_eq!(found.len(), 1, "{line}");
            assert_eq!(found[0].encoding, Encoding::Base64);
            assert_eq!(found[0].bytes, env.as_bytes());
            assert_eq!(&line[found[0].range.clone()], encoded);
        }
    }

    #[test]
    fn binary_hashes_words_and_short_runs_are_not_decoded() {
        let sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let integrity = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==";
        let identifier = "ThisIsAVeryLongIdentifierNameForAClass";
        let short = base64::engine::general_purpose::STANDARD.encode("pw=abc");
        for text in [sha256, integrity, identifier, short.as_str()] {
            assert!(runs(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn long_runs_are_found_across_and_within_blocks() {
        let mask_of = |text: &[u8]| {
            text[..64].iter().enumerate().fold(0u64, |m, (i, &b)| {
                m | (u64::from(CLASS[b as usize] & (STD | URL) != 0) << i)
            })
        };
        for start in [0u8, 64, 128, 192, 37, 101] {
            let sample: Vec<u8> = (0u8..=255).cycle().skip(start as usize).take(64).collect();
            assert_eq!(alphabet_mask64(&sample), mask_of(&sample));
            #[cfg(target_arch = "x86_64")]
            assert_eq!(alphabet_mask64_sse2(&sample), mask_of(&sample));
        }
        for at in [0, 10, 50, 60, 63, 64, 100, 170] {
            for len in [MIN_BASE64_RUN - 1, MIN_BASE64_RUN, 40] {
                let mut text = vec![b' '; 200];
                let end = (at + len).min(text.len());
                text[at..end].fill(b'Q');
                let found = next_long_run(&text, 0);
                if end - at >= MIN_BASE64_RUN {
                    let i = found.unwrap_or_else(|| panic!("run at {at} of {len}"));
                    assert!((at..end).contains(&i), "{i} outside {at}..{end}");
                } else {
                    assert_eq!(found, None, "short run at {at}");
                }
            }
        }
    }

    #[test]
    fn hex_of_text_is_decoded() {
        let hex: String = "password=Zq8!vRt2#Lm5"
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect();
        let found = runs(&format!("x = \"{hex}\""));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].encoding, Encoding::Hex);
        // One short line of text is read in its line, in the run's place.
        assert_eq!(found[0].bytes, br#"x = "password=Zq8!vRt2#Lm5""#);
    }

    #[test]
    fn escaped_lines_decode_with_their_key_and_map_offsets_back() {
        let line = "url=https%3A%2F%2Fdeploy%3AQm7vX2kLp9Rz@git.acme.io%2Frepo";
        let found = runs(line);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.encoding, Encoding::Percent);
        assert_eq!(
            std::str::from_utf8(&d.bytes).unwrap(),
            "url=https://deploy:Qm7vX2kLp9Rz@git.acme.io/repo"
        );
        // The decoded password maps back to its own bytes in the line.
        let at = d
            .bytes
            .windows(12)
            .position(|w| w == b"Qm7vX2kLp9Rz")
            .unwrap();
        let back = d.locate(at..at + 12);
        assert_eq!(&line[back], "Qm7vX2kLp9Rz");

        let json =
            r#"{"password": "\u0053\u0033\u0063\u0072\u0065\u0074\u0021\u0039\u0078\u0051"}"#;
        let found = runs(json);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].encoding, Encoding::Escape);
        assert_eq!(found[0].bytes, br#"{"password": "S3cret!9xQ"}"#);

        let html = "<value>Password=&#84;r0ub&#108;e&amp;Str1fe!</value>";
        let found = runs(html);
        assert_eq!(found[0].encoding, Encoding::Html);
        assert_eq!(found[0].bytes, b"<value>Password=Tr0uble&Str1fe!</value>");
        // One escape is not enough to bother.
        assert!(runs("a=b%20c and more text here").is_empty());
    }

    #[test]
    fn a_der_private_key_in_base64_is_scanned_as_pem() {
        let der = |second: u8, len: usize| {
            let mut der = vec![
                0x30,
                0x82,
                (len >> 8) as u8,
                len as u8,
                0x02,
                0x01,
                0x00,
                second,
            ];
            der.extend((0..len - 4).map(|i| (i * 7) as u8));
            der
        };
        let b64 = |d: &[u8]| base64::engine::general_purpose::STANDARD.encode(d);
        let key = der(0x30, 300);
        let found = runs(&format!("privateKey: {}", b64(&key)));
        assert_eq!(found.len(), 1);
        assert!(found[0].bytes.starts_with(b"-----BEGIN PRIVATE KEY-----\n"));
        assert!(found[0].der_key);
        // Truncated (documentation shortens keys), or a certificate (a
        // SEQUENCE first): not a private key.
        assert!(runs(&format!("privateKey: {}", b64(&key[..200]))).is_empty());
        let mut cert = vec![0x30, 0x82, 0x01, 0x00, 0x30, 0x82, 0x00, 0xfc];
        cert.extend((0..252).map(|i| (i * 7) as u8));
        assert!(runs(&format!("cert: {}", b64(&cert))).is_empty());
    }
}
