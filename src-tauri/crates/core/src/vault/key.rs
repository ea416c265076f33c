//! The database key: 32 random bytes that SQLCipher encrypts every page with.

use zeroize::{Zeroize, ZeroizeOnDrop};

/// The key of one installation's database and its backups. Random, never derived from the
/// passphrase directly: the passphrase (and the recovery code) only unwrap it, so changing the
/// passphrase rewrites a small key file and never re-encrypts — or risks — the data.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DatabaseKey([u8; 32]);

impl DatabaseKey {
    pub(crate) const LEN: usize = 32;

    /// A fresh random key.
    pub fn generate() -> crate::Result<Self> {
        let mut bytes = [0u8; Self::LEN];
        super::random::fill(&mut bytes)?;
        Ok(Self(bytes))
    }

    pub(crate) fn from_bytes(bytes: [u8; Self::LEN]) -> Self {
        Self(bytes)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; Self::LEN] {
        &self.0
    }

    /// The value of `PRAGMA key` (and of `ATTACH … KEY`): SQLCipher's raw-key form, which skips
    /// its own passphrase derivation since the key is already random. Public for tools that
    /// check a database with bare SQLite (the crash test); the shells never need it.
    pub fn sqlcipher_value(&self) -> zeroize::Zeroizing<String> {
        zeroize::Zeroizing::new(format!("x'{}'", data_encoding::HEXUPPER.encode(&self.0)))
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(…)")
    }
}
