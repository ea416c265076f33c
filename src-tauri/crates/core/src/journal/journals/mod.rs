//! Several journals on one computer: neighbourhood offices share PCs, sometimes under one login.
//!
//! A *data root* (the OS data folder, `<data>/dk.eftertanke.desktop`) holds any number of
//! journals, each in its own folder `journals/<id>/` with its own key file, passphrase, database
//! and backups, and a name its owner typed (initials or a role) in `journal.json` — the only
//! thing about a journal that can be read before it is unlocked. A journal made by a version
//! before this one lives in the root itself and is listed with the others (id [`ROOT_ID`]).
//!
//! Which journal was used last is not recorded. A person may ask to have their journal
//! *remembered* on this computer, and only then is it chosen in advance on the unlock screen.
//!
//! `EFTERTANKE_DATA_DIR` names one journal's folder instead ([`Home::One`]): scripts, tests and
//! a worker who keeps the journal on an encrypted volume keep working as before.

use crate::error::{Error, Problem, Result};
use crate::journal::{Journal, JournalState, Place};
use crate::vault::keyfile::KEY_FILE;
use crate::vault::secret::Secret;
use crate::vault::{KdfParams, RecoveryCode};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};
use ts_rs::TS;

mod home;

pub use home::{Choices, Home};

/// The folder under the data root that holds one folder per journal.
pub const JOURNALS_DIR: &str = "journals";
/// A journal's name, beside its key file.
pub const NAME_FILE: &str = "journal.json";
/// The id of the journal an earlier version made in the data root itself.
pub const ROOT_ID: &str = "main";
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// The journal a person asked to have chosen in advance (its id), under [`JOURNALS_DIR`].
const REMEMBERED_FILE: &str = "remembered";
/// Held while a journal is added, so two names cannot clash, under [`JOURNALS_DIR`].
const SHELF_LOCK: &str = "journals.lock";

/// A journal as the unlock screen shows it: nothing but its id and the name its owner chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalInfo {
    /// [`ROOT_ID`] or the folder's UUID.
    pub id: String,
    /// `None` for a journal made before journals had names.
    pub name: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct NameFile {
    format: u32,
    name: String,
}

/// The journals under one data root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journals {
    root: PathBuf,
}

impl Journals {
    pub fn at(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every journal that has been set up (a key file), by name. Reads only; creates nothing.
    /// A folder whose first run never finished is not a journal yet and is left out.
    pub fn list(&self) -> Result<Vec<JournalInfo>> {
        let mut found = Vec::new();
        if self.root.join(KEY_FILE).exists() {
            found.push(describe(ROOT_ID, &self.root));
        }
        let shelf = self.root.join(JOURNALS_DIR);
        let entries = match std::fs::read_dir(&shelf) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
            Err(e) => return Err(Error::from_io(&shelf, &e)),
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name();
            let Some(id) = name.to_str().filter(|n| is_journal_folder(n)) else {
                continue;
            };
            if entry.path().join(KEY_FILE).exists() {
                found.push(describe(id, &entry.path()));
            }
        }
        found.sort_by_cached_key(|j| (j.name.as_deref().map(fold), j.id.clone()));
        Ok(found)
    }

    /// The journal with this id. An id is [`ROOT_ID`] or a UUID — never a path, so nothing a
    /// caller sends can point outside the data root.
    pub fn place(&self, id: &str) -> Result<Place> {
        let dir = self.dir_of(id)?;
        if !dir.join(KEY_FILE).exists() {
            return Err(Error::NotFound {
                what: "journal",
                id: id.to_owned(),
            });
        }
        Ok(Place::dir(&dir))
    }

    fn dir_of(&self, id: &str) -> Result<PathBuf> {
        if id == ROOT_ID {
            return Ok(self.root.clone());
        }
        let uuid = uuid::Uuid::parse_str(id).map_err(|_| Error::NotFound {
            what: "journal",
            id: id.to_owned(),
        })?;
        Ok(self.root.join(JOURNALS_DIR).join(uuid.as_hyphenated().to_string()))
    }

    /// The journal with this name (compared without regard to case) or id.
    pub fn find(&self, name_or_id: &str) -> Result<Option<JournalInfo>> {
        let wanted = fold(name_or_id.trim());
        Ok(self
            .list()?
            .into_iter()
            .find(|j| j.id == name_or_id || j.name.as_deref().map(fold).as_deref() == Some(wanted.as_str())))
    }

