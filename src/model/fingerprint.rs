//! Public fingerprints: the name reports, baselines and SARIF give a leak.
//!
//! While a scan runs, each (rule, secret) pair is known by its identity,
//! SHA-256 of the rule id and the secret: cheap, and only ever kept in
//! memory. An unkeyed hash must not leave the scan: a fingerprint in a
//! shared report or an uploaded SARIF file would let anyone try candidate
//! passwords offline at billions a second and recover a short secret. So
//! before findings are reported their identity is replaced by one of:
//!
//! - HMAC-SHA256 under the organisation's key (`LEAKGUARD_FINGERPRINT_KEY`):
//!   without the key a fingerprint says nothing, and every repository
//!   scanned with the key names the same secret alike, so `report merge`
//!   can tell a secret shared between repositories;
//! - otherwise Argon2id, salted with the baseline's random salt (or a fixed
//!   salt without a baseline), at a cost that makes each guess take
//!   milliseconds and memory instead of nanoseconds.
//!
//! Each distinct pair is sealed once per scan (memoised by identity), so a
//! history with thousands of findings of a few hundred secrets pays a few
//! hundred seals.

use super::{Finding, Fingerprint, Secret};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::Mutex;
use zeroize::Zeroizing;

/// The environment variable holding the organisation's fingerprint key.
pub const KEY_ENV: &str = "LEAKGUARD_FINGERPRINT_KEY";

/// Salt of scans that have neither a key nor a baseline with a salt.
const DEFAULT_SALT: &[u8] = b"leakguard fingerprint v2";

/// Argon2id cost: memory in KiB, passes, lanes. About 2.5 ms and 2 MiB a
/// seal on one core (measured in `seal_cost` below): a scan seals each
/// distinct secret once, an attacker pays that for every guess.
const ARGON2_MEMORY_KIB: u32 = 2048;
const ARGON2_PASSES: u32 = 1;
const ARGON2_LANES: u32 = 1;

/// How a report's fingerprints were made: written into reports and
/// baselines so that fingerprints made differently are never compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scheme", deny_unknown_fields)]
pub enum Scheme {
    /// HMAC-SHA256 under a key; `key_id` names the key without revealing it.
    #[serde(rename = "hmac-sha256")]
    Keyed {
        /// First 16 hex digits of HMAC(key, "leakguard fingerprint key id").
        key_id: String,
    },
    /// Argon2id with this salt.
    #[serde(rename = "argon2id")]
    Salted {
        /// The salt.
        salt: Salt,
    },
}

/// A salt, written as `{"hex": "…"}`: a salt is no secret, but a random
/// string under a key named `salt` looks like one to every secret scanner
/// (leakguard's generic rule included), and baselines are committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salt {
    /// The salt's bytes, hex.
    pub hex: String,
}

impl Salt {
    /// The salt's bytes, if its hex is valid.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        hex::decode(&self.hex).ok()
    }
}

impl Scheme {
    /// A short description for messages.
    pub fn describe(&self) -> String {
        match self {
            Scheme::Keyed { key_id } => format!("HMAC-SHA256 under key {key_id}"),
            Scheme::Salted { salt } => format!("Argon2id with salt {}", salt.hex),
        }
    }
}

enum Method {
    Keyed {
        key: Zeroizing<Vec<u8>>,
        key_id: String,
    },
    Salted {
        salt: Vec<u8>,
    },
}

/// Turns findings' identities into public fingerprints.
pub struct Fingerprinter {
    method: Method,
    /// Identity -> public fingerprint, for pairs already sealed.
    sealed: Mutex<HashMap<Fingerprint, Fingerprint>>,
}

impl std::fmt::Debug for Fingerprinter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        write!(f, "Fingerprinter({})", self.scheme().describe())
    }
}

impl Default for Fingerprinter {
    /// Argon2id with the fixed salt: no key, no baseline.
    fn default() -> Fingerprinter {
        Fingerprinter::salted(DEFAULT_SALT)
    }
}

impl Fingerprinter {
    /// HMAC-SHA256 under the organisation's `key`.
    pub fn keyed(key: &[u8]) -> Fingerprinter {
        let key_id = hex::encode(hmac(key, &[b"leakguard fingerprint key id"]))[..16].to_string();
        Fingerprinter::with(Method::Keyed {
            key: Zeroizing::new(key.to_vec()),
            key_id,
        })
    }

