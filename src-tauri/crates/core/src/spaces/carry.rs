//! Bundles carried by hand, for a team without a shared folder or a member away from it: this
//! journal's bundles copied out to a folder (a USB stick, an attachment), and one file read
//! in with the same checks as the folder's.

use super::apply::Outcome;
use super::format::MAX_FILE_BYTES;
use super::format::bundle::Refusal;
use super::format::folder::{Found, Stat, Unread, read_bounded, space_dir};
use super::format::keys::short_hash;
use super::sync::SyncReport;
use crate::Store;
use crate::error::{Error, Result};
use crate::store::spaces::{FileProblem, HELD};

impl Store {
    /// Reads one bundle file carried by hand (mailed, on a stick) as if it were in the
    /// space's folder; the same checks, the same record by hash. A file refused before is
    /// refused again with its reason; one held for a mass withdrawal is read when
    /// `allow_mass_withdrawal`.
    pub fn import_bundle_file(
        &mut self,
        space: &str,
        file: &std::path::Path,
        allow_mass_withdrawal: bool,
    ) -> Result<SyncReport> {
        let s = self.space(space)?;
        let bytes = match read_bounded(file, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(Unread::Gone) => {
                return Err(Error::from_io(
                    file,
                    &std::io::Error::from(std::io::ErrorKind::NotFound),
                ));
            }
            Err(Unread::NotRegular) => {
                return Err(Error::invalid(
                    "file",
                    crate::error::Problem::Malformed,
                    format!(
                        "{} is not a regular file (a link, a pipe or a device); nothing was read",
                        file.display()
                    ),
                ));
            }
            Err(Unread::TooLarge) => {
                return Err(Error::invalid(
                    "file",
                    crate::error::Problem::TooLong,
                    format!(
                        "{} is larger than any bundle Eftertanke writes; nothing was read",
                        file.display()
                    ),
                ));
            }
        };
        let mut report = SyncReport::default();
        if bytes.is_empty() {
            report.waiting += 1;
            return Ok(report);
        }
        let found = Found {
            stat: Stat::default(),
            path: file.to_path_buf(),
            name: format!(
                "imported/{}",
                file.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
        };
        let file_hash = short_hash(&[&bytes]);
        let seen = self.file_state(&s.info.id, &file_hash)?;
        if let Some((state, code, reason)) = seen {
            let agreed = allow_mass_withdrawal && state == HELD;
            if !agreed {
                if state == "rejected" || state == HELD {
                    report.rejected.push(FileProblem {
                        name: found.name,
                        code: code.unwrap_or_default(),
                        reason: reason.unwrap_or_default(),
                    });
                } else {
                    report.unchanged += 1;
                }
                return Ok(report);
            }
        }
        match self.read_bundle(&s, &found, &bytes, &file_hash, allow_mass_withdrawal)? {
            Outcome::Applied(n) => {
                report.bundles = 1;
                report.records = n;
            }
            Outcome::NotForMe => report.rejected.push(FileProblem {
                name: found.name.clone(),
                code: Refusal::NotForMe.code().into(),
                reason: Refusal::NotForMe.message(),
            }),
            Outcome::Waiting => report.waiting += 1,
            Outcome::Rejected(why) => report.rejected.push(FileProblem {
                name: found.name,
                code: why.code().into(),
                reason: why.message(),
            }),
        }
        Ok(report)
    }

    /// Copies the named bundles this journal wrote into `dir` (to carry by hand); returns how
    /// many. Never an anonymous one: a file carried by its author says who wrote it.
    pub fn export_bundles(&self, space: &str, dir: &std::path::Path) -> Result<usize> {
        let s = self.space(space)?;
        let me = s.keys.public().key_id();
        let names = self.applied_bundle_names(&s.info.id, &me)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::from_io(dir, &e))?;
        let from = space_dir(&s.info.folder, &s.info.id);
        let mut copied = 0;
        for name in names {
            let source = from.join(&name);
            let Some(file) = source.file_name() else { continue };
            if source.is_file() {
                std::fs::copy(&source, dir.join(file)).map_err(|e| Error::from_io(&source, &e))?;
                copied += 1;
            }
        }
        Ok(copied)
    }
}
