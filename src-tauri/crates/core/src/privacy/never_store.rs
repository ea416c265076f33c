//! The person's own "never store" list: names of places, people or associations they never
//! want in the journal. Matched as people read them, as whole words: ignoring case (Unicode
//! case folding, so "STRASSE" is "Straße"), composed or decomposed accents, invisible
//! characters, and how the words of a phrase are parted — "JENS  HANSEN", "jens-hansen" and
//! "Jens\nHansen" are all "Jens Hansen". Words run together are another word ("AlNoor" is not
//! "Al-Noor"), as a longer word is ("Fatimas" is not "Fatima").
//!
//! The whole list is found in one pass over the text (Aho-Corasick), so a long list and a long
//! text cost their lengths, not their product.

use super::text::Chars;
use super::{Confidence, FindingKind, Hit};
use crate::error::{Error, Problem, Result};
use aho_corasick::AhoCorasick;
use caseless::Caseless;

/// Most words on the list.
pub const NEVER_STORE_MAX_WORDS: usize = 500;
/// Longest word or phrase, in characters.
pub const NEVER_STORE_MAX_CHARS: usize = 80;

/// The list as stored: trimmed, inner whitespace collapsed, empty lines and duplicates (the
/// same word as the list is matched: ignoring case, accents' forms and hyphens) dropped, in the
/// order given. Too many or too long words are refused.
pub fn normalise_words(words: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
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
        if seen.insert(pattern(&word)) {
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

/// The text in the form the list is compared in: case-folded, and every run of spaces and
/// hyphens one space. Each folded char keeps the range of chars read that it came from.
struct Folded {
    text: String,
    /// Per folded char: the range of [`Chars`] positions it came from.
    spans: Vec<(usize, usize)>,
    /// Per byte offset of `text` that starts a char (and its end): the folded char's index.
    char_at_byte: Vec<usize>,
}

impl Folded {
    fn new(t: &Chars) -> Self {
        let mut folded = Folded {
            text: String::with_capacity(t.len()),
            spans: Vec::with_capacity(t.len()),
            char_at_byte: Vec::with_capacity(t.len() + 1),
        };
        for (k, &c) in t.chars.iter().enumerate() {
            if c.is_whitespace() || c == '-' {
                match folded.spans.last_mut() {
                    Some(span) if folded.text.ends_with(' ') => span.1 = k + 1,
                    _ => folded.push(' ', (k, k + 1)),
                }
                continue;
            }
            for f in std::iter::once(c).default_case_fold() {
                folded.push(f, (k, k + 1));
            }
        }
        folded.char_at_byte.push(folded.spans.len());
        folded
    }

    fn push(&mut self, c: char, span: (usize, usize)) {
        let index = self.spans.len();
        self.char_at_byte.extend(std::iter::repeat_n(index, c.len_utf8()));
        self.text.push(c);
        self.spans.push(span);
    }

    fn char_before(&self, byte: usize) -> Option<char> {
        self.text[..byte].chars().next_back()
    }

    fn char_at(&self, byte: usize) -> Option<char> {
        self.text[byte..].chars().next()
    }
}

/// A word of the list in the folded form, without the spaces around it.
fn pattern(word: &str) -> String {
    Folded::new(&Chars::new(word)).text.trim_matches(' ').to_owned()
}

pub(super) fn find(t: &Chars, words: &[String]) -> Vec<Hit> {
    let patterns: Vec<String> = words.iter().map(|w| pattern(w)).filter(|p| !p.is_empty()).collect();
    if patterns.is_empty() || t.len() == 0 {
        return Vec::new();
    }
    let Ok(automaton) = AhoCorasick::new(&patterns) else {
        return Vec::new();
    };
    let folded = Folded::new(t);
    let word_edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    let mut matches: Vec<(usize, usize)> = automaton
        .find_overlapping_iter(&folded.text)
        .filter(|m| word_edge(folded.char_before(m.start())) && word_edge(folded.char_at(m.end())))
        .map(|m| (folded.char_at_byte[m.start()], folded.char_at_byte[m.end()]))
        .collect();
    // Leftmost first and, from one place, the longest: "Jens Hansen" wins over "Jens".
    matches.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    let mut hits: Vec<Hit> = Vec::new();
    let mut taken = 0;
    for (start, end) in matches {
        if start < taken {
            continue;
        }
        taken = end;
        hits.push(Hit {
            kind: FindingKind::NeverStore,
            confidence: Confidence::High,
            start: folded.spans[start].0,
            end: folded.spans[end - 1].1,
        });
    }
    hits
}
