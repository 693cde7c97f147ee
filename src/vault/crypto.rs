//! Sealing values at rest: AES-256-GCM (RustCrypto `aes-gcm`) under a
//! 256-bit master key, with a fresh random 96-bit nonce for every sealed
//! value. Used by the local vault ([`super::local`]) for each value and by
//! the vault cache for the whole cache file.
//!
//! Where the master key comes from ([`MasterKey::from_env_or_file`]):
//!
//! 1. an explicit key file, when the caller passes one;
//! 2. otherwise the environment variable `LEAKGUARD_MASTER_KEY`: the base64
//!    encoding of exactly 32 bytes (`head -c32 /dev/urandom | base64`);
//! 3. otherwise the default key file [`MasterKey::default_key_file`]:
//!    `$XDG_CONFIG_HOME/leakguard/master.key` (fallback
//!    `~/.config/leakguard/master.key`). It lives under the *config*
//!    directory, apart from the vault under the *data* directory, so that
//!    copying or backing up the vault does not carry its key along.
//!
//! A key file holds the same base64 text as the variable (surrounding
//! whitespace ignored) and must not be readable or writable by group or
//! others (mode 0600 or stricter); a looser file is refused.
//!
//! Sealed format: `0x01 || nonce (12 bytes) || ciphertext || tag (16 bytes)`.
//! The caller's associated data (AAD) is authenticated but not stored: a
//! sealed value opens only with the key *and* the AAD it was sealed with.

use super::VaultError;
use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use zeroize::{ZeroizeOnDrop, Zeroizing};

/// Environment variable holding the base64 master key.
pub(crate) const MASTER_KEY_ENV: &str = "LEAKGUARD_MASTER_KEY";

/// Format byte at the start of every sealed value.
const FORMAT_V1: u8 = 1;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// A 256-bit AES-GCM key. Its `Debug` never shows the key, and its bytes
/// are zeroed when it is dropped.
#[derive(Clone)]
pub struct MasterKey {
    key: Zeroizing<[u8; 32]>,
    /// Where the key came from, for error messages ("LEAKGUARD_MASTER_KEY",
    /// "key file /x/master.key", "generated").
    source: String,
}

// The key field is `Zeroizing`, whose own `Drop` wipes it.
impl ZeroizeOnDrop for MasterKey {}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MasterKey(<redacted>, from {})", self.source)
    }
}

fn key_error(message: String) -> VaultError {
    VaultError::Invalid {
        vault: "master key".to_string(),
        message,
    }
}

impl MasterKey {
    /// Every key is made here: a key in memory is a secret a core file
    /// would hold, so core dumps go off first.
    fn new(key: Zeroizing<[u8; 32]>, source: String) -> MasterKey {
        super::memory::no_core_dumps();
        MasterKey { key, source }
    }

    /// A new random key (from the operating system's RNG).
    pub fn generate() -> MasterKey {
        use aes_gcm::aead::rand_core::RngCore;
        // Filled in place, so no copy of the key is left on the stack.
        let mut key = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(&mut key[..]);
        MasterKey::new(key, "generated".into())
    }

    /// Parses the base64 text of exactly 32 bytes. `origin` names where the
    /// text came from in the error (the text itself is never quoted).
    pub(crate) fn from_base64(text: &str, origin: &str) -> Result<MasterKey, VaultError> {
        let bytes = Zeroizing::new(BASE64.decode(text.trim()).map_err(|_| {
            key_error(format!(
                "{origin}: not valid base64 (expected the base64 of 32 random bytes)"
            ))
        })?);
        if bytes.len() != 32 {
            return Err(key_error(format!(
                "{origin}: decodes to {} bytes, expected exactly 32 (create one with: head -c32 /dev/urandom | base64)",
                bytes.len()
            )));
        }
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(&bytes);
        Ok(MasterKey::new(key, origin.to_string()))
    }

    /// The key as base64 text, the format of `LEAKGUARD_MASTER_KEY` and key
    /// files. Only for writing a new key file or handing a new key to the
    /// user; never log it. Wiped when dropped, like the key.
    pub fn to_base64(&self) -> Zeroizing<String> {
        Zeroizing::new(BASE64.encode(*self.key))
    }

