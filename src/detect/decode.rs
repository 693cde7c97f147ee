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

use crate::model::Encoding;
use std::ops::Range;
use zeroize::Zeroizing;

/// Decoded content: it may be a secret that was committed encoded, so its
/// buffer is zeroed when dropped. Buffers are built at their final size
/// (none grows and leaves an old allocation behind), and the wipe costs
/// one write per decoded byte, against the several that decoding made.
pub(crate) type DecodedBytes = Zeroizing<Vec<u8>>;

/// Fewest decoded bytes worth scanning: no credential is shorter.
pub(crate) const MIN_DECODED: usize = 16;

/// Longest run decoded: a larger one (an embedded file, a font) is not
/// where a credential is typed, and decoding it would cost more than
/// scanning it.
const MAX_RUN: usize = 1 << 20;

/// One decoded run.
#[derive(Debug, Clone)]
pub(crate) struct Decoded {
    /// Where the encoded run is in the content it was found in.
    pub(crate) range: Range<usize>,
    /// How it was encoded.
    pub(crate) encoding: Encoding,
    /// The decoded bytes.
    pub(crate) bytes: DecodedBytes,
    /// For decodings that keep most bytes in place (percent, escapes,
    /// entities): the offset in the content of each decoded byte, so a
    /// secret is located where its own encoded bytes are. Empty for base64
    /// and hex, whose findings are located at the whole run.
    pub(crate) origins: Vec<u32>,
    /// The bytes are a private key in DER rewritten as PEM: its base64
    /// lines are the run itself again, not something to decode further.
    pub(crate) der_key: bool,
}

impl Decoded {
    /// The part of the encoded content that `decoded` (a range of
    /// [`Decoded::bytes`]) came from.
    pub(crate) fn locate(&self, decoded: Range<usize>) -> Range<usize> {
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
///
/// A line whose string escapes only quote (`\"`, `\'`, `\/`, `\\`, `\n`:
/// JSON inside a JSON string, most of them in code) decodes to the same
/// letters and digits, so it can hold a keyword only where the line as
/// written holds one or an escaped one: `quoted_line_worth` is asked for
/// its range before it is decoded, and the line is skipped unless it says
/// yes. Source code has many such lines and few with a keyword.
pub(crate) fn decode_runs(
    data: &[u8],
    quoted_line_worth: &dyn Fn(Range<usize>) -> bool,
    out: &mut Vec<Decoded>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        unsafe { find_runs_avx2(data, quoted_line_worth, out) };
        out.sort_by_key(|d| d.range.start);
        return;
    }
    find_runs(data, quoted_line_worth, out, masks64);
    out.sort_by_key(|d| d.range.start);
}

// ---------------------------------------------------------------------------
// One pass over the content, 64 bytes at a time: a mask of the base64
// alphabet's bytes (its runs are base64 or hex candidates) and one of the
// bytes that start an escape (`%`, `\`, `&`). Most content holds neither a
// long run nor an escape, and this pass is what decoding adds over every
// byte scanned.

/// Bits `k..64` set (none for `k >= 64`).
fn bits_from(k: usize) -> u64 {
    if k >= 64 {
        0
    } else {
        u64::MAX << k
    }
}

/// [`find_runs`] compiled for AVX2, its masks inlined into the loop.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn find_runs_avx2(
    data: &[u8],
    quoted_line_worth: &dyn Fn(Range<usize>) -> bool,
    out: &mut Vec<Decoded>,
) {
    // SAFETY: this function only runs where AVX2 is available.
    find_runs(data, quoted_line_worth, out, |b| unsafe { masks64_avx2(b) })
}

#[inline(always)]
fn find_runs(
    data: &[u8],
    quoted_line_worth: &dyn Fn(Range<usize>) -> bool,
    out: &mut Vec<Decoded>,
    masks: impl Fn(&[u8; 64]) -> (u64, u64),
) {
    let mut runs = RunTracker { start: None };
    // Escapes before this offset are on a line already decoded.
    let mut lines_from = 0usize;
    // The last, partial block, padded with bytes that are neither.
    let mut last = [0u8; 64];
    let mut block = 0;
    while block < data.len() {
        let bytes: &[u8; 64] = match data.get(block..block + 64) {
            Some(b) => b.try_into().expect("64 bytes"),
            None => {
                last[..data.len() - block].copy_from_slice(&data[block..]);
                &last
            }
        };
        let (alphabet, triggers) = masks(bytes);
        runs.block(data, block, alphabet, out);
        let mut triggers = triggers & bits_from(lines_from.saturating_sub(block));
        while triggers != 0 {
            let at = block + triggers.trailing_zeros() as usize;
            triggers &= triggers - 1;
            if let Some(end) = escaped_line(data, at, quoted_line_worth, out) {
                lines_from = end + 1;
                triggers &= bits_from(lines_from.saturating_sub(block));
            }
        }
        block += 64;
    }
    if let Some(start) = runs.start {
        alphabet_run(data, start, data.len(), out);
    }
}

