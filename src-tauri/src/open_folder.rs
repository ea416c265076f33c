//! Opening a folder in the system's file manager: the journal's data folder (About), a team's
//! shared folder (a space) and the folder an export was written into ("Show in folder"). The
//! shell finds the folder itself — the webview names at most a space's id, never a path — and
//! hands it to the opener: the Tauri opener plugin's `open_path` (`xdg-open`, Explorer,
//! Finder) in the app, a recorder in the shell's tests.

use crate::ipc_error::IpcError;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The folder this window's last export was written into: what "Show in folder" opens. Kept by
/// the shell from what the core wrote, so the window never names the folder.
#[derive(Debug, Default)]
pub struct LastExport(Mutex<Option<PathBuf>>);

impl LastExport {
    /// Remembers the folder that holds `written` (the export's first file).
    pub fn remember(&self, written: Option<&Path>) {
        let folder = written.and_then(Path::parent).map(Path::to_path_buf);
        if let Ok(mut last) = self.0.lock() {
            *last = folder;
        }
    }

    /// The folder of the last export, if this window made one.
    pub fn folder(&self) -> Option<PathBuf> {
        self.0.lock().ok().and_then(|last| last.clone())
    }
}

/// Opens one folder, or says why it could not.
type Open = dyn Fn(&Path) -> Result<(), String> + Send + Sync;

/// What opens a folder for the person to see.
pub struct FolderOpener(Box<Open>);

impl std::fmt::Debug for FolderOpener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FolderOpener")
    }
}

impl FolderOpener {
    /// The system's file manager.
    pub fn system() -> Self {
        Self(Box::new(|path| {
            tauri_plugin_opener::open_path(path, None::<&str>).map_err(|e| e.to_string())
        }))
    }

    /// Opens with `open` (a test's recorder).
    pub fn with(open: impl Fn(&Path) -> Result<(), String> + Send + Sync + 'static) -> Self {
        Self(Box::new(open))
    }

    /// Opens `folder` when it is a folder that is there; says so when it is not, or when the
    /// system could not open it.
    pub fn open(&self, folder: &Path) -> Result<(), IpcError> {
        if !folder.is_dir() {
            return Err(IpcError::from(eftertanke_core::Error::NotFound {
                what: "folder",
                id: folder.display().to_string(),
            }));
        }
        (self.0)(folder).map_err(|why| {
            IpcError::internal(format!(
                "the system could not open {} in its file manager: {why}",
                folder.display()
            ))
        })
    }
}
