//! The personal-data guard: findings while typing, replacement with a role label, and the
//! person's "never store" list.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::privacy::{self, Finding, LabelLanguage, Pseudonymised};
use tauri::State;

/// Personal data in `text` (UTF-16 offsets), using the stored never-store list.
#[tauri::command(async)]
pub fn scan_text(state: State<'_, AppState>, text: String) -> Result<Vec<Finding>, IpcError> {
    state.with_store(|s| s.scan_text(&text))
}

/// Replaces `finding` everywhere in an entry's `texts` with the next free role label.
/// Nothing is stored.
#[tauri::command(async)]
pub fn pseudonymise(texts: Vec<String>, finding: Finding, language: LabelLanguage) -> Pseudonymised {
    privacy::pseudonymise(&texts, finding.kind, &finding.text, language)
}

#[tauri::command(async)]
pub fn never_store_words(state: State<'_, AppState>) -> Result<Vec<String>, IpcError> {
    state.with_store(|s| s.never_store_words())
}

/// Replaces the list; returns it as stored (trimmed, without duplicates).
#[tauri::command(async)]
pub fn set_never_store_words(state: State<'_, AppState>, words: Vec<String>) -> Result<Vec<String>, IpcError> {
    state.with_store(|s| s.set_never_store_words(&words))
}
