//! A member's keys in one space: an age X25519 identity (to read what the space's members
//! write) and an Ed25519 signing key (to sign what this member writes). Both are made on this
//! computer and kept only inside the encrypted journal; others see the public halves and a
//! short fingerprint to compare aloud.

use crate::error::{Error, Problem, Result};
use age::secrecy::ExposeSecret;
use age::x25519;
use blake2::Digest;
use blake2::digest::consts::U16;
use data_encoding::BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

type Blake2b128 = blake2::Blake2b<U16>;

/// A 128-bit BLAKE2b hash of the parts (each length-prefixed), hex: what names a key, a
/// roster or a bundle.
pub fn short_hash(parts: &[&[u8]]) -> String {
    let mut h = Blake2b128::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    data_encoding::HEXLOWER.encode(&h.finalize())
}

/// The secret keys of one member identity.
pub struct MemberKeys {
    age: x25519::Identity,
    signing: SigningKey,
}

impl std::fmt::Debug for MemberKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemberKeys")
            .field("public", &self.public())
            .finish_non_exhaustive()
    }
}

impl MemberKeys {
    pub fn generate() -> Result<Self> {
        Ok(Self {
            age: x25519::Identity::generate(),
            signing: random_signing_key()?,
        })
    }

    /// The keys as the journal keeps them.
    pub fn from_secrets(age_secret: &str, signing_seed: &[u8]) -> Result<Self> {
        let damaged = || Error::internal("a member identity in this journal is damaged");
        let seed: [u8; 32] = signing_seed.try_into().map_err(|_| damaged())?;
        Ok(Self {
            age: age_secret.parse().map_err(|_| damaged())?,
            signing: SigningKey::from_bytes(&seed),
        })
    }

    pub fn age_secret(&self) -> Zeroizing<String> {
        Zeroizing::new(self.age.to_string().expose_secret().to_owned())
    }

    pub fn signing_seed(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.signing.to_bytes().to_vec())
    }

    pub fn identity(&self) -> &x25519::Identity {
        &self.age
    }

    pub fn public(&self) -> PublicKeys {
        PublicKeys {
            age: self.age.to_public().to_string(),
            signing: BASE64.encode(self.signing.verifying_key().as_bytes()),
        }
    }

    /// A detached signature of `bytes`, base64.
    pub fn sign(&self, bytes: &[u8]) -> String {
        BASE64.encode(&self.signing.sign(bytes).to_bytes())
    }

    /// This member's contributor pseudonym in `space`'s counts: the same on each of their
    /// counts-only shares there (so the counts count people, not shares), different in every
    /// space, and nobody without this member's secret can tell whose it is.
    pub fn contributor(&self, space: &str) -> String {
        short_hash(&[b"eftertanke counts contributor", space.as_bytes(), &self.signing_seed()])
    }
}

/// The public halves of a member identity, as a member card and a roster carry them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublicKeys {
    /// The age recipient (`age1…`).
    pub age: String,
    /// The Ed25519 verifying key, base64.
    pub signing: String,
}

impl PublicKeys {
    /// Both keys parse; `field` names them in the refusal.
    pub fn check(&self, field: &str) -> Result<()> {
        self.recipient()
            .and_then(|_| self.verifying())
            .map(|_| ())
            .map_err(|_| {
                Error::invalid(
                    field,
                    Problem::Malformed,
                    "its keys are not an Eftertanke member's keys",
                )
            })
    }

    /// What names this identity in rosters and bundles: a hash of both public keys.
    pub fn key_id(&self) -> String {
        short_hash(&[self.age.as_bytes(), self.signing.as_bytes()])
    }

