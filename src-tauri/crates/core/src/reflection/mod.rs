//! The reflection itself, read the way the guard, search, export and sharing read it: its texts
//! (defined once, here), what the personal-data guard finds in them, and the entry as a
//! document in one language.

pub mod check;
pub mod document;
pub mod texts;

pub use check::{CheckedText, EntryCheck, check_texts};
pub use document::{EntryDocument, entry_document};
pub use texts::{EntryText, SlotPart, entry_texts};
