//! Named filters a rule can ask for (`filters = [...]` in a rule file). They
//! reject captured values that sit where secrets sit but are not secrets:
//! variable references, hashes and ids, dictionary words, encoded media.
//! Generic rules (`password = "…"`) need them; provider rules with a fixed
//! prefix rarely do.

use crate::rules::Filter;
use std::sync::OnceLock;

/// How much of a value's line, before it, filters are shown: enough for any
/// key, and a minified line cannot make filtering quadratic.
pub(crate) const LINE_BEFORE_MAX: usize = 512;

impl Filter {
    /// Whether `value` should be rejected by this filter. `before` is the
    /// part of the value's line that precedes it (at most
    /// [`LINE_BEFORE_MAX`] bytes); only [`Filter::NotOwnKey`] reads it.
    pub(crate) fn rejects(self, value: &[u8], before: &[u8]) -> bool {
        match self {
            Filter::NotOwnKey => return !value.is_empty() && contains_loosely(before, value),
            Filter::KeyNamesSecret => return !key_names_secret(before),
            _ => {}
        }
        let Ok(value) = std::str::from_utf8(value) else {
            return false;
        };
        match self {
            Filter::NotReference => is_reference(value),
            Filter::NotHash => is_hash_or_id(value),
            Filter::NotWord => is_words(value),
            Filter::NotMedia => is_media(value),
            Filter::NotPath => is_path(value),
            Filter::NotIdentifier => is_identifier_value(value),
            Filter::NotDigest => is_digest(value),
            Filter::NotEmail => is_email(value),
            Filter::NotResourceId => is_resource_id(value),
            Filter::NotPlaceholder => is_placeholder(value),
            Filter::NotOwnKey | Filter::KeyNamesSecret => unreachable!("handled above"),
        }
    }
}

/// Whether `needle` occurs in `hay` ignoring ASCII case, with `-` and `_`
/// alike (`X_AMZ_CREDENTIAL: &str = "X-Amz-Credential"`).
fn contains_loosely(hay: &[u8], needle: &[u8]) -> bool {
    let fold = |b: u8| {
        if b == b'-' {
            b'_'
        } else {
            b.to_ascii_lowercase()
        }
    };
    needle.len() <= hay.len()
        && hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(&a, &b)| fold(a) == fold(b)))
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_reference(v: &str) -> bool {
    let v = v.trim();
    if v.is_empty() {
        return true;
    }
    // A command-line flag (`rootpw --plaintext X`), not a value.
    if v.starts_with("--") {
        return true;
    }
    // Shell/Makefile/template variables, Ruby/Perl sigils, Ansible/Jinja.
    if v.starts_with('$') || v.starts_with('@') || v.starts_with('&') {
        return true;
    }
    // `%VAR%` (Windows), `%(name)s` and `%s` (format strings); a password
    // may start with `%` (`%T+Mct.50#mXoxulX9`).
    if let Some(rest) = v.strip_prefix('%') {
        if rest.contains('%') || rest.starts_with('(') || rest.len() <= 2 || is_identifier(rest) {
            return true;
        }
    }
    // Function calls and indexing: getenv("X"), ENV["X"], secrets.get('x'),
    // `userinfo.partition(b` cut short by a quote: a name before the first
    // bracket. In `r%ha628…$ws0uk(si=…` (a Django key) no name precedes it.
    if let Some(i) = v.find(['(', '[']) {
        let callee = v[..i].trim_start_matches(':');
        if callee.is_empty()
            || callee
                .split(['.', ':'])
                .filter(|s| !s.is_empty())
                .all(|s| is_identifier(s.trim_start_matches('>').trim_end_matches('-')))
        {
            return true;
        }
    }
    if v.ends_with(')') || v.ends_with(']') {
        return true;
    }
    if let Some(open) = v.find('{') {
        if v[open + 1..].find('}').is_some_and(|close| {
            let inner = &v[open + 1..open + 1 + close];
            inner.is_empty() || is_identifier(inner) || inner.bytes().all(|b| b.is_ascii_digit())
        }) {
            return true;
        }
    }
    // Namespaced labels: `joserfc:OKP:HKDF:Ed25519`.
    if v.split(':').count() >= 3
        && v.split(':').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        && v.bytes().filter(u8::is_ascii_digit).count() * 4 < v.len()
    {
        return true;
    } // Namespaced paths (crate::signer::SigningKey) and Cargo features.
    if v.starts_with("dep:")
        || (v.contains("::") && v.split("::").all(|s| s.is_empty() || is_identifier(s)))
    {
        return true;
    }
    // A dotted name left open for concatenation: `'_threading_local._localimpl.'`
    // (a password may end in a dot: `Summit2024.`).
    if v.ends_with('.') && {
        let segments: Vec<&str> = v.trim_end_matches('.').split('.').collect();
        segments.iter().all(|s| s.is_empty() || is_name_segment(s))
            && !is_dotted_passphrase(&segments)
    } {
        return true;
    }
    // Dotted identifiers: process.env.TOKEN, config.db.password, self.secret
    // (a JWT's dotted segments are base64url, not names).
    if v.starts_with("eyJ") {
        return false;
    }
    let segments: Vec<&str> = v.split('.').collect();
    if segments.len() > 1
        && segments.iter().all(|s| is_name_segment(s))
        && !is_dotted_passphrase(&segments)
    {
        return true;
    }
    // An environment variable's name in SCREAMING_CASE: API_TOKEN, DB_PASSWORD.
    if is_identifier(v)
        && v.contains('_')
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return true;
    }
    // Well-known "no value here" words.
    matches!(
        v.to_ascii_lowercase().as_str(),
        "null"
            | "none"
            | "nil"
            | "undefined"
            | "true"
            | "false"
            | "required"
            | "optional"
            | "string"
    )
}

/// Words joined by dots and ending in digits (`Quartz.violet16`,
/// `Harbor.pepper50`): how people build passwords, not how code names a
/// value (`config.db.password`, `self.secret`, `process.env.TOKEN`).
fn is_dotted_passphrase(segments: &[&str]) -> bool {
    const OBJECTS: &[&str] = &[
        "self", "this", "config", "cfg", "conf", "settings", "process", "env", "os", "params",
        "props", "options", "opts", "app", "request", "req", "ctx", "context", "vars", "var",
        "secrets", "values", "args", "input", "inputs", "system", "window", "document", "module",
        "data", "user", "db", "spring", "java", "javax", "org", "com", "net", "io", "local",
        "locals", "site", "node",
    ];
    let first = segments[0].to_ascii_lowercase();
    segments.len() <= 3
        && segments
            .iter()
            .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        && segments
            .last()
            .is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()))
        && !OBJECTS.contains(&first.as_str())
}

