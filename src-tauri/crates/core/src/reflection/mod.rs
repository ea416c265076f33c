//! The reflection itself, read the way the guard, search, export and sharing read it: its texts
//! (defined once, here), what the personal-data guard finds in them, and the entry as a
//! document in one language.

pub mod action;
pub mod answers;
pub mod categories;
pub mod changes;
pub mod check;
pub mod demo;
pub mod document;
pub mod draft;
pub mod entry;
pub mod history;
pub mod quick;
pub mod saving;
pub mod texts;
pub(crate) mod unique_keys;

pub use check::{CheckedText, EntryCheck, check_texts};
pub use document::{EntryDocument, entry_document};
pub use saving::{FieldFindings, check_before_saving};
pub use texts::{EntryText, SlotPart, entry_texts};
