//! The rows of the anonymous bundles that wait in this journal for their moment
//! (`space_outbox`); when and why they wait is `spaces/outbox.rs`. After a start, a bundle
//! whose moment passed while the app was closed gets a new one here, in the first hour.

use super::super::Store;
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::params;

/// A new wait for a bundle whose moment passed while the app was closed.
const AFTER_START: (u64, u64) = (5 * 60, 60 * 60);

/// A random moment `range` seconds after `from`.
pub(crate) fn moment(from: DateTime<Utc>, range: (u64, u64)) -> Result<String> {
    let mut r = [0u8; 8];
    crate::vault::random::fill(&mut r)?;
    let span = range.1.saturating_sub(range.0).max(1);
    let wait = range.0 + u64::from_le_bytes(r) % span;
    Ok(crate::time::to_db(from + chrono::Duration::seconds(wait as i64)))
}

impl Store {
    /// Keeps an anonymous bundle (`name` relative to the space's folder) until `due_at`.
    pub(crate) fn queue_anonymous(&self, space: &str, name: &str, bytes: &[u8], due_at: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO space_outbox (space_id, name, bytes, due_at) VALUES (?1, ?2, ?3, ?4)",
                params![space, name, bytes, due_at],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The waiting bundles of `space` whose moment has come: name and bytes.
    pub(crate) fn due_anonymous(&self, space: &str) -> Result<Vec<(String, Vec<u8>)>> {
        self.conn
            .prepare("SELECT name, bytes FROM space_outbox WHERE space_id = ?1 AND due_at <= ?2")
            .and_then(|mut st| {
                st.query_map(params![space, crate::time::to_db(crate::time::now())], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// Every waiting bundle of `space` is due now.
    pub(crate) fn make_anonymous_due(&self, space: &str) -> Result<()> {
        self.conn
            .execute("UPDATE space_outbox SET due_at = '' WHERE space_id = ?1", [space])
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// After a start: a bundle whose moment passed while the app was closed gets a new one.
    pub(in crate::store) fn reschedule_outbox(&self) -> Result<()> {
        let now = crate::time::now();
        let overdue: Vec<(String, String)> = self
            .conn
            .prepare("SELECT space_id, name FROM space_outbox WHERE due_at <= ?1")
            .and_then(|mut st| {
                st.query_map([crate::time::to_db(now)], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            })
            .map_err(|e| self.fail(e))?;
        for (space, name) in overdue {
            self.conn
                .execute(
                    "UPDATE space_outbox SET due_at = ?3 WHERE space_id = ?1 AND name = ?2",
                    params![space, name, moment(now, AFTER_START)?],
                )
                .map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// The bundle `name` still waiting in the outbox, if it is.
    pub(crate) fn waiting(&self, space: &str, name: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM space_outbox WHERE space_id = ?1 AND name = ?2)",
                params![space, name],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))
    }

    /// Replaces (with `bytes` under `new_name`) or, with none, drops a waiting bundle.
    pub(crate) fn rewrite_waiting(&self, space: &str, name: &str, new: Option<(&str, &[u8])>) -> Result<()> {
        match new {
            Some((new_name, bytes)) => self.conn.execute(
                "UPDATE space_outbox SET name = ?3, bytes = ?4 WHERE space_id = ?1 AND name = ?2",
                params![space, name, new_name, bytes],
            ),
            None => self.conn.execute(
                "DELETE FROM space_outbox WHERE space_id = ?1 AND name = ?2",
                params![space, name],
            ),
        }
        .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// How many of this journal's anonymous bundles in `space` wait for their moment.
    pub(crate) fn waiting_count(&self, space: &str) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM space_outbox WHERE space_id = ?1", [space], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as usize)
            .map_err(|e| self.fail(e))
    }

    /// Whether this store writes anonymous bundles at once (the CLI's `--now`, the tests).
    pub(crate) fn sends_anonymous_at_once(&self) -> bool {
        !self.anonymous_delay
    }
}
