//! Reflection spaces: the team area's calls. Each is one core call; the folder is the path the
//! person gave for the team's synced folder on this computer.

use crate::ipc_error::IpcError;
use crate::open_folder::FolderOpener;
use crate::state::AppState;
use eftertanke_core::EntryId;
use eftertanke_core::spaces::{
    Audience, CommentView, EntryComments, ReviewFilter, ReviewQueue, SharePreview, SharedEntryView, SpaceCounts,
    SpaceInfo, SpaceStatus, SyncReport, TeamTimeline,
};
use eftertanke_core::spaces::{MemberCard, Scope};
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn list_spaces(state: State<'_, AppState>) -> Result<Vec<SpaceInfo>, IpcError> {
    state.with_store(|s| s.spaces())
}

/// Opens the team's shared folder of `space` (as this computer reaches it) in the system's file
/// manager.
#[tauri::command(async)]
pub fn open_space_folder(
    state: State<'_, AppState>,
    opener: State<'_, FolderOpener>,
    space: String,
) -> Result<(), IpcError> {
    let space = state.with_store(|s| s.space_info(&space))?;
    opener.open(&space.folder)
}

#[tauri::command(async)]
pub fn space_status(state: State<'_, AppState>, space: String) -> Result<SpaceStatus, IpcError> {
    state.with_store(|s| s.space_status(&space))
}

#[tauri::command(async)]
pub fn space_entries(state: State<'_, AppState>, space: String) -> Result<Vec<SharedEntryView>, IpcError> {
    state.with_store(|s| s.space_entries(&space))
}

#[tauri::command(async)]
pub fn space_counts(state: State<'_, AppState>, space: String) -> Result<SpaceCounts, IpcError> {
    state.with_store(|s| s.space_counts(&space))
}

#[tauri::command(async)]
pub fn space_timeline(state: State<'_, AppState>, space: String) -> Result<TeamTimeline, IpcError> {
    state.with_store(|s| s.space_timeline(&space))
}

/// The comments this journal can read on a shared reflection, in the order written.
#[tauri::command(async)]
pub fn space_comments(state: State<'_, AppState>, space: String, on: String) -> Result<Vec<CommentView>, IpcError> {
    state.with_store(|s| s.space_comments(&space, &on))
}

/// As team lead: what arrived since this journal last went through the space.
#[tauri::command(async)]
pub fn review_queue(state: State<'_, AppState>, space: String, filter: ReviewFilter) -> Result<ReviewQueue, IpcError> {
    state.with_store(|s| s.review_queue(&space, &filter))
}

/// Marks the reflections the queue showed (their shared ids) as gone through.
#[tauri::command(async)]
pub fn mark_reviewed(state: State<'_, AppState>, space: String, shown: Vec<String>) -> Result<(), IpcError> {
    state.with_store(|s| s.mark_reviewed(&space, Some(&shown)))
}

/// The comments on one of this journal's reflections, in every space it is shared in.
#[tauri::command(async)]
pub fn entry_comments(state: State<'_, AppState>, entry: EntryId) -> Result<Vec<EntryComments>, IpcError> {
    state.with_store(|s| s.entry_comments(entry))
}

/// A comment (or an answer, `reply_to`) on a shared reflection; returns its id.
#[tauri::command(async)]
pub fn comment_on_share(
    state: State<'_, AppState>,
    space: String,
    on: String,
    reply_to: Option<String>,
    text: String,
    audience: Audience,
    accept_findings: bool,
) -> Result<String, IpcError> {
    state.with_store(|s| s.comment(&space, &on, reply_to.as_deref(), &text, audience, accept_findings))
}

/// Reads what arrived in the space's folder.
#[tauri::command(async)]
pub fn sync_space(
    state: State<'_, AppState>,
    space: String,
    allow_mass_withdrawal: bool,
) -> Result<SyncReport, IpcError> {
    state.with_store(|s| s.sync_space(&space, allow_mass_withdrawal))
}

/// Shares reflections with the team; returns their shared ids.
#[tauri::command(async)]
pub fn share_entries(
    state: State<'_, AppState>,
    space: String,
    entries: Vec<EntryId>,
    scope: Scope,
    accept_findings: bool,
) -> Result<Vec<String>, IpcError> {
    state.with_store(|s| s.share_entries(&space, &entries, scope, accept_findings))
}

/// As the space's facilitator: keeps what is shared for `months` (none: as long as it exists).
#[tauri::command(async)]
pub fn set_retention(state: State<'_, AppState>, space: String, months: Option<u32>) -> Result<(), IpcError> {
    state.with_store(|s| s.set_retention(&space, months))
}

/// What sharing a reflection would send, as the share builds it.
#[tauri::command(async)]
pub fn share_preview(
    state: State<'_, AppState>,
    space: String,
    entry: EntryId,
    scope: Scope,
) -> Result<SharePreview, IpcError> {
    state.with_store(|s| s.share_preview(&space, entry, scope))
}

#[tauri::command(async)]
pub fn withdraw_share(state: State<'_, AppState>, space: String, shared_id: String) -> Result<(), IpcError> {
    state.with_store(|s| s.withdraw_share(&space, &shared_id))
}

/// This journal's member card under `name`, to hand to the team lead.
#[tauri::command(async)]
pub fn member_card(state: State<'_, AppState>, name: String) -> Result<MemberCard, IpcError> {
    state.with_store(|s| s.member_card(&name))
}

#[tauri::command(async)]
pub fn create_space(
    state: State<'_, AppState>,
    name: String,
    lead_name: String,
    folder: PathBuf,
) -> Result<String, IpcError> {
    state.with_store(|s| s.create_space(&name, &lead_name, &folder))
}

/// The lead adds the member of a pasted card or code; returns the new roster epoch.
#[tauri::command(async)]
pub fn invite_member(state: State<'_, AppState>, space: String, card: String) -> Result<u64, IpcError> {
    state.with_store(|s| s.invite_member(&space, &card))
}

#[tauri::command(async)]
pub fn remove_member(state: State<'_, AppState>, space: String, member: String) -> Result<u64, IpcError> {
    state.with_store(|s| s.remove_member(&space, &member))
}

/// Takes up the spaces in `folder` whose roster names this journal, signed by the lead whose
/// fingerprint (`lead`) the person confirmed.
#[tauri::command(async)]
pub fn join_spaces(state: State<'_, AppState>, folder: PathBuf, lead: String) -> Result<Vec<String>, IpcError> {
    state.with_store(|s| s.join_spaces(&folder, &lead))
}