/// A segment of a dotted name (`config`, `AWS_S3_KEY2`, `base64Encoded`):
/// an identifier that is not a random mix of cases and digits, the way
/// `xCo788rQdqocJiZdpnU` in the password `xCo788rQdqocJiZdpnU.` is.
fn is_name_segment(s: &str) -> bool {
    let count = |f: fn(&u8) -> bool| s.as_bytes().iter().filter(|b| f(b)).count();
    // Class changes (lower/upper/digit) at every other character or more:
    // `xCo788rQdqocJiZdpnU` (11 in 19), not `X25519PrivateKey` (5 in 16).
    let class = |b: &u8| (b.is_ascii_uppercase(), b.is_ascii_digit());
    let changes = s
        .as_bytes()
        .windows(2)
        .filter(|w| class(&w[0]) != class(&w[1]))
        .count();
    let random = s.len() >= 10
        && count(u8::is_ascii_digit) >= 2
        && count(u8::is_ascii_uppercase) >= 2
        && count(u8::is_ascii_lowercase) >= 2
        && changes * 2 >= s.len();
    is_identifier(s) && !random
}

/// Identifiers written where a value would be: `resolved_botocore_credentials`,
/// `SecretStr`, `AWSAccessKeyId`, `oobeSystem`, `serverlessrepo:applicationId`.
/// Not for URL and connection-string passwords, where `gateway_dev_pw` is
/// a password.
fn is_identifier_value(v: &str) -> bool {
    // Identifiers rather than values: `resolved_botocore_credentials`,
    // `SecretStr`, `AWSAccessKeyId`, `serverlessrepo:applicationId`,
    // f-string templates (`share-{portfolio_id}`).
    // Namespaced shape ids (Smithy, RDF): `aws.auth#sigv4`,
    // `com.amazonaws.s3#BucketName`.
    // The namespace is dotted and lower-case, so `Welcome#Home1` and
    // `S3cure#Pass` stay passwords.
    if let Some((namespace, name)) = v.split_once('#') {
        let dotted = namespace.contains('.')
            && namespace
                .split('.')
                .all(|seg| is_identifier(seg) && seg == seg.to_ascii_lowercase());
        if dotted && is_identifier(name) {
            return true;
        }
    }
    if !v.bytes().any(|b| b.is_ascii_digit()) {
        let idents = v.split(':').all(is_identifier);
        let snake = is_identifier(v) && v.contains('_') && v == v.to_ascii_lowercase();
        let pascal = is_identifier(v)
            && v.starts_with(|c: char| c.is_ascii_uppercase())
            && v.bytes().filter(u8::is_ascii_uppercase).count() >= 2
            && v.bytes().any(|b| b.is_ascii_lowercase());
        // camelCase: `oobeSystem`, `userPassword`.
        let camel = is_identifier(v)
            && v.starts_with(|c: char| c.is_ascii_lowercase())
            && v.bytes().any(|b| b.is_ascii_uppercase())
            && !v.contains('_');
        if snake || pascal || camel || (v.contains(':') && idents) {
            return true;
        }
    }
    false
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_hash_or_id(v: &str) -> bool {
    // Not 32 (MD5): that is also the shape of many providers' API keys,
    // and a key that names a secret says which it is.
    const HASH_LENGTHS: [usize; 5] = [40, 56, 64, 96, 128];
    if is_hex(v) && HASH_LENGTHS.contains(&v.len()) {
        return true;
    }
    for prefix in [
        "sha1-",
        "sha256-",
        "sha384-",
        "sha512-",
        "md5-",
        "sha1:",
        "sha256:",
        "sha512:",
        "grub.pbkdf2.",
    ] {
        // On bytes: the value may hold non-ASCII text (`Hasło`).
        if v.len() > prefix.len()
            && v.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        {
            return true;
        }
    }
    // Django's unusable-password marker: `!` and 40 random characters.
    if v.len() == 41 && v.starts_with('!') && v[1..].bytes().all(|b| b.is_ascii_alphanumeric()) {
        return true;
    }
    is_uuid(v)
}

fn is_digest(v: &str) -> bool {
    let hex_or_uuid = (is_hex(v) && v.len() >= 32) || is_uuid(v);
    !hex_or_uuid && is_hash_or_id(v)
}

fn is_uuid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.len() == 5
        && parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| is_hex(p))
}

/// The English word list, sorted (a test checks): searched by bisection,
/// because hashing its 72,000 words took longer than many a scan.
fn dictionary() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| include_str!("data/words.txt").lines().collect())
}

fn is_dictionary_word(token: &str) -> bool {
    dictionary().binary_search(&token).is_ok()
}

/// Splits on non-letters and camelCase humps: "mySecret_value2" → my, secret, value.
fn word_tokens(v: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in v.chars() {
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(c.to_ascii_lowercase());
            prev_lower = c.is_ascii_lowercase();
        } else {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            prev_lower = false;
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

fn is_words(v: &str) -> bool {
    if v.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let tokens = word_tokens(v);
    !tokens.is_empty() && tokens.iter().all(|t| t.len() <= 2 || is_dictionary_word(t))
}

fn is_media(v: &str) -> bool {
    const MAGIC: [&str; 12] = [
        "iVBORw0KGgo", // PNG
        "/9j/",        // JPEG
        "R0lGOD",      // GIF
        "d09GRg",      // WOFF
        "d09GMg",      // WOFF2
        "AAEAAAA",     // TrueType
        "PHN2Zy",      // <svg
        "UklGR",       // RIFF (WebP)
        // DER public keys (SubjectPublicKeyInfo): a browser extension's
        // manifest "key", a JWT verification key. Public by definition.
        "MIIBIjANBgkqhkiG9w0BAQEFAAOC",         // RSA 2048
        "MIICIjANBgkqhkiG9w0BAQEFAAOC",         // RSA 4096
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", // EC P-256
        "MCowBQYDK2VwAyEA",                     // Ed25519
    ];
    v.starts_with("data:") || MAGIC.iter().any(|m| v.starts_with(m))
}

/// Words that, as a whole token of a key, say its value is a secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passwort",
    "passphrase",
    "passcode",
    "pwd",
    "pass",
    "pw",
    "secret",
    "secrets",
    "token",
    "credential",
    "credentials",
    "creds",
    "apikey",
    "apitoken",
    "auth",
    "authkey",
    "authtoken",
    "privatekey",
    "accesskey",
    "secretkey",
    "salt",
    "pepper",
];

/// Words that, before `key`, make it a credential (`api_key`, `signingKey`).
const KEY_QUALIFIERS: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "auth",
    "signing",
    "encryption",
    "enc",
    "master",
    "app",
    "application",
    "client",
    "consumer",
    "license",
    "licence",
    "session",
    "jwt",
    "hmac",
    "shared",
    "service",
    "account",
    "storage",
    "subscription",
    "crypt",
    "cipher",
    "aes",
    "server",
    "admin",
    "rest",
    "sdk",
    "developer",
    "dev",
    "write",
    "read",
    "ingest",
    "integration",
    "webhook",
];

