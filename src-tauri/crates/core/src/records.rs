//! The records that travel: an entry, its actions, an initiative and a link, as a journal's
//! export file carries them, each with its merge metadata (id, author, revision, times). The
//! store reads and writes its rows as these; the export's file (`export/format.rs`) is a list
//! of them. See `docs/export-format.md`.

use crate::id::{ActionId, EntryId, InitiativeId, LinkId};
use crate::reflection::answers::Answers;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EntryRecord {
    pub id: EntryId,
    /// The installation that wrote it.
    pub author: String,
    pub created_at: String,
    pub updated_at: String,
    pub revision: u32,
    pub completed_at: Option<String>,
    pub guide_id: String,
    pub guide_version: u32,
    /// Keyed by question id, as the guide asks them.
    pub answers: Answers,
    #[serde(default)]
    pub tags: Vec<String>,
    /// What became of the entry's actions, in their order (their words are in the answers).
    #[serde(default)]
    pub actions: Vec<ActionRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionRecord {
    /// The action's id; the `i`-th record is the `i`-th action of the entry's answers.
    pub id: ActionId,
    /// open, done, partly or dropped.
    pub status: String,
    #[serde(default)]
    pub status_note: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitiativeRecord {
    pub id: InitiativeId,
    pub title: String,
    #[serde(default)]
    pub neighbourhood: String,
    #[serde(default)]
    pub citizen_group: String,
    #[serde(default)]
    pub purpose: String,
    pub author: String,
    pub created_at: String,
    pub updated_at: String,
    pub revision: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LinkRecord {
    pub id: LinkId,
    pub from: EntryId,
    pub to: EntryId,
    /// follows_up, builds_on or related.
    pub kind: String,
    pub author: String,
    pub created_at: String,
    pub updated_at: String,
    pub revision: u32,
}
