//! The matching words of a result, marked in their context: a text split into segments, each
//! either a hit or not, so the window marks them without ever reading a text as markup.

use super::query::Query;
use super::words::{normalise, stem, word_spans};
use crate::reflection::texts::EntryText;
use serde::Serialize;
use ts_rs::TS;

/// Words of context shown before the first hit of a snippet.
const WORDS_BEFORE: usize = 6;
/// The most characters a snippet shows.
const SNIPPET_CHARS: usize = 200;

/// A piece of a text, marked when it is a word the query found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// The words of `text` with their byte ranges, normalised and stemmed once.
fn read(text: &str) -> Vec<((usize, usize), String, String)> {
    word_spans(text)
        .map(|(a, b)| {
            let word = normalise(&text[a..b]);
            let s = stem(&word);
            ((a, b), word, s)
        })
        .collect()
}

/// The byte ranges of the words of `text` that the query finds.
fn hits(text: &str, query: &Query) -> Vec<(usize, usize)> {
    read(text)
        .into_iter()
        .filter(|(_, w, s)| query.terms.iter().any(|t| t.matches_stemmed(w, s)))
        .map(|(span, _, _)| span)
        .collect()
}

/// How many of the query's terms `text` holds: the text that holds the most shows as the snippet.
pub fn terms_found(text: &str, query: &Query) -> usize {
    let words = read(text);
    query
        .terms
        .iter()
        .filter(|t| words.iter().any(|(_, w, s)| t.matches_stemmed(w, s)))
        .count()
}

fn segments(text: &str, hits: &[(usize, usize)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(a, b) in hits {
        if a > at {
            out.push(Segment {
                text: text[at..a].to_owned(),
                hit: false,
            });
        }
        out.push(Segment {
            text: text[a..b].to_owned(),
            hit: true,
        });
        at = b;
    }
    if at < text.len() {
        out.push(Segment {
            text: text[at..].to_owned(),
            hit: false,
        });
    }
    out
}

/// The whole of a short text (a title) with its hits marked.
pub fn marked(text: &str, query: &Query) -> Vec<Segment> {
    segments(text, &hits(text, query))
}

/// A window of a long text around its first hit, with the hits in it marked, an ellipsis where
/// the text goes on; `None` if the text holds no hit.
pub fn snippet(text: &str, query: &Query) -> Option<Vec<Segment>> {
    let found = hits(text, query);
    let &(first, _) = found.first()?;
    let before: Vec<(usize, usize)> = word_spans(&text[..first]).collect();
    let start = before.len().checked_sub(WORDS_BEFORE).map_or(0, |i| before[i].0);
    let end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    // Never cut a word in two at the end.
    let end = word_spans(&text[start..])
        .map(|(a, b)| (start + a, start + b))
        .find(|&(a, b)| a < end && end < b)
        .map_or(end, |(_, b)| b);
    let window = &text[start..end];
    let inside: Vec<(usize, usize)> = found
        .iter()
        .filter(|&&(a, b)| a >= start && b <= end)
        .map(|&(a, b)| (a - start, b - start))
        .collect();
    let mut out = segments(window, &inside);
    if start > 0 {
        out.insert(
            0,
            Segment {
                text: "…".into(),
                hit: false,
            },
        );
    }
    if end < text.len() {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    Some(out)
}

/// The snippet a hit shows: from the text of the entry, other than its title, that holds the
/// most of the words searched for (the first of equals), around its first hit, with the
/// question it answers; else from the initiative's name. `None` if no text holds a hit.
pub fn best_snippet(
    texts: &[EntryText],
    title: &str,
    initiative: &str,
    query: &Query,
) -> Option<(Vec<Segment>, Option<String>)> {
    let best = texts
        .iter()
        .filter(|t| t.text != title)
        .map(|t| (terms_found(&t.text, query), t))
        .filter(|(n, _)| *n > 0)
        .fold(None, |best: Option<(usize, _)>, (n, t)| match best {
            Some((m, _)) if m >= n => best,
            _ => Some((n, t)),
        });
    best.and_then(|(_, t)| snippet(&t.text, query).map(|s| (s, t.question.clone())))
        .or_else(|| snippet(initiative, query).map(|s| (s, None)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| if s.hit { format!("[{}]", s.text) } else { s.text.clone() })
            .collect()
    }

    #[test]
    fn the_hits_are_marked_as_written() {
        let q = Query::read("forsøg", false);
        assert_eq!(shown(&marked("Forsøget med FORSØG", &q)), "[Forsøget] med [FORSØG]");
    }

    #[test]
    fn a_snippet_starts_a_few_words_before_the_first_hit_and_never_cuts_a_word() {
        let text = format!("{} beboerforeningen mødtes {}", "ord ".repeat(40), "langt ".repeat(80));
        let q = Query::read("forening ", false);
        let s = shown(&snippet(&text, &q).unwrap());
        assert!(s.starts_with("…ord ord ord ord ord ord  [beboerforeningen]"), "{s}");
        assert!(s.ends_with("langt…"), "{s}");
        assert!(snippet("intet her", &q).is_none());
    }
}
