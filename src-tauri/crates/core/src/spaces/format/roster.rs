//! A space's roster: who is in it, who leads it, at which epoch. The lead signs every roster;
//! adding or removing a member is a new epoch. A roster travels encrypted to its own members.

use super::keys::{MemberKeys, PublicKeys, short_hash};
use super::seal::{Unsealed, decrypt, encrypt};
use crate::error::{Error, Problem, Result};
use age::x25519;
use serde::{Deserialize, Serialize};

const KIND: &str = "eftertanke-roster";
pub const ROSTER_FORMAT: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Lead,
    Member,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterMember {
    /// The member's pseudonym in this space: a random id, and the name of their folder.
    pub member: String,
    pub name: String,
    pub role: Role,
    pub keys: PublicKeys,
}

/// A member removed at some epoch, and the last bundle of theirs that still counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub key_id: String,
    pub last_seq: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub kind: String,
    pub format: u32,
    pub space: String,
    pub name: String,
    pub epoch: u64,
    pub members: Vec<RosterMember>,
    #[serde(default)]
    pub removed: Vec<Removed>,
    /// A secret of this epoch's members (base64): an anonymous bundle proves with it only that
    /// a member wrote it.
    pub membership_key: String,
    pub issued_at: String,
    /// A removal's seal: the file hashes of every bundle of the epochs before this one that the
    /// lead held when it removed someone. A reader counts a bundle of an earlier epoch only if
    /// the first sealing roster after its epoch names it, so a removed member's later writes
    /// at an epoch they still know count nowhere, whatever the order of reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Vec<String>>,
}

/// The roster as signed: its exact JSON, the signer's key id and the signature.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct SignedRoster {
    roster: String,
    signer: String,
    signature: String,
}

impl Roster {
    pub fn new_space(space: &str, name: &str, lead: RosterMember, issued_at: &str) -> Result<Self> {
        let mut key = [0u8; 32];
        crate::vault::random::fill(&mut key)?;
        Ok(Self {
            kind: KIND.into(),
            format: ROSTER_FORMAT,
            space: space.into(),
            name: name.into(),
            epoch: 1,
            members: vec![lead],
            removed: Vec::new(),
            membership_key: data_encoding::BASE64.encode(&key),
            issued_at: issued_at.into(),
            sealed: None,
        })
    }

    /// The next epoch: the same space and lead, a fresh membership secret.
    pub fn next(&self, issued_at: &str) -> Result<Self> {
        let mut next = Self::new_space(&self.space, &self.name, self.members[0].clone(), issued_at)?;
        next.epoch = self.epoch + 1;
        next.members = self.members.clone();
        next.removed = self.removed.clone();
        Ok(next)
    }

    pub fn member_by_key(&self, key_id: &str) -> Option<&RosterMember> {
        self.members.iter().find(|m| m.keys.key_id() == key_id)
    }

    pub fn leads(&self) -> impl Iterator<Item = &RosterMember> {
        self.members.iter().filter(|m| m.role == Role::Lead)
    }

    pub fn recipients(&self) -> Result<Vec<x25519::Recipient>> {
        self.members.iter().map(|m| m.keys.recipient()).collect()
    }

    /// A hash of who can read this epoch's bundles, which a bundle names.
    pub fn recipients_hash(&self) -> String {
        let ids: Vec<String> = self.members.iter().map(|m| m.keys.key_id()).collect();
        audience_hash(&ids)
    }

    /// The age recipients of the members named by `ids` (a bundle written for a few of the
    /// epoch's members); none when one of them is not a member of this epoch.
    pub fn recipients_of(&self, ids: &[String]) -> Option<Result<Vec<x25519::Recipient>>> {
        let members: Option<Vec<&RosterMember>> = ids.iter().map(|id| self.member_by_key(id)).collect();
        Some(members?.into_iter().map(|m| m.keys.recipient()).collect())
    }

