//! The ground floor: what a scan finds and reports, as data. Every other
//! module builds on these types; this one imports nothing of the crate
//! but the text-safety helpers.

mod confidence;
pub mod date;
mod encoding;
mod finding;
pub mod fingerprint;
mod origin;
mod scanned;
mod severity;
mod verdict;

pub use confidence::{Confidence, LOW_ENTROPY};
pub(crate) use encoding::Encoding;
pub use finding::{
    CommitInfo, Finding, Fingerprint, Report, RuleInfo, Secret, Skipped, Span, Stats, Suppressed,
    VcsInfo, PREVIEW_CHARS,
};
pub use origin::Origin;
pub use scanned::{ScanKind, Scanned};
pub use severity::{FailOn, Severity};
pub(crate) use verdict::Verdict;