    /// Twenty hex digits in five groups, to compare aloud ("7F3A 09C2 …").
    pub fn fingerprint(&self) -> String {
        let id = self.key_id().to_uppercase();
        id.as_bytes()[..20]
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn recipient(&self) -> Result<x25519::Recipient> {
        self.age
            .parse()
            .map_err(|_| Error::invalid("keys.age", Problem::Malformed, "not an age X25519 recipient"))
    }

    fn verifying(&self) -> Result<VerifyingKey> {
        verifying_key(&self.signing)
            .ok_or_else(|| Error::invalid("keys.signing", Problem::Malformed, "not an Ed25519 public key"))
    }

    /// Does `signature` (base64) sign `bytes` with this identity's key?
    pub fn verifies(&self, bytes: &[u8], signature: &str) -> bool {
        verifies_with(&self.signing, bytes, signature)
    }
}

/// An Ed25519 public key from its base64.
fn verifying_key(public: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = BASE64.decode(public.as_bytes()).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// A fresh Ed25519 signing key from the OS's randomness.
fn random_signing_key() -> Result<SigningKey> {
    let mut seed = Zeroizing::new([0u8; 32]);
    crate::vault::random::fill(&mut *seed)?;
    Ok(SigningKey::from_bytes(&seed))
}

/// A bare Ed25519 key pair that signs one anonymous record's versions: it proves "the same
/// writer as before" without saying who.
pub struct RecordKey(SigningKey);

impl std::fmt::Debug for RecordKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("RecordKey").field(&self.public()).finish()
    }
}

impl RecordKey {
    pub fn generate() -> Result<Self> {
        random_signing_key().map(Self)
    }

    pub fn from_seed(seed: &[u8]) -> Result<Self> {
        let seed: [u8; 32] = seed
            .try_into()
            .map_err(|_| Error::internal("a shared record's key in this journal is damaged"))?;
        Ok(Self(SigningKey::from_bytes(&seed)))
    }

    pub fn seed(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.0.to_bytes().to_vec())
    }

    pub fn public(&self) -> String {
        BASE64.encode(self.0.verifying_key().as_bytes())
    }

    pub fn sign(&self, bytes: &[u8]) -> String {
        BASE64.encode(&self.0.sign(bytes).to_bytes())
    }

    /// The id of the one record this key signs: bound to the key, carrying no time.
    pub fn record_id(&self) -> String {
        bound_record_id(&self.public())
    }
}

/// An anonymous record's id, derived from its own key's public half: a UUID of version 8 whose
/// 122 free bits are `H("eftertanke record id", key)`. Nobody without that key can write a
/// record of the id first, and the id says nothing of when it was made.
pub fn bound_record_id(public: &str) -> String {
    let hash = short_hash(&[b"eftertanke record id", public.as_bytes()]);
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hash[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes).to_string()
}

/// Is `id` of the form only an anonymous record's own key makes (a UUID of version 8)?
pub fn is_bound_record_id(id: &str) -> bool {
    uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 8)
}

/// Does `signature` (base64) sign `bytes` with the Ed25519 public key `public` (base64)?
pub(crate) fn verifies_with(public: &str, bytes: &[u8], signature: &str) -> bool {
    let Some(key) = verifying_key(public) else { return false };
    let Some(sig) = BASE64
        .decode(signature.as_bytes())
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    key.verify_strict(bytes, &Signature::from_bytes(&sig)).is_ok()
}

/// The writer an anonymous record is kept under: its own key, hashed.
pub fn anonymous_writer(public: &str) -> String {
    format!("anon:{}", short_hash(&[public.as_bytes()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_the_journal_and_sign() {
        let keys = MemberKeys::generate().unwrap();
        let again = MemberKeys::from_secrets(&keys.age_secret(), &keys.signing_seed()).unwrap();
        assert_eq!(keys.public(), again.public());
        let sig = keys.sign(b"roster");
        assert!(again.public().verifies(b"roster", &sig));
        assert!(!again.public().verifies(b"roster!", &sig));
        let other = MemberKeys::generate().unwrap();
        assert!(!other.public().verifies(b"roster", &sig));
        assert_eq!(keys.public().fingerprint().len(), 24);
        assert_ne!(keys.public().key_id(), other.public().key_id());
        keys.public().check("card").unwrap();
        let mut broken = keys.public();
        broken.signing = "AAAA".into();
        assert!(broken.check("card").is_err());
    }
}
