//! The rows of this journal's member identities (`member_identities`: an age identity and a
//! signing key per card handed out) and of the spaces it took up (`spaces`).

use super::super::Store;
use crate::error::Result;
use crate::spaces::format::keys::MemberKeys;
use rusqlite::params;

/// An identity no space has taken up yet: its row id, display name and secrets.
pub(crate) struct UnusedIdentity {
    pub id: String,
    pub name: String,
    pub age_secret: String,
    pub signing_secret: Vec<u8>,
}

impl Store {
    /// The identities no space has taken up yet, newest first (only those under `name`, when
    /// given).
    pub(crate) fn unused_identities(&self, name: Option<&str>) -> Result<Vec<UnusedIdentity>> {
        self.conn
            .prepare(
                "SELECT id, display_name, age_secret, signing_secret FROM member_identities i \
                 WHERE (?1 IS NULL OR display_name = ?1) \
                 AND NOT EXISTS (SELECT 1 FROM spaces s WHERE s.identity_id = i.id) ORDER BY created_at DESC",
            )
            .and_then(|mut st| {
                st.query_map([name], |r| {
                    Ok(UnusedIdentity {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        age_secret: r.get(2)?,
                        signing_secret: r.get(3)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// Keeps a new identity under `name`; returns its row id.
    pub(crate) fn keep_identity(&self, keys: &MemberKeys, name: &str) -> Result<String> {
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

    /// Takes up a space under the identity `identity`, led by `lead_key`, joined now.
    pub(crate) fn keep_space(&self, id: &str, name: &str, folder: &str, identity: &str, lead_key: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO spaces (id, name, folder, identity_id, lead_key, joined_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, name, folder, identity, lead_key, crate::time::to_db(crate::time::now())],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}
