//! Reflection spaces in the store: the rows, a module per table or group of tables — the
//! spaces this journal is in and their newest roster (here), identities (`identities.rs`),
//! rosters and seals (`rosters.rs`, `seals.rs`), the shared records as they stand
//! (`records.rs`) and their merge (`merge.rs`), this journal's own shares and files
//! (`shares.rs`, `own_files.rs`), the waiting anonymous bundles (`outbox.rs`), what it
//! remembers of the folder's files (`folder_memory.rs`), the counts-only rows (`counts.rs`),
//! what the lead went through (`reviewed.rs`), the comment threads read (`threads.rs`) and the
//! session being run. Every use case — what to write, what to accept — is `crate::spaces`.

mod counts;
mod folder_memory;
mod identities;
mod merge;
mod outbox;
mod own_files;
mod records;
mod reviewed;
mod rosters;
mod seals;
mod session_drafts;
mod shares;
mod threads;

pub use folder_memory::FileProblem;
pub(crate) use folder_memory::{ChainLink, FileState, HELD, NOT_OURS, list_space, problem};
pub(crate) use merge::{AppliedFile, BundleMerged, Incoming, incoming};
pub(crate) use outbox::moment;
pub(crate) use own_files::OwnFile;
pub(crate) use records::Live;
pub(crate) use shares::ShareRow;

use super::Store;
use crate::error::{Error, Problem, Result};
use crate::spaces::format::keys::MemberKeys;
use crate::spaces::format::roster::Roster;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// A space this journal is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpaceInfo {
    pub id: String,
    pub name: String,
    #[ts(type = "string")]
    pub folder: PathBuf,
    /// This journal leads the space (signs its rosters).
    pub lead: bool,
    pub epoch: u64,
    /// The lead's fingerprint, shown beside the space's name: what a newcomer confirms to join.
    pub lead_fingerprint: String,
}

/// A space as the store works with it: its row, this journal's keys in it, its newest roster.
pub(crate) struct Space {
    pub info: SpaceInfo,
    pub keys: MemberKeys,
    pub lead_key: String,
    pub roster: Roster,
    /// A roster this journal cannot read has appeared: the lead removed it.
    pub removed: bool,
}

