//! Backups in Settings, and the recovery screen's restore: each one call on the core's
//! journal. The webview names backups by file name only; the core refuses anything else.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::Settings;
use eftertanke_core::backup::{BackupCheck, BackupInfo};
pub use eftertanke_core::journal::BackupList;
use eftertanke_core::progress::Progress;
use tauri::State;
use tauri::ipc::Channel;

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<BackupList, IpcError> {
    state.with_journal(|j| j.backup_list())
}

/// On a connection of its own, so the window's other commands need not wait for it; its
/// progress in bytes copied, and `cancel_long_work` stops it.
#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>, on_progress: Channel<Progress>) -> Result<BackupInfo, IpcError> {
    state.back_up_now(|p| on_progress.send(p).is_ok())
}

/// Opens a backup and checks it is whole.
#[tauri::command(async)]
pub fn verify_backup(state: State<'_, AppState>, file_name: String) -> Result<BackupCheck, IpcError> {
    state.with_journal(|j| j.verify_backup(&file_name))
}

/// The newest backup that opens and is whole (for the recovery screen), if any.
#[tauri::command(async)]
pub fn newest_good_backup(state: State<'_, AppState>) -> Result<Option<BackupInfo>, IpcError> {
    state.with_journal(|j| j.newest_good_backup())
}

/// Replaces the journal with a backup (verified first; the current journal is kept aside).
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> Result<Option<BackupInfo>, IpcError> {
    state.with_journal(|j| j.restore_named(&file_name))
}

#[tauri::command(async)]
pub fn set_backups_keep(state: State<'_, AppState>, keep: u32) -> Result<Settings, IpcError> {
    state.with_store(|s| s.set_backups_keep(keep))
}

#[tauri::command(async)]
pub fn set_idle_lock(state: State<'_, AppState>, minutes: u32) -> Result<Settings, IpcError> {
    state.with_store(|s| s.set_idle_lock_minutes(minutes))
}
