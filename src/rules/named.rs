//! The structure checks and value filters a rule file can name (`check =
//! "…"`, `filters = [...]`): part of the rule format. What each one does
//! is the detector's (`detect::checks`, `detect::filters`).

use serde::Deserialize;

/// A check named in a rule file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Check {
    /// GitHub's classic token format (`ghp_`, `gho_`, `ghu_`, `ghs_`,
    /// `ghr_` and 36 base62 characters): the last six characters are the
    /// base62 CRC32 of the thirty before them. npm's `npm_` tokens use the
    /// same scheme.
    Base62Crc32,
    /// A PyPI token (`pypi-` and a base64url macaroon): the body decodes to
    /// a version 2 macaroon with an identifier and a 32-byte signature.
    PypiMacaroon,
    /// A JWT: the header decodes to a JSON object naming its `alg` and the
    /// payload to a JSON object.
    Jwt,
    /// An AWS access key id: the 16 characters after the prefix are base32
    /// and decode to an account number of at most 12 digits.
    AwsKeyId,
    /// A private key body (base64, lines joined or `\n`-escaped): it
    /// decodes to one DER SEQUENCE whose length is the decoded length, as
    /// a PKCS#8 or PKCS#1 key is. A truncated or made-up body is not.
    DerSequence,
}

/// A filter named in a rule file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Filter {
    /// Rejects references to a value rather than the value: `$VAR`,
    /// `process.env.X`, `os.getenv(...)`, `config.db.password`, `MY_PASSWORD`.
    NotReference,
    /// Rejects hashes and ids: hex strings of SHA-family length (git SHAs,
    /// SHA-1/256/512 digests), `sha512-…` integrity strings, UUIDs.
    NotHash,
    /// Rejects values made only of dictionary words (`mySecretPassword`).
    NotWord,
    /// Rejects encoded media: `data:` URIs, base64 of PNG/JPEG/GIF/fonts/SVG.
    NotMedia,
    /// Rejects a value already written before it on its line: a key whose
    /// value repeats part of its own name
    /// (`Win32_System_PasswordManagement = ["Win32_System"]`,
    /// `auth_token: auth_token`).
    NotOwnKey,
    /// Rejects a value whose key, read from the line before it, does not
    /// name a secret (`author`, `tokenizer`, `authority`), names something
    /// about one rather than the secret itself (`password_hint`,
    /// `token_url`, `secret_name`, `min_password_length`), or names a
    /// pagination or form token (`NextToken`, `page_token`, `csrf_token`).
    KeyNamesSecret,
    /// Rejects identifiers where a value would be (`resolved_credentials`,
    /// `SecretStr`, `oobeSystem`, `repo:applicationId`): for assignments,
    /// not for URL passwords.
    NotIdentifier,
    /// Rejects file paths, URLs and Makefile-style prerequisites:
    /// `~/.git-credentials`, `/etc/app/db.pass`, `build/reset.o`,
    /// `https://auth.example.org/token`.
    NotPath,
    /// Rejects digests that are neither hex nor UUIDs: `sha512-…`
    /// integrity strings, Django's unusable-password marker. For rules
    /// whose key already names a secret, where 32 or 40 hex characters or
    /// a UUID (`api_key: "98db33ff-…"`) is a token.
    NotDigest,
    /// Rejects e-mail addresses (`author = "jane@acme.io"`).
    NotEmail,
    /// Rejects cloud resource names and ids: ARNs, `projects/…/secrets/…`,
    /// Key Vault secret URLs.
    NotResourceId,
    /// Rejects the default and placeholder passwords of documentation and
    /// tests (`password123`, `admin`, `secret`, `replace-me`, `********`,
    /// `your-api-key-here`) that the markers shared by every rule miss.
    NotPlaceholder,
}
