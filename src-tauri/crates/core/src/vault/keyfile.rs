//! The key file: the database key, wrapped once under the passphrase and once under the
//! recovery code. It holds nothing readable without one of them.
//!
//! Format (JSON, `eftertanke.key.json` in the data directory):
//! `{format, version, createdAt, changedAt, passphrase: Slot, recovery: Slot}`, where a slot is
//! `{kdf: {memoryKib, iterations, parallelism}, salt, nonce, wrapped}` (hex). The wrapping is
//! XChaCha20-Poly1305 with the slot's name as associated data, so a tampered or swapped slot
//! fails to open instead of giving a wrong key.
//!
//! Each slot also carries `check`, a BLAKE2s hash of its other fields. A wrong passphrase and
//! an altered slot both fail the decryption alike; the check tells them apart *before* any key
//! derivation runs: a slot whose check does not match was changed (a disk error, an edit), no
//! passphrase can open it, and the person is told the key file is damaged instead of being
//! asked to retype. It is not a defence against someone who rewrites the check too — the
//! AEAD is that defence — and files written before it existed (no `check`) are read as before.
//! Every field is bounded (sizes, Argon2 costs), so a tampered file is refused at once instead
//! of allocating terabytes or running for hours.

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
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
/// The 32-byte key and Poly1305's 16-byte tag.
const WRAPPED_LEN: usize = DatabaseKey::LEN + 16;
/// A key file is about 1 KB; anything much larger is not one, and is not read into memory.
const MAX_FILE_BYTES: u64 = 64 * 1024;

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    check: Option<String>,
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
            .map_err(|_| Error::internal("wrapping the database key failed"))?;
        let hex = data_encoding::HEXLOWER;
        let mut slot = Self {
            kdf,
            salt: hex.encode(&salt),
            nonce: hex.encode(&nonce),
            wrapped: hex.encode(&wrapped),
            check: None,
        };
        slot.check = Some(slot.check_value(name));
        Ok(slot)
    }

    /// The hash of the slot's fields that `check` must equal.
    fn check_value(&self, name: SlotName) -> String {
        use blake2::Digest;
        let mut h = blake2::Blake2s256::new();
        h.update(b"eftertanke-key-v1:check\0");
        h.update(name.aad());
        for n in [self.kdf.memory_kib, self.kdf.iterations, self.kdf.parallelism] {
            h.update(n.to_le_bytes());
        }
        for field in [&self.salt, &self.nonce, &self.wrapped] {
            h.update(field.to_ascii_lowercase().as_bytes());
            h.update(b"\0");
        }
        data_encoding::HEXLOWER.encode(&h.finalize())
    }

    /// Refuses a slot no secret can open: a field of the wrong size, Argon2 costs beyond any
    /// file Eftertanke writes, or a check value that does not match. Runs no key derivation.
    fn validate(&self, name: SlotName, path: &Path) -> Result<()> {
        let hex = data_encoding::HEXLOWER_PERMISSIVE;
        let damaged = |reason: String| Error::KeyFileDamaged {
            path: path.to_path_buf(),
            reason,
        };
        let label = match name {
            SlotName::Passphrase => "passphrase slot",
            SlotName::Recovery => "recovery slot",
        };
        if let Some(why) = self.kdf.out_of_bounds() {
            return Err(damaged(format!("in its {label}, {why}")));
        }
        for (what, value, len) in [
            ("salt", &self.salt, SALT_LEN),
            ("nonce", &self.nonce, NONCE_LEN),
            ("wrapped key", &self.wrapped, WRAPPED_LEN),
        ] {
            match hex.decode(value.as_bytes()) {
                Ok(bytes) if bytes.len() == len => {}
                _ => return Err(damaged(format!("its {label}'s {what} is not valid"))),
            }
        }
        if let Some(check) = &self.check
            && !check.eq_ignore_ascii_case(&self.check_value(name))
        {
            return Err(damaged(format!(
                "its {label} was changed after it was written, so no passphrase or recovery code can open it"
            )));
        }
        Ok(())
    }

    /// Unwraps the key with `secret`; `None` when the secret is wrong (or the slot was altered,
    /// which cannot be told apart — and need not be: either way this secret does not open it).
    pub fn open(&self, name: SlotName, secret: &[u8], path: &Path) -> Result<Option<DatabaseKey>> {
        self.validate(name, path)?;
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
        let unreadable = |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::NotFound => Error::KeyFileMissing {
                path: path.to_path_buf(),
            },
            _ => Error::KeyFileUnreadable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            },
        };
        let size = std::fs::metadata(path).map_err(unreadable)?.len();
        if size > MAX_FILE_BYTES {
            return Err(Error::KeyFileDamaged {
                path: path.to_path_buf(),
                reason: format!("it is {size} bytes long, far more than a key file"),
            });
        }
        let bytes = std::fs::read(path).map_err(unreadable)?;
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
        file.passphrase.validate(SlotName::Passphrase, path)?;
        file.recovery.validate(SlotName::Recovery, path)?;
        Ok(file)
    }

    /// Do both files hold the same journal's key? The recovery slot is written once, when the
    /// journal is made, and never changes (a new passphrase rewrites only the other slot).
    pub fn same_journal(&self, other: &KeyFile) -> bool {
        self.recovery.salt.eq_ignore_ascii_case(&other.recovery.salt)
            && self.recovery.wrapped.eq_ignore_ascii_case(&other.recovery.wrapped)
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::caused("writing the key file", e))?;
        crate::files::atomic_file::write(path, &json)
    }
}
