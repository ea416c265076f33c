//! Long work (a rebuild of the search index, an export, an import) reports how far it is, and
//! the caller answers whether to go on: `false` cancels, and the work leaves nothing changed.

use serde::Serialize;
use ts_rs::TS;

/// How far a piece of long work is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// Called with the progress; returns whether to go on.
pub type OnProgress<'a> = dyn FnMut(Progress) -> bool + 'a;
