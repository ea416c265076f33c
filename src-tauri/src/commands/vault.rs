//! The passphrase: first setup, unlock, recovery, lock, change.

use crate::background;
use crate::ipc_error::IpcError;
use crate::state::AppState;
use tauri::{AppHandle, Runtime, State};

/// First run: sets the passphrase, opens the journal, and returns the recovery code — the only
/// time it is shown.
#[tauri::command(async)]
pub fn create_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<String, IpcError> {
    let (key, code) = state.vault()?.create(&passphrase)?;
    state.open_with(key)?;
    background::rotate_soon(&app);
    Ok(code.as_str().to_owned())
}

#[tauri::command(async)]
pub fn unlock<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, passphrase: String) -> Result<(), IpcError> {
    let key = state.vault()?.unlock(&passphrase)?;
    state.open_with(key)?;
    background::rotate_soon(&app);
    Ok(())
}

/// Forgotten passphrase: the recovery code sets a new one.
#[tauri::command(async)]
pub fn recover<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    code: String,
    new_passphrase: String,
) -> Result<(), IpcError> {
    let key = state.vault()?.recover(&code, &new_passphrase)?;
    state.open_with(key)?;
    background::rotate_soon(&app);
    Ok(())
}

/// Locks now (idle time, or the person asked): the store and the key are dropped.
#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) {
    state.lock_now();
}

#[tauri::command(async)]
pub fn change_passphrase(state: State<'_, AppState>, old: String, new: String) -> Result<(), IpcError> {
    state.key()?;
    Ok(state.vault()?.change_passphrase(&old, &new)?)
}
