//! Identities, spaces and rosters: the member card, creating a space as its lead, inviting and
//! removing members (each a new roster epoch), and joining from the rosters in a folder.

use super::super::Store;
use crate::error::{Error, Problem, Result};
use crate::spaces::card::{MemberCard, check_name};
use crate::spaces::folder::{ROSTER_EXT, check_folder, rosters_dir, space_dir, write_new};
use crate::spaces::keys::{MemberKeys, short_hash};
use crate::spaces::roster::{Removed, Role, Roster, RosterMember, check_new_member, open_roster};
use rusqlite::{OptionalExtension, params};
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
        let unused: Option<(String, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT age_secret, signing_secret FROM member_identities i WHERE display_name = ?1 \
                 AND NOT EXISTS (SELECT 1 FROM spaces s WHERE s.identity_id = i.id) ORDER BY created_at DESC LIMIT 1",
                [&name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.fail(e))?;
        let keys = match unused {
            Some((age, signing)) => MemberKeys::from_secrets(&age, &signing)?,
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
        let newest: Option<(String, String, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT display_name, age_secret, signing_secret FROM member_identities i \
                 WHERE NOT EXISTS (SELECT 1 FROM spaces s WHERE s.identity_id = i.id) ORDER BY created_at DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.fail(e))?;
        newest
            .map(|(name, age, signing)| MemberCard::new(&name, MemberKeys::from_secrets(&age, &signing)?.public()))
            .transpose()
    }

    fn keep_identity(&self, keys: &MemberKeys, name: &str) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        self.conn
            .execute(
                "INSERT INTO member_identities (id, key_id, display_name, age_secret, signing_secret, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    keys.public().key_id(),
                    name,
                    keys.age_secret().as_str(),
                    keys.signing_seed().as_slice(),
                    crate::time::to_db(crate::time::now())
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(id)
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
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        let identity = self.keep_identity(&keys, &lead_name)?;
        tx.execute(
            "INSERT INTO spaces (id, name, folder, identity_id, lead_key, joined_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                space,
                name,
                folder.to_string_lossy(),
                identity,
                keys.public().key_id(),
                now
            ],
        )
        .map_err(|e| self.fail(e))?;
        self.keep_roster(&roster)?;
        write_roster(&folder, &roster, &bytes)?;
        tx.commit().map_err(|e| self.fail(e))?;
        Ok(space)
    }

    fn keep_roster(&self, roster: &Roster) -> Result<()> {
        let json = serde_json::to_string(roster).map_err(|e| Error::Internal(e.to_string()))?;
        self.conn
            .execute(
                "INSERT OR IGNORE INTO space_rosters (space_id, epoch, roster) VALUES (?1, ?2, ?3)",
                params![roster.space, roster.epoch as i64, json],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
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
        let last_seq: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(seq) FROM space_files WHERE space_id = ?1 AND author = ?2 AND state = 'applied'",
                params![s.info.id, gone.keys.key_id()],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))?;
        let mut next = s.roster.next(&crate::time::to_db(crate::time::now()))?;
        next.members.retain(|m| m.keys.key_id() != gone.keys.key_id());
        next.removed.push(Removed {
            key_id: gone.keys.key_id(),
            last_seq: last_seq.unwrap_or(0) as u64,
        });
        self.publish_roster(&s.info.folder, &next, &s.keys)?;
        Ok(next.epoch)
    }

    fn lead_space(&self, space: &str) -> Result<super::Space> {
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
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        self.keep_roster(roster)?;
        write_roster(folder, roster, &bytes)?;
        tx.commit().map_err(|e| self.fail(e))
    }

    /// Takes up every space in `folder` whose roster names one of this journal's identities.
    /// Returns the spaces joined now (none is not an error: the lead may not have added this
    /// journal yet).
    pub fn join_spaces(&mut self, folder: &Path) -> Result<Vec<String>> {
        check_folder(folder)?;
        let folder = std::fs::canonicalize(folder).map_err(|e| Error::from_io(folder, &e))?;
        let identities: Vec<(String, String, Vec<u8>)> = self
            .conn
            .prepare(
                "SELECT id, age_secret, signing_secret FROM member_identities i \
                 WHERE NOT EXISTS (SELECT 1 FROM spaces s WHERE s.identity_id = i.id)",
            )
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
            .map_err(|e| self.fail(e))?;
        let mut joined = Vec::new();
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
            let files = crate::spaces::folder::list(&space_dir(&folder, space), "rosters", ROSTER_EXT);
            'identity: for (identity, age, signing) in &identities {
                let keys = MemberKeys::from_secrets(age, signing)?;
                let mut opened: Vec<(Roster, String)> = files
                    .iter()
                    .filter_map(|f| std::fs::read(&f.path).ok())
                    .filter_map(|b| open_roster(keys.identity(), &b).ok())
                    .filter(|(r, _)| r.space == space && r.member_by_key(&keys.public().key_id()).is_some())
                    .collect();
                opened.sort_by_key(|(r, _)| r.epoch);
                let Some((first, lead_key)) = opened.first().cloned() else {
                    continue 'identity;
                };
                let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
                tx.execute(
                    "INSERT INTO spaces (id, name, folder, identity_id, lead_key, joined_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![space, first.name, folder.to_string_lossy(), identity, lead_key, crate::time::to_db(crate::time::now())],
                )
                .map_err(|e| self.fail(e))?;
                // Later epochs count only when signed by the lead of the first.
                for (roster, _) in opened.iter().filter(|(_, signer)| signer == &lead_key) {
                    self.keep_roster(roster)?;
                }
                tx.commit().map_err(|e| self.fail(e))?;
                joined.push(space.to_owned());
                break 'identity;
            }
        }
        Ok(joined)
    }
}

fn write_roster(folder: &Path, roster: &Roster, bytes: &[u8]) -> Result<()> {
    let name = format!("{:06}-{}.{ROSTER_EXT}", roster.epoch, &short_hash(&[bytes])[..16]);
    write_new(&rosters_dir(folder, &roster.space), &name, bytes).map(|_| ())
}
