//! The resources lens: finds words that frame citizens by their deficits ("udsat", "svag",
//! "vulnerable", …) so the UI can highlight them gently and ask about the citizens' resources
//! too. It never blocks saving. The word list is data: `assets/lexicon/deficit-words.json`.

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
}

/// The lowercase words of both languages, longest first so "problemfamilie" wins over a
/// shorter entry that starts the same way.
fn words() -> &'static [Vec<char>] {
    static WORDS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let list: WordList = serde_json::from_str(include_str!("../../../../assets/lexicon/deficit-words.json"))
            .expect("the shipped word list is checked by a test");
        let mut all: Vec<Vec<char>> = list
            .da
            .iter()
            .chain(&list.en)
            .map(|w| w.trim().to_lowercase().chars().collect())
            .collect();
        all.retain(|w| !w.is_empty());
        all.sort_by_key(|w| std::cmp::Reverse(w.len()));
        all
    })
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Finds deficit-framing words: case-insensitive, at the start of a word, so "udsat" also
/// finds "udsatte" but not "forudsat".
pub fn deficit_findings(text: &str) -> Vec<LensFinding> {
    let view = crate::privacy::text::Chars::new(text);
    let chars = &view.chars;
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        let hit = word_start
            .then(|| {
                words()
                    .iter()
                    .find(|w| w.len() <= chars.len() - i && w.iter().zip(&chars[i..]).all(|(a, b)| *a == lower(*b)))
            })
            .flatten();
        match hit {
            Some(w) => {
                // Extend to the end of the word ("udsat" → "udsatte").
                let mut end = i + w.len();
                while end < chars.len() && chars[end].is_alphanumeric() {
                    end += 1;
                }
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
