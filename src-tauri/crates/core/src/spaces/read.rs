//! What a space holds as this journal sees it: the team's shared reflections (withdrawn ones
//! gone, held-back ones only named), its members, and the folder's state in words.

use super::chain::{ChainBreak, MissingBundle};
use super::counts::{CountCell, CountsOnly, MIN_CELL};
use super::format::record::{ACTION, COMMENT, ENTRY, IMPROVEMENT, SESSION, Scope};
use super::format::roster::Role;
use super::retention::Retention;
use crate::error::Result;
use crate::store::spaces::{FileProblem, Live, SpaceInfo};
use crate::{EntryId, Store};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

/// A reflection a member shared, as this journal holds it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedEntryView {
    pub id: String,
    pub scope: Scope,
    /// The member's display name when shared by name.
    pub author: Option<String>,
    /// Shared by this journal.
    pub mine: bool,
    /// For a share of this journal's: the private entry it came from. Local only: the view
    /// never travels, and the bundle holds only the shared id.
    pub entry_id: Option<EntryId>,
    /// For a share of this journal's: the private entry was changed after it was last shared,
    /// so the team has an older version; sharing it again sends the new one.
    pub changed_since_shared: bool,
    pub revision: u64,
    pub updated_at: String,
    pub title: String,
    pub occurred_on: String,
    pub outcome: Option<String>,
    pub initiative: Option<String>,
    #[ts(type = "Record<string, unknown>")]
    pub body: Value,
    /// Two versions at the same revision (the writer on two computers): both are kept.
    pub conflict: bool,
    /// The lead took it to the next session (and no session has gone through it since).
    pub on_agenda: bool,
    /// This journal's facilitator noted it as seen (their own note: never sent, so always
    /// false in every other journal).
    pub seen: bool,
    /// Others' comments on it that arrived since this journal last opened them.
    pub new_comments: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberView {
    pub name: String,
    pub lead: bool,
    pub fingerprint: String,
    pub me: bool,
}

/// A record the guard held back at import, for the lead to follow up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldBack {
    pub id: String,
    pub author: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpaceStatus {
    pub space: SpaceInfo,
    pub folder_present: bool,
    pub members: Vec<MemberView>,
    /// This journal is not in the newest roster.
    pub removed: bool,
    pub last_read_at: Option<String>,
    pub shared: usize,
    /// Contributions shared only as counts, in the counts the lead's app last released.
    pub aggregate: usize,
    pub held_back: Vec<HeldBack>,
    pub rejected: Vec<FileProblem>,
    /// Things in the folder that are not Eftertanke's files, as the last read found them.
    pub not_ours: usize,
    /// This journal's shares without a name (and their withdrawals) that wait for their random
    /// moment before their file is written.
    pub waiting: usize,
    /// This journal's files that a withdrawal wrote again but the folder would not let go of
    /// yet (held by a sync client, a read-only moment): removed at the next read.
    pub to_remove: usize,
    /// How long the space keeps what is shared, as its facilitator set it, and what goes soon.
    pub retention: Option<Retention>,
    /// Epochs for which the folder holds two different rosters, both signed by the lead.
    pub roster_forks: Vec<u64>,
    pub missing: Vec<MissingBundle>,
    /// Where a member's chain of bundles does not hold together (read all the same).
    pub chain_breaks: Vec<ChainBreak>,
}

/// Outcome by participation level across the reflections shared by name or without a name,
/// only cells of at least [`MIN_CELL`] (the rest are counted together), and, apart, what was
/// shared only as counts, as the lead's app last released it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpaceCounts {
    pub cells: Vec<CountCell>,
    /// Contributions in cells too small to show.
    pub withheld: usize,
    pub counts_only: Option<CountsOnly>,
}

