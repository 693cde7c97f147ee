//! The encodings a secret can be committed in, undone before it is found.

use serde::{Deserialize, Serialize};

/// An encoding a run of text was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Encoding {
    /// RFC 4648 base64, standard or URL-safe alphabet, padded or not.
    Base64,
    /// Pairs of hex digits.
    Hex,
    /// URL percent-encoding (`%40`).
    Percent,
    /// JSON/JavaScript string escapes (`\u0070`, `\x70`, `\n`).
    Escape,
    /// HTML/XML character references (`&#112;`, `&#x70;`, `&amp;`).
    Html,
}

impl Encoding {
    /// The lowercase name used in reports.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Hex => "hex",
            Encoding::Percent => "percent",
            Encoding::Escape => "escape",
            Encoding::Html => "html",
        }
    }
}
