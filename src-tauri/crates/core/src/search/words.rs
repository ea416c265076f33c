//! Words as search reads them, the same way in the index and in a query: a word is a run of
//! letters, digits and combining marks; it is compared in lower case with the Danish letters
//! kept ("år" is not "ar", "blå" is not "bla", "bør" is not "bor") and other accents dropped
//! ("café" is "cafe").
//!
//! Beside the word as written, search keeps its Danish Snowball stem ("forsøget" → "forsøg") and,
//! for the opt-in fold, its spelling with "aa" read as "å" ("Aarhus" → "århus").

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

static DANISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Danish));

/// A character that belongs to a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The byte ranges of the words of `text`, as written.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| is_word_char(*c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The ring of "å", written after its "a" when decomposed.
const RING_ABOVE: char = '\u{030A}';

/// A word as search compares it: lower case, NFC, with the letters of Danish kept as they are
/// (æ, ø and å are letters, not an "a" or an "o" with something on) and the accents of other
/// letters dropped, as a Danish reader drops them ("café" is "cafe", "Müller" is "muller").
pub fn normalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut previous = ' ';
    for c in word.nfd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) && !(c == RING_ABOVE && previous == 'a') {
            continue;
        }
        out.push(c);
        previous = c;
    }
    out.nfc().collect()
}

/// The normalised words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_spans(text).map(|(a, b)| normalise(&text[a..b]))
}

/// The Danish stem of a normalised word.
pub fn stem(word: &str) -> String {
    DANISH.stem(word).into_owned()
}

/// The word with "aa" read as "å" (the spelling before 1948, kept in many place names).
pub fn fold_aa(word: &str) -> String {
    word.replace("aa", "å")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_diacritics_and_lose_their_case() {
        let got: Vec<String> = words("Året i BEBOERFORENINGEN: blå-grøn, 22 34").collect();
        assert_eq!(got, ["året", "i", "beboerforeningen", "blå", "grøn", "22", "34"]);
    }

    #[test]
    fn a_decomposed_å_is_one_word_and_the_same_word() {
        let decomposed = "a\u{030A}r";
        assert_eq!(words(decomposed).collect::<Vec<_>>(), ["år"]);
    }

    #[test]
    fn other_accents_go_and_danish_letters_stay() {
        assert_eq!(normalise("Café"), "cafe");
        assert_eq!(normalise("MÜLLER"), "muller");
        assert_eq!(normalise("Ærø-Å"), "ærø-å");
        assert_eq!(normalise("o\u{030A}"), "o", "a ring on another letter is an accent");
    }

    #[test]
    fn danish_stems_join_the_forms_of_a_word() {
        assert_eq!(stem("forsøget"), stem("forsøg"));
        assert_eq!(stem("mødet"), stem("møder"));
        assert_ne!(stem("bør"), stem("bor"));
    }

    #[test]
    fn the_fold_reads_aa_as_å() {
        assert_eq!(fold_aa("aarhus"), "århus");
        assert_eq!(fold_aa("århus"), "århus");
    }
}