/// Follows runs of the base64 alphabets across blocks.
struct RunTracker {
    /// Where the run that reaches the end of the previous block starts.
    start: Option<usize>,
}

impl RunTracker {
    /// Takes the block at `block` whose alphabet bytes are the bits of `m`:
    /// decodes every run that ends in it and is long enough, and remembers
    /// the run that reaches its end.
    #[inline(always)]
    fn block(&mut self, data: &[u8], block: usize, m: u64, out: &mut Vec<Decoded>) {
        // Bit i survives when bits i..i+MIN are all set.
        const MIN: usize = MIN_BASE64_RUN;
        let mut long = m;
        long &= long >> 1;
        long &= long >> 2;
        long &= long >> 4;
        long &= long >> 8;
        long &= long >> (MIN - 16);
        // Bits below `pos` are done.
        let mut pos = 0;
        if let Some(start) = self.start {
            if m == u64::MAX {
                return;
            }
            let end = (!m).trailing_zeros() as usize;
            self.start = None;
            if block + end - start >= MIN {
                alphabet_run(data, start, block + end, out);
            }
            pos = end + 1;
        }
        loop {
            let starts = long & bits_from(pos);
            if starts == 0 {
                break;
            }
            let start = starts.trailing_zeros() as usize;
            let ends = !m & bits_from(start);
            if ends == 0 {
                self.start = Some(block + start);
                return;
            }
            let end = ends.trailing_zeros() as usize;
            alphabet_run(data, block + start, block + end, out);
            pos = end + 1;
        }
        // A run reaching the block's end may go on in the next one.
        let tail = m.leading_ones() as usize;
        if tail > 0 && 64 - tail >= pos {
            self.start = Some(block + 64 - tail);
        }
    }
}

/// Decodes the run `start..end` of alphabet bytes (with the `=` padding
/// after it) if it is text worth scanning.
fn alphabet_run(data: &[u8], start: usize, end: usize, out: &mut Vec<Decoded>) {
    let mut padded = end;
    while padded < data.len() && padded < end + 2 && data[padded] == b'=' {
        padded += 1;
    }
    if end - start <= MAX_RUN {
        if let Some(d) = decode_alphabet_run(data, start..end, padded) {
            out.push(d);
        }
    }
}

/// Bits of the base64 alphabets' bytes and of escape starts in `bytes`.
fn masks64(bytes: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        masks64_sse2(bytes)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        masks64_bytewise(bytes)
    }
}

/// [`masks64`] a byte at a time: what CPUs without a vector version run,
/// and the reference the vector versions are tested against.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn masks64_bytewise(bytes: &[u8; 64]) -> (u64, u64) {
    bytes
        .iter()
        .enumerate()
        .fold((0u64, 0u64), |(a, t), (i, &b)| {
            let alphabet = CLASS[b as usize] & (STD | URL) != 0;
            let trigger = matches!(b, b'%' | b'\\' | b'&');
            (
                a | (u64::from(alphabet) << i),
                t | (u64::from(trigger) << i),
            )
        })
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

/// [`masks64`] 32 bytes at a time, each byte classified by two table
/// lookups, one per nibble: a class bit is set in both tables' entries
/// for the byte's nibbles exactly when the byte is in that class. Bits
/// 0-4 cover the alphabets (`0-9` with `P-Z`/`p-z`'s low nibbles, `A-Z`,
/// `a-z`, `+-/`, `_`), bits 5-6 the escape starts (`%&`, `\\`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn masks64_avx2(bytes: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    const ALPHABET: i8 = 0x1f;
    const TRIGGER: i8 = 0x60;
    #[rustfmt::skip]
    let low = _mm256_setr_epi8(
        0x01, 0x03, 0x03, 0x03, 0x03, 0x23, 0x23, 0x03,
        0x03, 0x03, 0x02, 0x0c, 0x44, 0x0c, 0x04, 0x1c,
        0x01, 0x03, 0x03, 0x03, 0x03, 0x23, 0x23, 0x03,
        0x03, 0x03, 0x02, 0x0c, 0x44, 0x0c, 0x04, 0x1c,
    );
    #[rustfmt::skip]
    let high = _mm256_setr_epi8(
        0, 0, 0x28, 0x01, 0x06, 0x53, 0x06, 0x03, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0x28, 0x01, 0x06, 0x53, 0x06, 0x03, 0, 0, 0, 0, 0, 0, 0, 0,
    );
    let nibble = _mm256_set1_epi8(0x0f);
    let zero = _mm256_setzero_si256();
    let (mut alphabet, mut triggers) = (0u64, 0u64);
    for k in 0..2 {
        // SAFETY: reads bytes[32k..32k+32], inside the 64.
        let v = unsafe { _mm256_loadu_si256(bytes.as_ptr().add(32 * k) as *const __m256i) };
        let lo = _mm256_and_si256(v, nibble);
        let hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
        let class = _mm256_and_si256(_mm256_shuffle_epi8(low, lo), _mm256_shuffle_epi8(high, hi));
        let not_alphabet =
            _mm256_cmpeq_epi8(_mm256_and_si256(class, _mm256_set1_epi8(ALPHABET)), zero);
        let not_trigger =
            _mm256_cmpeq_epi8(_mm256_and_si256(class, _mm256_set1_epi8(TRIGGER)), zero);
        alphabet |= u64::from(!(_mm256_movemask_epi8(not_alphabet) as u32)) << (32 * k);
        triggers |= u64::from(!(_mm256_movemask_epi8(not_trigger) as u32)) << (32 * k);
    }
    (alphabet, triggers)
}

