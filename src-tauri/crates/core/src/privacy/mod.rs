//! The personal-data guard: finds what identifies a person in free text — Danish CPR numbers,
//! Danish phone numbers, e-mail addresses and the words of the person's own "never store"
//! list — and replaces a finding with a neutral role label ("borger A").
//!
//! It is used while typing (the UI, debounced), when saving (a CPR number blocks a save unless
//! the person overrides it, see [`crate::store`]), by the CLI (`eftertanke scan`), and later by
//! sharing and export.
//!
//! Positions: a [`Finding`] carries two pairs of offsets into the scanned text.
//! `start`/`end` count UTF-16 code units, as JavaScript strings index (what the UI uses);
//! `char_start`/`char_end` count Unicode scalar values (Rust `char`s, what the CLI prints).
//! Both are half-open ranges.
//!
//! Invariant: the guard never stores anything. In particular no mapping from personal data to
//! the label that replaced it is kept anywhere; the replacement is one-way.

mod cpr;
mod email;
mod labels;
pub mod lens;
mod never_store;
mod phone;
pub(crate) mod text;

pub use cpr::{cpr_century_year, mod11_ok};
pub use labels::{Pseudonymised, label_for, pseudonymise};
pub use never_store::{NEVER_STORE_MAX_CHARS, NEVER_STORE_MAX_WORDS, normalise_words};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use text::Chars;
use ts_rs::TS;

/// What was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A Danish CPR number (personnummer). Blocks saving unless overridden.
    Cpr,
    /// A Danish phone number. A warning.
    Phone,
    /// An e-mail address. A warning.
    Email,
    /// A word or phrase from the person's "never store" list. A warning.
    NeverStore,
}

impl FindingKind {
    /// The stable code used over IPC and by the CLI.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Cpr => "cpr",
            FindingKind::Phone => "phone",
            FindingKind::Email => "email",
            FindingKind::NeverStore => "never_store",
        }
    }

    /// Whether this kind stops a save (rather than asking for a confirmation).
    pub fn blocks_saving(self) -> bool {
        self == FindingKind::Cpr
    }
}

/// How sure the guard is that the finding is what its kind says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn code(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    fn raised(self) -> Self {
        match self {
            Confidence::Low => Confidence::Medium,
            _ => Confidence::High,
        }
    }
}

/// One piece of personal data in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub kind: FindingKind,
    pub confidence: Confidence,
    /// Start, in UTF-16 code units (JavaScript string index).
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
    /// Start, in Unicode scalar values (chars).
    pub char_start: u32,
    /// End (exclusive), in Unicode scalar values.
    pub char_end: u32,
    /// The text found, as written.
    pub text: String,
}

/// A finding before it is placed in the text: a char range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    kind: FindingKind,
    confidence: Confidence,
    start: usize,
    end: usize,
}

/// Finds personal data in `text`: CPR numbers, phone numbers, e-mail addresses and the
/// words or phrases of `never_store` (case-insensitive, whole words). Findings are in text
/// order and never overlap; where two would, the stronger kind wins (CPR, then e-mail, then
/// phone, then never-store words).
pub fn scan(text: &str, never_store: &[String]) -> Vec<Finding> {
    let chars = Chars::new(text);
    let mut hits = cpr::find(&chars);
    hits.extend(email::find(&chars));
    hits.extend(phone::find(&chars));
    hits.extend(never_store::find(&chars, never_store));
    let hits = without_overlaps(hits);
    hits.into_iter().map(|h| chars.finding(h)).collect()
}

/// How many CPR numbers `text` holds (what blocks a save).
pub fn count_cpr(text: &str) -> usize {
    // A CPR number is ten digits, and every char the normalised view reads as a digit is
    // numeric (Nd of any script, or a compatibility form such as a circled or superscript
    // digit): a text with fewer numeric chars holds none, and is not normalised at all.
    if text.chars().filter(|c| c.is_numeric()).take(10).count() < 10 {
        return 0;
    }
    cpr::find(&Chars::new(text)).len()
}

fn rank(kind: FindingKind) -> u8 {
    match kind {
        FindingKind::Cpr => 0,
        FindingKind::Email => 1,
        FindingKind::Phone => 2,
        FindingKind::NeverStore => 3,
    }
}

/// Keeps the strongest of overlapping hits, then sorts by position. The hits kept so far never
/// overlap, so one look at the kept hit starting last before a new hit's end tells whether the
/// new one overlaps any: linear in the hits, give or take a logarithm.
fn without_overlaps(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (rank(h.kind), h.start, std::cmp::Reverse(h.end)));
    let mut kept: BTreeMap<usize, Hit> = BTreeMap::new();
    for h in hits {
        let overlaps = kept.range(..h.end).next_back().is_some_and(|(_, k)| h.start < k.end);
        if !overlaps {
            kept.insert(h.start, h);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_given_in_utf16_units_and_in_chars() {
        let text = "😀 æ 010203-1234";
        let f = &scan(text, &[])[0];
        assert_eq!(f.kind, FindingKind::Cpr);
        assert_eq!((f.char_start, f.char_end), (4, 15), "the emoji is one char");
        assert_eq!((f.start, f.end), (5, 16), "the emoji is two UTF-16 units");
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16_lossy(&units[f.start as usize..f.end as usize]),
            f.text
        );
    }

    #[test]
    fn the_stronger_kind_wins_an_overlap() {
        let never = vec!["jens".to_owned()];
        let found = scan("skriv til jens@example.dk", &never);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, FindingKind::Email);
    }
}
