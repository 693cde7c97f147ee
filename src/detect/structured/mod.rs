//! Structured configuration files read as key → value pairs.
//!
//! The line-oriented rules see `password: x` but not a value one line below
//! its key (`Default:` under a CloudFormation parameter, a YAML block
//! scalar), a name and its value in sibling fields (`- name: DB_PASSWORD` /
//! `value: …` in a Kubernetes env list, `<add key="…" value="…"/>`,
//! Postman's `{"key": …, "value": …}`), or a vague key made clear by its
//! parent (`smtp: {key: …}`), or a column's header (a password manager's
//! CSV export). JSON, YAML, XML, TOML, CSV and HTML (its tables) files are parsed here with
//! crates that keep byte positions; each scalar becomes one line
//! `KEY = "value"` of a small normalized text, which the same rules then
//! scan ([`Normalized`]). Findings there are mapped back to the value's own
//! bytes in the file, so they are reported at its line and column.
//!
//! A file that does not parse (a Helm template, a truncated JSON) yields what
//! was read before the error; the line rules still see all of it.

mod csv;
mod html;
mod json;
mod toml;
mod xml;
mod yaml;

use std::ops::Range;

/// The most a file may hold to be parsed: configuration files are small,
/// and a larger one is scanned by the line rules alone. Below
/// `CHUNK_SIZE`, so a file this size is always one whole chunk.
pub(crate) const MAX_PARSED: usize = 1 << 20;
const _: () = assert!(MAX_PARSED < crate::source::chunks::CHUNK_SIZE);

/// The deepest nesting read: deeper documents are cut there (recursion
/// over the tree stays bounded, whatever the input).
pub(crate) const MAX_DEPTH: usize = 64;

/// The longest value worth a normalized line: longer ones are documents
/// (a notebook cell, an embedded certificate bundle), not one secret.
const MAX_VALUE: usize = 1024;

/// The formats parsed, chosen by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.json`, `.jsonc`, `.tfstate`, CloudFormation `.template`.
    Json,
    /// `.yaml`, `.yml`.
    Yaml,
    /// `.xml`, `.config`, `.plist`, `.csproj`, `.props`, `.xaml`.
    Xml,
    /// `.toml`.
    Toml,
    /// `.csv`, `.tsv`: a header row names the columns.
    Csv,
    /// `.html`, `.htm`: tables, whose header row names the columns.
    Html,
}

impl Format {
    /// The format a file's name says it holds, if one is parsed.
    pub fn of_path(path: &str) -> Option<Format> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "json" | "jsonc" | "tfstate" | "template" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "xml" | "config" | "plist" | "csproj" | "props" | "xaml" => Some(Format::Xml),
            "toml" => Some(Format::Toml),
            "csv" | "tsv" => Some(Format::Csv),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// How many lines below a name its value may sit: in JSON a
    /// CloudFormation parameter's `Default` comes a few lines after the
    /// parameter's name; elsewhere the value is on the next line.
    pub(crate) fn lines_after_a_name(self) -> usize {
        match self {
            Format::Json => 8,
            Format::Yaml | Format::Xml | Format::Toml | Format::Csv | Format::Html => 1,
        }
    }

    /// Whether the pairs could hold what the line rules miss. JSON writers
    /// mostly put a value on its key's line, so only a name field or an
    /// object named like a secret, or a value below its key, is new there;
    /// in TOML, multi-line strings and a name beside a value. YAML and XML
    /// put values below keys as often as not.
    fn may_add_to_lines(self, data: &[u8]) -> bool {
        let has = |lit: &[u8]| memchr::memmem::find(data, lit).is_some();
        match self {
            Format::Json => json_names_a_secret(data),
            Format::Toml => has(b"\"\"\"") || has(b"'''") || toml_names_beside(data),
            // A header names the values below it: what a name says is
            // checked when the header is read.
            Format::Yaml | Format::Xml | Format::Csv => true,
            // Only a page's tables are read.
            Format::Html => has(b"<table") || has(b"<TABLE") || has(b"<td") || has(b"<TD"),
        }
    }
}

/// A parsed document, reduced to what naming a value needs.
#[derive(Debug)]
pub(crate) enum Node {
    /// Keys and values in document order (XML: attributes, then children).
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
    /// A scalar's parsed text, and the byte offset where its token starts
    /// (the text itself is found from there: quotes and block indicators
    /// come first).
    Scalar {
        text: String,
        at: usize,
    },
}