/// [`masks64`] with SSE2, which every x86_64 CPU has.
#[cfg(target_arch = "x86_64")]
fn masks64_sse2(bytes: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut alphabet, mut triggers) = (0u64, 0u64);
    for k in 0..4 {
        // SAFETY: SSE2 is part of x86_64; the load reads bytes[16k..16k+16],
        // inside the 64, unaligned loads allowed.
        let (a, t) = unsafe {
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
            let starts = _mm_or_si128(_mm_or_si128(eq(b'%'), eq(b'\\')), eq(b'&'));
            (
                _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letters, digits), signs)) as u16,
                _mm_movemask_epi8(starts) as u16,
            )
        };
        alphabet |= u64::from(a) << (16 * k);
        triggers |= u64::from(t) << (16 * k);
    }
    (alphabet, triggers)
}

#[inline(never)]
fn decode_alphabet_run(data: &[u8], run: Range<usize>, padded_end: usize) -> Option<Decoded> {
    let text = &data[run.clone()];
    // Most runs are identifiers, paths and hashes: their first bytes,
    // decoded either way, are not text, and they are dropped before the
    // whole run is looked at.
    let hex_head = text
        .get(..12)
        .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
    if !hex_head.is_some_and(|h| h.chunks_exact(2).all(|pair| printable(hex_byte(pair))))
        && !head_may_be_text(text)
    {
        return None;
    }
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
fn in_its_line(data: &[u8], run: Range<usize>, encoding: Encoding, bytes: DecodedBytes) -> Decoded {
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
    let mut line = Zeroizing::new(Vec::with_capacity(end - start - run.len() + bytes.len()));
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
    bytes.iter().all(|&b| printable(b))
}

/// A byte of ASCII text: printable or whitespace.
fn printable(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t')
}

/// The byte two hex digits (`pair`, known to be hex) stand for.
fn hex_byte(pair: &[u8]) -> u8 {
    let nibble = |b: u8| match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    };
    (nibble(pair[0]) << 4) | nibble(pair[1])
}

