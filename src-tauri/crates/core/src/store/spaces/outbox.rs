//! When a share without a name reaches the folder. Written the moment it is shared, its file's
//! time (in the folder, in the sync service's log) would sit beside the author's other activity
//! — their named shares, their comments — and point at them. So an anonymous bundle waits here,
//! in the author's journal, and is written at a random moment 15 minutes to 4 hours later, at
//! the first read of the folder after that moment (the app reads every few minutes while it is
//! open). When the app was closed past that moment, the next start picks a new random moment in
//! the first hour, so the file does not appear the minute the author logs in.
//!
//! We chose a random delay over batching at fixed times: a fixed time shared by the team would
//! be a better crowd, but only if everyone's app is open then; a delay needs nobody else.

use super::super::Store;
use super::Space;
use crate::error::Result;
use crate::spaces::format::folder::{space_dir, write_new};
use chrono::{DateTime, Utc};
use rusqlite::params;
use std::path::Path;

/// How long an anonymous bundle waits, in seconds: from, to.
pub const ANONYMOUS_DELAY: (u64, u64) = (15 * 60, 4 * 60 * 60);
/// A new wait for a bundle whose moment passed while the app was closed.
const AFTER_START: (u64, u64) = (5 * 60, 60 * 60);

/// A random moment `range` seconds after `from`.
fn moment(from: DateTime<Utc>, range: (u64, u64)) -> Result<String> {
    let mut r = [0u8; 8];
    crate::vault::random::fill(&mut r)?;
    let span = range.1.saturating_sub(range.0).max(1);
    let wait = range.0 + u64::from_le_bytes(r) % span;
    Ok(crate::time::to_db(from + chrono::Duration::seconds(wait as i64)))
}

impl Store {
    /// Keeps an anonymous bundle (`name` relative to the space's folder) until its moment, or
    /// writes it at once when this store sends anonymous bundles at once. Returns the file
    /// written, if it was.
    pub(super) fn send_anonymous(
        &self,
        conn: &rusqlite::Connection,
        s: &Space,
        name: &str,
        bytes: &[u8],
    ) -> Result<Option<std::path::PathBuf>> {
        if !self.anonymous_delay {
            let path = space_dir(&s.info.folder, &s.info.id).join(name);
            let (dir, file) = split(&path);
            return write_new(dir, file, bytes).map(Some);
        }
        conn.execute(
            "INSERT INTO space_outbox (space_id, name, bytes, due_at) VALUES (?1, ?2, ?3, ?4)",
            params![s.info.id, name, bytes, moment(crate::time::now(), ANONYMOUS_DELAY)?],
        )
        .map_err(|e| self.fail(e))?;
        Ok(None)
    }

    /// Writes every anonymous bundle of `space` whose moment has come. Returns how many.
    pub(crate) fn flush_outbox(&mut self, s: &Space) -> Result<usize> {
        let due: Vec<(String, Vec<u8>)> = self
            .conn
            .prepare("SELECT name, bytes FROM space_outbox WHERE space_id = ?1 AND due_at <= ?2")
            .and_then(|mut st| {
                st.query_map(params![s.info.id, crate::time::to_db(crate::time::now())], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))?;
        for (name, bytes) in &due {
            let path = space_dir(&s.info.folder, &s.info.id).join(name);
            let (dir, file) = split(&path);
            write_new(dir, file, bytes)?;
            self.conn
                .execute(
                    "DELETE FROM space_outbox WHERE space_id = ?1 AND name = ?2",
                    params![s.info.id, name],
                )
                .map_err(|e| self.fail(e))?;
        }
        Ok(due.len())
    }

    /// Writes this journal's waiting anonymous bundles in `space` now, for a person who accepts
    /// that their time in the folder can then point at them (the CLI's `space send-waiting`).
    /// Returns how many.
    pub fn send_waiting_now(&mut self, space: &str) -> Result<usize> {
        let s = self.member_space(space)?;
        self.conn
            .execute("UPDATE space_outbox SET due_at = '' WHERE space_id = ?1", [&s.info.id])
            .map_err(|e| self.fail(e))?;
        self.flush_outbox(&s)
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
    pub(super) fn waiting(&self, space: &str, name: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM space_outbox WHERE space_id = ?1 AND name = ?2)",
                params![space, name],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))
    }

    /// Replaces (with `bytes` under `new_name`) or, with none, drops a waiting bundle.
    pub(super) fn rewrite_waiting(&self, space: &str, name: &str, new: Option<(&str, &[u8])>) -> Result<()> {
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
}

fn split(path: &Path) -> (&Path, &str) {
    (
        path.parent().unwrap_or(Path::new(".")),
        path.file_name().and_then(|f| f.to_str()).unwrap_or_default(),
    )
}
