//! The team's reflection session: the lead's marks, the session's flow and its record, the
//! actions it decided, and a session as a document. Each is one core call.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::Locale;
use eftertanke_core::sessions::{ItemView, SessionAgenda, SessionDraft, SessionView, TeamAction};
use eftertanke_core::spaces::Mark;
use std::path::PathBuf;
use tauri::State;

/// As team lead: takes a shared reflection to the next session, or marks it seen (`set`
/// false takes the mark back).
#[tauri::command(async)]
pub fn mark_shared(
    state: State<'_, AppState>,
    space: String,
    on: String,
    mark: Mark,
    set: bool,
) -> Result<(), IpcError> {
    state.with_store(|s| s.mark_shared(&space, &on, mark, set))
}

/// The comments on a shared reflection were opened: none of them is new any more.
#[tauri::command(async)]
pub fn mark_thread_read(state: State<'_, AppState>, space: String, on: String) -> Result<(), IpcError> {
    state.with_store(|s| s.mark_thread_read(&space, &on))
}

/// What the next session opens with.
#[tauri::command(async)]
pub fn session_agenda(state: State<'_, AppState>, space: String) -> Result<SessionAgenda, IpcError> {
    state.with_store(|s| s.session_agenda(&space))
}

/// As team lead: records and publishes the session; returns its id.
#[tauri::command(async)]
pub fn record_session(
    state: State<'_, AppState>,
    space: String,
    draft: SessionDraft,
    accept_findings: bool,
) -> Result<String, IpcError> {
    state.with_store(|s| s.record_session(&space, &draft, accept_findings))
}

#[tauri::command(async)]
pub fn space_sessions(state: State<'_, AppState>, space: String) -> Result<Vec<SessionView>, IpcError> {
    state.with_store(|s| s.space_sessions(&space))
}

#[tauri::command(async)]
pub fn space_actions(state: State<'_, AppState>, space: String) -> Result<Vec<ItemView>, IpcError> {
    state.with_store(|s| s.space_actions(&space))
}

/// The open actions this journal owns in its spaces; `due` when their review date has come.
#[tauri::command(async)]
pub fn team_actions(state: State<'_, AppState>, today: String) -> Result<Vec<TeamAction>, IpcError> {
    state.with_store(|s| s.team_actions(&today))
}

#[tauri::command(async)]
pub fn session_markdown(
    state: State<'_, AppState>,
    space: String,
    session: String,
    locale: Locale,
) -> Result<String, IpcError> {
    state.with_store(|s| s.session_markdown(&space, &session, locale))
}

/// Where the session's document is offered to be saved.
#[tauri::command]
pub fn suggested_session_path(held_on: String, locale: Locale) -> PathBuf {
    eftertanke_core::sessions::suggested_document_path(&held_on, locale)
}

#[tauri::command(async)]
pub fn save_session_document(
    state: State<'_, AppState>,
    space: String,
    session: String,
    locale: Locale,
    path: PathBuf,
) -> Result<(), IpcError> {
    state.with_store(|s| s.save_session_markdown(&space, &session, locale, &path))
}

/// Keeps the flow's state (JSON) as the session being run, as it is typed.
#[tauri::command(async)]
pub fn save_session_draft(state: State<'_, AppState>, space: String, draft: String) -> Result<(), IpcError> {
    state.with_store(|s| s.save_session_draft(&space, &draft))
}

/// The session being run, as last kept, if one is.
#[tauri::command(async)]
pub fn session_draft(state: State<'_, AppState>, space: String) -> Result<Option<String>, IpcError> {
    state.with_store(|s| s.session_draft(&space))
}
