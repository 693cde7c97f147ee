//! Object reads for history scans: trees for the walk, blobs for the
//! scanners, from many threads at once, through one mapping of the packs.
//!
//! A history scan reads every object of a repository once. The pack files
//! are opened here with gitoxide's pack reader (index lookups, entry
//! parsing, inflating with zlib-rs and delta resolution are all its work);
//! this module only decides the order in which a delta chain is resolved
//! and which results are kept, and keeps the mapped pages in check.
//! Objects outside the packs (loose objects, alternates) are read through
//! gitoxide's object store. libgit2 (git2) still does everything else:
//! opening and discovering the repository, the commit walk, refs, commit
//! metadata and staged diffs.
//!
//! Why not libgit2 or gitoxide's object store: libgit2 serialises pack
//! access behind process-wide locks and maps the packs a second time, and
//! gitoxide's store keeps only the object asked for, so reading a file's
//! versions oldest first (the walk's order; git stores the newest version
//! whole and older ones as deltas against it) resolved each chain from its
//! base again and again.

use git2::Oid;
use gix::odb::pack::cache::DecodeEntry;
use gix::odb::pack::data::decode::entry::ResolvedBase;
use gix::odb::pack::data::decode::header::ResolvedBase as HeaderBase;
use gix::odb::pack::data::entry::Header;
use gix::odb::pack::Bundle;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

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

/// Inflated delta bases kept per blob-reading thread. 8 MB was as fast as
/// 16 MB on the 150,000-commit benchmark history.
const BLOB_CACHE_BYTES: usize = 8 << 20;

/// Inflated objects the tree walk keeps: every version of a directory
/// listing it resolved on the way to an older one (libgit2's delta-base
/// cache, which the walk used before, keeps 16 MB).
const WALK_CACHE_BYTES: usize = 16 << 20;

/// The repository's object database, opened once and shared by threads;
/// each thread reads through its own [`Objects`].
///
/// The packs are mapped whole, and a scan reads every object, so without
/// care each pack would end up resident in the process (a 185 MB pack and
/// its 42 MB index on the benchmark history). So every so often the
/// readers check how much file-backed memory the process has resident;
/// above [`RESIDENT_FILE_LIMIT`] the packs are opened afresh and each
/// thread moves to them at its next read, which unmaps the old mappings
/// once the last thread has left them. The pages stay in the kernel's page
/// cache, so reading them again costs no disk access.
pub(crate) struct SharedObjects {
    git_dir: PathBuf,
    /// The open packs and their generation.
    current: RwLock<(u64, Arc<Packs>)>,
    generation: AtomicU64,
    reads: AtomicU64,
    /// [`RESIDENT_FILE_LIMIT`], lowered by tests.
    resident_limit: u64,
    /// Loose objects (a plain directory of files: nothing to map).
    loose: gix::odb::loose::Store,
    /// gitoxide's whole object store, for objects neither in the packs
    /// nor loose (alternates): opened at the first such object.
    others: OnceLock<Result<gix::ThreadSafeRepository, String>>,
}

/// A repository's pack files with their indexes, newest first.
struct Packs(Vec<Bundle>);

impl Packs {
    /// Which pack holds `id`, and where.
    fn locate(&self, id: &gix::oid) -> Option<(&Bundle, u64)> {
        self.0.iter().find_map(|bundle| {
            let index = bundle.index.lookup(id)?;
            Some((bundle, bundle.index.pack_offset_at_index(index)))
        })
    }
}

/// File-backed memory (pack and index mappings, the executable) the process
/// may have resident before the packs are opened afresh.
const RESIDENT_FILE_LIMIT: u64 = 192 << 20;

/// Reads between two looks at the resident size (a look reads a small
/// /proc file: about 10 µs).
const CHECK_EVERY: u64 = 256;

impl SharedObjects {
    /// Opens the object database of the repository whose git directory is
    /// `git_dir` (as libgit2 found it). Only the repository's own files
    /// are read: no global or system git configuration, no environment.
    pub(crate) fn open(git_dir: &Path) -> Result<SharedObjects, String> {
        let objects = objects_dir(git_dir);
        Ok(SharedObjects {
            git_dir: git_dir.to_path_buf(),
            current: RwLock::new((0, Arc::new(open_packs(&objects)?))),
            generation: AtomicU64::new(0),
            reads: AtomicU64::new(0),
            resident_limit: RESIDENT_FILE_LIMIT,
            loose: gix::odb::loose::Store::at(objects, gix::hash::Kind::Sha1),
            others: OnceLock::new(),
        })
    }

