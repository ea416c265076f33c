//! The core of Eftertanke: the domain of reflections on co-production attempts, and the local
//! store that keeps them.
//!
//! Architecture invariant: this crate has no Tauri dependency. The desktop shell (`src-tauri`)
//! and the command-line tool (`crates/cli`) are thin shells that turn their input into calls on
//! [`Store`] and map [`Error`] back out.
//!
//! Architecture invariant: every record carries a UUIDv7 id and UTC timestamps, so the databases
//! of many workers can later be merged by id without clashes.

pub mod about;
pub mod action;
pub mod answers;
mod atomic_file;
pub mod backup;
pub mod changes;
pub mod charts;
pub mod data_dir;
pub mod data_dir_lock;
pub mod demo;
mod disk_space;
pub mod draft;
pub mod entry;
pub mod error;
pub mod guide;
pub mod id;
pub mod initiative;
pub mod journal;
pub mod journals;
pub mod lens;
pub mod link;
pub mod locale;
pub mod name_key;
pub mod privacy;
mod private_files;
pub mod reflection;
pub mod secret;
pub mod settings;
pub mod store;
pub mod text_rules;
pub mod time;
pub mod timeline;
mod unique_keys;
pub mod vault;

pub use action::{Action, ActionStatus, DueAction};
pub use changes::{Change, ChangeField};
pub use draft::{Draft, DraftInput};
pub use entry::{Entry, EntryEvent, EntryInput, EntryPage, EntrySummary, Outcome, Participation};
pub use error::{Error, ErrorKind, Problem, Result};
pub use guide::{Guide, GuideSummary, Guides};
pub use id::{ActionId, DraftId, EntryEventId, EntryId, InitiativeId, InstallationId, LinkId};
pub use initiative::{Initiative, InitiativeInput};
pub use journal::{Journal, JournalState, Place};
pub use journals::{Home, JournalInfo, Journals};
pub use link::{EntryLinks, LinkKind, LinkedEntry};
pub use locale::Locale;
pub use privacy::{Confidence, Finding, FindingKind, Pseudonymised};
pub use secret::Secret;
pub use settings::Settings;
pub use store::{OpenOptions, Store};
pub use timeline::{Lane, TimelineFilter, TimelineNode, TimelinePage};
pub use vault::{DatabaseKey, Vault};
