//! The rows of this journal's own shares (`space_shares`): which shared id came from which
//! private entry. They never leave this journal.

use super::super::Store;
use crate::EntryId;
use crate::error::Result;
use rusqlite::{OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet};

/// Where a live share of this journal's came from: its private entry, and whether that entry
/// was edited after it was last shared.
pub(crate) struct ShareSource {
    pub entry_id: EntryId,
    pub changed_since_shared: bool,
    pub title: String,
    pub occurred_on: String,
}

/// One share of this journal's, as its row holds it: the shared record, the entry it came
/// from, its scope's code, its revision, and an anonymous share's own key (as its seed).
pub(crate) struct ShareRow {
    pub shared_id: String,
    pub entry_id: EntryId,
    pub scope: String,
    pub revision: i64,
    pub record_key: Option<Vec<u8>>,
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

    /// This journal's live share of `entry` in `space`, if there is one.
    pub(crate) fn live_share_of(&self, space: &str, entry: EntryId) -> Result<Option<ShareRow>> {
        self.share_where("entry_id = ?2 AND withdrawn_at IS NULL", params![space, entry])
    }

    /// This journal's share `shared_id`: a live one, or (`withdrawn`) one it withdrew.
    pub(crate) fn share_row(&self, space: &str, shared_id: &str, withdrawn: bool) -> Result<Option<ShareRow>> {
        let live = if withdrawn { "NOT NULL" } else { "NULL" };
        self.share_where(
            &format!("shared_id = ?2 AND withdrawn_at IS {live}"),
            params![space, shared_id],
        )
    }

    fn share_where(&self, filter: &str, args: impl rusqlite::Params) -> Result<Option<ShareRow>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT shared_id, entry_id, scope, revision, record_key FROM space_shares \
                     WHERE space_id = ?1 AND {filter}"
                ),
                args,
                |r| {
                    Ok(ShareRow {
                        shared_id: r.get(0)?,
                        entry_id: r.get(1)?,
                        scope: r.get(2)?,
                        revision: r.get(3)?,
                        record_key: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// Notes a share (or its withdrawal, `withdrawn_at`) this journal wrote, `at` now; inside
    /// the caller's transaction.
    pub(crate) fn note_share(&self, space: &str, row: &ShareRow, at: &str, withdrawn_at: Option<&str>) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO space_shares (space_id, shared_id, entry_id, scope, revision, record_key, shared_at, withdrawn_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (space_id, shared_id) DO UPDATE SET \
                 revision = excluded.revision, shared_at = excluded.shared_at, withdrawn_at = excluded.withdrawn_at",
                params![
                    space,
                    row.shared_id,
                    row.entry_id,
                    row.scope,
                    row.revision,
                    row.record_key,
                    at,
                    withdrawn_at
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// A share's own key and its newest version's JSON, for an anonymous share this journal
    /// signs again (none: not a share of this journal's).
    pub(crate) fn share_key_and_record(
        &self,
        space: &str,
        shared_id: &str,
    ) -> Result<Option<(Option<Vec<u8>>, String)>> {
        self.conn
            .query_row(
                "SELECT h.record_key, r.record FROM space_shares h JOIN space_records r \
                 ON r.space_id = h.space_id AND r.id = h.shared_id \
                 WHERE h.space_id = ?1 AND h.shared_id = ?2 ORDER BY r.revision DESC LIMIT 1",
                params![space, shared_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// The live shares of this journal's `entry` that others can comment on (not counts-only):
    /// `(space, shared id, scope code)`.
    pub(crate) fn commentable_shares_of(&self, entry: EntryId) -> Result<Vec<(String, String, String)>> {
        self.conn
            .prepare(
                "SELECT space_id, shared_id, scope FROM space_shares \
                 WHERE entry_id = ?1 AND withdrawn_at IS NULL AND scope <> 'aggregate'",
            )
            .and_then(|mut st| {
                st.query_map([entry], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// This journal's live share `shared_id` without a name, if it is one: its own key's seed.
    pub(crate) fn live_unnamed_share(&self, space: &str, shared_id: &str) -> Result<Option<Option<Vec<u8>>>> {
        self.conn
            .query_row(
                "SELECT record_key FROM space_shares WHERE space_id = ?1 AND shared_id = ?2 AND scope != 'named' \
                 AND withdrawn_at IS NULL",
                params![space, shared_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// The seeds of the own keys of this journal's shares without a name.
    pub(crate) fn my_share_seeds(&self, space: &str) -> Result<Vec<Vec<u8>>> {
        self.conn
            .prepare("SELECT record_key FROM space_shares WHERE space_id = ?1 AND record_key IS NOT NULL")
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }
}
