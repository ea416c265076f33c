//! The lock every process takes on a data directory before it touches the journal there.
//!
//! Architecture invariant: the app and every CLI command hold `eftertanke.lock` while they
//! work on a journal — **shared** for ordinary work (many readers and writers at once; SQLite
//! orders their writes), **exclusive** for what replaces files under the others' feet: the
//! first run (creating the key file and the database) and a restore. A process waits up to
//! [`WAIT`] for the lock and then says the journal is busy ([`Error::Busy`]). The OS releases
//! the lock when the holder exits, even after a crash, so a stale lock never blocks anyone.

use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const LOCK_FILE: &str = "eftertanke.lock";
/// Held while waiting for [`LOCK_FILE`], so takers are served in turn.
pub const QUEUE_FILE: &str = "eftertanke.lock-queue";

/// How long a process waits for the lock before saying the journal is busy. A restore of a
/// large journal takes a few seconds; a first run less than one.
pub const WAIT: Duration = Duration::from_secs(5);

/// Which kind of lock is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockKind {
    /// Ordinary work: reading and writing entries, backups.
    Shared,
    /// Setup and restore: nobody else may have the journal open.
    Exclusive,
}

#[derive(Debug)]
pub struct DataDirLock {
    file: File,
    path: PathBuf,
    kind: LockKind,
    /// Set once a lock was granted. A refused upgrade may drop it (then the caller takes the
    /// shared lock again, through the queue only if it never held one).
    holds_any: bool,
}

impl DataDirLock {
    /// Takes the exclusive lock at once, or says that another Eftertanke holds it.
    pub fn acquire(dir: &Path) -> Result<Self> {
        Self::take(dir, LockKind::Exclusive, Duration::ZERO)
    }

    /// Takes the shared lock, waiting up to [`WAIT`].
    pub fn shared(dir: &Path) -> Result<Self> {
        Self::take(dir, LockKind::Shared, WAIT)
    }

    /// Takes the exclusive lock, waiting up to [`WAIT`].
    pub fn exclusive(dir: &Path) -> Result<Self> {
        Self::take(dir, LockKind::Exclusive, WAIT)
    }

    /// Takes `kind`, waiting up to `wait` while another process holds a lock that excludes it.
    pub fn take(dir: &Path, kind: LockKind, wait: Duration) -> Result<Self> {
        crate::files::private_files::create_dir(dir)?;
        let path = dir.join(LOCK_FILE);
        let file = open_lock_file(&path)?;
        let mut lock = Self {
            file,
            path,
            kind,
            holds_any: false,
        };
        lock.change_to(kind, wait, dir)?;
        Ok(lock)
    }

    /// Changes the lock held (shared to exclusive for a restore, and back), waiting up to
    /// `wait`. On failure the previous kind is held again, as far as the OS allows.
    pub fn change_to(&mut self, kind: LockKind, wait: Duration, dir: &Path) -> Result<()> {
        // In the queue first (released when this function returns and the file closes) — but
        // not to go back to shared: a holder of the exclusive lock letting go of it must never
        // wait behind those who wait for it.
        let _queue = if kind == LockKind::Exclusive || !self.holds_any {
            Some(Queue::join(dir, wait)?)
        } else {
            None
        };
        self.change_holding_queue(kind, wait, dir)
    }

    /// As [`DataDirLock::change_to`], for a caller already first in the queue ([`Queue::join`]):
    /// a restore joins it before it verifies the backup, so that nobody who comes after it
    /// starts work on the journal it is about to replace.
    pub fn change_holding_queue(&mut self, kind: LockKind, wait: Duration, dir: &Path) -> Result<()> {
        let deadline = Instant::now() + wait;
        let kind_now = poll(deadline, dir, wait, || match kind {
            LockKind::Shared => self.file.try_lock_shared(),
            LockKind::Exclusive => self.file.try_lock(),
        });
        match kind_now {
            Ok(()) => {
                self.kind = kind;
                self.holds_any = true;
                Ok(())
            }
            Err(PollError::Busy(err)) => Err(err),
            Err(PollError::Io(e)) => Err(Error::from_io(&self.path, &e)),
        }
    }

    /// Tries for the exclusive lock without waiting: `Ok(true)` if held now (then nobody else
    /// has the journal open), `Ok(false)` if another process works on it; the shared lock is
    /// held again then (a refused conversion drops it: flock's conversion is not atomic).
    pub fn try_exclusive(&mut self, dir: &Path) -> Result<bool> {
        if self.file.try_lock().is_ok() {
            self.kind = LockKind::Exclusive;
            return Ok(true);
        }
        self.change_to(LockKind::Shared, WAIT, dir)?;
        Ok(false)
    }

    pub fn kind(&self) -> LockKind {
        self.kind
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A place first in the line for the journal's lock: while it is held, new takers wait (those
/// who hold a lock already keep it). Released when dropped.
#[derive(Debug)]
pub struct Queue {
    _file: File,
}

impl Queue {
    /// Waits up to `wait` to be first in line.
    pub fn join(dir: &Path, wait: Duration) -> Result<Self> {
        let deadline = Instant::now() + wait;
        let queue_path = dir.join(QUEUE_FILE);
        let queue = open_lock_file(&queue_path)?;
        poll(deadline, dir, wait, || queue.try_lock()).map_err(|e| match e {
            PollError::Busy(err) => err,
            PollError::Io(e) => Error::from_io(&queue_path, &e),
        })?;
        Ok(Self { _file: queue })
    }
}

fn open_lock_file(path: &Path) -> Result<File> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| Error::from_io(path, &e))?;
    crate::files::private_files::tighten_file(path)?;
    Ok(file)
}

enum PollError {
    Busy(Error),
    Io(std::io::Error),
}

/// Tries `attempt` until it succeeds or `deadline` passes.
fn poll(
    deadline: Instant,
    dir: &Path,
    wait: Duration,
    mut attempt: impl FnMut() -> std::result::Result<(), TryLockError>,
) -> std::result::Result<(), PollError> {
    loop {
        match attempt() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                // Polling: std has no lock with a timeout, and the wait is short.
                #[allow(clippy::disallowed_methods)]
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(PollError::Busy(Error::Busy {
                    path: dir.to_path_buf(),
                    waited_secs: wait.as_secs(),
                }));
            }
            Err(TryLockError::Error(e)) => return Err(PollError::Io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = DataDirLock::acquire(dir.path()).expect("first");
        let second = DataDirLock::acquire(dir.path()).expect_err("second must wait");
        assert_eq!(second.kind(), crate::ErrorKind::Locked);
        drop(first);
        DataDirLock::acquire(dir.path()).expect("free again");
    }

    #[test]
    fn shared_holders_work_together_and_keep_an_exclusive_one_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = DataDirLock::take(dir.path(), LockKind::Shared, Duration::ZERO).expect("a");
        let _b = DataDirLock::take(dir.path(), LockKind::Shared, Duration::ZERO).expect("b");
        let err = DataDirLock::take(dir.path(), LockKind::Exclusive, Duration::from_millis(100))
            .expect_err("a restore must wait for the work to end");
        assert!(err.to_string().contains("busy"), "{err}");
        drop(a);
        let mut c = DataDirLock::take(dir.path(), LockKind::Shared, Duration::ZERO).expect("c");
        assert!(
            !c.try_exclusive(dir.path()).expect("c"),
            "b still holds its shared lock"
        );
        DataDirLock::take(dir.path(), LockKind::Exclusive, Duration::ZERO)
            .expect_err("c holds its shared lock again after the refused upgrade");
    }
}
