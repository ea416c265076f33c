//! A bundle: one immutable file of records from one member (or from "a member", anonymously),
//! for one space at one roster epoch. Inside the age encryption to the epoch's members is an
//! envelope: the manifest's exact JSON and either the author's Ed25519 signature or, for an
//! anonymous bundle, a membership code made with the epoch's membership secret.
//!
//! The format is versioned and open: unknown fields and record kinds are kept and ignored, so
//! a team with mixed app versions works; a bundle of a newer format is refused with a reason.

use super::keys::{MemberKeys, short_hash, verifies_with};
use super::record::Record;
use super::roster::{Roster, audience_hash};
use super::seal::{Unsealed, decrypt, encrypt};
use crate::error::{Error, Result};
use age::x25519;
use serde::{Deserialize, Serialize};

const KIND: &str = "eftertanke-bundle";
pub const BUNDLE_FORMAT: u32 = 1;
/// The most records one bundle carries.
pub const MAX_RECORDS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub kind: String,
    pub format: u32,
    pub space: String,
    pub epoch: u64,
    /// The author's key id; none for an anonymous bundle.
    #[serde(default)]
    pub author: Option<String>,
    /// The author's sequence number (1, 2, …) and the hash of their previous bundle's manifest,
    /// so a missing bundle can be named; none for an anonymous bundle.
    #[serde(default)]
    pub seq: Option<u64>,
    #[serde(default)]
    pub prev: Option<String>,
    /// The hash of the recipient set the bundle was encrypted to: the epoch's members, or its
    /// `audience`.
    pub recipients: String,
    /// The key ids of the few members a bundle is written for: a named one for an author-only
    /// comment (the author, the leads and the writer), an anonymous one for the leads alone
    /// (contributions shared only as counts); none when it is for every member of the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Vec<String>>,
    /// Set on a replacement: the hash of the manifest this bundle stands in for, under the same
    /// author and number, with the records its author withdrew since taken out. The chain
    /// reads it as that bundle (`prev` of the next one names the hash replaced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    pub records: Vec<SignedRecord>,
}

/// One record's exact JSON. In an anonymous bundle each record is also signed by a key of its
/// own (`writer`), which proves that later versions come from the same writer without saying who.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedRecord {
    pub record: String,
    #[serde(default)]
    pub writer: Option<String>,
    #[serde(default)]
    pub sig: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Envelope {
    manifest: String,
    #[serde(default)]
    signature: Option<String>,
    #[serde(default)]
    membership: Option<String>,
}

impl Manifest {
    pub fn new(
        roster: &Roster,
        author: Option<(&MemberKeys, u64, Option<String>)>,
        records: Vec<SignedRecord>,
    ) -> Self {
        let (author, seq, prev) = match author {
            Some((keys, seq, prev)) => (Some(keys.public().key_id()), Some(seq), prev),
            None => (None, None, None),
        };
        Self {
            kind: KIND.into(),
            format: BUNDLE_FORMAT,
            space: roster.space.clone(),
            epoch: roster.epoch,
            author,
            seq,
            prev,
            recipients: roster.recipients_hash(),
            audience: None,
            replaces: None,
            records,
        }
    }

    /// The same bundle written for `ids` only (sorted, each once).
    pub fn for_audience(mut self, ids: &[String]) -> Self {
        let mut ids = ids.to_vec();
        ids.sort();
        ids.dedup();
        self.recipients = audience_hash(&ids);
        self.audience = Some(ids);
        self
    }
}

fn membership_code(roster: &Roster, manifest: &str) -> String {
    short_hash(&[
        b"eftertanke membership",
        roster.membership_key.as_bytes(),
        manifest.as_bytes(),
    ])
}

/// The bundle's bytes: signed by `author` (or with the membership code when `author` is none)
/// and encrypted to the roster's members (or the manifest's audience). Returns the bytes and
/// the manifest's hash.
pub fn seal_bundle(manifest: &Manifest, author: Option<&MemberKeys>, roster: &Roster) -> Result<(Vec<u8>, String)> {
    let json = serde_json::to_string(manifest).map_err(|e| Error::caused("writing a bundle", e))?;
    let envelope = Envelope {
        signature: author.map(|k| k.sign(json.as_bytes())),
        membership: author.is_none().then(|| membership_code(roster, &json)),
        manifest: json,
    };
    let hash = short_hash(&[envelope.manifest.as_bytes()]);
    let bytes = serde_json::to_vec(&envelope).map_err(|e| Error::caused("writing a bundle", e))?;
    let recipients = match &manifest.audience {
        None => roster.recipients()?,
        Some(ids) => roster
            .recipients_of(ids)
            .ok_or_else(|| Error::internal("a bundle's audience names someone outside the roster"))??,
    };
    Ok((encrypt(&recipients, &bytes)?, hash))
}