impl Store {
    /// The reflections the team shared into `space` (named and anonymous; what was shared
    /// only as counts is listed to its author alone), newest first.
    pub fn space_entries(&self, space: &str) -> Result<Vec<SharedEntryView>> {
        let s = self.space(space)?;
        let me = s.keys.public().key_id();
        let names = self.names(&s.info.id)?;
        let mine = self.my_shared_ids(&s.info.id)?;
        let sources = self.share_sources(&s.info.id)?;
        let marks = self.lead_marks(&s.info.id)?;
        let unread = self.unread_comments(&s.info.id, &me)?;
        let seen = self.seen_notes(&s.info.id)?;
        let on_agenda = |on: &str| marks.iter().any(|m| m.on == on && m.agenda && m.open);
        let mut out: Vec<SharedEntryView> = self
            .live(&s.info.id)?
            .into_iter()
            // What was shared only as counts is listed to its author alone (under the title
            // this journal holds); everyone else only counts it.
            .filter(|l| l.scope != Scope::Aggregate || mine.contains(&l.version.id))
            .map(
                |Live {
                     version: v,
                     record,
                     scope,
                     conflict,
                 }| {
                    let text = |k: &str| record.body.get(k).and_then(Value::as_str).map(str::to_owned);
                    let source = sources.get(&v.id);
                    SharedEntryView {
                        entry_id: source.map(|s| s.entry_id),
                        changed_since_shared: source.is_some_and(|s| s.changed_since_shared),
                        author: v.author_key.as_ref().and_then(|k| names.get(k).cloned()),
                        mine: mine.contains(&v.id) || v.writer == me,
                        revision: v.revision as u64,
                        updated_at: record.updated_at.clone(),
                        title: text("title")
                            .or_else(|| source.map(|s| s.title.clone()))
                            .unwrap_or_default(),
                        occurred_on: text("occurred_on")
                            .or_else(|| source.map(|s| s.occurred_on.clone()))
                            .unwrap_or_default(),
                        outcome: text("outcome"),
                        initiative: text("initiative"),
                        conflict,
                        scope,
                        on_agenda: on_agenda(&v.id),
                        seen: seen.contains(&v.id),
                        new_comments: unread.iter().filter(|(on, _)| *on == v.id).count(),
                        id: v.id,
                        body: record.body,
                    }
                },
            )
            .collect();
        out.sort_by(|a, b| b.occurred_on.cmp(&a.occurred_on).then(b.id.cmp(&a.id)));
        Ok(out)
    }

    /// The team's counts of outcome by participation level (cells of at least 3 only).
    pub fn space_counts(&self, space: &str) -> Result<SpaceCounts> {
        let s = self.space(space)?;
        let mut cells: BTreeMap<(String, Option<u8>), usize> = BTreeMap::new();
        for Live { record, .. } in self
            .live(&s.info.id)?
            .into_iter()
            .filter(|l| l.scope != Scope::Aggregate)
        {
            let Some(outcome) = record.body.get("outcome").and_then(Value::as_str) else {
                continue;
            };
            let level = record
                .body
                .get("level")
                .and_then(Value::as_u64)
                .and_then(|l| u8::try_from(l).ok());
            *cells.entry((outcome.to_owned(), level)).or_default() += 1;
        }
        let withheld = cells.values().filter(|n| **n < MIN_CELL).sum();
        Ok(SpaceCounts {
            cells: cells
                .into_iter()
                .filter(|(_, n)| *n >= MIN_CELL)
                .map(|((outcome, level), count)| CountCell { outcome, level, count })
                .collect(),
            withheld,
            counts_only: self.counts_only(&s.info.id)?,
        })
    }

    /// The status of `only` that space, or of every space this journal is in (the CLI's
    /// `space status`).
    pub fn space_statuses(&self, only: Option<&str>) -> Result<Vec<SpaceStatus>> {
        match only {
            Some(space) => Ok(vec![self.space_status(space)?]),
            None => self.spaces()?.iter().map(|s| self.space_status(&s.id)).collect(),
        }
    }

    /// The space's state in words: members, what was read, what was refused and why, which
    /// bundles are missing, what the guard held back.
    pub fn space_status(&self, space: &str) -> Result<SpaceStatus> {
        let s = self.space(space)?;
        let me = s.keys.public().key_id();
        let names = self.names(&s.info.id)?;
        let (not_ours, roster_forks) = self.folder_oddities(&s.info.id)?;
        let last_read_at = self.last_read_at(&s.info.id)?;
        let mut held = Vec::new();
        for kind in [ENTRY, COMMENT, SESSION, ACTION, IMPROVEMENT] {
            held.extend(self.versions(&s.info.id, kind)?);
        }
        let held_back = held
            .into_iter()
            .filter_map(|v| {
                v.quarantine.map(|reason| HeldBack {
                    author: v.author_key.as_ref().and_then(|k| names.get(k).cloned()),
                    id: v.id,
                    reason,
                })
            })
            .collect();
        let live = self.live(&s.info.id)?;
        let shared = live.iter().filter(|l| l.scope != Scope::Aggregate).count();
        let aggregate = self.counts_only(&s.info.id)?.map_or(0, |c| c.contributions);
        let rejected = self.refused_files(&s.info.id)?;
        let (missing, chain_breaks) = self.chain_report(&s.info.id, &names)?;
        Ok(SpaceStatus {
            folder_present: s.info.folder.is_dir(),
            members: s
                .roster
                .members
                .iter()
                .map(|m| MemberView {
                    name: m.name.clone(),
                    lead: m.role == Role::Lead,
                    fingerprint: m.keys.fingerprint(),
                    me: m.keys.key_id() == me,
                })
                .collect(),
            removed: s.removed || s.roster.member_by_key(&me).is_none(),
            last_read_at,
            shared,
            aggregate,
            held_back,
            rejected,
            not_ours,
            waiting: self.waiting_count(&s.info.id)?,
            to_remove: self.files_to_remove(&s.info.id)?,
            retention: self.retention(&s.info.id)?,
            roster_forks,
            missing,
            chain_breaks,
            space: s.info,
        })
    }
}
