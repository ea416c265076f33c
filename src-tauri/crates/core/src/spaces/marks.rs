//! The facilitator's marks on a shared entry: "take to the session" puts it on the next
//! session's agenda (a session that goes through it takes it off) — an acknowledgement record
//! the whole team reads; taking it back is its tombstone. "Seen" is the facilitator's own note
//! of what they have read, kept in their journal alone: it never travels, and no author is told.

use super::format::record::{ACKNOWLEDGEMENT, ENTRY, Record, SESSION, Scope, text_of};
use super::share::{Outgoing, stamp};
use crate::Store;
use crate::error::{Error, Problem, Result};
use crate::store::spaces::Space;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Taken to the next session.
    Agenda,
    /// Seen: the facilitator's own note, never sent.
    Seen,
}

impl Mark {
    fn code(self) -> &'static str {
        match self {
            Mark::Agenda => "agenda",
            Mark::Seen => "seen",
        }
    }
}

/// A live mark as the space holds it.
pub(crate) struct LeadMark {
    pub on: String,
    pub agenda: bool,
    /// For an agenda mark: no session since has gone through the entry. A seen mark stays.
    pub open: bool,
    record: Record,
}

impl Store {
    /// Sets (`set`) or takes back the lead's `mark` on the shared entry `on`. Only the lead
    /// marks; setting a mark that is there, or taking back one that is not, changes nothing.
    pub fn mark_shared(&mut self, space: &str, on: &str, mark: Mark, set: bool) -> Result<()> {
        let s = self.member_space(space)?;
        if !s.info.lead {
            return Err(Error::invalid(
                "space",
                Problem::UnknownValue,
                "only the space's lead takes entries to the session or marks them seen",
            ));
        }
        let on = on.trim();
        let shared = self
            .live_of(&s.info.id, ENTRY)?
            .into_iter()
            .any(|l| l.version.id == on && l.scope != Scope::Aggregate);
        if !shared {
            return Err(Error::NotFound {
                what: "shared reflection",
                id: on.to_owned(),
            });
        }
        let now = stamp(crate::time::now(), Scope::Named);
        if mark == Mark::Seen {
            return self.note_seen(&s, on, set, &now);
        }
        let standing: Vec<LeadMark> = self
            .lead_marks(&s.info.id)?
            .into_iter()
            .filter(|m| m.on == on && m.agenda == (mark == Mark::Agenda) && m.open)
            .collect();
        let out: Vec<Outgoing> = if set {
            if !standing.is_empty() {
                return Ok(());
            }
            vec![Outgoing {
                record: Record {
                    kind: ACKNOWLEDGEMENT.into(),
                    id: uuid::Uuid::now_v7().to_string(),
                    revision: 1,
                    updated_at: now,
                    deleted: false,
                    scope: Some(Scope::Named),
                    body: json!({"on": on, "mark": mark.code()}),
                    rest: Default::default(),
                },
                entry: None,
                key: None,
            }]
        } else {
            taken_back(standing, &now)
        };
        if out.is_empty() {
            return Ok(());
        }
        self.publish(&s, out, false, None).map(|_| ())
    }

    /// Keeps (or takes back) the facilitator's own "seen" note, and takes back a seen mark an
    /// earlier version sent to the team.
    fn note_seen(&mut self, s: &Space, on: &str, set: bool, now: &str) -> Result<()> {
        self.note_seen_row(&s.info.id, on, set.then_some(now))?;
        let sent = taken_back(
            self.lead_marks(&s.info.id)?
                .into_iter()
                .filter(|m| m.on == on && !m.agenda)
                .collect(),
            now,
        );
        if !sent.is_empty() {
            self.publish(s, sent, false, None)?;
        }
        Ok(())
    }

    /// The lead's live marks in the space, in the order made.
    pub(crate) fn lead_marks(&self, space: &str) -> Result<Vec<LeadMark>> {
        // Which entries each session went through, by the session's id.
        let sessions: Vec<(String, Vec<String>)> = self
            .live_of(space, SESSION)?
            .into_iter()
            .map(|l| {
                let on = l
                    .record
                    .body
                    .get("material")
                    .and_then(Value::as_array)
                    .map(|m| m.iter().map(|x| text_of(x, "on").to_owned()).collect())
                    .unwrap_or_default();
                (l.version.id, on)
            })
            .collect();
        let mut out: Vec<LeadMark> = self
            .live_of(space, ACKNOWLEDGEMENT)?
            .into_iter()
            .map(|l| {
                let on = text_of(&l.record.body, "on").to_owned();
                let agenda = text_of(&l.record.body, "mark") == "agenda";
                let gone_through = sessions
                    .iter()
                    .any(|(id, material)| *id > l.version.id && material.contains(&on));
                LeadMark {
                    open: !(agenda && gone_through),
                    agenda,
                    on,
                    record: l.record,
                }
            })
            .collect();
        out.sort_by(|a, b| a.record.id.cmp(&b.record.id));
        Ok(out)
    }
}

/// The tombstones that take `marks` back, stamped `now`.
fn taken_back(marks: Vec<LeadMark>, now: &str) -> Vec<Outgoing> {
    marks
        .into_iter()
        .map(|m| Outgoing {
            record: Record {
                revision: m.record.revision + 1,
                updated_at: now.to_owned(),
                deleted: true,
                ..m.record
            },
            entry: None,
            key: None,
        })
        .collect()
}