/// Why a bundle is not applied. Each says what happened in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotForMe,
    Damaged,
    TooLarge,
    NewerFormat(u32),
    OtherSpace,
    UnknownEpoch(u64),
    NotAMember,
    BadSignature,
    RemovedMember,
    WrongRecipients,
    BadRecord(String),
    /// More withdrawals than a bundle usually holds: read only when the person agrees.
    MassWithdrawal(usize),
    /// A record of a kind only the lead writes (a session, an action, a mark), from another.
    NotLead(String),
    /// A file among the rosters that is not a roster of this space (unreadable here, of
    /// another space, or not a roster at all). It changes nothing.
    NotARoster,
    /// A bundle of an epoch a removal has since sealed, not among the files sealed.
    SealedOut,
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Self::NotForMe => {
                "it is not addressed to this journal (written for others, or after this journal left the space)".into()
            }
            Self::Damaged => {
                "it is damaged or cut short (perhaps still being copied); it is read again if it changes".into()
            }
            Self::TooLarge => "it is larger than any bundle Eftertanke writes".into(),
            Self::NewerFormat(v) => {
                format!("it was written by a newer Eftertanke (bundle format {v}); update to read it")
            }
            Self::OtherSpace => "it belongs to another space".into(),
            Self::UnknownEpoch(e) => format!("it names roster epoch {e}, which this journal has not read yet"),
            Self::NotAMember => "its author is not a member of the space at its epoch".into(),
            Self::BadSignature => "its signature does not match its contents: the file was changed after it was written".into(),
            Self::RemovedMember => "its author was removed from the space before writing it".into(),
            Self::WrongRecipients => "it was not encrypted to the space's members of its epoch".into(),
            Self::BadRecord(why) => format!("a record in it is malformed: {why}"),
            Self::MassWithdrawal(n) => format!(
                "it withdraws {n} records at once; it is read when you allow a mass withdrawal, if that is expected"
            ),
            Self::NotLead(kind) => {
                format!("it holds a {kind} record, which only the space's lead writes, and its author is not the lead")
            }
            Self::SealedOut => "it was written at a member list the lead has since changed by removing someone, and it \
                                was not among the files the lead held then: it counts for nobody. If it is yours, share \
                                it again"
                .into(),
            Self::NotARoster => "it is a file in the folder that is not a roster of this space (or one this journal \
                                 cannot open); it was left alone and changes nothing"
                .into(),
        }
    }

    /// Stable codes for scripts (`space status --json`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotForMe => "not_for_me",
            Self::Damaged => "damaged",
            Self::TooLarge => "too_large",
            Self::NewerFormat(_) => "newer_format",
            Self::OtherSpace => "other_space",
            Self::UnknownEpoch(_) => "unknown_epoch",
            Self::NotAMember => "not_a_member",
            Self::BadSignature => "bad_signature",
            Self::RemovedMember => "removed_member",
            Self::WrongRecipients => "wrong_recipients",
            Self::BadRecord(_) => "bad_record",
            Self::MassWithdrawal(_) => "mass_withdrawal",
            Self::NotLead(_) => "not_lead",
            Self::NotARoster => "not_a_roster",
            Self::SealedOut => "sealed_out",
        }
    }
}

/// A bundle decrypted and parsed, not yet checked against a roster.
#[derive(Debug)]
pub struct Opened {
    pub manifest: Manifest,
    /// The hash of the manifest's exact JSON (what `prev` of the next bundle names).
    pub hash: String,
    signature: Option<String>,
    membership: Option<String>,
    json: String,
}

pub fn open_bundle(identity: &x25519::Identity, bytes: &[u8]) -> std::result::Result<Opened, Refusal> {
    let plain = match decrypt(identity, bytes) {
        Unsealed::Plain(p) => p,
        Unsealed::NotForMe => return Err(Refusal::NotForMe),
        Unsealed::Damaged => return Err(Refusal::Damaged),
        Unsealed::TooLarge => return Err(Refusal::TooLarge),
    };
    let envelope: Envelope = serde_json::from_slice(&plain).map_err(|_| Refusal::Damaged)?;
    let value: serde_json::Value = serde_json::from_str(&envelope.manifest).map_err(|_| Refusal::Damaged)?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
        return Err(Refusal::Damaged);
    }
    if let Some(v) = value.get("format").and_then(|v| v.as_u64())
        && v > u64::from(BUNDLE_FORMAT)
    {
        return Err(Refusal::NewerFormat(u32::try_from(v).unwrap_or(u32::MAX)));
    }
    let manifest: Manifest = serde_json::from_value(value).map_err(|_| Refusal::Damaged)?;
    if manifest.records.len() > MAX_RECORDS {
        return Err(Refusal::TooLarge);
    }
    Ok(Opened {
        hash: short_hash(&[envelope.manifest.as_bytes()]),
        manifest,
        signature: envelope.signature,
        membership: envelope.membership,
        json: envelope.manifest,
    })
}

