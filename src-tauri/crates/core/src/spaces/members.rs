//! Identities, spaces and rosters: the member card, creating a space as its lead, inviting and
//! removing members (each a new roster epoch), and joining from the rosters in a folder.

use super::format::MAX_FILE_BYTES;
use super::format::card::{MemberCard, check_name};
use super::format::folder::{Found, ROSTER_EXT, check_folder, list, read_bounded, rosters_dir, space_dir, write_new};
use super::format::keys::{MemberKeys, PublicKeys, short_hash};
use super::format::removal::{RemovalNotice, notice_name};
use super::format::roster::{Removed, Role, Roster, RosterMember, check_new_member, open_roster};
use crate::Store;
use crate::error::{Error, Problem, Result};
use crate::store::spaces::Space;
use std::path::Path;

fn pseudonym() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

impl Store {
    /// This journal's member card under `name`: a new identity, or the newest one made for a
    /// card under the same name that no space has taken up yet (so printing the card twice
    /// gives the same card).
    pub fn member_card(&mut self, name: &str) -> Result<MemberCard> {
        let name = check_name(name)?;
        let unused = self.unused_identities(Some(&name))?.into_iter().next();
        let keys = match unused {
            Some(i) => MemberKeys::from_secrets(&i.age_secret, &i.signing_secret)?,
            None => {
                let keys = MemberKeys::generate()?;
                self.keep_identity(&keys, &name)?;
                keys
            }
        };
        MemberCard::new(&name, keys.public())
    }

    /// The card of the newest identity no space has taken up yet, if there is one: the card to
    /// hand over again.
    pub fn latest_member_card(&self) -> Result<Option<MemberCard>> {
        self.unused_identities(None)?
            .into_iter()
            .next()
            .map(|i| {
                MemberCard::new(
                    &i.name,
                    MemberKeys::from_secrets(&i.age_secret, &i.signing_secret)?.public(),
                )
            })
            .transpose()
    }

    /// Creates a space in `folder`, led by this journal under `lead_name`. Returns its id.
    pub fn create_space(&mut self, name: &str, lead_name: &str, folder: &Path) -> Result<String> {
        let name = check_name(name).map_err(|_| {
            Error::invalid(
                "name",
                Problem::Malformed,
                "a space's name is one line of at most 60 characters",
            )
        })?;
        let lead_name = check_name(lead_name)?;
        check_folder(folder)?;
        let folder = std::fs::canonicalize(folder).map_err(|e| Error::from_io(folder, &e))?;
        let keys = MemberKeys::generate()?;
        let space = uuid::Uuid::now_v7().to_string();
        let now = crate::time::to_db(crate::time::now());
        let lead = RosterMember {
            member: pseudonym(),
            name: lead_name.clone(),
            role: Role::Lead,
            keys: keys.public(),
        };
        let roster = Roster::new_space(&space, &name, lead, &now)?;
        let bytes = roster.seal(&keys)?;
        self.in_one_transaction(|| {
            let identity = self.keep_identity(&keys, &lead_name)?;
            self.keep_space(
                &space,
                &name,
                &folder.to_string_lossy(),
                &identity,
                &keys.public().key_id(),
            )?;
            self.keep_roster(&roster)?;
            write_roster(&folder, &roster, &bytes)
        })?;
        Ok(space)
    }

    /// The space's shared folder on this computer moved (a synced library re-linked, a drive
    /// letter changed): read and write it there from now on.
    pub fn move_space_folder(&mut self, space: &str, folder: &Path) -> Result<()> {
        let s = self.space(space)?;
        check_folder(folder)?;
        let folder = std::fs::canonicalize(folder).map_err(|e| Error::from_io(folder, &e))?;
        self.set_space_folder(&s.info.id, &folder.to_string_lossy())
    }

    /// The lead adds the member of `card` (a file's text or a pasted code): a new epoch.
    pub fn invite_member(&mut self, space: &str, card: &str) -> Result<u64> {
        let card = MemberCard::parse(card)?;
        let s = self.lead_space(space)?;
        check_new_member(&s.roster, &card.keys)?;
        let mut next = s.roster.next(&crate::time::to_db(crate::time::now()))?;
        next.members.push(RosterMember {
            member: pseudonym(),
            name: card.name,
            role: Role::Member,
            keys: card.keys,
        });
        self.publish_roster(&s.info.folder, &next, &s.keys)?;
        Ok(next.epoch)
    }

