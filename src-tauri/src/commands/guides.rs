//! Guides, the resources lens and the example reflection.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::Locale;
use eftertanke_core::privacy::lens::{LensFinding, deficit_findings};
use eftertanke_core::reflection::demo;
use eftertanke_core::{Guide, GuideSummary, Guides};
use tauri::State;

#[tauri::command(async)]
pub fn list_guides() -> Vec<GuideSummary> {
    Guides::builtin().listed()
}

/// One guide at one version (`null`: the newest) — old entries render with theirs.
#[tauri::command(async)]
pub fn get_guide(id: String, version: Option<u32>) -> Result<Guide, IpcError> {
    Ok(Guides::builtin().find(&id, version)?.clone())
}

/// Words in `text` that frame citizens by their deficits.
#[tauri::command(async)]
pub fn scan_framing(text: String) -> Vec<LensFinding> {
    deficit_findings(&text)
}

/// Writes the reference case's two attempts, in `language`.
#[tauri::command(async)]
pub fn load_example(state: State<'_, AppState>, language: Locale) -> Result<u32, IpcError> {
    state.with_store(|s| {
        s.create_entries(&demo::reference_case(language))
            .map(|ids| ids.len() as u32)
    })
}
