//! What this journal remembers of the files in a space's folder: how it lists them (`list_space`),
//! the size, time and file id each had at the last read (so a quiet read opens nothing), the state
//! each ended in (applied, refused and why, held, not for this journal, not Eftertanke's), and what
//! is forgotten when a file is gone (a missing file is never a deletion).

use super::super::Store;
use crate::error::Result;
use crate::spaces::format::bundle::Refusal;
use crate::spaces::format::folder::{BUNDLE_EXT, Found, ROSTER_EXT, Stat, list_all};
use crate::spaces::format::removal::NOTICE_EXT;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

/// One bundle of a member's, as its file row records it: applied, or held for the person's
/// agreement (a mass withdrawal; its number is here, its links are not known yet).
pub(crate) struct ChainLink {
    pub seq: u64,
    pub hash: Option<String>,
    pub prev: Option<String>,
    pub held: bool,
}

/// The state of a file held until the person agrees to read it (`space_files.state`, beside
/// applied, rejected and not_for_me).
pub(crate) const HELD: &str = "held";

/// A file's recorded state, and why it was refused (code and words), if it was.
pub(crate) type FileState = (String, Option<String>, Option<String>);

/// The state of a file that is not Eftertanke's (not an age file at all): counted, not listed.
pub(crate) const NOT_OURS: &str = "not_ours";

/// A file of the folder that was not applied, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileProblem {
    /// Its path below the space's folder (random ids only).
    pub name: String,
    pub code: String,
    pub reason: String,
}

pub(crate) fn problem(f: &Found, why: &Refusal) -> FileProblem {
    FileProblem {
        name: f.name.clone(),
        code: why.code().into(),
        reason: why.message(),
    }
}

/// The files of one read of the folder, as listed.
pub(crate) struct Listed {
    pub(crate) rosters: Vec<Found>,
    pub(crate) notices: Vec<Found>,
    pub(crate) bundles: Vec<Found>,
    /// Things that are not Eftertanke's files.
    pub(crate) not_ours: usize,
    pub(crate) cut: bool,
}

pub(crate) fn list_space(dir: &std::path::Path) -> Listed {
    let rosters = list_all(dir, "rosters", ROSTER_EXT);
    let notices = list_all(dir, "rosters", NOTICE_EXT);
    let members = list_all(dir, "members", BUNDLE_EXT);
    let anonymous = list_all(dir, "anonymous", BUNDLE_EXT);
    // A roster file is among the notices' "others" and the reverse: a thing counts as not ours
    // only when neither listing of the folder took it.
    let not_ours = rosters
        .others
        .iter()
        .filter(|n| !notices.files.iter().any(|f| &&f.name == n))
        .count()
        + members.others.len()
        + anonymous.others.len();
    let cut = rosters.cut || members.cut || anonymous.cut;
    let mut bundles = members.files;
    bundles.extend(anonymous.files);
    Listed {
        rosters: rosters.files,
        notices: notices.files,
        bundles,
        not_ours,
        cut,
    }
}

