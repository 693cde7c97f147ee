//! Files only their owner may read (vault files, the cache, key files,
//! the access log), written one way: mode 0600 from the moment they exist
//! (0700 for directories made for them), a whole file replaced atomically
//! and durably, never left half-written.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How [`open`] opens a private file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Open {
    /// A new file; an existing one is an error (a key file is never
    /// overwritten).
    New,
    /// Appended to, created if missing (the access log).
    Append,
}

/// Opens `path` as a file only its owner may read or write.
pub(crate) fn open(path: &Path, how: Open) -> std::io::Result<File> {
    let mut opts = OpenOptions::new();
    match how {
        Open::New => opts.write(true).create_new(true),
        Open::Append => opts.append(true).create(true),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// Replaces the file at `path` with `bytes`, atomically: they go to a new
/// private file beside it, are synced, and take its place by a rename,
/// itself made durable. A failure leaves the old file as it was.
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_dir(&dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut random = [0u8; 6];
    {
        use aes_gcm::aead::rand_core::RngCore;
        aes_gcm::aead::OsRng.fill_bytes(&mut random);
    }
    let tmp = dir.join(format!(
        ".{file_name}.tmp-{}-{}",
        std::process::id(),
        hex::encode(random)
    ));
    let write = || -> std::io::Result<()> {
        let mut f = open(&tmp, Open::New)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        #[cfg(unix)]
        File::open(&dir)?.sync_all()?;
        Ok(())
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Creates `dir` and its missing parents; a directory created here gets
/// mode 0700.
pub(crate) fn create_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn private_files_are_owner_only_and_replaced_whole() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("made/here/vault.json");
        replace(&path, b"one").unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        // Nothing left beside it.
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
        let key = dir.path().join("key");
        open(&key, Open::New).unwrap();
        assert!(
            open(&key, Open::New).is_err(),
            "a new file is never overwritten"
        );
        assert_eq!(mode(&key), 0o600);
        let mut log = open(&dir.path().join("log"), Open::Append).unwrap();
        log.write_all(b"a\n").unwrap();
        assert_eq!(mode(&dir.path().join("log")), 0o600);
    }
}
