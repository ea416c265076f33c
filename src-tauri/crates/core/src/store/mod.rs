//! The local store: one SQLite file per installation.
//!
//! Architecture invariant: only the store touches SQLite, and only through one [`Store`] value
//! per database. Writes take `&mut self`, so the type system keeps writers from overlapping.
//!
//! Opening is careful: a damaged file, a file from a newer version, a file that is not ours, a
//! lock held by another program, an unwritable directory or one on a network drive each become
//! a distinct [`Error`], and the file is never overwritten or "repaired" on the way.

mod actions;
pub(crate) mod backups;
mod charts;
mod columns;
mod connection;
mod cursor;
mod drafts;
mod entries;
mod entry_meta;
mod events;
pub mod file_system;
mod history;
mod initiatives;
mod links;
mod merged;
pub mod migrations;
mod search;
mod settings;
pub mod spaces;
mod tags;
pub mod timeline;

use crate::backup::BackupReason;
use crate::error::{Error, Result};
use crate::guide::Guides;
use crate::id::InstallationId;
use crate::vault::DatabaseKey;
use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(crate) use backups::encrypt_plaintext_database;
pub use backups::verify as verify_backup;
pub(crate) use connection::apply_key;
pub use connection::{apply_pragmas, check_location};
pub(crate) use merged::{Arriving, Merged};
pub use search::Searcher;

/// How to open a store.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// How long a write waits for another connection's lock before giving up with
    /// [`Error::Locked`].
    pub busy_timeout: Duration,
    /// The key the database is encrypted with (from the [`crate::vault::Vault`]). Without
    /// one the database is not encrypted: only tests and benchmarks open stores so.
    pub key: Option<DatabaseKey>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self {
            busy_timeout: Duration::from_secs(5),
            key: None,
        }
    }
}

impl OpenOptions {
    /// Options for an encrypted database.
    pub fn with_key(key: DatabaseKey) -> Self {
        Self {
            key: Some(key),
            ..Self::default()
        }
    }
}

