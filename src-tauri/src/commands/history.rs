//! An entry's history: its saved versions, one of them whole, and a restore.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::reflection::history::{EntryVersion, VersionView};
use eftertanke_core::{Entry, EntryId, Locale};
use tauri::State;

#[tauri::command(async)]
pub fn entry_history(state: State<'_, AppState>, id: EntryId) -> Result<Vec<EntryVersion>, IpcError> {
    state.with_store(|s| s.entry_history(id))
}

#[tauri::command(async)]
pub fn entry_version(
    state: State<'_, AppState>,
    id: EntryId,
    revision: u32,
    locale: Locale,
) -> Result<VersionView, IpcError> {
    state.with_store(|s| s.entry_version(id, revision, locale))
}

#[tauri::command(async)]
pub fn restore_version(state: State<'_, AppState>, id: EntryId, revision: u32) -> Result<Entry, IpcError> {
    state.with_store(|s| s.restore_version(id, revision))
}