fn decode_hex(text: &[u8]) -> DecodedBytes {
    Zeroizing::new(text.chunks_exact(2).map(hex_byte).collect())
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

fn decode_base64(text: &[u8], url_safe: bool) -> Option<DecodedBytes> {
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
        let head = Zeroizing::new(engine.decode(&text[..344]).ok()?);
        if !is_text(&head) && !head.starts_with(&[0x30, 0x82]) {
            return None;
        }
    }
    engine.decode(text).ok().map(Zeroizing::new)
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
fn as_scannable(bytes: DecodedBytes, base64: &[u8]) -> DecodedBytes {
    let Some(label) = der_private_key_label(&bytes) else {
        return bytes;
    };
    let mut pem = Zeroizing::new(Vec::with_capacity(base64.len() + base64.len() / 64 + 80));
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

/// If `data[at]` starts an escape that changes what a rule reads, decodes
/// its line (each kind of escape the line has enough of) and returns the
/// line's end; otherwise `None`. Most `%`, `\\` and `&` are not escapes
/// (`&&`, `\\n`, `100%`): they are judged where they stand before their line
/// is looked at.
fn escaped_line(
    data: &[u8],
    at: usize,
    quoted_line_worth: &dyn Fn(Range<usize>) -> bool,
    out: &mut Vec<Decoded>,
) -> Option<usize> {
    let encoding = match data[at] {
        b'%' => Encoding::Percent,
        b'\\' => Encoding::Escape,
        _ => Encoding::Html,
    };
    if !is_escape(encoding, &data[at..]) {
        return None;
    }
    let start = memchr::memrchr(b'\n', &data[..at]).map_or(0, |n| n + 1);
    let end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |n| at + n);
    if end - start > MAX_LINE {
        return Some(end);
    }
    let line = &data[start..end];
    for encoding in [Encoding::Percent, Encoding::Escape, Encoding::Html] {
        if encoding == Encoding::Escape && !hides_characters(line) && !quoted_line_worth(start..end)
        {
            continue;
        }
        if let Some((bytes, origins)) = decode_line(line, start, encoding) {
            out.push(Decoded {
                range: start..end,
                encoding,
                bytes,
                origins,
                der_key: false,
            });
        }
    }
    Some(end)
}

/// Whether `line` has a string escape that stands for a character of its
/// own (`\u0070`, `\x70`), which may hide a keyword's letters, unlike the
/// quoting escapes.
fn hides_characters(line: &[u8]) -> bool {
    memchr::memchr_iter(b'\\', line).any(|at| {
        matches!(line.get(at + 1), Some(b'u' | b'x')) && is_escape(Encoding::Escape, &line[at..])
    })
}

/// Decodes `line`'s escapes of one kind; `None` unless it has at least
/// [`MIN_ESCAPES`] of them and decodes to [`MIN_DECODED`] bytes of text.
/// The second vector holds each decoded byte's offset in the content,
/// where `line` starts at `offset`.
fn decode_line(line: &[u8], offset: usize, encoding: Encoding) -> Option<(DecodedBytes, Vec<u32>)> {
    if count_escapes(line, encoding) < MIN_ESCAPES {
        return None;
    }
    // No escape decodes to more bytes than it is written with: the buffer
    // never grows.
    let mut bytes = Zeroizing::new(Vec::with_capacity(line.len()));
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
                origins.extend(std::iter::repeat_n((offset + i) as u32, produced));
                i += consumed;
            }
            None => {
                bytes.push(line[i]);
                origins.push((offset + i) as u32);
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
        decode_runs(data.as_bytes(), &|_| true, &mut out);
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
            assert_eq!(*found[0].bytes, env.as_bytes());
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
    fn masks_agree_with_the_byte_classes() {
        let reference = masks64_bytewise;
        for start in [0u8, 64, 128, 192, 37, 101, 17, 230] {
            let sample: [u8; 64] = std::array::from_fn(|i| start.wrapping_add(i as u8));
            assert_eq!(masks64(&sample), reference(&sample));
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2.
                assert_eq!(unsafe { masks64_avx2(&sample) }, reference(&sample));
            }
        }
    }

    /// Every maximal alphabet run, found a byte at a time.
    fn runs_one_byte_at_a_time(data: &[u8]) -> Vec<Range<usize>> {
        let in_run = |b: u8| CLASS[b as usize] & (STD | URL) != 0;
        let mut found = Vec::new();
        let mut i = 0;
        while i < data.len() {
            if !in_run(data[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < data.len() && in_run(data[i]) {
                i += 1;
            }
            let mut padded = i;
            while padded < data.len() && padded < i + 2 && data[padded] == b'=' {
                padded += 1;
            }
            if let Some(d) = decode_alphabet_run(data, start..i, padded) {
                found.push(d.range);
            }
        }
        found
    }

    #[test]
    fn long_runs_are_found_across_and_within_blocks() {
        use base64::Engine as _;
        let engine = base64::engine::general_purpose::STANDARD_NO_PAD;
        let secret = b"user=deploy password=Zq8!vRt2#Lm5 host=db.internal port=5432";
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut decoded = 0;
        for case in 0..400 {
            // Runs of every length around the minimum, at every offset
            // around block edges and the end, between words and spaces.
            let mut text = Vec::new();
            for _ in 0..1 + next(6) {
                text.extend(std::iter::repeat_n(b' ', next(70)));
                match next(3) {
                    0 => text.extend_from_slice(b"SomeIdentifier_name"),
                    _ => {
                        let take = 10 + next(secret.len() - 10);
                        text.extend_from_slice(engine.encode(&secret[..take]).as_bytes());
                    }
                }
            }
            let mut found = Vec::new();
            decode_runs(&text, &|_| true, &mut found);
            let found: Vec<_> = found.into_iter().map(|d| d.range).collect();
            let expected = runs_one_byte_at_a_time(&text);
            assert_eq!(
                found,
                expected,
                "case {case}: {}",
                String::from_utf8_lossy(&text)
            );
            decoded += found.len();
        }
        assert!(decoded > 400, "only {decoded} runs decoded");
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
        assert_eq!(*found[0].bytes, br#"x = "password=Zq8!vRt2#Lm5""#);
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
        assert_eq!(*found[0].bytes, br#"{"password": "S3cret!9xQ"}"#);

        let html = "<value>Password=&#84;r0ub&#108;e&amp;Str1fe!</value>";
        let found = runs(html);
        assert_eq!(found[0].encoding, Encoding::Html);
        assert_eq!(*found[0].bytes, b"<value>Password=Tr0uble&Str1fe!</value>");
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
