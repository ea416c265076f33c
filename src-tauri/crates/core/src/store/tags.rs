//! Reading the `entry_tags` table: an entry's tags, and the tags in use (written with the entry,
//! in `entries.rs`, in the same transaction).

use super::Store;
use crate::error::Result;
use crate::id::EntryId;

impl Store {
    /// An entry's tags, in the order of their text.
    pub fn tags_of(&self, id: EntryId) -> Result<Vec<String>> {
        self.conn
            .prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY tag")
            .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// Every tag in use, most used first (for the timeline's tag filter).
    pub fn list_tags(&self) -> Result<Vec<String>> {
        self.conn
            .prepare_cached(
                // Deletion removes an entry's tags, so the index on (tag, entry) answers alone.
                "SELECT tag FROM entry_tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 500",
            )
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }
}
