//! `eftertanke search`: the journal's search, and the rebuild of its index.

use eftertanke_core::Store;
use eftertanke_core::search::{SearchRequest, SearchResults, Segment};
use std::io::{self, Write};

pub fn search(out: &mut impl Write, store: &Store, request: &SearchRequest, json: bool) -> anyhow::Result<()> {
    let results = store.search(request)?;
    if json {
        writeln!(out, "{}", serde_json::to_string(&results)?)?;
    } else {
        print(out, &results)?;
    }
    Ok(())
}

/// One line per hit, the hits in brackets; then its snippet, indented.
fn print(out: &mut impl Write, r: &SearchResults) -> io::Result<()> {
    if r.terms.is_empty() {
        return writeln!(out, "The search holds no word to look for.");
    }
    for hit in &r.hits {
        writeln!(
            out,
            "{}  {:<10}  {}  {}",
            hit.occurred_on,
            hit.outcome.code(),
            hit.id,
            marked(&hit.title)
        )?;
        if !hit.snippet.is_empty() {
            writeln!(out, "    {}", marked(&hit.snippet).replace('\n', " "))?;
        }
    }
    writeln!(out, "{} of {} found.", r.hits.len(), r.total)
}

fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            let text = eftertanke_core::text_rules::printable(&s.text.replace('\n', " "));
            if s.hit { format!("[{text}]") } else { text }
        })
        .collect()
}

/// Builds the index again, its progress on standard error.
pub fn rebuild(out: &mut impl Write, store: &mut Store) -> anyhow::Result<()> {
    let mut err = io::stderr().lock();
    let n = store.rebuild_search_index(&mut |p| {
        let _ = write!(err, "\rIndexing {} of {} entries", p.done, p.total);
        true
    })?;
    let _ = writeln!(err);
    writeln!(out, "The search index holds {n} entries again.")?;
    Ok(())
}
