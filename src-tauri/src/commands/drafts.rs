//! Autosaved drafts.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::{Draft, DraftId, DraftInput, EntryId};
use tauri::State;

#[tauri::command(async)]
pub fn save_draft(state: State<'_, AppState>, draft: DraftInput) -> Result<Draft, IpcError> {
    state.with_store(|s| s.save_draft(&draft))
}

#[tauri::command(async)]
pub fn get_draft(state: State<'_, AppState>, id: DraftId) -> Result<Draft, IpcError> {
    state.with_store(|s| s.get_draft(id))
}

#[tauri::command(async)]
pub fn draft_for_entry(state: State<'_, AppState>, entry_id: EntryId) -> Result<Option<Draft>, IpcError> {
    state.with_store(|s| s.draft_for_entry(entry_id))
}

#[tauri::command(async)]
pub fn list_drafts(state: State<'_, AppState>) -> Result<Vec<Draft>, IpcError> {
    state.with_store(|s| s.list_drafts())
}

#[tauri::command(async)]
pub fn discard_draft(state: State<'_, AppState>, id: DraftId) -> Result<(), IpcError> {
    state.with_store(|s| s.discard_draft(id))
}
