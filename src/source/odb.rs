//! Blob reads for history scans, from many threads at once.
//!
//! A history scan reads every unique blob of a repository once, from every
//! core, while another thread walks the trees. libgit2 serialises pack
//! access behind process-wide locks, so threads reading through it mostly
//! wait for each other (two threads walking trees took as long as one, at
//! twice the CPU); gitoxide gives each thread its own handle on the shared,
//! memory-mapped packs and inflates with zlib-rs. libgit2 (git2) still does
//! everything else: opening and discovering the repository, the commit and
//! tree walk, refs, commit metadata and staged diffs.

use git2::Oid;
use gix::objs::{Find, FindHeader};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;

/// What an object is, for the callers that care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// File content (or a symbolic link's target).
    Blob,
    /// A directory listing.
    Tree,
    /// A commit (or, inside a tree, a submodule).
    Commit,
    /// An annotated tag.
    Tag,
}

impl From<gix::objs::Kind> for Kind {
    fn from(kind: gix::objs::Kind) -> Kind {
        match kind {
            gix::objs::Kind::Blob => Kind::Blob,
            gix::objs::Kind::Tree => Kind::Tree,
            gix::objs::Kind::Commit => Kind::Commit,
            gix::objs::Kind::Tag => Kind::Tag,
        }
    }
}

/// Inflated delta bases kept per thread.
const PACK_CACHE_BYTES: usize = 16 << 20;

/// The repository's object database, opened once and shared by threads;
/// each thread reads through its own [`Objects`].
///
/// gitoxide maps each pack file whole, and a history scan reads every blob,
/// so without care the whole pack ends up resident in the process (194 MB
/// of a 150,000-commit history's 616 MB peak). So every so often the
/// readers check how much file-backed memory the process has resident;
/// above [`RESIDENT_FILE_LIMIT`] the store is opened afresh and each
/// thread moves to it at its next read, which unmaps the old mapping once
/// the last thread has left it. The pages stay in the kernel's page cache,
/// so reading them again costs no disk access.
pub(crate) struct SharedObjects {
    git_dir: std::path::PathBuf,
    /// The open store and its generation.
    current: RwLock<(u64, gix::ThreadSafeRepository)>,
    generation: AtomicU64,
    reads: AtomicU64,
    /// [`RESIDENT_FILE_LIMIT`], lowered by tests.
    resident_limit: u64,
}

/// File-backed memory (pack and index mappings, the executable) the process
/// may have resident before the blob readers reopen the store.
const RESIDENT_FILE_LIMIT: u64 = 224 << 20;

/// Reads between two looks at the resident size (a look reads a small
/// /proc file: about 10 µs).
const CHECK_EVERY: u64 = 256;

impl SharedObjects {
    /// Opens the object database of the repository whose git directory is
    /// `git_dir` (as libgit2 found it). Only the repository's own settings
    /// are read: no global or system git configuration, no environment.
    pub(crate) fn open(git_dir: &Path) -> Result<SharedObjects, String> {
        Ok(SharedObjects {
            git_dir: git_dir.to_path_buf(),
            current: RwLock::new((0, open_store(git_dir)?)),
            generation: AtomicU64::new(0),
            reads: AtomicU64::new(0),
            resident_limit: RESIDENT_FILE_LIMIT,
        })
    }

