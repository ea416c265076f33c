//! Keeping the index in step: an entry's row written, replaced or erased inside the caller's
//! transaction, and the whole index built again from the entries.
//!
//! An edit marks its old words deleted (cheap: FTS5 writes a delete key) and notes the entry in
//! `search_edited`; the words stay in the index's older segments until those merge, as the old
//! text stays in `entry_versions`. An erasure removes the entry's words for good: with
//! secure-delete, and, for an edited entry, by merging each index into one segment, which
//! leaves no version's words behind (migration 0020 says why).

use crate::guide::Guides;
use crate::id::{EntryId, InitiativeId};
use crate::progress::{OnProgress, Progress};
use crate::reflection::answers::Answers;
use crate::reflection::entry_texts;
use crate::reflection::texts::EntryText;
use crate::search::document::Document;
use rusqlite::{Connection, OptionalExtension, params};

/// Entries indexed between two reports of progress.
const REPORT_EVERY: u64 = 250;

/// What ranking and the filters read of an entry, kept beside its words.
pub(crate) struct Facts<'a> {
    pub occurred_on: &'a str,
    pub outcome: &'a str,
    pub phase: Option<&'a str>,
    pub role: Option<&'a str>,
    pub initiative: Option<InitiativeId>,
}

/// Writes (or replaces) the entry's row in both indexes.
pub(crate) fn index(
    conn: &Connection,
    id: EntryId,
    facts: &Facts<'_>,
    title: &str,
    initiative: Option<&str>,
    texts: &[EntryText],
) -> rusqlite::Result<()> {
    let doc = Document::of(title, initiative, texts);
    if let Some(row) = row_of(conn, id)? {
        // An edit: the old words are marked deleted, and the entry noted for its erasure.
        remove_words(conn, row)?;
        forget_row(conn, row)?;
        conn.prepare_cached("INSERT OR IGNORE INTO search_edited (entry_id) VALUES (?1)")?
            .execute([id])?;
    }
    conn.prepare_cached(
        "INSERT INTO search_entries (id, occurred_on, outcome, phase_entered, citizen_role, initiative_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        facts.occurred_on,
        facts.outcome,
        facts.phase,
        facts.role,
        facts.initiative
    ])?;
    let row = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO search_docs (row, title, body, stems, folded) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![row, doc.title, doc.body, doc.stems, doc.folded])?;
    conn.prepare_cached("INSERT INTO search_words (rowid, title, body, stems, folded) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![row, doc.title, doc.body, doc.stems, doc.folded])?;
    conn.prepare_cached(
        "INSERT INTO search_parts (rowid, words) SELECT row, words FROM search_docs_parts WHERE row = ?1",
    )?
    .execute([row])?;
    Ok(())
}

/// Erases the entry from both indexes, leaving no word of any of its versions: its words now
/// (secure-delete), and, if it was ever edited, the old words its edits marked deleted (each
/// index merged into one segment).
pub(crate) fn unindex(conn: &Connection, id: EntryId) -> rusqlite::Result<()> {
    if let Some(row) = row_of(conn, id)? {
        secure_delete(conn, true)?;
        let removed = remove_words(conn, row);
        secure_delete(conn, false)?;
        removed?;
        forget_row(conn, row)?;
    }
    let edited = conn
        .prepare_cached("DELETE FROM search_edited WHERE entry_id = ?1")?
        .execute([id])?;
    if edited > 0 {
        conn.execute_batch(
            "INSERT INTO search_words (search_words) VALUES ('optimize'); \
             INSERT INTO search_parts (search_parts) VALUES ('optimize');",
        )?;
    }
    Ok(())
}

/// FTS5's secure-delete for both indexes: on only while an entry is erased.
fn secure_delete(conn: &Connection, on: bool) -> rusqlite::Result<()> {
    for table in ["search_words", "search_parts"] {
        conn.prepare_cached(&format!(
            "INSERT INTO {table} ({table}, rank) VALUES ('secure-delete', ?1)"
        ))?
        .execute([i64::from(on)])?;
    }
    Ok(())
}

