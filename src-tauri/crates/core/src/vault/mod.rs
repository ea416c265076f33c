//! The vault: the passphrase, the recovery code and the key they unlock.
//!
//! Architecture invariant: the database, its WAL and its backups are encrypted with SQLCipher
//! under a random [`DatabaseKey`]. The key is stored only wrapped (see [`keyfile`]): under the
//! person's passphrase and under a recovery code shown once, each through Argon2id. The shells
//! open a store only with the key the vault gives them.

mod kdf;
mod key;
pub mod keyfile;
mod plaintext;
pub(crate) mod random;
mod recovery;
pub mod secret;

pub use kdf::KdfParams;
pub use key::DatabaseKey;
pub use plaintext::is_plaintext_database;
pub use recovery::RecoveryCode;

use crate::error::{Error, Problem, Result};
use keyfile::{KeyFile, Slot, SlotName};
use std::path::{Path, PathBuf};

/// The shortest passphrase accepted. Length matters more than symbols; the UI suggests a few
/// words.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Where a data directory stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultState {
    /// No key file yet: the first run sets a passphrase.
    New,
    /// A key file exists: the app starts on the unlock screen.
    Locked,
}

#[derive(Debug)]
pub struct Vault {
    pub(crate) dir: PathBuf,
    kdf: KdfParams,
}

impl Vault {
    pub fn new(dir: &Path) -> Self {
        Self::with_kdf(dir, KdfParams::default())
    }

    /// A vault whose new wrappings use `kdf` (tests use a cheap one; existing key files keep
    /// the parameters they were written with).
    pub fn with_kdf(dir: &Path, kdf: KdfParams) -> Self {
        Self {
            dir: dir.to_path_buf(),
            kdf,
        }
    }

    pub fn key_file(&self) -> PathBuf {
        self.dir.join(keyfile::KEY_FILE)
    }

    pub fn state(&self) -> Result<VaultState> {
        if self.key_file().exists() {
            return Ok(VaultState::Locked);
        }
        let db = crate::data_dir::database_path(&self.dir);
        if db.exists() && !is_plaintext_database(&db) {
            // An encrypted database without its key file: making a new key would not open it,
            // and must not replace it.
            return Err(Error::KeyFileMissing { path: self.key_file() });
        }
        Ok(VaultState::New)
    }

    /// Makes a new key and recovery code and wraps the key under both, writing nothing.
    pub(crate) fn seal_new(&self, passphrase: &str) -> Result<(DatabaseKey, RecoveryCode, KeyFile)> {
        check_new_passphrase(passphrase)?;
        let key = DatabaseKey::generate()?;
        let code = RecoveryCode::generate()?;
        let normalised = RecoveryCode::normalise(code.as_str());
        let file = KeyFile::new(
            Slot::seal(SlotName::Passphrase, &key, passphrase.as_bytes(), self.kdf)?,
            Slot::seal(SlotName::Recovery, &key, normalised.as_bytes(), self.kdf)?,
        );
        Ok((key, code, file))
    }

    /// Unwraps the key with the passphrase. A wrong one is [`Error::WrongPassphrase`]: retry as
    /// often as needed; nothing is locked out or changed.
    pub fn unlock(&self, passphrase: &str) -> Result<DatabaseKey> {
        let path = self.key_file();
        let file = KeyFile::read(&path)?;
        file.passphrase
            .open(SlotName::Passphrase, passphrase.as_bytes(), &path)?
            .ok_or(Error::WrongPassphrase)
    }

    /// Forgotten passphrase: the recovery code unwraps the key, and `new_passphrase` replaces
    /// the old one. The recovery code stays valid.
    pub fn recover(&self, code: &str, new_passphrase: &str) -> Result<DatabaseKey> {
        check_new_passphrase(new_passphrase)?;
        let path = self.key_file();
        let mut file = KeyFile::read(&path)?;
        let normalised = RecoveryCode::normalise(code);
        let key = file
            .recovery
            .open(SlotName::Recovery, normalised.as_bytes(), &path)?
            .ok_or(Error::WrongRecoveryCode)?;
        file.passphrase = Slot::seal(SlotName::Passphrase, &key, new_passphrase.as_bytes(), self.kdf)?;
        file.changed_at = chrono::Utc::now();
        file.write(&path)?;
        Ok(key)
    }

    /// Changes the passphrase. Only the key file is rewritten (atomically): the data and the
    /// backups keep their key, so nothing can be lost half-way.
    pub fn change_passphrase(&self, old: &str, new: &str) -> Result<()> {
        check_new_passphrase(new)?;
        let path = self.key_file();
        let mut file = KeyFile::read(&path)?;
        let key = file
            .passphrase
            .open(SlotName::Passphrase, old.as_bytes(), &path)?
            .ok_or(Error::WrongPassphrase)?;
        file.passphrase = Slot::seal(SlotName::Passphrase, &key, new.as_bytes(), self.kdf)?;
        file.changed_at = chrono::Utc::now();
        file.write(&path)
    }
}

pub(crate) fn check_new_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            "passphrase",
            Problem::TooShort,
            format!("use at least {MIN_PASSPHRASE_CHARS} characters; a few words you will remember work well"),
        ));
    }
    Ok(())
}
