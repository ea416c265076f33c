//! Which kind of file system holds the data directory, and whether SQLite can be trusted there.
//!
//! SQLite's WAL mode needs shared memory and byte-range locks that behave the same for every
//! process touching the file. Network file systems (NFS, SMB/CIFS, AFP, WebDAV, sshfs) do not
//! promise that: two computers opening the same journal could both write and damage it, and
//! a dropped connection can lose a commit that was reported as synced. So such a directory is
//! refused before anything is created in it; sharing goes through bundles instead.
//!
//! The verdicts are pure functions of what the operating system reports (a Linux `statfs`
//! magic number, a mount's type name, a Windows path), so they are tested on any machine; only
//! [`file_system_of`] asks the operating system.

use std::path::Path;

/// Where a directory lives, as far as the database is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileSystem {
    /// A disk of this computer (or anything not known to be remote).
    Local,
    /// A network file system, named as the operating system names it ("nfs", "cifs", …).
    Network(&'static str),
}

/// Linux `statfs` magic numbers of network file systems (from `linux/magic.h` and the SMB
/// clients' sources).
const LINUX_NETWORK_MAGICS: &[(u32, &str)] = &[
    (0x6969, "nfs"),
    (0x517B, "smb"),
    (0xFF53_4D42, "cifs"),
    (0xFE53_4D42, "smb2"),
];

/// The magic number every FUSE file system reports; the mount table says which one it is.
pub const LINUX_FUSE_MAGIC: u32 = 0x6573_5546;

/// Classifies a Linux `statfs` `f_type`. FUSE file systems all share one magic number and are
/// reported as local here; [`classify_type_name`] decides them by the mount's type name.
pub fn classify_linux_magic(magic: u32) -> FileSystem {
    LINUX_NETWORK_MAGICS
        .iter()
        .find(|(m, _)| *m == magic)
        .map_or(FileSystem::Local, |(_, name)| FileSystem::Network(name))
}

/// Classifies a file system by its type name: a Linux mount type (`/proc/self/mounts`, such as
/// "nfs4" or "fuse.sshfs") or a macOS `f_fstypename` (such as "smbfs"). 9p (virtual machines,
/// WSL) is local enough: it is one machine, and SQLite's locks work across it.
pub fn classify_type_name(name: &str) -> FileSystem {
    const NETWORK: &[&str] = &[
        "nfs",
        "nfs4",
        "smb",
        "smbfs",
        "smb2",
        "smb3",
        "cifs",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.sshfs",
        "sshfs",
    ];
    let lower = name.to_ascii_lowercase();
    NETWORK
        .iter()
        .find(|n| **n == lower)
        .map_or(FileSystem::Local, |n| FileSystem::Network(n))
}

/// Classifies a path written the Windows way: a UNC path (`\\server\share\…`, or the
/// `\\?\UNC\…` long form) is on a network share. Drive letters mapped to a share are not seen
/// here; see [`file_system_of`].
pub fn classify_windows_path(path: &str) -> FileSystem {
    let unc = path.starts_with(r"\\") || path.starts_with("//");
    let device = path.starts_with(r"\\?\") || path.starts_with(r"\\.\");
    let long_unc = path.get(..8).is_some_and(|head| head.eq_ignore_ascii_case(r"\\?\UNC\"));
    if long_unc || (unc && !device) {
        FileSystem::Network("unc")
    } else {
        FileSystem::Local
    }
}

/// The type of the mount holding `path` (which must be absolute and free of `..`), from the
/// text of `/proc/self/mounts`: the longest mount point that contains it wins.
pub fn mount_type_at<'m>(mounts: &'m str, path: &Path) -> Option<&'m str> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(' ');
            let _source = fields.next()?;
            let point = unescape_mount_point(fields.next()?);
            let kind = fields.next()?;
            path.starts_with(&point).then_some((point, kind))
        })
        .max_by_key(|(point, _)| point.components().count())
        .map(|(_, kind)| kind)
}

/// Mount points in the mount table escape space, tab, newline and backslash as octal.
fn unescape_mount_point(raw: &str) -> std::path::PathBuf {
    raw.replace(r"\040", " ")
        .replace(r"\011", "\t")
        .replace(r"\012", "\n")
        .replace(r"\134", "\\")
        .into()
}

/// Asks the operating system which file system holds the existing directory `dir`.
#[cfg(target_os = "linux")]
pub fn file_system_of(dir: &Path) -> std::io::Result<FileSystem> {
    let stat = rustix::fs::statfs(dir)?;
    // `f_type` is a signed long on most targets; the magic numbers are its 32-bit pattern.
    #[allow(clippy::unnecessary_cast)]
    let magic = stat.f_type as u32;
    if magic != LINUX_FUSE_MAGIC {
        return Ok(classify_linux_magic(magic));
    }
    let dir = std::fs::canonicalize(dir)?;
    let mounts = std::fs::read_to_string("/proc/self/mounts")?;
    Ok(mount_type_at(&mounts, &dir).map_or(FileSystem::Local, classify_type_name))
}