/// Keys whose value is named by a sibling (`{name: X, value: …}`) or, with
/// none, by the parent key (`DbPassword: {Type: String, Default: …}`).
const VALUE_KEYS: &[&str] = &["value", "default", "defaultvalue", "default_value", "val"];

/// Sibling keys that name a [`VALUE_KEYS`] value.
const NAME_KEYS: &[&str] = &[
    "name",
    "key",
    "parameterkey",
    "parametername",
    "variable",
    "var",
    "env",
    "property",
    "setting",
    "field",
];

/// The normalized text of a structured file: one `KEY = "value"` line per
/// scalar, and where each value's bytes lie in the file.
#[derive(Debug, Default)]
pub struct Normalized {
    /// The `KEY = "value"` lines.
    pub text: Vec<u8>,
    /// (offset in `text`, offset in the file, length), in `text` order.
    regions: Vec<(usize, usize, usize)>,
}

impl Normalized {
    /// Parses `data` as `format`; `None` when it is not UTF-8, too large or
    /// holds nothing to normalize.
    pub fn of(format: Format, data: &[u8]) -> Option<Normalized> {
        let whole = std::iter::once(0..data.len()).collect::<Vec<_>>();
        Normalized::of_around(format, data, &whole)
    }

    /// [`Normalized::of`], with the cheap checks that decide whether the
    /// file is worth parsing run only on `near`: the stretches around the
    /// line pass's keyword hits, where any name a rule could take sits. A
    /// large JSON data file is then parsed only when a hit line names a
    /// secret, and never searched whole.
    pub(crate) fn of_around(
        format: Format,
        data: &[u8],
        near: &[Range<usize>],
    ) -> Option<Normalized> {
        if data.len() > MAX_PARSED {
            return None;
        }
        let worth_parsing = near.iter().any(|r| {
            let part = &data[r.start.min(data.len())..r.end.min(data.len())];
            format.may_add_to_lines(part) && names_a_secret(part)
        });
        if !worth_parsing {
            return None;
        }
        let text = std::str::from_utf8(data).ok()?;
        let root = match format {
            Format::Json => json::parse(text),
            Format::Yaml => yaml::parse(text),
            Format::Xml => xml::parse(text),
            Format::Toml => toml::parse(text),
            Format::Csv => csv::parse(text),
            Format::Html => html::parse(text),
        }?;
        let mut out = Normalized::default();
        out.walk(&root, "", data);
        (!out.regions.is_empty()).then_some(out)
    }

    /// The file span of `span` (an offset range in [`Normalized::text`]),
    /// if it lies inside one value.
    pub(crate) fn file_span(&self, span: &Range<usize>) -> Option<Range<usize>> {
        let i = self
            .regions
            .partition_point(|&(text_at, _, _)| text_at <= span.start)
            .checked_sub(1)?;
        let (text_at, file_at, len) = self.regions[i];
        (span.end <= text_at + len)
            .then(|| file_at + (span.start - text_at)..file_at + (span.end - text_at))
    }

    fn walk(&mut self, node: &Node, parent: &str, data: &[u8]) {
        match node {
            Node::Map(entries) => {
                let mut i = 0;
                while i < entries.len() {
                    let (key, value) = &entries[i];
                    match value {
                        Node::Scalar { text, at } => {
                            // A property list's `<key>Name</key><string>…`:
                            // the key element names the next scalar.
                            if key == "key" {
                                if let Some((_, Node::Scalar { text: v, at: vat })) =
                                    entries.get(i + 1).filter(|(k, _)| is_plist_value(k))
                                {
                                    self.push(text, v, *vat, true, data);
                                    i += 2;
                                    continue;
                                }
                            }
                            if let Some(name) = value_name(key, entries, parent) {
                                let named_elsewhere = !std::ptr::eq(name, key.as_str());
                                self.push(name, text, *at, named_elsewhere, data);
                            }
                        }
                        Node::Map(_) | Node::List(_) => self.walk(value, key, data),
                    }
                    i += 1;
                }
            }
            Node::List(items) => {
                for item in items {
                    // Scalars in a list (`- DB_PASSWORD=x`, arguments) are
                    // lines of their own that the line rules read as such.
                    if !matches!(item, Node::Scalar { .. }) {
                        self.walk(item, parent, data);
                    }
                }
            }
            Node::Scalar { .. } => {}
        }
    }

