//! The resources lens: finds words that frame citizens by their deficits ("udsat", "svag",
//! "vulnerable", …) so the UI can highlight them gently and ask about the citizens' resources
//! too. It never blocks saving. The word list is data: `assets/lexicon/deficit-words.json`,
//! with its exceptions: phrases that hold such a word but are not about people, such as the
//! official place term "udsatte boligområder", which are never flagged.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

/// One word found, with its position in UTF-16 code units (as JavaScript strings count).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LensFinding {
    pub start: u32,
    pub end: u32,
    /// The text as written.
    pub text: String,
}

#[derive(Deserialize)]
struct WordList {
    da: Vec<String>,
    en: Vec<String>,
    #[serde(default)]
    exceptions: Exceptions,
}

/// Phrases never flagged, per language (optional in the file).
#[derive(Default, Deserialize)]
struct Exceptions {
    #[serde(default)]
    da: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

/// The word list made ready for matching.
struct Lexicon {
    words: Vec<Vec<char>>,
    exceptions: Vec<Vec<char>>,
}

/// Lowercase, trimmed, without empty entries, longest first so "problemfamilie" wins over a
/// shorter entry that starts the same way.
fn prepared<'a>(entries: impl Iterator<Item = &'a String>) -> Vec<Vec<char>> {
    let mut all: Vec<Vec<char>> = entries.map(|w| w.trim().to_lowercase().chars().collect()).collect();
    all.retain(|w| !w.is_empty());
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let list: WordList = serde_json::from_str(include_str!("../../../../../assets/lexicon/deficit-words.json"))
            .expect("the shipped word list is checked by a test");
        Lexicon {
            words: prepared(list.da.iter().chain(&list.en)),
            exceptions: prepared(list.exceptions.da.iter().chain(&list.exceptions.en)),
        }
    })
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The first of `entries` that the text starting at `chars[i]` begins with (case-insensitive).
fn starting_at<'a>(entries: &'a [Vec<char>], chars: &[char], i: usize) -> Option<&'a Vec<char>> {
    entries
        .iter()
        .find(|w| w.len() <= chars.len() - i && w.iter().zip(&chars[i..]).all(|(a, b)| *a == lower(*b)))
}

/// The end of the word that goes on at `from` ("udsat" → "udsatte").
fn word_end(chars: &[char], from: usize) -> usize {
    let mut end = from;
    while end < chars.len() && chars[end].is_alphanumeric() {
        end += 1;
    }
    end
}

/// Finds deficit-framing words: case-insensitive, at the start of a word, so "udsat" also
/// finds "udsatte" but not "forudsat". An exception ("udsatte boligområder") is passed over
/// whole, to the end of its last word, and nothing inside it is flagged.
pub fn deficit_findings(text: &str) -> Vec<LensFinding> {
    let lexicon = lexicon();
    let view = crate::privacy::text::Chars::plain(text);
    let chars = &view.chars;
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        if !word_start {
            i += 1;
            continue;
        }
        if let Some(phrase) = starting_at(&lexicon.exceptions, chars, i) {
            i = word_end(chars, i + phrase.len());
            continue;
        }
        match starting_at(&lexicon.words, chars, i) {
            Some(w) => {
                let end = word_end(chars, i + w.len());
                found.push(LensFinding {
                    start: view.utf16_at(i),
                    end: view.utf16_at(end),
                    text: chars[i..end].iter().collect(),
                });
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        deficit_findings(s).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn danish_deficit_words_are_found_with_their_endings() {
        assert_eq!(
            texts("Kvinderne er udsatte og ressourcesvage."),
            ["udsatte", "ressourcesvage"]
        );
        assert_eq!(texts("En Problemfamilie i opgangen"), ["Problemfamilie"]);
    }

    #[test]
    fn english_deficit_words_and_phrases_are_found() {
        assert_eq!(
            texts("A vulnerable, hard-to-reach group"),
            ["vulnerable", "hard-to-reach"]
        );
        assert_eq!(texts("They are weak and deprived."), ["weak", "deprived"]);
    }

    #[test]
    fn words_inside_other_words_and_resource_language_are_not_flagged() {
        assert!(texts("Det er forudsat, at foreningen har et stærkt netværk.").is_empty());
        assert!(texts("The mothers speak three languages and know the area.").is_empty());
    }

    #[test]
    fn the_place_term_udsatte_boligomraader_is_not_flagged_but_the_word_beside_it_is() {
        assert!(texts("Forsøget foregik i et af de udsatte boligområder i kommunen.").is_empty());
        assert!(texts("Vestparken er et udsat boligområde.").is_empty());
        assert!(texts("De Udsatte Boligområders beboerhuse").is_empty());
        assert!(texts("A disadvantaged neighbourhood in the west").is_empty());
        assert_eq!(texts("Udsatte familier i et udsat boligområde"), ["Udsatte"]);
        assert_eq!(texts("I det udsatte boligområde bor udsatte familier."), ["udsatte"]);
        let f = &deficit_findings("udsatte boligområder og udsatte familier")[0];
        assert_eq!(
            (f.start, f.end),
            (24, 31),
            "the finding after an exception keeps its own position"
        );
    }

    #[test]
    fn positions_count_utf16_units_as_javascript_does() {
        let s = "😀 udsat";
        let f = &deficit_findings(s)[0];
        let units: Vec<u16> = s.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&units[f.start as usize..f.end as usize]).unwrap(),
            "udsat"
        );
    }
}
