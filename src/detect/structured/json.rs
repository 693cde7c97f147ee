//! JSON (with comments and trailing commas, as editors write it) to a
//! [`Node`] tree, with jsonc-parser's byte ranges.

use super::{Node, MAX_DEPTH};
use jsonc_parser::ast::{ObjectPropName, Value};

pub(crate) fn parse(text: &str) -> Option<Node> {
    // The parser recurses per level: a document nested deeper than we
    // read is not handed to it.
    if nesting_exceeds(text.as_bytes(), MAX_DEPTH) {
        return None;
    }
    let parsed = jsonc_parser::parse_to_ast(
        text,
        &jsonc_parser::CollectOptions::default(),
        &jsonc_parser::ParseOptions::default(),
    )
    .ok()?;
    parsed.value.as_ref().map(node)
}

fn node(value: &Value<'_>) -> Node {
    match value {
        Value::Object(object) => Node::Map(
            object
                .properties
                .iter()
                .map(|p| {
                    let name = match &p.name {
                        ObjectPropName::String(s) => s.value.to_string(),
                        ObjectPropName::Word(w) => w.value.to_string(),
                    };
                    (name, node(&p.value))
                })
                .collect(),
        ),
        Value::Array(array) => Node::List(array.elements.iter().map(node).collect()),
        Value::StringLit(s) => Node::Scalar {
            text: s.value.to_string(),
            at: s.range.start,
        },
        // Numbers, booleans and null are never secrets.
        _ => Node::Scalar {
            text: String::new(),
            at: 0,
        },
    }
}

/// Whether brackets outside strings nest deeper than `max`.
fn nesting_exceeds(text: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string: Option<u8> = None;
    let mut escaped = false;
    for &b in text {
        if let Some(quote) = in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == quote {
                in_string = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => in_string = Some(b),
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn deep_nesting_is_refused_not_recursed() {
        let deep = "[".repeat(100_000);
        assert!(super::parse(&deep).is_none());
        assert!(super::nesting_exceeds(deep.as_bytes(), 64));
        assert!(!super::nesting_exceeds(
            br#"{"a": "[[[[[[[[", "b": [1]}"#,
            2
        ));
    }
}
