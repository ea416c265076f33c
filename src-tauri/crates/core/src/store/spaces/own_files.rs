//! The rows of this journal's own files in a space's folder: which records each applied file
//! of its carried (`space_file_records`), and the replaced files the folder would not let go of
//! yet (`space_files_to_remove`), removed at a later read.

use super::super::Store;
use crate::error::{Error, Result};
use rusqlite::params;

/// One of this journal's own files, as its row and its records list hold it.
pub(crate) struct OwnFile {
    pub hash: String,
    pub name: String,
    pub seq: Option<i64>,
    pub manifest_hash: Option<String>,
    pub prev: Option<String>,
    pub epoch: i64,
    pub records: Vec<String>,
}

impl Store {
    /// The applied files `author` (this journal's key) wrote into `space`, with their records.
    pub(crate) fn own_files(&self, space: &str, author: &str) -> Result<Vec<OwnFile>> {
        let rows: Vec<(OwnFile, String)> = self
            .conn
            .prepare(
                "SELECT f.file_hash, f.name, f.seq, f.manifest_hash, f.prev, f.epoch, r.record_ids FROM space_files f \
                 JOIN space_file_records r ON r.space_id = f.space_id AND r.file_hash = f.file_hash \
                 WHERE f.space_id = ?1 AND f.author = ?2 AND f.state = 'applied'",
            )
            .and_then(|mut st| {
                st.query_map(params![space, author], |r| {
                    Ok((
                        OwnFile {
                            hash: r.get(0)?,
                            name: r.get(1)?,
                            seq: r.get(2)?,
                            manifest_hash: r.get(3)?,
                            prev: r.get(4)?,
                            epoch: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                            records: Vec::new(),
                        },
                        r.get(6)?,
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))?;
        rows.into_iter()
            .map(|(mut f, json)| {
                f.records = serde_json::from_str(&json).map_err(|e| Error::caused("a file's records", e))?;
                Ok(f)
            })
            .collect()
    }

    /// Whether the journal still holds any version of the shared record `id`.
    pub(crate) fn record_kept(&self, space: &str, id: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM space_records WHERE space_id = ?1 AND id = ?2)",
                params![space, id],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))
    }

    /// A replaced file the folder would not let go of: removed at a later read.
    pub(crate) fn note_to_remove(&self, space: &str, name: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO space_files_to_remove (space_id, name) VALUES (?1, ?2)",
                params![space, name],
            )
            .map(drop)
            .map_err(|e| self.fail(e))
    }

    /// The replaced files still to remove from the space's folder.
    pub(crate) fn names_to_remove(&self, space: &str) -> Result<Vec<String>> {
        self.conn
            .prepare("SELECT name FROM space_files_to_remove WHERE space_id = ?1")
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// A replaced file gone from the folder: nothing left to remove.
    pub(crate) fn forget_to_remove(&self, space: &str, name: &str) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM space_files_to_remove WHERE space_id = ?1 AND name = ?2",
                params![space, name],
            )
            .map(drop)
            .map_err(|e| self.fail(e))
    }

    /// How many of this journal's replaced files wait to be removed from the folder.
    pub(crate) fn files_to_remove(&self, space: &str) -> Result<usize> {
        self.conn
            .query_row(
                "SELECT count(*) FROM space_files_to_remove WHERE space_id = ?1",
                [space],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as usize)
            .map_err(|e| self.fail(e))
    }
}