    /// A handle for a thread that reads blobs: each is read once, so only
    /// the results of recent delta chains are kept.
    pub(crate) fn for_thread(&self) -> Objects<'_> {
        self.handle(BLOB_CACHE_BYTES, false)
    }

    /// A handle for the tree walk, which reads each directory's versions
    /// oldest first: the versions a chain passes through on the way to
    /// the one asked for are kept, as they are the next ones asked for.
    pub(crate) fn for_walk(&self) -> Objects<'_> {
        self.handle(WALK_CACHE_BYTES, true)
    }

    fn handle(&self, cache_bytes: usize, keep_chains: bool) -> Objects<'_> {
        Objects {
            generation: self.generation.load(Ordering::Acquire),
            shared: self,
            inflate: Default::default(),
            cache: DeltaCache::new(cache_bytes),
            keep_chains,
            chain: Vec::new(),
            others: None,
        }
    }

    /// Counts a read; now and then, opens the packs afresh when too much
    /// of the old mappings is resident.
    fn count_read(&self) {
        let n = self.reads.fetch_add(1, Ordering::Relaxed);
        if n % CHECK_EVERY != CHECK_EVERY - 1 {
            return;
        }
        if resident_file_bytes().is_none_or(|bytes| bytes <= self.resident_limit) {
            return;
        }
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        // Another thread may have reopened them while this one waited.
        if current.0 != self.generation.load(Ordering::Acquire) {
            return;
        }
        if let Ok(packs) = open_packs(&objects_dir(&self.git_dir)) {
            *current = (current.0 + 1, Arc::new(packs));
            self.generation.store(current.0, Ordering::Release);
        }
    }
}

/// The objects directory: a linked work tree's git directory names the
/// main one's in its `commondir` file.
fn objects_dir(git_dir: &Path) -> PathBuf {
    match std::fs::read_to_string(git_dir.join("commondir")) {
        Ok(common) if !common.trim().is_empty() => git_dir.join(common.trim()).join("objects"),
        _ => git_dir.join("objects"),
    }
}

/// Opens every pack in `objects/pack` that has its index, newest first
/// (recent objects are looked up most).
fn open_packs(objects: &Path) -> Result<Packs, String> {
    let dir = objects.join("pack");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Packs(Vec::new())),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    let mut bundles = Vec::new();
    for entry in entries.flatten() {
        let index = entry.path();
        if index.extension().is_none_or(|e| e != "idx") || !index.with_extension("pack").is_file() {
            continue;
        }
        let bundle = Bundle::at(&index, gix::hash::Kind::Sha1)
            .map_err(|e| crate::text::one_line(&format!("{}: {e}", index.display())))?;
        let modified = entry.metadata().and_then(|m| m.modified()).ok();
        bundles.push((modified, bundle));
    }
    bundles.sort_by_key(|b| std::cmp::Reverse(b.0));
    Ok(Packs(bundles.into_iter().map(|(_, b)| b).collect()))
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

/// Inflated objects by (pack, entry offset), the least recently used
/// dropped first beyond a number of bytes. gitoxide asks it for each delta
/// of a chain it resolves and stops at the first it has.
struct DeltaCache(clru::CLruCache<(u32, u64), Cached, std::hash::RandomState, ByLength>);

struct Cached {
    data: Vec<u8>,
    kind: gix::objs::Kind,
    compressed_size: usize,
}

/// Weighs a cached object by its length.
struct ByLength;

impl clru::WeightScale<(u32, u64), Cached> for ByLength {
    fn weight(&self, _: &(u32, u64), value: &Cached) -> usize {
        value.data.len()
    }
}

impl DeltaCache {
    fn new(bytes: usize) -> DeltaCache {
        let capacity = std::num::NonZeroUsize::new(bytes.max(1)).expect("at least 1");
        DeltaCache(clru::CLruCache::with_config(
            clru::CLruCacheConfig::new(capacity).with_scale(ByLength),
        ))
    }

    fn contains(&self, pack: u32, offset: u64) -> bool {
        self.0.contains(&(pack, offset))
    }
}

