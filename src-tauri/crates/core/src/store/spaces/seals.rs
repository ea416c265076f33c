//! The rows of a removal's seal as a reader keeps it (`space_seals`): whether a bundle of an
//! earlier epoch counts (the first seal after its epoch must name it), and the rows a seal
//! that arrives late takes back. The use case is `spaces/seals.rs`; the rule is in
//! `docs/bundle-format.md`.

use super::super::Store;
use crate::error::Result;
use crate::spaces::format::bundle::Refusal;
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeSet;

impl Store {
    /// Does a bundle file of `epoch` count under the removals' seals? Only if no removal has
    /// sealed its epoch since, or the first seal after its epoch names it.
    pub(crate) fn counts_under_seals(&self, space: &str, epoch: u64, file_hash: &str) -> Result<bool> {
        let seal: Option<i64> = self
            .conn
            .query_row(
                "SELECT min(epoch) FROM space_seals WHERE space_id = ?1 AND epoch > ?2",
                params![space, epoch as i64],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))?;
        let Some(seal) = seal else { return Ok(true) };
        self.conn
            .query_row(
                "SELECT 1 FROM space_seals WHERE space_id = ?1 AND epoch = ?2 AND file_hash = ?3",
                params![space, seal, file_hash],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.fail(e))
    }

    /// The applied files of `space` with their epoch: `(hash, name, epoch)`.
    pub(crate) fn applied_files_with_epoch(&self, space: &str) -> Result<Vec<(String, String, i64)>> {
        self.conn
            .prepare(
                "SELECT file_hash, name, epoch FROM space_files WHERE space_id = ?1 AND state = 'applied' \
                 AND epoch IS NOT NULL",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// The records an applied file carried, and its author.
    pub(crate) fn file_records_and_author(
        &self,
        space: &str,
        file_hash: &str,
    ) -> Result<(Vec<String>, Option<String>)> {
        let carried: Option<String> = self
            .conn
            .query_row(
                "SELECT record_ids FROM space_file_records WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.fail(e))?;
        let carried = carried
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        let author = self
            .conn
            .query_row(
                "SELECT author FROM space_files WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))?;
        Ok((carried, author))
    }

    /// An applied file taken back: refused (`why`), and no longer counted as carrying its
    /// records. Inside the caller's transaction.
    pub(crate) fn take_back_file(&self, space: &str, file_hash: &str, why: &Refusal) -> Result<()> {
        self.conn
            .execute(
                "UPDATE space_files SET state = 'rejected', code = ?3, reason = ?4 WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash, why.code(), why.message()],
            )
            .map_err(|e| self.fail(e))?;
        self.conn
            .execute(
                "DELETE FROM space_file_records WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// Every version of the shared record `id` dropped from the team's view (to be merged
    /// again from the files that remain). Inside the caller's transaction.
    pub(crate) fn drop_record(&self, space: &str, id: &str) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM space_records WHERE space_id = ?1 AND id = ?2",
                params![space, id],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The names of the applied files that carry any of `ids`.
    pub(crate) fn applied_files_carrying(&self, space: &str, ids: &BTreeSet<String>) -> Result<Vec<String>> {
        let applied: Vec<(String, String)> = self
            .conn
            .prepare(
                "SELECT f.name, r.record_ids FROM space_file_records r JOIN space_files f \
                 ON f.space_id = r.space_id AND f.file_hash = r.file_hash \
                 WHERE r.space_id = ?1 AND f.state = 'applied'",
            )
            .and_then(|mut st| st.query_map([space], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.fail(e))?;
        Ok(applied
            .into_iter()
            .filter(|(_, json)| {
                serde_json::from_str::<Vec<String>>(json).is_ok_and(|carried| carried.iter().any(|c| ids.contains(c)))
            })
            .map(|(name, _)| name)
            .collect())
    }

    /// A share of this journal's: its entry, its scope's code, and whether it was withdrawn.
    pub(crate) fn share_state(
        &self,
        space: &str,
        shared_id: &str,
    ) -> Result<Option<(crate::id::EntryId, String, bool)>> {
        self.conn
            .query_row(
                "SELECT entry_id, scope, withdrawn_at IS NOT NULL FROM space_shares WHERE space_id = ?1 AND shared_id = ?2",
                params![space, shared_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }
}