    /// Where a first run goes now: a journal from before names, still unencrypted in the root,
    /// is set up where it is; anything else gets a folder of its own.
    fn new_journal_dir(&self) -> PathBuf {
        let root_db = crate::data_dir::database_path(&self.root);
        if root_db.exists() && !self.root.join(KEY_FILE).exists() {
            return self.root.clone();
        }
        self.root
            .join(JOURNALS_DIR)
            .join(uuid::Uuid::now_v7().as_hyphenated().to_string())
    }

    /// A new journal named `name`: its folder, name, key file and database. Refused when a
    /// journal of that name exists (case does not count), so the unlock screen never shows two
    /// that look alike.
    pub fn create(
        &self,
        name: &str,
        passphrase: &Secret,
        kdf: KdfParams,
    ) -> Result<(Journal, RecoveryCode, JournalInfo)> {
        let name = check_name(name)?;
        crate::vault::check_new_passphrase(passphrase.expose())?;
        let _shelf = self.lock_shelf()?;
        if self.find(&name)?.is_some() {
            return Err(Error::invalid(
                "name",
                Problem::Duplicate,
                format!("a journal named \u{201c}{name}\u{201d} is already on this computer; choose another name"),
            ));
        }
        self.clear_unfinished();
        let dir = self.new_journal_dir();
        crate::files::private_files::create_dir(&dir)?;
        write_name(&dir, &name)?;
        let (journal, code) = Journal::create(Place::dir(&dir), passphrase, kdf).inspect_err(|_| {
            if dir != self.root {
                remove_if_unfinished(&dir);
            }
        })?;
        let info = describe(&self.id_of(&dir), &dir);
        Ok((journal, code, info))
    }

    /// Unlocks the journal `id` (the database is not opened yet: see [`Journal::unlock`]), and
    /// remembers it on this computer or forgets it, as the person chose.
    pub fn unlock(&self, id: &str, passphrase: &Secret, kdf: KdfParams, remember: bool) -> Result<Journal> {
        let journal = Journal::unlock(self.place(id)?, passphrase, kdf)?;
        self.set_remembered(id, remember)?;
        Ok(journal)
    }

    /// The recovery code for the journal `id` (see [`Journal::recover`]).
    pub fn recover(&self, id: &str, code: &Secret, new_passphrase: &Secret, kdf: KdfParams) -> Result<Journal> {
        Journal::recover(self.place(id)?, code, new_passphrase, kdf)
    }

    /// The journal to choose in advance on the unlock screen: the one a person asked to have
    /// remembered, or the only one there is. Never simply the one used last.
    pub fn preselected(&self, list: &[JournalInfo]) -> Option<String> {
        match list {
            [only] => Some(only.id.clone()),
            _ => self.remembered(list),
        }
    }

    /// The journal its owner asked to have remembered, if it is still in `list`.
    pub fn remembered(&self, list: &[JournalInfo]) -> Option<String> {
        let remembered = std::fs::read_to_string(self.root.join(JOURNALS_DIR).join(REMEMBERED_FILE)).ok()?;
        let remembered = remembered.trim();
        list.iter().find(|j| j.id == remembered).map(|j| j.id.clone())
    }

    /// Remembers `id` (so the next unlock screen chooses it), or, when not asked to, forgets it
    /// if it was the one remembered. Another person's choice is left as it is.
    fn set_remembered(&self, id: &str, remember: bool) -> Result<()> {
        let shelf = self.root.join(JOURNALS_DIR);
        let file = shelf.join(REMEMBERED_FILE);
        let current = std::fs::read_to_string(&file).ok();
        if remember {
            if current.as_deref().map(str::trim) != Some(id) {
                crate::files::private_files::create_dir(&shelf)?;
                crate::files::atomic_file::write(&file, id.as_bytes())?;
            }
        } else if current.as_deref().map(str::trim) == Some(id) {
            std::fs::remove_file(&file).map_err(|e| Error::from_io(&file, &e))?;
        }
        Ok(())
    }

