//! Preferences.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::{Locale, Settings};
use tauri::State;

#[tauri::command(async)]
/// The interface's language; `null` follows the operating system.
pub fn set_language(state: State<'_, AppState>, language: Option<Locale>) -> Result<Settings, IpcError> {
    state.with_store(|s| s.set_language(language))
}
