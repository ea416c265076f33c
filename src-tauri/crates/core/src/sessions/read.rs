//! What the team sees of its sessions: each session as recorded, every action and improvement
//! with its history, what the next session opens with, and the actions a member owns.

use super::chart::TeamChart;
use super::{Items, text_of};
use crate::error::{Error, Result};
use crate::guide::TeamGuide;
use crate::spaces::SharedEntryView;
use crate::spaces::format::record::{ACTION, IMPROVEMENT, Record, SESSION};
use crate::store::Store;
use crate::store::spaces::{Space, SpaceInfo, member_name};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Action,
    Improvement,
}

/// Where an action or improvement stands: open (no session has looked at it since it was
/// decided), kept open by a later session, done or dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Open,
    Continue,
    Done,
    Dropped,
}

impl ItemStatus {
    /// Still to be looked at by the next session.
    pub fn is_open(self) -> bool {
        matches!(self, ItemStatus::Open | ItemStatus::Continue)
    }

    fn from_code(code: &str) -> Self {
        match code {
            "done" => ItemStatus::Done,
            "dropped" => ItemStatus::Dropped,
            "continue" => ItemStatus::Continue,
            _ => ItemStatus::Open,
        }
    }
}

/// One verdict a session gave an item.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusStep {
    pub session: String,
    pub held_on: String,
    pub status: ItemStatus,
    pub why: String,
}

/// An action or the team improvement, as it stands.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemView {
    pub id: String,
    pub kind: ItemKind,
    pub text: String,
    /// The owner's display name in the space.
    pub owner: String,
    pub owner_is_me: bool,
    pub review_on: String,
    pub status: ItemStatus,
    /// The session that decided it.
    pub from_session: String,
    /// What each later session said of it, oldest first.
    pub history: Vec<StatusStep>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CarriedView {
    pub id: String,
    pub kind: ItemKind,
    pub text: String,
    pub status: ItemStatus,
    pub why: String,
}

/// A shared entry a session went through. An entry this journal never received (or that was
/// withdrawn since) is named as such; its note stays.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaterialView {
    pub on: String,
    pub received: bool,
    /// Its author withdrew it since (its title went with it).
    pub withdrawn: bool,
    pub title: String,
    pub outcome: Option<String>,
    pub role: Option<String>,
    pub level: Option<u8>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnswerView {
    pub question: String,
    pub text: String,
}

/// A session as recorded. `held_on` is the day as the lead wrote it; sessions are ordered by
/// their ids, never by a computer's clock.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub id: String,
    pub held_on: String,
    pub carried: Vec<CarriedView>,
    pub material: Vec<MaterialView>,
    pub answers: Vec<AnswerView>,
    pub improvement: Option<ItemView>,
    pub actions: Vec<ItemView>,
}

/// What the next session opens with.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionAgenda {
    /// Every open action and the open improvements: each needs a verdict.
    pub carried: Vec<ItemView>,
    /// The entries taken to the session and not yet gone through, oldest mark first.
    pub material: Vec<SharedEntryView>,
    pub guide: TeamGuide,
    pub chart: TeamChart,
    /// Who can own an improvement or an action: the members' display names.
    pub members: Vec<String>,
    pub last: Option<SessionView>,
}

/// An action or improvement this journal owns, in one of its spaces.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamAction {
    pub space: SpaceInfo,
    pub item: ItemView,
    /// Its review date has come.
    pub due: bool,
}

impl Store {
    /// Every action and improvement of the space, by id (so in the order decided).
    pub(super) fn items(&self, space: &str) -> Result<Items> {
        let mut out = Items::new();
        for (kind, code) in [(ItemKind::Action, ACTION), (ItemKind::Improvement, IMPROVEMENT)] {
            for l in self.live_of(space, code)? {
                out.insert(l.version.id.clone(), (kind, l.record));
            }
        }
        Ok(out)
    }

