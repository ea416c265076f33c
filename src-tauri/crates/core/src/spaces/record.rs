//! The records a space carries. A shared entry is a *projection* of a private entry: a new id
//! (the private id never leaves the device), only the fields the scope allows, after the
//! personal-data guard. A withdrawal is the same record at a higher revision, marked deleted.

use crate::reflection::entry::Entry;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use ts_rs::TS;

/// The record kind of a shared entry.
pub const ENTRY: &str = "entry";
/// The record kind of a comment on a shared entry (one writer per message; an answer names
/// the comment it answers).
pub const COMMENT: &str = "comment";
/// The record kind of the lead's mark on a shared entry: taken to the session, or seen.
pub const ACKNOWLEDGEMENT: &str = "acknowledgement";
/// The record kind of a team reflection session the lead held and published.
pub const SESSION: &str = "session";
/// The record kind of an action a session decided (with an owner, a review date and what
/// later sessions said of it, each a new revision by the lead).
pub const ACTION: &str = "action";
/// The record kind of a session's one team improvement (like an action, one per session).
pub const IMPROVEMENT: &str = "improvement";

/// The kinds only the space's lead writes: a bundle holding one from anyone else is refused.
pub const LEAD_ONLY: [&str; 4] = [ACKNOWLEDGEMENT, SESSION, ACTION, IMPROVEMENT];

/// How a reflection is shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The author is shown.
    Named,
    /// No author, no installation, no signature of theirs; the date coarsened to the month.
    Anonymous,
    /// Only the categorical fields, never free text; shown only in counts of at least 3.
    Aggregate,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Named, Scope::Anonymous, Scope::Aggregate];

    pub fn code(self) -> &'static str {
        match self {
            Scope::Named => "named",
            Scope::Anonymous => "anonymous",
            Scope::Aggregate => "aggregate",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Written without the author's signature.
    pub fn is_anonymous(self) -> bool {
        self != Scope::Named
    }
}

/// One version of a record as it travels. Fields this build does not know are kept in `rest`
/// (and the record's exact JSON is stored), so a newer colleague's records survive here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub kind: String,
    pub id: String,
    pub revision: u64,
    pub updated_at: String,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub scope: Option<Scope>,
    #[serde(default)]
    pub body: Value,
    #[serde(flatten)]
    pub rest: serde_json::Map<String, Value>,
}

/// The fields of `entry` that `scope` lets leave the device. `date_question` is the guide's
/// question that holds the day of the attempt: an anonymous share leaves it out (the month
/// stays in `occurred_on`).
pub fn project(entry: &Entry, scope: Scope, date_question: Option<&str>) -> Value {
    let p = &entry.participation;
    let categories = json!({
        "guide_id": entry.guide_id,
        "outcome": entry.outcome.code(),
        "phase": p.phase, "role": p.role, "level": p.level, "initiator": p.initiator,
        "predecided": p.predecided,
        "interest_alignment": entry.interest_alignment,
        "trust_before": entry.trust_before, "trust_after": entry.trust_after,
        "organisation": entry.organisation,
        "tags": entry.tags,
    });
    if scope == Scope::Aggregate {
        return categories;
    }
    let occurred_on = match scope {
        Scope::Anonymous => entry.occurred_on.format("%Y-%m").to_string(),
        _ => entry.occurred_on.to_string(),
    };
    let mut body = categories;
    if let Some(map) = body.as_object_mut() {
        map.insert("title".into(), json!(entry.title));
        map.insert("occurred_on".into(), json!(occurred_on));
        map.insert("guide_version".into(), json!(entry.guide_version));
        map.insert("initiative".into(), json!(entry.initiative));
        let answers = entry
            .answers
            .iter()
            .filter(|(k, _)| scope == Scope::Named || Some(k.as_str()) != date_question)
            .map(|(k, v)| (k.clone(), v.clone()));
        map.insert("answers".into(), Value::Object(answers.collect()));
    }
    body
}

/// Every text in a record's body, each with where it sits (`title`, `answers.what_happened`,
/// `tags`, …): what the guard reads at share and again at import.
pub fn texts_of(body: &Value) -> Vec<(String, String)> {
    fn walk(at: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) => out.push((at.to_owned(), s.clone())),
            Value::Array(items) => items.iter().for_each(|i| walk(at, i, out)),
            Value::Object(map) => {
                for (k, v) in map {
                    let here = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
                    walk(&here, v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", body, &mut out);
    out
}
