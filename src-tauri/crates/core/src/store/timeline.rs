//! Timeline queries: a page of initiatives by latest activity, then their attempts.
//! Neither query reads every entry: lanes page through `initiatives_by_activity`, attempts come
//! through `entries_by_initiative_day` for the lanes on the page only.

use super::Store;
use super::columns::{date_col, outcome_col};
use super::initiatives::initiative_from_row;
use crate::error::{Error, Problem, Result};
use crate::id::InitiativeId;
use crate::timeline::{Lane, TimelineFilter, TimelineNode, TimelinePage};
use rusqlite::named_params;
use std::collections::HashMap;

/// The most lanes one page returns.
pub const MAX_LANES: u32 = 50;

/// The entry filter, shared by both queries (and by the benchmark's raw side).
pub const ENTRY_FILTER: &str = "(:outcome IS NULL OR e.outcome = :outcome) AND (:phase IS NULL OR e.phase_entered = :phase) \
     AND (:role IS NULL OR e.citizen_role = :role) AND (:from IS NULL OR e.occurred_on >= :from) \
     AND (:to IS NULL OR e.occurred_on <= :to) \
     AND (:tag IS NULL OR EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = :tag))";

pub fn lanes_sql() -> String {
    format!(
        "SELECT i.id, i.title, i.neighbourhood, i.citizen_group, i.purpose, i.last_on, 0 FROM initiatives i \
         WHERE i.deleted_at IS NULL AND i.last_on IS NOT NULL AND (i.last_on, i.id) < (:after_on, :after_id) \
         AND (:initiative IS NULL OR i.id = :initiative) \
         AND EXISTS (SELECT 1 FROM entries e WHERE e.initiative_id = i.id AND e.deleted_at IS NULL AND {ENTRY_FILTER}) \
         ORDER BY i.last_on DESC, i.id DESC LIMIT :limit"
    )
}

/// Attempts shown per lane, newest kept, unless the timeline shows one initiative alone. A lane
/// of fifty attempts over three years is unreadable at a glance; the rest are counted.
pub const NODES_PER_LANE: u32 = 12;

pub fn nodes_sql() -> String {
    format!(
        "SELECT n.id, n.initiative_id, n.occurred_on, n.title, n.outcome, n.participation_level, n.complete, \
         (SELECT count(*) FROM actions a WHERE a.entry_id = n.id AND a.status = 'open' AND a.deleted_at IS NULL), \
         (SELECT l.to_entry FROM entry_links l WHERE l.from_entry = n.id AND l.kind = 'follows_up' \
          AND l.deleted_at IS NULL LIMIT 1), \
         n.total \
         FROM (SELECT e.id, e.initiative_id, e.occurred_on, e.title, e.outcome, e.participation_level, \
               e.completed_at IS NOT NULL AS complete, \
               row_number() OVER (PARTITION BY e.initiative_id ORDER BY e.occurred_on DESC, e.id DESC) AS rn, \
               count(*) OVER (PARTITION BY e.initiative_id) AS total \
               FROM entries e WHERE e.initiative_id IN (SELECT value FROM json_each(:lanes)) \
               AND e.deleted_at IS NULL AND {ENTRY_FILTER}) n \
         WHERE n.rn <= :per_lane ORDER BY n.initiative_id, n.occurred_on, n.id"
    )
}

