//! From a passphrase (or recovery code) to a key-encryption key, through Argon2id.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Argon2id's cost. Stored in the key file beside each wrapped key, so the cost can rise in a
/// later version without locking anyone out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// 64 MiB, 3 passes, 1 lane: about a third of a second on an office laptop, well above
    /// OWASP's minimum for Argon2id (19 MiB, 2 passes).
    fn default() -> Self {
        Self {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

impl KdfParams {
    /// A cheap setting for tests that create many vaults. Never used by the shells.
    pub fn insecure_for_tests() -> Self {
        Self {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }

    /// The largest memory a key file may ask for (256 MiB): four times the default, so a later
    /// version can raise the cost, and small enough that no tampered file can exhaust memory.
    pub const MAX_MEMORY_KIB: u32 = 256 * 1024;
    /// The most passes a key file may ask for.
    pub const MAX_ITERATIONS: u32 = 16;
    /// The most lanes a key file may ask for.
    pub const MAX_PARALLELISM: u32 = 8;
    /// The most work (memory × passes, in KiB) a key file may ask for: four times the default,
    /// a little over a second on an office laptop. A file asking for more is damaged or
    /// tampered with, and is refused before any work is done.
    pub const MAX_WORK: u64 = 4 * 64 * 1024 * 3;

    /// Why these parameters cannot be from a key file Eftertanke wrote, if they cannot.
    pub(crate) fn out_of_bounds(&self) -> Option<String> {
        let Self {
            memory_kib,
            iterations,
            parallelism,
        } = *self;
        let work = u64::from(memory_kib) * u64::from(iterations);
        if !(1..=Self::MAX_PARALLELISM).contains(&parallelism) {
            Some(format!(
                "its parallelism {parallelism} is outside 1–{}",
                Self::MAX_PARALLELISM
            ))
        } else if !(1..=Self::MAX_ITERATIONS).contains(&iterations) {
            Some(format!(
                "its iteration count {iterations} is outside 1–{}",
                Self::MAX_ITERATIONS
            ))
        } else if memory_kib < 8 * parallelism || memory_kib > Self::MAX_MEMORY_KIB {
            Some(format!(
                "its memory cost {memory_kib} KiB is outside {}–{} KiB",
                8 * parallelism,
                Self::MAX_MEMORY_KIB
            ))
        } else if work > Self::MAX_WORK {
            Some(format!(
                "its cost ({memory_kib} KiB × {iterations} passes) is beyond any key file Eftertanke writes"
            ))
        } else {
            None
        }
    }

    /// Derives a 32-byte key-encryption key from `secret` and `salt`.
    pub(crate) fn derive(&self, secret: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        let params = argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| Error::internal(format!("invalid Argon2id parameters: {e}")))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(secret, salt, &mut out[..])
            .map_err(|e| Error::internal(format!("Argon2id failed: {e}")))?;
        Ok(out)
    }
}