    /// The id of a journal folder under this root.
    pub fn id_of(&self, dir: &Path) -> String {
        if dir == self.root {
            return ROOT_ID.to_owned();
        }
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn lock_shelf(&self) -> Result<File> {
        let shelf = self.root.join(JOURNALS_DIR);
        crate::files::private_files::create_dir(&self.root)?;
        crate::files::private_files::create_dir(&shelf)?;
        let path = shelf.join(SHELF_LOCK);
        let file = match crate::files::private_files::create_new(&path) {
            Ok(file) => file,
            Err(_) => File::options()
                .read(true)
                .write(true)
                .open(&path)
                .map_err(|e| Error::from_io(&path, &e))?,
        };
        // Adding a journal takes about a second (the key derivation); waiting is right.
        file.lock().map_err(|e| Error::from_io(&path, &e))?;
        Ok(file)
    }

    /// Folders an interrupted first run left with nothing in them but a name: removed, under
    /// the shelf's lock. A folder with a database in it is never touched.
    fn clear_unfinished(&self) {
        let Ok(entries) = std::fs::read_dir(self.root.join(JOURNALS_DIR)) else {
            return;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let is_journal_dir = entry.file_name().to_str().is_some_and(is_journal_folder);
            if is_journal_dir && entry.path().is_dir() {
                remove_if_unfinished(&entry.path());
            }
        }
    }
}

/// The journal in `dir`, named from its name file (a missing or unreadable one gives no name:
/// a name is a convenience, never a reason the journal cannot be opened).
pub fn describe(id: &str, dir: &Path) -> JournalInfo {
    let name = std::fs::read(dir.join(NAME_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<NameFile>(&bytes).ok())
        .and_then(|file| check_name(&file.name).ok());
    JournalInfo {
        id: id.to_owned(),
        name,
    }
}

/// A name as typed, trimmed: one to [`MAX_NAME_CHARS`] characters, no control characters.
pub fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "name",
            Problem::Required,
            "give the journal a name: your initials or a role",
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(
            "name",
            Problem::TooLong,
            format!("a journal's name has at most {MAX_NAME_CHARS} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            Problem::Malformed,
            "a journal's name is one line of text",
        ));
    }
    Ok(name.to_owned())
}

fn write_name(dir: &Path, name: &str) -> Result<()> {
    let file = NameFile {
        format: 1,
        name: name.to_owned(),
    };
    let json = serde_json::to_vec_pretty(&file).map_err(|e| Error::caused("writing the journals' list", e))?;
    crate::files::atomic_file::write(&dir.join(NAME_FILE), &json)
}

/// Removes `dir` if a first run left nothing there but its name, marker and lock files.
fn remove_if_unfinished(dir: &Path) {
    if dir.join(KEY_FILE).exists() || crate::data_dir::database_path(dir).exists() {
        return;
    }
    if Journal::state(dir).ok() != Some(JournalState::New) {
        return;
    }
    let leftovers = [
        NAME_FILE,
        crate::journal::lock::LOCK_FILE,
        crate::journal::lock::QUEUE_FILE,
        "eftertanke.creating",
    ];
    for name in leftovers {
        let _ = std::fs::remove_file(dir.join(name));
    }
    // Fails, and so keeps the folder, if anything else is in it.
    let _ = std::fs::remove_dir(dir);
}

/// A journal's folder is named by its UUID, hyphenated, and nothing else.
fn is_journal_folder(name: &str) -> bool {
    uuid::Uuid::parse_str(name).is_ok_and(|u| u.as_hyphenated().to_string() == name)
}

/// Names compared the way a person reads them (see [`crate::name_key`]).
fn fold(name: &str) -> String {
    crate::name_key::name_key(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_short_line() {
        assert_eq!(check_name("  AB ").unwrap(), "AB");
        assert_eq!(check_name("Bostøtte, Ørestad").unwrap(), "Bostøtte, Ørestad");
        for bad in ["", "   ", "a\nb", "tab\there"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_name(&"x".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(check_name(&"ø".repeat(MAX_NAME_CHARS + 1)).is_err());
    }

    #[test]
    fn an_id_is_never_a_path() {
        let journals = Journals::at(Path::new("/data"));
        for id in ["../x", "/etc", "journals/..", "", "main/../.."] {
            assert!(journals.dir_of(id).is_err(), "{id:?}");
        }
        assert_eq!(journals.dir_of(ROOT_ID).unwrap(), PathBuf::from("/data"));
    }
}
