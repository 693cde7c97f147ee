//! Structure checks a rule can ask for (`check = "…"` in a rule file): a
//! token format with a checksum or a decodable body is verified, not just
//! matched. A value that passes was shaped by the issuer (`high`
//! confidence); one that fails was typed by a person (a made-up example, a
//! truncated paste): a prefixed token is then reported at `low` confidence
//! ([`Check::reports_failures`]), any other value is not reported.

use crate::rules::Check;
use base64::Engine as _;

impl Check {
    /// Whether `value` (a rule's captured secret) has the structure.
    pub(crate) fn passes(self, value: &[u8]) -> bool {
        match self {
            Check::Base62Crc32 => base62_crc32(value),
            Check::PypiMacaroon => pypi_macaroon(value),
            Check::Jwt => std::str::from_utf8(value).is_ok_and(structured_jwt),
            Check::AwsKeyId => aws_account_of(value).is_some(),
            Check::DerSequence => der_sequence(value),
        }
    }

    /// Whether a value that fails the check is still reported, at `low`
    /// confidence, rather than dropped. A GitHub/npm token, an AWS key id
    /// or a PyPI token with pypi.org's macaroon header is recognisable by
    /// its prefix alone, and labelled leaks are
    /// often typed or altered by hand (failing the checksum) yet are what
    /// a reviewer must see; a value failing a decode check (JWT, DER,
    /// macaroon) is not the format at all.
    pub(crate) fn reports_failures(self, value: &[u8]) -> bool {
        match self {
            Check::Base62Crc32 | Check::AwsKeyId => true,
            // The macaroon header of a token for pypi.org or test.pypi.org
            // (version 2, location "pypi.org"): no other string starts so.
            Check::PypiMacaroon => {
                value.starts_with(b"pypi-AgEIcHlwaS5vcmc")
                    || value.starts_with(b"pypi-AgENdGVzdC5weXBpLm9yZw")
            }
            Check::Jwt | Check::DerSequence => false,
        }
    }
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `prefix_` + 30 base62 characters + the 6-character base62 CRC32 of
/// those 30 (zero-padded), as GitHub and npm issue them.
fn base62_crc32(value: &[u8]) -> bool {
    let Some(underscore) = value.iter().position(|&b| b == b'_') else {
        return false;
    };
    let body = &value[underscore + 1..];
    if body.len() != 36 || !body.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (random, checksum) = body.split_at(30);
    let mut decoded: u64 = 0;
    for &c in checksum {
        let digit = BASE62.iter().position(|&d| d == c).unwrap_or(0) as u64;
        decoded = decoded * 62 + digit;
    }
    decoded == u64::from(crc32fast::hash(random))
}

/// Decodes base64 in either alphabet, padded or not.
fn decode_base64_any(text: &[u8]) -> Option<super::decode::DecodedBytes> {
    let url_safe = text.iter().any(|&b| b == b'-' || b == b'_');
    super::decode::lenient_base64(url_safe)
        .decode(text)
        .ok()
        .map(zeroize::Zeroizing::new)
}

/// `pypi-` + base64url of a version 2 macaroon: a version byte, a header
/// section (optional location, identifier), caveat sections, an empty
/// section and a 32-byte signature (the libmacaroons binary format).
fn pypi_macaroon(value: &[u8]) -> bool {
    let Some(body) = value.strip_prefix(b"pypi-") else {
        return false;
    };
    decode_base64_any(body).is_some_and(|bytes| macaroon_v2(&bytes))
}

fn macaroon_v2(bytes: &[u8]) -> bool {
    const EOS: u64 = 0;
    const LOCATION: u64 = 1;
    const IDENTIFIER: u64 = 2;
    const VERIFICATION_ID: u64 = 4;
    const SIGNATURE: u64 = 6;
    struct Reader<'a> {
        bytes: &'a [u8],
        at: usize,
    }
    impl<'a> Reader<'a> {
        fn varint(&mut self) -> Option<u64> {
            let mut value = 0u64;
            for shift in (0..64).step_by(7) {
                let b = *self.bytes.get(self.at)?;
                self.at += 1;
                value |= u64::from(b & 0x7f) << shift;
                if b & 0x80 == 0 {
                    return Some(value);
                }
            }
            None
        }
        fn field(&mut self) -> Option<(u64, &'a [u8])> {
            let kind = self.varint()?;
            if kind == EOS {
                return Some((EOS, &[]));
            }
            let len = usize::try_from(self.varint()?).ok()?;
            let data = self.bytes.get(self.at..self.at.checked_add(len)?)?;
            self.at += len;
            Some((kind, data))
        }
        /// A section: fields in increasing type order up to an EOS; it
        /// must hold an identifier. `None` for the empty section that ends
        /// the caveats.
        fn section(&mut self) -> Option<Option<()>> {
            let mut last = 0;
            let mut identified = false;
            loop {
                let (kind, data) = self.field()?;
                match kind {
                    EOS if last == 0 => return Some(None),
                    EOS => return identified.then_some(Some(())),
                    LOCATION | IDENTIFIER | VERIFICATION_ID if kind > last => {
                        identified |= kind == IDENTIFIER && !data.is_empty();
                        last = kind;
                    }
                    _ => return None,
                }
            }
        }
    }
    if bytes.first() != Some(&2) {
        return false;
    }
    let mut r = Reader { bytes, at: 1 };
    if !matches!(r.section(), Some(Some(()))) {
        return false;
    }
    loop {
        match r.section() {
            Some(Some(())) => continue,
            Some(None) => break,
            None => return false,
        }
    }
    matches!(r.field(), Some((SIGNATURE, sig)) if sig.len() == 32) && r.at == bytes.len()
}

