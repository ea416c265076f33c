//! The records a space carries. A shared entry is a *projection* of a private entry: a new id
//! (the private id never leaves the device), only the fields the scope allows, after the
//! personal-data guard. A withdrawal is the same record at a higher revision, marked deleted.

use crate::guide::{Feeds, Guide, QuestionKind};
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

/// The record kind of the team's counts of what was shared only as counts: the lead's app
/// counts the contributions (which only it receives) and publishes the cells (one record per
/// space, a new revision at each release).
pub const COUNTS: &str = "counts";

/// The record kind of the space's retention period, set by its lead (one record per space).
pub const RETENTION: &str = "retention";

/// The kinds only the space's lead writes: a bundle holding one from anyone else is refused.
pub const LEAD_ONLY: [&str; 6] = [ACKNOWLEDGEMENT, SESSION, ACTION, IMPROVEMENT, COUNTS, RETENTION];

/// How a reflection is shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The author is shown.
    Named,
    /// No author, no installation, no signature of theirs; the date coarsened to the month.
    Anonymous,
    /// Only the outcome and the participation level, never text; counted, never shown alone.
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

/// The fields of `entry` that `scope` lets leave the device, with `guide` (the entry's own
/// version) telling which answer is which. The one rule for what leaves the computer: the
/// share writes it, and the window's preview shows it (`Store::share_preview`).
///
/// - **Named**: the title, the day, the initiative, every answer and the categorical fields.
/// - **Anonymous**: the same, minus what could name or date its author beyond the month: no
///   tags, no "roles" answers (who took part), the day of the attempt cut to its month and the
///   answer holding it left out, and each action only its text (no owner, no review date, no
///   id, which would carry a time). Without the guide, no answer travels.
/// - **Aggregate** (counts only): the outcome and the participation level, nothing else: the
///   two things the counts count.
pub fn project(entry: &Entry, scope: Scope, guide: Option<&Guide>) -> Value {
    let p = &entry.participation;
    if scope == Scope::Aggregate {
        return json!({ "outcome": entry.outcome.code(), "level": p.level });
    }
    let mut body = json!({
        "guide_id": entry.guide_id,
        "outcome": entry.outcome.code(),
        "phase": p.phase, "role": p.role, "level": p.level, "initiator": p.initiator,
        "predecided": p.predecided,
        "interest_alignment": entry.interest_alignment,
        "trust_before": entry.trust_before, "trust_after": entry.trust_after,
        "organisation": entry.organisation,
        "title": entry.title,
        "guide_version": entry.guide_version,
        "initiative": entry.initiative,
    });
    let Some(map) = body.as_object_mut() else {
        return body;
    };
    let answers: serde_json::Map<String, Value> = match scope {
        Scope::Named => {
            map.insert("tags".into(), json!(entry.tags));
            map.insert("occurred_on".into(), json!(entry.occurred_on.to_string()));
            entry.answers.clone().into_iter().collect()
        }
        _ => {
            map.insert(
                "occurred_on".into(),
                json!(entry.occurred_on.format("%Y-%m").to_string()),
            );
            let kind = |id: &str| guide.and_then(|g| g.question(id)).map(|q| (q.kind, q.feeds));
            entry
                .answers
                .iter()
                .filter_map(|(id, v)| match kind(id)? {
                    (QuestionKind::Roles | QuestionKind::Date, _) | (_, Some(Feeds::OccurredOn)) => None,
                    (QuestionKind::Actions, _) => Some((id.clone(), action_texts(v))),
                    _ => Some((id.clone(), v.clone())),
                })
                .collect()
        }
    };
    map.insert("answers".into(), Value::Object(answers));
    body
}

/// An actions answer with only each action's text.
fn action_texts(actions: &Value) -> Value {
    let texts = actions
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("text").cloned())
        .map(|text| json!({ "text": text }));
    Value::Array(texts.collect())
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

/// A text field of a record's body, or "".
pub fn text_of<'a>(body: &'a Value, key: &str) -> &'a str {
    body.get(key).and_then(Value::as_str).unwrap_or_default()
}
