//! HashiCorp Vault KV version 2 over its HTTP API
//! (`vault+https://HOST[:PORT]/MOUNT[/PREFIX]`, `vault+http://` for local dev).
//!
//! Loading walks the mount with `LIST /v1/MOUNT/metadata/PATH` (sent as
//! `GET …?list=true`), recursing into every folder (`key/`), reads each
//! secret's metadata (`GET /v1/MOUNT/metadata/PATH`: `current_version` and
//! the `versions` map), and fetches every live version with
//! `GET /v1/MOUNT/data/PATH?version=N`. A version whose `deletion_time` has
//! passed (soft-deleted) or that is `destroyed` is skipped; a future
//! `deletion_time` (`delete_version_after`) is still live. Each field of a
//! version's `data.data` object becomes one managed value named `PATH#FIELD`
//! with version `N`, current when `N == current_version`. String and number
//! fields count; other JSON types are skipped.
//!
//! With a prefix, the secret at exactly `PREFIX` and everything under
//! `PREFIX/` is loaded.
//!
//! First, where the token may ask, the mount's type is checked
//! (`GET /v1/sys/internal/ui/mounts/MOUNT`, as the vault CLI does): a KV
//! version 1 mount or another engine is an error, and so is a mount path
//! that matches no engine (404 "no handler for route") — rather than an
//! empty, falsely reassuring result.
//!
//! Environment: `VAULT_TOKEN` (required), `VAULT_NAMESPACE` (sent as
//! `X-Vault-Namespace`), `VAULT_CACERT` (a PEM file of CA certificates used
//! instead of the built-in web roots). TLS is rustls.
//!
//! HTTP goes through [`super::http`], shared with the AWS backend.

use super::http::{HttpClient, HttpResponse, HttpSettings};
use crate::vault::{ManagedValue, VaultError, VaultSecret, VaultUri};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

/// Deepest folder nesting followed when listing.
const MAX_DEPTH: usize = 64;

/// Everything [`load_with`] needs. `Debug` hides the token.
#[derive(Clone)]
pub struct KvConfig {
    /// `https://host:port` (or `http://` for local dev), no trailing slash needed.
    pub address: String,
    /// The KV v2 mount ("secret").
    pub mount: String,
    /// Only the secret at this path and those under it ("" for all).
    pub prefix: String,
    /// The Vault token (`X-Vault-Token`).
    pub token: String,
    /// The Vault Enterprise / OpenBao namespace (`X-Vault-Namespace`), if any.
    pub namespace: Option<String>,
    /// Timeouts, retries, CA certificate.
    pub http: HttpSettings,
}

impl fmt::Debug for KvConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KvConfig")
            .field("address", &self.address)
            .field("mount", &self.mount)
            .field("prefix", &self.prefix)
            .field("token", &"<redacted>")
            .field("namespace", &self.namespace)
            .field("http", &self.http)
            .finish()
    }
}

fn display_name(address: &str, mount: &str, prefix: &str) -> String {
    VaultUri::HashiCorp {
        address: address.trim_end_matches('/').to_string(),
        mount: mount.trim_matches('/').to_string(),
        prefix: prefix.trim_matches('/').to_string(),
    }
    .display_name()
}

impl KvConfig {
    /// A configuration from the environment: `VAULT_TOKEN` (required),
    /// `VAULT_NAMESPACE`, `VAULT_CACERT`, `LEAKGUARD_VAULT_BACKOFF_MS`.
    pub(crate) fn from_env(
        address: &str,
        mount: &str,
        prefix: &str,
    ) -> Result<KvConfig, VaultError> {
        let token = std::env::var("VAULT_TOKEN").unwrap_or_default();
        if token.trim().is_empty() {
            return Err(VaultError::Invalid {
                vault: display_name(address, mount, prefix),
                message: "VAULT_TOKEN is not set (export a Vault token with read and list access to the mount)"
                    .into(),
            });
        }
        let namespace = std::env::var("VAULT_NAMESPACE")
            .ok()
            .filter(|n| !n.trim().is_empty());
        let mut http = HttpSettings::from_env();
        http.ca_cert = std::env::var_os("VAULT_CACERT")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        Ok(KvConfig {
            address: address.to_string(),
            mount: mount.to_string(),
            prefix: prefix.to_string(),
            token: token.trim().to_string(),
            namespace,
            http,
        })
    }
}

/// Loads every live version of every secret under `prefix` in the KV v2
/// `mount` at `address`, with token, namespace and CA from the environment
/// (see [`KvConfig::from_env`]).
pub fn load(address: &str, mount: &str, prefix: &str) -> Result<Vec<ManagedValue>, VaultError> {
    load_with(&KvConfig::from_env(address, mount, prefix)?)
}

/// [`load`] with an explicit configuration.
pub fn load_with(config: &KvConfig) -> Result<Vec<ManagedValue>, VaultError> {
    Kv::new(config)?.load()
}