/// Who wrote a bundle, once its checks passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Writer {
    /// A member, by key id.
    Member(String),
    Anonymous,
}

impl Opened {
    /// The checks against the roster of the bundle's epoch: the space, the recipients, the
    /// signature of a member of that epoch who was not removed before writing it (or the
    /// membership code), and every anonymous record's own signature.
    pub fn verify(&self, roster: &Roster, space: &str) -> std::result::Result<Writer, Refusal> {
        let m = &self.manifest;
        if m.space != space || roster.space != space {
            return Err(Refusal::OtherSpace);
        }
        if m.epoch != roster.epoch {
            return Err(Refusal::UnknownEpoch(m.epoch));
        }
        let expected = match (&m.audience, &m.author) {
            (None, _) => roster.recipients_hash(),
            // Written for a few: a named bundle only, to members of the epoch, the writer and
            // every lead among them (a lead sees what is said in the space).
            (Some(ids), Some(author)) => {
                let members = ids.iter().all(|id| roster.member_by_key(id).is_some());
                let leads = roster.leads().all(|l| ids.contains(&l.keys.key_id()));
                if !members || !leads || !ids.contains(author) {
                    return Err(Refusal::WrongRecipients);
                }
                audience_hash(ids)
            }
            // Written anonymously for the leads alone: contributions shared only as counts,
            // which the lead's app counts (the reader checks that it holds nothing else).
            (Some(ids), None) => {
                let mut leads: Vec<String> = roster.leads().map(|l| l.keys.key_id()).collect();
                leads.sort();
                if *ids != leads {
                    return Err(Refusal::WrongRecipients);
                }
                audience_hash(ids)
            }
        };
        if m.recipients != expected {
            return Err(Refusal::WrongRecipients);
        }
        match (&m.author, &self.signature) {
            (Some(author), Some(signature)) => {
                // A removed member's bundles up to their last one before the removal stay; every
                // later one is refused.
                if let Some(removed) = roster.removed.iter().find(|r| &r.key_id == author)
                    && m.seq.unwrap_or(u64::MAX) > removed.last_seq
                {
                    return Err(Refusal::RemovedMember);
                }
                let member = roster.member_by_key(author).ok_or(Refusal::NotAMember)?;
                if !member.keys.verifies(self.json.as_bytes(), signature) {
                    return Err(Refusal::BadSignature);
                }
                if m.seq.is_none() {
                    return Err(Refusal::BadRecord("a signed bundle without a sequence number".into()));
                }
                Ok(Writer::Member(author.clone()))
            }
            (None, None) => {
                let code = self.membership.as_deref().ok_or(Refusal::BadSignature)?;
                if code != membership_code(roster, &self.json) {
                    return Err(Refusal::BadSignature);
                }
                for r in &m.records {
                    let (Some(writer), Some(sig)) = (&r.writer, &r.sig) else {
                        return Err(Refusal::BadRecord(
                            "an anonymous record without its own signature".into(),
                        ));
                    };
                    if !verifies_with(writer, r.record.as_bytes(), sig) {
                        return Err(Refusal::BadSignature);
                    }
                }
                Ok(Writer::Anonymous)
            }
            _ => Err(Refusal::BadSignature),
        }
    }
}

/// Each record of an opened bundle parsed and checked for shape: a UUID id, a revision from 1,
/// no larger than any Eftertanke writes — `(record, its exact JSON, its anonymous writer's
/// public key)`. Unknown kinds are kept as they came.
pub fn parse_records(opened: &Opened) -> std::result::Result<Vec<(Record, String, Option<String>)>, String> {
    opened
        .manifest
        .records
        .iter()
        .map(|sr| {
            let record: Record = serde_json::from_str(&sr.record).map_err(|e| format!("not a record ({e})"))?;
            if uuid::Uuid::parse_str(&record.id).is_err() {
                return Err("a record id is not a UUID".into());
            }
            if record.revision == 0 {
                return Err(format!("record {} has revision 0", record.id));
            }
            if sr.record.len() > 1024 * 1024 {
                return Err(format!("record {} is larger than any Eftertanke writes", record.id));
            }
            Ok((record, sr.record.clone(), sr.writer.clone()))
        })
        .collect()
}