/// Whether `value` is a JWT whose header is a JSON object with a string
/// `alg` and whose payload is a JSON object (base64url, padding optional).
fn structured_jwt(value: &str) -> bool {
    let decode = |part: &str| -> Option<serde_json::Value> {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part.trim_end_matches('='))
            .ok()?;
        serde_json::from_slice(&bytes).ok()
    };
    let mut parts = value.split('.');
    let (Some(header), Some(payload)) = (parts.next(), parts.next()) else {
        return false;
    };
    let header = decode(header);
    let alg = header
        .as_ref()
        .and_then(|h| h.get("alg"))
        .and_then(|a| a.as_str());
    alg.is_some() && decode(payload).is_some_and(|p| p.is_object())
}

/// The AWS account number an access key id encodes: the 16 characters
/// after its 4-letter prefix are base32 (RFC 4648); bits 7–46 of the first
/// six decoded bytes are the account. `None` when the characters are not
/// base32 or the number has more than 12 digits (no such account exists).
pub(crate) fn aws_account_of(value: &[u8]) -> Option<u64> {
    let body = value.get(4..20)?;
    let mut bits: u128 = 0;
    for &c in body {
        let digit = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        bits = (bits << 5) | u128::from(digit);
    }
    // 80 bits; the first 48 are the six bytes that hold the account.
    let first_six = (bits >> 32) as u64;
    let account = (first_six & 0x7fff_ffff_ff80) >> 7;
    (account <= 999_999_999_999).then_some(account)
}

/// A base64 key body (line breaks, `\n` escapes and spaces ignored) that
/// decodes to exactly one DER SEQUENCE.
fn der_sequence(value: &[u8]) -> bool {
    let mut text = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        match value[i] {
            b'\\' if value.get(i + 1) == Some(&b'n') => i += 1,
            b'\r' | b'\n' | b' ' | b'\t' => {}
            b => text.push(b),
        }
        i += 1;
    }
    let Some(der) = decode_base64_any(&text) else {
        return false;
    };
    der.len() >= 4
        && der_sequence_header(&der).is_some_and(|(header, len)| header + len == der.len())
}

