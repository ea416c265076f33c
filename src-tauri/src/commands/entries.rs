//! Reading and saving entries.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::reflection::EntryDocument;
use eftertanke_core::{DraftId, Entry, EntryId, EntryInput, EntryPage, Locale};
use tauri::State;

/// How many entries a journal page holds unless the UI asks otherwise.
const PAGE_SIZE: u32 = 50;

#[tauri::command(async)]
pub fn list_entries(
    state: State<'_, AppState>,
    cursor: Option<String>,
    limit: Option<u32>,
) -> Result<EntryPage, IpcError> {
    state.with_store(|s| s.list_entries(cursor.as_deref(), limit.unwrap_or(PAGE_SIZE)))
}

#[tauri::command(async)]
pub fn get_entry(state: State<'_, AppState>, id: EntryId) -> Result<Entry, IpcError> {
    state.with_store(|s| s.get_entry(id))
}

/// The entry's answers as a document in `locale`: what the entry view shows and export prints.
#[tauri::command(async)]
pub fn entry_document(state: State<'_, AppState>, id: EntryId, locale: Locale) -> Result<EntryDocument, IpcError> {
    state.with_store(|s| s.entry_document(id, locale))
}

#[tauri::command(async)]
pub fn create_entry(
    state: State<'_, AppState>,
    input: EntryInput,
    draft_id: Option<DraftId>,
) -> Result<Entry, IpcError> {
    state.with_store(|s| s.create_entry(&input, draft_id))
}

#[tauri::command(async)]
pub fn update_entry(
    state: State<'_, AppState>,
    id: EntryId,
    input: EntryInput,
    draft_id: Option<DraftId>,
) -> Result<Entry, IpcError> {
    state.with_store(|s| s.update_entry(id, &input, draft_id))
}
