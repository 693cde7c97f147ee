//! The vault cross-check: which leaked values are the organisation's real
//! secrets. Backends load managed values (name, version, current or not);
//! [`index::ValueIndex`] finds them in scanned content and gives findings a
//! [`Verdict`]. Vault values live only in memory, inside [`VaultSecret`]s
//! (wiped when dropped), and are never written anywhere in clear.
//!
//! URIs (`--vault`, repeatable):
//! `dotenv:PATH`, `json:PATH`, `local:PATH`, `vault+https://HOST[:PORT]/MOUNT[/PREFIX]`
//! (and `vault+http://`), `aws-sm://REGION[/PREFIX]`, `fingerprints:FILE`.

pub mod backend;
pub(crate) mod cache;
pub mod crypto;
pub(crate) mod index;
pub mod load;
pub mod memory;
mod private;
pub mod snapshot;

pub use memory::VaultSecret;
use std::fmt;
use std::path::PathBuf;

/// Loads every `--vault` source into one index; remote vaults go through the
/// encrypted cache. Returns the index and one-line warnings for stderr.
pub(crate) fn load(
    uris: &[String],
    cache: &cache::CacheOptions,
) -> Result<(index::ValueIndex, Vec<String>), VaultError> {
    let parsed = uris
        .iter()
        .map(|u| VaultUri::parse(u))
        .collect::<Result<Vec<_>, _>>()?;
    let (index, notes) = load::load_index(&parsed, |uri, notes| {
        if load::is_remote(uri) {
            cache::load_cached(uri, cache, notes, || load::load_values(uri))
        } else {
            load::load_values(uri)
        }
    })?;
    Ok((index, notes.warnings))
}

/// One version of one managed secret (or one field of it).
#[derive(Clone)]
pub struct ManagedValue {
    /// Where it lives: `prod/payments/stripe_key`, or `PATH#FIELD` for a
    /// field of a structured secret.
    pub name: String,
    /// The backend's version label ("7", "AWSCURRENT", "1").
    pub version: String,
    /// Whether this is the version in use now (false: rotated out).
    pub current: bool,
    /// The value itself. Never printed; wiped from memory when dropped.
    pub value: VaultSecret,
}

impl fmt::Debug for ManagedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManagedValue")
            .field("name", &self.name)
            .field("version", &self.version)
            .field("current", &self.current)
            .field("value", &"<redacted>")
            .finish()
    }
}

pub use crate::error::VaultError;

/// A parsed `--vault` URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultUri {
    /// A .env file: NAME=value lines.
    Dotenv(PathBuf),
    /// A JSON object: name → value, or name → {value, version, current}.
    Json(PathBuf),
    /// leakguard's own encrypted vault file.
    Local(PathBuf),
    /// HashiCorp Vault KV v2.
    HashiCorp {
        /// `https://host:port` (or `http://` for local dev).
        address: String,
        /// The KV v2 mount ("secret").
        mount: String,
        /// Only secrets under this path prefix ("" for all).
        prefix: String,
    },
    /// AWS Secrets Manager.
    AwsSecretsManager {
        /// The region ("eu-west-1").
        region: String,
        /// Only secrets whose name starts with this ("" for all).
        prefix: String,
    },
    /// An offline fingerprint snapshot (HMAC-SHA256 of each value).
    Fingerprints(PathBuf),
}