#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    installation_id: InstallationId,
    guides: &'static Guides,
    key: Option<DatabaseKey>,
    /// Anonymous bundles wait for a random moment before they are written (`spaces/outbox.rs`).
    anonymous_delay: bool,
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
        let sidecars = connection::Sidecars::before(path);
        let conn = Connection::open(path).map_err(|e| Error::from_sqlite(path, e))?;
        // A journal that does not open (damaged, not ours, the wrong key) is left as it was:
        // the write-ahead files reading it made are taken away again.
        Self::prepare(conn, path.to_path_buf(), options).inspect_err(|_| sidecars.remove_new())
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory().map_err(|e| Error::caused("opening a database in memory", e))?;
        Self::prepare(conn, PathBuf::from(":memory:"), &OpenOptions::default())
    }

    fn prepare(mut conn: Connection, path: PathBuf, options: &OpenOptions) -> Result<Self> {
        let fail = |e| Error::from_sqlite(&path, e);
        if let Some(key) = &options.key {
            // The key comes before anything reads the file.
            connection::apply_key(&conn, key).map_err(fail)?;
        }
        conn.busy_timeout(options.busy_timeout).map_err(fail)?;
        // Identity first: switching to WAL rewrites the header, and a file that is not ours
        // must be left byte for byte as it was.
        connection::check_identity(&conn, &path)?;
        apply_pragmas(&conn, options.busy_timeout).map_err(fail)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(fail)?;
        if version > 0 && version < migrations::LATEST_VERSION && path != Path::new(":memory:") {
            // Always a backup before the schema changes.
            backups::write_backup(&conn, &path, options.key.as_ref(), BackupReason::BeforeMigration, None)?;
        }
        migrations::migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => fail(err),
            other => Error::internal(format!("migrating {}: {other}", path.display())),
        })?;
        let installation_id = load_or_create_installation_id(&conn).map_err(fail)?;
        let store = Self {
            conn,
            path,
            installation_id,
            guides: Guides::builtin(),
            key: options.key.clone(),
            anonymous_delay: true,
        };
        store.reschedule_outbox()?;
        Ok(store)
    }

    /// Writes this store's anonymous bundles at once instead of at a random moment later (the
    /// CLI's `--now`, for a person who accepts that the file's time can then point at them).
    pub fn send_anonymous_at_once(&mut self, at_once: bool) {
        self.anonymous_delay = !at_once;
    }

    /// The key the database is encrypted with, if it is.
    pub fn key(&self) -> Option<&DatabaseKey> {
        self.key.as_ref()
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

    /// Caps the database at `pages` pages, as a full disk would (tests of what a full disk
    /// does; SQLite answers `SQLITE_FULL` exactly as when the disk is full).
    #[doc(hidden)]
    pub fn simulate_full_disk(&self, pages: Option<u32>) -> Result<()> {
        let limit = match pages {
            Some(p) => i64::from(p),
            None => i64::from(u32::MAX),
        };
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {limit}"), [], |_| Ok(()))
            .map_err(|e| self.fail(e))
    }

    /// Reads the last row of every table — the right-hand edge of each b-tree, where the
    /// newest pages are — so a file cut short is found now, not at the first save. Costs a
    /// few page reads, whatever the journal's size.
    pub(crate) fn probe_newest_pages(&self) -> Result<()> {
        let tables: Vec<(String, bool)> = self
            .conn
            .prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0)))?.collect())
            .map_err(|e| self.fail(e))?;
        for (name, without_rowid) in tables {
            let order = if without_rowid { "" } else { " ORDER BY rowid DESC" };
            let sql = format!(
                "SELECT count(*) FROM (SELECT 1 FROM \"{}\"{order} LIMIT 1)",
                name.replace('"', "\"\"")
            );
            self.conn.query_row(&sql, [], |_| Ok(())).map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.fail(e))
    }

    /// A second connection to this journal that only reads (with its key and pragmas), for
    /// work that must not wait for this one: the window's searches (`search/reader.rs`).
    fn open_reader(&self) -> Result<Connection> {
        let conn = Connection::open(&self.path).map_err(|e| self.fail(e))?;
        if let Some(key) = &self.key {
            connection::apply_key(&conn, key).map_err(|e| self.fail(e))?;
        }
        apply_pragmas(&conn, OpenOptions::default().busy_timeout).map_err(|e| self.fail(e))?;
        conn.pragma_update(None, "query_only", "ON").map_err(|e| self.fail(e))?;
        // A 64 MB page cache, used only as far as searches read. SQLCipher decrypts every page
        // read past the cache, and a word typed at 100,000 entries reads tens of MB of index:
        // with the store's 8 MB, `forvent` on an encrypted copy took 87 ms in one run and
        // 700-790 ms in three others (pages pushed out within the one query), against 51-58 ms
        // on a plain copy; with this cache, 51 ms encrypted as plain, also as typed key by key
        // (`ONLY_WINDOW=1 cargo bench -p eftertanke-core --bench search`). The cache goes with
        // the connection when the journal locks.
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(|e| self.fail(e))?;
        Ok(conn)
    }

    /// Runs `work` in one transaction: its writes land together, with one sync of the journal,
    /// or (when it fails) not at all.
    pub(crate) fn in_one_transaction<T>(&self, work: impl FnOnce() -> Result<T>) -> Result<T> {
        self.in_one_transaction_or_undo(work, |_| {})
    }

    /// Runs `work` in one transaction like `in_one_transaction`; when the commit fails, what
    /// `work` returned is handed to `undo` (a file written inside it, removed again).
    pub(crate) fn in_one_transaction_or_undo<T>(
        &self,
        work: impl FnOnce() -> Result<T>,
        undo: impl FnOnce(&T),
    ) -> Result<T> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        let out = work()?;
        if let Err(e) = tx.commit() {
            undo(&out);
            return Err(self.fail(e));
        }
        Ok(out)
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