/// What a `…_key` names when it is not a credential: data structure,
/// database and UI keys, public keys, object paths.
const NOT_SECRET_KEYS: &[&str] = &[
    "primary",
    "foreign",
    "sort",
    "partition",
    "cache",
    "map",
    "dict",
    "hash",
    "public",
    "pub",
    "idempotency",
    "dedup",
    "dedupe",
    "lookup",
    "row",
    "column",
    "col",
    "index",
    "object",
    "s3",
    "bucket",
    "file",
    "path",
    "registry",
    "translation",
    "i18n",
    "message",
    "msg",
    "label",
    "config",
    "setting",
    "settings",
    "header",
    "field",
    "property",
    "prop",
    "attr",
    "attribute",
    "json",
    "yaml",
    "env",
    "environment",
    "query",
    "param",
    "parameter",
    "search",
    "group",
    "order",
    "unique",
    "composite",
    "natural",
    "surrogate",
    "react",
    "list",
    "item",
    "element",
    "node",
    "tree",
    "state",
    "route",
    "cursor",
    "page",
    "next",
    "prev",
    "start",
    "end",
    "shortcut",
    "hot",
    "keyboard",
    "press",
    "max",
    "min",
    "enum",
    "type",
    "kind",
    "name",
    "dns",
    "dkim",
    "host",
    "known",
    "authorized",
    "trusted",
    "verify",
    "verifying",
    "verification",
    "ssh",
    "gpg",
    "pgp",
    "tls",
    "ssl",
    "cert",
    "certificate",
    "key",
    "sub",
    "child",
    "parent",
    "local",
    "storage_account",
    "event",
    "metric",
    "tag",
    "data",
    "value",
    "entry",
    "template",
    "schema",
    "stream",
    "topic",
    "queue",
    "job",
    "task",
    "lock",
    "mutex",
    "seq",
    "version",
    "locale",
    "lang",
    "language",
    "feature",
    "flag",
    "experiment",
    "variant",
    "result",
    "s",
    "site",
    "publishable",
    "output",
    "input",
];

/// Last tokens of a key that say its value is about a secret, not the
/// secret: `password_hint`, `token_url`, `secret_name`.
const METADATA_WORDS: &[&str] = &[
    "hint",
    "file",
    "files",
    "path",
    "paths",
    "dir",
    "url",
    "uri",
    "urls",
    "endpoint",
    "host",
    "name",
    "names",
    "id",
    "ids",
    "type",
    "types",
    "length",
    "len",
    "size",
    "count",
    "min",
    "max",
    "ttl",
    "expiry",
    "within",
    "expires",
    "expiration",
    "expire",
    "timeout",
    "lifetime",
    "format",
    "field",
    "fields",
    "header",
    "label",
    "prompt",
    "message",
    "msg",
    "text",
    "placeholder",
    "policy",
    "regex",
    "pattern",
    "validator",
    "validation",
    "strength",
    "reset",
    "rule",
    "rules",
    "hash",
    "hashed",
    "hasher",
    "hashers",
    "encryption",
    "scheme",
    "digest",
    "mode",
    "enabled",
    "disabled",
    "required",
    "env",
    "var",
    "variable",
    "index",
    "location",
    "ref",
    "arn",
    "version",
    "prefix",
    "suffix",
    "template",
    "provider",
    "method",
    "style",
    "class",
    "column",
    "input",
    "box",
    "button",
    "icon",
    "visible",
    "changed",
    "limit",
    "at",
    "date",
    "time",
    "ms",
    "seconds",
    "secs",
    "age",
    "chars",
    "encoding",
    "algorithm",
    "algo",
    "cost",
    "rounds",
    "iterations",
    "manager",
    "handler",
    "helper",
    "command",
    "cmd",
    "script",
    "source",
    "table",
    "attr",
    "attribute",
    "param",
    "parameter",
    "option",
    "options",
    "schema",
    "view",
    "page",
    "screen",
    "form",
    "dialog",
    "modal",
    "link",
    "route",
    "callback",
    "redirect",
    "store",
    "storage",
    "cache",
    "kind",
    "scope",
    "scopes",
    "audience",
    "issuer",
    "usage",
    "check",
    "policy",
    "salt_length",
    "error",
    "errors",
    "status",
    "state",
    "list",
    "flag",
    "key_id",
    "keyid",
    "len",
    "bits",
    "lookup",
    "mask",
    "masked",
    "char",
    "symbols",
    "digits",
    "lowercase",
    "uppercase",
    "entry",
    "ui",
    "dto",
    "request",
    "response",
    "lock",
    "locked",
    "attempts",
    "retries",
    "history",
    "sha",
    "checksum",
    "etag",
    "fingerprint",
    "commit",
    "rev",
    "revision",
    "mgr",
    "last",
    "used",
    "updated",
    "created",
    "pop",
    "get",
    "has",
    "is",
    "set_at",
    "supported",
    "dir",
    "bytes",
    "hex",
    "urlsafe",
    "generator",
    "generate",
    "gen",
    "factory",
    "provider",
    "loader",
    "reader",
    "writer",
];

/// Tokens of a key that make it a pagination, form or request token, not
/// a credential (`NextToken`, `next_page_token`, `csrf_token`).
const NOT_CREDENTIAL_WORDS: &[&str] = &[
    // Helm's `existingSecret: name-of-a-k8s-secret`.
    "existing",
    "next",
    "page",
    "continuation",
    "cursor",
    "marker",
    "pagination",
    "resume",
    "resumption",
    "sync",
    "csrf",
    "xsrf",
    "forgery",
    "cancellation",
    "cancel",
    "stop",
    "lexer",
    "parser",
    "eof",
    "bos",
    "unk",
    "pad",
    "sep",
    "mask",
    "special",
    "max",
    "num",
    "total",
    "example",
    "starting",
    "input",
    "output",
    "change",
    "copy",
    "export",
    "import",
    "update",
    "idempotency",
    "verification",
    "lock",
    "lifecycle",
    "public",
    "publishable",
    "request",
    "trace",
    "correlation",
    "variants",
    "sample",
    "dummy",
    "fake",
    "mock",
];

