//! What sharing a reflection would send, asked before it is sent: the window's preview comes
//! from the same projection the share writes (`format/record.rs`, `project`), so the rule for what
//! leaves the computer lives in one place.

use super::format::record::{Scope, project};
use crate::Store;
use crate::error::Result;
use crate::id::EntryId;
use serde_json::Value;

/// What a share would send: the record's body, and the name shown beside it (named only).
#[derive(Clone, Debug, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SharePreview {
    #[ts(type = "Record<string, unknown>")]
    pub body: Value,
    pub author: Option<String>,
}

impl Store {
    /// What sharing `entry` into `space` with `scope` would send, exactly as the share builds
    /// it, and the name it goes under: the window's preview, so the rule for what leaves the
    /// computer lives in one place.
    pub fn share_preview(&self, space: &str, entry: EntryId, scope: Scope) -> Result<SharePreview> {
        let s = self.space(space)?;
        let entry = self.get_entry(entry)?;
        let author = match scope {
            Scope::Named => s
                .roster
                .member_by_key(&s.keys.public().key_id())
                .map(|m| m.name.clone()),
            _ => None,
        };
        Ok(SharePreview {
            body: project(&entry, scope, self.guides().get(&entry.guide_id, entry.guide_version)),
            author,
        })
    }
}