/// The entry's rows beside the index: its words and its facts.
fn forget_row(conn: &Connection, row: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM search_docs WHERE row = ?1")?
        .execute([row])?;
    conn.prepare_cached("DELETE FROM search_entries WHERE row = ?1")?
        .execute([row])?;
    Ok(())
}

fn row_of(conn: &Connection, id: EntryId) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT row FROM search_entries WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()
}

/// Takes the row's words out of both indexes, naming each (what an external-content index needs,
/// and what secure-delete needs to remove them at once).
fn remove_words(conn: &Connection, row: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO search_words (search_words, rowid, title, body, stems, folded) \
         SELECT 'delete', row, title, body, stems, folded FROM search_docs WHERE row = ?1",
    )?
    .execute([row])?;
    conn.prepare_cached(
        "INSERT INTO search_parts (search_parts, rowid, words) \
         SELECT 'delete', row, words FROM search_docs_parts WHERE row = ?1",
    )?
    .execute([row])?;
    Ok(())
}

/// Empties both indexes and indexes every live entry again, reading its texts with `guides`.
/// `Ok(None)`: `on_progress` said stop; the caller rolls the transaction back.
pub(crate) fn rebuild(
    conn: &Connection,
    guides: &Guides,
    on_progress: &mut OnProgress<'_>,
) -> rusqlite::Result<Option<u64>> {
    conn.execute_batch(
        "INSERT INTO search_words (search_words) VALUES ('delete-all'); \
         INSERT INTO search_parts (search_parts) VALUES ('delete-all'); \
         DELETE FROM search_docs; DELETE FROM search_entries;",
    )?;
    let total: i64 = conn.query_row("SELECT count(*) FROM entries WHERE deleted_at IS NULL", [], |r| {
        r.get(0)
    })?;
    let total = total.unsigned_abs();
    let mut tags = conn.prepare("SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY tag")?;
    let mut entries = conn.prepare(
        "SELECT id, guide_id, guide_version, title, initiative, answers, occurred_on, outcome, phase_entered, \
         citizen_role, initiative_id FROM entries WHERE deleted_at IS NULL ORDER BY id",
    )?;
    let mut rows = entries.query([])?;
    let mut done = 0;
    if !on_progress(Progress { done, total }) {
        return Ok(None);
    }
    while let Some(row) = rows.next()? {
        let id: EntryId = row.get(0)?;
        let guide_id: String = row.get(1)?;
        let title: String = row.get(3)?;
        let initiative: Option<String> = row.get(4)?;
        let answers: Answers = serde_json::from_str(&row.get::<_, String>(5)?).unwrap_or_default();
        let entry_tags: Vec<String> = tags.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let texts = match guides.get(&guide_id, row.get(2)?) {
            Some(guide) => entry_texts(guide, &answers, &entry_tags),
            // A guide this version does not know: the title, initiative and tags still count.
            None => entry_texts_without_guide(&entry_tags),
        };
        let (day, outcome, phase, role): (String, String, Option<String>, Option<String>) =
            (row.get(6)?, row.get(7)?, row.get(8)?, row.get(9)?);
        let facts = Facts {
            occurred_on: &day,
            outcome: &outcome,
            phase: phase.as_deref(),
            role: role.as_deref(),
            initiative: row.get(10)?,
        };
        index(conn, id, &facts, &title, initiative.as_deref(), &texts)?;
        done += 1;
        if done % REPORT_EVERY == 0 && !on_progress(Progress { done, total }) {
            return Ok(None);
        }
    }
    on_progress(Progress { done, total });
    Ok(Some(done))
}

fn entry_texts_without_guide(tags: &[String]) -> Vec<EntryText> {
    tags.iter()
        .enumerate()
        .map(|(i, t)| EntryText {
            slot: vec![
                crate::reflection::SlotPart::Key("tags".into()),
                crate::reflection::SlotPart::Index(i as u32),
            ],
            question: None,
            text: t.clone(),
        })
        .collect()
}