/// Asks the operating system which file system holds the existing directory `dir`.
#[cfg(target_os = "macos")]
pub fn file_system_of(dir: &Path) -> std::io::Result<FileSystem> {
    let stat = rustix::fs::statfs(dir)?;
    let name: Vec<u8> = stat
        .f_fstypename
        .iter()
        .take_while(|c| **c != 0)
        .map(|c| *c as u8)
        .collect();
    Ok(classify_type_name(&String::from_utf8_lossy(&name)))
}

/// Asks the operating system which file system holds the existing directory `dir`.
///
/// Only UNC paths are recognised: `GetDriveTypeW` would also catch drive letters mapped to a
/// share, but it needs `unsafe` (forbidden in this workspace) or a Windows API crate we do not
/// otherwise depend on. The path is made absolute first, so a relative path below a share is
/// caught too.
#[cfg(windows)]
pub fn file_system_of(dir: &Path) -> std::io::Result<FileSystem> {
    let absolute = std::path::absolute(dir)?;
    Ok(classify_windows_path(&absolute.to_string_lossy()))
}

/// Other systems: nothing is known to be remote.
#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
pub fn file_system_of(_dir: &Path) -> std::io::Result<FileSystem> {
    Ok(FileSystem::Local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_network_magic_numbers_are_refused_and_local_ones_accepted() {
        for (magic, name) in [
            (0x6969, "nfs"),
            (0x517B, "smb"),
            (0xFF53_4D42, "cifs"),
            (0xFE53_4D42, "smb2"),
        ] {
            assert_eq!(
                classify_linux_magic(magic),
                FileSystem::Network(name),
                "{magic:#x} is a network file system, where SQLite's locks are not safe"
            );
        }
        for (magic, what) in [
            (0xEF53, "ext4"),
            (0x5846_5342, "xfs"),
            (0x9123_683E, "btrfs"),
            (0x0102_1994, "tmpfs"),
            (0x794C_7630, "overlayfs"),
            (0x0102_1997, "9p"),
            (LINUX_FUSE_MAGIC, "fuse, decided by its mount type"),
        ] {
            assert_eq!(classify_linux_magic(magic), FileSystem::Local, "{what} is local");
        }
    }

    #[test]
    fn type_names_of_network_file_systems_are_refused_on_linux_and_macos() {
        for name in ["nfs", "NFS4", "smbfs", "cifs", "smb3", "afpfs", "webdav", "fuse.sshfs"] {
            assert!(
                matches!(classify_type_name(name), FileSystem::Network(_)),
                "{name} is a network file system"
            );
        }
        for name in ["apfs", "hfs", "ext4", "9p", "fuse.gocryptfs", "msdos", ""] {
            assert_eq!(classify_type_name(name), FileSystem::Local, "{name} is local");
        }
    }

    #[test]
    fn unc_paths_are_network_shares_and_drive_letters_are_not() {
        for path in [
            r"\\server\share\Eftertanke",
            r"\\?\UNC\server\share\x",
            "//server/share",
        ] {
            assert_eq!(classify_windows_path(path), FileSystem::Network("unc"), "{path}");
        }
        for path in [r"C:\Users\ane\AppData", r"\\?\C:\Users\ane", r"\\.\C:\x", r"D:\"] {
            assert_eq!(classify_windows_path(path), FileSystem::Local, "{path}");
        }
    }

    #[test]
    fn the_deepest_mount_point_holding_the_path_gives_the_type() {
        let mounts = "\
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
server:/export /mnt/share nfs4 rw 0 0
ane@host:/home /mnt/my\\040files fuse.sshfs rw 0 0
/dev/sdb1 /mnt/share-local ext4 rw 0 0
";
        let at = |p: &str| mount_type_at(mounts, Path::new(p));
        assert_eq!(at("/home/ane/.local/share"), Some("ext4"));
        assert_eq!(at("/mnt/share/eftertanke"), Some("nfs4"));
        assert_eq!(at("/mnt/share"), Some("nfs4"));
        assert_eq!(
            at("/mnt/share-local/x"),
            Some("ext4"),
            "a mount point is matched by whole path components, not by prefix text"
        );
        assert_eq!(at("/mnt/my files/journal"), Some("fuse.sshfs"));
    }

    #[test]
    fn the_temporary_directory_is_on_a_local_file_system() {
        let dir = std::env::temp_dir();
        assert_eq!(
            file_system_of(&dir).expect("the temporary directory can be inspected"),
            FileSystem::Local,
            "tests and CI keep their databases in the temporary directory"
        );
    }
}
