//! Vault secrets in memory: [`VaultSecret`], the type every loaded vault
//! value lives in, which overwrites its bytes with zeros when dropped; and
//! [`no_core_dumps`], which keeps a crash from writing those values to a
//! core file. What is wiped and what is not is listed in docs/security.md
//! ("Secrets in memory"): copies outside these types exist (the
//! aho-corasick automaton, parsers' buffers, findings' `Secret`s).

use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// A value loaded from a vault. Its heap buffer is zeroed when it is
/// dropped, so freed memory (reused later, swapped out, or read from a core
/// file) does not keep it; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct VaultSecret(Zeroizing<String>);

impl VaultSecret {
    /// Takes ownership of `value` (no copy is made, so none is left behind).
    pub(crate) fn from_string(value: String) -> VaultSecret {
        VaultSecret(Zeroizing::new(value))
    }

    /// Copies `bytes` in (invalid UTF-8 is replaced, as in scanned content,
    /// so a vault value compares equal to the text a rule captures).
    pub(crate) fn from_bytes(bytes: &[u8]) -> VaultSecret {
        // `from_utf8_lossy` on valid UTF-8 borrows; `into_owned` then makes
        // exactly one allocation, the one this wrapper wipes.
        VaultSecret::from_string(String::from_utf8_lossy(bytes).into_owned())
    }

    /// The value in clear: for the value index, the cache and snapshots.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl Zeroize for VaultSecret {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

// Its one field is `Zeroizing`, whose own `Drop` wipes it.
impl ZeroizeOnDrop for VaultSecret {}

impl fmt::Debug for VaultSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VaultSecret(<redacted>)")
    }
}

/// Turns core dumps off for the rest of the process, once: called where
/// vault values or the master key are first loaded, since a core file would
/// hold them in clear. Sets the soft `RLIMIT_CORE` to 0 and keeps the hard
/// limit, so a child process may still turn them on for itself (a lower
/// hard limit would guard against nothing here: code that could raise the
/// soft limit again could read the values directly). Does nothing on
/// systems without the call (not Unix).
pub fn no_core_dumps() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        {
            let mut limit = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // SAFETY: getrlimit writes into, and setrlimit reads, the struct
            // they are given, which lives for both calls.
            let done = unsafe {
                libc::getrlimit(libc::RLIMIT_CORE, &mut limit) == 0 && {
                    limit.rlim_cur = 0;
                    libc::setrlimit(libc::RLIMIT_CORE, &limit) == 0
                }
            };
            if !done {
                log::warn!("could not turn core dumps off (setrlimit RLIMIT_CORE)");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compile-time check: each type that holds a secret wipes it on drop.
    fn wipes_on_drop<T: ZeroizeOnDrop>() {}

    #[test]
    fn wrappers_wipe_on_drop_and_on_zeroize() {
        wipes_on_drop::<VaultSecret>();
        wipes_on_drop::<Zeroizing<Vec<u8>>>();
        wipes_on_drop::<Zeroizing<String>>();
        wipes_on_drop::<Zeroizing<[u8; 32]>>();
        wipes_on_drop::<crate::vault::crypto::MasterKey>();
        wipes_on_drop::<crate::vault::snapshot::FingerprintKey>();
        wipes_on_drop::<crate::detect::decode::DecodedBytes>();

        let mut s = VaultSecret::from_bytes(b"pg-pass-Xq7vK9mZ2wR4tY8u");
        assert_eq!(s.expose(), "pg-pass-Xq7vK9mZ2wR4tY8u");
        s.zeroize();
        assert_eq!(s.expose(), "", "zeroize empties the value");

        let mut bytes = Zeroizing::new(b"decoded-secret-bytes".to_vec());
        let capacity = bytes.capacity();
        bytes.zeroize();
        assert!(bytes.is_empty());
        // Vec's zeroize writes its whole capacity; the length is 0 after it,
        // so look at the (initialised, now zero) bytes through a new length.
        // SAFETY: every byte of the capacity was just written (with zeros)
        // by zeroize, and u8 has no invalid values.
        unsafe { bytes.set_len(capacity) };
        assert!(bytes.iter().all(|&b| b == 0), "{:?}", &bytes[..]);

        let mut key = Zeroizing::new([7u8; 32]);
        key.zeroize();
        assert_eq!(*key, [0u8; 32]);
    }

    #[test]
    fn debug_hides_the_value() {
        let s = VaultSecret::from_bytes(b"sk_live_51HcQ2eLkPqA9zWvT0mNbR");
        let dbg = format!("{s:?}");
        assert!(!dbg.contains("sk_live"), "{dbg}");
    }

    /// Set in the copy of the test binary that
    /// [`loading_vault_values_turns_core_dumps_off`] runs.
    #[cfg(unix)]
    const CHILD: &str = "LEAKGUARD_TEST_CORE_LIMIT_CHILD";

    #[cfg(unix)]
    fn core_limit() -> (libc::rlim_t, libc::rlim_t) {
        let mut limit = libc::rlimit {
            rlim_cur: libc::RLIM_INFINITY,
            rlim_max: libc::RLIM_INFINITY,
        };
        // SAFETY: getrlimit writes into the struct it is given.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
        (limit.rlim_cur, limit.rlim_max)
    }

    /// Runs in a fresh copy of the test binary: [`no_core_dumps`] acts once
    /// per process and cannot be undone, so this process (where other tests
    /// may have loaded values already) cannot show the change.
    #[cfg(unix)]
    #[test]
    fn loading_vault_values_turns_core_dumps_off() {
        if std::env::var_os(CHILD).is_some() {
            // Core dumps on (a limit of 1 MiB, or what the hard limit
            // allows), then a vault load must turn them off.
            let (_, hard) = core_limit();
            let set = |cur, max| {
                let limit = libc::rlimit {
                    rlim_cur: cur,
                    rlim_max: max,
                };
                // SAFETY: setrlimit reads the struct it is given.
                unsafe { libc::setrlimit(libc::RLIMIT_CORE, &limit) == 0 }
            };
            // Raising the hard limit needs privilege; below it, anyone may.
            let _ = set(1 << 20, hard.max(1 << 20)) || set(hard.min(1 << 20), hard);
            let (soft, hard) = core_limit();
            assert_ne!(soft, 0, "the hard limit does not allow core dumps here");
            let dir = tempfile::tempdir().unwrap();
            let env = dir.path().join(".env");
            std::fs::write(&env, "DB_PASSWORD=N3w-Pa55word!\n").unwrap();
            crate::vault::load::load_values(&crate::vault::VaultUri::Dotenv(env)).unwrap();
            assert_eq!(core_limit(), (0, hard), "soft limit 0, hard limit kept");
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "vault::memory::tests::loading_vault_values_turns_core_dumps_off",
                "--test-threads=1",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