struct Kv<'a> {
    config: &'a KvConfig,
    client: HttpClient,
    base: String,
    mount: String,
}

impl<'a> Kv<'a> {
    fn new(config: &'a KvConfig) -> Result<Kv<'a>, VaultError> {
        let vault = display_name(&config.address, &config.mount, &config.prefix);
        let client = HttpClient::new(&vault, &config.http)?;
        let base = config.address.trim_end_matches('/').to_string();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(client.invalid("the address must start with https:// or http://".into()));
        }
        Ok(Kv {
            config,
            client,
            base,
            mount: config.mount.trim_matches('/').to_string(),
        })
    }

    fn load(&self) -> Result<Vec<ManagedValue>, VaultError> {
        self.check_mount()?;
        let prefix = self.config.prefix.trim_matches('/');
        let mut secrets = BTreeSet::new();
        if prefix.is_empty() {
            self.walk("", 0, &mut secrets)?;
        } else {
            // The secret at exactly PREFIX (if any; a 404 on its metadata skips it) …
            secrets.insert(prefix.to_string());
            // … and everything under PREFIX/.
            self.walk(&format!("{prefix}/"), 0, &mut secrets)?;
        }
        let mut out = Vec::new();
        for path in &secrets {
            self.read_secret(path, &mut out)?;
        }
        Ok(out)
    }

    /// GETs `/v1/{rest}`: Ok(None) on 404; permission and other errors as errors.
    fn get(&self, rest: &str) -> Result<Option<Value>, VaultError> {
        let (what, resp) = self.request(rest)?;
        match resp.status {
            200 => serde_json::from_slice(&resp.body)
                .map(Some)
                .map_err(|_| self.client.invalid(format!("{what}: response is not JSON"))),
            404 if no_route(&resp.body) => Err(self.client.invalid(format!(
                "no secrets engine is mounted at '{}/' (HTTP 404 on {what})",
                self.mount
            ))),
            204 | 404 => Ok(None),
            401 | 403 => Err(self.client.invalid(format!(
                "permission denied (HTTP {}) on {what}: check VAULT_TOKEN{} and its policy (read and list on {}/metadata and read on {}/data)",
                resp.status,
                if self.config.namespace.is_some() { " and VAULT_NAMESPACE" } else { "" },
                self.mount,
                self.mount
            ))),
            s => Err(self.client.invalid(format!("unexpected HTTP {s} on {what}"))),
        }
    }

    /// Checks, where the token may ask, that the mount is KV version 2
    /// (`GET /v1/sys/internal/ui/mounts/MOUNT`, as the vault CLI does). A
    /// refused or unknown check is not an error: the listing tells then.
    fn check_mount(&self) -> Result<(), VaultError> {
        let (_, resp) = self.request(&format!(
            "sys/internal/ui/mounts/{}",
            encode_path(&self.mount)
        ))?;
        if resp.status != 200 {
            return Ok(());
        }
        let Ok(doc) = serde_json::from_slice::<Value>(&resp.body) else {
            return Ok(());
        };
        let Some(data) = doc.get("data").filter(|d| d.is_object()) else {
            return Ok(());
        };
        let kind = data.get("type").and_then(Value::as_str).unwrap_or_default();
        let version = data
            .pointer("/options/version")
            .and_then(Value::as_str)
            .unwrap_or("1");
        match (kind, version) {
            ("kv", "2") | ("generic", "2") => Ok(()),
            ("kv", _) | ("generic", _) => Err(self.client.invalid(format!(
                "'{}/' is a KV version {version} mount; leakguard reads KV version 2 (versioned) mounts",
                self.mount
            ))),
            ("", _) => Ok(()),
            (other, _) => Err(self.client.invalid(format!(
                "'{}/' is a '{other}' secrets engine, not KV version 2",
                self.mount
            ))),
        }
    }

    /// Sends `GET /v1/{rest}` with the token and namespace headers.
    fn request(&self, rest: &str) -> Result<(String, HttpResponse), VaultError> {
        let url = format!("{}/v1/{rest}", self.base);
        let path_only = rest.split('?').next().unwrap_or(rest);
        let what = if rest.ends_with("?list=true") {
            format!("LIST /v1/{path_only}")
        } else {
            format!("GET /v1/{rest}")
        };
        let make = || {
            let mut b = http::Request::builder()
                .method("GET")
                .uri(&url)
                .header("X-Vault-Token", &self.config.token)
                .header("X-Vault-Request", "true")
                .header("Accept", "application/json");
            if let Some(ns) = &self.config.namespace {
                b = b.header("X-Vault-Namespace", ns);
            }
            b.body(Vec::new()).map_err(|_| {
                self.client
                    .invalid(format!("{what}: invalid request (bad address or header)"))
            })
        };
        let resp = self.client.send(&what, &make, &|_| false)?;
        Ok((what, resp))
    }

