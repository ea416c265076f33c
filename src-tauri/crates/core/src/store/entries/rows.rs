//! Rows of `entries` into `Entry` and `EntrySummary`.

use super::super::columns::{conversion, date_col, instant_col, outcome_col};
use crate::reflection::entry::{Entry, EntrySummary, Participation};
use crate::time;
use rusqlite::Row;

/// The columns [`entry_from_row`] reads, in its order.
pub(crate) const ENTRY_COLUMNS: &str = "id, guide_id, guide_version, occurred_on, title, outcome, initiative, answers, \
     completed_at, phase_entered, citizen_role, participation_level, initiator, solution_predecided, \
     interest_alignment, trust_before, trust_after, organisation, expectation, what_happened, analysis, \
     learning, feelings, author_id, created_at, updated_at, revision, initiative_id";

pub(super) fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    let answers: String = row.get(7)?;
    let completed_at: Option<String> = row.get(8)?;
    Ok(Entry {
        id: row.get(0)?,
        guide_id: row.get(1)?,
        guide_version: row.get(2)?,
        occurred_on: date_col(row, 3)?,
        title: row.get(4)?,
        outcome: outcome_col(row, 5)?,
        initiative: row.get(6)?,
        answers: serde_json::from_str(&answers).map_err(|e| conversion(7, e))?,
        completed_at: completed_at
            .map(|t| time::from_db(&t))
            .transpose()
            .map_err(|e| conversion(8, e))?,
        participation: Participation {
            phase: row.get(9)?,
            role: row.get(10)?,
            level: row.get(11)?,
            initiator: row.get(12)?,
            predecided: row.get(13)?,
        },
        interest_alignment: row.get(14)?,
        trust_before: row.get(15)?,
        trust_after: row.get(16)?,
        organisation: row.get(17)?,
        expectation: row.get(18)?,
        what_happened: row.get(19)?,
        analysis: row.get(20)?,
        learning: row.get(21)?,
        feelings: row.get(22)?,
        actions: Vec::new(),
        tags: Vec::new(),
        author_id: row.get(23)?,
        created_at: instant_col(row, 24)?,
        updated_at: instant_col(row, 25)?,
        revision: row.get(26)?,
        initiative_id: row.get(27)?,
    })
}

pub(super) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EntrySummary> {
    let head: String = row.get(7)?;
    let first_line = head.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut excerpt: String = first_line.chars().take(160).collect();
    if first_line.chars().count() > 160 {
        excerpt.push('…');
    }
    Ok(EntrySummary {
        id: row.get(0)?,
        occurred_on: date_col(row, 1)?,
        title: row.get(2)?,
        outcome: outcome_col(row, 3)?,
        initiative: row.get(9)?,
        guide_id: row.get(4)?,
        complete: row.get(5)?,
        participation_level: row.get(6)?,
        excerpt,
        updated_at: instant_col(row, 8)?,
    })
}