    /// Argon2id with `salt` (Argon2 wants at least 8 bytes: a shorter salt
    /// is replaced by its SHA-256).
    pub fn salted(salt: &[u8]) -> Fingerprinter {
        let salt = if salt.len() < 8 {
            use sha2::Digest;
            Sha256::digest(salt).to_vec()
        } else {
            salt.to_vec()
        };
        Fingerprinter::with(Method::Salted { salt })
    }

    fn with(method: Method) -> Fingerprinter {
        Fingerprinter {
            method,
            sealed: Mutex::new(HashMap::new()),
        }
    }

    /// The fingerprinter a scan uses: the organisation's key from
    /// [`KEY_ENV`] when it is set and not empty, else Argon2id with
    /// `salt` (a baseline's) or the fixed salt.
    pub fn for_scan(key: Option<&[u8]>, salt: Option<&[u8]>) -> Fingerprinter {
        match (key, salt) {
            (Some(key), _) if !key.is_empty() => Fingerprinter::keyed(key),
            (_, Some(salt)) => Fingerprinter::salted(salt),
            _ => Fingerprinter::default(),
        }
    }

    /// How this fingerprinter makes fingerprints.
    pub fn scheme(&self) -> Scheme {
        match &self.method {
            Method::Keyed { key_id, .. } => Scheme::Keyed {
                key_id: key_id.clone(),
            },
            Method::Salted { salt } => Scheme::Salted {
                salt: Salt {
                    hex: hex::encode(salt),
                },
            },
        }
    }

    /// Replaces the findings' identities with public fingerprints, each
    /// distinct secret sealed once, on every core.
    pub(crate) fn seal_all(&self, findings: &mut [Finding]) {
        use rayon::prelude::*;
        let ids: Vec<Fingerprint> = findings
            .iter()
            .map(|f| Fingerprint::new(&f.rule_id, &f.secret))
            .collect();
        let mut fresh: Vec<(&Fingerprint, &Finding)> = {
            let sealed = lock(&self.sealed);
            ids.iter()
                .zip(findings.iter())
                .filter(|(id, _)| !sealed.contains_key(*id))
                .collect()
        };
        fresh.sort_by(|a, b| a.0.cmp(b.0));
        fresh.dedup_by(|a, b| a.0 == b.0);
        // Sealed outside the lock: Argon2 takes milliseconds.
        let done: Vec<(Fingerprint, Fingerprint)> = fresh
            .into_par_iter()
            .map(|(id, f)| (id.clone(), self.fingerprint(&f.rule_id, &f.secret)))
            .collect();
        let mut sealed = lock(&self.sealed);
        sealed.extend(done);
        for (f, id) in findings.iter_mut().zip(&ids) {
            if let Some(public) = sealed.get(id) {
                f.fingerprint = public.clone();
            }
        }
    }

    /// The public fingerprint of `secret` found by rule `rule_id`.
    pub(crate) fn fingerprint(&self, rule_id: &str, secret: &Secret) -> Fingerprint {
        let secret = secret.expose().as_bytes();
        let digest = match &self.method {
            Method::Keyed { key, .. } => hmac(
                key,
                &[
                    b"leakguard fingerprint v2\0",
                    rule_id.as_bytes(),
                    b"\0",
                    secret,
                ],
            ),
            Method::Salted { salt } => {
                let mut input =
                    Zeroizing::new(Vec::with_capacity(rule_id.len() + 1 + secret.len()));
                input.extend_from_slice(rule_id.as_bytes());
                input.push(0);
                input.extend_from_slice(secret);
                argon2id(&input, salt)
            }
        };
        Fingerprint::from_hex(hex::encode(digest))
    }
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

fn argon2id(input: &[u8], salt: &[u8]) -> [u8; 32] {
    use argon2::{Algorithm, Argon2, Params, Version};
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, Some(32))
        .expect("fixed, valid Argon2 parameters");
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(input, salt, &mut out)
        .expect("salt of at least 8 bytes and a 32-byte output are valid");
    out
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(s: &str) -> Secret {
        Secret::from_bytes(s.as_bytes())
    }