    /// The lead removes a member, named by display name, pseudonym, key id or fingerprint: a
    /// new epoch that the member cannot read, and that refuses their later bundles.
    pub fn remove_member(&mut self, space: &str, member: &str) -> Result<u64> {
        // Everything in the folder now is read first: the seal names what the lead holds.
        self.lead_space(space)?;
        self.sync_space(space, false)?;
        let s = self.lead_space(space)?;
        let wanted = member.trim();
        let matches: Vec<&RosterMember> = s
            .roster
            .members
            .iter()
            .filter(|m| {
                m.name == wanted || m.member == wanted || m.keys.key_id() == wanted || m.keys.fingerprint() == wanted
            })
            .collect();
        let gone = match matches.as_slice() {
            [] => {
                return Err(Error::NotFound {
                    what: "member",
                    id: wanted.to_owned(),
                });
            }
            [one] => (*one).clone(),
            _ => {
                return Err(Error::invalid(
                    "member",
                    Problem::Duplicate,
                    "more than one member has that name; name them by fingerprint",
                ));
            }
        };
        if gone.role == Role::Lead {
            return Err(Error::invalid(
                "member",
                Problem::UnknownValue,
                "the lead cannot remove themselves",
            ));
        }
        let last_seq = self.last_applied_seq(&s.info.id, &gone.keys.key_id())?;
        let mut next = s.roster.next(&crate::time::to_db(crate::time::now()))?;
        next.members.retain(|m| m.keys.key_id() != gone.keys.key_id());
        next.removed.push(Removed {
            key_id: gone.keys.key_id(),
            last_seq,
        });
        next.sealed = Some(self.files_to_seal(&s.info.id)?);
        self.publish_roster(&s.info.folder, &next, &s.keys)?;
        write_notice(&s, next.epoch, &gone.keys)?;
        Ok(next.epoch)
    }

    /// The lead's keys as the rosters this journal holds name them.
    pub(crate) fn lead_keys(&self, s: &Space) -> Result<Option<PublicKeys>> {
        Ok(s.roster.member_by_key(&s.lead_key).map(|m| m.keys.clone()))
    }

    /// The lead writes the notice of every removal in its newest roster that is not in the
    /// folder: after a removal made before notices existed, or a notice someone deleted.
    pub(crate) fn write_missing_notices(&self, s: &Space, notices: &[Found]) -> Result<()> {
        for removed in &s.roster.removed {
            let name = notice_name(0, &removed.key_id);
            let suffix = &name[name.find('-').unwrap_or(0)..];
            if notices.iter().any(|f| f.name.ends_with(suffix)) {
                continue;
            }
            // The removed member's keys, from the newest roster that still named them.
            let mut found = None;
            for json in self.stored_rosters_newest_first(&s.info.id)? {
                let roster: Roster = serde_json::from_str(&json).map_err(|e| Error::caused("a stored roster", e))?;
                if let Some(m) = roster.member_by_key(&removed.key_id) {
                    found = Some((roster.epoch + 1, m.keys.clone()));
                    break;
                }
            }
            if let Some((epoch, keys)) = found {
                write_notice(s, epoch, &keys)?;
            }
        }
        Ok(())
    }

    fn lead_space(&self, space: &str) -> Result<Space> {
        let s = self.space(space)?;
        if !s.info.lead {
            return Err(Error::invalid(
                "space",
                Problem::UnknownValue,
                "only the space's lead changes its members",
            ));
        }
        check_folder(&s.info.folder)?;
        Ok(s)
    }

    fn publish_roster(&self, folder: &Path, roster: &Roster, lead: &MemberKeys) -> Result<()> {
        let bytes = roster.seal(lead)?;
        self.in_one_transaction(|| {
            self.keep_roster(roster)?;
            write_roster(folder, roster, &bytes)
        })
    }

