//! The team's reflection session, as records the lead alone writes: the session itself, the
//! one team improvement it decides, its actions (each with an owner and a review date), and
//! the lead's marks on shared entries (taken to the session, seen). A later session's verdict
//! on an action is a new revision of that action by the lead, with the verdict added to its
//! history, so an action keeps its id across sessions and every journal merges the same way.
//!
//! `draft.rs` holds what a session is recorded from, `write.rs` its rules, `read.rs` what the
//! team sees, `marks.rs` the lead's marks, `chart.rs` the team's chart, `document.rs` a
//! session as Markdown, `saved.rs` the session being run, kept as it is typed.

mod chart;
mod document;
mod draft;
mod marks;
mod read;
mod saved;
mod write;

pub use chart::{LevelMonth, TeamChart};
pub use document::suggested_document_path;
pub use draft::{CarriedStatus, MaterialNote, NewItem, SessionDraft, Verdict};
pub use marks::Mark;
pub use read::{
    AnswerView, CarriedView, ItemKind, ItemStatus, ItemView, MaterialView, SessionAgenda, SessionView, StatusStep,
    TeamAction,
};

use crate::spaces::record::Record;
use serde_json::Value;

/// A text field of a record's body, or "".
fn text_of<'a>(body: &'a Value, key: &str) -> &'a str {
    body.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The items' records (actions and improvements) by id, as a session reads and rewrites them.
type Items = std::collections::BTreeMap<String, (ItemKind, Record)>;
