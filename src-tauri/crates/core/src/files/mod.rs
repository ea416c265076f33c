//! Writing files so that they survive a crash and stay the person's own: atomic replacement
//! with a synced directory, and folders and files only the owner can read.

pub(crate) mod atomic_file;
pub(crate) mod private_files;

/// The person's Documents folder (or Dokumenter), else their home folder: where a document
/// they save is offered to go.
pub fn documents_dir() -> std::path::PathBuf {
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    ["Documents", "Dokumenter"]
        .iter()
        .map(|d| home.join(d))
        .find(|d| d.is_dir())
        .unwrap_or(home)
}
