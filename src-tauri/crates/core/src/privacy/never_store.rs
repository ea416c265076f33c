//! The person's own "never store" list: names of places, people or associations they never
//! want in the journal. Matched case-insensitively as whole words; a phrase matches across
//! any single whitespace between its words.

use super::text::Chars;
use super::{Confidence, FindingKind, Hit};
use crate::error::{Error, Problem, Result};

/// Most words on the list.
pub const NEVER_STORE_MAX_WORDS: usize = 500;
/// Longest word or phrase, in characters.
pub const NEVER_STORE_MAX_CHARS: usize = 80;

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The list as stored: trimmed, inner whitespace collapsed, empty lines and duplicates
/// (ignoring case) dropped, in the order given. Too many or too long words are refused.
pub fn normalise_words(words: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
        if word.is_empty() {
            continue;
        }
        if word.chars().count() > NEVER_STORE_MAX_CHARS {
            return Err(Error::invalid(
                "neverStore",
                Problem::TooLong,
                format!("a word or phrase is longer than {NEVER_STORE_MAX_CHARS} characters"),
            ));
        }
        if !out.iter().any(|w| w.to_lowercase() == word.to_lowercase()) {
            out.push(word);
        }
    }
    if out.len() > NEVER_STORE_MAX_WORDS {
        return Err(Error::invalid(
            "neverStore",
            Problem::TooLong,
            format!("more than {NEVER_STORE_MAX_WORDS} words"),
        ));
    }
    Ok(out)
}

pub(super) fn find(t: &Chars, words: &[String]) -> Vec<Hit> {
    let mut patterns: Vec<Vec<char>> = words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .map(lower)
                .collect()
        })
        .filter(|w: &Vec<char>| !w.is_empty())
        .collect();
    // Longest first, so "Jens Hansen" wins over "Jens".
    patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut hits = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let at_word_start = !t.before(i).is_some_and(char::is_alphanumeric);
        let matched = at_word_start
            .then(|| patterns.iter().find_map(|p| match_at(t, i, p)))
            .flatten();
        match matched {
            Some(end) => {
                hits.push(Hit {
                    kind: FindingKind::NeverStore,
                    confidence: Confidence::High,
                    start: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

/// The end of `pattern` matched at `i` as a whole word, if it matches.
fn match_at(t: &Chars, i: usize, pattern: &[char]) -> Option<usize> {
    let mut k = i;
    for &p in pattern {
        let c = t.at(k)?;
        let same = if p == ' ' { c.is_whitespace() } else { lower(c) == p };
        if !same {
            return None;
        }
        k += 1;
    }
    (!t.at(k).is_some_and(char::is_alphanumeric)).then_some(k)
}
