//! YAML (every document of a stream) to a [`Node`] tree, from
//! saphyr-parser's events and their positions.

use super::{CharOffsets, Node, MAX_DEPTH};
use saphyr_parser::{Event, Parser};

/// A collection being read: its entries so far, and for a mapping the key
/// waiting for its value.
enum Frame {
    Map(Vec<(String, Node)>, Option<String>),
    List(Vec<Node>),
}

impl Frame {
    fn add(&mut self, node: Node) {
        match self {
            Frame::List(items) => items.push(node),
            Frame::Map(entries, key) => match key.take() {
                Some(k) => entries.push((k, node)),
                // A key: a scalar names the next value; a complex key
                // (a mapping as a key) is kept as an empty name.
                None => {
                    *key = Some(match node {
                        Node::Scalar { text, .. } => text,
                        _ => String::new(),
                    })
                }
            },
        }
    }

    fn close(self) -> Node {
        match self {
            Frame::Map(entries, _) => Node::Map(entries),
            Frame::List(items) => Node::List(items),
        }
    }
}

/// The documents of `text` as one list. Parsing stops at the first error;
/// what was read before it is kept.
pub(crate) fn parse(text: &str) -> Option<Node> {
    let mut offsets = CharOffsets::new(text);
    let mut stack = vec![Frame::List(Vec::new())];
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() > MAX_DEPTH => break,
            Event::MappingStart(..) => stack.push(Frame::Map(Vec::new(), None)),
            Event::SequenceStart(..) => stack.push(Frame::List(Vec::new())),
            Event::MappingEnd | Event::SequenceEnd if stack.len() > 1 => {
                let node = stack.pop().map(Frame::close)?;
                stack.last_mut()?.add(node);
            }
            Event::Scalar(value, ..) => {
                let at = offsets.byte(span.start.index());
                stack.last_mut()?.add(Node::Scalar {
                    text: value.into_owned(),
                    at,
                });
            }
            Event::Alias(_) => stack.last_mut()?.add(Node::Scalar {
                text: String::new(),
                at: 0,
            }),
            _ => {}
        }
    }
    // Close what an error left open, innermost first.
    while stack.len() > 1 {
        let node = stack.pop().map(Frame::close)?;
        stack.last_mut()?.add(node);
    }
    stack.pop().map(Frame::close)
}
