//! Severity: how much a leaked credential lets an attacker do.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Ordered from least to most severe, so `>=` compares against thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Not a secret on its own (an identifier that points at one).
    Info,
    /// Test-mode or read-only access.
    Low,
    /// Scoped or write-limited access.
    Medium,
    /// Broad API access on behalf of a user or organisation.
    High,
    /// Full control of infrastructure, money or identity.
    Critical,
}

impl Severity {
    /// Every severity, most severe first (the order reports use).
    pub(crate) const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// The lowercase name used in rule files, JSON and on the command line.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|sev| sev.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown severity '{}' (expected critical, high, medium, low or info)",
                    crate::text::quote_input(s)
                )
            })
    }
}

/// The `--fail-on` threshold: a severity, or `never` (always exit 0 when the scan ran).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Fail when a finding is at or above this severity.
    AtLeast(Severity),
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` makes the scan fail.
    pub fn is_failing(self, severity: Severity) -> bool {
        match self {
            FailOn::AtLeast(threshold) => severity >= threshold,
            FailOn::Never => false,
        }
    }
}

impl FromStr for FailOn {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("never") {
            return Ok(FailOn::Never);
        }
        s.parse::<Severity>().map(FailOn::AtLeast).map_err(|_| {
            format!(
                "unknown level '{}' (expected critical, high, medium, low, info or never)",
                crate::text::quote_input(s)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_order_and_parse() {
        assert!(Severity::Critical > Severity::High);
        assert!(Severity::Info < Severity::Low);
        assert_eq!("HIGH".parse::<Severity>().unwrap(), Severity::High);
        assert!("urgent".parse::<Severity>().is_err());
    }

    #[test]
    fn fail_on_thresholds() {
        let high: FailOn = "high".parse().unwrap();
        assert!(high.is_failing(Severity::Critical));
        assert!(high.is_failing(Severity::High));
        assert!(!high.is_failing(Severity::Medium));
        assert!(!"never"
            .parse::<FailOn>()
            .unwrap()
            .is_failing(Severity::Critical));
    }
}
