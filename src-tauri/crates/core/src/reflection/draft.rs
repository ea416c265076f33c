//! Drafts: what was typed but not yet saved as an entry. The UI autosaves a draft while the
//! person types, so closing the window (or a crash) loses at most the last few seconds. A draft
//! may hold anything, including fields that would not validate; it becomes an entry only
//! through an explicit save.

use crate::id::{DraftId, EntryId};
use crate::reflection::entry::EntryInput;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the UI sends on autosave.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftInput {
    /// The draft to overwrite; `null` starts a new one.
    pub id: Option<DraftId>,
    /// The saved entry this draft edits; `null` for a new entry.
    pub entry_id: Option<EntryId>,
    pub input: EntryInput,
    /// The wizard step the person was on, to resume there.
    pub step: u32,
}

/// A stored draft.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub id: DraftId,
    pub entry_id: Option<EntryId>,
    pub input: EntryInput,
    pub step: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