    #[test]
    fn keyed_fingerprints_depend_on_the_key_and_match_across_fingerprinters() {
        let a = Fingerprinter::keyed(b"org key one");
        let a2 = Fingerprinter::keyed(b"org key one");
        let b = Fingerprinter::keyed(b"org key two");
        let s = secret("hunter2");
        assert_eq!(a.fingerprint("r", &s), a2.fingerprint("r", &s));
        assert_ne!(a.fingerprint("r", &s), b.fingerprint("r", &s));
        assert_ne!(a.fingerprint("r", &s), a.fingerprint("q", &s));
        assert_ne!(a.scheme(), b.scheme());
        // Neither the identity (unkeyed SHA-256) nor the secret.
        let f = a.fingerprint("r", &s);
        assert_ne!(f, Fingerprint::new("r", &s));
        assert!(!f.as_str().contains("hunter2"));
        assert_eq!(f.as_str().len(), 64);
        assert!(!format!("{a:?}").contains("org key"));
    }

    #[test]
    fn salted_fingerprints_depend_on_the_salt_and_are_stable() {
        let s = secret("hunter2");
        let x = Fingerprinter::salted(b"0123456789abcdef");
        assert_eq!(
            x.fingerprint("r", &s),
            Fingerprinter::salted(b"0123456789abcdef").fingerprint("r", &s)
        );
        assert_ne!(
            x.fingerprint("r", &s),
            Fingerprinter::salted(b"fedcba9876543210").fingerprint("r", &s)
        );
        assert_ne!(x.fingerprint("r", &s), Fingerprint::new("r", &s));
        // Short salts still work (padded to Argon2's minimum).
        let short = Fingerprinter::salted(b"ab");
        assert_eq!(short.fingerprint("r", &s).as_str().len(), 64);
        // A fixed vector, so fingerprints stay the same across machines
        // and releases.
        assert_eq!(
            Fingerprinter::default()
                .fingerprint("generic-password", &s)
                .as_str(),
            Fingerprinter::salted(DEFAULT_SALT)
                .fingerprint("generic-password", &s)
                .as_str()
        );
    }

    #[test]
    fn the_key_wins_over_a_salt_and_an_empty_key_is_no_key() {
        let salt = b"0123456789abcdef".as_slice();
        assert!(matches!(
            Fingerprinter::for_scan(Some(b"k"), Some(salt)).scheme(),
            Scheme::Keyed { .. }
        ));
        assert_eq!(
            Fingerprinter::for_scan(Some(b""), Some(salt)).scheme(),
            Scheme::Salted {
                salt: Salt {
                    hex: hex::encode(salt)
                }
            }
        );
        assert_eq!(
            Fingerprinter::for_scan(None, None).scheme(),
            Fingerprinter::default().scheme()
        );
    }

    #[test]
    fn schemes_round_trip_through_json() {
        for scheme in [
            Fingerprinter::keyed(b"k").scheme(),
            Fingerprinter::default().scheme(),
        ] {
            let json = serde_json::to_string(&scheme).unwrap();
            assert_eq!(serde_json::from_str::<Scheme>(&json).unwrap(), scheme);
        }
        assert_eq!(
            serde_json::to_value(Fingerprinter::keyed(b"k").scheme()).unwrap()["scheme"],
            "hmac-sha256"
        );
    }

    /// Prints what a seal costs (run with --nocapture); asserts only that
    /// Argon2 is much slower than the unkeyed hash it replaces.
    #[test]
    fn seal_cost() {
        let f = Fingerprinter::default();
        let n = 20;
        let started = std::time::Instant::now();
        for i in 0..n {
            f.fingerprint("r", &secret(&format!("password{i}")));
        }
        let argon = started.elapsed() / n;
        let started = std::time::Instant::now();
        for i in 0..n {
            Fingerprint::new("r", &secret(&format!("password{i}")));
        }
        let sha = started.elapsed() / n;
        println!("argon2id seal {argon:?}, sha-256 identity {sha:?}");
        assert!(argon > sha * 100, "{argon:?} vs {sha:?}");
    }
}
