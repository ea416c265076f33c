//! The rows of what was shared only as counts: the contributions the lead's app received
//! (`space_records` of the aggregate scope), and what it remembers of its last release
//! (`space_counts_released`, which never leaves it). The rules are `spaces/counts.rs`; the
//! release, `spaces/team_counts.rs`.

use super::super::Store;
use crate::error::Result;
use rusqlite::params;
use std::collections::BTreeMap;

/// One version of a counts-only share as the journal holds it.
pub(crate) struct AggregateRow {
    pub id: String,
    pub writer: String,
    pub revision: i64,
    pub deleted: bool,
    pub record: String,
    pub hash: String,
}

impl Store {
    /// Every version of the counts-only shares in `space` that the guard did not hold back.
    /// A query of its own, not through every shared record: the lead's app asks at each read
    /// of the folder, and a quiet read must stay quiet.
    pub(crate) fn aggregate_rows(&self, space: &str) -> Result<Vec<AggregateRow>> {
        self.conn
            .prepare_cached(
                "SELECT id, writer, revision, deleted, record, hash FROM space_records \
                 WHERE space_id = ?1 AND kind = 'entry' AND scope = 'aggregate' AND quarantine IS NULL",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    Ok(AggregateRow {
                        id: r.get(0)?,
                        writer: r.get(1)?,
                        revision: r.get(2)?,
                        deleted: r.get(3)?,
                        record: r.get(4)?,
                        hash: r.get(5)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// What the last release counted: each contribution's shared id, with its revision and
    /// contributor.
    pub(crate) fn counts_released(&self, space: &str) -> Result<BTreeMap<String, (i64, String)>> {
        self.conn
            .prepare("SELECT record_id, revision, contributor FROM space_counts_released WHERE space_id = ?1")
            .and_then(|mut st| {
                st.query_map([space], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
                    .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// Remembers what a release counted — `(shared id, revision, contributor)` — in place of
    /// the last, in one transaction.
    pub(crate) fn note_counts_released<'a>(
        &self,
        space: &str,
        counted: impl Iterator<Item = (&'a str, i64, &'a str)>,
    ) -> Result<()> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        tx.execute("DELETE FROM space_counts_released WHERE space_id = ?1", [space])
            .map_err(|e| self.fail(e))?;
        for (id, revision, contributor) in counted {
            tx.execute(
                "INSERT INTO space_counts_released (space_id, record_id, revision, contributor) VALUES (?1, ?2, ?3, ?4)",
                params![space, id, revision, contributor],
            )
            .map_err(|e| self.fail(e))?;
        }
        tx.commit().map_err(|e| self.fail(e))
    }
}