    /// The roster signed by `lead` and encrypted to its members.
    pub fn seal(&self, lead: &MemberKeys) -> Result<Vec<u8>> {
        let roster = serde_json::to_string(self).map_err(|e| Error::caused("writing the roster", e))?;
        let signed = SignedRoster {
            signature: lead.sign(roster.as_bytes()),
            signer: lead.public().key_id(),
            roster,
        };
        let bytes = serde_json::to_vec(&signed).map_err(|e| Error::caused("writing the roster", e))?;
        encrypt(&self.recipients()?, &bytes)
    }
}

/// A hash of a set of key ids, whatever their order: what a bundle names as the readers it
/// was encrypted to.
pub fn audience_hash(ids: &[String]) -> String {
    let mut ids: Vec<&String> = ids.iter().collect();
    ids.sort();
    ids.dedup();
    short_hash(&ids.iter().map(|s| s.as_bytes()).collect::<Vec<_>>())
}

/// Why a roster file was not taken up.
#[derive(Debug, PartialEq, Eq)]
pub enum RosterRefusal {
    /// Not addressed to this member (another space, or one that removed them).
    NotForMe,
    Damaged,
    /// Made by a newer Eftertanke.
    NewerFormat(u32),
    /// Not signed by a lead the roster names.
    Unsigned,
}

impl RosterRefusal {
    pub fn message(&self) -> String {
        match self {
            Self::NotForMe => "it is not addressed to this journal".into(),
            Self::Damaged => "it is damaged or cut short".into(),
            Self::NewerFormat(v) => {
                format!("it was written by a newer Eftertanke (roster format {v}); update to read it")
            }
            Self::Unsigned => "it is not signed by the space's lead".into(),
        }
    }
}

/// A roster file opened with this member's identity, its signature checked against the lead
/// it names. That the lead is the space's lead of the epoch before is the reader's check.
pub fn open_roster(identity: &x25519::Identity, bytes: &[u8]) -> std::result::Result<(Roster, String), RosterRefusal> {
    let plain = match decrypt(identity, bytes) {
        Unsealed::Plain(p) => p,
        Unsealed::NotForMe => return Err(RosterRefusal::NotForMe),
        Unsealed::Damaged | Unsealed::TooLarge => return Err(RosterRefusal::Damaged),
    };
    let signed: SignedRoster = serde_json::from_slice(&plain).map_err(|_| RosterRefusal::Damaged)?;
    let value: serde_json::Value = serde_json::from_str(&signed.roster).map_err(|_| RosterRefusal::Damaged)?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
        return Err(RosterRefusal::Damaged);
    }
    if let Some(v) = value.get("format").and_then(|v| v.as_u64())
        && v > u64::from(ROSTER_FORMAT)
    {
        return Err(RosterRefusal::NewerFormat(u32::try_from(v).unwrap_or(u32::MAX)));
    }
    let roster: Roster = serde_json::from_value(value).map_err(|_| RosterRefusal::Damaged)?;
    let signer = roster
        .leads()
        .find(|m| m.keys.key_id() == signed.signer)
        .ok_or(RosterRefusal::Unsigned)?;
    if !signer.keys.verifies(signed.roster.as_bytes(), &signed.signature) {
        return Err(RosterRefusal::Unsigned);
    }
    let signer = signed.signer.clone();
    Ok((roster, signer))
}

/// The roster's problem with a member card being added: it is there already.
pub fn check_new_member(roster: &Roster, keys: &PublicKeys) -> Result<()> {
    if roster.member_by_key(&keys.key_id()).is_some() {
        return Err(Error::invalid(
            "card",
            Problem::Duplicate,
            "this member is in the space already",
        ));
    }
    if roster.removed.iter().any(|r| r.key_id == keys.key_id()) {
        return Err(Error::invalid(
            "card",
            Problem::Duplicate,
            "this card's keys were removed from the space; the member makes a new card to come back",
        ));
    }
    Ok(())
}
