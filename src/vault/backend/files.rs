//! File-based vault sources: `dotenv:PATH`, `json:PATH`, and the
//! `LEAKGUARD_VAULT_JSON` environment variable (same JSON shape).

use crate::vault::{ManagedValue, VaultError, VaultSecret};
use serde_json::Value;
use std::path::Path;
use zeroize::Zeroizing;

/// Environment variable holding a JSON vault object.
pub(crate) const VAULT_JSON_ENV: &str = "LEAKGUARD_VAULT_JSON";

fn invalid(vault: &str, message: String) -> VaultError {
    VaultError::Invalid {
        vault: vault.to_string(),
        message,
    }
}

/// Loads a .env file: `NAME=value` (optionally `export NAME=value`, quoted
/// values, `#` comments). Every value is current, version "1".
pub(crate) fn load_dotenv(path: &Path) -> Result<Vec<ManagedValue>, VaultError> {
    let vault = format!("dotenv:{}", path.display());
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        invalid(
            &vault,
            format!("cannot read: {}", crate::error::io_reason(&e)),
        )
    })?);
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((name, value)) = line.split_once('=') else {
            return Err(invalid(
                &vault,
                format!("line {}: expected NAME=value", n + 1),
            ));
        };
        let name = name.trim();
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-')
        {
            return Err(invalid(
                &vault,
                format!("line {}: invalid variable name", n + 1),
            ));
        }
        let value = unquote(value.trim());
        out.push(ManagedValue {
            name: name.to_string(),
            version: "1".into(),
            current: true,
            value: VaultSecret::from_bytes(value.as_bytes()),
        });
    }
    Ok(out)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    // Unquoted: a trailing " # comment" is not part of the value.
    match v.find(" #") {
        Some(i) => v[..i].trim_end(),
        None => v,
    }
}

/// Loads a JSON vault file.
pub(crate) fn load_json(path: &Path) -> Result<Vec<ManagedValue>, VaultError> {
    let vault = format!("json:{}", path.display());
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        invalid(
            &vault,
            format!("cannot read: {}", crate::error::io_reason(&e)),
        )
    })?);
    parse_json(&vault, &text)
}

/// Parses a JSON vault object: `{"name": "value"}`, or
/// `{"name": {"value": "...", "version": 7, "current": true}}`, or
/// `{"name": [{"value": ..., "version": ..., "current": ...}, ...]}` for
/// several versions of one secret.
pub(crate) fn parse_json(vault: &str, text: &str) -> Result<Vec<ManagedValue>, VaultError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        // serde_json's message can quote input; keep only its position.
        invalid(
            vault,
            format!("invalid JSON at line {} column {}", e.line(), e.column()),
        )
    })?;
    let Value::Object(map) = doc else {
        return Err(invalid(
            vault,
            "expected a JSON object of name → value".into(),
        ));
    };
    let mut out = Vec::new();
    for (name, entry) in map {
        match entry {
            Value::String(v) => out.push(ManagedValue {
                name,
                version: "1".into(),
                current: true,
                value: VaultSecret::from_string(v),
            }),
            Value::Object(_) => out.push(versioned(vault, &name, &entry)?),
            Value::Array(items) => {
                for item in &items {
                    out.push(versioned(vault, &name, item)?);
                }
            }
            _ => {
                return Err(invalid(
                    vault,
                    format!("key '{name}': expected a string, an object or an array"),
                ))
            }
        }
    }
    Ok(out)
}

fn versioned(vault: &str, name: &str, entry: &Value) -> Result<ManagedValue, VaultError> {
    let value = entry
        .get("value")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(vault, format!("key '{name}': missing string field 'value'")))?;
    let version = match entry.get("version") {
        None => "1".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(invalid(
                vault,
                format!("key '{name}.version': expected a string or number"),
            ))
        }
    };
    let current = match entry.get("current") {
        None => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(invalid(
                vault,
                format!("key '{name}.current': expected true or false"),
            ))
        }
    };
    Ok(ManagedValue {
        name: name.to_string(),
        version,
        current,
        value: VaultSecret::from_bytes(value.as_bytes()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shapes() {
        let v = parse_json(
            "t",
            r#"{"a": "one", "b": {"value": "two", "version": 7, "current": false},
               "c": [{"value": "x1", "version": "1", "current": false}, {"value": "x2", "version": "2"}]}"#,
        )
        .unwrap();
        let mut got: Vec<_> = v
            .iter()
            .map(|m| {
                (
                    m.name.as_str(),
                    m.version.as_str(),
                    m.current,
                    m.value.expose(),
                )
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            vec![
                ("a", "1", true, "one"),
                ("b", "7", false, "two"),
                ("c", "1", false, "x1"),
                ("c", "2", true, "x2")
            ]
        );
        let e = parse_json("t", "{\"a\": 1}").unwrap_err().to_string();
        assert!(e.contains("key 'a'"), "{e}");
        let e = parse_json("t", "{\"a\": \"s3cr3t-value\"")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("s3cr3t"), "{e}");
    }

    #[test]
    fn dotenv_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        std::fs::write(&p, "# c\nexport A=\"x y\"\nB='z'\nC=plain # note\n\n").unwrap();
        let v = load_dotenv(&p).unwrap();
        let got: Vec<_> = v
            .iter()
            .map(|m| (m.name.as_str(), m.value.expose()))
            .collect();
        assert_eq!(got, vec![("A", "x y"), ("B", "z"), ("C", "plain")]);
        std::fs::write(&p, "garbage\n").unwrap();
        assert!(load_dotenv(&p).unwrap_err().to_string().contains("line 1"));
    }
}
