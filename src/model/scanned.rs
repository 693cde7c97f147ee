//! What a scan covered, as its report records it: a report read back later
//! (rendered as HTML, merged with others) says what it is a report of.

/// The kind of scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScanKind {
    /// Files and directories.
    #[default]
    Files,
    /// A repository's history (`--git`).
    Git,
    /// Lines added in the index (`--staged`).
    Staged,
    /// Standard input.
    Stdin,
    /// Reports of several scans merged (`report merge`).
    Merged,
}

impl ScanKind {
    /// The name reports use.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ScanKind::Files => "files",
            ScanKind::Git => "git",
            ScanKind::Staged => "staged",
            ScanKind::Stdin => "stdin",
            ScanKind::Merged => "merged",
        }
    }
}

/// What a scan covered and when it started.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scanned {
    /// The kind of scan.
    pub(crate) kind: ScanKind,
    /// The paths as given (files scans), the repository path, or the
    /// names of the repositories merged.
    pub(crate) paths: Vec<String>,
    /// `--rev`: only this revision's history (default: every ref).
    pub(crate) rev: Option<String>,
    /// `--since`: commits reachable from this revision left out.
    pub(crate) since: Option<String>,
    /// When the scan started, RFC 3339 (UTC).
    pub(crate) started_at: String,
}
