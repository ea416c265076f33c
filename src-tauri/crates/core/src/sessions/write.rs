//! Recording a session, by the rules of the window's flow: only the lead records one; every
//! open action and improvement from before gets a verdict (done, continue, dropped with a line
//! on why); the session decides exactly one team improvement, and each new item has a text,
//! an owner in the space and a review date; the entries gone through are ones the team shared;
//! the guard reads every text. The session, its new items and the new revisions of the
//! carried ones travel in one bundle, so every journal takes them together or not at all.

use super::draft::{NewItem, SessionDraft, Verdict};
use super::read::ItemKind;
use super::text_of;
use crate::error::{Error, Problem, Result};
use crate::guide::TeamGuide;
use crate::name_key::name_key;
use crate::spaces::format::record::{ACTION, ENTRY, IMPROVEMENT, Record, SESSION, Scope};
use crate::spaces::format::roster::Roster;
use crate::spaces::share::{Outgoing, guard, stamp};
use crate::store::Store;
use crate::text_rules::{check_long, is_blank};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// The longest action, improvement or line on why, in characters.
pub const MAX_ITEM_CHARS: usize = 1000;
/// The longest note on an entry or answer to a team question, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

fn invalid(field: &str, problem: Problem, message: impl Into<String>) -> Error {
    Error::invalid(field, problem, message)
}

/// A text of the draft, checked and trimmed ("" when blank and `optional`).
fn text(field: &str, value: &str, max: usize, optional: bool) -> Result<String> {
    let v = check_long(value).map_err(|r| invalid(field, Problem::Malformed, r.message()))?;
    let v = v.trim().to_owned();
    if is_blank(&v) {
        if optional {
            return Ok(String::new());
        }
        return Err(invalid(field, Problem::Required, format!("{field} needs a text")));
    }
    if v.chars().count() > max {
        return Err(invalid(
            field,
            Problem::TooLong,
            format!("{field} holds at most {max} characters"),
        ));
    }
    Ok(v)
}

/// A member of the space by display name (as people read it) or key id.
fn owner_key(roster: &Roster, field: &str, owner: &str) -> Result<String> {
    let wanted = name_key(owner);
    let found: Vec<_> = roster
        .members
        .iter()
        .filter(|m| name_key(&m.name) == wanted || m.keys.key_id() == owner.trim())
        .collect();
    match found.as_slice() {
        [m] => Ok(m.keys.key_id()),
        [] => Err(invalid(
            field,
            Problem::UnknownValue,
            format!("'{}' is not a member of the space; the owner must be one", owner.trim()),
        )),
        _ => Err(invalid(
            field,
            Problem::Duplicate,
            format!("more than one member is called '{}'", owner.trim()),
        )),
    }
}