    /// Where this key came from ("LEAKGUARD_MASTER_KEY", "key file PATH", …).
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// The default key file: `$XDG_CONFIG_HOME/leakguard/master.key`, or
    /// `~/.config/leakguard/master.key` when `XDG_CONFIG_HOME` is unset.
    pub(crate) fn default_key_file() -> PathBuf {
        config_home().join("leakguard").join("master.key")
    }

    /// Loads the master key: from `key_file` when given; otherwise from
    /// `LEAKGUARD_MASTER_KEY` when set and non-empty; otherwise from
    /// [`MasterKey::default_key_file`]. A key file must have mode 0600 (or
    /// stricter); one that group or others may read or write is refused.
    pub fn from_env_or_file(key_file: Option<&Path>) -> Result<MasterKey, VaultError> {
        if let Some(path) = key_file {
            return MasterKey::from_file(path);
        }
        if let Some(text) = std::env::var_os(MASTER_KEY_ENV) {
            let text = Zeroizing::new(text.into_string().map_err(|_| {
                key_error(format!("{MASTER_KEY_ENV}: not valid base64 (not UTF-8)"))
            })?);
            if !text.trim().is_empty() {
                return MasterKey::from_base64(&text, MASTER_KEY_ENV);
            }
        }
        let path = MasterKey::default_key_file();
        if !path.exists() {
            return Err(key_error(format!(
                "no master key: set {MASTER_KEY_ENV} (base64 of 32 bytes) or create the key file {} with mode 0600 \
                 (e.g. head -c32 /dev/urandom | base64 > FILE && chmod 600 FILE)",
                path.display()
            )));
        }
        MasterKey::from_file(&path)
    }

    /// Loads a key file (base64 text of 32 bytes), refusing one that group
    /// or others can access.
    pub(crate) fn from_file(path: &Path) -> Result<MasterKey, VaultError> {
        let origin = format!("key file {}", path.display());
        let meta = std::fs::metadata(path).map_err(|e| {
            key_error(format!(
                "{origin}: cannot read: {}",
                crate::error::io_reason(&e)
            ))
        })?;
        if !meta.is_file() {
            return Err(key_error(format!("{origin}: not a regular file")));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(key_error(format!(
                    "{origin}: permissions {mode:04o} let group or others access the master key; \
                     run `chmod 600 {}`",
                    path.display()
                )));
            }
        }
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::InvalidData {
                key_error(format!("{origin}: not valid base64 (not UTF-8)"))
            } else {
                key_error(format!(
                    "{origin}: cannot read: {}",
                    crate::error::io_reason(&e)
                ))
            }
        })?);
        MasterKey::from_base64(&text, &origin)
    }

    /// Writes this key to a new key file (base64 text, mode 0600), creating
    /// the parent directory (mode 0700) if needed. Refuses to overwrite an
    /// existing file.
    pub(crate) fn write_key_file(&self, path: &Path) -> Result<(), VaultError> {
        let origin = format!("key file {}", path.display());
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            super::private::create_dir(dir)
                .map_err(|e| key_error(format!("{origin}: cannot create directory: {e}")))?;
        }
        let mut f = super::private::open(path, super::private::Open::New)
            .map_err(|e| key_error(format!("{origin}: cannot create: {e}")))?;
        f.write_all(self.to_base64().as_bytes())
            .and_then(|_| f.write_all(b"\n"))
            .and_then(|_| f.sync_all())
            .map_err(|e| key_error(format!("{origin}: cannot write: {e}")))
    }

    fn cipher(&self) -> Aes256Gcm {
        // The cipher's round keys and GHASH key are wiped when it is dropped
        // (the `zeroize` features of aes, ghash and polyval in Cargo.toml).
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&self.key[..]))
    }

    /// Encrypts `plaintext`, authenticating `aad` along with it. Each call
    /// uses a new random nonce, so sealing the same value twice gives
    /// different bytes.
    pub(crate) fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let ciphertext = self
            .cipher()
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            // aes-gcm fails only for inputs beyond 64 GiB.
            .expect("AES-GCM encryption of an in-memory value");
        let mut out = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        out
    }

    /// Decrypts a value made by [`MasterKey::seal`] with the same key and
    /// `aad`. A wrong key, different AAD, or any modified byte gives an
    /// error (never a panic, never partial plaintext). The plaintext is
    /// wiped when dropped.
    pub(crate) fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        if sealed.len() < 1 + NONCE_LEN + TAG_LEN {
            return Err(key_error("sealed data is truncated".into()));
        }
        if sealed[0] != FORMAT_V1 {
            return Err(key_error(format!(
                "sealed data has unknown format {}",
                sealed[0]
            )));
        }
        let nonce = Nonce::from_slice(&sealed[1..1 + NONCE_LEN]);
        self.cipher()
            .decrypt(
                nonce,
                Payload {
                    msg: &sealed[1 + NONCE_LEN..],
                    aad,
                },
            )
            // aes-gcm decrypts in a buffer of exactly the plaintext's size
            // and returns that buffer: wrapping it leaves no other copy.
            .map(Zeroizing::new)
            .map_err(|_| {
                key_error(format!(
                    "decryption failed: wrong master key (using {}) or the data was modified",
                    self.source
                ))
            })
    }
}