/// The header length and content length of the DER SEQUENCE `der` starts
/// with (lengths of up to three bytes), if it starts with one.
pub(crate) fn der_sequence_header(der: &[u8]) -> Option<(usize, usize)> {
    if der.first() != Some(&0x30) {
        return None;
    }
    let byte = |i: usize| der.get(i).map(|&b| usize::from(b));
    Some(match *der.get(1)? {
        n if n < 0x80 => (2, usize::from(n)),
        0x81 => (3, byte(2)?),
        0x82 => (4, byte(2)? << 8 | byte(3)?),
        0x83 => (5, byte(2)? << 16 | byte(3)? << 8 | byte(4)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a token the way the issuer does, for tests.
    fn with_crc(prefix: &str, random: &str) -> String {
        let mut crc = u64::from(crc32fast::hash(random.as_bytes()));
        let mut digits = [b'0'; 6];
        for d in digits.iter_mut().rev() {
            *d = BASE62[(crc % 62) as usize];
            crc /= 62;
        }
        format!("{prefix}{random}{}", std::str::from_utf8(&digits).unwrap())
    }

    #[test]
    fn base62_crc32_accepts_issued_tokens_and_rejects_edits() {
        let token = with_crc("ghp_", "Kq7Xw2mVd9RtLp4Zs8NbYc3Hf6JgTa");
        assert!(Check::Base62Crc32.passes(token.as_bytes()), "{token}");
        let npm = with_crc("npm_", "u5Ry8Qe1WnMk0Pz7Vb3Xc9Lh2Td6Ga");
        assert!(Check::Base62Crc32.passes(npm.as_bytes()));
        // One character changed, in the body or the checksum.
        let mut edited = token.clone().into_bytes();
        edited[10] = if edited[10] == b'a' { b'b' } else { b'a' };
        assert!(!Check::Base62Crc32.passes(&edited));
        let mut edited = token.into_bytes();
        edited[39] = if edited[39] == b'a' { b'b' } else { b'a' };
        assert!(!Check::Base62Crc32.passes(&edited));
        // Wrong length, no prefix.
        assert!(!Check::Base62Crc32.passes(b"ghp_abc"));
        assert!(!Check::Base62Crc32.passes(b"Kq7Xw2mVd9RtLp4Zs8NbYc3Hf6JgTa000000"));
    }

    fn macaroon(location: &str, id: &[u8], caveats: &[&[u8]], sig_len: usize) -> Vec<u8> {
        let field = |out: &mut Vec<u8>, kind: u8, data: &[u8]| {
            out.push(kind);
            let mut n = data.len();
            loop {
                let b = (n & 0x7f) as u8;
                n >>= 7;
                out.push(if n == 0 { b } else { b | 0x80 });
                if n == 0 {
                    break;
                }
            }
            out.extend_from_slice(data);
        };
        let mut m = vec![2];
        field(&mut m, 1, location.as_bytes());
        field(&mut m, 2, id);
        m.push(0);
        for c in caveats {
            field(&mut m, 2, c);
            m.push(0);
        }
        m.push(0);
        field(&mut m, 6, &vec![0xa5; sig_len]);
        m
    }

    #[test]
    fn pypi_tokens_must_decode_to_a_v2_macaroon() {
        let encode = |m: &[u8]| {
            format!(
                "pypi-{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m)
            )
        };
        let good = macaroon(
            "pypi.org",
            b"9f1c6a0e-3d2b-4c55-8e7a-1b2c3d4e5f60",
            &[br#"{"version": 1, "permissions": "user"}"#],
            32,
        );
        assert!(Check::PypiMacaroon.passes(encode(&good).as_bytes()));
        let no_caveats = macaroon("test.pypi.org", b"0123456789abcdef", &[], 32);
        assert!(Check::PypiMacaroon.passes(encode(&no_caveats).as_bytes()));
        let short_sig = macaroon("pypi.org", b"0123456789abcdef", &[], 20);
        assert!(!Check::PypiMacaroon.passes(encode(&short_sig).as_bytes()));
        let truncated = &good[..good.len() - 5];
        assert!(!Check::PypiMacaroon.passes(encode(truncated).as_bytes()));
        // The known prefix followed by random characters.
        assert!(!Check::PypiMacaroon
            .passes(b"pypi-AgEIcHlwaS5vcmcCJGQ0ZjJhYzk0LWQ5YjctNDg2Zi1hYmI1LTk3ZDE5xYzQ3Njg0Mg"));
    }

    #[test]
    fn jwts_must_decode_to_a_header_with_alg_and_an_object_payload() {
        assert!(Check::Jwt
            .passes(b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"));
        assert!(!Check::Jwt.passes(b"eyJub3RhbGciOjF9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"));
        assert!(!Check::Jwt.passes(b"eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig"));
    }

    #[test]
    fn aws_key_ids_decode_to_their_account() {
        // The documented example key id and one built for account 123456789012.
        assert!(aws_account_of(b"AKIAIOSFODNN7EXAMPLE").is_some());
        let account: u64 = 123_456_789_012;
        let bits: u128 = (u128::from(account << 7) << 32) | 0x1234_5678;
        let key: String = (0..16)
            .map(|i| {
                let d = ((bits >> (75 - 5 * i)) & 31) as u8;
                if d < 26 {
                    char::from(b'A' + d)
                } else {
                    char::from(b'2' + d - 26)
                }
            })
            .collect();
        assert_eq!(
            aws_account_of(format!("ASIA{key}").as_bytes()),
            Some(account)
        );
        // Not base32 (0, 1, 8, 9 never occur), and a number too large.
        assert_eq!(aws_account_of(b"AKIA0123456789ABCDEF"), None);
        assert_eq!(aws_account_of(b"AKIA7777777777777777"), None);
    }

    #[test]
    fn key_bodies_must_be_one_whole_der_sequence() {
        use base64::engine::general_purpose::STANDARD;
        let mut der = vec![0x30, 0x82, 0x01, 0x00];
        der.extend((0..256).map(|i| i as u8));
        let body = STANDARD.encode(&der);
        let escaped: String = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\\n");
        assert!(Check::DerSequence.passes(body.as_bytes()));
        assert!(Check::DerSequence.passes(escaped.as_bytes()));
        // Truncated, or not a SEQUENCE at all.
        assert!(!Check::DerSequence.passes(&body.as_bytes()[..200]));
        assert!(!Check::DerSequence.passes(STANDARD.encode([0x04; 64]).as_bytes()));
    }
}
