//! `leakguard man`: the manual page leakguard(1), generated from the clap
//! definitions (so every subcommand and flag is in it, as `--help` shows
//! them) plus the sections a script writer reads a man page for: exit
//! status, environment and files.
//!
//! One page for the whole tool, as git's users know from ripgrep's: each
//! subcommand is a subsection of COMMANDS with its synopsis and options.

use crate::args::{Cli, VERSION};
use crate::EXIT_CLEAN;
use clap::CommandFactory;
use clap_mangen::roff::{bold, italic, roman, Roff};
use clap_mangen::Man;
use std::io::{self, Write};

/// Exit codes, as DESIGN.md and `--help` state them.
pub(crate) const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "No finding at or above --fail-on (or --fail-on never); for other commands, success.",
    ),
    (
        "1",
        "Findings at or above --fail-on (default: low, or the fail_on of .leakguard.toml); for rules check, problems in the rules.",
    ),
    (
        "2",
        "The scan could not run: bad arguments, an unreadable config, rules or baseline, not a git repository for --git or --staged, a vault unreachable with no cache. One line on standard error says what was wrong.",
    ),
];

/// Every environment variable leakguard, its hook or its vault backends read.
pub(crate) const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "LEAKGUARD_FAIL_ON",
        "The pre-commit hook's --fail-on (critical, high, medium, low, info, never), for one commit.",
    ),
    (
        "LEAKGUARD_VERBOSE",
        "Set to 1: the pre-commit hook prints the summary of a clean scan too.",
    ),
    (
        "LEAKGUARD_BIN",
        "The binary the pre-commit hook runs (default: leakguard on PATH).",
    ),
    (
        "LEAKGUARD_MASTER_KEY",
        "Key of the local encrypted vault: base64 of 32 bytes (else the key file, see FILES).",
    ),
    (
        "LEAKGUARD_FINGERPRINT_KEY",
        "The organisation's key (16 bytes or more): report and baseline fingerprints are HMAC-SHA256 under it, so one secret has one fingerprint in every repository (without it they are Argon2id, salted per baseline); it also signs vault fingerprint snapshots (vault snapshot, --vault fingerprints:FILE).",
    ),
    (
        "LEAKGUARD_VAULT_JSON",
        "A JSON object of secrets (name: value) to cross-check findings with, as a vault source.",
    ),
    (
        "LEAKGUARD_VAULT_BACKOFF_MS",
        "Base delay of the retries of remote vault requests, in milliseconds.",
    ),
    (
        "VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT",
        "Token, namespace and CA certificate for --vault vault+https://.",
    ),
    (
        "AWS_*",
        "Credentials, profile and endpoint for --vault aws-sm://, as the AWS CLI reads them: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, AWS_DEFAULT_PROFILE, AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_CA_BUNDLE, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SECRETS_MANAGER.",
    ),
    (
        "XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME",
        "Where the local vault, its key file and the vault cache live (see FILES).",
    ),
    (
        "GIT_INDEX_FILE",
        "The index scan --staged reads (as git sets it for hooks).",
    ),
    (
        "CI",
        "When set, no progress bar is drawn, even on a terminal.",
    ),
    ("NO_COLOR", "No colour in text output, even on a terminal."),
];

/// Files leakguard reads or writes by default.
const FILES: &[(&str, &str)] = &[
    (
        ".leakguard.toml",
        "Configuration at the repository's top (or --config FILE): fail_on, baseline, allowlists, extra and disabled rules, vaults.",
    ),
    (
        ".leakguard-baseline.json",
        "The baseline every scan applies when present at the repository's top (or the config's baseline).",
    ),
    (
        "$XDG_DATA_HOME/leakguard/vault",
        "The local encrypted vault (default ~/.local/share/leakguard/vault).",
    ),
    (
        "$XDG_CONFIG_HOME/leakguard/master.key",
        "The local vault's key file, mode 0600 (default ~/.config/leakguard/master.key).",
    ),
    (
        "$XDG_CACHE_HOME/leakguard/",
        "The encrypted cache that stands in for a remote vault during an outage (default ~/.cache/leakguard/).",
    ),
];

pub(crate) fn run() -> anyhow::Result<u8> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match render(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(EXIT_CLEAN),
    }
}

