//! Search: the journal searched as the person types, and its index built again (Settings).

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::progress::Progress;
use eftertanke_core::search::{SearchRequest, SearchResults};
use tauri::State;
use tauri::ipc::Channel;

#[tauri::command(async)]
pub fn search_entries(state: State<'_, AppState>, request: SearchRequest) -> Result<SearchResults, IpcError> {
    state.search(&request)
}

/// With its progress; `cancel_long_work` stops it and leaves the index as it was.
#[tauri::command(async)]
pub fn rebuild_search_index(state: State<'_, AppState>, on_progress: Channel<Progress>) -> Result<u64, IpcError> {
    state.with_progress(|p| on_progress.send(p).is_ok(), |s, on| s.rebuild_search_index(on))
}
