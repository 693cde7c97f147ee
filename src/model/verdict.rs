//! What the vault says about a finding.

/// What the vault says about a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The leaked value is the current version of a managed secret: rotate now.
    ManagedCurrent {
        /// The secret's name in the vault.
        name: String,
        /// Its version.
        version: String,
    },
    /// The leaked value is an old, rotated-out version of a managed secret.
    ManagedSuperseded {
        /// The secret's name in the vault.
        name: String,
        /// The old version that leaked.
        version: String,
    },
    /// No vault consulted knows this value.
    Unmanaged,
}

impl Verdict {
    /// The verdict's name in reports.
    pub(crate) fn as_str(&self) -> &'static str {
        match self {
            Verdict::ManagedCurrent { .. } => "managed-current",
            Verdict::ManagedSuperseded { .. } => "managed-superseded",
            Verdict::Unmanaged => "unmanaged",
        }
    }

    /// The vault name and version, for managed verdicts.
    pub(crate) fn name_version(&self) -> Option<(&str, &str)> {
        match self {
            Verdict::ManagedCurrent { name, version }
            | Verdict::ManagedSuperseded { name, version } => Some((name, version)),
            Verdict::Unmanaged => None,
        }
    }
}
