//! Neutral role labels: a finding is replaced, everywhere in an entry, by the next label not
//! yet used in it ("borger A", "borger B", … or "citizen A", …), so one person keeps one label
//! across the entry's answers.
//!
//! Invariant: nothing here remembers which data became which label. The caller gets the new
//! texts and the label; the personal data is gone from them and is kept nowhere.

use super::text::Chars;
use super::{FindingKind, Hit, cpr, email, never_store, phone};
use crate::locale::Locale;
use serde::Serialize;
use ts_rs::TS;

/// The texts after a replacement, in the order given, and the label that went in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pseudonymised {
    pub texts: Vec<String>,
    pub label: String,
    /// How many occurrences were replaced, across all texts.
    pub replaced: u32,
}

/// The `index`-th label: 0 → "borger A", 25 → "borger Z", 26 → "borger AA".
pub fn label_for(language: Locale, index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    let letters: String = letters.iter().rev().collect();
    match language {
        Locale::Da => format!("borger {letters}"),
        Locale::En => format!("citizen {letters}"),
    }
}

/// Replaces every occurrence of `found` (a finding's text, of `kind`) in all `texts` — the
/// texts of one entry — with the first label not already present in any of them. CPR and
/// phone numbers match however they are written (with or without spaces, hyphens or +45);
/// e-mail addresses and never-store words match ignoring case.
pub fn pseudonymise(texts: &[String], kind: FindingKind, found: &str, language: Locale) -> Pseudonymised {
    let label = (0..)
        .map(|n| label_for(language, n))
        .find(|l| {
            !texts
                .iter()
                .any(|t| !never_store::find(&Chars::new(t), std::slice::from_ref(l)).is_empty())
        })
        .unwrap_or_else(|| label_for(language, 0));
    let mut replaced = 0u32;
    let texts = texts
        .iter()
        .map(|text| {
            let hits = occurrences(text, kind, found);
            replaced += hits.len() as u32;
            replace(text, &hits, &label)
        })
        .collect();
    Pseudonymised { texts, label, replaced }
}

/// What makes two findings the same datum.
fn key(kind: FindingKind, text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    match kind {
        FindingKind::Cpr => digits,
        FindingKind::Phone => digits[digits.len().saturating_sub(8)..].to_owned(),
        FindingKind::Email | FindingKind::NeverStore => text.to_lowercase(),
    }
}

