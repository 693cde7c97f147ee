//! `leakguard install-hook`: writes the pre-commit hook into a repository,
//! honouring `core.hooksPath`, and never silently replacing someone else's hook.

use crate::error::{Error, Result};
use crate::source::git;
use std::path::{Path, PathBuf};

/// The hook script shipped in `hooks/pre-commit`.
pub(crate) const PRE_COMMIT: &str = include_str!("../hooks/pre-commit");

/// A line only leakguard's hook has: an existing hook with it is ours to update.
const OUR_MARKER: &str = "leakguard pre-commit hook";

/// Installs the hook in the repository containing `path`; returns a message
/// saying where. An existing foreign hook is kept unless `force`.
pub fn install(path: &Path, force: bool) -> Result<String> {
    let repo = git::open(path)?;
    let hooks_dir = hooks_dir(&repo);
    let hook = hooks_dir.join("pre-commit");
    let fail = |message: String| Error::Path {
        path: hook.clone(),
        message,
    };
    if let Ok(existing) = std::fs::read_to_string(&hook) {
        if !existing.contains(OUR_MARKER) && !force {
            return Err(fail(
                "a pre-commit hook that leakguard did not write exists; use --force to replace it, or call `leakguard scan --staged` from it".into(),
            ));
        }
    }
    std::fs::create_dir_all(&hooks_dir)
        .map_err(|e| fail(format!("cannot create hooks directory: {e}")))?;
    std::fs::write(&hook, PRE_COMMIT).map_err(|e| fail(format!("cannot write hook: {e}")))?;
    make_executable(&hook).map_err(|e| fail(format!("cannot make hook executable: {e}")))?;
    Ok(format!(
        "installed leakguard pre-commit hook at {}",
        hook.display()
    ))
}

fn hooks_dir(repo: &git2::Repository) -> PathBuf {
    let configured = repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok());
    match configured {
        Some(p) if p.is_absolute() => p,
        // Relative hooksPath is relative to the work tree (git's rule).
        Some(p) => git::repo_root(repo).join(p),
        None => repo.path().join("hooks"),
    }
}

#[cfg(unix)]
fn make_executable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> std::io::Result<()> {
    Ok(())
}