    /// Takes up every space in `folder` whose roster names one of this journal's identities
    /// and is signed by the lead whose fingerprint the person confirmed (`lead`, compared
    /// aloud or pasted, as the lead compares the member's). Nothing is taken from the folder
    /// before that check. Returns the spaces joined now (none is not an error: the lead may
    /// not have added this journal yet); a roster that names this journal but is signed by
    /// anyone else is refused with a sentence saying so.
    pub fn join_spaces(&mut self, folder: &Path, lead: &str) -> Result<Vec<String>> {
        let wanted = fingerprint_digits(lead)?;
        check_folder(folder)?;
        let folder = std::fs::canonicalize(folder).map_err(|e| Error::from_io(folder, &e))?;
        // Oldest first: when two of this journal's identities are in one roster, the space is
        // taken up under the first made.
        let mut identities = self.unused_identities(None)?;
        identities.reverse();
        let mut joined = Vec::new();
        let mut other_signers: Vec<String> = Vec::new();
        let Ok(items) = std::fs::read_dir(&folder) else {
            return Ok(joined);
        };
        for item in items.flatten() {
            let name = item.file_name().to_string_lossy().into_owned();
            let Some(space) = name.strip_prefix("eftertanke-") else {
                continue;
            };
            if uuid::Uuid::parse_str(space).is_err() || self.space(space).is_ok() {
                continue;
            }
            let files = list(&space_dir(&folder, space), "rosters", ROSTER_EXT);
            'identity: for identity in &identities {
                let keys = MemberKeys::from_secrets(&identity.age_secret, &identity.signing_secret)?;
                let mut opened: Vec<(Roster, String)> = files
                    .iter()
                    .filter_map(|f| read_bounded(&f.path, MAX_FILE_BYTES).ok())
                    .filter_map(|b| open_roster(keys.identity(), &b).ok())
                    .filter(|(r, _)| r.space == space && r.member_by_key(&keys.public().key_id()).is_some())
                    .collect();
                opened.sort_by_key(|(r, _)| r.epoch);
                let signer_fingerprint = |(r, signer): &(Roster, String)| {
                    r.member_by_key(signer)
                        .map(|m| m.keys.fingerprint())
                        .unwrap_or_default()
                };
                let Some((first, lead_key)) = opened
                    .iter()
                    .find(|o| fingerprint_digits(&signer_fingerprint(o)).is_ok_and(|f| f == wanted))
                    .cloned()
                else {
                    other_signers.extend(opened.iter().map(signer_fingerprint));
                    continue 'identity;
                };
                self.in_one_transaction(|| {
                    self.keep_space(space, &first.name, &folder.to_string_lossy(), &identity.id, &lead_key)?;
                    // Every epoch counts only when signed by that lead.
                    for (roster, _) in opened.iter().filter(|(_, signer)| signer == &lead_key) {
                        self.keep_roster(roster)?;
                    }
                    Ok(())
                })?;
                joined.push(space.to_owned());
                break 'identity;
            }
        }
        if joined.is_empty() && !other_signers.is_empty() {
            other_signers.sort();
            other_signers.dedup();
            return Err(Error::invalid(
                "lead",
                Problem::UnknownValue,
                format!(
                    "a space in this folder names you, but its roster is signed by {} ({}), not by the lead \
                     whose fingerprint you gave; nothing was joined. Compare the fingerprint with your lead \
                     again, aloud or pasted; if it still differs, someone else made that roster — tell your lead",
                    if other_signers.len() == 1 {
                        "someone with the fingerprint"
                    } else {
                        "people with the fingerprints"
                    },
                    other_signers.join(", ")
                ),
            ));
        }
        Ok(joined)
    }
}

/// A fingerprint as its 20 hex digits in upper case, however it was typed or pasted (groups,
/// spaces, lower case); anything else is refused with the shape it should have.
fn fingerprint_digits(typed: &str) -> Result<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if digits.len() == 20 && digits.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(digits)
    } else {
        Err(Error::invalid(
            "lead",
            Problem::Malformed,
            "the lead's fingerprint is 20 characters, 0–9 and A–F, in five groups of four, as the lead's \
             screen shows it beside the space's name",
        ))
    }
}

/// The lead's signed notice to a removed member, in the rosters' folder.
fn write_notice(s: &Space, epoch: u64, removed: &PublicKeys) -> Result<()> {
    let notice = RemovalNotice::new(
        &s.info.id,
        epoch,
        &removed.key_id(),
        &crate::time::to_db(crate::time::now()),
    );
    let dir = rosters_dir(&s.info.folder, &s.info.id);
    if dir.join(notice.file_name()).exists() {
        return Ok(());
    }
    write_new(&dir, &notice.file_name(), &notice.seal(&s.keys, removed)?).map(|_| ())
}

fn write_roster(folder: &Path, roster: &Roster, bytes: &[u8]) -> Result<()> {
    let name = format!("{:06}-{}.{ROSTER_EXT}", roster.epoch, &short_hash(&[bytes])[..16]);
    write_new(&rosters_dir(folder, &roster.space), &name, bytes).map(|_| ())
}