/// The identifiers written last before a value on its line, nearest
/// first (at most `n`): for `val password: String = "` that is `String`,
/// then `password`.
fn last_identifiers(before: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut end = before.len();
    while out.len() < n && end > 0 {
        while end > 0 && !is_key_byte(before[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && is_key_byte(before[start - 1]) {
            start -= 1;
        }
        if start == end {
            break;
        }
        let ident = &before[start..end];
        // A type path (`AWS::SecretsManager::Secret`) names a type, not a
        // key; a lower-case one is a key (Puppet's Hiera keys,
        // `profile::db::server::root_password`).
        if start >= 2
            && &before[start - 2..start] == b"::"
            && ident.iter().any(u8::is_ascii_uppercase)
        {
            out.push(&before[..0]);
            end = start - 2;
            continue;
        }
        // Python string prefixes (r"…", b'…') are not keys.
        let prefix = matches!(
            ident.to_ascii_lowercase().as_slice(),
            b"r" | b"b" | b"u" | b"f" | b"rb" | b"br"
        ) && out.is_empty()
            && end == before.len().saturating_sub(1);
        if !prefix {
            out.push(ident);
        }
        end = start;
    }
    out
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'
}

/// Splits a key into lowercase tokens on `_ - .`, digits and camelCase
/// humps: `dbPassword` → db, password; `X-API-Key` → x, api, key.
fn key_tokens(key: &[u8]) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut prev: Option<u8> = None;
    for (i, &b) in key.iter().enumerate() {
        if !b.is_ascii_alphabetic() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            prev = None;
            continue;
        }
        let next_lower = key.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
        let hump = b.is_ascii_uppercase()
            && prev
                .is_some_and(|p| p.is_ascii_lowercase() || (p.is_ascii_uppercase() && next_lower));
        if hump && !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        current.push(b.to_ascii_lowercase() as char);
        prev = Some(b);
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Whether these tokens name a credential, and the index of the token
/// that does.
fn secret_token(tokens: &[String]) -> Option<usize> {
    tokens.iter().enumerate().find_map(|(i, t)| {
        let named = SECRET_WORDS.contains(&t.as_str())
            || (t == "key" && i > 0 && KEY_QUALIFIERS.contains(&tokens[i - 1].as_str()))
            // Any other `…Key` ending the name (`OPENWEATHER_KEY`, `adminKey`,
            // `TransactionKey`) unless what it qualifies is not a secret.
            || (t == "key"
                && i + 1 == tokens.len()
                && (i == 0 || !NOT_SECRET_KEYS.contains(&tokens[i - 1].as_str())))
            // Run together with a prefix, as environment names and old
            // configs write them: PGPASSWORD, remotepass, smtppass, dbpwd.
            || run_together(t);
        // An Algolia search key or a public key is meant to be shipped.
        let public = t == "key"
            && tokens[..i]
                .iter()
                .rev()
                .take(2)
                .any(|p| PUBLIC_KEY_QUALIFIERS.contains(&p.as_str()));
        (named && !public).then_some(i)
    })
}

/// Words that, up to two tokens before `key`, make it a key meant to be
/// public: `ALGOLIA_SEARCH_API_KEY`, `publicApiKey`.
const PUBLIC_KEY_QUALIFIERS: &[&str] = &["search", "public", "publishable", "pub"];

/// Secret words also recognised at the end of a longer token.
const SUFFIX_WORDS: &[&str] = &[
    "password",
    "passwort",
    "passwd",
    "passphrase",
    "secret",
    "apikey",
    "pwd",
];

/// What may run together with `pass` into one key (`smtppass`, `dbpass`,
/// `remotepass`, `controlpass`): a service or a role, not any word
/// (`bypass`, `onepass`, `compass`).
const PASS_PREFIXES: &[&str] = &[
    "db", "smtp", "imap", "pop", "pop3", "remote", "admin", "root", "user", "ftp", "sftp", "mail",
    "proxy", "ldap", "bind", "control", "master", "key", "store", "auth", "app", "api", "vnc",
    "rdp", "ssh", "sql", "mysql", "pg", "redis", "amqp", "mq", "wifi", "wpa", "vpn", "enable",
    "login", "sudo", "site", "web", "svc", "service", "local", "default", "system", "sys",
    "server", "client", "repl", "backup",
];

/// A token that is a secret word run together with a prefix.
fn run_together(t: &str) -> bool {
    SUFFIX_WORDS
        .iter()
        .any(|w| t.len() > w.len() && t.ends_with(w))
        || t.strip_suffix("pass")
            .is_some_and(|p| PASS_PREFIXES.contains(&p))
}

/// Whether the key nearest before a value (one of the last three
/// identifiers on its line, the nearest that names a secret) names the
/// secret itself.
pub(crate) fn key_names_secret(before: &[u8]) -> bool {
    // What joins the key to the value: `(` for a setter or call, `,` for
    // a (key, value) pair, else an assignment.
    let joint = before
        .iter()
        .rev()
        .find(|&&b| {
            !matches!(
                b,
                b'"' | b'\''
                    | b'`'
                    | b' '
                    | b'\t'
                    | b'\n'
                    | b'\r'
                    | b'['
                    | b'r'
                    | b'b'
                    | b'u'
                    | b'f'
            )
        })
        .copied();
    if joint == Some(b',') && !pair_is_call_arguments(before) {
        return false;
    }
    // `storePassword "…"` (Groovy, Gradle): a value after a bare space
    // needs a key that can only name a secret, not `pass "x"` in prose.
    // ... and a fallback after `or` (`quote_pass or "…"`) is assigned.
    let fallback = {
        let end = before
            .iter()
            .rposition(|b| !matches!(b, b'"' | b'\'' | b'`' | b' ' | b'\t'))
            .map_or(0, |i| i + 1);
        before[..end].ends_with(b" or")
    };
    let spaced = !fallback && joint.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
    for ident in last_identifiers(before, 5) {
        let mut tokens = key_tokens(ident);
        // `auth0_tenant`, `AUTH0_DOMAIN`: the Auth0 brand, not `auth`
        // (`AUTH0_CLIENT_SECRET` still names its secret).
        if ident.windows(5).any(|w| w.eq_ignore_ascii_case(b"auth0")) {
            if let Some(t) = tokens.iter_mut().find(|t| *t == "auth") {
                *t = "auth0".to_string();
            }
        }
        let Some(at) = secret_token(&tokens) else {
            // `Recaptcha.SiteKey`: a key that names what is not a secret
            // decides, rather than an attribute named `key` before it.
            if tokens.last().is_some_and(|t| t == "key") && tokens.len() > 1 {
                return false;
            }
            continue;
        };
        // ... unless the key starts its line (`Pass Xc9#…` in an rc file).
        let starts_line = before
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .is_some_and(|i| before[i..].starts_with(ident));
        if spaced
            && !starts_line
            && !matches!(
                tokens[at].as_str(),
                "password" | "passwd" | "passphrase" | "secret" | "pw" | "pwd"
            )
            && !run_together(&tokens[at])
        {
            return false;
        }
        if tokens
            .iter()
            .any(|t| NOT_CREDENTIAL_WORDS.contains(&t.as_str()))
        {
            return false;
        }
        // AWS's `ClientToken` is an idempotency token (Vault's client tokens
        // have their own prefixed rules).
        if tokens == ["client", "token"] {
            return false;
        }
        // Metadata after the secret word (`password_hint`, `tokenUrl`);
        // `key_id`-style pairs too.
        let after = &tokens[at + 1..];
        if joint == Some(b'(') && !after.is_empty() {
            // `setPassword(`, not `token.pop(`.
            return false;
        }
        if joint == Some(b'(')
            && tokens[..at].iter().any(|t| {
                matches!(
                    t.as_str(),
                    "random"
                        | "generate"
                        | "generated"
                        | "gen"
                        | "login"
                        | "signin"
                        | "sign"
                        | "logon"
                )
            })
        {
            // `new random.RandomPassword("mqtt-admin", …)`: the argument
            // names the password a generator makes, it is not one; and
            // `LoginWithPassword("qa_user", …)` takes the user name first.
            return false;
        }
        if joint == Some(b'(')
            && matches!(
                tokens[at].as_str(),
                "credential" | "credentials" | "creds" | "auth"
            )
        {
            // `PSCredential('CORP\\svc', …)`: the user name comes first.
            return false;
        }
        if after.iter().any(|t| METADATA_WORDS.contains(&t.as_str())) {
            return false;
        }
        // `min_password_length` style: metadata before it counts only for
        // measures (the secret word is then not last).
        return true;
    }
    false
}

/// For `KEY", "value` : whether the quoted key is the first argument of a
/// call (`define('DB_PASSWORD', '…')`, `put("token", "…")`), not an item
/// of a list (`__all__ = ["token_hex", "token_urlsafe"]`).
fn pair_is_call_arguments(before: &[u8]) -> bool {
    let mut i = before.len();
    let skip_space = |i: &mut usize| {
        while *i > 0 && matches!(before[*i - 1], b' ' | b'\t' | b'\n' | b'\r') {
            *i -= 1;
        }
    };
    // The value's opening quote, then spaces, the comma, spaces.
    while i > 0
        && matches!(
            before[i - 1],
            b'"' | b'\'' | b'`' | b' ' | b'\t' | b'\n' | b'\r'
        )
    {
        i -= 1;
    }
    if i == 0 || before[i - 1] != b',' {
        return false;
    }
    i -= 1;
    skip_space(&mut i);
    // The key, quoted.
    let Some(&quote) = before.get(i.wrapping_sub(1)) else {
        return false;
    };
    if !matches!(quote, b'"' | b'\'' | b'`') {
        return false;
    }
    i -= 1;
    while i > 0 && before[i - 1] != quote {
        i -= 1;
    }
    if i == 0 {
        return false;
    }
    i -= 1;
    skip_space(&mut i);
    // `weboptions('Username', 'ops', 'Password', '…')`: name-value
    // pairs before it (MATLAB, R, PowerShell splats) up to the call.
    for _ in 0..8 {
        if i > 0 && before[i - 1] == b'(' {
            return true;
        }
        let mut at = i;
        let pair = [b',', b'a', b',', b'q'].iter().all(|&what| {
            skip_space(&mut at);
            match what {
                b',' if at > 0 && before[at - 1] == b',' => {
                    at -= 1;
                    true
                }
                b'a' => back_over_argument(before, &mut at, true),
                // Option names are capitalised (`'Username'`, `'Timeout'`):
                // a tuple of lowercase strings is data, not options.
                b'q' => {
                    back_over_argument(before, &mut at, false)
                        && before.get(at + 1).is_some_and(u8::is_ascii_uppercase)
                }
                _ => false,
            }
        });
        if !pair {
            return false;
        }
        i = at;
        skip_space(&mut i);
    }
    false
}

/// Moves `i` back over one quoted argument ending at `before[..i]`, or,
/// when `bare` allows it, a number or identifier (`30`, `true`).
fn back_over_argument(before: &[u8], i: &mut usize, bare: bool) -> bool {
    let Some(&last) = before.get(i.wrapping_sub(1)) else {
        return false;
    };
    if matches!(last, b'"' | b'\'' | b'`') {
        let Some(open) = before[..*i - 1].iter().rposition(|&b| b == last) else {
            return false;
        };
        *i = open;
        return true;
    }
    let start = before[..*i]
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$')))
        .map_or(0, |p| p + 1);
    if !bare || start == *i {
        return false;
    }
    *i = start;
    true
}

/// Whether a table column (or record field) named `name` holds a
/// credential or its hash: `password`, `api_token`, `password_hash`.
pub(crate) fn column_holds_secret(name: &str) -> bool {
    let tokens = key_tokens(name.as_bytes());
    let Some(at) = secret_token(&tokens) else {
        return false;
    };
    if tokens
        .iter()
        .any(|t| NOT_CREDENTIAL_WORDS.contains(&t.as_str()))
    {
        return false;
    }
    tokens[at + 1..].iter().all(|t| {
        !METADATA_WORDS.contains(&t.as_str()) || matches!(t.as_str(), "hash" | "hashed" | "digest")
    })
}

fn is_path(v: &str) -> bool {
    if v.contains("://") {
        return true;
    }
    let b = v.as_bytes();
    if v.starts_with("~/") || v.starts_with("./") || v.starts_with("../") || v.starts_with("\\") {
        return true;
    }
    if b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/')
    {
        return true;
    }
    // A file name: `WordPress_App_2-0.zip`, `large-video-file.mp4`.
    const FILE_EXTENSIONS: &[&str] = &[
        "zip", "gz", "tgz", "tar", "jar", "war", "whl", "mp4", "mp3", "png", "jpg", "jpeg", "gif",
        "svg", "pdf", "txt", "csv", "json", "yaml", "yml", "xml", "html", "js", "ts", "py", "rb",
        "go", "rs", "java", "ova", "vmdk", "iso", "img", "log", "conf", "cfg", "ini", "toml",
        "tfstate", "sql", "db", "sqlite", "bin", "exe", "dll", "so", "dmg", "pem", "crt", "md",
    ];
    if let Some((stem, ext)) = v.rsplit_once('.') {
        if !stem.is_empty() && FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    // A host name then a path: `app.kubernetes.io/name`, `gcr.io/acme/app`.
    if let Some((first, _)) = v.split_once('/') {
        if is_host_name(first) {
            return true;
        }
    }
    // host or host:port
    let host = v.split_once(':').map_or(v, |(h, port)| {
        if !port.is_empty() && port.bytes().all(|c| c.is_ascii_digit()) {
            h
        } else {
            ""
        }
    });
    if is_host_name(host) && host.split('.').count() >= 3 {
        return true;
    }
    let path_chars = b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'.' | b'_' | b'-'));
    if !path_chars || !v.contains('/') {
        return false;
    }
    // `/etc/app/db.pass`, `build/reset.o`, `config/keys/prod.pem`: segments
    // of a path, the last a file name with a short extension, or absolute
    // with at least two segments.
    let last = v.rsplit('/').next().unwrap_or("");
    let has_ext = last.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.bytes().all(|c| c.is_ascii_alphanumeric())
    });
    has_ext || (v.starts_with('/') && v.matches('/').count() >= 2)
}

fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty() && is_host_name(domain)
}

/// A dotted host name ending in an alphabetic top-level domain:
/// `acme-corp.io`, `app.kubernetes.io`.
fn is_host_name(s: &str) -> bool {
    s.contains('.')
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
        && s.rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic()))
}

fn is_resource_id(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    lower.starts_with("arn:")
        || lower.starts_with("projects/")
        || lower.starts_with("/subscriptions/")
        || lower.contains(".vault.azure.net/")
        || lower.starts_with("secretsmanager:")
        || lower.starts_with("ssm:")
        || lower.starts_with("vault:")
        || lower.starts_with("op://")
        // TeamCity's reference to a token kept on the server.
        || lower.starts_with("credentialsjson:")
}

/// Passwords only a tutorial or a test uses: whole values, compared
/// without case and without trailing digits and punctuation.
const DEFAULT_PASSWORDS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "admin",
    "administrator",
    "root",
    "toor",
    "test",
    "tester",
    "testing",
    "testpass",
    "testpassword",
    "secret",
    "mysecret",
    "topsecret",
    "guest",
    "user",
    "username",
    "demo",
    "changeit",
    "default",
    "none",
    "empty",
    "qwerty",
    "letmein",
    "foo",
    "bar",
    "foobar",
    "baz",
    "abc",
    "abcd",
    "asdf",
    "mypassword",
    "mypass",
    "yourpassword",
    "newpassword",
    "oldpassword",
    "dbpassword",
    "userpassword",
    "adminpassword",
    "token",
    "mytoken",
    "apikey",
    "myapikey",
    "key",
    "mykey",
    "value",
    "string",
    "postgres",
    "mysql",
    "oracle",
    "redis",
    "rabbitmq",
    "sa",
    "hello",
    "helloworld",
    "s3cr3t",
    "p4ssw0rd",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "pass@word",
    "p@55w0rd",
    "pa55w0rd",
    "p@55word",
    "p@ss",
    "p4ss",
    "pa55word",
    "pa$$word",
    "1234",
    "12345",
    "123456",
    "1234567",
    "123456789",
    "1234567890",
    "0000",
    "000000",
    "111111",
    "abc123",
    // AWS documentation's example password (`--master-user-password`).
    "a1b2c3d4",
    "qwerty123",
    "fake",
    "fakepassword",
    "faketoken",
    "invalid",
    "wrong",
    "wrongpassword",
    "badpassword",
    "incorrect",
    "secure",
    "supersecret",
    "notasecret",
    "notsecret",
    "unused",
    "todo",
    "tbd",
    "fixme",
    "null",
    "nil",
    "undefined",
];

