//! The scanned text as the detectors read it, with the helpers every detector shares: word
//! boundaries, the words just before a position, and the way back from a position in what the
//! detectors read to the text as written (in chars and in UTF-16 units, as the UI counts).
//!
//! The detectors read a normalised copy ([`Chars::new`]) so that a number cannot be slipped
//! past them by the way it is written:
//! - compatibility normalisation (NFKC, per base character and its marks): fullwidth and
//!   mathematical digits become 0–9, a fullwidth `＠` becomes `@`, every kind of space a space;
//! - default-ignorable code points removed (zero-width space and joiners, word joiner, BOM,
//!   soft hyphen, variation selectors): "0102\u{200B}03-1234" reads as "010203-1234";
//! - every dash (Unicode's dash punctuation, and the minus sign) read as `-`;
//! - a decimal digit of any script (Arabic-Indic, Devanagari, …) read as its ASCII digit, and a
//!   combining mark stacked on a digit dropped.
//!
//! Each char read keeps the range of chars it came from, so a finding's offsets and text are
//! those of the text as written.

use super::{Finding, Hit};
use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory};
use icu_properties::{CodePointMapData, CodePointSetData};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

#[derive(Debug)]
pub(crate) struct Chars {
    /// What the detectors read.
    pub chars: Vec<char>,
    /// For each char read, the range of chars of the text as written that it came from.
    from: Vec<(u32, u32)>,
    /// The text as written.
    original: Vec<char>,
    /// UTF-16 offset of each char as written, plus one past the end.
    utf16: Vec<u32>,
}

impl Chars {
    /// The normalised view of `text` that the personal-data detectors read.
    pub fn new(text: &str) -> Self {
        let original: Vec<char> = text.chars().collect();
        let (chars, from) = normalised(&original);
        Self::with(chars, from, original)
    }

    /// `text` as it is, for readers that want no normalisation (the resources lens).
    pub fn plain(text: &str) -> Self {
        let original: Vec<char> = text.chars().collect();
        let from = (0..original.len() as u32).map(|i| (i, i + 1)).collect();
        Self::with(original.clone(), from, original)
    }

    fn with(chars: Vec<char>, from: Vec<(u32, u32)>, original: Vec<char>) -> Self {
        let mut utf16 = Vec::with_capacity(original.len() + 1);
        let mut at = 0u32;
        for c in &original {
            utf16.push(at);
            at += c.len_utf16() as u32;
        }
        utf16.push(at);
        Self {
            chars,
            from,
            original,
            utf16,
        }
    }

    /// The range of chars as written that the chars read at `start..end` came from.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = self.from.get(start).map_or(self.original.len(), |r| r.0 as usize);
            return (at, at);
        }
        (self.from[start].0 as usize, self.from[end - 1].1 as usize)
    }

    /// The UTF-16 offset, in the text as written, of the char read at `i` (`i == len()` gives
    /// the end), as the UI's strings count.
    pub fn utf16_at(&self, i: usize) -> u32 {
        let at = self.from.get(i).map_or(self.original.len(), |r| r.0 as usize);
        self.utf16[at]
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The char before `i`, if any.
    pub fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.at(j))
    }

    pub fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    /// True when `i..` starts `n` digits.
    pub fn digits_at(&self, i: usize, n: usize) -> bool {
        (i..i + n).all(|j| self.is_digit(j))
    }

    /// The value of the digit at `i` (callers check [`Chars::is_digit`] first).
    pub fn digit(&self, i: usize) -> u32 {
        self.at(i).and_then(|c| c.to_digit(10)).unwrap_or(0)
    }

    /// The number written by the `n` digits from `i`.
    pub fn number(&self, i: usize, n: usize) -> u32 {
        (i..i + n).fold(0, |acc, j| acc * 10 + self.digit(j))
    }

    /// Nothing alphanumeric touches the range `start..end` on either side: a number glued to
    /// letters or other digits is part of something else (a code, a longer number).
    pub fn standalone(&self, start: usize, end: usize) -> bool {
        !self.before(start).is_some_and(char::is_alphanumeric) && !self.at(end).is_some_and(char::is_alphanumeric)
    }

    /// The range is one group of a longer structured number ("2024-010203-1234", "1.250,00"):
    /// one of `separators` on either side with a digit beyond it.
    pub fn part_of_longer_number(&self, start: usize, end: usize, separators: &[char]) -> bool {
        let sep = |c: Option<char>| c.is_some_and(|c| separators.contains(&c));
        let left = start >= 2 && sep(self.before(start)) && self.is_digit(start - 2);
        let right = sep(self.at(end)) && self.is_digit(end + 1);
        left || right
    }

    /// The (lowercased) text of up to `n` chars before `i`, for context words.
    pub fn lower_before(&self, i: usize, n: usize) -> String {
        self.chars[i.saturating_sub(n)..i]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    }

    /// The (lowercased) text of up to `n` chars from `i`.
    pub fn lower_after(&self, i: usize, n: usize) -> String {
        let end = (i + n).min(self.len());
        self.chars[i.min(end)..end]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    }

    /// The chars read at `start..end`, as a string.
    pub fn read(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    pub(super) fn finding(&self, h: Hit) -> Finding {
        let (start, end) = self.original_range(h.start, h.end);
        Finding {
            kind: h.kind,
            confidence: h.confidence,
            start: self.utf16[start],
            end: self.utf16[end],
            char_start: start as u32,
            char_end: end as u32,
            text: self.original[start..end].iter().collect(),
        }
    }
}