fn occurrences(text: &str, kind: FindingKind, found: &str) -> Vec<Hit> {
    let found = found.trim();
    if found.is_empty() {
        return Vec::new();
    }
    let t = Chars::new(text);
    let mut hits = never_store::find(&t, &[found.to_owned()]);
    let found_read = Chars::new(found);
    let want = key(kind, &found_read.read(0, found_read.len()));
    let same = |h: &Hit| key(kind, &t.read(h.start, h.end)) == want;
    match kind {
        FindingKind::Cpr => hits.extend(cpr::find(&t).into_iter().filter(same)),
        FindingKind::Phone => hits.extend(phone::find(&t).into_iter().filter(same)),
        FindingKind::Email => hits.extend(email::find(&t).into_iter().filter(same)),
        FindingKind::NeverStore => {}
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    // From the positions read back to the text as written, which is what is replaced.
    for h in &mut kept {
        (h.start, h.end) = t.original_range(h.start, h.end);
    }
    kept
}

fn replace(text: &str, hits: &[Hit], label: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in hits {
        out.extend(&chars[at..h.start]);
        // A number glued to a word ("CPR010203-1234") leaves the word and the label apart.
        if h.start > 0 && chars[h.start - 1].is_alphanumeric() {
            out.push(' ');
        }
        out.push_str(label);
        if chars.get(h.end).is_some_and(|c| c.is_alphanumeric()) {
            out.push(' ');
        }
        at = h.end;
    }
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn labels_run_from_a_to_z_and_then_double_up() {
        assert_eq!(label_for(Locale::Da, 0), "borger A");
        assert_eq!(label_for(Locale::Da, 1), "borger B");
        assert_eq!(label_for(Locale::En, 25), "citizen Z");
        assert_eq!(label_for(Locale::En, 26), "citizen AA");
        assert_eq!(label_for(Locale::Da, 27), "borger AB");
    }

    #[test]
    fn every_occurrence_in_every_text_gets_the_same_label() {
        let texts = owned(&[
            "Mødet med 010203-1234 gik godt.",
            "Næste gang ringer vi til 0102031234 igen; 010203-1234 var glad.",
            "Ingen personer her.",
        ]);
        let out = pseudonymise(&texts, FindingKind::Cpr, "010203-1234", Locale::Da);
        assert_eq!(out.label, "borger A");
        assert_eq!(out.replaced, 3, "the unhyphenated form is the same number");
        assert_eq!(out.texts[0], "Mødet med borger A gik godt.");
        assert_eq!(
            out.texts[1],
            "Næste gang ringer vi til borger A igen; borger A var glad."
        );
        assert_eq!(out.texts[2], texts[2]);
    }

    #[test]
    fn labels_already_in_the_entry_are_skipped() {
        let texts = owned(&["Borger A kom ikke.", "borger B og 22 34 56 78"]);
        let out = pseudonymise(&texts, FindingKind::Phone, "22 34 56 78", Locale::Da);
        assert_eq!(out.label, "borger C", "A and B are taken (ignoring case)");
        assert_eq!(out.texts[1], "borger B og borger C");
    }

    #[test]
    fn a_label_inside_a_longer_word_does_not_count_as_taken() {
        let texts = owned(&["citizen Abdi wrote from x@y.dk"]);
        let out = pseudonymise(&texts, FindingKind::Email, "X@Y.DK", Locale::En);
        assert_eq!(out.label, "citizen A");
        assert_eq!(out.texts[0], "citizen Abdi wrote from citizen A");
    }

    #[test]
    fn phone_numbers_match_with_or_without_the_country_code() {
        let texts = owned(&["Ring 22345678 eller +45 22 34 56 78."]);
        let out = pseudonymise(&texts, FindingKind::Phone, "2234 5678", Locale::En);
        assert_eq!(out.texts[0], "Ring citizen A eller citizen A.");
    }

    #[test]
    fn never_store_words_are_replaced_as_whole_words_ignoring_case() {
        let texts = owned(&["Fatima og FATIMA's søster; Fatimas bror"]);
        let out = pseudonymise(&texts, FindingKind::NeverStore, "fatima", Locale::Da);
        assert_eq!(out.texts[0], "borger A og borger A's søster; Fatimas bror");
        assert_eq!(out.replaced, 2);
    }

    #[test]
    fn a_number_glued_to_words_or_written_with_invisible_characters_is_replaced_whole() {
        let texts = owned(&["Mor CPR010203\u{2014}\u{200B}1234og datter"]);
        let out = pseudonymise(&texts, FindingKind::Cpr, "010203\u{2014}\u{200B}1234", Locale::Da);
        assert_eq!(out.texts[0], "Mor CPR borger A og datter");
        let texts = owned(&["\u{FF10}\u{FF11}\u{FF10}\u{FF12}\u{FF10}\u{FF13}-1234 og 010203 1234"]);
        let out = pseudonymise(&texts, FindingKind::Cpr, "010203-1234", Locale::Da);
        assert_eq!(
            out.texts[0], "borger A og borger A",
            "the same number however its digits are written"
        );
    }

    #[test]
    fn nothing_is_replaced_for_an_empty_finding() {
        let texts = owned(&["tekst"]);
        let out = pseudonymise(&texts, FindingKind::NeverStore, "  ", Locale::Da);
        assert_eq!(out.texts, texts);
        assert_eq!(out.replaced, 0);
    }
}
