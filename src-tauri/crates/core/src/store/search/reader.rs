//! Searching as a person types, on a connection of its own.
//!
//! The window asks for a search at nearly every key. On the store's own connection a search
//! would wait for a save, a read of the team's folder or the search before it, and a search for
//! the first letters of a word would run to its end while the search for the whole word waited.
//! A [`Searcher`] reads on its own connection (WAL lets it read beside the writer, always the
//! newest committed state), and each search it is asked for stops the one before: SQLite's
//! progress handler ends a superseded statement within a few thousand steps, and the snippets
//! are not made for results nobody will see.

use super::find;
use crate::error::{Error, Result};
use crate::guide::Guides;
use crate::search::{SearchRequest, SearchResults};
use crate::store::Store;
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// SQLite steps between two looks at whether a newer search was asked for.
const STEPS_BETWEEN_LOOKS: i32 = 2_000;

/// A connection for searching, shared by the window's searches: each new one stops the last.
pub struct Searcher {
    conn: Mutex<Connection>,
    path: PathBuf,
    guides: &'static Guides,
    /// The newest search asked for; a search whose number is older has been overtaken.
    newest: Arc<AtomicU64>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// A connection of its own for searching as the person types (read only, with this
    /// journal's key), beside this store's.
    pub fn searcher(&self) -> Result<Searcher> {
        let conn = self.open_reader()?;
        Ok(Searcher {
            conn: Mutex::new(conn),
            path: self.path.clone(),
            guides: self.guides,
            newest: Arc::new(AtomicU64::new(0)),
        })
    }
}

impl Searcher {
    /// Searches, as [`Store::search`] does. Asked again before this one ends, this one ends
    /// with [`Error::Cancelled`] (the newer one runs at once; nobody waits for an old answer).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let mine = self.newest.fetch_add(1, Ordering::SeqCst) + 1;
        let conn = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let newest = Arc::clone(&self.newest);
        let overtaken = move || newest.load(Ordering::SeqCst) != mine;
        if overtaken() {
            return Err(Error::Cancelled {
                what: "a search overtaken by a newer one",
            });
        }
        let look = overtaken.clone();
        conn.progress_handler(STEPS_BETWEEN_LOOKS, Some(look))
            .map_err(|e| Error::from_sqlite(&self.path, e))?;
        let found = find(&conn, &self.path, self.guides, request, &overtaken);
        conn.progress_handler(0, None::<fn() -> bool>)
            .map_err(|e| Error::from_sqlite(&self.path, e))?;
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpenOptions;

    /// A search asked for while another waited for the connection is overtaken before it
    /// starts: the older one ends at once, the newer one answers.
    #[test]
    fn a_search_overtaken_while_it_waited_ends_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(&tmp.path().join("j.sqlite3"), &OpenOptions::default()).unwrap();
        let searcher = Arc::new(store.searcher().unwrap());
        let held = searcher.conn.lock().unwrap();
        let ask = |text: &'static str| {
            let s = Arc::clone(&searcher);
            std::thread::spawn(move || {
                s.search(&SearchRequest {
                    text: text.into(),
                    ..SearchRequest::default()
                })
            })
        };
        let older = ask("beboer");
        while searcher.newest.load(Ordering::SeqCst) < 1 {
            std::thread::yield_now();
        }
        let newer = ask("beboerne");
        while searcher.newest.load(Ordering::SeqCst) < 2 {
            std::thread::yield_now();
        }
        drop(held);
        let older = older.join().unwrap();
        assert!(
            matches!(older, Err(Error::Cancelled { .. })),
            "the older search ends: {older:?}"
        );
        let newer = newer.join().unwrap().unwrap();
        assert_eq!(newer.terms, ["beboerne"]);
    }
}
