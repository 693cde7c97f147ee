//! A short-lived cache of values loaded from remote vaults, so a vault
//! outage never blocks a commit. Each cache file is sealed with the master
//! key (AES-256-GCM, the local vault's scheme; the vault's name is the
//! associated data) and written atomically with mode 0600. Values never
//! touch the disk in clear.

use super::crypto::MasterKey;
use super::load::LoadNotes;
use super::{ManagedValue, VaultError, VaultSecret, VaultUri};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use zeroize::Zeroizing;

/// Default time a cached load stays usable during an outage.
pub(crate) const DEFAULT_TTL: Duration = Duration::from_secs(3600);

/// Cache settings.
#[derive(Debug, Clone)]
pub(crate) struct CacheOptions {
    /// Directory of cache files (`$XDG_CACHE_HOME/leakguard`).
    pub(crate) dir: PathBuf,
    /// How old a cache may be and still stand in for the vault; zero disables caching.
    pub(crate) ttl: Duration,
}

impl Default for CacheOptions {
    fn default() -> Self {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .unwrap_or_else(std::env::temp_dir);
        CacheOptions {
            dir: base.join("leakguard"),
            ttl: DEFAULT_TTL,
        }
    }
}

/// The cache's clear form, as read: each value's `String` becomes the
/// [`VaultSecret`] that holds it (moved, not copied).
#[derive(Deserialize)]
struct CachedLoad {
    fetched_at: u64,
    values: Vec<CachedValue>,
}

#[derive(Deserialize)]
struct CachedValue {
    name: String,
    version: String,
    current: bool,
    value: String,
}

/// The same document as written: it borrows the values, so the only clear
/// copy made is the serialised buffer, which is wiped.
#[derive(Serialize)]
struct CachedLoadRef<'a> {
    fetched_at: u64,
    values: Vec<CachedValueRef<'a>>,
}

#[derive(Serialize)]
struct CachedValueRef<'a> {
    name: &'a str,
    version: &'a str,
    current: bool,
    value: &'a str,
}

/// Counts what is written to it: sizes the clear buffer before it is
/// filled, so it never grows (a grown `Vec` leaves its old, unwiped
/// allocation behind).
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn cache_file(dir: &Path, uri: &VaultUri) -> PathBuf {
    let id = hex::encode(Sha256::digest(uri.display_name().as_bytes()));
    dir.join(format!("vault-{}.sealed", &id[..16]))
}

/// Loads `uri` through `fetch`, refreshing the cache on success and falling
/// back to a fresh cache when the vault is unreachable.
pub(crate) fn load_cached(
    uri: &VaultUri,
    options: &CacheOptions,
    notes: &mut LoadNotes,
    fetch: impl FnOnce() -> Result<Vec<ManagedValue>, VaultError>,
) -> Result<Vec<ManagedValue>, VaultError> {
    let path = cache_file(&options.dir, uri);
    let name = uri.display_name();
    match fetch() {
        Ok(values) => {
            if !options.ttl.is_zero() {
                if let Err(e) = store(&path, &name, &values) {
                    notes.warnings.push(format!(
                        "vault cache not written ({e}); an outage of {name} will block scans"
                    ));
                }
            }
            Ok(values)
        }
        Err(VaultError::Unreachable { vault, message }) => {
            let fallback = if options.ttl.is_zero() {
                None
            } else {
                read(&path, &name)
            };
            match fallback {
                Some((age, values)) if age <= options.ttl.as_secs() => {
                    notes.warnings.push(format!(
                        "vault {vault} unreachable ({message}); using values cached {} minutes ago",
                        age / 60
                    ));
                    Ok(values)
                }
                Some((age, _)) => Err(VaultError::Unreachable {
                    vault,
                    message: format!(
                        "{message}; the cache is {} minutes old, older than the {}-minute limit",
                        age / 60,
                        options.ttl.as_secs() / 60
                    ),
                }),
                None => Err(VaultError::Unreachable {
                    vault,
                    message: format!("{message}; no usable cache"),
                }),
            }
        }
        Err(other) => Err(other),
    }
}

fn key() -> Result<MasterKey, VaultError> {
    match MasterKey::from_env_or_file(None) {
        Ok(k) => Ok(k),
        Err(_) => {
            // No key yet: make one, so the cache can be sealed.
            let path = MasterKey::default_key_file();
            if path.exists() {
                return MasterKey::from_env_or_file(None);
            }
            let key = MasterKey::generate();
            key.write_key_file(&path)?;
            Ok(key)
        }
    }
}

fn store(path: &Path, name: &str, values: &[ManagedValue]) -> Result<(), VaultError> {
    let doc = CachedLoadRef {
        fetched_at: now(),
        values: values
            .iter()
            .map(|v| CachedValueRef {
                name: &v.name,
                version: &v.version,
                current: v.current,
                value: v.value.expose(),
            })
            .collect(),
    };
    let mut size = CountingSink(0);
    serde_json::to_writer(&mut size, &doc).expect("cache document serializes");
    let mut plain = Zeroizing::new(Vec::with_capacity(size.0));
    serde_json::to_writer(&mut *plain, &doc).expect("cache document serializes");
    debug_assert_eq!(plain.len(), size.0);
    let sealed = key()?.seal(&plain, name.as_bytes());
    let io = |e: std::io::Error| VaultError::Invalid {
        vault: name.to_string(),
        message: format!("cache {}: {e}", path.display()),
    };
    super::private::replace(path, &sealed).map_err(io)
}

/// (age in seconds, values) of a readable cache, or None.
fn read(path: &Path, name: &str) -> Option<(u64, Vec<ManagedValue>)> {
    let sealed = std::fs::read(path).ok()?;
    let plain = MasterKey::from_env_or_file(None)
        .ok()?
        .open(&sealed, name.as_bytes())
        .ok()?;
    let doc: CachedLoad = serde_json::from_slice(&plain).ok()?;
    let values = doc
        .values
        .into_iter()
        .map(|v| ManagedValue {
            name: v.name,
            version: v.version,
            current: v.current,
            value: VaultSecret::from_string(v.value),
        })
        .collect();
    Some((now().saturating_sub(doc.fetched_at), values))
}

/// Parses a TTL: `90` (seconds), `30s`, `15m`, `1h`, `0` (no cache).
pub(crate) fn parse_ttl(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().last() {
        Some((i, 's')) => (&s[..i], 1),
        Some((i, 'm')) => (&s[..i], 60),
        Some((i, 'h')) => (&s[..i], 3600),
        _ => (s, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .map(Duration::from_secs)
        .ok_or_else(|| {
            format!(
                "invalid duration '{}' (expected seconds, or a number with s, m or h)",
                crate::text::quote_input(s)
            )
        })
}
