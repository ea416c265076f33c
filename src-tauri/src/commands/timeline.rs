//! The learning timeline: lanes, links, what changed, and actions carried forward.

use crate::ipc_error::IpcError;
use crate::state::AppState;
use eftertanke_core::reflection::changes::Change;
use eftertanke_core::time;
use eftertanke_core::{
    Action, ActionId, DueAction, EntryId, EntryLinks, Initiative, InitiativeId, InitiativeInput, LinkId, LinkKind,
    TimelineFilter, TimelinePage,
};
use tauri::State;

/// Initiatives per timeline page unless the UI asks otherwise.
const LANES: u32 = 20;

#[tauri::command(async)]
pub fn timeline_page(
    state: State<'_, AppState>,
    filter: TimelineFilter,
    cursor: Option<String>,
    limit: Option<u32>,
) -> Result<TimelinePage, IpcError> {
    state.with_store(|s| s.timeline_page(&filter, cursor.as_deref(), limit.unwrap_or(LANES)))
}

#[tauri::command(async)]
pub fn list_initiatives(state: State<'_, AppState>) -> Result<Vec<Initiative>, IpcError> {
    state.with_store(|s| s.list_initiatives())
}

#[tauri::command(async)]
pub fn update_initiative(
    state: State<'_, AppState>,
    id: InitiativeId,
    input: InitiativeInput,
) -> Result<Initiative, IpcError> {
    state.with_store(|s| s.update_initiative(id, &input))
}

#[tauri::command(async)]
pub fn links_of(state: State<'_, AppState>, id: EntryId) -> Result<EntryLinks, IpcError> {
    state.with_store(|s| s.links_of(id))
}

#[tauri::command(async)]
pub fn link_entries(
    state: State<'_, AppState>,
    from: EntryId,
    to: EntryId,
    kind: LinkKind,
) -> Result<LinkId, IpcError> {
    state.with_store(|s| s.link_entries(from, to, kind))
}

#[tauri::command(async)]
pub fn unlink(state: State<'_, AppState>, id: LinkId) -> Result<(), IpcError> {
    state.with_store(|s| s.unlink(id))
}

/// The structured answers of two attempts side by side.
#[tauri::command(async)]
pub fn compare_entries(state: State<'_, AppState>, earlier: EntryId, later: EntryId) -> Result<Vec<Change>, IpcError> {
    state.with_store(|s| s.compare_entries(earlier, later))
}

#[tauri::command(async)]
pub fn set_action_status(
    state: State<'_, AppState>,
    id: ActionId,
    status: String,
    note: String,
) -> Result<Action, IpcError> {
    state.with_store(|s| s.set_action_status(id, &status, &note))
}

/// The newest attempt in the initiative named as typed (the core's name rule), which a new
/// attempt most likely follows up on.
#[tauri::command(async)]
pub fn latest_attempt(state: State<'_, AppState>, initiative: String) -> Result<Option<EntryId>, IpcError> {
    state.with_store(|s| s.latest_attempt(&initiative))
}

/// Open actions past their review date, for the home screen.
#[tauri::command(async)]
pub fn overdue_actions(state: State<'_, AppState>, today: String) -> Result<Vec<DueAction>, IpcError> {
    state.with_store(|s| s.overdue_actions(time::day("today", &today)?))
}

#[tauri::command(async)]
pub fn delete_entry(state: State<'_, AppState>, id: EntryId) -> Result<(), IpcError> {
    state.with_store(|s| s.delete_entry(id))
}

#[tauri::command(async)]
pub fn chart_data(
    state: State<'_, AppState>,
    initiative: Option<InitiativeId>,
) -> Result<eftertanke_core::timeline::charts::ChartData, IpcError> {
    state.with_store(|s| s.chart_data(initiative))
}

#[tauri::command(async)]
pub fn list_tags(state: State<'_, AppState>) -> Result<Vec<String>, IpcError> {
    state.with_store(|s| s.list_tags())
}
