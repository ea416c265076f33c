//! The lead's removal notice: how a removed member learns that they were removed.
//!
//! The roster of the epoch that removes a member is encrypted to the members who stay, so the
//! removed member cannot read it — and a file they cannot read proves nothing: anyone can drop
//! an unreadable file named like a roster into the folder. So a journal counts itself removed
//! only on a notice signed by the lead key it joined with, naming the space, the epoch and its
//! own key, encrypted to it alone. The lead writes one with every removal (and again, on a
//! read, for removals whose notice is not in the folder).
//!
//! ```text
//! rosters/<epoch>-<first 16 of the removed key id>.notice
//! ```

use super::keys::{MemberKeys, PublicKeys};
use super::seal::{Unsealed, decrypt, encrypt};
use crate::error::{Error, Result};
use age::x25519;
use serde::{Deserialize, Serialize};

pub const NOTICE_EXT: &str = "notice";
const KIND: &str = "eftertanke-removal";
const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovalNotice {
    pub kind: String,
    pub format: u32,
    pub space: String,
    /// The epoch whose roster leaves the member out.
    pub epoch: u64,
    /// The removed member's key id.
    pub removed: String,
    pub issued_at: String,
}

#[derive(Serialize, Deserialize)]
struct Signed {
    notice: String,
    signer: String,
    signature: String,
}

impl RemovalNotice {
    pub fn new(space: &str, epoch: u64, removed: &str, issued_at: &str) -> Self {
        Self {
            kind: KIND.into(),
            format: FORMAT,
            space: space.into(),
            epoch,
            removed: removed.into(),
            issued_at: issued_at.into(),
        }
    }

    /// The notice's file name: one per removal, so the lead can see whether it is there.
    pub fn file_name(&self) -> String {
        notice_name(self.epoch, &self.removed)
    }

    /// Signed by the lead and encrypted to the removed member alone.
    pub fn seal(&self, lead: &MemberKeys, to: &PublicKeys) -> Result<Vec<u8>> {
        let notice = serde_json::to_string(self).map_err(|e| Error::caused("writing a removal notice", e))?;
        let signed = Signed {
            signature: lead.sign(notice.as_bytes()),
            signer: lead.public().key_id(),
            notice,
        };
        let bytes = serde_json::to_vec(&signed).map_err(|e| Error::caused("writing a removal notice", e))?;
        encrypt(&[to.recipient()?], &bytes)
    }
}

pub fn notice_name(epoch: u64, removed: &str) -> String {
    format!("{epoch:06}-{}.{NOTICE_EXT}", &removed[..16.min(removed.len())])
}

/// The notice in `bytes` if it is one for this journal: opened with its identity, signed by
/// `lead` (the lead key it joined with), for `space` and for the key `me`. Anything else is
/// not a notice for this journal and changes nothing.
pub fn open_notice(
    identity: &x25519::Identity,
    bytes: &[u8],
    lead: &PublicKeys,
    space: &str,
    me: &str,
) -> Option<RemovalNotice> {
    let Unsealed::Plain(plain) = decrypt(identity, bytes) else {
        return None;
    };
    let signed: Signed = serde_json::from_slice(&plain).ok()?;
    if signed.signer != lead.key_id() || !lead.verifies(signed.notice.as_bytes(), &signed.signature) {
        return None;
    }
    let notice: RemovalNotice = serde_json::from_str(&signed.notice).ok()?;
    (notice.kind == KIND && notice.space == space && notice.removed == me).then_some(notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_counts_only_signed_by_the_lead_for_this_member_and_space() {
        let lead = MemberKeys::generate().unwrap();
        let member = MemberKeys::generate().unwrap();
        let other = MemberKeys::generate().unwrap();
        let me = member.public().key_id();
        let notice = RemovalNotice::new("s", 3, &me, "2026-12-07T10:00:00Z");
        let bytes = notice.seal(&lead, &member.public()).unwrap();
        let opened = open_notice(member.identity(), &bytes, &lead.public(), "s", &me);
        assert_eq!(opened, Some(notice.clone()));
        assert_eq!(open_notice(member.identity(), &bytes, &other.public(), "s", &me), None);
        assert_eq!(open_notice(member.identity(), &bytes, &lead.public(), "t", &me), None);
        assert_eq!(open_notice(other.identity(), &bytes, &lead.public(), "s", &me), None);
        // A colleague signing a "notice" for someone else is no lead.
        let forged = notice.seal(&other, &member.public()).unwrap();
        assert_eq!(open_notice(member.identity(), &forged, &lead.public(), "s", &me), None);
        assert_eq!(open_notice(member.identity(), b"junk", &lead.public(), "s", &me), None);
    }
}
