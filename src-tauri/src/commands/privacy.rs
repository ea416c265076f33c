//! The personal-data guard: findings while typing, replacement with a role label, and the
//! person's "never store" list.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::EntryInput;
use eftertanke_core::Locale;
use eftertanke_core::privacy::{self, Finding, Pseudonymised};
use eftertanke_core::reflection::EntryCheck;
use tauri::State;

/// Every text of an entry being written, with what the guard finds in it: one round trip and
/// one scan before saving, over the texts the core defines.
#[tauri::command(async)]
pub fn check_entry(state: State<'_, AppState>, input: EntryInput) -> Result<EntryCheck, IpcError> {
    state.with_store(|s| s.check_entry(&input))
}

/// Personal data in `text` (UTF-16 offsets), using the stored never-store list.
#[tauri::command(async)]
pub fn scan_text(state: State<'_, AppState>, text: String) -> Result<Vec<Finding>, IpcError> {
    state.with_store(|s| s.scan_text(&text))
}

/// Replaces `finding` everywhere in an entry's `texts` with the next free role label.
/// Nothing is stored.
#[tauri::command(async)]
pub fn pseudonymise(texts: Vec<String>, finding: Finding, language: Locale) -> Pseudonymised {
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
