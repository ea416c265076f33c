//! The `eftertanke` command tested as scripts and people use it: real processes on real
//! journals, started at once, killed, fed bad input and hostile folders. One test binary for the
//! crate, its way of starting a process in `process.rs`.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

mod bad_input;
mod basics;
mod carry;
mod journal_life;
mod namespace;
mod process;
mod search;
mod spaces;
