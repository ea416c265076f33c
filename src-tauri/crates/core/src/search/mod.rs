//! Search in Danish: what is indexed of an entry (`document`), how a query is read (`query`),
//! how the words are compared (`words`) and how hits are shown (`highlight`). The index itself
//! lives in the store (`store/search`), inside the encrypted database.

pub mod document;
pub mod highlight;
pub mod query;
pub mod words;

pub use highlight::Segment;

use crate::id::EntryId;
use crate::reflection::entry::Outcome;
use crate::timeline::TimelineFilter;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most results one search returns.
pub const MAX_RESULTS: u32 = 100;
/// Matches are counted up to here; past it a search says "more than" this many (a person
/// needs no exact count of 25,000, and counting them all ranked every one).
pub const TOTAL_CAP: u32 = 1_000;
/// The most matches ranked by relevance: a word found in more entries than this is ranked
/// among the ones most recently written (the index's newest rows: an entry saved or edited;
/// after a rebuild of the index, in the order written), and the rest follow, newest first. A
/// person writing a few reflections a week reaches it after years; a word as broad as that
/// (a prefix as it is typed, at 100,000 entries) is not ranked in full at every key (at
/// 100,000 entries, BM25 over 25,000 matches took half of a search).
pub const RANKED_MOST: u32 = 2_000;

/// What to search for, and where.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchRequest {
    /// As typed: any text at all.
    pub text: String,
    /// The timeline's filters.
    pub filter: TimelineFilter,
    /// Read "aa" as "å" ("Aarhus" finds "Århus" and back).
    pub fold_aa: bool,
    /// How many results, at most [`MAX_RESULTS`]; 20 if not given.
    pub limit: Option<u32>,
}

/// One entry found.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub id: EntryId,
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    pub outcome: Outcome,
    pub complete: bool,
    pub initiative: Option<String>,
    /// The title, its hits marked.
    pub title: Vec<Segment>,
    /// The first text with a hit (other than the title), around the hit.
    pub snippet: Vec<Segment>,
    /// The question whose answer the snippet is from (in the guide below); `None` for a tag.
    pub question: Option<String>,
    pub guide_id: String,
    pub guide_version: u32,
}

/// What a search found.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// Best first.
    pub hits: Vec<SearchHit>,
    /// The entries that match, shown or not, counted up to [`TOTAL_CAP`].
    pub total: u32,
    /// More than `total` match (`total` is then [`TOTAL_CAP`]).
    pub more: bool,
    /// The words searched for, as compared (empty: the text held no word).
    pub terms: Vec<String>,
}
