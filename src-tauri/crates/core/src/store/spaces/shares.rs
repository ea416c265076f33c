//! The rows of this journal's own shares (`space_shares`): which shared id came from which
//! private entry. They never leave this journal.

use super::super::Store;
use crate::EntryId;
use crate::error::Result;
use rusqlite::params;
use std::collections::{BTreeMap, BTreeSet};

/// Where a live share of this journal's came from: its private entry, and whether that entry
/// was edited after it was last shared.
pub(crate) struct ShareSource {
    pub entry_id: EntryId,
    pub changed_since_shared: bool,
    pub title: String,
    pub occurred_on: String,
}

impl Store {
    /// The shared ids this journal ever wrote into `space`.
    pub(crate) fn my_shared_ids(&self, space: &str) -> Result<BTreeSet<String>> {
        self.conn
            .prepare("SELECT shared_id FROM space_shares WHERE space_id = ?1")
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// The live shares of entries this journal still holds, by shared id (both times are
    /// written by `time::to_db`, so they sort).
    pub(crate) fn share_sources(&self, space: &str) -> Result<BTreeMap<String, ShareSource>> {
        self.conn
            .prepare(
                "SELECT s.shared_id, s.entry_id, e.updated_at > s.shared_at, e.title, e.occurred_on FROM space_shares s \
                 JOIN entries e ON e.id = s.entry_id \
                 WHERE s.space_id = ?1 AND s.withdrawn_at IS NULL AND e.deleted_at IS NULL",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    Ok((
                        r.get(0)?,
                        ShareSource {
                            entry_id: r.get(1)?,
                            changed_since_shared: r.get(2)?,
                            title: r.get(3)?,
                            occurred_on: r.get(4)?,
                        },
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// Whether this journal wrote the shared record `shared_id`.
    pub(crate) fn is_my_share(&self, space: &str, shared_id: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM space_shares WHERE space_id = ?1 AND shared_id = ?2)",
                params![space, shared_id],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))
    }
}