    /// Adds the line `key = "value"` when `value` is found as written in
    /// the file at or after `at`, and the line rules could not see the two
    /// together: the name came from elsewhere (`named_elsewhere`: a sibling,
    /// the parent) or the value is not on its key's line.
    fn push(&mut self, key: &str, value: &str, at: usize, named_elsewhere: bool, data: &[u8]) {
        let value = value.trim();
        if value.len() < 4
            || value.len() > MAX_VALUE
            || value.contains(['\n', '\r'])
            || key.is_empty()
            || key.len() > 200
        {
            return;
        }
        let Some(file_at) = locate(data, value.as_bytes(), at) else {
            return;
        };
        if !named_elsewhere {
            let line = super::line_start_within(data, file_at, super::filters::LINE_BEFORE_MAX);
            if memchr::memmem::find(&data[line..file_at], key.as_bytes()).is_some() {
                return;
            }
        }
        let quote = if !value.contains('"') {
            "\""
        } else if !value.contains('\'') {
            "'"
        } else {
            ""
        };
        for c in key.chars() {
            // A key is one token on the line: spaces and line breaks in it
            // become `_`.
            let c = if c.is_whitespace() || c == '=' {
                '_'
            } else {
                c
            };
            let mut buf = [0; 4];
            self.text
                .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        self.text.extend_from_slice(b" = ");
        self.text.extend_from_slice(quote.as_bytes());
        self.regions.push((self.text.len(), file_at, value.len()));
        self.text.extend_from_slice(value.as_bytes());
        self.text.extend_from_slice(quote.as_bytes());
        self.text.push(b'\n');
    }
}

/// Words without which no key in a file names a secret: a file holding
/// none (most manifests: `Cargo.toml`, `package.json`) is not parsed.
const SECRET_NAME_PARTS: &[&str] = &[
    "pass",
    "pwd",
    "secret",
    "token",
    "credential",
    "private",
    "apikey",
    "api_key",
    "api-key",
    "_key",
    "-key",
    ".key",
    "key\"",
    "key'",
    "key<",
    "accesskey",
    "signingkey",
    "auth_",
    "authkey",
    "connection",
    "dsn",
    "salt",
    // A HAR capture's `{"name": "cookie", "value": "session=…"}`.
    "cookie",
];

fn names_a_secret(data: &[u8]) -> bool {
    static FINDER: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(SECRET_NAME_PARTS)
                .ok()
        })
        .as_ref()
        .is_none_or(|f| f.is_match(data))
}

/// Whether a JSON name field (`"name": "DB_PASSWORD"`) holds a secret
/// word: the one thing parsing a JSON file adds to the line rules, so data
/// files (API models, schemas) with `"value"` fields are not parsed.
fn json_names_a_secret(data: &[u8]) -> bool {
    static FINDER: LazyRegex = std::sync::OnceLock::new();
    matches(
        &FINDER,
        concat!(
            // A name field naming a secret: `"name": "DB_PASSWORD"`.
            r#"(?i)"(?:name|key|parameterkey|parametername|variable|var|env|property|setting|field)"[ \t]*:[ \t]*"[^"\n]*(?:pass|pwd|secret|token|api_?key|[_-]key\b|credential|auth|private|salt|dsn|connection|cookie)"#,
            // An object named like a secret holding a value key (a
            // CloudFormation parameter and its `Default`; an API model's
            // `"Password": {"shape": …}` is not one), or a value below its key.
            r#"|(?i)(?:pass|pwd|secret|token|apikey|credential|private|salt)[^"\n]*"[ \t]*:[ \t]*\{[^{}]{0,400}?"(?:default|value|defaultvalue|default_value|val)"[ \t]*:"#,
            r#"|"\s*:[ \t]*\r?\n[ \t]*""#,
        ),
        data,
    )
}

/// Whether a TOML file sets a string `value` or `default` (a name beside
/// it may say what it is); a Cargo `default = [features]` does not count.
fn toml_names_beside(data: &[u8]) -> bool {
    static FINDER: LazyRegex = std::sync::OnceLock::new();
    matches(
        &FINDER,
        r#"(?i)\b(?:value|default|val)[ \t]*=[ \t]*["']"#,
        data,
    )
}

/// A gate's regex, compiled on first use.
type LazyRegex = std::sync::OnceLock<Option<regex::bytes::Regex>>;

/// Whether `pattern` (compiled once into `cell`) matches `data`; a pattern
/// that does not compile lets everything through (the gate only saves work).
fn matches(cell: &LazyRegex, pattern: &str, data: &[u8]) -> bool {
    cell.get_or_init(|| regex::bytes::Regex::new(pattern).ok())
        .as_ref()
        .is_none_or(|re| re.is_match(data))
}

fn is_plist_value(key: &str) -> bool {
    matches!(key, "string" | "data" | "integer")
}