    /// A handle for the calling thread.
    pub(crate) fn for_thread(&self) -> Objects<'_> {
        let (generation, store) = &*self.current.read().unwrap_or_else(|e| e.into_inner());
        let mut repo = store.to_thread_local();
        // Each blob is read once: an object cache only costs.
        repo.object_cache_size(0);
        // But blobs are stored as chains of deltas against each other, so
        // the objects those chains share are worth keeping inflated. 16 MB
        // per thread was as fast as 64 MB on the 20,000-commit benchmark,
        // with 110 MB less peak memory.
        repo.objects.set_pack_cache(|| {
            Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
                PACK_CACHE_BYTES,
            ))
        });
        Objects {
            repo,
            generation: *generation,
            shared: self,
        }
    }

    /// Counts a read; now and then, opens the store afresh when too much of
    /// the old one's mappings is resident.
    fn count_read(&self) {
        let n = self.reads.fetch_add(1, Ordering::Relaxed);
        if n % CHECK_EVERY != CHECK_EVERY - 1 {
            return;
        }
        if resident_file_bytes().is_none_or(|bytes| bytes <= self.resident_limit) {
            return;
        }
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        // Another thread may have reopened it while this one waited.
        if current.0 != self.generation.load(Ordering::Acquire) {
            return;
        }
        if let Ok(store) = open_store(&self.git_dir) {
            *current = (current.0 + 1, store);
            self.generation.store(current.0, Ordering::Release);
        }
    }
}

fn open_store(git_dir: &Path) -> Result<gix::ThreadSafeRepository, String> {
    let options = gix::open::Options::isolated().open_path_as_is(true);
    gix::ThreadSafeRepository::open_opts(git_dir, options)
        .map_err(|e| crate::text::one_line(&e.to_string()))
}

/// The process's resident file-backed memory, where the system says it.
fn resident_file_bytes() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        // statm: size resident shared text lib data dt, in pages; `shared`
        // is the file-backed (and shared-memory) part of `resident`.
        let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
        let pages: u64 = statm.split_whitespace().nth(2)?.parse().ok()?;
        Some(pages * 4096)
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// One thread's handle on the object database.
pub(crate) struct Objects<'s> {
    repo: gix::Repository,
    generation: u64,
    shared: &'s SharedObjects,
}

fn gix_id(oid: Oid) -> gix::ObjectId {
    gix::ObjectId::try_from(oid.as_bytes())
        .unwrap_or_else(|_| gix::ObjectId::null(gix::hash::Kind::Sha1))
}

/// A lookup's outcome as a one-line reason when there is no object.
fn found<T, E: std::fmt::Display>(lookup: Result<Option<T>, E>) -> Result<T, String> {
    match lookup {
        Ok(Some(t)) => Ok(t),
        Ok(None) => Err("object not found".into()),
        Err(e) => Err(crate::text::one_line(&e.to_string())),
    }
}

impl Objects<'_> {
    /// Moves to the store's current generation if it was reopened.
    fn refresh(&mut self) {
        self.shared.count_read();
        if self.shared.generation.load(Ordering::Acquire) != self.generation {
            *self = self.shared.for_thread();
        }
    }

    /// The object's kind and size, without inflating it.
    pub(crate) fn header(&mut self, oid: Oid) -> Result<(Kind, u64), String> {
        self.refresh();
        let h = found(self.repo.objects.try_header(&gix_id(oid)))?;
        Ok((h.kind.into(), h.size))
    }

    /// Reads the object into `buf`; returns its kind and bytes.
    pub(crate) fn read<'b>(
        &mut self,
        oid: Oid,
        buf: &'b mut Vec<u8>,
    ) -> Result<(Kind, &'b [u8]), String> {
        let data = found(self.repo.objects.try_find(&gix_id(oid), buf))?;
        Ok((data.kind.into(), data.data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn readers_move_to_a_reopened_store_and_read_the_same_objects() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let blobs: Vec<Oid> = (0..3 * CHECK_EVERY)
            .map(|i| repo.blob(format!("content {i}").as_bytes()).unwrap())
            .collect();
        let mut shared = SharedObjects::open(repo.path()).unwrap();
        // Any resident file-backed memory is too much: reopen at every look.
        shared.resident_limit = 0;
        let mut objects = shared.for_thread();
        let mut buf = Vec::new();
        for (i, oid) in blobs.iter().enumerate() {
            assert_eq!(objects.header(*oid).unwrap().0, Kind::Blob);
            let (_, data) = objects.read(*oid, &mut buf).unwrap();
            assert_eq!(data, format!("content {i}").as_bytes());
        }
        assert_eq!(shared.generation.load(Ordering::Acquire), 3);
        assert_eq!(objects.generation, 3);
    }
}
