//! The IPC commands, grouped by what the person is doing. Each fits on a screen: take the
//! arguments, call one core function through [`crate::state::AppState`], map the error.
//! All are `async` commands, so SQLite's disk work never runs on the UI thread.

pub mod backups;
pub mod carry;
pub mod drafts;
pub mod entries;
pub mod guides;
pub mod history;
pub mod privacy;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod spaces;
pub mod status;
pub mod timeline;
pub mod vault;
