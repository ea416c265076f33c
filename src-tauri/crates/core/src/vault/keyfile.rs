//! The key file: the database key, wrapped once under the passphrase and once under the
//! recovery code. It holds nothing readable without one of them.
//!
//! Format (JSON, `eftertanke.key.json` in the data directory):
//! `{format, version, createdAt, changedAt, passphrase: Slot, recovery: Slot}`, where a slot is
//! `{kdf: {memoryKib, iterations, parallelism}, salt, nonce, wrapped}` (hex). The wrapping is
//! XChaCha20-Poly1305 with the slot's name as associated data, so a tampered or swapped slot
//! fails to open instead of giving a wrong key.

use super::kdf::KdfParams;
use super::key::DatabaseKey;
use super::random;
use crate::error::{Error, Result};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const KEY_FILE: &str = "eftertanke.key.json";
const FORMAT: &str = "eftertanke-key";
const VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KeyFile {
    format: String,
    version: u32,
    pub created_at: DateTime<Utc>,
    pub changed_at: DateTime<Utc>,
    pub passphrase: Slot,
    pub recovery: Slot,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Slot {
    kdf: KdfParams,
    salt: String,
    nonce: String,
    wrapped: String,
}

/// Which secret a slot is wrapped under; also its associated data.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SlotName {
    Passphrase,
    Recovery,
}

impl SlotName {
    fn aad(self) -> &'static [u8] {
        match self {
            SlotName::Passphrase => b"eftertanke-key-v1:passphrase",
            SlotName::Recovery => b"eftertanke-key-v1:recovery",
        }
    }
}

impl Slot {
    /// Wraps `key` under `secret`.
    pub fn seal(name: SlotName, key: &DatabaseKey, secret: &[u8], kdf: KdfParams) -> Result<Self> {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 24];
        random::fill(&mut salt)?;
        random::fill(&mut nonce)?;
        let kek = kdf.derive(secret, &salt)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(&kek[..]));
        let wrapped = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: name.aad(),
                },
            )
            .map_err(|_| Error::Internal("wrapping the database key failed".into()))?;
        let hex = data_encoding::HEXLOWER;
        Ok(Self {
            kdf,
            salt: hex.encode(&salt),
            nonce: hex.encode(&nonce),
            wrapped: hex.encode(&wrapped),
        })
    }

    /// Unwraps the key with `secret`; `None` when the secret is wrong (or the slot was altered,
    /// which cannot be told apart — and need not be: either way this secret does not open it).
    pub fn open(&self, name: SlotName, secret: &[u8], path: &Path) -> Result<Option<DatabaseKey>> {
        let hex = data_encoding::HEXLOWER_PERMISSIVE;
        let damaged = |what: &str| Error::KeyFileDamaged {
            path: path.to_path_buf(),
            reason: format!("its {what} is not valid"),
        };
        let salt = hex.decode(self.salt.as_bytes()).map_err(|_| damaged("salt"))?;
        let nonce = hex.decode(self.nonce.as_bytes()).map_err(|_| damaged("nonce"))?;
        let wrapped = hex
            .decode(self.wrapped.as_bytes())
            .map_err(|_| damaged("wrapped key"))?;
        if nonce.len() != 24 || salt.len() < 16 {
            return Err(damaged("salt or nonce"));
        }
        let kek = self.kdf.derive(secret, &salt)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(&kek[..]));
        let Ok(plain) = cipher.decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &wrapped,
                aad: name.aad(),
            },
        ) else {
            return Ok(None);
        };
        let plain = zeroize::Zeroizing::new(plain);
        let bytes: [u8; DatabaseKey::LEN] = plain.as_slice().try_into().map_err(|_| damaged("wrapped key"))?;
        Ok(Some(DatabaseKey::from_bytes(bytes)))
    }
}

impl KeyFile {
    pub fn new(passphrase: Slot, recovery: Slot) -> Self {
        let now = Utc::now();
        Self {
            format: FORMAT.into(),
            version: VERSION,
            created_at: now,
            changed_at: now,
            passphrase,
            recovery,
        }
    }

    pub fn read(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::from_io(path, &e))?;
        let file: KeyFile = serde_json::from_slice(&bytes).map_err(|e| Error::KeyFileDamaged {
            path: path.to_path_buf(),
            reason: format!("it cannot be read ({e})"),
        })?;
        if file.format != FORMAT || file.version != VERSION {
            return Err(Error::KeyFileDamaged {
                path: path.to_path_buf(),
                reason: format!("it is not an Eftertanke key file of version {VERSION}"),
            });
        }
        Ok(file)
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        crate::atomic_file::write(path, &json)
    }
}
