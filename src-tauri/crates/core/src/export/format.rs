//! The JSON export, version 1: every entry whole with its merge metadata (id, author,
//! revision, times), its actions' statuses, the initiatives and the links between entries.
//! An import merges by id, as sharing does. See `docs/export-format.md`.

pub use crate::records::{ActionRecord, EntryRecord, InitiativeRecord, LinkRecord};
use serde::{Deserialize, Serialize};

/// The `format` field of every Eftertanke export.
pub const FORMAT: &str = "eftertanke-journal";
/// The version this release writes and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalFile {
    pub format: String,
    pub version: u32,
    /// UTC, RFC 3339.
    pub exported_at: String,
    /// The version of Eftertanke that wrote it.
    pub app_version: String,
    pub entries: Vec<EntryRecord>,
    #[serde(default)]
    pub initiatives: Vec<InitiativeRecord>,
    #[serde(default)]
    pub links: Vec<LinkRecord>,
}
