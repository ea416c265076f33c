//! Export and import: long work with progress sent to the window and a cancel.

use crate::ipc_error::IpcError;
use crate::open_folder::{FolderOpener, LastExport};
use crate::state::AppState;
use eftertanke_core::export::{ExportFinding, ExportFormat, ExportReport, ExportRequest, ImportPreview, ImportReport};
use eftertanke_core::progress::Progress;
use eftertanke_core::{EntryId, Locale, Secret};
use std::path::PathBuf;
use tauri::State;
use tauri::ipc::Channel;

/// What the personal-data guard finds in the entries an export would hold (none: all).
#[tauri::command(async)]
pub fn export_findings(state: State<'_, AppState>, entries: Vec<EntryId>) -> Result<Vec<ExportFinding>, IpcError> {
    state.with_store(|s| s.export_findings(&entries))
}

#[tauri::command(async)]
pub fn export_entries(
    state: State<'_, AppState>,
    last: State<'_, LastExport>,
    request: ExportRequest,
    on_progress: Channel<Progress>,
) -> Result<ExportReport, IpcError> {
    // The shell keeps where the core wrote: "Show in folder" opens it; the window never names it.
    state
        .with_progress(|p| on_progress.send(p).is_ok(), |s, on| s.export(&request, on))
        .inspect(|report| last.remember(report.files.first().map(|f| f.as_path())))
}

/// Opens the folder the last export was written into ("Show in folder").
#[tauri::command(async)]
pub fn show_last_export(last: State<'_, LastExport>, opener: State<'_, FolderOpener>) -> Result<(), IpcError> {
    let folder = last
        .folder()
        .ok_or_else(|| IpcError::internal("nothing has been exported from this window yet"))?;
    opener.open(&folder)
}

/// What importing the file would do: every entry here it would change, named. Writes nothing.
#[tauri::command(async)]
pub fn import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: Option<Secret>,
) -> Result<ImportPreview, IpcError> {
    state.with_store(|s| s.import_preview_file(&path, passphrase.as_ref()))
}

/// Imports the file, changing only the existing entries the person accepted.
#[tauri::command(async)]
pub fn import_entries(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: Option<Secret>,
    accept: Vec<EntryId>,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, IpcError> {
    state.with_progress(
        |p| on_progress.send(p).is_ok(),
        |s, on| s.import_file(&path, passphrase.as_ref(), &accept, on),
    )
}

#[tauri::command]
pub fn cancel_long_work(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.cancel_long_work()
}

/// Where an export is offered to be saved: the Documents folder, a name from today.
#[tauri::command]
pub fn suggested_export_path(format: ExportFormat, locale: Locale) -> PathBuf {
    eftertanke_core::export::suggested_path(format, locale)
}
