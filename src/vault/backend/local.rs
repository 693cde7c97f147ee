//! leakguard's own encrypted vault (`local:PATH`): the embedded default when
//! no vault server is available.
//!
//! On disk it is one JSON file (mode 0600), by default
//! [`LocalVault::default_path`] = `$XDG_DATA_HOME/leakguard/vault`:
//!
//! ```json
//! { "format": "leakguard-vault", "format_version": 1,
//!   "key_check": "<base64 sealed>", "integrity": "<base64 sealed>",
//!   "secrets": { "prod/db": [ {"version": 1, "created": "2026-01-02T03:04:05Z", "value": "<base64 sealed>"},
//!                             {"version": 2, "created": "…", "value": "…"} ] } }
//! ```
//!
//! Names, versions and creation times are in clear; every value is sealed
//! separately with [`MasterKey::seal`] (AES-256-GCM, random nonce) under the
//! AAD `leakguard-vault/v1 NAME VERSION CREATED`, so a value cannot be moved
//! to another name or version unnoticed. `key_check` tells a wrong master key
//! apart from a damaged file; `integrity` authenticates the whole list of
//! names, versions, times and sealed values, so removing or editing any
//! entry by hand is detected.
//!
//! Every version of a secret is kept; the newest is current, the older ones
//! are superseded. Writes are atomic (temporary file in the same directory,
//! fsync, rename, fsync of the directory). An access log `PATH.log` (mode
//! 0600) gets one line per operation: RFC 3339 time, user, operation, secret
//! name and version — never a value.
//!
//! Concurrent writers are not locked out: each write is atomic, and the last
//! one wins.

use crate::model::date::{self, Zone};
use crate::vault::crypto::{xdg_dir, MasterKey};
use crate::vault::private;
use crate::vault::{ManagedValue, VaultError, VaultSecret};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const FORMAT: &str = "leakguard-vault";
const FORMAT_VERSION: u32 = 1;
const KEY_CHECK_PLAINTEXT: &[u8] = b"leakguard-vault key check";
const KEY_CHECK_AAD: &[u8] = b"leakguard-vault/v1 key-check";
const INTEGRITY_AAD: &[u8] = b"leakguard-vault/v1 integrity\0";
/// Longest accepted secret name, in bytes.
const MAX_NAME_LEN: usize = 1024;

/// One secret of the local vault as [`LocalVault::list`] shows it (no values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEntry {
    /// The secret's name.
    pub name: String,
    /// Every version, oldest first: (version, creation time in unix seconds,
    /// whether it is the current version). Only the newest is current.
    /// [`rfc3339`] formats the time.
    pub versions: Vec<(u32, i64, bool)>,
}

/// The vault file as stored.
#[derive(Serialize, Deserialize)]
struct VaultFile {
    format: String,
    format_version: u32,
    key_check: String,
    integrity: String,
    secrets: BTreeMap<String, Vec<StoredVersion>>,
}

#[derive(Serialize, Deserialize, Clone)]
struct StoredVersion {
    version: u32,
    /// RFC 3339, UTC, whole seconds.
    created: String,
    /// Base64 of the sealed value.
    value: String,
}

/// An open local vault: the file's contents in memory (values still sealed)
/// and the key to open them.
pub struct LocalVault {
    path: PathBuf,
    key: MasterKey,
    secrets: BTreeMap<String, Vec<StoredVersion>>,
}

impl std::fmt::Debug for LocalVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalVault")
            .field("path", &self.path)
            .field("secrets", &self.secrets.len())
            .finish_non_exhaustive()
    }
}

fn now_rfc3339() -> String {
    date::rfc3339(date::now(), Zone::Utc)
}

fn value_aad(name: &str, version: u32, created: &str) -> Vec<u8> {
    format!("leakguard-vault/v1\0{name}\0{version}\0{created}").into_bytes()
}

fn integrity_aad(secrets: &BTreeMap<String, Vec<StoredVersion>>) -> Vec<u8> {
    let mut aad = INTEGRITY_AAD.to_vec();
    // Serialising a BTreeMap of plain structs is deterministic.
    aad.extend(serde_json::to_vec(secrets).expect("serialising vault entries"));
    aad
}

