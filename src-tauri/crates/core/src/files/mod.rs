//! Writing files so that they survive a crash and stay the person's own: atomic replacement
//! with a synced directory, and folders and files only the owner can read.

pub(crate) mod atomic_file;
pub(crate) mod private_files;
