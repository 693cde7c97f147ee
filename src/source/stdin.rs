//! Standard input as a source (`--stdin`).

/// The name reports give to content read from standard input.
pub(crate) const STDIN_PATH: &str = "<stdin>";