impl Store {
    /// What the last read saw of every file of the space, by name: loaded once per read, so a
    /// quiet read of a large folder costs a lookup per file, not a query.
    pub(crate) fn last_seen(&self, space: &str) -> Result<std::collections::HashMap<String, (Stat, String)>> {
        self.conn
            .prepare("SELECT name, size, modified_ns, file_id, file_hash FROM space_file_stats WHERE space_id = ?1")
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    let stat = Stat {
                        size: r.get::<_, i64>(1)? as u64,
                        modified_ns: r.get(2)?,
                        file_id: r.get::<_, i64>(3)? as u64,
                    };
                    Ok((r.get::<_, String>(0)?, (stat, r.get::<_, String>(4)?)))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// What this journal recorded of each file it read before, by hash: its state and, when
    /// refused, why. Loaded once per read.
    pub(crate) fn recorded(&self, space: &str) -> Result<std::collections::HashMap<String, FileState>> {
        self.conn
            .prepare("SELECT file_hash, state, code, reason FROM space_files WHERE space_id = ?1")
            .and_then(|mut st| {
                st.query_map([space], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
                    .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// What this read saw of the files it opened, and the files it found not to be
    /// Eftertanke's, in one transaction.
    pub(crate) fn remember_stats(
        &self,
        space: &str,
        seen: &[(&Found, String)],
        not_ours: &[(&Found, String)],
    ) -> Result<()> {
        if seen.is_empty() && not_ours.is_empty() {
            return Ok(());
        }
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO space_file_stats (space_id, name, size, modified_ns, file_id, file_hash) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(|e| self.fail(e))?;
            for (f, file_hash) in seen {
                insert
                    .execute(params![
                        space,
                        f.name,
                        f.stat.size as i64,
                        f.stat.modified_ns,
                        f.stat.file_id as i64,
                        file_hash
                    ])
                    .map_err(|e| self.fail(e))?;
            }
            let mut mark = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO space_files (space_id, file_hash, name, state, read_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(|e| self.fail(e))?;
            let now = crate::time::to_db(crate::time::now());
            for (f, file_hash) in not_ours {
                mark.execute(params![space, file_hash, f.name, NOT_OURS, now])
                    .map_err(|e| self.fail(e))?;
            }
        }
        tx.commit().map_err(|e| self.fail(e))
    }

    /// Files gone from the folder are forgotten: their sizes and times, and every refusal,
    /// hold or "not ours" of theirs, so nothing in the status outlives its cause. What was
    /// applied stays applied (a missing file is never a deletion).
    pub(crate) fn forget_what_is_gone(&self, space: &str, listed: &Listed) -> Result<()> {
        if listed.cut {
            // Not every file was listed: nothing can be called gone.
            return Ok(());
        }
        let present: std::collections::HashSet<&str> = listed
            .rosters
            .iter()
            .chain(&listed.notices)
            .chain(&listed.bundles)
            .map(|f| f.name.as_str())
            .collect();
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        for (table, filter) in [
            ("space_file_stats", ""),
            ("space_roster_files", ""),
            (
                "space_files",
                " AND state IN ('rejected', 'held', 'not_for_me', 'not_ours')",
            ),
        ] {
            let names: Vec<String> = tx
                .prepare(&format!(
                    "SELECT DISTINCT name FROM {table} WHERE space_id = ?1{filter}"
                ))
                .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
                .map_err(|e| self.fail(e))?;
            let mut delete = tx
                .prepare(&format!(
                    "DELETE FROM {table} WHERE space_id = ?1 AND name = ?2{filter}"
                ))
                .map_err(|e| self.fail(e))?;
            for name in names.iter().filter(|n| !present.contains(n.as_str())) {
                delete.execute(params![space, name]).map_err(|e| self.fail(e))?;
            }
        }
        tx.commit().map_err(|e| self.fail(e))
    }

    /// What the last read found odd in the folder: how many things are not Eftertanke's, and
    /// the epochs with two different rosters signed by the lead (a fork).
    pub(crate) fn folder_oddities(&self, space: &str) -> Result<(usize, Vec<u64>)> {
        let not_ours: i64 = self
            .conn
            .query_row("SELECT not_ours FROM spaces WHERE id = ?1", [space], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        let forks: Vec<i64> = self
            .conn
            .prepare(
                "SELECT epoch FROM space_roster_files WHERE space_id = ?1 GROUP BY epoch \
                 HAVING count(DISTINCT roster_hash) > 1 ORDER BY epoch",
            )
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))?;
        Ok((not_ours as usize, forks.into_iter().map(|e| e as u64).collect()))
    }

    /// The files of the space that were refused, each with its code and reason.
    pub(crate) fn refused_files(&self, space: &str) -> Result<Vec<FileProblem>> {
        self.conn
            .prepare(
                "SELECT name, code, reason FROM space_files WHERE space_id = ?1 AND state IN ('rejected', 'held') \
                 ORDER BY read_at, name",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    Ok(FileProblem {
                        name: r.get(0)?,
                        code: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                        reason: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    pub(crate) fn record_file(
        &self,
        space: &str,
        file_hash: &str,
        f: &Found,
        state: &str,
        why: Option<&Refusal>,
    ) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO space_files (space_id, file_hash, name, state, code, reason, read_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    space,
                    file_hash,
                    f.name,
                    state,
                    why.map(Refusal::code),
                    why.map(Refusal::message),
                    crate::time::to_db(crate::time::now())
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// Each member's bundles this journal applied or holds, as their file rows record them:
    /// `(author, link)`.
    pub(crate) fn chain_links(&self, space: &str) -> Result<Vec<(String, ChainLink)>> {
        self.conn
            .prepare(
                "SELECT author, seq, manifest_hash, prev, state = 'held' FROM space_files \
                 WHERE space_id = ?1 AND state IN ('applied', 'held') AND author IS NOT NULL AND seq IS NOT NULL",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    Ok((
                        r.get(0)?,
                        ChainLink {
                            seq: r.get::<_, i64>(1)? as u64,
                            hash: r.get(2)?,
                            prev: r.get(3)?,
                            held: r.get(4)?,
                        },
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// The state this journal recorded for the file of `file_hash`, if it recorded one.
    pub(crate) fn file_state(&self, space: &str, file_hash: &str) -> Result<Option<FileState>> {
        self.conn
            .query_row(
                "SELECT state, code, reason FROM space_files WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// A file sealed out and written again where it counts: no longer this journal's problem.
    pub(crate) fn note_shared_again(&self, space: &str, file_hash: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE space_files SET state = 'shared_again' WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// A held bundle's place in its author's chain: its number is here, only not applied.
    pub(crate) fn note_held_link(&self, space: &str, file_hash: &str, author: &str, seq: u64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE space_files SET author = ?3, seq = ?4 WHERE space_id = ?1 AND file_hash = ?2",
                params![space, file_hash, author, seq as i64],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The names of the named bundles `author` wrote that this journal applied, oldest first.
    pub(crate) fn applied_bundle_names(&self, space: &str, author: &str) -> Result<Vec<String>> {
        self.conn
            .prepare(
                "SELECT name FROM space_files WHERE space_id = ?1 AND author = ?2 AND state = 'applied' \
                 AND seq IS NOT NULL ORDER BY read_at",
            )
            .and_then(|mut st| st.query_map(params![space, author], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }
}
