//! Search: the journal searched as the person types.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::search::{SearchRequest, SearchResults};
use tauri::State;

#[tauri::command(async)]
pub fn search_entries(state: State<'_, AppState>, request: SearchRequest) -> Result<SearchResults, IpcError> {
    state.with_store(|s| s.search(&request))
}