impl Store {
    /// Records and publishes a session of `space` from `draft`; returns the session's id.
    pub fn record_session(&mut self, space: &str, draft: &SessionDraft, accept_findings: bool) -> Result<String> {
        let s = self.member_space(space)?;
        if !s.info.lead {
            return Err(invalid(
                "space",
                Problem::UnknownValue,
                "only the space's lead records the team's session",
            ));
        }
        // What is in the folder first, this journal's own bundles too: one written just before
        // a crash, that the journal did not record, holds new revisions of the items, and a
        // session built without it would fork them.
        self.sync_space(&s.info.id, false)?;
        let s = self.member_space(&s.info.id)?;
        let today = crate::time::now().date_naive();
        let held_on = draft.held_on.unwrap_or(today);
        if held_on > today + chrono::Days::new(1) {
            return Err(invalid(
                "heldOn",
                Problem::Malformed,
                "a session is recorded when it has been held, not before",
            ));
        }
        let session_id = uuid::Uuid::now_v7().to_string();
        let now = stamp(crate::time::now(), Scope::Named);
        let mut out = Vec::new();

        // 1. Last time first: a verdict on every open item, and on nothing else.
        let items = self.items(&s.info.id)?;
        let open: BTreeSet<&String> = items
            .iter()
            .filter(|(_, (_, r))| {
                let last = r.body.get("history").and_then(Value::as_array).and_then(|h| h.last());
                last.is_none_or(|step| text_of(step, "status") == "continue")
            })
            .map(|(id, _)| id)
            .collect();
        let mut given = BTreeSet::new();
        let mut carried = Vec::new();
        for c in &draft.carried {
            let id = c.id.trim();
            let Some((_, record)) = items.get(id) else {
                return Err(Error::NotFound {
                    what: "action or improvement",
                    id: id.to_owned(),
                });
            };
            if !open.contains(&id.to_owned()) {
                return Err(invalid(
                    "carried",
                    Problem::UnknownValue,
                    format!("'{}' was closed by an earlier session", text_of(&record.body, "text")),
                ));
            }
            if !given.insert(id.to_owned()) {
                return Err(invalid("carried", Problem::Duplicate, "an item has two verdicts"));
            }
            let why = text("why", &c.why, MAX_ITEM_CHARS, true)?;
            if c.status == Verdict::Dropped && why.is_empty() {
                return Err(invalid(
                    "why",
                    Problem::Required,
                    format!("say in a line why '{}' was dropped", text_of(&record.body, "text")),
                ));
            }
            let mut body = record.body.clone();
            if let Some(map) = body.as_object_mut() {
                if let (Verdict::Continue, Some(next)) = (c.status, c.review_on) {
                    map.insert("review_on".into(), json!(next.to_string()));
                }
                let step = json!({"session": session_id, "status": c.status.code(), "why": why});
                match map.get_mut("history").and_then(Value::as_array_mut) {
                    Some(h) => h.push(step),
                    None => {
                        map.insert("history".into(), json!([step]));
                    }
                }
            }
            carried.push(json!({"id": id, "status": c.status.code(), "why": why}));
            out.push(Record {
                revision: record.revision + 1,
                updated_at: now.clone(),
                body,
                ..record.clone()
            });
        }
        if let Some(missing) = open.iter().find(|id| !given.contains(id.as_str())) {
            let what = items
                .get(missing.as_str())
                .map(|(_, r)| text_of(&r.body, "text"))
                .unwrap_or_default();
            return Err(invalid(
                "carried",
                Problem::Required,
                format!(
                    "'{what}' from last time needs a status (done, continue or dropped) before the session goes on"
                ),
            ));
        }

        // 2. The material: entries the team shared, each once.
        let shared: BTreeSet<String> = self
            .live_of(&s.info.id, ENTRY)?
            .into_iter()
            .filter(|l| l.scope != Scope::Aggregate)
            .map(|l| l.version.id)
            .collect();
        let mut material = Vec::new();
        let mut seen = BTreeSet::new();
        for m in &draft.material {
            let on = m.on.trim();
            if !shared.contains(on) {
                return Err(Error::NotFound {
                    what: "shared reflection",
                    id: on.to_owned(),
                });
            }
            if !seen.insert(on.to_owned()) {
                return Err(invalid(
                    "material",
                    Problem::Duplicate,
                    "an entry is gone through twice",
                ));
            }
            material.push(json!({"on": on, "note": text("note", &m.note, MAX_NOTE_CHARS, true)?}));
        }

        // 3. Across the attempts: answers to the team guide's questions.
        let guide = TeamGuide::builtin();
        let mut answers = serde_json::Map::new();
        for (q, a) in &draft.answers {
            if guide.question(q).is_none() {
                return Err(invalid(
                    "answers",
                    Problem::UnknownValue,
                    format!("'{q}' is not a question of the team guide"),
                ));
            }
            let a = text("answer", a, MAX_NOTE_CHARS, true)?;
            if !a.is_empty() {
                answers.insert(q.clone(), json!(a));
            }
        }

        // 4. Exactly one team improvement, and the actions.
        let Some(improvement) = &draft.improvement else {
            return Err(invalid(
                "improvement",
                Problem::Required,
                "a session decides exactly one team improvement, with an owner and a review date",
            ));
        };
        let mut new_item = |kind: ItemKind, item: &NewItem| -> Result<String> {
            let field = match kind {
                ItemKind::Improvement => "improvement",
                ItemKind::Action => "action",
            };
            let text = text(field, &item.text, MAX_ITEM_CHARS, false)?;
            let owner = owner_key(&s.roster, "owner", &item.owner)?;
            if item.review_on < held_on {
                return Err(invalid(
                    "reviewOn",
                    Problem::Malformed,
                    format!("the review date of '{text}' is before the session"),
                ));
            }
            let id = uuid::Uuid::now_v7().to_string();
            out.push(Record {
                kind: if kind == ItemKind::Improvement {
                    IMPROVEMENT
                } else {
                    ACTION
                }
                .into(),
                id: id.clone(),
                revision: 1,
                updated_at: now.clone(),
                deleted: false,
                scope: Some(Scope::Named),
                body: json!({"text": text, "owner": owner, "review_on": item.review_on.to_string(),
                             "from_session": session_id, "history": []}),
                rest: Default::default(),
            });
            Ok(id)
        };
        let improvement = new_item(ItemKind::Improvement, improvement)?;
        let actions: Vec<String> = draft
            .actions
            .iter()
            .map(|a| new_item(ItemKind::Action, a))
            .collect::<Result<_>>()?;

        // 5. The record, read by the guard with everything it carries, and published.
        out.push(Record {
            kind: SESSION.into(),
            id: session_id.clone(),
            revision: 1,
            updated_at: now,
            deleted: false,
            scope: Some(Scope::Named),
            body: json!({
                "held_on": held_on.to_string(),
                "guide": {"id": guide.id, "version": guide.version},
                "carried": carried, "material": material, "answers": answers,
                "improvement": improvement, "actions": actions,
            }),
            rest: Default::default(),
        });
        let never = self.never_store_words()?;
        for r in &out {
            guard(&words_only(&r.body), &never, accept_findings)?;
        }
        let out = out
            .into_iter()
            .map(|record| Outgoing {
                record,
                entry: None,
                key: None,
            })
            .collect();
        self.publish(&s, out, false, None)?;
        // Published: the draft it was typed in has done its work.
        self.forget_session_draft(&s.info.id)?;
        Ok(session_id)
    }
}

/// A body with its ids, keys and dates left out: what people wrote, for the guard (an id's
/// digits are not a phone number).
fn words_only(body: &Value) -> Value {
    const NOT_WORDS: [&str; 10] = [
        "id",
        "on",
        "owner",
        "session",
        "from_session",
        "improvement",
        "actions",
        "held_on",
        "review_on",
        "guide",
    ];
    match body {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !NOT_WORDS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), words_only(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(words_only).collect()),
        other => other.clone(),
    }
}
