//! `leakguard vault …`: the local encrypted vault and fingerprint snapshots.

use crate::args::VaultCommand;
use anyhow::{bail, Context};
use leakguard::model::date::{self, Zone};
use leakguard::vault::backend::local::LocalVault;
use leakguard::vault::crypto::MasterKey;
use leakguard::vault::{load, snapshot, VaultUri};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use zeroize::Zeroizing;

/// Values larger than this are refused: a vault holds credentials, not files.
const MAX_VALUE_BYTES: u64 = 64 * 1024;

fn local_path(vault: Option<&str>) -> anyhow::Result<PathBuf> {
    match vault {
        None => Ok(LocalVault::default_path()),
        Some(uri) => match VaultUri::parse(uri)? {
            VaultUri::Local(p) => Ok(p),
            _ => bail!("--vault {uri}: put, list, rotate and rm work on a local: vault only"),
        },
    }
}

/// The value from stdin, without one trailing newline (as `echo` adds).
/// Wiped when dropped; its buffer is sized for the largest value up front,
/// so reading never reallocates and leaves no stray copy behind.
fn value_from_stdin() -> anyhow::Result<Zeroizing<Vec<u8>>> {
    if std::io::stdin().is_terminal() {
        eprintln!("leakguard: reading the value from standard input (end with Ctrl-D)");
    }
    let mut buf = Zeroizing::new(Vec::with_capacity(MAX_VALUE_BYTES as usize + 1));
    std::io::stdin()
        .take(MAX_VALUE_BYTES + 1)
        .read_to_end(&mut buf)
        .context("reading the value from standard input")?;
    if buf.len() as u64 > MAX_VALUE_BYTES {
        bail!("the value is larger than {MAX_VALUE_BYTES} bytes");
    }
    if buf.ends_with(b"\n") {
        buf.pop();
        if buf.ends_with(b"\r") {
            buf.pop();
        }
    }
    if buf.is_empty() {
        bail!("no value on standard input (pipe it in: printf %s \"$VALUE\" | leakguard vault put NAME)");
    }
    Ok(buf)
}

/// Whether a command may create the vault when there is none: only `put`
/// (and `init`) do; the others would otherwise leave an empty vault behind a
/// mistyped path.
#[derive(Clone, Copy, PartialEq)]
enum Missing {
    Create,
    Refuse,
}

fn open(vault: Option<&str>, missing: Missing) -> anyhow::Result<LocalVault> {
    let path = local_path(vault)?;
    if missing == Missing::Refuse && !path.exists() {
        bail!(
            "no vault at {} (create one with `leakguard vault init` or `leakguard vault put NAME`)",
            path.display()
        );
    }
    let key = MasterKey::from_env_or_file(None)?;
    Ok(match missing {
        Missing::Create => LocalVault::open_or_create(&path, key)?,
        Missing::Refuse => LocalVault::open(&path, key)?,
    })
}

/// Runs one `vault` subcommand; returns the exit code.
pub fn run(cmd: VaultCommand) -> anyhow::Result<u8> {
    // Every subcommand holds a value, the master key or decrypted values.
    leakguard::vault::memory::no_core_dumps();
    let mut out = std::io::stdout().lock();
    match cmd {
        VaultCommand::Init { vault } => {
            let path = local_path(vault.as_deref())?;
            if path.exists() {
                bail!("a vault already exists at {}", path.display());
            }
            let v = open(vault.as_deref(), Missing::Create)?;
            writeln!(out, "created an empty vault at {}", v.display_name())?;
        }
        VaultCommand::Put { name, vault } => {
            let value = value_from_stdin()?;
            let mut v = open(vault.as_deref(), Missing::Create)?;
            let version = v.put(&name, &value)?;
            writeln!(
                out,
                "stored {name} version {version} in {}",
                v.display_name()
            )?;
        }
        VaultCommand::Rotate { name, vault } => {
            let value = value_from_stdin()?;
            let mut v = open(vault.as_deref(), Missing::Refuse)?;
            // Rotating to a value already used does not revoke anything.
            let reused = v
                .load()?
                .into_iter()
                .filter(|m| m.name == name && m.value.expose().as_bytes() == value.as_slice())
                .map(|m| (m.version, m.current))
                .next();
            let version = v.rotate(&name, &value)?;
            if let Some((old, current)) = reused {
                eprintln!(
                    "leakguard: warning: the new value of {name} equals its {} version {old}: rotating to it revokes nothing",
                    if current { "current" } else { "older" }
                );
            }
            writeln!(
                out,
                "rotated {name}: version {version} is now current in {}",
                v.display_name()
            )?;
        }
        VaultCommand::Rm { name, vault } => {
            let mut v = open(vault.as_deref(), Missing::Refuse)?;
            v.rm(&name)?;
            writeln!(out, "removed {name} from {}", v.display_name())?;
        }
        VaultCommand::List { vault } => {
            let v = open(vault.as_deref(), Missing::Refuse)?;
            if v.list().is_empty() {
                writeln!(out, "no secrets in {}", v.display_name())?;
            }
            let now = date::now();
            for entry in v.list() {
                for (version, created, current) in &entry.versions {
                    writeln!(
                        out,
                        "{:<40} v{:<4} {:<10} created {} ({} ago)  value ********",
                        entry.name,
                        version,
                        if *current { "current" } else { "superseded" },
                        date::rfc3339(*created, Zone::Utc),
                        age(now - created)
                    )?;
                }
            }
        }
        VaultCommand::Snapshot { vault, output } => {
            let key = snapshot::FingerprintKey::from_env()?;
            let mut values = Vec::new();
            for uri in &vault {
                values.extend(load::load_values(&VaultUri::parse(uri)?)?);
            }
            let snap = snapshot::build(&values, &key);
            let file = std::fs::File::create(&output)
                .with_context(|| format!("cannot write snapshot to {}", output.display()))?;
            let mut w = std::io::BufWriter::new(file);
            snapshot::write(&snap, &mut w).and_then(|_| w.flush())?;
            writeln!(
                out,
                "wrote {} fingerprints to {}",
                snap.entries.len(),
                output.display()
            )?;
        }
    }
    Ok(0)
}

fn age(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        0..=119 => format!("{s}s"),
        120..=7199 => format!("{}m", s / 60),
        7200..=172_799 => format!("{}h", s / 3600),
        _ => format!("{}d", s / 86_400),
    }
}
