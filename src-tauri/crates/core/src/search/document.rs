//! What the index holds of an entry: its words (title, initiative and tags weigh most; then
//! every text of [`crate::reflection::entry_texts`]), the Danish stems that differ from the
//! words, the "aa" spellings read as "å", and all words again for the index of parts.
//!
//! Only words go into the index, normalised (see `words.rs`) and separated by spaces, so the
//! index and a query read text by the same rules, those of this crate, not of a tokenizer.

use super::words::{fold_aa, stem, words};
use crate::reflection::texts::EntryText;

/// The columns of one entry's row in the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub body: String,
    pub stems: String,
    pub folded: String,
    /// Every word, for the index of parts of words.
    pub parts: String,
}

impl Document {
    /// The document of an entry with this title, initiative and texts (which hold the tags).
    pub fn of(title: &str, initiative: Option<&str>, texts: &[EntryText]) -> Self {
        let mut d = Document::default();
        let tags = texts.iter().filter(|t| t.question.is_none()).map(|t| t.text.as_str());
        let heading = [title, initiative.unwrap_or("")].into_iter().chain(tags);
        for text in heading {
            d.add(text, true);
        }
        for t in texts.iter().filter(|t| t.question.is_some()) {
            if t.text != title && Some(t.text.as_str()) != initiative {
                d.add(&t.text, false);
            }
        }
        d
    }

    fn add(&mut self, text: &str, heading: bool) {
        for word in words(text) {
            let s = stem(&word);
            if s != word {
                push(&mut self.stems, &s);
            }
            let f = fold_aa(&word);
            if f != word {
                push(&mut self.folded, &f);
            }
            push(&mut self.parts, &word);
            push(if heading { &mut self.title } else { &mut self.body }, &word);
        }
    }
}

fn push(column: &mut String, word: &str) {
    if !column.is_empty() {
        column.push(' ');
    }
    column.push_str(word);
}