impl LocalVault {
    /// The default vault file: `$XDG_DATA_HOME/leakguard/vault`, or
    /// `~/.local/share/leakguard/vault` when `XDG_DATA_HOME` is unset.
    pub fn default_path() -> PathBuf {
        xdg_dir("XDG_DATA_HOME", ".local/share")
            .join("leakguard")
            .join("vault")
    }

    /// The access log of the vault at `path`: `PATH.log`.
    pub(crate) fn log_path(path: &Path) -> PathBuf {
        let mut p = path.as_os_str().to_owned();
        p.push(".log");
        PathBuf::from(p)
    }

    /// How messages name this vault: `local:PATH`.
    pub fn display_name(&self) -> String {
        format!("local:{}", self.path.display())
    }

    fn err(&self, message: String) -> VaultError {
        invalid(&self.path, message)
    }

    /// Opens an existing vault, checking the key and the file's integrity.
    pub fn open(path: &Path, key: MasterKey) -> Result<LocalVault, VaultError> {
        let text = match std::fs::read(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(invalid(
                    path,
                    "no vault file there (create one with `leakguard vault init` or `leakguard vault put NAME`)".into(),
                ))
            }
            Err(e) => return Err(invalid(path, format!("cannot read: {e}"))),
        };
        // The file holds no clear values, but keep serde's message to its position anyway.
        let file: VaultFile = serde_json::from_slice(&text).map_err(|e| {
            invalid(
                path,
                format!(
                    "not a leakguard vault file (invalid JSON at line {} column {})",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        if file.format != FORMAT {
            return Err(invalid(
                path,
                format!("not a leakguard vault file (format '{}')", file.format),
            ));
        }
        if file.format_version != FORMAT_VERSION {
            return Err(invalid(
                path,
                format!(
                    "vault format version {} is not supported (this leakguard reads version {FORMAT_VERSION})",
                    file.format_version
                ),
            ));
        }
        let decode = |field: &str, b64: &str| {
            BASE64.decode(b64).map_err(|_| {
                invalid(
                    path,
                    format!("damaged vault file: field {field} is not base64"),
                )
            })
        };
        let check = decode("key_check", &file.key_check)?;
        match key.open(&check, KEY_CHECK_AAD) {
            Ok(p) if p.as_slice() == KEY_CHECK_PLAINTEXT => {}
            _ => {
                return Err(invalid(
                    path,
                    format!(
                        "wrong master key for this vault (key from {})",
                        key.source()
                    ),
                ))
            }
        }
        let integrity = decode("integrity", &file.integrity)?;
        if key.open(&integrity, &integrity_aad(&file.secrets)).is_err() {
            return Err(invalid(
                path,
                "the vault file was modified outside leakguard or is damaged (integrity check failed)".into(),
            ));
        }
        let vault = LocalVault {
            path: path.to_path_buf(),
            key,
            secrets: file.secrets,
        };
        for (name, versions) in &vault.secrets {
            if versions.is_empty() || versions.windows(2).any(|w| w[0].version >= w[1].version) {
                return Err(vault.err(format!("damaged vault file: bad version list for '{name}'")));
            }
        }
        Ok(vault)
    }

    /// Opens the vault at `path`, or creates an empty one there (mode 0600,
    /// parent directories 0700) when no file exists.
    pub fn open_or_create(path: &Path, key: MasterKey) -> Result<LocalVault, VaultError> {
        if path.exists() {
            return LocalVault::open(path, key);
        }
        let vault = LocalVault {
            path: path.to_path_buf(),
            key,
            secrets: BTreeMap::new(),
        };
        vault.save()?;
        vault.log("create", None, None)?;
        Ok(vault)
    }

    /// Stores a new secret as version 1. Fails if the name exists (use
    /// [`LocalVault::rotate`] to add a version). Returns the version.
    pub fn put(&mut self, name: &str, value: &[u8]) -> Result<u32, VaultError> {
        check_name(name).map_err(|m| self.err(m))?;
        check_value(value).map_err(|m| self.err(format!("secret '{name}': {m}")))?;
        if self.secrets.contains_key(name) {
            return Err(self.err(format!(
                "secret '{name}' already exists; use `leakguard vault rotate {name}` to add a new version"
            )));
        }
        let stored = self.seal_version(name, 1, value);
        self.secrets.insert(name.to_string(), vec![stored]);
        self.commit("put", name, 1)
    }

    /// Adds a new version of an existing secret; it becomes current and the
    /// previous versions superseded. Returns the new version.
    pub fn rotate(&mut self, name: &str, value: &[u8]) -> Result<u32, VaultError> {
        check_value(value).map_err(|m| self.err(format!("secret '{name}': {m}")))?;
        let Some(versions) = self.secrets.get(name) else {
            return Err(self.err(format!(
                "no secret '{name}' to rotate; use `leakguard vault put {name}` to create it"
            )));
        };
        let version = versions
            .last()
            .map_or(0, |v| v.version)
            .checked_add(1)
            .ok_or_else(|| self.err(format!("secret '{name}': too many versions")))?;
        let stored = self.seal_version(name, version, value);
        self.secrets
            .get_mut(name)
            .expect("checked above")
            .push(stored);
        self.commit("rotate", name, version)
    }

    /// Removes a secret with all its versions.
    pub fn rm(&mut self, name: &str) -> Result<(), VaultError> {
        let Some(removed) = self.secrets.remove(name) else {
            return Err(self.err(format!("no secret '{name}'")));
        };
        if let Err(e) = self.save() {
            self.secrets.insert(name.to_string(), removed);
            return Err(e);
        }
        self.log("rm", Some(name), None)
    }

    /// Names, versions and creation times of every secret (no values),
    /// sorted by name.
    pub fn list(&self) -> Vec<LocalEntry> {
        // Best effort: listing reads no values, and a read-only log
        // location must not stop it.
        let _ = self.log("list", None, None);
        self.secrets
            .iter()
            .map(|(name, versions)| {
                let newest = versions.last().map(|v| v.version);
                LocalEntry {
                    name: name.clone(),
                    versions: versions
                        .iter()
                        .map(|v| (v.version, parse_time(&v.created), Some(v.version) == newest))
                        .collect(),
                }
            })
            .collect()
    }

    /// Decrypts every version of every secret: version labels are the
    /// version numbers, and `current` is true only for each secret's newest
    /// version.
    pub fn load(&self) -> Result<Vec<ManagedValue>, VaultError> {
        let mut out = Vec::new();
        for (name, versions) in &self.secrets {
            let newest = versions.last().map(|v| v.version);
            for v in versions {
                let sealed = BASE64.decode(&v.value).map_err(|_| {
                    self.err(format!(
                        "damaged vault file: secret '{name}' version {} is not base64",
                        v.version
                    ))
                })?;
                let plain = self
                    .key
                    .open(&sealed, &value_aad(name, v.version, &v.created))
                    .map_err(|_| {
                        self.err(format!(
                            "cannot decrypt secret '{name}' version {}",
                            v.version
                        ))
                    })?;
                out.push(ManagedValue {
                    name: name.clone(),
                    version: v.version.to_string(),
                    current: Some(v.version) == newest,
                    value: VaultSecret::from_bytes(&plain),
                });
            }
        }
        // Reads of values are logged; a log that cannot be written must not
        // block a scan.
        let _ = self.log("load", None, None);
        Ok(out)
    }

    fn seal_version(&self, name: &str, version: u32, value: &[u8]) -> StoredVersion {
        let created = now_rfc3339();
        let sealed = self.key.seal(value, &value_aad(name, version, &created));
        StoredVersion {
            version,
            created,
            value: BASE64.encode(sealed),
        }
    }

    /// Saves after adding `version` of `name`, undoing the change in memory
    /// when the write fails.
    fn commit(&mut self, op: &str, name: &str, version: u32) -> Result<u32, VaultError> {
        if let Err(e) = self.save() {
            if let Some(versions) = self.secrets.get_mut(name) {
                versions.retain(|v| v.version != version);
                if versions.is_empty() {
                    self.secrets.remove(name);
                }
            }
            return Err(e);
        }
        self.log(op, Some(name), Some(version))?;
        Ok(version)
    }

    /// Writes the vault atomically: temp file in the same directory (0600),
    /// fsync, rename over the vault, fsync the directory.
    fn save(&self) -> Result<(), VaultError> {
        let file = VaultFile {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            key_check: BASE64.encode(self.key.seal(KEY_CHECK_PLAINTEXT, KEY_CHECK_AAD)),
            integrity: BASE64.encode(self.key.seal(b"", &integrity_aad(&self.secrets))),
            secrets: self.secrets.clone(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).expect("serialising the vault");
        bytes.push(b'\n');
        private::replace(&self.path, &bytes)
            .map_err(|e| self.err(format!("cannot write the vault file: {e}")))
    }

    /// Appends one line to the access log: time, user, operation, name and version.
    fn log(&self, op: &str, name: Option<&str>, version: Option<u32>) -> Result<(), VaultError> {
        let log_path = LocalVault::log_path(&self.path);
        let mut line = format!("{} user={} op={op}", now_rfc3339(), current_user());
        if let Some(name) = name {
            // Debug-quoting escapes spaces, quotes and control characters.
            line.push_str(&format!(" name={name:?}"));
        }
        if let Some(version) = version {
            line.push_str(&format!(" version={version}"));
        }
        if name.is_none() && matches!(op, "list" | "load") {
            let versions: usize = self.secrets.values().map(Vec::len).sum();
            line.push_str(&format!(
                " secrets={} versions={versions}",
                self.secrets.len()
            ));
        }
        line.push('\n');
        private::open(&log_path, private::Open::Append)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .map_err(|e| {
                self.err(format!(
                    "the vault was updated, but the access log {} could not be written: {e}",
                    log_path.display()
                ))
            })
    }
}

/// Loads every version of every secret of the local vault at `path`, with
/// the master key from [`MasterKey::from_env_or_file`]`(None)`
/// (`LEAKGUARD_MASTER_KEY`, else the default key file). For `--vault local:PATH`.
pub fn load(path: &Path) -> Result<Vec<ManagedValue>, VaultError> {
    if !path.exists() {
        return Err(invalid(
            path,
            "no vault file there (create one with `leakguard vault init` or `leakguard vault put NAME`)".into(),
        ));
    }
    let key = MasterKey::from_env_or_file(None)?;
    LocalVault::open(path, key)?.load()
}

fn invalid(path: &Path, message: String) -> VaultError {
    VaultError::Invalid {
        vault: format!("local:{}", path.display()),
        message,
    }
}

fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a secret name must not be empty".into());
    }
    if name.len() > MAX_NAME_LEN {
        return Err(format!(
            "a secret name must be at most {MAX_NAME_LEN} bytes"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("a secret name must not contain control characters".into());
    }
    Ok(())
}

fn check_value(value: &[u8]) -> Result<(), String> {
    if value.is_empty() {
        return Err("the value is empty".into());
    }
    Ok(())
}

fn parse_time(s: &str) -> i64 {
    date::parse_rfc3339(s).unwrap_or(0)
}

/// `$USER`, else `$LOGNAME`, else `uid=N`.
fn current_user() -> String {
    for var in ["USER", "LOGNAME"] {
        if let Ok(u) = std::env::var(var) {
            let u: String = u
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            if !u.is_empty() {
                return u;
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // /proc/self belongs to the process's effective uid.
        if let Ok(m) = std::fs::metadata("/proc/self") {
            return format!("uid={}", m.uid());
        }
    }
    "unknown".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &[u8] = b"pg-pass-Xq7vK9mZ2wR4tY8u";
    const V2: &[u8] = b"pg-pass-Bn3cV6xL1pQ5sD0f";
    const OTHER: &[u8] = b"sk_live_51HcQ2eLkPqA9zWvT0mNbR";

    fn setup() -> (tempfile::TempDir, PathBuf, MasterKey) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/leakguard/vault");
        (dir, path, MasterKey::generate())
    }

    fn sorted(v: Vec<ManagedValue>) -> Vec<(String, String, bool, String)> {
        let mut out: Vec<_> = v
            .into_iter()
            .map(|m| (m.name, m.version, m.current, m.value.expose().to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn round_trip_with_versions() {
        let (_d, path, key) = setup();
        let mut v = LocalVault::open_or_create(&path, key.clone()).unwrap();
        assert_eq!(v.put("prod/db", V1).unwrap(), 1);
        assert_eq!(v.put("stripe", OTHER).unwrap(), 1);
        let e = v.put("prod/db", V2).unwrap_err().to_string();
        assert!(e.contains("already exists") && e.contains("rotate"), "{e}");
        assert_eq!(v.rotate("prod/db", V2).unwrap(), 2);
        assert!(v
            .rotate("missing", V2)
            .unwrap_err()
            .to_string()
            .contains("vault put"));
        assert!(v.put("", V1).is_err());
        assert!(v.put("x", b"").is_err());
        assert!(v.put("bad\nname", V1).is_err());

        let reopened = LocalVault::open(&path, key.clone()).unwrap();
        let s = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        assert_eq!(
            sorted(reopened.load().unwrap()),
            vec![
                ("prod/db".into(), "1".into(), false, s(V1)),
                ("prod/db".into(), "2".into(), true, s(V2)),
                ("stripe".into(), "1".into(), true, s(OTHER)),
            ]
        );
        let list = reopened.list();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].name, "prod/db");
        let flags: Vec<_> = list[0].versions.iter().map(|(v, _, c)| (*v, *c)).collect();
        assert_eq!(flags, vec![(1, false), (2, true)]);
        let now = date::now();
        assert!(list[0]
            .versions
            .iter()
            .all(|(_, t, _)| (now - t).abs() < 60));
        assert!(date::rfc3339(list[0].versions[0].1, Zone::Utc).ends_with('Z'));

        let mut v = reopened;
        v.rm("stripe").unwrap();
        assert!(v.rm("stripe").is_err());
        let again = LocalVault::open(&path, key).unwrap();
        assert_eq!(again.list().len(), 1);
        assert_eq!(again.load().unwrap().len(), 2);
    }

    #[test]
    fn wrong_key_fails_cleanly() {
        let (_d, path, key) = setup();
        LocalVault::open_or_create(&path, key)
            .unwrap()
            .put("a", V1)
            .unwrap();
        let e = LocalVault::open(&path, MasterKey::generate()).unwrap_err();
        let msg = e.to_string();
        assert!(matches!(e, VaultError::Invalid { .. }));
        assert!(msg.contains("wrong master key"), "{msg}");
        assert!(!msg.contains("pg-pass"));
    }

    #[test]
    fn tampered_file_fails_cleanly() {
        let (_d, path, key) = setup();
        let mut v = LocalVault::open_or_create(&path, key.clone()).unwrap();
        v.put("a", V1).unwrap();
        v.put("b", V2).unwrap();
        v.rotate("b", OTHER).unwrap();
        let original = std::fs::read_to_string(&path).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&original).unwrap();

        // Swap two sealed values between secrets.
        let mut t = doc.clone();
        let a = t["secrets"]["a"][0]["value"].clone();
        t["secrets"]["a"][0]["value"] = t["secrets"]["b"][0]["value"].clone();
        t["secrets"]["b"][0]["value"] = a;
        // Remove a version, rename a secret, change a time, flip a ciphertext byte.
        let mut removed = doc.clone();
        removed["secrets"]["b"].as_array_mut().unwrap().pop();
        let mut renamed = doc.clone();
        let entry = renamed["secrets"]["a"].take();
        renamed["secrets"].as_object_mut().unwrap().remove("a");
        renamed["secrets"]["z"] = entry;
        let mut retimed = doc.clone();
        retimed["secrets"]["a"][0]["created"] = "2001-01-01T00:00:00Z".into();
        let sealed = doc["secrets"]["a"][0]["value"].as_str().unwrap();
        let mut bytes = BASE64.decode(sealed).unwrap();
        bytes[20] ^= 1;
        doc["secrets"]["a"][0]["value"] = BASE64.encode(bytes).into();

        for (what, bad) in [
            ("swap", t),
            ("remove", removed),
            ("rename", renamed),
            ("retime", retimed),
            ("flip", doc),
        ] {
            std::fs::write(&path, serde_json::to_vec(&bad).unwrap()).unwrap();
            let e = LocalVault::open(&path, key.clone())
                .and_then(|v| v.load())
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("modified") || e.contains("cannot decrypt"),
                "{what}: {e}"
            );
        }
        std::fs::write(&path, "{ not json").unwrap();
        let e = LocalVault::open(&path, key.clone())
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a leakguard vault file"), "{e}");
        std::fs::write(&path, &original).unwrap();
        assert_eq!(
            LocalVault::open(&path, key).unwrap().load().unwrap().len(),
            3
        );
    }

    #[test]
    fn atomic_writes_private_files_and_no_clear_values() {
        let (_d, path, key) = setup();
        let mut v = LocalVault::open_or_create(&path, key).unwrap();
        v.put("prod/db", V1).unwrap();
        v.rotate("prod/db", V2).unwrap();
        v.put("stripe key", OTHER).unwrap();
        v.rm("stripe key").unwrap();
        v.put("stripe key", OTHER).unwrap();
        v.load().unwrap();
        v.list();

        let dir = path.parent().unwrap();
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            vec!["vault", "vault.log"],
            "no temporary files left behind"
        );

        let file = std::fs::read(&path).unwrap();
        let log = std::fs::read(LocalVault::log_path(&path)).unwrap();
        for (what, bytes) in [("vault", &file), ("log", &log)] {
            for value in [V1, V2, OTHER] {
                assert!(
                    !bytes.windows(value.len()).any(|w| w == value),
                    "{what} holds a value in clear"
                );
                let b64 = BASE64.encode(value);
                assert!(
                    !bytes.windows(b64.len()).any(|w| w == b64.as_bytes()),
                    "{what} holds a value in base64"
                );
            }
        }
        let log = String::from_utf8(log).unwrap();
        let lines: Vec<_> = log.lines().collect();
        assert_eq!(lines.len(), 8, "{log}");
        assert!(
            lines[1].contains("op=put name=\"prod/db\" version=1"),
            "{log}"
        );
        assert!(
            lines[2].contains("op=rotate name=\"prod/db\" version=2"),
            "{log}"
        );
        assert!(lines[4].contains("op=rm name=\"stripe key\""), "{log}");
        assert!(lines
            .iter()
            .all(|l| l.contains(" user=") && l.split(' ').next().unwrap().ends_with('Z')));

        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&LocalVault::log_path(&path)), 0o600);
            assert_eq!(mode(dir), 0o700);
        }
    }

    #[test]
    fn failed_write_keeps_memory_and_file_consistent() {
        let (_d, path, key) = setup();
        let mut v = LocalVault::open_or_create(&path, key.clone()).unwrap();
        v.put("a", V1).unwrap();
        // Make the rename target a directory: the write fails.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert!(v.rotate("a", V2).is_err());
        assert!(v.put("b", V2).is_err());
        let versions: Vec<_> = v.secrets.values().map(Vec::len).collect();
        assert_eq!(versions, vec![1]);
        let dir = path.parent().unwrap();
        assert!(std::fs::read_dir(dir).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("tmp")));
    }

    #[test]
    fn debug_hides_values() {
        let (_d, path, key) = setup();
        let mut v = LocalVault::open_or_create(&path, key).unwrap();
        v.put("a", V1).unwrap();
        let dbg = format!("{v:?} {:?}", v.load().unwrap());
        assert!(!dbg.contains("pg-pass-Xq7"), "{dbg}");
    }
}
