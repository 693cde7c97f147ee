//! HTML tables to a [`Node`] tree: one map per row, keyed by the header.
//!
//! A wiki page exported from Confluence or SharePoint keeps a team's
//! server list as a table (`System | URL | User | Password`): the name of
//! the secret is in the header row, its values in the cells below, where
//! no line rule sees the two together. Only tables are read; quick-xml
//! reads the tags (tolerating HTML's unclosed and mismatched ones), and a
//! cell's text is found where it is written in the file.

use super::Node;
use quick_xml::events::Event;
use quick_xml::Reader;

/// The most tables and rows read from one page: a wiki page holds a few.
const MAX_ROWS: usize = 2000;

#[derive(Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<Node>,
}

pub(crate) fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut tables: Vec<Table> = Vec::new();
    let mut done: Vec<Node> = Vec::new();
    // The current row's cells: (is a header cell, text, offset of the text).
    let mut row: Vec<(bool, String, usize)> = Vec::new();
    // The cell being read: whether it is a header cell, its text so far
    // and where that text starts.
    let mut cell: Option<(bool, String, usize)> = None;
    let mut rows_read = 0usize;
    loop {
        let before = reader.buffer_position() as usize;
        let Ok(event) = reader.read_event() else {
            break;
        };
        match event {
            Event::Start(e) => match e.local_name().into_inner().to_ascii_lowercase().as_str() {
                "table" => tables.push(Table::default()),
                "tr" => row.clear(),
                "th" => cell = Some((true, String::new(), 0)),
                "td" => cell = Some((false, String::new(), 0)),
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, content, at)) = cell.as_mut() {
                    let raw = t.into_inner().into_owned();
                    if content.trim().is_empty() && !raw.trim().is_empty() {
                        let lead = raw.len() - raw.trim_start().len();
                        *at = before + lead;
                        content.clear();
                    }
                    content.push_str(&raw);
                }
            }
            Event::End(e) => match e.local_name().into_inner().to_ascii_lowercase().as_str() {
                "th" | "td" => {
                    if let Some((header, content, at)) = cell.take() {
                        row.push((header, content.trim().to_owned(), at));
                    }
                }
                "tr" => {
                    let Some(table) = tables.last_mut() else {
                        continue;
                    };
                    rows_read += 1;
                    if rows_read > MAX_ROWS {
                        break;
                    }
                    if table.header.is_empty() || row.iter().all(|(h, _, _)| *h) {
                        table.header = row.drain(..).map(|(_, text, _)| text).collect();
                        continue;
                    }
                    let cells = row
                        .drain(..)
                        .zip(&table.header)
                        .filter(|((_, text, _), name)| !text.is_empty() && !name.is_empty())
                        .map(|((_, text, at), name)| (name.clone(), Node::Scalar { text, at }))
                        .collect();
                    table.rows.push(Node::Map(cells));
                }
                "table" => {
                    if let Some(table) = tables.pop() {
                        done.extend(table.rows);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    for table in tables {
        done.extend(table.rows);
    }
    (!done.is_empty()).then_some(Node::List(done))
}
