//! Search: the Danish query table (`danish.rs`), the index kept in step on every write path and
//! erased with an entry (`upkeep.rs`), and what any query or filter gets (`input.rs`).

mod danish;
mod input;
mod typing;
mod upkeep;

use crate::with;
use eftertanke_core::search::{SearchRequest, SearchResults};
use eftertanke_core::{EntryId, EntryInput, Store};
use serde_json::json;

/// An entry titled `title` whose "what happened" is `text`.
pub fn said(title: &str, text: &str) -> EntryInput {
    with(&[
        ("occurred_on", json!("2026-10-01")),
        ("headline", json!(title)),
        ("outcome", json!("partly")),
        ("what_happened", json!(text)),
    ])
}

pub fn search(store: &Store, text: &str) -> SearchResults {
    store
        .search(&SearchRequest {
            text: text.into(),
            ..SearchRequest::default()
        })
        .unwrap()
}

pub fn found(store: &Store, text: &str) -> Vec<EntryId> {
    search(store, text).hits.iter().map(|h| h.id).collect()
}
