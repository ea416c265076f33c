//! The rows of the comments' threads as this journal reads them: how far it has read each
//! thread (`space_threads_read`), and which comments came after.

use super::super::Store;
use crate::error::Result;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Comments not written by `me` that were merged after this journal last opened their
    /// thread, by id: `(the shared reflection, the comment, its writer)`.
    pub(crate) fn comments_after_read(&self, space: &str, me: &str) -> Result<Vec<(String, String, String)>> {
        self.conn
            .prepare(
                "SELECT json_extract(r.record, '$.body.on'), r.id, r.writer FROM space_records r \
                 LEFT JOIN space_threads_read t ON t.space_id = r.space_id \
                 AND t.on_id = json_extract(r.record, '$.body.on') \
                 WHERE r.space_id = ?1 AND r.kind = 'comment' AND NOT r.deleted AND r.quarantine IS NULL \
                 AND r.writer <> ?2 AND r.rowid > coalesce(t.read_upto, 0) ORDER BY r.id",
            )
            .and_then(|mut st| {
                st.query_map(params![space, me], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// Every comment this journal holds on the shared reflection `on` counts as read.
    pub(crate) fn note_thread_read(&self, space: &str, on: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO space_threads_read (space_id, on_id, read_upto) \
                 SELECT ?1, ?2, coalesce(max(rowid), 0) FROM space_records \
                 WHERE space_id = ?1 AND kind = 'comment' AND json_extract(record, '$.body.on') = ?2 \
                 ON CONFLICT (space_id, on_id) DO UPDATE SET read_upto = max(read_upto, excluded.read_upto)",
                params![space, on],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The writer of the shared reflection `on` when it was shared without a name (its own
    /// key's writer). One row asked for, not every shared record parsed.
    pub(crate) fn unnamed_share_writer(&self, space: &str, on: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT writer FROM space_records WHERE space_id = ?1 AND id = ?2 AND kind = 'entry' \
                 AND author_key IS NULL AND NOT deleted LIMIT 1",
                params![space, on],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }
}