    fn sessions_raw(&self, space: &str) -> Result<Vec<Record>> {
        let mut out: Vec<Record> = self.live_of(space, SESSION)?.into_iter().map(|l| l.record).collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Every action and improvement of the space: open ones first, then by id.
    pub fn space_actions(&self, space: &str) -> Result<Vec<ItemView>> {
        let s = self.space(space)?;
        let me = s.keys.public().key_id();
        let names = self.names(&s.info.id)?;
        let held = held_on(&self.sessions_raw(&s.info.id)?);
        let mut out: Vec<ItemView> = self
            .items(&s.info.id)?
            .into_iter()
            .map(|(id, (kind, r))| item_view(&id, kind, &r.body, &names, &me, &held))
            .collect();
        out.sort_by_key(|i| (!i.status.is_open(), i.id.clone()));
        Ok(out)
    }

    /// The space's sessions, oldest first.
    pub fn space_sessions(&self, space: &str) -> Result<Vec<SessionView>> {
        let s = self.space(space)?;
        let entries = self.entries_by_id(&s.info.id)?;
        self.sessions_among(&s, &entries)
    }

    /// The team's shared entries by shared id: what a session's material is looked up in.
    fn entries_by_id(&self, space: &str) -> Result<BTreeMap<String, SharedEntryView>> {
        Ok(self
            .space_entries(space)?
            .into_iter()
            .map(|e| (e.id.clone(), e))
            .collect())
    }

    /// The sessions of `s`, their material looked up among `entries`.
    fn sessions_among(&self, s: &Space, entries: &BTreeMap<String, SharedEntryView>) -> Result<Vec<SessionView>> {
        let me = s.keys.public().key_id();
        let names = self.names(&s.info.id)?;
        let raw = self.sessions_raw(&s.info.id)?;
        let held = held_on(&raw);
        let items = self.items(&s.info.id)?;
        let withdrawn = self.withdrawn_entries(&s.info.id)?;
        let view = |id: &str| {
            items
                .get(id)
                .map(|(kind, r)| item_view(id, *kind, &r.body, &names, &me, &held))
        };
        Ok(raw
            .iter()
            .map(|r| {
                let b = &r.body;
                let list = |k: &str| b.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
                SessionView {
                    id: r.id.clone(),
                    held_on: text_of(b, "held_on").to_owned(),
                    carried: list("carried")
                        .iter()
                        .map(|c| {
                            let id = text_of(c, "id");
                            let item = items.get(id);
                            CarriedView {
                                id: id.to_owned(),
                                kind: item.map_or(ItemKind::Action, |(k, _)| *k),
                                text: item
                                    .map(|(_, r)| text_of(&r.body, "text").to_owned())
                                    .unwrap_or_default(),
                                status: ItemStatus::from_code(text_of(c, "status")),
                                why: text_of(c, "why").to_owned(),
                            }
                        })
                        .collect(),
                    material: list("material")
                        .iter()
                        .map(|m| {
                            let on = text_of(m, "on");
                            let e = entries.get(on);
                            MaterialView {
                                on: on.to_owned(),
                                received: e.is_some(),
                                withdrawn: e.is_none() && withdrawn.contains(on),
                                title: e.map(|e| e.title.clone()).unwrap_or_default(),
                                outcome: e.and_then(|e| e.outcome.clone()),
                                role: e.and_then(|e| e.body.get("role").and_then(Value::as_str).map(str::to_owned)),
                                level: e
                                    .and_then(|e| e.body.get("level").and_then(Value::as_u64))
                                    .map(|l| l as u8),
                                note: text_of(m, "note").to_owned(),
                            }
                        })
                        .collect(),
                    answers: b
                        .get("answers")
                        .and_then(Value::as_object)
                        .map(|a| {
                            a.iter()
                                .filter_map(|(q, t)| {
                                    Some(AnswerView {
                                        question: q.clone(),
                                        text: t.as_str()?.to_owned(),
                                    })
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    improvement: view(text_of(b, "improvement")),
                    actions: list("actions").iter().filter_map(|a| view(a.as_str()?)).collect(),
                }
            })
            .collect())
    }

    /// What the next session of `space` opens with.
    pub fn session_agenda(&self, space: &str) -> Result<SessionAgenda> {
        let s = self.space(space)?;
        let entries = self.entries_by_id(&s.info.id)?;
        let material = self
            .lead_marks(&s.info.id)?
            .into_iter()
            .filter(|m| m.agenda && m.open)
            .filter_map(|m| entries.get(&m.on).cloned())
            .collect();
        Ok(SessionAgenda {
            carried: self
                .space_actions(&s.info.id)?
                .into_iter()
                .filter(|i| i.status.is_open())
                .collect(),
            material,
            guide: TeamGuide::builtin().clone(),
            chart: self.team_chart(&s.info.id)?,
            members: s.roster.members.iter().map(|m| m.name.clone()).collect(),
            last: self.sessions_among(&s, &entries)?.pop(),
        })
    }

    /// The open actions and improvements this journal owns in any of its spaces, the due ones
    /// (review date on or before `today`, a day as the window sends it) first.
    pub fn team_actions(&self, today: &str) -> Result<Vec<TeamAction>> {
        let today = crate::time::parse_date(today)
            .ok_or_else(|| Error::invalid("today", crate::error::Problem::NotADate, "not a date"))?
            .to_string();
        let mut out = Vec::new();
        for space in self.spaces()? {
            for item in self.space_actions(&space.id)? {
                if item.owner_is_me && item.status.is_open() {
                    out.push(TeamAction {
                        due: item.review_on <= today,
                        space: space.clone(),
                        item,
                    });
                }
            }
        }
        out.sort_by(|a, b| b.due.cmp(&a.due).then(a.item.review_on.cmp(&b.item.review_on)));
        Ok(out)
    }

    /// One session of the space by id.
    pub(super) fn session_view(&self, space: &str, id: &str) -> Result<SessionView> {
        self.space_sessions(space)?
            .into_iter()
            .find(|v| v.id == id.trim())
            .ok_or_else(|| Error::NotFound {
                what: "session",
                id: id.trim().to_owned(),
            })
    }
}

/// The day each session was held, by its id.
fn held_on(sessions: &[Record]) -> BTreeMap<String, String> {
    sessions
        .iter()
        .map(|r| (r.id.clone(), text_of(&r.body, "held_on").to_owned()))
        .collect()
}

fn item_view(
    id: &str,
    kind: ItemKind,
    body: &Value,
    names: &BTreeMap<String, String>,
    me: &str,
    held: &BTreeMap<String, String>,
) -> ItemView {
    let owner = text_of(body, "owner");
    let history: Vec<StatusStep> = body
        .get("history")
        .and_then(Value::as_array)
        .map(|h| {
            h.iter()
                .map(|step| {
                    let session = text_of(step, "session").to_owned();
                    StatusStep {
                        held_on: held.get(&session).cloned().unwrap_or_default(),
                        status: ItemStatus::from_code(text_of(step, "status")),
                        why: text_of(step, "why").to_owned(),
                        session,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    ItemView {
        id: id.to_owned(),
        kind,
        text: text_of(body, "text").to_owned(),
        owner: member_name(names, owner),
        owner_is_me: owner == me,
        review_on: text_of(body, "review_on").to_owned(),
        status: history.last().map_or(ItemStatus::Open, |s| s.status),
        from_session: text_of(body, "from_session").to_owned(),
        history,
    }
}
