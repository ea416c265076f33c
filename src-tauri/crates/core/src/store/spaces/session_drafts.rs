//! The session the lead is running, kept as it is typed: the window's flow saves its state
//! here (a JSON document this journal alone reads; it never travels), reads it back after a
//! crash or a closed window, and publishing the session deletes it.

use super::super::Store;
use crate::error::{Error, Problem, Result};
use rusqlite::{OptionalExtension, params};

/// The largest draft kept: far more than a meeting's worth of text.
pub const MAX_DRAFT_BYTES: usize = 512 * 1024;

impl Store {
    /// Keeps `draft` (the flow's state, JSON) as the session being run in `space`.
    pub fn save_session_draft(&mut self, space: &str, draft: &str) -> Result<()> {
        let s = self.space(space)?;
        if draft.len() > MAX_DRAFT_BYTES {
            return Err(Error::invalid(
                "draft",
                Problem::TooLong,
                "the session holds more text than Eftertanke keeps in one draft",
            ));
        }
        if serde_json::from_str::<serde_json::Value>(draft).is_err() {
            return Err(Error::invalid(
                "draft",
                Problem::Malformed,
                "the session's draft is not JSON",
            ));
        }
        self.conn
            .execute(
                "INSERT INTO session_drafts (space_id, draft, saved_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (space_id) DO UPDATE SET draft = excluded.draft, saved_at = excluded.saved_at",
                params![s.info.id, draft, crate::time::to_db(crate::time::now())],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The session being run in `space`, as last saved, if one is.
    pub fn session_draft(&self, space: &str) -> Result<Option<String>> {
        let s = self.space(space)?;
        self.conn
            .query_row(
                "SELECT draft FROM session_drafts WHERE space_id = ?1",
                [&s.info.id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    pub(crate) fn forget_session_draft(&self, space: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM session_drafts WHERE space_id = ?1", [space])
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}
