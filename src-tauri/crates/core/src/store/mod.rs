//! The local store: one SQLite file per installation.
//!
//! Architecture invariant: only the store touches SQLite, and only through one [`Store`] value
//! per database. Writes take `&mut self`, so the type system keeps writers from overlapping.
//!
//! Opening is careful: a damaged file, a file from a newer version, a file that is not ours, a
//! lock held by another program, an unwritable directory or one on a network drive each become
//! a distinct [`Error`], and the file is never overwritten or "repaired" on the way.

mod actions;
mod charts;
mod connection;
mod drafts;
mod entries;
pub mod file_system;
mod initiatives;
mod links;
pub mod migrations;
mod settings;
pub mod timeline;

use crate::error::{Error, Result};
use crate::guide::Guides;
use crate::id::InstallationId;
use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use connection::apply_pragmas;

/// How to open a store.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// How long a write waits for another connection's lock before giving up with
    /// [`Error::Locked`].
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self {
            busy_timeout: Duration::from_secs(5),
        }
    }
}

#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    installation_id: InstallationId,
    guides: &'static Guides,
}

impl Store {
    /// Opens (or creates) the database in `data_dir`, creating the directory if needed.
    pub fn open_in_dir(data_dir: &Path, options: &OpenOptions) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(|e| Error::from_io(data_dir, &e))?;
        Self::open(&crate::data_dir::database_path(data_dir), options)
    }

    /// Opens (or creates) the database file at `path`.
    pub fn open(path: &Path, options: &OpenOptions) -> Result<Self> {
        connection::check_location(path)?;
        let conn = Connection::open(path).map_err(|e| Error::from_sqlite(path, e))?;
        Self::prepare(conn, path.to_path_buf(), options)
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory().map_err(|e| Error::Internal(e.to_string()))?;
        Self::prepare(conn, PathBuf::from(":memory:"), &OpenOptions::default())
    }

    fn prepare(mut conn: Connection, path: PathBuf, options: &OpenOptions) -> Result<Self> {
        let fail = |e| Error::from_sqlite(&path, e);
        conn.busy_timeout(options.busy_timeout).map_err(fail)?;
        // Identity first: switching to WAL rewrites the header, and a file that is not ours
        // must be left byte for byte as it was.
        connection::check_identity(&conn, &path)?;
        apply_pragmas(&conn, options.busy_timeout).map_err(fail)?;
        migrations::migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => fail(err),
            other => Error::Internal(format!("migrating {}: {other}", path.display())),
        })?;
        let installation_id = load_or_create_installation_id(&conn).map_err(fail)?;
        Ok(Self {
            conn,
            path,
            installation_id,
            guides: Guides::builtin(),
        })
    }

    /// The database file (or `:memory:`).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The id of this installation, recorded as the author of what is written here.
    pub fn installation_id(&self) -> InstallationId {
        self.installation_id
    }

    /// The guides entries are validated and rendered with.
    pub fn guides(&self) -> &'static Guides {
        self.guides
    }

    /// Uses another set of guides (tests of guide versions bring their own).
    pub fn set_guides(&mut self, guides: &'static Guides) {
        self.guides = guides;
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.fail(e))
    }

    /// Maps a SQLite failure on this database to an [`Error`].
    fn fail(&self, err: rusqlite::Error) -> Error {
        Error::from_sqlite(&self.path, err)
    }
}

fn load_or_create_installation_id(conn: &Connection) -> rusqlite::Result<InstallationId> {
    let existing: Option<InstallationId> = conn
        .query_row("SELECT value FROM meta WHERE key = 'installation_id'", [], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = InstallationId::new();
    conn.execute("INSERT INTO meta (key, value) VALUES ('installation_id', ?1)", [id])?;
    Ok(id)
}
