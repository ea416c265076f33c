//! Backups in Settings, and the recovery screen's restore.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::backup::{self, BackupInfo, BackupReason};
use eftertanke_core::{Settings, store};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// A backup as Settings lists it: whether it opened is checked on request only (it costs a
/// read of the whole file).
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub backups: Vec<BackupInfo>,
    pub folder: String,
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<BackupList, IpcError> {
    state.key()?;
    let db = state.database()?;
    Ok(BackupList {
        backups: backup::list(&db)?,
        folder: backup::backup_dir(&db).display().to_string(),
    })
}

#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, IpcError> {
    // On a connection of its own, so the window's other commands need not wait for it.
    Ok(state.side_store()?.back_up(BackupReason::Manual)?)
}

/// Opens a backup and checks it is whole.
#[tauri::command(async)]
pub fn verify_backup(state: State<'_, AppState>, file_name: String) -> Result<backup::BackupCheck, IpcError> {
    let key = state.key()?;
    let path = backup_path(&state, &file_name)?;
    Ok(store::verify_backup(&path, Some(&key))?)
}

/// The newest backup that opens and is whole (for the recovery screen), if any.
#[tauri::command(async)]
pub fn newest_good_backup(state: State<'_, AppState>) -> Result<Option<BackupInfo>, IpcError> {
    let key = state.key()?;
    let db = state.database()?;
    let dir = backup::backup_dir(&db);
    Ok(backup::list(&db)?
        .into_iter()
        .find(|b| store::verify_backup(&dir.join(&b.file_name), Some(&key)).is_ok()))
}

/// Replaces the journal with a backup (verified first; the current journal is kept aside).
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> Result<Option<BackupInfo>, IpcError> {
    let path = backup_path(&state, &file_name)?;
    let db = state.database()?;
    state.with_store_closed(|key| store::restore(&db, &path, Some(key)))
}

#[tauri::command(async)]
pub fn set_backups_keep(state: State<'_, AppState>, keep: u32) -> Result<Settings, IpcError> {
    state.with_store(|s| s.set_backups_keep(keep))
}

#[tauri::command(async)]
pub fn set_idle_lock(state: State<'_, AppState>, minutes: u32) -> Result<Settings, IpcError> {
    state.with_store(|s| s.set_idle_lock_minutes(minutes))
}

/// Only a file name from the backups folder: the webview never names arbitrary paths.
fn backup_path(state: &AppState, file_name: &str) -> Result<std::path::PathBuf, IpcError> {
    if BackupInfo::parse(file_name, 0).is_none() || file_name.contains(['/', '\\']) {
        return Err(eftertanke_core::Error::NotABackup {
            path: file_name.into(),
            reason: "it is not in the backups folder".into(),
        }
        .into());
    }
    Ok(backup::backup_dir(&state.database()?).join(file_name))
}
