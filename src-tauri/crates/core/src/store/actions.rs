//! The `actions` table: what each reflection decides to do.

use super::Store;
use super::columns::{conversion, instant_col};
use crate::error::{Error, Problem, Result};
use crate::id::{ActionId, EntryId};
use crate::reflection::action::{Action, ActionStatus, DueAction, ValidAction};
use rusqlite::{Row, Transaction, params};

const ACTION_COLUMNS: &str = "id, entry_id, text, owner, review_on, status, status_note, created_at, updated_at";
const ACTION_COLUMNS_A: &str =
    "a.id, a.entry_id, a.text, a.owner, a.review_on, a.status, a.status_note, a.created_at, a.updated_at";

/// Makes the entry's actions exactly `actions`, in order. An action that keeps its id keeps its
/// status and note, and gets a new revision only if its words, owner, date or place changed;
/// one no longer listed is tombstoned (its words blanked, its id kept so the deletion merges).
/// For a `fresh` entry there is nothing to tombstone.
pub(super) fn write_for_entry(
    tx: &Transaction<'_>,
    entry: &super::entry_meta::Meta,
    actions: &[ValidAction],
    fresh: bool,
) -> rusqlite::Result<()> {
    if !fresh {
        let keep: Vec<String> = actions.iter().filter_map(|a| a.id).map(|id| id.to_string()).collect();
        let keep_json = serde_json::to_string(&keep).unwrap_or_else(|_| "[]".into());
        tx.prepare_cached(
            "UPDATE actions SET deleted_at = ?3, updated_at = ?3, revision = revision + 1, text = '', owner = '', \
             status_note = '' WHERE entry_id = ?1 AND deleted_at IS NULL \
             AND id NOT IN (SELECT value FROM json_each(?2))",
        )?
        .execute(params![entry.id, keep_json, entry.updated_at])?;
    }
    for (position, a) in actions.iter().enumerate() {
        let id = a.id.unwrap_or_default();
        tx.prepare_cached(
            "INSERT INTO actions (id, entry_id, position, text, owner, review_on, author_id, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) \
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, text = excluded.text, \
             owner = excluded.owner, review_on = excluded.review_on, updated_at = excluded.updated_at, \
             revision = actions.revision + 1 \
             WHERE actions.entry_id = excluded.entry_id AND actions.deleted_at IS NULL \
             AND (actions.position IS NOT excluded.position OR actions.text IS NOT excluded.text \
             OR actions.owner IS NOT excluded.owner OR actions.review_on IS NOT excluded.review_on)",
        )?
        .execute(params![
            id,
            entry.id,
            position as i64,
            a.text,
            a.owner,
            a.review_on.map(|d| d.to_string()),
            entry.author,
            entry.updated_at
        ])?;
    }
    Ok(())
}

/// Tombstones every live action of a deleted entry.
pub(super) fn tombstone_for_entry(tx: &Transaction<'_>, entry: EntryId, now: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE actions SET deleted_at = ?2, updated_at = ?2, revision = revision + 1, text = '', owner = '', \
         status_note = '' WHERE entry_id = ?1 AND deleted_at IS NULL",
    )?
    .execute(params![entry, now])?;
    Ok(())
}

impl Store {
    /// Records what became of an action (done · partly · dropped · still open) with a note.
    pub fn set_action_status(&mut self, id: ActionId, status: &str, note: &str) -> Result<Action> {
        let status = ActionStatus::from_code(status.trim()).ok_or_else(|| {
            Error::invalid(
                "status",
                Problem::UnknownValue,
                format!("'{status}' is not one of open, done, partly, dropped"),
            )
        })?;
        let now = crate::time::to_db(crate::time::now());
        let n = self
            .conn
            .execute(
                "UPDATE actions SET status = ?2, status_note = ?3, updated_at = ?4, revision = revision + 1 \
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, status.code(), note.trim(), now],
            )
            .map_err(|e| self.fail(e))?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "action",
                id: id.to_string(),
            });
        }
        self.conn
            .prepare_cached(&format!("SELECT {ACTION_COLUMNS} FROM actions WHERE id = ?1"))
            .and_then(|mut s| s.query_row([id], action_from_row))
            .map_err(|e| self.fail(e))
    }

    /// Open actions whose review date is before `today`, oldest first, with their entry's title.
    pub fn overdue_actions(&self, today: chrono::NaiveDate) -> Result<Vec<DueAction>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ACTION_COLUMNS_A}, e.title FROM actions a JOIN entries e ON e.id = a.entry_id \
                 WHERE a.status = 'open' AND a.deleted_at IS NULL AND a.review_on < ?1 AND e.deleted_at IS NULL \
                 ORDER BY a.review_on LIMIT 50"
            ))
            .and_then(|mut s| {
                s.query_map([today.to_string()], |r| {
                    Ok(DueAction {
                        action: action_from_row(r)?,
                        entry_title: r.get(9)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// The actions of one entry, in the order they were written.
    pub fn actions_of(&self, entry: EntryId) -> Result<Vec<Action>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ACTION_COLUMNS} FROM actions WHERE entry_id = ?1 AND deleted_at IS NULL ORDER BY position"
            ))
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