impl Store {
    /// The ids of the entries shared in `space` that have been withdrawn.
    pub(crate) fn withdrawn_entries(&self, space: &str) -> Result<std::collections::BTreeSet<String>> {
        self.conn
            .prepare("SELECT id FROM space_records WHERE space_id = ?1 AND kind = 'entry' AND deleted")
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// When this journal last read the space's folder.
    pub(crate) fn last_read_at(&self, space: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT last_read_at FROM spaces WHERE id = ?1", [space], |r| r.get(0))
            .map_err(|e| self.fail(e))
    }

    /// This journal's next bundle number in the space, and the hash of its last bundle.
    pub(crate) fn bundle_position(&self, space: &str) -> Result<(i64, Option<String>)> {
        self.conn
            .query_row("SELECT next_seq, last_hash FROM spaces WHERE id = ?1", [space], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(|e| self.fail(e))
    }

    /// This journal wrote bundle `seq` with manifest `hash`; inside the caller's transaction.
    pub(crate) fn note_bundle_written(&self, space: &str, seq: u64, hash: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE spaces SET next_seq = ?2, last_hash = ?3 WHERE id = ?1",
                params![space, seq as i64 + 1, hash],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// A read of the space's folder ended now, finding `not_ours` things that are not ours.
    pub(crate) fn note_read(&self, space: &str, not_ours: usize) -> Result<()> {
        self.conn
            .execute(
                "UPDATE spaces SET last_read_at = ?2, not_ours = ?3 WHERE id = ?1",
                params![space, crate::time::to_db(crate::time::now()), not_ours as i64],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The lead's notice removed this journal from the space (the first time counts).
    pub(crate) fn note_removed(&self, space: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE spaces SET removed_at = coalesce(removed_at, ?2) WHERE id = ?1",
                params![space, crate::time::to_db(crate::time::now())],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// A roster file read and kept: which file, and which roster it held.
    pub(crate) fn remember_roster_file(
        &self,
        space: &str,
        epoch: u64,
        file_hash: &str,
        roster_hash: &str,
        name: &str,
    ) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO space_roster_files (space_id, epoch, file_hash, roster_hash, name) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![space, epoch as i64, file_hash, roster_hash, name],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The folder of each space this journal is in (`<shared folder>/eftertanke-<id>`): what the
    /// app watches. A cheap read: no keys are opened.
    pub fn space_folders(&self) -> Result<Vec<PathBuf>> {
        let rows: Vec<(String, String)> = self
            .conn
            .prepare("SELECT id, folder FROM spaces WHERE removed_at IS NULL ORDER BY id")
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.fail(e))?;
        Ok(rows
            .into_iter()
            .map(|(id, folder)| crate::spaces::format::folder::space_dir(std::path::Path::new(&folder), &id))
            .collect())
    }

    /// The spaces this journal is in, by name.
    pub fn spaces(&self) -> Result<Vec<SpaceInfo>> {
        let ids: Vec<String> = self
            .conn
            .prepare("SELECT id FROM spaces ORDER BY name, id")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))?;
        ids.iter().map(|id| self.space(id).map(|s| s.info)).collect()
    }

    /// One space this journal is in, by its id (or its name when exactly one space has it).
    pub fn space_info(&self, space: &str) -> Result<SpaceInfo> {
        Ok(self.space(space)?.info)
    }

    /// A space by its id, or by its name when exactly one space has it.
    pub(crate) fn space(&self, id_or_name: &str) -> Result<Space> {
        #[allow(clippy::type_complexity)]
        let found: Vec<(String, String, String, String, Option<String>, String, Vec<u8>)> = self
            .conn
            .prepare(
                "SELECT s.id, s.name, s.folder, s.lead_key, s.removed_at, i.age_secret, i.signing_secret FROM spaces s \
                 JOIN member_identities i ON i.id = s.identity_id WHERE s.id = ?1 OR s.name = ?1",
            )
            .and_then(|mut s| {
                s.query_map([id_or_name], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))?;
        let (id, name, folder, lead_key, removed_at, age, signing) = match found.len() {
            0 => {
                return Err(Error::NotFound {
                    what: "space",
                    id: id_or_name.to_owned(),
                });
            }
            1 => found.into_iter().next().ok_or_else(|| Error::internal("no space"))?,
            _ => {
                return Err(Error::invalid(
                    "space",
                    Problem::Duplicate,
                    format!("more than one space is called '{id_or_name}'; name it by its id"),
                ));
            }
        };
        let keys = MemberKeys::from_secrets(&age, &signing)?;
        let roster = self.newest_roster(&id)?;
        Ok(Space {
            info: SpaceInfo {
                lead_fingerprint: roster
                    .member_by_key(&lead_key)
                    .map(|m| m.keys.fingerprint())
                    .unwrap_or_default(),
                lead: keys.public().key_id() == lead_key,
                epoch: roster.epoch,
                id,
                name,
                folder: PathBuf::from(folder),
            },
            keys,
            lead_key,
            roster,
            removed: removed_at.is_some(),
        })
    }

    /// Reads and writes the space's folder at `folder` from now on.
    pub(crate) fn set_space_folder(&self, space: &str, folder: &str) -> Result<()> {
        self.conn
            .execute("UPDATE spaces SET folder = ?2 WHERE id = ?1", params![space, folder])
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// The newest roster of a space this journal has read.
    pub fn space_roster(&self, space: &str) -> Result<Roster> {
        Ok(self.space(space)?.roster)
    }

    pub(crate) fn roster_at(&self, space: &str, epoch: u64) -> Result<Option<Roster>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT roster FROM space_rosters WHERE space_id = ?1 AND epoch = ?2",
                params![space, epoch as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.fail(e))?;
        json.map(|j| serde_json::from_str(&j).map_err(|e| Error::caused("a stored roster", e)))
            .transpose()
    }

    fn newest_roster(&self, space: &str) -> Result<Roster> {
        let epoch: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(epoch) FROM space_rosters WHERE space_id = ?1",
                [space],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))?;
        self.roster_at(space, epoch.unwrap_or(0) as u64)?
            .ok_or_else(|| Error::internal(format!("space {space} has no roster")))
    }
}

/// A member as people read them: their display name in the space, or, for a key no roster
/// this journal read names, the start of its id.
pub(crate) fn member_name(names: &std::collections::BTreeMap<String, String>, key: &str) -> String {
    names
        .get(key)
        .cloned()
        .unwrap_or_else(|| key[..8.min(key.len())].to_owned())
}
