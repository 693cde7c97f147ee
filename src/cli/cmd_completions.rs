//! `leakguard completions SHELL`: the completion script clap_complete
//! generates from the same clap definitions the binary parses with, so
//! completions never fall behind the flags.

use crate::args::Cli;
use crate::EXIT_CLEAN;
use clap::CommandFactory;
use std::io::{self, Write};

pub(crate) fn run(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_complete::generate(shell, &mut Cli::command(), "leakguard", &mut out);
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(EXIT_CLEAN),
    }
}
