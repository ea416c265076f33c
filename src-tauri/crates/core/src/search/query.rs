//! A query as typed, read into terms, and the FTS5 expressions built from them.
//!
//! Nothing a person types reaches FTS5 as syntax: the text is read into words (see `words.rs`),
//! and each word goes into the expression as a quoted string. So `"`, `*`, `NOT`, `NEAR(` or a
//! lone `-` are words or nothing, never operators, and no query can be an error.

use super::words::{fold_aa, normalise, stem, word_spans};

/// The most characters of a query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most words of a query that are searched for.
pub const MAX_TERMS: usize = 12;
/// A longer word is cut here (no Danish word is longer; a pasted hash may be).
pub const MAX_TERM_CHARS: usize = 64;
/// From this many characters, a word is also found inside longer words ("forening" in
/// "beboerforeningen").
pub const MIN_PART_CHARS: usize = 3;
/// From this many characters, the word still being typed also finds the words it begins. One
/// or two letters find only themselves as words: "b" begins most of a journal's words, and
/// ranking 100,000 entries for a key that the next key replaces helps nobody.
pub const MIN_PREFIX_CHARS: usize = 3;

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// As compared: NFC, lower case.
    pub word: String,
    pub stem: String,
    /// With "aa" read as "å"; `None` unless the fold is on. (Also when it changes nothing:
    /// "århus" must still find the "aarhus" the index holds folded.)
    pub folded: Option<String>,
    /// The last word while the person is still typing it: words that begin with it match.
    pub prefix: bool,
}

impl Term {
    /// Whether `word` (normalised) is a match for this term, by the rules the index applies.
    pub fn matches(&self, word: &str) -> bool {
        self.matches_stemmed(word, &stem(word))
    }

    /// [`Term::matches`] for a word whose stem is known (a text's words are stemmed once, not
    /// once per term).
    pub fn matches_stemmed(&self, word: &str, word_stem: &str) -> bool {
        if word == self.word || (self.prefix && word.starts_with(&self.word)) {
            return true;
        }
        if word == self.stem || word_stem == self.stem || (self.is_part() && word.contains(&self.word)) {
            return true;
        }
        match &self.folded {
            Some(f) => {
                let w = fold_aa(word);
                w == *f || (self.prefix && w.starts_with(f.as_str()))
            }
            None => false,
        }
    }

    /// Whether the term is long enough to be looked for inside words.
    pub fn is_part(&self) -> bool {
        self.word.chars().count() >= MIN_PART_CHARS
    }

    /// The expression for the words index: the word as written (or begun), its stem, its fold.
    pub fn words_expression(&self) -> String {
        let mut any = vec![format!("{{title body}} : {}", quoted(&self.word))];
        if self.prefix {
            any.push(format!("{{title body}} : {} *", quoted(&self.word)));
        }
        any.push(format!("{{title body stems}} : {}", quoted(&self.stem)));
        if let Some(f) = &self.folded {
            any.push(format!("{{title body folded}} : {}", quoted(f)));
            if self.prefix {
                any.push(format!("{{title body folded}} : {} *", quoted(f)));
            }
        }
        format!("({})", any.join(" OR "))
    }

    /// Whether the parts index finds every entry the words index finds for this term: the
    /// term is long enough for parts, not folded, and its own stem. A Danish stem is its word's
    /// beginning (Snowball only cuts endings), so every word matched as the term, as a word it
    /// begins, or by the term as a stem, holds the term. Then a search needs the words index
    /// only for ranking.
    pub fn parts_cover_words(&self) -> bool {
        self.is_part() && self.folded.is_none() && self.stem == self.word
    }

    /// The expression for the parts index, if the term is long enough.
    pub fn parts_expression(&self) -> Option<String> {
        self.is_part().then(|| quoted(&self.word))
    }
}

