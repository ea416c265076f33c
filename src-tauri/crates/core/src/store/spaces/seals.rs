//! A removal's seal, as a reader keeps it: whether a bundle of an earlier epoch counts (the
//! first seal after its epoch must name it), what is taken back when a seal arrives after the
//! files it leaves out were applied, and this journal's own shares and withdrawals that missed
//! a seal, written again at the new epoch. The rule is in `docs/bundle-format.md`.

use super::super::Store;
use super::merge::incoming;
use super::merge::merge;
use super::share::anonymous_writer;
use crate::error::Result;
use crate::spaces::format::MAX_FILE_BYTES;
use crate::spaces::format::bundle::parse_records;
use crate::spaces::format::bundle::{Refusal, open_bundle};
use crate::spaces::format::folder::{read_bounded, space_dir};
use rusqlite::{OptionalExtension, params};

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

    /// After a removal's seal arrives: every file applied before that the seal leaves out is
    /// taken back, so a reader that read a removed member's late bundle before the removal ends
    /// where a reader that read them the other way round does. Its records are removed from
    /// the team's view and merged again from the other files that carry them (read again from
    /// the folder).
    pub(crate) fn take_back_sealed_out(&mut self, s: &super::Space) -> Result<Vec<(String, Vec<String>)>> {
        let applied: Vec<(String, String, i64)> = self
            .conn
            .prepare(
                "SELECT file_hash, name, epoch FROM space_files WHERE space_id = ?1 AND state = 'applied' \
                 AND epoch IS NOT NULL",
            )
            .and_then(|mut st| {
                st.query_map([&s.info.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for (hash, name, epoch) in applied {
            if !self.counts_under_seals(&s.info.id, epoch as u64, &hash)? {
                out.push((hash, name));
            }
        }
        if out.is_empty() {
            return Ok(Vec::new());
        }
        let me = s.keys.public().key_id();
        let mut own: Vec<(String, Vec<String>)> = Vec::new();
        let why = Refusal::SealedOut;
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        let mut ids: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        for (hash, _) in &out {
            let carried: Option<String> = tx
                .query_row(
                    "SELECT record_ids FROM space_file_records WHERE space_id = ?1 AND file_hash = ?2",
                    params![s.info.id, hash],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.fail(e))?;
            let carried: Vec<String> = carried
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default();
            let author: Option<String> = tx
                .query_row(
                    "SELECT author FROM space_files WHERE space_id = ?1 AND file_hash = ?2",
                    params![s.info.id, hash],
                    |r| r.get(0),
                )
                .map_err(|e| self.fail(e))?;
            if author.as_deref() == Some(me.as_str()) {
                own.push((hash.clone(), carried.clone()));
            }
            ids.extend(carried);
            tx.execute(
                "UPDATE space_files SET state = 'rejected', code = ?3, reason = ?4 WHERE space_id = ?1 AND file_hash = ?2",
                params![s.info.id, hash, why.code(), why.message()],
            )
            .map_err(|e| self.fail(e))?;
            tx.execute(
                "DELETE FROM space_file_records WHERE space_id = ?1 AND file_hash = ?2",
                params![s.info.id, hash],
            )
            .map_err(|e| self.fail(e))?;
        }
        for id in &ids {
            tx.execute(
                "DELETE FROM space_records WHERE space_id = ?1 AND id = ?2",
                params![s.info.id, id],
            )
            .map_err(|e| self.fail(e))?;
        }
        // The applied files that carry any of those records too.
        let applied: Vec<(String, String)> = tx
            .prepare(
                "SELECT f.name, r.record_ids FROM space_file_records r JOIN space_files f \
                 ON f.space_id = r.space_id AND f.file_hash = r.file_hash \
                 WHERE r.space_id = ?1 AND f.state = 'applied'",
            )
            .and_then(|mut st| st.query_map([&s.info.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.fail(e))?;
        let others: Vec<(String, String)> = applied
            .into_iter()
            .filter(|(_, json)| {
                serde_json::from_str::<Vec<String>>(json).is_ok_and(|carried| carried.iter().any(|c| ids.contains(c)))
            })
            .map(|(name, _)| (String::new(), name))
            .collect();
        // The versions the remaining files carry, merged again (the merge keeps the highest).
        let dir = space_dir(&s.info.folder, &s.info.id);
        let now = crate::time::to_db(crate::time::now());
        for (_, name) in others {
            let Ok(bytes) = read_bounded(&dir.join(&name), MAX_FILE_BYTES) else {
                continue;
            };
            let Ok(opened) = open_bundle(s.keys.identity(), &bytes) else {
                continue;
            };
            let Ok(records) = parse_records(&opened) else { continue };
            let author = opened.manifest.author.clone();
            for (record, json, anon_writer) in records.iter().filter(|(r, _, _)| ids.contains(&r.id)) {
                let writer = match (&author, anon_writer) {
                    (Some(key), _) => key.clone(),
                    (None, Some(public)) => anonymous_writer(public),
                    (None, None) => continue,
                };
                merge(
                    &tx,
                    &incoming(&s.info.id, record, json, &writer, author.as_deref(), &now),
                )
                .map_err(|e| self.fail(e))?;
            }
        }
        tx.commit().map_err(|e| self.fail(e))?;
        Ok(own)
    }

    /// This journal's own shares and withdrawals that a removal's seal left out (written at
    /// the moment of the removal, so the lead did not hold them yet): written again at the new
    /// epoch, where they count. A share the guard now stops stays named in the status.
    pub(crate) fn share_again(&mut self, space: &str, ids: &[String]) -> Result<bool> {
        let mut shares: Vec<(String, crate::id::EntryId, String, bool)> = Vec::new();
        for id in ids {
            let row: Option<(crate::id::EntryId, String, bool)> = self
                .conn
                .query_row(
                    "SELECT entry_id, scope, withdrawn_at IS NOT NULL FROM space_shares WHERE space_id = ?1 AND shared_id = ?2",
                    params![space, id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()
                .map_err(|e| self.fail(e))?;
            if let Some((entry, scope, withdrawn)) = row {
                shares.push((id.clone(), entry, scope, withdrawn));
            }
        }
        let mut all = shares.len() == ids.len();
        for (id, entry, scope, withdrawn) in shares {
            let again = if withdrawn {
                self.withdraw(space, &id, true)
            } else {
                let scope = crate::spaces::format::record::Scope::from_code(&scope)
                    .ok_or_else(|| crate::error::Error::internal(format!("a stored share's scope '{scope}'")))?;
                self.share_entries(space, &[entry], scope, false).map(|_| ())
            };
            // Refused (the guard, a removed journal, the folder gone): the status names it.
            all &= again.is_ok();
        }
        Ok(all)
    }
}