/// Substrings that mark a value as written to be replaced.
const PLACEHOLDER_PARTS: &[&str] = &[
    "replace",
    "insert",
    "enter_",
    "enter-",
    "-here",
    "_here",
    "here_",
    "goes_here",
    "put_",
    "fill",
    "generate-with",
    "generate_with",
    "openssl-rand",
    "openssl_rand",
    "***",
    "•",
    "...",
    "…",
    "tbd",
    "todo",
    "fixme",
    "fake",
    "mock",
    "not-a-",
    "not_a_",
    "notreal",
    "not-real",
    "something_",
    "something-",
    "at_least",
    "at-least",
    "characters",
    "foobar",
    "lorem",
    "ipsum",
    "secretkey",
    "secret_key",
    "secret-key",
    "api_key",
    "api-key",
    "apikey",
    "some_",
    "some-",
    "my_",
    "my-",
    "abc123",
    "123abc",
    "qwerty",
    "asdf",
    "password",
    "passwd",
    "-token",
    "token-",
    "_token",
    "token_",
    "-secret",
    "secret-",
    "_secret",
    "secret_",
    // Not `key` alone (`Monkey!23`, `keyboard-cat-9`) nor `key-` (Mailgun's
    // `key-` + 32 hex).
    "-key",
    "_key",
    "key_",
];

/// How many runs of four ascending characters (`abcd`, `1234`, `wxyz`)
/// `b` holds, not counting overlaps.
fn ascending_runs(b: &[u8]) -> usize {
    let mut runs = 0;
    let mut i = 0;
    while i + 3 < b.len() {
        let w = &b[i..i + 4];
        if w.iter().all(u8::is_ascii_alphanumeric) && w.windows(2).all(|p| p[1] == p[0] + 1) {
            runs += 1;
            i += 4;
        } else {
            i += 1;
        }
    }
    runs
}

/// Whether `path` is documentation, an example or a test fixture: a value
/// found there by context alone (a generic rule) is more often an example
/// than a leak, so it is reported one severity level lower, not dropped.
/// Provider-format tokens keep their severity anywhere.
pub(crate) fn is_docs_or_tests(path: &str) -> bool {
    const DIRS: &[&str] = &[
        "test",
        "tests",
        "__tests__",
        "spec",
        "specs",
        "testdata",
        "test_data",
        "testing",
        "fixtures",
        "fixture",
        "__fixtures__",
        "examples",
        "example",
        "samples",
        "sample",
        "docs",
        "doc",
        "documentation",
        "demo",
        "demos",
        "mocks",
        "__mocks__",
    ];
    let lower = path.to_ascii_lowercase();
    let (dirs, file) = match lower.rsplit_once('/') {
        Some((dirs, file)) => (dirs, file),
        None => ("", lower.as_str()),
    };
    if dirs.split('/').any(|d| DIRS.contains(&d)) {
        return true;
    }
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    matches!(ext, "md" | "rst" | "adoc" | "markdown")
        || stem.starts_with("test_")
        || stem.ends_with("_test")
        || stem.ends_with("_tests")
        || stem.ends_with("_spec")
        || stem.ends_with(".test")
        || stem.ends_with(".spec")
        || stem.ends_with("test") && path.rsplit('/').next().is_some_and(|f| f.contains("Test"))
}

/// A default password with digits or punctuation added (`password123`,
/// `admin@123`, `Passw0rd!`): what tutorials and tests use, and also what
/// a careless admin sets. Rejected only in documentation and tests (see
/// [`is_docs_or_tests`]); [`Filter::NotPlaceholder`] rejects the bare
/// defaults everywhere.
pub(crate) fn is_weak_default(value: &[u8]) -> bool {
    let Ok(v) = std::str::from_utf8(value) else {
        return false;
    };
    let lower = v.to_ascii_lowercase();
    let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    stem.len() < lower.len() && DEFAULT_PASSWORDS.contains(&stem)
}

/// Whether a line (up to a value) is documentation written in code: a
/// Rust doc comment, a doctest prompt, a Javadoc/JSDoc line.
pub(crate) fn is_doc_comment(line_before: &[u8]) -> bool {
    let start = line_before
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(line_before.len());
    let line = &line_before[start..];
    ["///", "//!", ">>> ", "... ", "* "]
        .iter()
        .any(|p| line.starts_with(p.as_bytes()))
}

