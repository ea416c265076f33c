//! Preferences.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::{Language, Settings};
use tauri::State;

#[tauri::command(async)]
pub fn set_language(state: State<'_, AppState>, language: Language) -> Result<Settings, IpcError> {
    state.with_store(|s| s.set_language(language))
}
