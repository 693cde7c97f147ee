//! Where a report goes: `-o FILE` or standard output, written one way for
//! every subcommand that writes one (`scan`, `report html`, `report merge`).

use crate::args::FormatArg;
use leakguard::error::io_reason;
use leakguard::report::{Color, Format};
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// The library's format for `--format`.
pub(crate) fn format_of(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Html => Format::Html,
        FormatArg::Jsonl => Format::Jsonl,
    }
}

/// Colour on a terminal unless `NO_COLOR` is set.
pub(crate) fn color_for(terminal: bool) -> Color {
    if terminal && std::env::var_os("NO_COLOR").is_none() {
        Color::Always
    } else {
        Color::Never
    }
}

/// Runs `write` on `-o FILE` (no colour) or on standard output (colour on a
/// terminal, see [`color_for`]). A closed stdout pipe (`leakguard scan |
/// head -1`) is not an error.
pub(crate) fn write_output(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write, Color) -> io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let file = create_report(path)?;
            let mut out = io::BufWriter::new(file);
            write(&mut out, Color::Never)
                .and_then(|_| out.flush())
                .map_err(|e| {
                    anyhow::anyhow!("writing report to {}: {}", path.display(), io_reason(&e))
                })
        }
        None => {
            let stdout = io::stdout();
            let color = color_for(stdout.is_terminal());
            let mut out = io::BufWriter::new(stdout.lock());
            match write(&mut out, color).and_then(|_| out.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| anyhow::anyhow!("writing report: {e}")),
            }
        }
    }
}

/// A streamed report's destination (`--format jsonl`): `-o FILE` or
/// standard output, as a writer the scan's threads can share. Lines are
/// flushed as they are written, so nothing waits in a buffer while a long
/// scan goes on.
pub(crate) fn open_stream(output: Option<&Path>) -> anyhow::Result<Box<dyn Write + Send>> {
    match output {
        Some(path) => {
            let file = create_report(path)?;
            Ok(Box::new(io::BufWriter::new(file)))
        }
        None => Ok(Box::new(io::BufWriter::new(io::stdout()))),
    }
}

/// The outcome of writing a streamed report: a closed stdout pipe
/// (`leakguard scan --format jsonl | head -1`) is not an error.
pub(crate) fn stream_written(output: Option<&Path>, result: io::Result<()>) -> anyhow::Result<()> {
    match (result, output) {
        (Ok(()), _) => Ok(()),
        (Err(e), None) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        (Err(e), None) => Err(anyhow::anyhow!("writing report: {e}")),
        (Err(e), Some(path)) => Err(anyhow::anyhow!(
            "writing report to {}: {}",
            path.display(),
            io_reason(&e)
        )),
    }
}

/// Creates `-o FILE`, or says in one line why it cannot.
fn create_report(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::create(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot write report to {}: {}",
            path.display(),
            io_reason(&e)
        )
    })
}
