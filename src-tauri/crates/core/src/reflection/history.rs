//! An entry's history as the window shows it: each saved version, what changed from the one
//! before, and one version whole, to read beside the entry as it is now.

use crate::reflection::answers::Answers;
use crate::reflection::document::EntryDocument;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// One saved version of an entry.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryVersion {
    pub revision: u32,
    #[ts(type = "string")]
    pub saved_at: DateTime<Utc>,
    /// This version is the entry as it is now.
    pub current: bool,
    /// The questions whose answers differ from the version before (`"tags"` for the tags), in
    /// the guide's order; empty for the first version.
    pub changed: Vec<String>,
}

/// One version whole, and how it differs from the entry now.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionView {
    pub version: EntryVersion,
    pub document: EntryDocument,
    pub tags: Vec<String>,
    /// The questions (and `"tags"`) whose answers differ from the entry as it is now.
    pub differs_from_current: Vec<String>,
}

/// The questions whose answers differ between two versions, `order` first (the guide's order),
/// then any others by id; `"tags"` last when the tags differ.
pub fn changed(before: (&Answers, &[String]), after: (&Answers, &[String]), order: &[&str]) -> Vec<String> {
    let mut ids: Vec<&str> = before.0.keys().chain(after.0.keys()).map(String::as_str).collect();
    ids.sort_by_key(|id| (order.iter().position(|o| o == id).unwrap_or(usize::MAX), *id));
    ids.dedup();
    let mut out: Vec<String> = ids
        .into_iter()
        .filter(|id| before.0.get(*id) != after.0.get(*id))
        .map(str::to_owned)
        .collect();
    if before.1 != after.1 {
        out.push("tags".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_changed_is_named_in_the_guides_order_with_the_tags_last() {
        let a: Answers =
            serde_json::from_value(json!({"headline": "Møde", "what_happened": "Få kom", "learning": "x"})).unwrap();
        let b: Answers =
            serde_json::from_value(json!({"headline": "Møde", "what_happened": "Mange kom", "extra": 1})).unwrap();
        let got = changed(
            (&a, &["x".into()]),
            (&b, &[]),
            &["headline", "what_happened", "learning"],
        );
        assert_eq!(got, ["what_happened", "learning", "extra", "tags"]);
        assert!(changed((&a, &[]), (&a, &[]), &[]).is_empty());
    }
}