/// A query read into terms. No terms (only punctuation, a lone `*`): no results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Reads what was typed. The last word is a prefix unless the text ends after it (a space,
    /// a full stop): that is how a person searching as they type expects it.
    pub fn read(text: &str, fold: bool) -> Self {
        let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let spans: Vec<(usize, usize)> = word_spans(&text).collect();
        let last_open = spans.last().is_some_and(|&(_, end)| end == text.len());
        let mut terms: Vec<Term> = Vec::new();
        for (i, &(a, b)) in spans.iter().enumerate() {
            let word: String = normalise(&text[a..b]).chars().take(MAX_TERM_CHARS).collect();
            let prefix = last_open && i + 1 == spans.len() && word.chars().count() >= MIN_PREFIX_CHARS;
            if let Some(same) = terms.iter_mut().find(|t| t.word == word) {
                same.prefix |= prefix;
                continue;
            }
            if terms.len() == MAX_TERMS {
                break;
            }
            let folded = fold.then(|| fold_aa(&word));
            terms.push(Term {
                stem: stem(&word),
                folded,
                prefix,
                word,
            });
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Any term in the words index: the ranking expression.
    pub fn ranking_expression(&self) -> String {
        self.terms
            .iter()
            .map(Term::words_expression)
            .collect::<Vec<_>>()
            .join(" OR ")
    }
}

/// An FTS5 string: the text in double quotes, a quote inside doubled.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_characters_are_not_syntax() {
        for typed in ["\"", "*", "NOT", "a OR b", "NEAR(x y)", "-", "col:word", "^x", "((("] {
            let q = Query::read(typed, false);
            for t in &q.terms {
                assert!(
                    t.word.chars().all(super::super::words::is_word_char),
                    "{typed:?} → {t:?}"
                );
            }
        }
        assert!(Query::read("*", false).is_empty());
        assert!(Query::read(" ,.;:!? ", false).is_empty());
    }

    #[test]
    fn the_last_word_is_a_prefix_until_the_person_types_past_it() {
        let q = Query::read("beboer mød", false);
        assert_eq!(q.terms.iter().map(|t| t.prefix).collect::<Vec<_>>(), [false, true]);
        assert!(!Query::read("beboer mød ", false).terms[1].prefix);
    }

    #[test]
    fn one_or_two_letters_are_a_word_not_a_beginning() {
        assert!(!Query::read("b", false).terms[0].prefix);
        assert!(!Query::read("be", false).terms[0].prefix);
        assert!(Query::read("beb", false).terms[0].prefix);
        assert!(Query::read("mødre å", false).terms.iter().all(|t| !t.prefix));
    }

    #[test]
    fn a_long_query_is_cut_not_refused() {
        let q = Query::read(&"ord ".repeat(5_000), false);
        assert_eq!(q.terms.len(), 1, "one word, said many times");
        let q = Query::read(&"x".repeat(10_000), false);
        assert_eq!(q.terms[0].word.chars().count(), MAX_TERM_CHARS);
        let many: String = (0..100).map(|i| format!("ord{i} ")).collect();
        assert_eq!(Query::read(&many, false).terms.len(), MAX_TERMS);
    }

    #[test]
    fn the_parts_cover_the_words_only_for_a_word_that_is_its_own_stem() {
        assert!(Query::read("forvent", false).terms[0].parts_cover_words());
        assert!(
            !Query::read("forventer", false).terms[0].parts_cover_words(),
            "stem forvent"
        );
        assert!(
            !Query::read("ka", false).terms[0].parts_cover_words(),
            "too short for parts"
        );
        assert!(!Query::read("forvent", true).terms[0].parts_cover_words(), "folded");
    }

    /// What `parts_cover_words` stands on: a Danish stem begins its word, for the words of the
    /// demo journal's texts and the lexicon's.
    #[test]
    fn a_danish_stem_is_the_beginning_of_its_word() {
        let texts = [
            include_str!("../../../../../assets/lexicon/deficit-words.json"),
            include_str!("../reflection/demo.rs"),
        ];
        let mut checked = 0;
        for text in texts {
            for (a, b) in word_spans(text) {
                let word = normalise(&text[a..b]);
                let s = stem(&word);
                assert!(word.starts_with(&s), "{word} → {s}");
                checked += 1;
            }
        }
        assert!(checked > 1_000, "{checked} words");
    }

    #[test]
    fn the_fold_is_only_there_when_asked_for() {
        assert_eq!(Query::read("Aarhus", false).terms[0].folded, None);
        assert_eq!(Query::read("Aarhus", true).terms[0].folded.as_deref(), Some("århus"));
        assert_eq!(Query::read("Århus", true).terms[0].folded.as_deref(), Some("århus"));
    }
}
