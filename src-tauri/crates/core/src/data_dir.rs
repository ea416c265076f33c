//! Where the database lives: one file in the OS data directory, unless `EFTERTANKE_DATA_DIR`
//! says otherwise (tests, scripts, a worker who keeps data on an encrypted volume).

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "EFTERTANKE_DATA_DIR";
/// The application identifier; also the folder name under the OS data directory.
pub const APP_IDENTIFIER: &str = "dk.eftertanke.desktop";
/// The database file's name inside the data directory.
pub const DATABASE_FILE: &str = "eftertanke.sqlite3";

/// The data directory: the override if set and non-empty, else `default`.
pub fn resolve(override_dir: Option<&str>, default: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    match override_dir.map(str::trim) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => default(),
    }
}

/// The data directory for a process without Tauri (the CLI): the override, else the same
/// folder Tauri's path resolver gives the app (`<OS data dir>/dk.eftertanke.desktop`).
pub fn from_env() -> Option<PathBuf> {
    let env = std::env::var(DATA_DIR_ENV).ok();
    resolve(env.as_deref(), || dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)))
}

/// The database file inside a data directory.
pub fn database_path(dir: &Path) -> PathBuf {
    dir.join(DATABASE_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_override_wins_unless_blank() {
        let fallback = || Some(PathBuf::from("/home/x/.local/share/dk.eftertanke.desktop"));
        assert_eq!(resolve(Some("/tmp/e"), fallback), Some(PathBuf::from("/tmp/e")));
        assert_eq!(
            resolve(Some("  "), fallback),
            fallback(),
            "a blank variable must not put the database in the cwd"
        );
        assert_eq!(resolve(None, fallback), fallback());
    }
}
