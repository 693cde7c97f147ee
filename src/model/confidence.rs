//! Confidence: how likely a finding is a real, live credential, as opposed
//! to how much damage one would do ([`super::Severity`]).
//!
//! The model, from three sources (docs/rules.md):
//! - the rule: a format with a unique literal prefix (or a checked
//!   structure) is `high`; a provider value found by a keyword near it is
//!   `medium`; a generic shape is `medium` (a rule may set its own);
//! - the value: a low-entropy value is one level lower;
//! - the place: test fixtures, examples and documentation are one level
//!   lower.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Ordered from least to most confident, so `>=` compares against a minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// A shape that often holds other things (a generic assignment in a
    /// test, a low-entropy value).
    Low,
    /// A value a keyword or key name says is a credential.
    Medium,
    /// A format only the provider issues (a unique prefix, a checksum).
    High,
}

impl Confidence {
    /// Every level, most confident first.
    pub(crate) const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    /// The lowercase name used in rule files, JSON and on the command line.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// One level less sure (`low` stays `low`).
    pub(crate) fn lower(self) -> Confidence {
        match self {
            Confidence::High => Confidence::Medium,
            Confidence::Medium | Confidence::Low => Confidence::Low,
        }
    }

    /// SARIF's `rank` (0–100, how likely the result is a true positive).
    pub(crate) fn sarif_rank(self) -> f64 {
        match self {
            Confidence::High => 90.0,
            Confidence::Medium => 60.0,
            Confidence::Low => 30.0,
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Confidence {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Confidence::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown confidence '{s}' (expected high, medium or low)"))
    }
}

/// Below this entropy (bits per character) a value is one level less
/// likely a credential: random tokens sit well above it.
pub const LOW_ENTROPY: f64 = 3.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_order_parse_and_lower() {
        assert!(Confidence::High > Confidence::Medium && Confidence::Medium > Confidence::Low);
        assert_eq!("MEDIUM".parse::<Confidence>(), Ok(Confidence::Medium));
        assert!("sure".parse::<Confidence>().is_err());
        assert_eq!(Confidence::High.lower(), Confidence::Medium);
        assert_eq!(Confidence::Low.lower(), Confidence::Low);
    }
}