impl DecodeEntry for DeltaCache {
    fn put(
        &mut self,
        pack: u32,
        offset: u64,
        data: &[u8],
        kind: gix::objs::Kind,
        compressed_size: usize,
    ) {
        // Too large to keep: refused (and dropped) by the cache itself.
        let _ = self.0.put_with_weight(
            (pack, offset),
            Cached {
                data: data.to_vec(),
                kind,
                compressed_size,
            },
        );
    }

    fn get(
        &mut self,
        pack: u32,
        offset: u64,
        out: &mut Vec<u8>,
    ) -> Option<(gix::objs::Kind, usize)> {
        let cached = self.0.get(&(pack, offset))?;
        out.clear();
        out.extend_from_slice(&cached.data);
        Some((cached.kind, cached.compressed_size))
    }
}

/// One thread's handle on the object database.
///
/// It holds the packs only during a read: a handle left idle (a scanner
/// waiting for the next batch) must not keep an old generation's mappings
/// alive after the packs were opened afresh.
pub(crate) struct Objects<'s> {
    /// The generation of the packs the cache's offsets belong to.
    generation: u64,
    shared: &'s SharedObjects,
    inflate: gix::features::zlib::Inflate,
    cache: DeltaCache,
    /// Resolve a chain's deltas one by one, keeping each (see
    /// [`SharedObjects::for_walk`]).
    keep_chains: bool,
    /// Offsets of the deltas to resolve first (scratch).
    chain: Vec<u64>,
    /// A handle on gitoxide's whole store, once one was needed.
    others: Option<gix::Repository>,
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

fn one_line(e: impl std::fmt::Display) -> String {
    crate::text::one_line(&e.to_string())
}

/// The entry at `offset` of `bundle`'s pack, checked to lie inside it
/// (gitoxide asserts it: a corrupt index or delta would panic).
fn entry_at(bundle: &Bundle, offset: u64) -> Result<gix::odb::pack::data::Entry, String> {
    // The pack's 12-byte header comes first, its checksum last.
    if offset < 12 || offset >= bundle.pack.pack_end() as u64 {
        return Err("corrupt pack: an object lies outside its pack".into());
    }
    bundle.pack.entry(offset).map_err(one_line)
}

/// A delta's base named by id (not by offset): in the same pack.
fn base_in(bundle: &Bundle, id: &gix::oid) -> Option<ResolvedBase> {
    let index = bundle.index.lookup(id)?;
    entry_at(bundle, bundle.index.pack_offset_at_index(index))
        .ok()
        .map(ResolvedBase::InPack)
}

/// [`base_in`] for reading an object's header.
fn header_base_in(bundle: &Bundle, id: &gix::oid) -> Option<HeaderBase> {
    let index = bundle.index.lookup(id)?;
    entry_at(bundle, bundle.index.pack_offset_at_index(index))
        .ok()
        .map(HeaderBase::InPack)
}

/// Longest delta chain followed before giving up (git writes at most 50;
/// a corrupt pack could loop).
const MAX_CHAIN: usize = 10_000;

