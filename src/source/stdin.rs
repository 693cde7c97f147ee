//! Standard input as a source (`--stdin`).

use crate::error::{Error, Result};
use std::io::Read;

/// The name reports give to content read from standard input.
pub const STDIN_PATH: &str = "<stdin>";

/// Reads all of standard input, up to `limit` bytes; returns the bytes and
/// whether input was cut at the limit.
pub fn read_all(limit: u64) -> Result<(Vec<u8>, bool)> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(Error::Stdin)?;
    let truncated = buf.len() as u64 > limit;
    if truncated {
        buf.truncate(limit as usize);
    }
    Ok((buf, truncated))
}
