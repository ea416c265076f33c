//! age encryption of a space's files to a set of members, and its undoing.

use age::x25519;
use std::io::{Read, Write};

/// The largest file a space holds: a bundle of a few hundred entries is well under this.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// `plain` encrypted to every recipient.
pub(crate) fn encrypt(recipients: &[x25519::Recipient], plain: &[u8]) -> crate::error::Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| crate::error::Error::internal(format!("encrypting for the space: {e}"));
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient)).map_err(|e| fail(&e))?;
    let mut out = Vec::with_capacity(plain.len() + 200 * recipients.len());
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| fail(&e))?;
    writer.write_all(plain).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))?;
    Ok(out)
}

/// Why a file could not be read as one of the space's.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Unsealed {
    Plain(Vec<u8>),
    /// Encrypted, but not to this member (written for others, or after this member's removal).
    NotForMe,
    /// Not an age file, or one cut short or changed.
    Damaged,
    TooLarge,
}

pub(crate) fn decrypt(identity: &x25519::Identity, bytes: &[u8]) -> Unsealed {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Unsealed::TooLarge;
    }
    let Ok(decryptor) = age::Decryptor::new_buffered(bytes) else {
        return Unsealed::Damaged;
    };
    let mut reader = match decryptor.decrypt(std::iter::once(identity as &dyn age::Identity)) {
        Ok(r) => r,
        Err(age::DecryptError::NoMatchingKeys) => return Unsealed::NotForMe,
        Err(_) => return Unsealed::Damaged,
    };
    let mut plain = Vec::new();
    match reader.by_ref().take(MAX_FILE_BYTES + 1).read_to_end(&mut plain) {
        Ok(_) if plain.len() as u64 > MAX_FILE_BYTES => Unsealed::TooLarge,
        Ok(_) => Unsealed::Plain(plain),
        Err(_) => Unsealed::Damaged,
    }
}