impl Objects<'_> {
    /// Counts a read and returns the current packs, which this read
    /// holds until it is done.
    fn packs(&mut self) -> Arc<Packs> {
        self.shared.count_read();
        let (generation, packs) = &*self
            .shared
            .current
            .read()
            .unwrap_or_else(|e| e.into_inner());
        if *generation != self.generation {
            self.generation = *generation;
            // Offsets of another generation's packs mean nothing now.
            self.cache.0.clear();
        }
        Arc::clone(packs)
    }

    /// The object's kind and size, without inflating it.
    pub(crate) fn header(&mut self, oid: Oid) -> Result<(Kind, u64), String> {
        let packs = self.packs();
        let id = gix_id(oid);
        let Some((bundle, offset)) = packs.locate(&id) else {
            if let Some((size, kind)) = self.shared.loose.try_header(&id).map_err(one_line)? {
                return Ok((kind.into(), size));
            }
            use gix::objs::FindHeader;
            let h = found(self.others()?.objects.try_header(&id))?;
            return Ok((h.kind.into(), h.size));
        };
        let entry = entry_at(bundle, offset)?;
        let outcome = bundle
            .pack
            .decode_header(entry, &mut self.inflate, &|id| header_base_in(bundle, id))
            .map_err(one_line)?;
        Ok((outcome.kind.into(), outcome.object_size))
    }

    /// Reads the object into `buf`; returns its kind and bytes.
    pub(crate) fn read<'b>(
        &mut self,
        oid: Oid,
        buf: &'b mut Vec<u8>,
    ) -> Result<(Kind, &'b [u8]), String> {
        let packs = self.packs();
        let id = gix_id(oid);
        let Some((bundle, offset)) = packs.locate(&id) else {
            if self.shared.loose.contains(&id) {
                let data = found(self.shared.loose.try_find(&id, buf))?;
                return Ok((data.kind.into(), data.data));
            }
            use gix::objs::Find;
            let data = found(self.others()?.objects.try_find(&id, buf))?;
            return Ok((data.kind.into(), data.data));
        };
        if self.keep_chains {
            self.resolve_bases(bundle, offset, buf)?;
        }
        let entry = entry_at(bundle, offset)?;
        let outcome = bundle
            .pack
            .decode_entry(
                entry,
                buf,
                &mut self.inflate,
                &|id, _| base_in(bundle, id),
                &mut self.cache,
            )
            .map_err(one_line)?;
        Ok((outcome.kind.into(), &buf[..]))
    }

    /// Resolves, oldest first, the deltas between the object at `offset`
    /// and the nearest base already kept (or a whole object), keeping each
    /// one: the object itself is then one delta away.
    fn resolve_bases(
        &mut self,
        bundle: &Bundle,
        offset: u64,
        scratch: &mut Vec<u8>,
    ) -> Result<(), String> {
        self.chain.clear();
        let mut at = offset;
        loop {
            let entry = entry_at(bundle, at)?;
            if self.cache.contains(bundle.pack.id, entry.data_offset) {
                break;
            }
            let base = match entry.header {
                Header::OfsDelta { base_distance } => at
                    .checked_sub(base_distance)
                    .ok_or("corrupt pack: a delta's base lies before the pack")?,
                Header::RefDelta { base_id } => match bundle.index.lookup(base_id) {
                    Some(index) => bundle.index.pack_offset_at_index(index),
                    None => break,
                },
                _ => break,
            };
            if at != offset {
                self.chain.push(at);
            }
            if self.chain.len() > MAX_CHAIN {
                return Err("corrupt pack: a delta chain does not end".into());
            }
            at = base;
        }
        for &at in self.chain.iter().rev() {
            let entry = entry_at(bundle, at)?;
            bundle
                .pack
                .decode_entry(
                    entry,
                    scratch,
                    &mut self.inflate,
                    &|id, _| base_in(bundle, id),
                    &mut self.cache,
                )
                .map_err(one_line)?;
        }
        Ok(())
    }

    /// gitoxide's whole object store, for objects outside the packs and
    /// the loose objects.
    fn others(&mut self) -> Result<&mut gix::Repository, String> {
        if self.others.is_none() {
            let store = self
                .shared
                .others
                .get_or_init(|| open_store(&self.shared.git_dir))
                .as_ref()
                .map_err(Clone::clone)?;
            let mut repo = store.to_thread_local();
            repo.object_cache_size(0);
            self.others = Some(repo);
        }
        Ok(self.others.as_mut().expect("opened above"))
    }
}

