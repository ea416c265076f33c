//! The passphrase: first setup, unlock, recovery, lock, change. Each command is one call on
//! the state (the core's journal) — and, once the journal is open, a backup rotation kicked
//! off in the background.

use crate::background;
use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::Secret;
use tauri::{AppHandle, Runtime, State};

/// First run, or a new journal beside the others (`name`: what its owner types, initials or a
/// role): sets the passphrase, opens the journal, and returns the recovery code — the only time
/// it is shown.
#[tauri::command(async)]
pub fn create_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: Option<String>,
    passphrase: Secret,
) -> Result<String, IpcError> {
    let code = state.create(name.as_deref(), &passphrase)?;
    background::rotate_soon(&app);
    Ok(code)
}

/// Unlocks the chosen journal (`journal`: its id; none under `EFTERTANKE_DATA_DIR`), and
/// remembers it on this computer only if `remember`.
#[tauri::command(async)]
pub fn unlock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    journal: Option<String>,
    passphrase: Secret,
    remember: bool,
) -> Result<(), IpcError> {
    state.unlock(journal.as_deref(), &passphrase, remember)?;
    background::rotate_soon(&app);
    Ok(())
}

/// Forgotten passphrase: the recovery code sets a new one.
#[tauri::command(async)]
pub fn recover<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    journal: Option<String>,
    code: Secret,
    new_passphrase: Secret,
) -> Result<(), IpcError> {
    state.recover(journal.as_deref(), &code, &new_passphrase)?;
    background::rotate_soon(&app);
    Ok(())
}

/// Locks now (idle time, or the person asked): the store and the key are dropped.
#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) {
    state.lock_now();
}

#[tauri::command(async)]
pub fn change_passphrase(state: State<'_, AppState>, old: Secret, new: Secret) -> Result<(), IpcError> {
    state.with_journal(|j| j.change_passphrase(&old, &new))
}
