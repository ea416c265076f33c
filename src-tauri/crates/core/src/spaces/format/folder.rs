//! A space's files in the folder the team already syncs. Nothing in a path is personal: the
//! space and every author's folder are random ids.
//!
//! ```text
//! <folder>/eftertanke-<space id>/
//!     rosters/<epoch>-<hash>.roster          signed by the lead, encrypted to the members
//!     members/<pseudonym>/<seq>-<hash>.bundle one member's bundles, in order
//!     anonymous/<random id>.bundle           bundles that say only "a member wrote this"
//! ```
//!
//! Every file is written once: to a hidden temporary name, synced, renamed, the folder synced;
//! never rewritten. Readers skip temporary files, read a carrier's conflict copies and renamed
//! duplicates like any other file (the hash makes a copy harmless), and leave files that have
//! not arrived yet (empty placeholders) for a later read. A missing file is never a deletion.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

pub const ROSTER_EXT: &str = "roster";
pub const BUNDLE_EXT: &str = "bundle";

pub fn space_dir(folder: &Path, space: &str) -> PathBuf {
    folder.join(format!("eftertanke-{space}"))
}

pub fn rosters_dir(folder: &Path, space: &str) -> PathBuf {
    space_dir(folder, space).join("rosters")
}

pub fn member_dir(folder: &Path, space: &str, pseudonym: &str) -> PathBuf {
    space_dir(folder, space).join("members").join(pseudonym)
}

pub fn anonymous_dir(folder: &Path, space: &str) -> PathBuf {
    space_dir(folder, space).join("anonymous")
}

/// The folder must be there: a shared folder that vanished (a USB stick pulled, a share not
/// mounted) is said so, and never taken for an empty space.
pub fn check_folder(folder: &Path) -> Result<()> {
    if folder.is_dir() {
        Ok(())
    } else {
        Err(Error::Unwritable {
            path: folder.to_path_buf(),
            reason: "the space's shared folder is not there (a drive not connected, a share not mounted, or \
                     a folder moved); connect it and try again — nothing was changed"
                .into(),
        })
    }
}

/// Writes `bytes` as the new file `dir/name`, never over an existing one.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|e| refusal(dir, &e))?;
    let target = dir.join(name);
    let temp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::now_v7().simple()));
    let written = (|| {
        let mut f = std::fs::File::create_new(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(refusal(dir, &e));
    }
    if target.exists() {
        let _ = std::fs::remove_file(&temp);
        return Err(Error::internal(format!(
            "{} exists already; files in a space are never rewritten",
            target.display()
        )));
    }
    std::fs::rename(&temp, &target).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        refusal(dir, &e)
    })?;
    crate::files::atomic_file::sync_dir(dir)?;
    Ok(target)
}

/// A write into the shared folder refused: named by the folder (not the temporary file), and
/// saying that nothing was written, since the journal's own transaction is not committed.
fn refusal(dir: &Path, e: &std::io::Error) -> Error {
    match Error::from_io(dir, e) {
        Error::Unwritable { path, reason } => Error::Unwritable {
            path,
            reason: format!(
                "{reason}; the team's shared folder cannot be written from here (read-only, or no \
                 permission), so nothing was written and nothing changed"
            ),
        },
        other => other,
    }
}

/// A file found in a space's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// The path below the space's folder, for messages and the record of what was read.
    pub name: String,
    /// What the listing saw of it, without opening it: a file unchanged since the last read
    /// (the same size, modification time and file id) is neither read nor hashed again.
    pub stat: Stat,
}

/// A file's size, modification time (ns) and identity (device and inode, or the volume's file
/// index) as the listing saw them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stat {
    pub size: u64,
    pub modified_ns: i64,
    pub file_id: u64,
}

impl Stat {
    fn of(meta: &std::fs::Metadata) -> Self {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        #[cfg(unix)]
        let file_id = {
            use std::os::unix::fs::MetadataExt;
            meta.ino() ^ meta.dev().rotate_left(32)
        };
        #[cfg(not(unix))]
        let file_id = 0;
        Self {
            size: meta.len(),
            modified_ns,
            file_id,
        }
    }
}

/// The most files one listing of a space's subfolder takes: far above a team's (20 members ×
/// 500 bundles is 10,000); past it, the rest of the folder is left for the person to clear up
/// and the status says so.
pub const MAX_FILES_LISTED: usize = 50_000;

/// What a listing found: Eftertanke's files, and how many other things lie there (files of
/// another kind, links, pipes, devices), which are left alone and never opened.
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<Found>,
    /// Names of things that are not Eftertanke's files, below the space's folder.
    pub others: Vec<String>,
    /// More entries than [`MAX_FILES_LISTED`]: the listing stopped there.
    pub cut: bool,
}

/// The files with extension `ext` under `dir` (one level of subfolders for members), skipping
/// temporary files. Only regular files count: a link is never followed, and a pipe, socket or
/// device is never opened. Empty files are returned too: the reader says they are still
/// arriving.
pub fn list(space_dir: &Path, sub: &str, ext: &str) -> Vec<Found> {
    list_all(space_dir, sub, ext).files
}

