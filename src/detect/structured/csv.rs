//! CSV and TSV to a [`Node`] tree: one map per row, keyed by the header.
//!
//! A password manager's export (`name,url,username,password,note`), a user
//! import with a password column or a key inventory puts the name of a
//! secret on the first line and its values in the rows below, where no
//! line rule sees the two together. Only the columns that could name or
//! hold a secret are kept, so a large data file with one `token_count`
//! column costs little.

use super::Node;

/// Delimiters a spreadsheet export uses; the header's most frequent wins.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

pub(crate) fn parse(text: &str) -> Option<Node> {
    let data = text.as_bytes();
    let header_end = memchr::memchr(b'\n', data).unwrap_or(data.len());
    let header_line = &data[..header_end];
    let delimiter = DELIMITERS
        .into_iter()
        .max_by_key(|&d| memchr::memchr_iter(d, header_line).count())
        .filter(|&d| header_line.contains(&d))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record).ok()? {
        return None;
    }
    let header: Vec<String> = record
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_owned()
        })
        .collect();
    let name_value = header
        .iter()
        .any(|h| super::is_one_of(super::VALUE_KEYS, h));
    let kept: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.is_empty() && h.len() <= 200 && worth_keeping(h, name_value))
        .map(|(i, _)| i)
        .collect();
    if !name_value
        && !kept
            .iter()
            .any(|&i| super::names_a_secret(header[i].as_bytes()))
    {
        return None;
    }
    let mut rows = Vec::new();
    let mut start = reader.position().byte() as usize;
    // A malformed row ends what is read, like a truncated JSON file.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let end = (reader.position().byte() as usize).min(data.len());
        rows.push(row(&header, &kept, &record, &data[..end], start));
        start = end;
    }
    (!rows.is_empty()).then_some(Node::List(rows))
}

/// Columns that can name a secret, or, in a `name,value` settings export
/// (`name_value`), hold the name or the value.
fn worth_keeping(header: &str, name_value: bool) -> bool {
    super::names_a_secret(header.as_bytes())
        || (name_value
            && (super::is_one_of(super::NAME_KEYS, header)
                || super::is_one_of(super::VALUE_KEYS, header)))
}

/// One row's kept cells, each at its place in the file: found in order
/// from the row's start, up to the first cell written differently (a
/// quoted cell with `""` escapes), so a row is searched once.
fn row(
    header: &[String],
    kept: &[usize],
    record: &csv::ByteRecord,
    data: &[u8],
    start: usize,
) -> Node {
    let mut cells = Vec::new();
    let mut at = start;
    for (i, field) in record.iter().enumerate() {
        if field.is_empty() {
            continue;
        }
        // A cell written differently (`""` escapes) ends the row: the rest
        // of it is not searched again for every later cell.
        let Some(found) = memchr::memmem::find(&data[at.min(data.len())..], field) else {
            break;
        };
        let offset = at + found;
        at = offset + field.len();
        if !kept.contains(&i) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(field) else {
            continue;
        };
        cells.push((
            header[i].clone(),
            Node::Scalar {
                text: text.to_owned(),
                at: offset,
            },
        ));
    }
    Node::Map(cells)
}
