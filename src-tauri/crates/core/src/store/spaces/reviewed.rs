//! The rows of what the lead's journal went through (`space_reviewed`, `spaces.reviewed_at`),
//! when each shared reflection's current version arrived (`space_records.arrived_at`), and the
//! facilitator's own "seen" notes (`space_seen`, never sent).

use super::super::Store;
use crate::error::Result;
use rusqlite::params;
use std::collections::BTreeMap;

impl Store {
    /// When this journal last went through the space's review queue.
    pub(crate) fn reviewed_at(&self, space: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT reviewed_at FROM spaces WHERE id = ?1", [space], |r| r.get(0))
            .map_err(|e| self.fail(e))
    }

    /// When the newest version of each shared reflection reached this journal (none: before
    /// arrivals were kept).
    pub(crate) fn entry_arrivals(&self, space: &str) -> Result<BTreeMap<String, Option<String>>> {
        self.conn
            .prepare("SELECT id, max(arrived_at) FROM space_records WHERE space_id = ?1 AND kind = 'entry' GROUP BY id")
            .and_then(|mut st| st.query_map([space], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// The revision of each shared reflection this journal went through.
    pub(crate) fn gone_through(&self, space: &str) -> Result<BTreeMap<String, i64>> {
        self.conn
            .prepare("SELECT record_id, revision FROM space_reviewed WHERE space_id = ?1")
            .and_then(|mut st| st.query_map([space], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// Notes `items` (shared id, revision) as gone through, and the queue as gone through now,
    /// in one transaction.
    pub(crate) fn note_gone_through(&mut self, space: &str, items: &[(String, u64)]) -> Result<()> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        for (id, revision) in items {
            tx.execute(
                "INSERT OR REPLACE INTO space_reviewed (space_id, record_id, revision) VALUES (?1, ?2, ?3)",
                params![space, id, *revision as i64],
            )
            .map_err(|e| self.fail(e))?;
        }
        tx.execute(
            "UPDATE spaces SET reviewed_at = ?2 WHERE id = ?1",
            params![space, crate::time::to_db(crate::time::now())],
        )
        .map_err(|e| self.fail(e))?;
        tx.commit().map_err(|e| self.fail(e))
    }

    /// Keeps (`at` the moment) or, with none, drops the facilitator's own "seen" note on the
    /// shared entry `on`. It never leaves this journal.
    pub(crate) fn note_seen_row(&self, space: &str, on: &str, at: Option<&str>) -> Result<()> {
        match at {
            Some(at) => self.conn.execute(
                "INSERT OR IGNORE INTO space_seen (space_id, shared_id, seen_at) VALUES (?1, ?2, ?3)",
                params![space, on, at],
            ),
            None => self.conn.execute(
                "DELETE FROM space_seen WHERE space_id = ?1 AND shared_id = ?2",
                params![space, on],
            ),
        }
        .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The shared entries the facilitator noted as seen (empty in every other journal).
    pub(crate) fn seen_notes(&self, space: &str) -> Result<std::collections::BTreeSet<String>> {
        self.conn
            .prepare("SELECT shared_id FROM space_seen WHERE space_id = ?1")
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }
}
