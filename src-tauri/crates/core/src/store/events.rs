//! The `entry_events` table: an entry's append-only history (for now, personal-data
//! overrides). Rows are written in the save's own transaction, so a save and its record are
//! never apart.

use super::Store;
use crate::error::Result;
use crate::id::{EntryEventId, EntryId};
use crate::reflection::FieldFindings;
use crate::reflection::entry::EntryEvent;
use rusqlite::{Transaction, params};

/// Records that the person saved `entry` although these fields hold CPR numbers. The detail
/// names the fields and counts, never the numbers.
pub(super) fn record_override(
    tx: &Transaction<'_>,
    entry: EntryId,
    fields: &[FieldFindings],
    now: &str,
) -> rusqlite::Result<()> {
    if fields.is_empty() {
        return Ok(());
    }
    let detail = serde_json::json!({ "fields": fields });
    tx.prepare_cached(
        "INSERT INTO entry_events (id, entry_id, kind, occurred_at, detail) \
         VALUES (?1, ?2, 'personal_data_override', ?3, ?4)",
    )?
    .execute(params![EntryEventId::new(), entry, now, detail.to_string()])?;
    Ok(())
}

impl Store {
    /// An entry's history, oldest first.
    pub fn entry_events(&self, entry: EntryId) -> Result<Vec<EntryEvent>> {
        self.conn
            .prepare_cached(
                "SELECT id, entry_id, kind, occurred_at, detail FROM entry_events WHERE entry_id = ?1 \
                 ORDER BY occurred_at, id",
            )
            .and_then(|mut s| {
                s.query_map([entry], |r| {
                    let detail: String = r.get(4)?;
                    Ok(EntryEvent {
                        id: r.get(0)?,
                        entry_id: r.get(1)?,
                        kind: r.get(2)?,
                        occurred_at: super::columns::instant_col(r, 3)?,
                        detail: serde_json::from_str(&detail).map_err(|e| super::columns::conversion(4, e))?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }
}