impl Store {
    /// One page of the timeline: up to `limit` initiatives, most recently active first, each
    /// with its attempts that match `filter`.
    pub fn timeline_page(&self, filter: &TimelineFilter, cursor: Option<&str>, limit: u32) -> Result<TimelinePage> {
        let limit = limit.clamp(1, MAX_LANES);
        let f = checked(filter)?;
        let (after_on, after_id) = super::cursor::decode::<InitiativeId>(cursor)?;
        let mut initiatives = self
            .conn
            .prepare_cached(&lanes_sql())
            .and_then(|mut s| {
                s.query_map(
                    named_params! {
                        ":after_on": after_on, ":after_id": after_id, ":initiative": f.initiative,
                        ":outcome": f.outcome, ":phase": f.phase, ":role": f.role, ":from": f.from, ":to": f.to,
                        ":tag": f.tag, ":limit": limit + 1,
                    },
                    initiative_from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.fail(e))?;
        let next_cursor = if initiatives.len() > limit as usize {
            initiatives.truncate(limit as usize);
            initiatives
                .last()
                .and_then(|i| i.last_on.map(|d| super::cursor::encode(d, i.id)))
        } else {
            None
        };
        let ids: Vec<String> = initiatives.iter().map(|i| i.id.to_string()).collect();
        let per_lane = if f.initiative.is_some() {
            u32::MAX
        } else {
            NODES_PER_LANE
        };
        let mut nodes: HashMap<InitiativeId, Vec<TimelineNode>> = HashMap::new();
        let mut totals: HashMap<InitiativeId, u32> = HashMap::new();
        self.conn
            .prepare_cached(&nodes_sql())
            .and_then(|mut s| {
                let mut rows = s.query(named_params! {
                    ":lanes": serde_json::to_string(&ids).unwrap_or_default(),
                    ":outcome": f.outcome, ":phase": f.phase, ":role": f.role, ":from": f.from, ":to": f.to,
                    ":tag": f.tag, ":per_lane": per_lane,
                })?;
                while let Some(row) = rows.next()? {
                    let initiative: InitiativeId = row.get(1)?;
                    totals.insert(initiative, row.get(9)?);
                    nodes.entry(initiative).or_default().push(TimelineNode {
                        id: row.get(0)?,
                        occurred_on: date_col(row, 2)?,
                        title: row.get(3)?,
                        outcome: outcome_col(row, 4)?,
                        participation_level: row.get(5)?,
                        complete: row.get(6)?,
                        open_actions: row.get(7)?,
                        follows_up_on: row.get(8)?,
                    });
                }
                Ok(())
            })
            .map_err(|e| self.fail(e))?;
        let unplaced: u32 = if cursor.is_none() {
            self.conn
                .prepare_cached("SELECT count(*) FROM entries WHERE initiative_id IS NULL AND deleted_at IS NULL")
                .and_then(|mut s| s.query_row([], |r| r.get(0)))
                .map_err(|e| self.fail(e))?
        } else {
            0
        };
        let lanes = initiatives
            .into_iter()
            .map(|mut initiative| {
                let nodes = nodes.remove(&initiative.id).unwrap_or_default();
                initiative.attempts = totals.get(&initiative.id).copied().unwrap_or(nodes.len() as u32);
                Lane {
                    earlier_hidden: initiative.attempts.saturating_sub(nodes.len() as u32),
                    initiative,
                    nodes,
                }
            })
            .collect();
        Ok(TimelinePage {
            lanes,
            next_cursor,
            unplaced,
        })
    }
}

/// The filter with every value checked: a bad id or date is named, not silently ignored.
pub(super) fn checked(filter: &TimelineFilter) -> Result<TimelineFilter> {
    use crate::guide::vocabulary as v;
    let blank = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let mut f = TimelineFilter {
        initiative: blank(&filter.initiative),
        outcome: blank(&filter.outcome),
        phase: blank(&filter.phase),
        role: blank(&filter.role),
        from: blank(&filter.from),
        to: blank(&filter.to),
        tag: blank(&filter.tag),
    };
    if let Some(id) = &f.initiative {
        id.parse::<InitiativeId>()
            .map_err(|_| Error::invalid("initiative", Problem::Malformed, "not an initiative id"))?;
    }
    for (field, value, vocab) in [
        ("outcome", &f.outcome, v::OUTCOMES),
        ("phase", &f.phase, v::PHASES),
        ("role", &f.role, v::ROLES),
    ] {
        if let Some(value) = value
            && !vocab.contains(&value.as_str())
        {
            return Err(Error::invalid(
                field,
                Problem::UnknownValue,
                format!("'{value}' is not one of {vocab:?}"),
            ));
        }
    }
    for (field, value) in [("from", &mut f.from), ("to", &mut f.to)] {
        if let Some(day) = value.as_deref() {
            let parsed = crate::time::parse_date(day).ok_or_else(|| {
                Error::invalid(field, Problem::NotADate, format!("'{day}' is not a date that exists"))
            })?;
            *value = Some(parsed.to_string());
        }
    }
    Ok(f)
}
