//! The rows of the rosters this journal keeps (`space_rosters`: the first of each epoch, as
//! signed by the lead) and of the removals' seals they carry (`space_seals`).

use super::super::Store;
use crate::error::{Error, Result};
use crate::spaces::format::roster::Roster;
use rusqlite::params;

impl Store {
    /// Keeps a roster of the lead's (the first of its epoch stays), with its seal, if it has
    /// one, as rows a bundle's check reads. Returns whether it was new.
    pub(crate) fn keep_roster(&self, roster: &Roster) -> Result<bool> {
        let json = serde_json::to_string(roster).map_err(|e| Error::caused("keeping the roster", e))?;
        let new = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO space_rosters (space_id, epoch, roster) VALUES (?1, ?2, ?3)",
                params![roster.space, roster.epoch as i64, json],
            )
            .map_err(|e| self.fail(e))?
            == 1;
        if let (true, Some(sealed)) = (new, &roster.sealed) {
            let mut insert = self
                .conn
                .prepare_cached("INSERT OR IGNORE INTO space_seals (space_id, epoch, file_hash) VALUES (?1, ?2, ?3)")
                .map_err(|e| self.fail(e))?;
            for hash in std::iter::once("").chain(sealed.iter().map(String::as_str)) {
                insert
                    .execute(params![roster.space, roster.epoch as i64, hash])
                    .map_err(|e| self.fail(e))?;
            }
        }
        Ok(new)
    }

    /// Every roster this journal keeps of `space` as stored (JSON), newest epoch first: read
    /// one at a time by the caller, which stops at the first it needs.
    pub(crate) fn stored_rosters_newest_first(&self, space: &str) -> Result<Vec<String>> {
        self.conn
            .prepare("SELECT roster FROM space_rosters WHERE space_id = ?1 ORDER BY epoch DESC")
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// The bundle files a new removal seals: every file this journal applied or holds (for a
    /// mass withdrawal's yes) at an epoch after the last seal, and those of unknown epoch (read
    /// before epochs were recorded).
    pub(crate) fn files_to_seal(&self, space: &str) -> Result<Vec<String>> {
        self.conn
            .prepare(
                "SELECT file_hash FROM space_files WHERE space_id = ?1 AND state IN ('applied', 'held') \
                 AND (epoch IS NULL OR epoch >= (SELECT coalesce(max(epoch), 0) FROM space_seals WHERE space_id = ?1)) \
                 ORDER BY file_hash",
            )
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// The number of the last bundle of `author`'s this journal applied (0: none).
    pub(crate) fn last_applied_seq(&self, space: &str, author: &str) -> Result<u64> {
        let seq: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(seq) FROM space_files WHERE space_id = ?1 AND author = ?2 AND state = 'applied'",
                params![space, author],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))?;
        Ok(seq.unwrap_or(0) as u64)
    }
}
