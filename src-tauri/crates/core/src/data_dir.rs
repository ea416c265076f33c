//! The names of where journals live. Which folder a shell uses — one journal's folder under
//! `EFTERTANKE_DATA_DIR`, or the journals under the OS data folder — is
//! [`crate::journal::journals::Home`].

use std::path::{Path, PathBuf};

/// Environment variable naming one journal's folder (tests, scripts, a worker who keeps the
/// journal on an encrypted volume); the unlock screen then offers no choice.
pub const DATA_DIR_ENV: &str = "EFTERTANKE_DATA_DIR";
/// The application identifier; also the folder name under the OS data directory.
pub const APP_IDENTIFIER: &str = "dk.eftertanke.desktop";
/// The database file's name inside a journal's folder.
pub const DATABASE_FILE: &str = "eftertanke.sqlite3";

/// The database file inside a journal's folder.
pub fn database_path(dir: &Path) -> PathBuf {
    dir.join(DATABASE_FILE)
}
