//! The one way an entry is written: a local save, an edit, and (with reflection spaces) a
//! record merged from a colleague's journal all go through [`write`], inside the caller's
//! transaction. The caller decides the merge metadata ([`Meta`]); this file writes the row, its
//! actions and tags, its place in an initiative, its version in the history and its row in the
//! search index, and nothing else (drafts and the history's events are the local save's business).

use super::super::entry_meta::{Existing, Meta};
use crate::id::{EntryId, InitiativeId};
use crate::reflection::entry::ValidEntry;
use crate::reflection::texts::EntryText;
use rusqlite::{OptionalExtension, Transaction, named_params, params};

/// The live entry's metadata and initiative, if there is such an entry.
pub(super) fn existing(
    tx: &Transaction<'_>,
    id: EntryId,
) -> rusqlite::Result<Option<(Existing, Option<InitiativeId>)>> {
    tx.prepare_cached(
        "SELECT author_id, created_at, revision, completed_at, initiative_id FROM entries \
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok((
            Existing {
                author: r.get(0)?,
                created_at: r.get(1)?,
                revision: r.get(2)?,
                completed_at: r.get(3)?,
            },
            r.get(4)?,
        ))
    })
    .optional()
}

/// Writes the entry `meta.id` as `v`: the row (inserted, or replaced in place), its actions
/// (kept by id, the rest tombstoned), its tags, and its initiative (found by name or made),
/// keeping the latest day of the initiative it left and the one it joined. `before` is the
/// initiative the entry was in (`None` for a new entry, which also skips clearing children).
pub(super) fn write(
    tx: &Transaction<'_>,
    meta: &Meta,
    v: &ValidEntry,
    texts: &[EntryText],
    before: Option<Option<InitiativeId>>,
) -> rusqlite::Result<()> {
    let initiative = match v.projection.initiative.as_deref() {
        Some(name) => Some(super::super::initiatives::find_or_create(
            tx,
            name,
            &meta.author,
            &meta.updated_at,
        )?),
        None => None,
    };
    upsert_row(tx, meta, v, initiative)?;
    let fresh = before.is_none();
    super::super::actions::write_for_entry(tx, meta, &v.projection.actions, fresh)?;
    if !fresh {
        tx.prepare_cached("DELETE FROM entry_tags WHERE entry_id = ?1")?
            .execute([meta.id])?;
    }
    for tag in &v.tags {
        tx.prepare_cached("INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?1, ?2)")?
            .execute(params![meta.id, tag])?;
    }
    let left = before.flatten().filter(|b| Some(*b) != initiative);
    for touched in [left, initiative].into_iter().flatten() {
        super::super::initiatives::refresh_last_on(tx, touched)?;
    }
    super::super::history::record(tx, meta.id, meta.revision, &meta.updated_at, v)?;
    let facts = super::super::search::Facts {
        occurred_on: &v.occurred_on.to_string(),
        outcome: v.outcome.code(),
        phase: v.projection.participation.phase.as_deref(),
        role: v.projection.participation.role.as_deref(),
        initiative,
    };
    super::super::search::index(tx, meta.id, &facts, &v.title, v.projection.initiative.as_deref(), texts)
}

fn upsert_row(
    tx: &Transaction<'_>,
    meta: &Meta,
    v: &ValidEntry,
    initiative: Option<InitiativeId>,
) -> rusqlite::Result<usize> {
    let p = &v.projection;
    tx.prepare_cached(
        "INSERT INTO entries (id, guide_id, guide_version, occurred_on, title, outcome, initiative, initiative_id, \
         answers, completed_at, phase_entered, citizen_role, participation_level, initiator, solution_predecided, \
         interest_alignment, trust_before, trust_after, organisation, expectation, what_happened, analysis, \
         learning, feelings, author_id, created_at, updated_at, revision) \
         VALUES (:id, :guide_id, :guide_version, :occurred_on, :title, :outcome, :initiative, :initiative_id, \
         :answers, :completed_at, :phase, :role, :level, :initiator, :predecided, :alignment, :trust_before, \
         :trust_after, :organisation, :expectation, :what_happened, :analysis, :learning, :feelings, :author, \
         :created_at, :updated_at, :revision) \
         ON CONFLICT (id) DO UPDATE SET guide_id = excluded.guide_id, guide_version = excluded.guide_version, \
         occurred_on = excluded.occurred_on, title = excluded.title, outcome = excluded.outcome, \
         initiative = excluded.initiative, initiative_id = excluded.initiative_id, answers = excluded.answers, \
         completed_at = excluded.completed_at, phase_entered = excluded.phase_entered, \
         citizen_role = excluded.citizen_role, participation_level = excluded.participation_level, \
         initiator = excluded.initiator, solution_predecided = excluded.solution_predecided, \
         interest_alignment = excluded.interest_alignment, trust_before = excluded.trust_before, \
         trust_after = excluded.trust_after, organisation = excluded.organisation, \
         expectation = excluded.expectation, what_happened = excluded.what_happened, \
         analysis = excluded.analysis, learning = excluded.learning, feelings = excluded.feelings, \
         author_id = excluded.author_id, created_at = excluded.created_at, updated_at = excluded.updated_at, \
         revision = excluded.revision",
    )?
    .execute(named_params! {
        ":id": meta.id,
        ":guide_id": v.guide_id,
        ":guide_version": v.guide_version,
        ":occurred_on": v.occurred_on.to_string(),
        ":title": v.title,
        ":outcome": v.outcome.code(),
        ":initiative": p.initiative,
        ":initiative_id": initiative,
        ":answers": serde_json::to_string(&p.answers).unwrap_or_else(|_| "{}".into()),
        ":completed_at": meta.completed_at,
        ":phase": p.participation.phase,
        ":role": p.participation.role,
        ":level": p.participation.level,
        ":initiator": p.participation.initiator,
        ":predecided": p.participation.predecided,
        ":alignment": p.interest_alignment,
        ":trust_before": p.trust_before,
        ":trust_after": p.trust_after,
        ":organisation": p.organisation,
        ":expectation": p.common.expectation,
        ":what_happened": p.common.what_happened,
        ":analysis": p.common.analysis,
        ":learning": p.common.learning,
        ":feelings": p.common.feelings,
        ":author": meta.author,
        ":created_at": meta.created_at,
        ":updated_at": meta.updated_at,
        ":revision": meta.revision,
    })
}