/// Whether `part` occurs in `v` (`lower` is `v` lowercased) as a marker.
/// In a random-looking token (letters of both cases and digits, nothing
/// else) a word must stand apart, at an edge or a camelCase hump
/// (`MyFakeToken9x…`): one random token in a few dozen holds `fill`,
/// `todo` or `mock` somewhere by chance (`…MXMyfiLL3`).
fn holds_placeholder_part(v: &str, lower: &str, part: &str) -> bool {
    let b = v.as_bytes();
    let random_looking = b.len() >= 16
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.iter().any(u8::is_ascii_digit);
    if !random_looking || !part.bytes().all(|c| c.is_ascii_alphabetic()) {
        return lower.contains(part);
    }
    let hump = |at: usize| b[at].is_ascii_uppercase() && b[at - 1].is_ascii_lowercase();
    let starts = |at: usize| at == 0 || hump(at);
    let ends = |at: usize| at == b.len() || b[at].is_ascii_digit() || hump(at);
    lower
        .match_indices(part)
        .any(|(at, m)| starts(at) && ends(at + m.len()))
}

fn is_placeholder(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    if DEFAULT_PASSWORDS.contains(&lower.as_str()) {
        return true;
    }
    if PLACEHOLDER_PARTS
        .iter()
        .any(|p| holds_placeholder_part(v, &lower, p))
    {
        return true;
    }
    // A name ending in what it stands for: `archivedobjectkey`, `mytoken`.
    if lower.bytes().all(|c| c.is_ascii_alphabetic() || c == b'/')
        && ["key", "token", "secret"]
            .iter()
            .any(|w| lower.ends_with(w))
    {
        return true;
    }
    // Short letters-only made-up passwords: `somepass`, `badpass`, `testpw`.
    if lower.len() <= 10
        && lower.bytes().all(|c| c.is_ascii_alphabetic())
        && ["pass", "pw", "pswd", "pwd"]
            .iter()
            .any(|p| lower.contains(p))
    {
        return true;
    }
    // Public keys named like secrets: Mapbox `pk.`, Stripe publishable keys.
    const PUBLIC_PREFIXES: &[&str] = &[
        "pk.",
        "pk_live_",
        "pk_test_",
        "key_live_",
        "key_test_",
        "appl_",
        "goog_",
    ];
    if PUBLIC_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // Dates and times: `2016-09-08T21:47:36Z`.
    let b = lower.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-' {
        return true;
    }
    // Typed sequences in documentation values: `abcd1234defg5678`,
    // `AB1C2defGHijkLMNo3PqQRstUvwxyz`.
    if b.len() >= 12 && ascending_runs(b) >= 2 {
        return true;
    }
    // One character repeated, or only punctuation: `xxx`, `*****`, `---`.
    let first = lower.as_bytes()[0];
    lower.bytes().all(|c| c == first) || lower.bytes().all(|c| c.is_ascii_punctuation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_words_in_random_tokens_count_only_as_words() {
        // By chance: `fiLL` inside a random token.
        assert!(!is_placeholder(
            "eKTdP1wvnswt04Zqb9tANRhvjsz7zpHrRZ2cUHLmXMyfiLL3"
        ));
        assert!(!is_placeholder("q8TodoXw2Lm9Rk4Zp7Vn"));
        // As words they still mark a placeholder.
        assert!(is_placeholder("MyFakeToken2024abcXYZ"));
        assert!(is_placeholder("fillMeIn2024Xyz12345"));
        assert!(is_placeholder("your_token_here_fill_me"));
    }

    #[test]
    fn namespaced_shape_ids_are_identifiers() {
        assert!(is_identifier_value("aws.auth#sigv4"));
        assert!(is_identifier_value("com.amazonaws.s3#BucketName"));
        assert!(!is_identifier_value("Qm7vX2#kLp9Rz!4Wt8"));
        assert!(!is_identifier_value("p4ss#word.2024"));
        assert!(!is_identifier_value("Welcome#Home1"));
        assert!(!is_identifier_value("S3cure#Pass"));
    }

    #[test]
    fn dictionary_is_sorted_for_bisection() {
        let words = dictionary();
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "words.txt must be sorted and unique (LC_ALL=C sort -u)"
        );
        assert!(is_dictionary_word("secret") && !is_dictionary_word("xq7z"));
    }

    #[test]
    fn example_places_are_told_apart() {
        for p in [
            "tests/fixtures/users.json",
            "src/app/__tests__/api.js",
            "docs/setup.md",
            "README.md",
            "pkg/db/db_test.go",
            "test_settings.py",
            "web/src/api.spec.ts",
            "src/test/java/AppTest.java",
            "awscli/examples/iam/change-password.rst",
        ] {
            assert!(is_docs_or_tests(p), "{p}");
        }
        for p in [
            ".env",
            "config/settings.py",
            "src/contest.rs",
            "deploy/prod.tfvars",
            "latest/app.yml",
        ] {
            assert!(!is_docs_or_tests(p), "{p}");
        }
    }

    #[test]
    fn own_key_needs_the_value_before_it_on_the_line() {
        let f = Filter::NotOwnKey;
        assert!(f.rejects(b"Win32_System", b"Win32_System_PasswordManagement = [\""));
        assert!(!f.rejects(b"Xk9mQ2vLp7Rt", b"db_password = \""));
        assert!(!f.rejects(b"Win32_System", b""), "needs the line to decide");
        assert!(
            !Filter::NotWord.rejects(b"abc1", b"abc1 = "),
            "others ignore the line"
        );
    }

    #[test]
    fn references() {
        for v in [
            "$DB_PASSWORD",
            "${DB_PASSWORD}",
            "process.env.TOKEN",
            "os.getenv(\"X\")",
            "ENV[\"X\"]",
            "DB_PASSWORD",
            "config.db.password",
            "settings.AWS_S3_KEY2",
            "%DB_PASSWORD%",
            "%(password)s",
            "%kernel.project_dir%/config/jwt/private.pem",
            "os.environ[",
            "userinfo.partition(b",
            "models.CharField(max_length=128",
            ":from_iter(vec!",
            "x25519.X25519PrivateKey",
            "rust_openssl.hpke.MLKEM768X25519PrivateKey",
            "%s",
            "get_secret()",
            "ENV[\"X\"]",
            "codecs.base64Encoded.",
            "config.redis2",
            "self.token1",
            "null",
        ] {
            assert!(Filter::NotReference.rejects(v.as_bytes(), b""), "{v}");
        }
        for v in [
            "hG7#kq2!Lp9z",
            "s3cr3t-V4lu3",
            "Tr0ub4dor&3",
            "%T+Mct.50#mXoxulX9",
            "r%ha628rdftq$ws0uk(si=u8ecp%8k5ea^j^xpewb#1^@tp_!q",
            "xCo788rQdqocJiZdpnU.",
            "Wq8mZ2rTk5Lp.x",
            "Quartz.violet16",
            "Harbor.pepper.50",
            "Summit2024.",
        ] {
            assert!(!Filter::NotReference.rejects(v.as_bytes(), b""), "{v}");
        }
    }

    #[test]
    fn hashes_and_ids() {
        assert!(Filter::NotHash.rejects(b"da39a3ee5e6b4b0d3255bfef95601890afd80709", b""));
        assert!(Filter::NotHash.rejects(b"sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==", b""));
        assert!(Filter::NotHash.rejects(b"123e4567-e89b-12d3-a456-426614174000", b""));
        assert!(!Filter::NotHash.rejects(b"q8Zr2LmN5vXw7Kp3", b""));
    }

    #[test]
    fn words() {
        assert!(Filter::NotWord.rejects(b"mySecretPassword", b""));
        assert!(Filter::NotWord.rejects(b"correct-horse-battery-staple", b""));
        assert!(!Filter::NotWord.rejects(b"hunter2", b""));
        assert!(!Filter::NotWord.rejects(b"qZxvPlmwRt", b""));
    }

    #[test]
    fn key_names_a_secret() {
        for before in [
            "db_password = \"",
            "val password: String = \"",
            "<add key=\"DbPassword\" value=\"",
            "define('DB_PASSWORD', '",
            "$config['smtp_pass'] = '",
            "  \"clientSecret\": \"",
            "X-API-Key: ",
            "export AUTH_TOKEN=",
            "conn.setPassword(\"",
            "password = r\"",
            "define('DB_PASSWORD', \"",
            "os.environ.setdefault(\"API_TOKEN\", \"",
            "signingKey: ",
            "ansible_become_pass=",
            "\"PGPASSWORD\": \"",
            "OPENWEATHER_KEY = \"",
            "adminKey: \"",
            "remotepass = ",
            "Pass ",
            "$wgDBpassword = \"",
            "$settings['hash_salt'] = '",
            "profile::postgresql::server::postgres_password: '",
            "var apiToken string = \"",
            "AUTH0_CLIENT_SECRET=",
            "public string ApiKey { get; set; } = \"",
        ] {
            assert!(key_names_secret(before.as_bytes()), "{before}");
        }
        for before in [
            "author = \"",
            "tokenizer = \"",
            "authority: ",
            "password_hint = \"",
            "token_url = \"",
            "secret_name: ",
            "NextToken: \"",
            "\"nextPageToken\": \"",
            "csrf_token = \"",
            "cache_key = \"",
            "\"ClientToken\": \"",
            "publicKey: \"",
            "publicKeyToken=\"",
            "raise ValueError(\"Cannot pass \"",
            "perf-onepass = [\"",
            "$cred = New-Object PSCredential('",
            "USER_GITCREDENTIALS_FILE = ",
            "monkey = \"",
            "bypass = \"",
            "max_tokens = \"",
            "__all__ = [\"choice\", \"token_bytes\", \"",
            "encoded_keys = decoded_token.pop(\"",
            "\"PasswordLastUsed\": \"",
            "ALGOLIA_SEARCH_API_KEY = \"",
            "POSTGRESQL_PASSWORD_ENCRYPTION = \"",
            "PASSWORD_HASHERS = \"",
            "const mqttAdmin = new random.RandomPassword(\"",
            "auth0_tenant      = \"",
            "server::Type::RootPassword = \"",
            "",
        ] {
            assert!(!key_names_secret(before.as_bytes()), "{before}");
        }
    }

    #[test]
    fn paths_emails_resources_placeholders() {
        for v in [
            "~/.git-credentials",
            "/etc/app/db.pass",
            "build/reset.o",
            "https://auth.acme.io/oauth/token",
            "C:\\secrets\\db.txt",
            "/var/run/secrets/kubernetes.io",
        ] {
            assert!(Filter::NotPath.rejects(v.as_bytes(), b""), "{v}");
        }
        for v in ["Zk3W/q8Lr2Xm9+Tv7Pb4Nc==", "s3cr3t/P4ss", "Tr0ub4dor&3"] {
            assert!(!Filter::NotPath.rejects(v.as_bytes(), b""), "{v}");
        }
        assert!(Filter::NotEmail.rejects(b"jane.doe@acme-corp.io", b""));
        assert!(!Filter::NotEmail.rejects(b"P@ssw0rd99", b""));
        assert!(!Filter::NotEmail.rejects(b"s3cr3t@P4ss.9", b""));
        assert!(Filter::NotResourceId.rejects(
            b"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf",
            b""
        ));
        assert!(!Filter::NotResourceId.rejects(b"Kq8Wz3Lr9Xm2", b""));
        for v in [
            "password123",
            "Admin",
            "replace-me-please",
            "********",
            "your-api-key-here",
            "xxx",
            "test_password_1",
            "P@ssw0rd",
            "2016-09-08T21:47:36Z",
            "abcd1234defg5678",
            "export-token-cu4lg26ofcziixny",
            "smb-file-server-password",
        ] {
            assert!(Filter::NotPlaceholder.rejects(v.as_bytes(), b""), "{v}");
        }
        for v in [
            "Welcome2023!",
            "Tr0ub4dor&3",
            "dbadmin_2019",
            "qwe7ASDzx",
            "Kq8Wz3Lr9Xm2",
        ] {
            assert!(!Filter::NotPlaceholder.rejects(v.as_bytes(), b""), "{v}");
        }
        // Weak defaults: kept by the filter, dropped by the detector in
        // documentation and tests only.
        for v in ["secret!", "admin@123", "Passw0rd!", "toor1"] {
            assert!(!Filter::NotPlaceholder.rejects(v.as_bytes(), b""), "{v}");
            assert!(is_weak_default(v.as_bytes()), "{v}");
        }
        assert!(is_doc_comment(b"    /// let url = Url::parse(\"ftp://:"));
        assert!(is_doc_comment(b">>> connect(password=\""));
        assert!(!is_doc_comment(b"  password: \""));
        // A value that spells out `password` stays a placeholder anywhere.
        assert!(Filter::NotPlaceholder.rejects(b"password123", b""));
        for v in ["password", "Welcome2023!", "Kq8Wz3Lr9Xm2"] {
            assert!(!is_weak_default(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn non_ascii_values_never_panic() {
        for v in [
            "Hasło",
            "ł",
            "пароль123",
            "密码密码",
            "sha1é",
            "!ąąąąąąąąąąąąąąąąąąąą",
            "{ł}",
            "ł:ł",
            "ł/ł.ł",
        ] {
            for f in [
                Filter::NotReference,
                Filter::NotIdentifier,
                Filter::NotHash,
                Filter::NotDigest,
                Filter::NotWord,
                Filter::NotMedia,
                Filter::NotOwnKey,
                Filter::KeyNamesSecret,
                Filter::NotPath,
                Filter::NotEmail,
                Filter::NotResourceId,
                Filter::NotPlaceholder,
            ] {
                let _ = f.rejects(v.as_bytes(), "Hasło = \"".as_bytes());
                let _ = f.rejects(v.as_bytes(), v.as_bytes());
            }
        }
    }

    #[test]
    fn media() {
        assert!(Filter::NotMedia.rejects(b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB", b""));
        assert!(Filter::NotMedia.rejects(b"data:image/png;base64,AAAA", b""));
        assert!(!Filter::NotMedia.rejects(b"Zm9vYmFyYmF6cXV4", b""));
    }
}
