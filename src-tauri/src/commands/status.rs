//! Start-up status: is the store open, where, and which language the OS asks for.

use crate::ipc_error::IpcError;
use crate::open_folder::FolderOpener;
use crate::state::{AppState, AppStatus};
use tauri::State;

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    state.status(sys_locale::get_locale())
}

/// The About view: version, schema version, data folder and the shipped components' licences.
#[tauri::command(async)]
pub fn about(state: State<'_, AppState>) -> eftertanke_core::about::About {
    state.about()
}

/// Opens the journal's data folder in the system's file manager.
#[tauri::command(async)]
pub fn open_data_folder(state: State<'_, AppState>, opener: State<'_, FolderOpener>) -> Result<(), IpcError> {
    let folder = state
        .data_folder()
        .ok_or_else(|| IpcError::internal("no data folder was found on this computer"))?;
    opener.open(&folder)
}

#[tauri::command(async)]
pub fn retry_open(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.retry()
}
