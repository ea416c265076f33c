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
        return Err(Error::Internal(format!(
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
}

/// The files with extension `ext` under `dir` (one level of subfolders for members), skipping
/// temporary files. Empty files are returned too: the reader says they are still arriving.
pub fn list(space_dir: &Path, sub: &str, ext: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let root = space_dir.join(sub);
    let mut dirs = vec![root];
    let mut depth = 0;
    while !dirs.is_empty() && depth < 2 {
        let mut next = Vec::new();
        for dir in dirs {
            let Ok(items) = std::fs::read_dir(&dir) else { continue };
            for item in items.flatten() {
                let path = item.path();
                let name = item.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || name.ends_with(".tmp") || name.starts_with("~$") {
                    continue;
                }
                if path.is_dir() {
                    next.push(path);
                } else if name.contains(&format!(".{ext}")) {
                    let rel = path
                        .strip_prefix(space_dir)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .into_owned();
                    found.push(Found { path, name: rel });
                }
            }
        }
        dirs = next;
        depth += 1;
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
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
}
