//! The `actions` table: what each reflection decides to do.

use super::Store;
use super::entries::{conversion, instant_col};
use crate::action::{Action, ActionStatus, ValidAction};
use crate::error::Result;
use crate::id::{ActionId, EntryId, InstallationId};
use rusqlite::{Row, Transaction, params};

/// Makes the entry's actions exactly `actions`, in order. An action that keeps its id keeps its
/// status and note; one no longer listed is removed.
pub(super) fn replace_for_entry(
    tx: &Transaction<'_>,
    entry: EntryId,
    actions: &[ValidAction],
    author: InstallationId,
    now: &str,
) -> rusqlite::Result<()> {
    let keep: Vec<String> = actions.iter().filter_map(|a| a.id).map(|id| id.to_string()).collect();
    let keep_json = serde_json::to_string(&keep).unwrap_or_else(|_| "[]".into());
    tx.prepare_cached("DELETE FROM actions WHERE entry_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))")?
        .execute(params![entry, keep_json])?;
    for (position, a) in actions.iter().enumerate() {
        let id = a.id.unwrap_or_default();
        tx.prepare_cached(
            "INSERT INTO actions (id, entry_id, position, text, owner, review_on, author_id, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) \
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, text = excluded.text, \
             owner = excluded.owner, review_on = excluded.review_on, updated_at = excluded.updated_at \
             WHERE actions.entry_id = excluded.entry_id",
        )?
        .execute(params![
            id,
            entry,
            position as i64,
            a.text,
            a.owner,
            a.review_on.map(|d| d.to_string()),
            author,
            now
        ])?;
    }
    Ok(())
}

impl Store {
    /// The actions of one entry, in the order they were written.
    pub fn actions_of(&self, entry: EntryId) -> Result<Vec<Action>> {
        self.conn
            .prepare_cached(
                "SELECT id, entry_id, text, owner, review_on, status, status_note, created_at, updated_at \
                 FROM actions WHERE entry_id = ?1 AND deleted_at IS NULL ORDER BY position",
            )
            .and_then(|mut s| s.query_map([entry], action_from_row)?.collect())
            .map_err(|e| self.fail(e))
    }
}

fn action_from_row(row: &Row<'_>) -> rusqlite::Result<Action> {
    let review: Option<String> = row.get(4)?;
    let status: String = row.get(5)?;
    Ok(Action {
        id: row.get::<_, ActionId>(0)?,
        entry_id: row.get(1)?,
        text: row.get(2)?,
        owner: row.get(3)?,
        review_on: review.as_deref().and_then(crate::time::parse_date),
        status: ActionStatus::from_code(&status).ok_or_else(|| conversion(5, format!("status {status}")))?,
        status_note: row.get(6)?,
        created_at: instant_col(row, 7)?,
        updated_at: instant_col(row, 8)?,
    })
}