/// Writes the whole page.
pub(crate) fn render(out: &mut dyn Write) -> io::Result<()> {
    let mut root = Cli::command();
    root.build();
    let man = Man::new(root.clone())
        .title("LEAKGUARD")
        .section("1")
        .source(format!("leakguard {VERSION}"))
        .manual("User Commands");
    man.render_title(out)?;
    man.render_name_section(out)?;
    let mut page = Roff::default();
    // No hyphenation, ragged right: paths and flags stay whole.
    page.control("nh", []);
    page.control("ad", ["l"]);
    page.control("SH", ["SYNOPSIS"]);
    for (path, _) in leaves(&root, "leakguard") {
        page.text([bold(path), roman(" "), italic("[OPTIONS]")]);
        page.control("br", []);
    }
    page.control("SH", ["DESCRIPTION"]);
    page.text([roman(
        "leakguard finds leaked credentials in files, in git history and in the change about to be committed, ranks them by severity and confidence, cross-checks them against the organisation's secret vault, and reports them as text, JSON, JSON Lines, SARIF or HTML. A secret is never printed in clear unless --no-redact is given.",
    )]);
    page.control("PP", []);
    page.text([roman(
        "The global options are below; each command's own options follow under COMMANDS.",
    )]);
    page.to_writer(out)?;
    man.render_options_section(out)?;

    let mut commands = Roff::default();
    commands.control("SH", ["COMMANDS"]);
    commands.to_writer(out)?;
    for (path, cmd) in leaves(&root, "leakguard") {
        let mut head = Roff::default();
        head.control("SS", [path.as_str()]);
        if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
            head.text([roman(about.to_string())]);
        }
        head.control("PP", []);
        head.to_writer(out)?;
        let mut leaf = cmd.clone().bin_name(&path);
        leaf.build();
        let man = Man::new(leaf.clone());
        write_without_headings(out, |w| man.render_synopsis_section(w))?;
        if leaf.get_arguments().any(|a| !a.is_hide_set()) {
            write_without_headings(out, |w| man.render_options_section(w))?;
        }
    }

    let mut tail = Roff::default();
    definitions(&mut tail, "EXIT STATUS", EXIT_STATUS);
    definitions(&mut tail, "ENVIRONMENT", ENVIRONMENT);
    definitions(&mut tail, "FILES", FILES);
    tail.control("SH", ["SEE ALSO"]);
    tail.text([
        bold("git"),
        roman("(1), "),
        bold("pre-commit"),
        roman("(1)"),
    ]);
    tail.control("PP", []);
    tail.text([roman(
        "docs/ci.md (GitHub Actions, GitLab CI, pre-commit, baselines), docs/report.schema.json (the JSON report), docs/rules.md, docs/vault.md in leakguard's repository.",
    )]);
    tail.control("SH", ["VERSION"]);
    tail.text([roman(VERSION)]);
    tail.to_writer(out)
}

/// A section of `.TP` term/definition pairs.
fn definitions(roff: &mut Roff, title: &str, items: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (term, definition) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*definition)]);
    }
}

/// Every runnable command under `cmd` (leaves of the command tree, `help`
/// excluded), with the words that run it: `leakguard rules list`.
fn leaves(cmd: &clap::Command, path: &str) -> Vec<(String, clap::Command)> {
    let mut out = Vec::new();
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let path = format!("{path} {}", sub.get_name());
        if sub.has_subcommands() {
            out.extend(leaves(sub, &path));
        } else {
            out.push((path, sub.clone()));
        }
    }
    out
}

/// Writes what `render` writes, minus its `.SH` lines: clap_mangen renders
/// a command's synopsis and options as whole sections, and here they sit
/// inside the command's subsection.
fn write_without_headings(
    out: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    for line in String::from_utf8_lossy(&buf).lines() {
        if !line.starts_with(".SH ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let mut buf = Vec::new();
        render(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// Every variable `--help` names is documented in ENVIRONMENT too.
    #[test]
    fn environment_covers_the_help_text() {
        let help = Cli::command().render_long_help().to_string();
        for word in help.split_whitespace() {
            if word.starts_with("LEAKGUARD_") || word == "NO_COLOR" {
                assert!(
                    ENVIRONMENT.iter().any(|(name, _)| name.contains(word)),
                    "{word} is in --help but not in the man page"
                );
            }
        }
    }

    #[test]
    fn every_command_and_flag_is_on_the_page() {
        let page = page();
        for (path, cmd) in leaves(&Cli::command(), "leakguard") {
            assert!(page.contains(&format!(".SS \"{path}\"")), "{path}");
            for arg in cmd.get_arguments().filter_map(|a| a.get_long()) {
                // roff escapes each dash of a flag.
                let flag = format!("\\-\\-{}", arg.replace('-', "\\-"));
                assert!(page.contains(&flag), "{path} {flag}");
            }
        }
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES"] {
            assert!(
                page.contains(&format!(".SH \"{section}\""))
                    || page.contains(&format!(".SH {section}")),
                "{section}"
            );
        }
    }
}
