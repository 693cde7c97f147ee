//! Loading managed values from every `--vault` source into one index.

use super::backend::files::{self, VAULT_JSON_ENV};
use super::index::ValueIndex;
use super::snapshot::FingerprintSet;
use super::{ManagedValue, VaultError, VaultUri};

/// What loading found, besides the index.
#[derive(Debug, Default)]
pub(crate) struct LoadNotes {
    /// One line each, for stderr (e.g. "used cached values for …").
    pub(crate) warnings: Vec<String>,
}

/// Loads one source's values. Snapshots are not values; see [`load_index`].
pub fn load_values(uri: &VaultUri) -> Result<Vec<ManagedValue>, VaultError> {
    super::memory::no_core_dumps();
    match uri {
        VaultUri::Dotenv(p) => files::load_dotenv(p),
        VaultUri::Json(p) => files::load_json(p),
        VaultUri::Local(p) => super::backend::local::load(p),
        VaultUri::HashiCorp { address, mount, prefix } => super::backend::hashicorp::load(address, mount, prefix),
        VaultUri::AwsSecretsManager { region, prefix } => super::backend::aws::load(region, prefix),
        VaultUri::Fingerprints(_) => Err(VaultError::Invalid {
            vault: uri.display_name(),
            message: "a fingerprint snapshot holds no values; it can be used by `scan`, not re-snapshotted".into(),
        }),
    }
}

/// Whether values from this source come over the network (and so are cached).
pub(crate) fn is_remote(uri: &VaultUri) -> bool {
    matches!(
        uri,
        VaultUri::HashiCorp { .. } | VaultUri::AwsSecretsManager { .. }
    )
}

/// Loads every source (and `LEAKGUARD_VAULT_JSON` if set) into one index.
/// `fetch` loads one source's values (the cache wraps remote ones).
pub(crate) fn load_index(
    uris: &[VaultUri],
    mut fetch: impl FnMut(&VaultUri, &mut LoadNotes) -> Result<Vec<ManagedValue>, VaultError>,
) -> Result<(ValueIndex, LoadNotes), VaultError> {
    let mut notes = LoadNotes::default();
    let mut values = Vec::new();
    let mut snapshot: Option<FingerprintSet> = None;
    let mut sources = Vec::new();
    for uri in uris {
        sources.push(uri.display_name());
        match uri {
            VaultUri::Fingerprints(p) => {
                if snapshot.is_some() {
                    return Err(VaultError::BadUri {
                        uri: uri.display_name(),
                        message: "only one fingerprints: snapshot can be used at a time".into(),
                    });
                }
                snapshot = Some(FingerprintSet::load(p)?);
            }
            _ => values.extend(fetch(uri, &mut notes)?),
        }
    }
    if let Ok(json) = std::env::var(VAULT_JSON_ENV) {
        super::memory::no_core_dumps();
        let json = zeroize::Zeroizing::new(json);
        sources.push(format!("${VAULT_JSON_ENV}"));
        values.extend(files::parse_json(&format!("${VAULT_JSON_ENV}"), &json)?);
    }
    let index = ValueIndex::new(values, snapshot, sources);
    if index.skipped_short > 0 {
        notes.warnings.push(format!(
            "vault: {} managed values shorter than {} characters were not indexed (too short to search for safely)",
            index.skipped_short,
            super::index::MIN_VALUE_LEN
        ));
    }
    Ok((index, notes))
}