impl VaultUri {
    /// Parses a `--vault` argument.
    pub fn parse(uri: &str) -> Result<VaultUri, VaultError> {
        let bad = |message: &str| VaultError::BadUri {
            uri: without_credentials(uri),
            message: message.to_string(),
        };
        let nonempty = |rest: &str, what: &str| -> Result<PathBuf, VaultError> {
            if rest.is_empty() {
                Err(bad(&format!("missing {what}")))
            } else {
                Ok(PathBuf::from(rest))
            }
        };
        if let Some(rest) = uri.strip_prefix("dotenv:") {
            return Ok(VaultUri::Dotenv(nonempty(rest, "file path")?));
        }
        if let Some(rest) = uri.strip_prefix("json:") {
            return Ok(VaultUri::Json(nonempty(rest, "file path")?));
        }
        if let Some(rest) = uri.strip_prefix("local:") {
            return Ok(VaultUri::Local(nonempty(rest, "vault path")?));
        }
        if let Some(rest) = uri.strip_prefix("fingerprints:") {
            return Ok(VaultUri::Fingerprints(nonempty(rest, "snapshot path")?));
        }
        for (scheme, http) in [("vault+https://", "https://"), ("vault+http://", "http://")] {
            if let Some(rest) = uri.strip_prefix(scheme) {
                let (host, path) = rest
                    .split_once('/')
                    .ok_or_else(|| bad("expected HOST[:PORT]/MOUNT[/PREFIX]"))?;
                if host.is_empty() || host.contains('@') {
                    return Err(bad(
                        "expected HOST[:PORT]/MOUNT[/PREFIX] (credentials go in VAULT_TOKEN)",
                    ));
                }
                let path = path.trim_matches('/');
                let (mount, prefix) = path.split_once('/').unwrap_or((path, ""));
                if mount.is_empty() {
                    return Err(bad(
                        "missing the KV v2 mount (e.g. vault+https://vault.corp:8200/secret)",
                    ));
                }
                return Ok(VaultUri::HashiCorp {
                    address: format!("{http}{host}"),
                    mount: mount.to_string(),
                    prefix: prefix.trim_matches('/').to_string(),
                });
            }
        }
        if let Some(rest) = uri.strip_prefix("aws-sm://") {
            let (region, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let valid_region = !region.is_empty()
                && region
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid_region {
                return Err(bad(
                    "expected aws-sm://REGION[/PREFIX], e.g. aws-sm://eu-west-1/prod/",
                ));
            }
            return Ok(VaultUri::AwsSecretsManager {
                region: region.to_string(),
                prefix: prefix.to_string(),
            });
        }
        // Not a URI leakguard knows: it may be anything pasted by mistake (a
        // token), so only its scheme is shown.
        let scheme = uri.split_once(':').map(|(s, _)| s).filter(|s| {
            s.len() <= 24
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        });
        Err(VaultError::BadUri {
            uri: match scheme {
                Some(s) => format!("{s}:…"),
                None => crate::text::quote_input(uri),
            },
            message: "unknown scheme (expected dotenv:, json:, local:, fingerprints:, vault+https://, vault+http:// or aws-sm://)".into(),
        })
    }

    /// How reports and messages name this vault (no credentials in it).
    pub(crate) fn display_name(&self) -> String {
        match self {
            VaultUri::Dotenv(p) => format!("dotenv:{}", p.display()),
            VaultUri::Json(p) => format!("json:{}", p.display()),
            VaultUri::Local(p) => format!("local:{}", p.display()),
            VaultUri::Fingerprints(p) => format!("fingerprints:{}", p.display()),
            VaultUri::HashiCorp {
                address,
                mount,
                prefix,
            } => {
                let base = format!("vault+{address}/{mount}");
                if prefix.is_empty() {
                    base
                } else {
                    format!("{base}/{prefix}")
                }
            }
            VaultUri::AwsSecretsManager { region, prefix } => format!("aws-sm://{region}/{prefix}"),
        }
    }
}

/// `uri` with the user-info of `scheme://user:password@host/…` replaced by
/// `***`, for error messages: leakguard takes no credentials in URIs, but a
/// user may paste one, and the error must not echo it.
fn without_credentials(uri: &str) -> String {
    let Some(scheme_end) = uri.find("://") else {
        return uri.to_string();
    };
    let rest = &uri[scheme_end + 3..];
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    match authority.rfind('@') {
        Some(at) => format!("{}://***@{}", &uri[..scheme_end], &rest[at + 1..]),
        None => uri.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_uris() {
        assert_eq!(
            VaultUri::parse("dotenv:.env").unwrap(),
            VaultUri::Dotenv(".env".into())
        );
        assert_eq!(
            VaultUri::parse("vault+https://vault.corp:8200/secret/prod/app").unwrap(),
            VaultUri::HashiCorp {
                address: "https://vault.corp:8200".into(),
                mount: "secret".into(),
                prefix: "prod/app".into()
            }
        );
        assert_eq!(
            VaultUri::parse("vault+http://127.0.0.1:8200/kv").unwrap(),
            VaultUri::HashiCorp {
                address: "http://127.0.0.1:8200".into(),
                mount: "kv".into(),
                prefix: "".into()
            }
        );
        assert_eq!(
            VaultUri::parse("aws-sm://eu-west-1/prod/").unwrap(),
            VaultUri::AwsSecretsManager {
                region: "eu-west-1".into(),
                prefix: "prod/".into()
            }
        );
        for bad in [
            "vault://x",
            "dotenv:",
            "vault+https://host",
            "aws-sm://EU WEST",
            "vault+https://u:p@h/kv",
        ] {
            assert!(VaultUri::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_uri_errors_hide_credentials() {
        for uri in [
            "vault+http://ann:Zq8-Lm3vP7xR2wK9tB4n@127.0.0.1:9/kv",
            "hashicorp+http://ann:Zq8-Lm3vP7xR2wK9tB4n@127.0.0.1:9/kv",
            "vault+https://Zq8-Lm3vP7xR2wK9tB4n@vault.corp",
        ] {
            let e = VaultUri::parse(uri).unwrap_err().to_string();
            assert!(!e.contains("Zq8-Lm3vP7xR2wK9tB4n"), "{e}");
            assert!(
                e.contains("://***@") || e.contains("hashicorp+http:…"),
                "{e}"
            );
        }
        let e = VaultUri::parse("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")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("--vault ghp_…: unknown scheme"), "{e}");
        let e = VaultUri::parse("vault+htps://vault.corp/kv")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("--vault vault+htps:…: unknown scheme"), "{e}");
        assert_eq!(without_credentials("dotenv:a@b"), "dotenv:a@b");
        assert_eq!(
            without_credentials("vault+https://h/kv/a@b"),
            "vault+https://h/kv/a@b"
        );
    }
}