/// `$XDG_CONFIG_HOME`, else `~/.config`.
fn config_home() -> PathBuf {
    xdg_dir("XDG_CONFIG_HOME", ".config")
}

/// An XDG base directory: the variable when set to an absolute path, else
/// `$HOME/<fallback>` (else `./<fallback>` when HOME is unset).
pub(crate) fn xdg_dir(var: &str, fallback: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os(var) {
        let dir = PathBuf::from(dir);
        if dir.is_absolute() {
            return dir;
        }
    }
    match std::env::var_os("HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home).join(fallback),
        _ => PathBuf::from(fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_fresh_nonces() {
        let k = MasterKey::generate();
        let a = k.seal(b"hunter2-very-secret", b"name\0v1");
        let b = k.seal(b"hunter2-very-secret", b"name\0v1");
        assert_ne!(a, b, "each seal uses a new nonce");
        assert_eq!(a.len(), 1 + 12 + 19 + 16);
        assert!(!a.windows(7).any(|w| w == b"hunter2"));
        assert_eq!(*k.open(&a, b"name\0v1").unwrap(), b"hunter2-very-secret");
        assert_eq!(*k.open(&b, b"name\0v1").unwrap(), b"hunter2-very-secret");
    }

    #[test]
    fn wrong_key_aad_or_tampering_fail_cleanly() {
        let k = MasterKey::generate();
        let sealed = k.seal(b"s3cr3t-value", b"aad");
        let e = MasterKey::generate()
            .open(&sealed, b"aad")
            .unwrap_err()
            .to_string();
        assert!(e.contains("wrong master key"), "{e}");
        assert!(!e.contains("s3cr3t"));
        assert!(k.open(&sealed, b"other aad").is_err());
        for i in 0..sealed.len() {
            let mut t = sealed.clone();
            t[i] ^= 0x01;
            assert!(k.open(&t, b"aad").is_err(), "flipped byte {i}");
        }
        assert!(k.open(&sealed[..20], b"aad").is_err());
        assert!(k.open(&[], b"aad").is_err());
    }

    #[test]
    fn base64_keys_and_debug() {
        let k = MasterKey::generate();
        let text = k.to_base64();
        let k2 = MasterKey::from_base64(&format!(" {}\n", text.as_str()), "test").unwrap();
        assert_eq!(*k2.open(&k.seal(b"x", b""), b"").unwrap(), b"x");
        let dbg = format!("{k2:?}");
        assert!(
            !dbg.contains(text.as_str()) && dbg.contains("redacted"),
            "{dbg}"
        );
        let e = MasterKey::from_base64("AAAA", "test")
            .unwrap_err()
            .to_string();
        assert!(e.contains("3 bytes, expected exactly 32"), "{e}");
        let e = MasterKey::from_base64("not base64 !!", "test")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not valid base64") && !e.contains("!!"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn key_file_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/master.key");
        let k = MasterKey::generate();
        k.write_key_file(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let loaded = MasterKey::from_env_or_file(Some(&path)).unwrap();
        assert_eq!(loaded.to_base64(), k.to_base64());
        assert!(
            k.write_key_file(&path).is_err(),
            "never overwrites a key file"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = MasterKey::from_file(&path).unwrap_err().to_string();
        assert!(e.contains("0644") && e.contains("chmod 600"), "{e}");
        assert!(!e.contains(k.to_base64().as_str()));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert!(MasterKey::from_file(&path).is_err());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        assert!(MasterKey::from_file(&path).is_ok());
        let e = MasterKey::from_file(&dir.path().join("missing.key"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("cannot read"), "{e}");
    }
}
