//! Search in the store: the index kept in step by every write of an entry (`index.rs`), the
//! query (here), and a connection of its own for searching as a person types (`reader.rs`).
//! How text is read and shown is `crate::search`.

mod index;
mod reader;

pub(crate) use index::{Facts, index, rebuild, unindex};
pub use reader::Searcher;

use super::Store;
use super::columns::{date_col, outcome_col};
use crate::error::{Error, Result};
use crate::guide::Guides;
use crate::id::EntryId;
use crate::progress::OnProgress;
use crate::reflection::entry_texts;
use crate::search::highlight::{best_snippet, marked};
use crate::search::query::Query;
use crate::search::{MAX_RESULTS, RANKED_MOST, SearchHit, SearchRequest, SearchResults, TOTAL_CAP};
use rusqlite::{Connection, ToSql};
use std::path::Path;

/// The weight of each column of `search_words` in the ranking: title, body, stems, folded.
const WEIGHTS: &str = "4.0, 1.0, 0.8, 0.8";

/// The query for `terms` terms: each term found as a word, a stem, a fold or a part of a word;
/// every term in every result; ranked by BM25 over the words, then newest first. The ranking
/// reads only ids, days and scores; the entries' texts are read for the page of results alone.
///
/// Each match is scored once, as it is found: a match in the words carries its BM25 score (which
/// is below zero), one found only as a part of a word scores 0.0, and a match found both ways
/// keeps the lower (`min`). So the ranking is never looked up again by row, and one word, the
/// search as a person types it, reads each index once for finding and once for ranking.
///
/// Only the [`RANKED_MOST`] matches most recently added are scored (FTS5 walks its rowids
/// backwards and stops there); every match is still found, scored 0.0 if not ranked, so the
/// count and the results past the ranked ones stay whole.
fn search_sql(query: &Query) -> String {
    let ranked = format!(
        "SELECT r, score FROM (SELECT rowid AS r, bm25(search_words, {WEIGHTS}) AS score FROM search_words \
         WHERE search_words MATCH :rank ORDER BY rowid DESC LIMIT {RANKED_MOST})"
    );
    let found = match query.terms.as_slice() {
        [term] => {
            let mut all = ranked.clone();
            // The matches past the ranked ones: from the parts index alone when it holds them
            // all, else from the words index again, unscored.
            if !term.parts_cover_words() {
                all.push_str(" UNION ALL SELECT rowid, 0.0 FROM search_words WHERE search_words MATCH :rank");
            }
            if term.parts_expression().is_some() {
                all.push_str(" UNION ALL SELECT rowid, 0.0 FROM search_parts WHERE search_parts MATCH :p0");
            }
            format!("SELECT r, min(score) FROM ({all}) GROUP BY r")
        }
        terms => {
            // One set per term (SQL's UNION and INTERSECT bind left to right, alike: each
            // term's union is its own subquery, then the sets are intersected), scored by the
            // ranking of all the terms together.
            let sets: Vec<String> = (0..terms.len())
                .map(|i| {
                    let mut set =
                        format!("SELECT r FROM (SELECT rowid AS r FROM search_words WHERE search_words MATCH :w{i}");
                    if terms[i].parts_expression().is_some() {
                        set.push_str(&format!(
                            " UNION SELECT rowid FROM search_parts WHERE search_parts MATCH :p{i}"
                        ));
                    }
                    set.push(')');
                    set
                })
                .collect();
            format!(
                "SELECT s.r, coalesce(k.score, 0.0) FROM ({}) s LEFT JOIN ranked k ON k.r = s.r",
                sets.join(" INTERSECT ")
            )
        }
    };
    // Several terms look their scores up in the ranking, made once.
    let ranking = if query.terms.len() > 1 {
        format!("ranked AS MATERIALIZED ({ranked}), ")
    } else {
        String::new()
    };
    format!(
        "WITH {ranking}found (r, score) AS MATERIALIZED ({found}), \
         hits (id, day, score) AS (SELECT e.id, e.occurred_on, f.score \
           FROM found f JOIN search_entries e ON e.row = f.r \
           WHERE {filter} AND (:initiative IS NULL OR e.initiative_id = :initiative) \
           ORDER BY 3, 2 DESC, 1 DESC LIMIT :limit) \
         SELECT e.id, e.occurred_on, e.outcome, e.completed_at IS NOT NULL, e.initiative, e.title, \
           e.guide_id, e.guide_version, e.answers, \
           (SELECT count(*) FROM (SELECT 1 FROM found f JOIN search_entries e ON e.row = f.r \
             WHERE {filter} AND (:initiative IS NULL OR e.initiative_id = :initiative) LIMIT :cap)) \
         FROM hits h JOIN entries e ON e.id = h.id WHERE e.deleted_at IS NULL ORDER BY h.score, h.day DESC, h.id DESC",
        filter = super::timeline::ENTRY_FILTER,
    )
}

