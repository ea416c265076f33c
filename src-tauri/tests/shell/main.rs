//! Tests of the desktop shell without a display: the IPC seam on Tauri's mock runtime, with the
//! app's real configuration and capabilities, and the TypeScript bindings' drift check.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

mod bindings;
mod capability;
mod command_bodies;
mod commands_ts;
mod ipc;
mod journals;
mod open_folder;
mod shell_app;
mod spaces;
mod vault;