/// The normalised chars of `original` and, for each, the range of `original` it came from.
fn normalised(original: &[char]) -> (Vec<char>, Vec<(u32, u32)>) {
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
    let category = CodePointMapData::<GeneralCategory>::new();
    let mut chars = Vec::with_capacity(original.len());
    let mut from = Vec::with_capacity(original.len());
    let mut i = 0;
    while i < original.len() {
        // One base char and the combining marks on it: the unit NFKC composes.
        let mut j = i + 1;
        while j < original.len() && canonical_combining_class(original[j]) != 0 {
            j += 1;
        }
        let range = (i as u32, j as u32);
        if j == i + 1 && original[i].is_ascii() {
            // ASCII is its own NFKC form and holds no dash but `-` and no ignorable.
            chars.push(original[i]);
            from.push(range);
        } else {
            for c in original[i..j].iter().copied().nfkc() {
                if ignorable.contains(c) {
                    continue;
                }
                let read = match category.get(c) {
                    GeneralCategory::DashPunctuation => '-',
                    GeneralCategory::MathSymbol if c == '\u{2212}' => '-',
                    GeneralCategory::DecimalNumber => ascii_digit(c, &category),
                    GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
                        if chars.last().is_some_and(char::is_ascii_digit) =>
                    {
                        continue;
                    }
                    _ => c,
                };
                chars.push(read);
                from.push(range);
            }
        }
        i = j;
    }
    (chars, from)
}

/// The ASCII digit with the value of the decimal digit `c`. Unicode encodes every script's
/// decimal digits as runs of ten from zero up, so the value is the distance from the start of
/// the run, modulo ten (some runs hold several sets, as the mathematical digits do).
fn ascii_digit(c: char, category: &icu_properties::CodePointMapDataBorrowed<'_, GeneralCategory>) -> char {
    let mut at = c as u32;
    let mut steps = 0u32;
    while steps < 100
        && at > 0
        && char::from_u32(at - 1).is_some_and(|p| category.get(p) == GeneralCategory::DecimalNumber)
    {
        at -= 1;
        steps += 1;
    }
    char::from(b'0' + (steps % 10) as u8)
}

/// Whether one of `words` ends `context` as a whole word (optionally followed by punctuation
/// and spaces): "cpr-nr.: " ends with "cpr-nr".
pub(super) fn ends_with_word(context: &str, words: &[&str]) -> bool {
    let trimmed = context.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '#' | '(' | '='));
    words.iter().any(|w| {
        trimmed
            .strip_suffix(w)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
    })
}

/// Whether one of `words` appears in `context` as a whole word.
pub(super) fn has_word(context: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        context.match_indices(w).any(|(at, _)| {
            let before = context[..at].chars().next_back();
            let after = context[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::Chars;

    fn read(text: &str) -> String {
        Chars::new(text).chars.iter().collect()
    }

    #[test]
    fn the_detectors_read_one_form_of_every_digit_dash_and_space() {
        assert_eq!(read("０１０２０３－１２３４"), "010203-1234", "fullwidth");
        assert_eq!(read("٠١٠٢٠٣-١٢٣٤"), "010203-1234", "Arabic-Indic");
        assert_eq!(read("۰۱۰۲۰۳-۱۲۳۴"), "010203-1234", "extended Arabic-Indic");
        assert_eq!(read("०१०२०३-१२३४"), "010203-1234", "Devanagari");
        assert_eq!(read("𝟎𝟏𝟎𝟐𝟎𝟑-𝟏𝟐𝟑𝟒"), "010203-1234", "mathematical bold");
        assert_eq!(read("𝟶𝟷𝟶𝟸𝟶𝟹-𝟷𝟸𝟹𝟺"), "010203-1234", "mathematical monospace");
        assert_eq!(
            read("0102\u{200B}03\u{2060}-\u{FEFF}12\u{200D}34"),
            "010203-1234",
            "zero-width"
        );
        for dash in [
            '\u{2010}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}', '\u{FE63}', '\u{FF0D}',
        ] {
            assert_eq!(
                read(&format!("010203{dash}1234")),
                "010203-1234",
                "U+{:04X}",
                dash as u32
            );
        }
        assert_eq!(read("010203\u{00AD}1234"), "0102031234", "a soft hyphen is invisible");
        assert_eq!(read("0\u{301}10203"), "010203", "a mark on a digit");
        assert_eq!(read("Cafe\u{301}"), "Café", "a decomposed letter is composed");
        assert_eq!(read("a\u{a0}b\u{3000}c"), "a b c", "every space a space");
    }

    #[test]
    fn findings_point_into_the_text_as_written() {
        let t = Chars::new("😀 ０１\u{200B}2");
        assert_eq!(t.chars, vec!['😀', ' ', '0', '1', '2']);
        assert_eq!(t.original_range(2, 5), (2, 6), "the zero-width space is inside");
        assert_eq!(t.utf16_at(2), 3, "after the emoji's two units and the space");
        assert_eq!(t.utf16_at(5), 7, "the end");
    }
}