    /// Lists `folder` ("" or ending in '/') recursively, adding secret paths.
    fn walk(
        &self,
        folder: &str,
        depth: usize,
        out: &mut BTreeSet<String>,
    ) -> Result<(), VaultError> {
        if depth > MAX_DEPTH {
            return Err(self.client.invalid(format!(
                "folders nested deeper than {MAX_DEPTH} levels under '{folder}'"
            )));
        }
        let Some(doc) = self.get(&format!(
            "{}/metadata/{}?list=true",
            self.mount,
            encode_path(folder)
        ))?
        else {
            return Ok(());
        };
        let keys = doc
            .pointer("/data/keys")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                self.client.invalid(format!(
                    "LIST /v1/{}/metadata/{folder}: no data.keys in the response",
                    self.mount
                ))
            })?;
        for key in keys.iter().filter_map(Value::as_str) {
            if key.is_empty() || key == "/" {
                continue;
            }
            if let Some(sub) = key.strip_suffix('/') {
                self.walk(&format!("{folder}{sub}/"), depth + 1, out)?;
            } else {
                out.insert(format!("{folder}{key}"));
            }
        }
        Ok(())
    }

    fn read_secret(&self, path: &str, out: &mut Vec<ManagedValue>) -> Result<(), VaultError> {
        let enc = encode_path(path);
        let Some(meta) = self.get(&format!("{}/metadata/{enc}", self.mount))? else {
            return Ok(());
        };
        let bad_meta = || {
            self.client.invalid(format!(
                "GET /v1/{}/metadata/{path}: unexpected metadata shape",
                self.mount
            ))
        };
        let data = meta.get("data").ok_or_else(bad_meta)?;
        let current = data
            .get("current_version")
            .and_then(Value::as_u64)
            .ok_or_else(bad_meta)?;
        let versions = data
            .get("versions")
            .and_then(Value::as_object)
            .ok_or_else(bad_meta)?;
        let now = crate::model::date::now();
        let mut live: Vec<u64> = versions
            .iter()
            .filter_map(|(n, v)| {
                let n: u64 = n.parse().ok()?;
                let destroyed = v.get("destroyed").and_then(Value::as_bool).unwrap_or(false);
                let deleted = match v.get("deletion_time").and_then(Value::as_str) {
                    None | Some("") => false,
                    Some(t) => crate::model::date::parse_rfc3339(t).is_none_or(|t| t <= now),
                };
                (!destroyed && !deleted).then_some(n)
            })
            .collect();
        live.sort_unstable();
        for n in live {
            let Some(doc) = self.get(&format!("{}/data/{enc}?version={n}", self.mount))? else {
                continue; // deleted since the metadata was read
            };
            let Some(fields) = doc.pointer("/data/data").and_then(Value::as_object) else {
                continue; // null data: deleted or destroyed meanwhile
            };
            for (field, value) in fields {
                let value = match value {
                    Value::String(s) => s.clone(),
                    Value::Number(num) => num.to_string(),
                    _ => continue,
                };
                if value.is_empty() {
                    continue;
                }
                out.push(ManagedValue {
                    name: format!("{path}#{field}"),
                    version: n.to_string(),
                    current: n == current,
                    value: VaultSecret::from_string(value),
                });
            }
        }
        Ok(())
    }
}

/// Whether a 404 body says the path matched no mount ("no handler for
/// route"), as opposed to an empty folder or a missing secret. Only this
/// fact is taken from the body.
fn no_route(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("errors").and_then(Value::as_array).cloned())
        .is_some_and(|errors| {
            errors
                .iter()
                .filter_map(Value::as_str)
                .any(|e| e.contains("no handler for route"))
        })
}

/// Percent-encodes each segment of a path, keeping the slashes.
pub(crate) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_paths() {
        assert_eq!(encode_path("prod/app db/key#1"), "prod/app%20db/key%231");
        assert_eq!(encode_path(""), "");
    }

    #[test]
    fn config_debug_hides_token() {
        let c = KvConfig {
            address: "http://127.0.0.1:1".into(),
            mount: "secret".into(),
            prefix: "".into(),
            token: "hvs.s3cr3t-token-value".into(),
            namespace: None,
            http: HttpSettings::default(),
        };
        let d = format!("{c:?}");
        assert!(!d.contains("s3cr3t") && d.contains("redacted"), "{d}");
    }

    #[test]
    fn bad_ca_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ca.pem");
        std::fs::write(&p, "not a certificate").unwrap();
        let http = HttpSettings {
            ca_cert: Some(p),
            ..HttpSettings::default()
        };
        let e = HttpClient::new("v", &http).err().unwrap().to_string();
        assert!(
            e.contains("ca.pem") && e.contains("no PEM certificate"),
            "{e}"
        );
    }
}
