//! When a share without a name reaches the folder. Written the moment it is shared, its file's
//! time (in the folder, in the sync service's log) would sit beside the author's other activity
//! — their named shares, their comments — and point at them. So an anonymous bundle waits in
//! the author's journal (`store/spaces/outbox.rs`), and is written at a random moment 15
//! minutes to 4 hours later, at the first read of the folder after that moment (the app reads
//! every few minutes while it is open). When the app was closed past that moment, the next
//! start picks a new random moment in the first hour, so the file does not appear the minute
//! the author logs in.
//!
//! We chose a random delay over batching at fixed times: a fixed time shared by the team would
//! be a better crowd, but only if everyone's app is open then; a delay needs nobody else.

use super::format::folder::{space_dir, write_new};
use crate::Store;
use crate::error::Result;
use crate::store::spaces::{Space, moment};
use std::path::Path;

/// How long an anonymous bundle waits, in seconds: from, to.
pub const ANONYMOUS_DELAY: (u64, u64) = (15 * 60, 4 * 60 * 60);

impl Store {
    /// Keeps an anonymous bundle (`name` relative to the space's folder) until its moment, or
    /// writes it at once when this store sends anonymous bundles at once. Returns the file
    /// written, if it was.
    pub(crate) fn send_anonymous(&self, s: &Space, name: &str, bytes: &[u8]) -> Result<Option<std::path::PathBuf>> {
        if self.sends_anonymous_at_once() {
            let path = space_dir(&s.info.folder, &s.info.id).join(name);
            let (dir, file) = split(&path);
            return write_new(dir, file, bytes).map(Some);
        }
        self.queue_anonymous(&s.info.id, name, bytes, &moment(crate::time::now(), ANONYMOUS_DELAY)?)?;
        Ok(None)
    }

    /// Writes every anonymous bundle of `space` whose moment has come. Returns how many.
    pub(crate) fn flush_outbox(&mut self, s: &Space) -> Result<usize> {
        let due = self.due_anonymous(&s.info.id)?;
        for (name, bytes) in &due {
            let path = space_dir(&s.info.folder, &s.info.id).join(name);
            let (dir, file) = split(&path);
            write_new(dir, file, bytes)?;
            self.rewrite_waiting(&s.info.id, name, None)?;
        }
        Ok(due.len())
    }

    /// Writes this journal's waiting anonymous bundles in `space` now, for a person who accepts
    /// that their time in the folder can then point at them (the CLI's `space send-waiting`).
    /// Returns how many.
    pub fn send_waiting_now(&mut self, space: &str) -> Result<usize> {
        let s = self.member_space(space)?;
        self.make_anonymous_due(&s.info.id)?;
        self.flush_outbox(&s)
    }
}

fn split(path: &Path) -> (&Path, &str) {
    (
        path.parent().unwrap_or(Path::new(".")),
        path.file_name().and_then(|f| f.to_str()).unwrap_or_default(),
    )
}
