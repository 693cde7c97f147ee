//! The filesystem source: a parallel walk of the given paths with `ignore`
//! (honours .gitignore/.ignore, skips `.git/`, keeps dotfiles such as `.env`),
//! and bounded reads of each file into a reused buffer.

use crate::error::{io_reason, without_os_error, Error, Result};
use crate::model::Skipped;
use crate::text::one_line;
use ignore::{WalkBuilder, WalkState};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Whether ignore files are honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoreFiles {
    /// Honour .gitignore, .ignore and git's exclude files (the default).
    Honor,
    /// Scan everything except `.git/` (`--no-ignore`).
    Disregard,
}

/// How the walk treats what it meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WalkOptions {
    /// Whether ignore files are honoured.
    pub(crate) ignore_files: IgnoreFiles,
    /// Whether symbolic links are followed (`--follow`). When they are not,
    /// a link is counted as not a regular file; when they are, a link that
    /// loops back to an ancestor is warned about once and skipped.
    pub(crate) follow_symlinks: bool,
    /// Larger files named as roots are skipped and counted here; the
    /// scan checks walked files when it opens them (the walk reads no sizes).
    pub(crate) max_file_size: u64,
}

/// A file to scan.
#[derive(Debug, Clone)]
pub(crate) struct FileEntry {
    /// Where it is on disk.
    pub(crate) path: PathBuf,
    /// How reports name it: as the user would type it from where they
    /// stand (`src/app.py` when `src` was scanned; absolute when the root
    /// was given absolute), forward slashes.
    pub(crate) display: String,
    /// Relative to the root of the repository holding it (or to the scanned
    /// root outside a repository), forward slashes: what allowlists,
    /// baselines and SARIF name it by, wherever the scan was started.
    pub(crate) repo_path: String,
    /// Named on the command line (not found by the walk): skipping it is
    /// warned about, not only counted.
    pub(crate) named: bool,
}

/// How the files under one scanned root are named.
#[derive(Debug, Clone)]
struct RootNames {
    /// The root as the user typed it, without `./` or a trailing slash
    /// (empty for `.`).
    display: String,
    /// The root relative to its repository's top (empty at the top or
    /// outside a repository).
    in_repo: String,
    /// The repository's top, absolute, if the root is in one.
    top: Option<PathBuf>,
}

impl RootNames {
    fn of(root: &Path) -> RootNames {
        let (top, in_repo) = match crate::source::git::path_in_repository(root) {
            Some((top, rel)) => (Some(top), rel),
            None => (None, String::new()),
        };
        RootNames {
            display: typed_prefix(&slashes(&root.to_string_lossy())),
            in_repo,
            top,
        }
    }

    /// The absolute directory repository paths under this root are relative
    /// to: the repository's top, else the root (a file root's directory).
    fn source_root(&self, root: &Path, is_file: bool) -> Option<PathBuf> {
        if let Some(top) = &self.top {
            return Some(top.clone());
        }
        let dir = if is_file { root.parent()? } else { root };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::canonicalize(dir).ok()
    }

    fn entry(&self, path: PathBuf, rel: &str) -> FileEntry {
        FileEntry {
            path,
            display: join(&self.display, rel),
            repo_path: join(&self.in_repo, rel),
            named: false,
        }
    }
}

/// `a` and `b` joined by a slash, either possibly empty.
fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ if a.ends_with('/') => format!("{a}{b}"),
        _ => format!("{a}/{b}"),
    }
}

/// A typed path without its leading `./` and trailing slashes: `.` and
/// `./` are the empty prefix; `/` stays `/`.
fn typed_prefix(typed: &str) -> String {
    let mut p = typed;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    if p == "." {
        return String::new();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() && p.starts_with('/') {
        return "/".into();
    }
    trimmed.strip_suffix("/.").unwrap_or(trimmed).to_string()
}

/// What a walk found: files to scan, and what it skipped.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Files to scan, sorted by display path.
    pub(crate) files: Vec<FileEntry>,
    /// Files not scanned, by reason.
    pub(crate) skipped: Skipped,
    /// One line per unreadable file or directory.
    pub(crate) warnings: Vec<String>,
    /// The directory the first root's repository paths are relative to
    /// (its repository's top, else the root itself), absolute: SARIF's
    /// `%SRCROOT%`.
    pub(crate) source_root: Option<PathBuf>,
}

enum Visit {
    File(FileEntry),
    NotRegular,
    Loop(String),
    Unreadable(String),
}