/// Searches on `conn`: the results, or [`Error::Cancelled`] once `superseded` says a newer
/// search has been asked for (checked between the results' snippets; SQLite's own steps are
/// stopped by the caller's progress handler, which turns into the same error).
pub(crate) fn find(
    conn: &Connection,
    path: &Path,
    guides: &Guides,
    request: &SearchRequest,
    superseded: &dyn Fn() -> bool,
) -> Result<SearchResults> {
    let fail = |e| Error::from_sqlite(path, e);
    let filter = super::timeline::checked(&request.filter)?;
    let query = Query::read(&request.text, request.fold_aa);
    let terms = query.terms.iter().map(|t| t.word.clone()).collect();
    if query.is_empty() {
        return Ok(SearchResults {
            hits: Vec::new(),
            total: 0,
            more: false,
            terms,
        });
    }
    let limit = request.limit.unwrap_or(20).clamp(1, MAX_RESULTS);
    let mut named: Vec<(String, String)> = Vec::new();
    for (i, term) in query.terms.iter().enumerate() {
        if query.terms.len() > 1 {
            named.push((format!(":w{i}"), term.words_expression()));
        }
        if let Some(parts) = term.parts_expression() {
            named.push((format!(":p{i}"), parts));
        }
    }
    named.push((":rank".into(), query.ranking_expression()));
    // One more than is ever told: "more than 1,000" needs no exact count of 25,000.
    let cap = TOTAL_CAP + 1;
    let mut params: Vec<(&str, &dyn ToSql)> = named.iter().map(|(k, v)| (k.as_str(), v as &dyn ToSql)).collect();
    params.extend([
        (":outcome", &filter.outcome as &dyn ToSql),
        (":phase", &filter.phase),
        (":role", &filter.role),
        (":from", &filter.from),
        (":to", &filter.to),
        (":tag", &filter.tag),
        (":initiative", &filter.initiative),
        (":limit", &limit),
        (":cap", &cap),
    ]);
    let rows: Vec<Row> = conn
        .prepare_cached(&search_sql(&query))
        .and_then(|mut s| {
            s.query_map(params.as_slice(), |r| {
                let title: String = r.get(5)?;
                Ok(Row {
                    hit: SearchHit {
                        id: r.get(0)?,
                        occurred_on: date_col(r, 1)?,
                        outcome: outcome_col(r, 2)?,
                        complete: r.get(3)?,
                        initiative: r.get(4)?,
                        title: marked(&title, &query),
                        snippet: Vec::new(),
                        question: None,
                        guide_id: String::new(),
                        guide_version: 0,
                    },
                    guide: (r.get(6)?, r.get(7)?),
                    answers: r.get(8)?,
                    total: r.get(9)?,
                })
            })?
            .collect()
        })
        .map_err(|e| overtaken(e).unwrap_or_else(&fail))?;
    let counted = rows.first().map_or(0, |r| r.total);
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows {
        if superseded() {
            return Err(OVERTAKEN);
        }
        hits.push(with_snippet(conn, guides, row, &query).map_err(fail)?);
    }
    Ok(SearchResults {
        hits,
        total: counted.min(TOTAL_CAP),
        more: counted > TOTAL_CAP,
        terms,
    })
}

/// What a search overtaken by a newer one ends with.
const OVERTAKEN: Error = Error::Cancelled {
    what: "a search overtaken by a newer one",
};

/// A statement the progress handler stopped: the search was overtaken.
fn overtaken(e: rusqlite::Error) -> std::result::Result<Error, rusqlite::Error> {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::OperationInterrupted) => Ok(OVERTAKEN),
        _ => Err(e),
    }
}

/// The hit with its snippet (`highlight::best_snippet`), from the entry's texts and tags.
fn with_snippet(conn: &Connection, guides: &Guides, row: Row, query: &Query) -> rusqlite::Result<SearchHit> {
    let Row {
        mut hit,
        guide,
        answers,
        ..
    } = row;
    let tags: Vec<String> = conn
        .prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY tag")?
        .query_map([hit.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let answers = serde_json::from_str(&answers).unwrap_or_default();
    let title: String = hit.title.iter().map(|s| s.text.as_str()).collect();
    let texts = match guides.get(&guide.0, guide.1) {
        Some(g) => entry_texts(g, &answers, &tags),
        None => Vec::new(),
    };
    let found = best_snippet(&texts, &title, hit.initiative.as_deref().unwrap_or_default(), query);
    (hit.guide_id, hit.guide_version) = guide;
    if let Some((segments, question)) = found {
        hit.snippet = segments;
        hit.question = question;
    }
    Ok(hit)
}

struct Row {
    hit: SearchHit,
    guide: (String, u32),
    answers: String,
    total: u32,
}

impl Store {
    /// Searches the journal. Any text at all is a query: one with no words finds nothing, and
    /// no text is ever an error. A bad filter value is [`Error::Invalid`], naming the filter.
    /// (The window searches on a connection of its own, [`Store::searcher`].)
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        find(&self.conn, &self.path, self.guides, request, &|| false)
    }

    /// Builds the search index again from the entries, in one transaction: cancelled (when
    /// `on_progress` returns `false`), it leaves the index as it was. Returns the entries indexed.
    pub fn rebuild_search_index(&mut self, on_progress: &mut OnProgress<'_>) -> Result<u64> {
        let path = self.path.clone();
        let guides = self.guides;
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&path, e))?;
        // Built from nothing ('delete-all'): no edit's old words are left to merge away.
        let built = rebuild(&tx, guides, on_progress)
            .and_then(|b| tx.execute("DELETE FROM search_edited", []).map(|_| b))
            .map_err(|e| Error::from_sqlite(&path, e))?;
        match built {
            Some(n) => {
                tx.commit().map_err(|e| Error::from_sqlite(&path, e))?;
                Ok(n)
            }
            None => Err(Error::Cancelled {
                what: "rebuilding the search index",
            }),
        }
    }

    /// Whether the entry has a row in the search index (for tests of the index's upkeep).
    #[doc(hidden)]
    pub fn is_indexed(&self, id: EntryId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT count(*) FROM search_entries WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get::<_, i64>(0)))
            .map(|n| n > 0)
            .map_err(|e| self.fail(e))
    }
}
