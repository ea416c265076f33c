//! Who wrote an entry, when, and which revision a write makes: the merge metadata that every
//! write of an entry stamps on its row and on its children (actions).

use crate::id::EntryId;

/// Who wrote the entry, when, and which revision this write makes.
#[derive(Debug)]
pub(crate) struct Meta {
    pub id: EntryId,
    /// The installation that wrote the entry (kept through edits: one writer per record).
    pub author: String,
    pub created_at: String,
    pub updated_at: String,
    /// 1 for a new entry; every change makes it one higher.
    pub revision: i64,
    pub completed_at: Option<String>,
}

/// What an existing entry already has that an edit keeps.
#[derive(Debug)]
pub(crate) struct Existing {
    pub author: String,
    pub created_at: String,
    pub revision: i64,
    pub completed_at: Option<String>,
}

impl Meta {
    /// A new entry written on this installation now.
    pub fn new_here(author: String, now: &str, complete: bool) -> Self {
        Self {
            id: EntryId::new(),
            author,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            revision: 1,
            completed_at: complete.then(|| now.to_owned()),
        }
    }

    /// An edit of `existing` now: same id, author and creation; the next revision; completed
    /// when first saved complete.
    pub fn edit(id: EntryId, existing: Existing, now: &str, complete: bool) -> Self {
        let completed_at = match existing.completed_at {
            Some(at) => Some(at),
            None => complete.then(|| now.to_owned()),
        };
        Self {
            id,
            author: existing.author,
            created_at: existing.created_at,
            updated_at: now.to_owned(),
            revision: existing.revision + 1,
            completed_at,
        }
    }
}