/// Whether a walk error is a symbolic link looping back to an ancestor.
fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// Walks every root (a directory or a file). A root that does not exist is an
/// error; problems below a root are counted and warned about.
pub(crate) fn walk(roots: &[PathBuf], options: &WalkOptions) -> Result<Walk> {
    let max_file_size = options.max_file_size;
    let mut result = Walk::default();
    // Directories already walked, resolved: a root inside one of them (the
    // same directory typed twice, `. src`) would list its files again.
    let mut walked: Vec<PathBuf> = Vec::new();
    for root in roots {
        let meta = std::fs::metadata(root).map_err(|e| Error::Path {
            path: root.clone(),
            message: format!("cannot scan: {}", io_reason(&e)),
        })?;
        let resolved = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        if walked.iter().any(|w| resolved.starts_with(w)) {
            continue;
        }
        if meta.is_dir() {
            walked.push(resolved);
        }
        let names = RootNames::of(root);
        if result.source_root.is_none() {
            result.source_root = names.source_root(root, meta.is_file());
        }
        if !meta.is_file() && !meta.is_dir() {
            result.skipped.not_regular += 1;
            result.warnings.push(format!(
                "{}: skipped, not a regular file (a FIFO, socket or device); pipe it to `leakguard scan --stdin` to scan what it holds",
                names.display
            ));
            continue;
        }
        if meta.is_file() {
            if meta.len() > max_file_size {
                result.skipped.too_large += 1;
                result
                    .warnings
                    .push(too_large_note(&names.display, meta.len(), max_file_size));
            } else {
                // Outside a repository a file is named by itself.
                let repo_path = if names.in_repo.is_empty() {
                    root.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| names.display.clone())
                } else {
                    names.in_repo.clone()
                };
                result.files.push(FileEntry {
                    path: root.clone(),
                    display: names.display,
                    repo_path,
                    named: true,
                });
            }
            continue;
        }
        walk_dir(root, &names, options, &mut result);
    }
    result.files.sort_by(|a, b| a.display.cmp(&b.display));
    Ok(result)
}

fn walk_dir(root: &Path, names: &RootNames, options: &WalkOptions, result: &mut Walk) {
    let honor = options.ignore_files == IgnoreFiles::Honor;
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(false)
        .follow_links(options.follow_symlinks)
        .require_git(false)
        .git_ignore(honor)
        .git_global(honor)
        .git_exclude(honor)
        .ignore(honor)
        .parents(honor)
        .filter_entry(|e| e.file_name() != ".git");
    let (tx, rx) = mpsc::channel::<Visit>();
    builder.build_parallel().run(|| {
        let tx = tx.clone();
        Box::new(move |entry| {
            let visit = match entry {
                Err(e) if is_loop(&e) => Visit::Loop(one_line(&e.to_string())),
                Err(e) => Visit::Unreadable(without_os_error(&one_line(&e.to_string()))),
                Ok(entry) => match entry.file_type() {
                    Some(ft) if ft.is_dir() => return WalkState::Continue,
                    // No metadata here: its `lstat` walks the whole path
                    // again, a tenth of a tree scan. The scan learns the size
                    // from the open file instead.
                    Some(ft) if ft.is_file() => {
                        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                        let rel = slashes(&rel.to_string_lossy());
                        Visit::File(names.entry(entry.into_path(), &rel))
                    }
                    _ => Visit::NotRegular,
                },
            };
            let _ = tx.send(visit);
            WalkState::Continue
        })
    });
    drop(tx);
    for visit in rx {
        match visit {
            Visit::File(f) => result.files.push(f),
            Visit::NotRegular => result.skipped.not_regular += 1,
            Visit::Loop(w) => {
                result.skipped.not_regular += 1;
                result.warnings.push(format!("{w}; not followed again"));
            }
            Visit::Unreadable(w) => {
                result.skipped.unreadable += 1;
                result.warnings.push(w);
            }
        }
    }
}

/// Why a file was skipped for its size, and how to scan it.
pub(crate) fn too_large_note(path: &str, len: u64, max: u64) -> String {
    format!(
        "{path}: skipped, {len} bytes is larger than --max-file-size ({max} bytes); raise it to scan the file"
    )
}

/// Opens `entry` for reading; the error is a warning line naming the path.
pub(crate) fn open(entry: &FileEntry) -> std::result::Result<File, String> {
    File::open(&entry.path).map_err(|e| read_warning(entry, &e))
}

/// The warning for a file that could not be read (counted, not fatal).
pub(crate) fn read_warning(entry: &FileEntry, e: &std::io::Error) -> String {
    format!("{}: cannot read: {}", entry.display, io_reason(e))
}

/// Largest configuration, rule, ignore or baseline file leakguard reads.
pub(crate) const MAX_SETTINGS_FILE: u64 = 64 << 20;

/// Reads a settings file (config, rule file, baseline, gitleaks config) as
/// text. These paths can come from a scanned repository's `.leakguard.toml`,
/// so a FIFO, a device (`/dev/zero`) or a huge file is refused instead of
/// hanging or filling memory. Errors are reasons without "(os error N)".
pub fn read_settings_file(path: &Path) -> std::result::Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_SETTINGS_FILE {
        return Err(format!("larger than {} MiB", MAX_SETTINGS_FILE >> 20));
    }
    let mut text = String::new();
    File::open(path)
        .and_then(|f| {
            use std::io::Read;
            f.take(MAX_SETTINGS_FILE).read_to_string(&mut text)
        })
        .map_err(|e| io_reason(&e))?;
    Ok(text)
}

fn slashes(s: &str) -> String {
    if std::path::MAIN_SEPARATOR == '/' {
        s.to_string()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}