/// [`list`], with the things that are not Eftertanke's counted.
pub fn list_all(space_dir: &Path, sub: &str, ext: &str) -> Listing {
    let mut listing = Listing::default();
    let root = space_dir.join(sub);
    let rel = |path: &Path| {
        path.strip_prefix(space_dir)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    };
    let mut dirs = vec![root];
    let mut depth = 0;
    let mut seen = 0usize;
    let wanted = format!(".{ext}");
    'walk: while !dirs.is_empty() && depth < 2 {
        let mut next = Vec::new();
        for dir in dirs {
            let Ok(items) = std::fs::read_dir(&dir) else { continue };
            for item in items.flatten() {
                seen += 1;
                if seen > MAX_FILES_LISTED {
                    listing.cut = true;
                    break 'walk;
                }
                let path = item.path();
                let name = item.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || name.ends_with(".tmp") || name.starts_with("~$") {
                    continue;
                }
                // The entry's own type: a symbolic link is a link, wherever it points.
                let Ok(kind) = item.file_type() else { continue };
                if kind.is_dir() {
                    next.push(path);
                } else if kind.is_file() && name.contains(&wanted) {
                    let Ok(meta) = item.metadata() else { continue };
                    listing.files.push(Found {
                        name: rel(&path),
                        stat: Stat::of(&meta),
                        path,
                    });
                } else {
                    listing.others.push(rel(&path));
                }
            }
        }
        dirs = next;
        depth += 1;
    }
    listing.files.sort_by(|a, b| a.name.cmp(&b.name));
    listing
}

/// Why a file of the folder was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Gone between the listing and the read (a sync client moved it): read again later.
    Gone,
    /// Not a regular file now (replaced by a link, a pipe or a device since the listing).
    NotRegular,
    /// Larger than any file Eftertanke writes.
    TooLarge,
}

/// A file's bytes, read defensively: opened without following a link and without waiting on
/// a pipe, checked to be a regular file of at most `most` bytes before anything is read, and
/// read no further than that even if it grows meanwhile.
pub fn read_bounded(path: &Path, most: u64) -> std::result::Result<Vec<u8>, Unread> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    if std::fs::symlink_metadata(path).map(|m| !m.is_file()).unwrap_or(true) {
        return Err(Unread::NotRegular);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Unread::Gone),
        Err(_) => return Err(Unread::NotRegular),
    };
    let meta = file.metadata().map_err(|_| Unread::Gone)?;
    if !meta.is_file() {
        return Err(Unread::NotRegular);
    }
    if meta.len() > most {
        return Err(Unread::TooLarge);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(most + 1).read_to_end(&mut bytes).map_err(|_| Unread::Gone)?;
    if bytes.len() as u64 > most {
        return Err(Unread::TooLarge);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_once_and_listed_without_temporary_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = member_dir(tmp.path(), "s", "p");
        write_new(&dir, "00000001-ab.bundle", b"one").unwrap();
        assert!(write_new(&dir, "00000001-ab.bundle", b"two").is_err());
        assert_eq!(std::fs::read(dir.join("00000001-ab.bundle")).unwrap(), b"one");
        std::fs::write(dir.join(".00000002-cd.bundle.x.tmp"), b"half").unwrap();
        std::fs::write(dir.join("00000001-ab.sync-conflict-20261202-ABC.bundle"), b"one").unwrap();
        std::fs::write(dir.join("00000001-ab (1).bundle"), b"one").unwrap();
        let names: Vec<String> = list(&space_dir(tmp.path(), "s"), "members", BUNDLE_EXT)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.iter().all(|n| !n.contains(".tmp")));
        assert!(check_folder(&tmp.path().join("gone")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn links_pipes_and_huge_files_are_never_read() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = member_dir(tmp.path(), "s", "p");
        write_new(&dir, "00000001-ab.bundle", b"one").unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.join("00000002-cd.bundle")).unwrap();
        let fifo = dir.join("00000003-ef.bundle");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let huge = dir.join("00000004-aa.bundle");
        std::fs::File::create(&huge).unwrap().set_len(4 << 30).unwrap();
        std::fs::write(dir.join("notes.txt"), b"x").unwrap();
        let listing = list_all(&space_dir(tmp.path(), "s"), "members", BUNDLE_EXT);
        let names: Vec<&str> = listing.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names.len(), 2, "only the regular files: {names:?}");
        assert_eq!(
            listing.others.len(),
            3,
            "the link, the pipe and the text file: {:?}",
            listing.others
        );
        assert_eq!(read_bounded(&dir.join("00000001-ab.bundle"), 10), Ok(b"one".to_vec()));
        assert_eq!(read_bounded(&huge, 1 << 20), Err(Unread::TooLarge));
        // Reached directly (as if it were swapped in after the listing), neither blocks nor grows.
        assert_eq!(
            read_bounded(&dir.join("00000002-cd.bundle"), 1 << 20),
            Err(Unread::NotRegular)
        );
        assert_eq!(read_bounded(&fifo, 1 << 20), Err(Unread::NotRegular));
        assert_eq!(read_bounded(&dir.join("gone.bundle"), 10), Err(Unread::Gone));
    }
}
