//! A journal that an earlier version kept unencrypted: the first run that sets its passphrase
//! encrypts the database in place. The vault makes the key; the store re-writes the file.

use crate::error::{Error, Problem, Result};
use crate::vault::{DatabaseKey, RecoveryCode, Vault, VaultState};

impl Vault {
    /// First run: checks the passphrase, makes the key and the recovery code, and writes the
    /// key file. A database kept unencrypted by an earlier version is encrypted in place.
    pub fn create(&self, passphrase: &str) -> Result<(DatabaseKey, RecoveryCode)> {
        if self.state()? == VaultState::Locked {
            return Err(Error::invalid(
                "passphrase",
                Problem::UnknownValue,
                "a passphrase is already set for this data; unlock it instead",
            ));
        }
        let (key, code, file) = self.seal_new(passphrase)?;
        crate::files::private_files::create_dir(&self.dir)?;
        let db = crate::data_dir::database_path(&self.dir);
        if db.exists() {
            crate::store::encrypt_plaintext_database(&db, &key)?;
        }
        file.write(&self.key_file())?;
        Ok((key, code))
    }
}
