//! Start-up status: is the store open, where, and which language the OS asks for.

use crate::ipc_error::IpcError;
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

#[tauri::command(async)]
pub fn retry_open(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.retry()
}
