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
pub mod backup;
pub mod data_dir;
pub mod error;
pub mod export;
pub(crate) mod files;
pub mod guide;
pub mod id;
pub mod journal;
pub mod locale;
pub mod name_key;
pub mod privacy;
pub mod progress;
pub mod records;
pub mod reflection;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod spaces;
pub mod store;
pub mod text_rules;
pub mod time;
pub mod timeline;
pub mod vault;
pub mod written;

pub use error::{Error, ErrorKind, Problem, Result};
pub use guide::{Guide, GuideSummary, Guides};
pub use id::{ActionId, DraftId, EntryEventId, EntryId, InitiativeId, InstallationId, LinkId};
pub use journal::journals::{Home, JournalInfo, Journals};
pub use journal::{Journal, JournalState, Place};
pub use locale::Locale;
pub use privacy::{Confidence, Finding, FindingKind, Pseudonymised};
pub use reflection::action::{Action, ActionStatus, DueAction};
pub use reflection::changes::{Change, ChangeField};
pub use reflection::draft::{Draft, DraftInput};
pub use reflection::entry::{Entry, EntryEvent, EntryInput, EntryPage, EntrySummary, Outcome, Participation};
pub use settings::Settings;
pub use store::{OpenOptions, Searcher, Store};
pub use timeline::initiative::{Initiative, InitiativeInput};
pub use timeline::link::{EntryLinks, LinkKind, LinkedEntry};
pub use timeline::{Lane, TimelineFilter, TimelineNode, TimelinePage};
pub use vault::secret::Secret;
pub use vault::{DatabaseKey, Vault};
