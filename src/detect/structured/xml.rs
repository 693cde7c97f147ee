//! XML to a [`Node`] tree with quick-xml: an element is a mapping of its
//! attributes and child elements (its text, if any, under `value`, so
//! `<property name="password">x</property>` reads like `{name, value}`); an
//! element holding only text is a scalar under its name.

use super::{Node, MAX_DEPTH};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

struct Element {
    name: String,
    entries: Vec<(String, Node)>,
    /// Where the element's content starts (after its start tag).
    content_at: usize,
    has_children: bool,
}

pub(crate) fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut stack = vec![Element {
        name: String::new(),
        entries: Vec::new(),
        content_at: 0,
        has_children: false,
    }];
    loop {
        let before = reader.buffer_position() as usize;
        let Ok(event) = reader.read_event() else {
            break;
        };
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    break;
                }
                if let Some(parent) = stack.last_mut() {
                    parent.has_children = true;
                }
                stack.push(Element {
                    name: local_name(&e),
                    entries: attributes(&e, text),
                    content_at: after,
                    has_children: false,
                });
            }
            Event::Empty(e) => {
                let node = Node::Map(attributes(&e, text));
                let parent = stack.last_mut()?;
                parent.has_children = true;
                parent.entries.push((local_name(&e), node));
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    continue;
                }
                let element = stack.pop()?;
                let node = close(element, text, before);
                stack.last_mut()?.entries.push(node);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // An unclosed document keeps what was read.
    let end = text.len();
    while stack.len() > 1 {
        let element = stack.pop()?;
        let node = close(element, text, end);
        stack.last_mut()?.entries.push(node);
    }
    stack.pop().map(|root| Node::Map(root.entries))
}

/// The finished element as (name, node); `end` is where its end tag starts.
fn close(mut element: Element, text: &str, end: usize) -> (String, Node) {
    let content = if element.has_children {
        None
    } else {
        text.get(element.content_at..end).map(|raw| {
            let trimmed = raw.trim();
            let trimmed = trimmed
                .strip_prefix("<![CDATA[")
                .and_then(|t| t.strip_suffix("]]>"))
                .unwrap_or(trimmed);
            Node::Scalar {
                text: trimmed.to_owned(),
                at: element.content_at,
            }
        })
    };
    let node = match content {
        Some(scalar) if element.entries.is_empty() => scalar,
        Some(scalar) => {
            element.entries.push(("value".to_owned(), scalar));
            Node::Map(element.entries)
        }
        None => Node::Map(element.entries),
    };
    (element.name, node)
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

/// The attributes of `e` as scalars, each at its offset in `text` (raw
/// values borrow from it).
fn attributes(e: &BytesStart<'_>, text: &str) -> Vec<(String, Node)> {
    let base = text.as_ptr() as usize;
    e.attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let key: String = a.key.local_name().as_ref().to_owned();
            let ptr = a.value.as_ptr() as usize;
            let at = if ptr >= base && ptr <= base + text.len() {
                ptr - base
            } else {
                0
            };
            (
                key,
                Node::Scalar {
                    text: a.value.into_owned(),
                    at,
                },
            )
        })
        .collect()
}
