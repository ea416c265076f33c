//! Secrets that cross from a shell into the core: the passphrase and the recovery code as
//! typed. They are wiped from memory when dropped and never printed.

use zeroize::Zeroizing;

/// A passphrase (or a typed recovery code) on its way to the key derivation. Made by the shell
/// from what the person typed; the core checks the rules (see
/// [`crate::vault::MIN_PASSPHRASE_CHARS`]).
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(text: String) -> Self {
        Self(Zeroizing::new(text))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// The text, for comparing two typings of a new passphrase in a shell.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl From<&str> for Secret {
    fn from(text: &str) -> Self {
        Self::new(text.to_owned())
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    /// The Tauri shell receives the passphrase as a command argument: straight into a
    /// zeroising string.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self::new)
    }
}
