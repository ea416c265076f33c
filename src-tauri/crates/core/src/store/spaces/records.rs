//! The rows of what the team shared (`space_records`) as they stand: each record's versions,
//! the one that stands (the highest revision the guard did not hold back, none withdrawn), and
//! the names the space's rosters give its members' keys.

use super::super::Store;
use crate::error::{Error, Result};
use crate::spaces::format::record::{ENTRY, Record, Scope};
use crate::spaces::format::roster::Roster;
use rusqlite::params;
use std::collections::BTreeMap;

/// A shared record as it stands (see `Store::live`).
pub(crate) struct Live {
    pub version: Version,
    pub record: Record,
    pub scope: Scope,
    pub conflict: bool,
}

pub(crate) struct Version {
    pub id: String,
    pub writer: String,
    pub author_key: Option<String>,
    pub revision: i64,
    pub deleted: bool,
    pub quarantine: Option<String>,
    pub record: String,
}

impl Store {
    /// The versions of `kind`'s records, by id and hash. Sorted here, not by the query: an
    /// `ORDER BY id` makes SQLite walk the whole table in id order instead of the index of one
    /// kind (40 ms for a kind with one record beside 10,000 entries).
    pub(crate) fn versions(&self, space: &str, kind: &str) -> Result<Vec<Version>> {
        let mut rows: Vec<(String, Version)> = self
            .conn
            .prepare_cached(
                "SELECT hash, id, writer, author_key, revision, deleted, quarantine, record FROM space_records \
                 WHERE space_id = ?1 AND kind = ?2",
            )
            .and_then(|mut s| {
                s.query_map(params![space, kind], |r| {
                    Ok((
                        r.get(0)?,
                        Version {
                            id: r.get(1)?,
                            writer: r.get(2)?,
                            author_key: r.get(3)?,
                            revision: r.get(4)?,
                            deleted: r.get(5)?,
                            quarantine: r.get(6)?,
                            record: r.get(7)?,
                        },
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))?;
        rows.sort_by(|(ha, a), (hb, b)| a.id.cmp(&b.id).then(ha.cmp(hb)));
        Ok(rows.into_iter().map(|(_, v)| v).collect())
    }

    /// Every display name a key had in the space's rosters (the newest wins).
    pub(crate) fn names(&self, space: &str) -> Result<BTreeMap<String, String>> {
        let rosters: Vec<String> = self
            .conn
            .prepare("SELECT roster FROM space_rosters WHERE space_id = ?1 ORDER BY epoch")
            .and_then(|mut s| s.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))?;
        let mut names = BTreeMap::new();
        for json in rosters {
            let roster: Roster = serde_json::from_str(&json).map_err(|e| Error::caused("a stored roster", e))?;
            for m in roster.members {
                names.insert(m.keys.key_id(), m.name);
            }
        }
        Ok(names)
    }

    /// Each shared record as it stands: its versions at the highest revision that the guard
    /// did not hold back, none withdrawn, parsed once. What the entries, the counts and the
    /// status all read.
    pub(crate) fn live(&self, space: &str) -> Result<Vec<Live>> {
        self.live_of(space, ENTRY)
    }

    /// Each record of `kind` as it stands (see `live`).
    pub(crate) fn live_of(&self, space: &str, kind: &str) -> Result<Vec<Live>> {
        let mut by_id: BTreeMap<String, Vec<Version>> = BTreeMap::new();
        for v in self
            .versions(space, kind)?
            .into_iter()
            .filter(|v| v.quarantine.is_none())
        {
            by_id.entry(v.id.clone()).or_default().push(v);
        }
        let mut out = Vec::new();
        for (_, mut versions) in by_id {
            if versions.iter().any(|v| v.deleted) {
                continue;
            }
            let conflict = versions.len() > 1;
            let version = versions.swap_remove(0);
            let record: Record =
                serde_json::from_str(&version.record).map_err(|e| Error::caused("a stored record", e))?;
            let Some(scope) = record.scope else { continue };
            out.push(Live {
                version,
                record,
                scope,
                conflict,
            });
        }
        Ok(out)
    }

    /// This journal's live shares in `space` last written before `before`.
    pub(crate) fn own_shares_written_before(&self, space: &str, before: &str) -> Result<Vec<String>> {
        self.conn
            .prepare(
                "SELECT h.shared_id FROM space_shares h JOIN space_records r \
                 ON r.space_id = h.space_id AND r.id = h.shared_id \
                 WHERE h.space_id = ?1 AND h.withdrawn_at IS NULL AND NOT r.deleted AND r.updated_at < ?2",
            )
            .and_then(|mut st| st.query_map(params![space, before], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// Erases from this journal's view every live record of `kinds` last written before
    /// `before`, and the comments on what is no longer there, in one transaction.
    pub(crate) fn erase_written_before(&self, space: &str, kinds: &[&str], before: &str) -> Result<()> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        for kind in kinds {
            tx.execute(
                "DELETE FROM space_records WHERE space_id = ?1 AND kind = ?2 AND updated_at < ?3 AND NOT deleted",
                params![space, kind, before],
            )
            .map_err(|e| self.fail(e))?;
        }
        tx.execute(
            "DELETE FROM space_records WHERE space_id = ?1 AND kind = 'comment' AND json_extract(record, '$.body.on') \
             NOT IN (SELECT id FROM space_records WHERE space_id = ?1 AND kind = 'entry')",
            params![space],
        )
        .map_err(|e| self.fail(e))?;
        tx.commit().map_err(|e| self.fail(e))
    }
}
