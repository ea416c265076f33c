//! The team's reflection session, as records the lead alone writes: the session itself, the
//! one team improvement it decides, its actions (each with an owner and a review date), and
//! the lead's marks on shared entries (taken to the session, seen). A later session's verdict
//! on an action is a new revision of that action by the lead, with the verdict added to its
//! history, so an action keeps its id across sessions and every journal merges the same way.
//!
//! `draft.rs` holds what a session is recorded from, `write.rs` its rules, `read.rs` what the
//! team sees, `chart.rs` the team's chart, `document.rs` a session as Markdown. The lead's
//! marks are a space's use case (`spaces/marks.rs`); the session being run, kept as it is typed,
//! is rows of the store's (`store/spaces/session_drafts.rs`).

mod chart;
mod document;
mod draft;
mod read;
mod write;

pub use crate::spaces::Mark;
pub use chart::{LevelMonth, TeamChart};
pub use document::suggested_document_path;
pub use draft::{CarriedStatus, MaterialNote, NewItem, SessionDraft, Verdict};
pub use read::{
    AnswerView, CarriedView, ItemKind, ItemStatus, ItemView, MaterialView, SessionAgenda, SessionView, StatusStep,
    TeamAction,
};

use crate::spaces::format::record::Record;

use crate::spaces::format::record::text_of;

/// The items' records (actions and improvements) by id, as a session reads and rewrites them.
type Items = std::collections::BTreeMap<String, (ItemKind, Record)>;
