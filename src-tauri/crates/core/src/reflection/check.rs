//! The guard's check of a whole entry: every text of [`super::entry_texts`] scanned once, with
//! its findings. The window asks for it in one round trip before saving (and shows what it
//! found); the saving rule ([`super::check_before_saving`]) reads the same texts.

use super::texts::{EntryText, SlotPart};
use crate::privacy::{Finding, scan};
use serde::Serialize;
use ts_rs::TS;

/// One text of the entry and what the guard found in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckedText {
    pub slot: Vec<SlotPart>,
    pub question: Option<String>,
    pub text: String,
    /// Offsets into `text`, as [`scan`] gives them.
    pub findings: Vec<Finding>,
}

/// Every text of an entry with its findings, in the order of [`super::entry_texts`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryCheck {
    pub texts: Vec<CheckedText>,
}

impl EntryCheck {
    /// Whether any text holds something that stops a save (a CPR number).
    pub fn blocks_saving(&self) -> bool {
        self.texts
            .iter()
            .flat_map(|t| &t.findings)
            .any(|f| f.kind.blocks_saving())
    }
}

/// Scans every text once with the person's never-store list.
pub fn check_texts(texts: Vec<EntryText>, never_store: &[String]) -> EntryCheck {
    let texts = texts
        .into_iter()
        .map(|t| {
            let findings = if crate::text_rules::is_blank(&t.text) {
                Vec::new()
            } else {
                scan(&t.text, never_store)
            };
            CheckedText {
                slot: t.slot,
                question: t.question,
                text: t.text,
                findings,
            }
        })
        .collect();
    EntryCheck { texts }
}
