//! Where a shell finds its journal: one folder (`EFTERTANKE_DATA_DIR`), or a choice of journals
//! under the data root. Both shells ask this module, so the app's unlock screen and the CLI's
//! `--journal` follow one rule.

use super::{JournalInfo, Journals, describe};
use crate::error::{Error, Problem, Result};
use crate::journal::{Journal, JournalState, Place};
use crate::vault::secret::Secret;
use crate::vault::{KdfParams, RecoveryCode};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Where the journals are: several under a data root, or exactly one folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Home {
    /// `EFTERTANKE_DATA_DIR`: one journal, no choice.
    One(PathBuf),
    /// The data root: a choice of journals.
    Shelf(Journals),
}

/// What the unlock screen offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choices {
    /// Whether there is a choice at all (not under `EFTERTANKE_DATA_DIR`).
    pub can_choose: bool,
    /// The journals set up on this computer, by name.
    pub journals: Vec<JournalInfo>,
    /// The journal to choose in advance: the one its owner asked to have remembered, or the
    /// only one. Never simply the one used last.
    pub preselected: Option<String>,
    /// The journal its owner asked to have remembered on this computer, if any.
    pub remembered: Option<String>,
}

impl Home {
    /// `EFTERTANKE_DATA_DIR` if set and not blank, else the data root from `default_root`.
    pub fn resolve(one_dir: Option<&str>, default_root: impl FnOnce() -> Option<PathBuf>) -> Option<Home> {
        match one_dir.map(str::trim) {
            Some(dir) if !dir.is_empty() => Some(Home::One(PathBuf::from(dir))),
            _ => default_root().map(|root| Home::Shelf(Journals::at(&root))),
        }
    }

    /// As [`Home::resolve`], for a process without Tauri (the CLI): the same data root Tauri's
    /// path resolver gives the app.
    pub fn from_env() -> Option<Home> {
        let env = std::env::var(crate::data_dir::DATA_DIR_ENV).ok();
        Self::resolve(env.as_deref(), || {
            dirs::data_dir().map(|d| d.join(crate::data_dir::APP_IDENTIFIER))
        })
    }

    /// The folder shown as "where the data is" before a journal is open.
    pub fn folder(&self) -> &Path {
        match self {
            Home::One(dir) => dir,
            Home::Shelf(journals) => journals.root(),
        }
    }

    /// New when there is no journal to unlock (the first run), else locked.
    pub fn state(&self) -> Result<JournalState> {
        match self {
            Home::One(dir) => Journal::state(dir),
            Home::Shelf(journals) => Ok(if journals.list()?.is_empty() {
                JournalState::New
            } else {
                JournalState::Locked
            }),
        }
    }

    /// What the unlock screen offers.
    pub fn choices(&self) -> Result<Choices> {
        Ok(match self {
            Home::One(_) => Choices {
                can_choose: false,
                journals: Vec::new(),
                preselected: None,
                remembered: None,
            },
            Home::Shelf(journals) => {
                let list = journals.list()?;
                let remembered = journals.remembered(&list);
                Choices {
                    can_choose: true,
                    preselected: remembered.clone().or_else(|| journals.preselected(&list)),
                    remembered,
                    journals: list,
                }
            }
        })
    }

    /// A first run: the one folder's journal, or a new named journal beside the others.
    pub fn create(&self, name: Option<&str>, passphrase: &Secret, kdf: KdfParams) -> Result<(Journal, RecoveryCode)> {
        match self {
            Home::One(dir) => Journal::create(dir, passphrase, kdf),
            Home::Shelf(journals) => {
                let (journal, code, _) = journals.create(name.unwrap_or_default(), passphrase, kdf)?;
                Ok((journal, code))
            }
        }
    }

    /// Unlocks the chosen journal (the database is not opened yet: see [`Journal::unlock`]).
    pub fn unlock(
        &self,
        journal: Option<&str>,
        passphrase: &Secret,
        kdf: KdfParams,
        remember: bool,
    ) -> Result<Journal> {
        match self {
            Home::One(dir) => Journal::unlock(dir, passphrase, kdf),
            Home::Shelf(journals) => journals.unlock(chosen(journal)?, passphrase, kdf, remember),
        }
    }

    /// The recovery code for the chosen journal (see [`Journal::recover`]).
    pub fn recover(
        &self,
        journal: Option<&str>,
        code: &Secret,
        new_passphrase: &Secret,
        kdf: KdfParams,
    ) -> Result<Journal> {
        match self {
            Home::One(dir) => Journal::recover(dir, code, new_passphrase, kdf),
            Home::Shelf(journals) => journals.recover(chosen(journal)?, code, new_passphrase, kdf),
        }
    }

    /// The open journal's id and name, for the window to show whose journal it is.
    pub fn describe(&self, journal: &Journal) -> JournalInfo {
        match self {
            Home::One(dir) => describe(super::ROOT_ID, dir),
            Home::Shelf(journals) => describe(&journals.id_of(journal.dir()), journal.dir()),
        }
    }

    /// The journal a command line means: `--journal NAME` (a name or an id), or the only one
    /// there is. Under `EFTERTANKE_DATA_DIR` there is one journal and no name to give.
    pub fn locate(&self, name: Option<&str>) -> Result<Place> {
        match (self, name) {
            (Home::One(dir), None) => Ok(Place::dir(dir)),
            (Home::One(dir), Some(_)) => Err(Error::invalid(
                "journal",
                Problem::UnknownValue,
                format!(
                    "{} names one journal's folder ({}), so there is no journal to choose: unset it to choose by name",
                    crate::data_dir::DATA_DIR_ENV,
                    dir.display()
                ),
            )),
            (Home::Shelf(journals), Some(name)) => match journals.find(name)? {
                Some(found) => journals.place(&found.id),
                None => Err(Error::invalid(
                    "journal",
                    Problem::UnknownValue,
                    format!(
                        "there is no journal named \u{201c}{}\u{201d} on this computer (`eftertanke journals` \
                         lists them; `eftertanke journals --new NAME` makes one)",
                        name.trim()
                    ),
                )),
            },
            (Home::Shelf(journals), None) => match journals.list()?.as_slice() {
                [only] => journals.place(&only.id),
                [] => Err(Error::invalid(
                    "journal",
                    Problem::Required,
                    "there is no journal on this computer yet: make one with `eftertanke journals --new NAME` (your initials or a role)",
                )),
                several => Err(Error::invalid(
                    "journal",
                    Problem::Required,
                    format!(
                        "there are {} journals on this computer: choose yours with --journal NAME (`eftertanke journals` lists them)",
                        several.len()
                    ),
                )),
            },
        }
    }
}

fn chosen(journal: Option<&str>) -> Result<&str> {
    journal
        .filter(|id| !id.is_empty())
        .ok_or_else(|| Error::invalid("journal", Problem::Required, "choose your journal first"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_folder_wins_unless_blank() {
        let root = || Some(PathBuf::from("/home/x/.local/share/dk.eftertanke.desktop"));
        assert_eq!(Home::resolve(Some("/tmp/e"), root), Some(Home::One("/tmp/e".into())));
        assert_eq!(
            Home::resolve(Some(" "), root),
            root().map(|r| Home::Shelf(Journals::at(&r)))
        );
        assert_eq!(Home::resolve(None, || None), None);
    }
}