/// The name a scalar under `key` is known by, or `None` when the scalar is
/// itself a name (`name: DB_PASSWORD` beside a `value:`).
fn value_name<'a>(
    key: &'a str,
    siblings: &'a [(String, Node)],
    parent: &'a str,
) -> Option<&'a str> {
    if is_one_of(VALUE_KEYS, key) {
        let name_sibling = siblings.iter().find_map(|(k, v)| match v {
            Node::Scalar { text, .. } if !text.trim().is_empty() && is_one_of(NAME_KEYS, k) => {
                Some(text.trim())
            }
            _ => None,
        });
        return Some(match name_sibling {
            Some(name) => name,
            None if !parent.is_empty() => parent,
            None => key,
        });
    }
    if is_one_of(NAME_KEYS, key) && siblings.iter().any(|(k, _)| is_one_of(VALUE_KEYS, k)) {
        return None;
    }
    Some(key)
}

/// Whether `key` is one of `keys` (lowercase), ignoring ASCII case.
fn is_one_of(keys: &[&str], key: &str) -> bool {
    keys.iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// Where `value` starts in `data`, searching from `at` a little further
/// than the value's length (quotes, a block indicator and indentation
/// may come first). `None` when it is written differently (escapes).
fn locate(data: &[u8], value: &[u8], at: usize) -> Option<usize> {
    let from = at.min(data.len());
    let to = (from + value.len() + 256).min(data.len());
    memchr::memmem::find(&data[from..to], value).map(|i| from + i)
}

/// Byte offsets of character indexes, for parsers that count characters:
/// queries come mostly in increasing order, so the walk resumes where the
/// last one stopped.
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        if char_index < self.chars {
            self.chars = 0;
            self.bytes = 0;
        }
        for c in self.text[self.bytes..].chars() {
            if self.chars == char_index {
                break;
            }
            self.chars += 1;
            self.bytes += c.len_utf8();
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(format: Format, src: &str) -> Vec<String> {
        let Some(n) = Normalized::of(format, src.as_bytes()) else {
            return Vec::new();
        };
        // Every region maps back to the same bytes in the file.
        for &(text_at, file_at, len) in &n.regions {
            assert_eq!(
                &n.text[text_at..text_at + len],
                &src.as_bytes()[file_at..file_at + len]
            );
        }
        String::from_utf8(n.text)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn yaml_names_values_by_sibling_and_parent() {
        let src = "\
Parameters:
  DBPassword:
    Type: String
    NoEcho: true
    Default: Xk29vLq0pz7R
spec:
  containers:
    - env:
        - name: DB_PASSWORD
          value: \"Rw8pq2LmZx0v\"
        - name: LOG_LEVEL
          value: debug
smtp:
  pass: |
    hunter2hunter2
";
        let got = lines(Format::Yaml, src);
        assert!(
            got.contains(&r#"DBPassword = "Xk29vLq0pz7R""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"DB_PASSWORD = "Rw8pq2LmZx0v""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"LOG_LEVEL = "debug""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"pass = "hunter2hunter2""#.to_owned()),
            "{got:?}"
        );
        assert!(!got.iter().any(|l| l.starts_with("name ")), "{got:?}");
    }

    #[test]
    fn json_with_comments_and_name_value_pairs() {
        let src = r#"{
  // editor settings
  "host": "ftp.example.org",
  "password":
      "Qm9vZ2llV29vZ2ll",
  "values": [{"key": "api_key", "value": "c0ffee1234abcd", "enabled": true}],
}"#;
        let got = lines(Format::Json, src);
        assert!(
            got.contains(&r#"password = "Qm9vZ2llV29vZ2ll""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"api_key = "c0ffee1234abcd""#.to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn xml_attributes_text_and_plists() {
        let src = r#"<?xml version="1.0"?>
<configuration>
  <appSettings>
    <add key="StripeSecret" value="abc123def456" />
  </appSettings>
  <password>
     s3cr3tV4lue!
  </password>
  <dict><key>ApiToken</key><string>tok-998877</string></dict>
</configuration>"#;
        let got = lines(Format::Xml, src);
        assert!(
            got.contains(&r#"StripeSecret = "abc123def456""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"password = "s3cr3tV4lue!""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"ApiToken = "tok-998877""#.to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn toml_tables_and_arrays_of_tables() {
        let src = "[database]\nuser = \"app\"\npassword = \"Zq8!wLm2\"\n\n[[servers]]\nname = \"a\"\ntoken = '''\ntok_zzz111'''\n[[servers]]\nsecrets = { default = \"Lm3nB5vC7x\" }\n";
        let got = lines(Format::Toml, src);
        // On its key's line: the line rules' to find, not repeated here.
        assert!(!got.iter().any(|l| l.starts_with("password")), "{got:?}");
        assert!(
            got.contains(&r#"token = "tok_zzz111""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"secrets = "Lm3nB5vC7x""#.to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn csv_columns_name_the_values_below() {
        let src = "\u{feff}name,url,username,password,note\n\
VPN,https://vpn.acme.io,ops,Rq7#mLp2vX,\n\
\"Wiki, internal\",https://wiki.acme.io,ops,\"Wk9pq\"\"Lm2\",\"shared, do not rotate\"\n\
Mail,,ops,Tz4wNb8sQe,\n";
        let got = lines(Format::Csv, src);
        assert_eq!(
            got,
            [
                r#"password = "Rq7#mLp2vX""#,
                // A quoted cell with an escape is written differently.
                r#"password = "Tz4wNb8sQe""#,
            ],
            "{got:?}"
        );
        // Semicolons and tabs, and a name,value settings export.
        let got = lines(
            Format::Csv,
            "Service;Login;Password\nFTP;deploy;Ft9!kQ2zLm\n",
        );
        assert_eq!(got, [r#"Password = "Ft9!kQ2zLm""#], "{got:?}");
        let got = lines(
            Format::Csv,
            "name\tvalue\nLOG_LEVEL\tdebug\nDB_PASSWORD\tPg5#xLq9wR\n",
        );
        assert!(
            got.contains(&r#"DB_PASSWORD = "Pg5#xLq9wR""#.to_owned()),
            "{got:?}"
        );
        // A header naming no secret: nothing is read.
        assert!(lines(Format::Csv, "id,city,population\n1,Oslo,709000\n").is_empty());
    }

    #[test]
    fn html_tables_name_cells_by_their_header() {
        let src = "<p>Servers</p>\n<table><tbody>\n<tr><th>System</th><th>User</th><th>Password</th></tr>\n<tr><td>iDRAC</td><td>root</td><td>iDr4c-OJEsOH</td></tr>\n<tr><td>Forum</td><td>admin</td><td><em>SSO</em></td></tr>\n<tr><td>NAS<br></td><td>admin</td><td>\n  Nas-Lantern-88 </td></tr>\n</tbody></table>";
        let got = lines(Format::Html, src);
        assert!(
            got.contains(&r#"Password = "iDr4c-OJEsOH""#.to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&r#"Password = "Nas-Lantern-88""#.to_owned()),
            "{got:?}"
        );
        // A cell's text inside markup is its value too.
        assert!(got.contains(&r#"System = "Forum""#.to_owned()), "{got:?}");
        assert!(lines(Format::Html, "<p>password: none here</p>").is_empty());
    }

    #[test]
    fn broken_and_odd_input_never_panics() {
        for src in [
            "{\"a\": ",
            "a: [b, {c: ",
            "<a><b x='1'>",
            "[x\ny = ",
            "key: {{ .Values.x }}\n  - y",
            "é: ü\nñ: \"ŝŝŝŝŝ\"\n",
            "",
        ] {
            for f in [
                Format::Json,
                Format::Yaml,
                Format::Xml,
                Format::Toml,
                Format::Csv,
                Format::Html,
            ] {
                let _ = lines(f, src);
            }
        }
        // A partial YAML document still yields what came before the error.
        let got = lines(Format::Yaml, "db:\n  password:\n    Qw8rTy2uI9\nbad: [\n");
        assert!(
            got.contains(&r#"password = "Qw8rTy2uI9""#.to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn char_offsets_follow_multibyte_text() {
        let mut o = CharOffsets::new("aé€b");
        assert_eq!(o.byte(0), 0);
        assert_eq!(o.byte(2), 3);
        assert_eq!(o.byte(3), 6);
        assert_eq!(o.byte(1), 1);
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(Format::of_path("a/b/Web.Config"), Some(Format::Xml));
        assert_eq!(Format::of_path("values-prod.yml"), Some(Format::Yaml));
        assert_eq!(Format::of_path("x/terraform.tfstate"), Some(Format::Json));
        assert_eq!(Format::of_path("exports/Vault.CSV"), Some(Format::Csv));
        assert_eq!(
            Format::of_path("wiki/Server-Access_98311.html"),
            Some(Format::Html)
        );
        assert_eq!(Format::of_path("Makefile"), None);
        assert_eq!(Format::of_path(".env"), None);
    }
}
