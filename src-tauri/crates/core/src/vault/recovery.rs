//! The recovery code: shown once when the vault is made, it unlocks the data if the passphrase
//! is forgotten.

use super::random;
use crate::error::Result;
use zeroize::{Zeroize, Zeroizing};

/// 20 random bytes (160 bits), written as 32 base-32 letters and digits in groups of four.
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    pub(crate) fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; 20]);
        random::fill(&mut bytes[..])?;
        let plain = Zeroizing::new(data_encoding::BASE32_NOPAD.encode(&bytes[..]));
        let grouped: String = plain
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("-");
        Ok(Self(Zeroizing::new(grouped)))
    }

    /// The code as shown to the person, e.g. `ABCD-EFGH-…`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The bytes a typed code stands for: case, spaces and hyphens do not matter, and the
    /// digits people confuse with letters (0, 1, 8) are read as O, I and B.
    pub(crate) fn normalise(typed: &str) -> Zeroizing<String> {
        let mut out = String::with_capacity(32);
        for c in typed.chars().filter(|c| c.is_ascii_alphanumeric()) {
            out.push(match c.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                other => other,
            });
        }
        let result = Zeroizing::new(out.clone());
        out.zeroize();
        result
    }
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_and_read_back_forgivingly() {
        let code = RecoveryCode::generate().expect("random");
        assert_eq!(code.as_str().len(), 32 + 7, "32 letters in 8 groups");
        let sloppy = code.as_str().to_lowercase().replace('-', " ").replace('o', "0");
        assert_eq!(
            *RecoveryCode::normalise(&sloppy),
            code.as_str().replace('-', ""),
            "lower case, spaces and 0 for O must still unlock"
        );
    }
}
