//! Start-up status: is the store open, where, and which language the OS asks for.

use crate::ipc_error::IpcError;
use crate::state::{AppState, Phase};
use eftertanke_core::journal::journals::{Choices, MAX_NAME_CHARS};
use eftertanke_core::{JournalInfo, Settings};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub version: String,
    /// The OS locale, e.g. `da-DK`; the UI follows it unless Settings say otherwise.
    pub os_locale: String,
    pub data_dir: Option<String>,
    /// Setup, locked, open or failed: which screen the UI shows.
    pub phase: Phase,
    /// The saved preferences; `null` when the store could not be opened.
    pub settings: Option<Settings>,
    /// Why the store could not be opened; `null` when it is open.
    pub error: Option<IpcError>,
    /// The shortest passphrase the core accepts (the setup and change forms check it early).
    pub passphrase_min_chars: u32,
    /// The journals the unlock screen offers; `null` if they could not be listed (see `error`).
    pub choices: Option<Choices>,
    /// The unlocked journal, so the window can show whose journal is open.
    pub journal: Option<JournalInfo>,
    /// The longest name a journal can have.
    pub journal_name_max_chars: u32,
}

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    let (phase, error) = state.phase();
    AppStatus {
        version: eftertanke_core::about::VERSION.to_owned(),
        os_locale: sys_locale::get_locale().unwrap_or_else(|| "en".to_owned()),
        data_dir: state.data_dir().map(|d| d.display().to_string()),
        phase,
        settings: state.with_store(|s| s.settings()).ok(),
        error,
        passphrase_min_chars: eftertanke_core::journal::MIN_PASSPHRASE_CHARS as u32,
        choices: state.choices().ok(),
        journal: state.current(),
        journal_name_max_chars: MAX_NAME_CHARS as u32,
    }
}

/// The About view: version, schema version, data folder and the shipped components' licences.
#[tauri::command(async)]
pub fn about(state: State<'_, AppState>) -> eftertanke_core::about::About {
    state.about()
}

#[tauri::command(async)]
pub fn retry_open(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.retry()
}
