//! TOML to a [`Node`] tree, with toml_edit's spans.

use super::Node;
use toml_edit::{Item, Value};

pub(crate) fn parse(text: &str) -> Option<Node> {
    let doc = toml_edit::ImDocument::parse(text).ok()?;
    Some(table(doc.as_table().iter()))
}

fn table<'a>(entries: impl Iterator<Item = (&'a str, &'a Item)>) -> Node {
    Node::Map(entries.map(|(k, v)| (k.to_owned(), item(v))).collect())
}

fn item(item: &Item) -> Node {
    match item {
        Item::Value(v) => value(v),
        Item::Table(t) => table(t.iter()),
        Item::ArrayOfTables(a) => Node::List(a.iter().map(|t| table(t.iter())).collect()),
        Item::None => empty(),
    }
}

fn value(v: &Value) -> Node {
    match v {
        Value::String(s) => Node::Scalar {
            text: s.value().clone(),
            at: s.span().map_or(0, |r| r.start),
        },
        Value::Array(a) => Node::List(a.iter().map(value).collect()),
        Value::InlineTable(t) => {
            Node::Map(t.iter().map(|(k, v)| (k.to_owned(), value(v))).collect())
        }
        _ => empty(),
    }
}

fn empty() -> Node {
    Node::Scalar {
        text: String::new(),
        at: 0,
    }
}
