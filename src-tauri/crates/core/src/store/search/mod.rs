//! Search in the store: the index kept in step by every write of an entry (`index.rs`), and the
//! query (here). How text is read and shown is `crate::search`.

mod index;

pub(crate) use index::{Facts, index, rebuild, unindex};

use super::Store;
use super::columns::{date_col, outcome_col};
use crate::error::{Error, Result};
use crate::id::EntryId;
use crate::progress::OnProgress;
use crate::reflection::entry_texts;
use crate::search::highlight::{marked, snippet, terms_found};
use crate::search::query::Query;
use crate::search::{MAX_RESULTS, SearchHit, SearchRequest, SearchResults};
use rusqlite::ToSql;

/// The weight of each column of `search_words` in the ranking: title, body, stems, folded.
const WEIGHTS: &str = "4.0, 1.0, 0.8, 0.8";

/// The query for `terms` terms: each term found as a word, a stem, a fold or a part of a word;
/// every term in every result; ranked by BM25 over the words, then newest first. The ranking
/// reads only ids, days and scores; the entries' texts are read for the page of results alone.
fn search_sql(query: &Query) -> String {
    // One set per term (SQL's UNION and INTERSECT bind left to right, alike: each term's union
    // is its own table, then the tables are intersected).
    let mut sets = Vec::new();
    let mut names = Vec::new();
    let single = query.terms.len() == 1;
    for (i, term) in query.terms.iter().enumerate() {
        // One word: its matches in the words index are exactly the ranked ones, read once.
        let mut set = if single {
            "t0 (r) AS (SELECT r FROM ranked".to_owned()
        } else {
            format!("t{i} (r) AS (SELECT rowid FROM search_words WHERE search_words MATCH :w{i}")
        };
        if term.parts_expression().is_some() {
            set.push_str(&format!(
                " UNION SELECT rowid FROM search_parts WHERE search_parts MATCH :p{i}"
            ));
        }
        set.push(')');
        sets.push(set);
        names.push(format!("SELECT r FROM t{i}"));
    }
    format!(
        "WITH ranked (r, score) AS MATERIALIZED (SELECT rowid, bm25(search_words, {WEIGHTS}) FROM search_words \
           WHERE search_words MATCH :rank), {}, found (r) AS ({}), \
         hits (id, day, score, total) AS (SELECT e.id, e.occurred_on, coalesce(k.score, 0.0), count(*) OVER () \
           FROM found f JOIN search_entries e ON e.row = f.r LEFT JOIN ranked k ON k.r = f.r \
           WHERE {} AND (:initiative IS NULL OR e.initiative_id = :initiative) \
           ORDER BY 3, 2 DESC, 1 DESC LIMIT :limit) \
         SELECT e.id, e.occurred_on, e.outcome, e.completed_at IS NOT NULL, e.initiative, e.title, \
           e.guide_id, e.guide_version, e.answers, h.total \
         FROM hits h JOIN entries e ON e.id = h.id WHERE e.deleted_at IS NULL ORDER BY h.score, h.day DESC, h.id DESC",
        sets.join(", "),
        names.join(" INTERSECT "),
        super::timeline::ENTRY_FILTER,
    )
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
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let filter = super::timeline::checked(&request.filter)?;
        let query = Query::read(&request.text, request.fold_aa);
        let terms = query.terms.iter().map(|t| t.word.clone()).collect();
        if query.is_empty() {
            return Ok(SearchResults {
                hits: Vec::new(),
                total: 0,
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
        ]);
        let rows: Vec<Row> = self
            .conn
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
            .map_err(|e| self.fail(e))?;
        let total = rows.first().map_or(0, |r| r.total);
        let hits = rows
            .into_iter()
            .map(|row| self.with_snippet(row, &query))
            .collect::<Result<_>>()?;
        Ok(SearchResults { hits, total, terms })
    }

    /// The text of the entry, other than its title, that holds the most hits, around its first.
    fn with_snippet(&self, row: Row, query: &Query) -> Result<SearchHit> {
        let Row {
            mut hit,
            guide,
            answers,
            ..
        } = row;
        let tags = self.tags_of(hit.id)?;
        let answers = serde_json::from_str(&answers).unwrap_or_default();
        let title: String = hit.title.iter().map(|s| s.text.as_str()).collect();
        let texts = match self.guides.get(&guide.0, guide.1) {
            Some(g) => entry_texts(g, &answers, &tags),
            None => Vec::new(),
        };
        let initiative = hit.initiative.clone().unwrap_or_default();
        // The text that holds the most of the words searched for (the first of equals).
        let best = texts
            .iter()
            .filter(|t| t.text != title)
            .map(|t| (terms_found(&t.text, query), t))
            .filter(|(n, _)| *n > 0)
            .fold(None, |best: Option<(usize, _)>, (n, t)| match best {
                Some((m, _)) if m >= n => best,
                _ => Some((n, t)),
            });
        let found = best
            .and_then(|(_, t)| snippet(&t.text, query).map(|s| (s, t.question.clone())))
            .or_else(|| snippet(&initiative, query).map(|s| (s, None)));
        (hit.guide_id, hit.guide_version) = guide;
        if let Some((segments, question)) = found {
            hit.snippet = segments;
            hit.question = question;
        }
        Ok(hit)
    }

    /// Builds the search index again from the entries, in one transaction: cancelled (when
    /// `on_progress` returns `false`), it leaves the index as it was. Returns the entries indexed.
    pub fn rebuild_search_index(&mut self, on_progress: &mut OnProgress<'_>) -> Result<u64> {
        let path = self.path.clone();
        let guides = self.guides;
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&path, e))?;
        let built = rebuild(&tx, guides, on_progress).map_err(|e| Error::from_sqlite(&path, e))?;
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