fn open_store(git_dir: &Path) -> Result<gix::ThreadSafeRepository, String> {
    let options = gix::open::Options::isolated().open_path_as_is(true);
    gix::ThreadSafeRepository::open_opts(git_dir, options)
        .map_err(|e| crate::text::one_line(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::git::test_repo;

    /// A repository whose one file had `versions` versions, one commit
    /// each, packed by libgit2 (which stores most versions as deltas);
    /// the file's blob ids, oldest first.
    fn packed_history(dir: &Path, versions: usize) -> (git2::Repository, Vec<Oid>) {
        let repo = git2::Repository::init(dir).unwrap();
        let mut text: Vec<String> = (0..200)
            .map(|i| format!("line {i} of a long file\n"))
            .collect();
        let mut blobs = Vec::new();
        let mut parent: Option<Oid> = None;
        for v in 0..versions {
            text[(v * 37) % 200] = format!("line edited in version {v}\n");
            let blob = repo.blob(text.concat().as_bytes()).unwrap();
            blobs.push(blob);
            let mut tree = repo.treebuilder(None).unwrap();
            tree.insert("file.txt", blob, 0o100644).unwrap();
            let tree = repo.find_tree(tree.write().unwrap()).unwrap();
            let parents: Vec<Oid> = parent.into_iter().collect();
            parent = Some(test_repo::commit(&repo, Some("HEAD"), "c", &tree, &parents));
        }
        test_repo::pack_head(&repo);
        (repo, blobs)
    }

    /// Deltas in the repository's packs.
    fn deltas(shared: &SharedObjects) -> usize {
        let (_, packs) = &*shared.current.read().unwrap();
        let mut n = 0;
        for bundle in &packs.0 {
            for i in 0..bundle.index.num_objects() {
                let entry = bundle
                    .pack
                    .entry(bundle.index.pack_offset_at_index(i))
                    .unwrap();
                n += usize::from(entry.header.is_delta());
            }
        }
        n
    }

    #[test]
    fn packed_versions_read_oldest_first_are_the_objects_libgit2_reads() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, blobs) = packed_history(dir.path(), 60);
        let shared = SharedObjects::open(repo.path()).unwrap();
        assert!(deltas(&shared) > 40, "{} deltas", deltas(&shared));
        let odb = repo.odb().unwrap();
        // The walk's handle (chains kept), a blob reader's, and a walk
        // handle whose cache holds nothing, so every chain is resolved
        // from its base.
        let mut tiny = shared.for_walk();
        tiny.cache = DeltaCache::new(1);
        for mut objects in [shared.for_walk(), shared.for_thread(), tiny] {
            let mut buf = Vec::new();
            for oid in &blobs {
                let expected = odb.read(*oid).unwrap();
                let (kind, size) = objects.header(*oid).unwrap();
                assert_eq!((kind, size), (Kind::Blob, expected.len() as u64));
                let (kind, data) = objects.read(*oid, &mut buf).unwrap();
                assert_eq!(kind, Kind::Blob);
                assert!(data == expected.data(), "blob {oid} differs");
            }
            // Commits and trees too.
            let head = repo.head().unwrap().peel_to_commit().unwrap();
            let (kind, data) = objects.read(head.id(), &mut buf).unwrap();
            assert_eq!(
                (kind, data),
                (Kind::Commit, odb.read(head.id()).unwrap().data())
            );
            let (kind, data) = objects.read(head.tree_id(), &mut buf).unwrap();
            assert_eq!(
                (kind, data),
                (Kind::Tree, odb.read(head.tree_id()).unwrap().data())
            );
        }
    }

    #[test]
    fn objects_outside_the_packs_are_read_and_missing_ones_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, _) = packed_history(dir.path(), 3);
        let loose = repo.blob(b"written after the pack").unwrap();
        let shared = SharedObjects::open(repo.path()).unwrap();
        let mut objects = shared.for_thread();
        let mut buf = Vec::new();
        assert_eq!(objects.header(loose).unwrap(), (Kind::Blob, 22));
        let (_, data) = objects.read(loose, &mut buf).unwrap();
        assert_eq!(data, b"written after the pack");
        let missing = Oid::from_str("0123456789012345678901234567890123456789").unwrap();
        assert!(objects.read(missing, &mut buf).is_err());
        assert!(objects.header(missing).is_err());
    }

    #[test]
    fn a_handle_between_reads_holds_no_packs() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, blobs) = packed_history(dir.path(), 3);
        let shared = SharedObjects::open(repo.path()).unwrap();
        let mut objects = shared.for_walk();
        let mut buf = Vec::new();
        objects.read(blobs[0], &mut buf).unwrap();
        objects.header(blobs[1]).unwrap();
        // Only the shared state holds them: packs opened afresh would
        // unmap these at once.
        let (_, packs) = &*shared.current.read().unwrap();
        assert_eq!(Arc::strong_count(packs), 1);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn readers_move_to_reopened_packs_and_read_the_same_objects() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, blobs) = packed_history(dir.path(), 2 * CHECK_EVERY as usize);
        let odb = repo.odb().unwrap();
        let mut shared = SharedObjects::open(repo.path()).unwrap();
        // Any resident file-backed memory is too much: reopen at every look.
        shared.resident_limit = 0;
        let mut objects = shared.for_walk();
        let mut buf = Vec::new();
        for oid in &blobs {
            let (_, data) = objects.read(*oid, &mut buf).unwrap();
            assert!(data == odb.read(*oid).unwrap().data(), "blob {oid} differs");
        }
        // One look every CHECK_EVERY reads, each reopening.
        assert_eq!(shared.generation.load(Ordering::Acquire), 2);
        assert_eq!(objects.generation, 2);
    }
}
