//! The scanned text as chars, with the helpers every detector shares: word boundaries, the
//! words just before a position, and the translation of char offsets into UTF-16 offsets.

use super::{Finding, Hit};

#[derive(Debug)]
pub(crate) struct Chars {
    pub chars: Vec<char>,
    /// UTF-16 offset of each char, plus one past the end.
    utf16: Vec<u32>,
}

impl Chars {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut utf16 = Vec::with_capacity(chars.len() + 1);
        let mut at = 0u32;
        for c in &chars {
            utf16.push(at);
            at += c.len_utf16() as u32;
        }
        utf16.push(at);
        Self { chars, utf16 }
    }

    /// The UTF-16 offset of char `i` (`i == len()` gives the end), as the UI's strings count.
    pub fn utf16_at(&self, i: usize) -> u32 {
        self.utf16[i]
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

    /// True when `i..` starts `n` ASCII digits.
    pub fn digits_at(&self, i: usize, n: usize) -> bool {
        (i..i + n).all(|j| self.is_digit(j))
    }

    /// The value of the ASCII digit at `i` (callers check [`Chars::is_digit`] first).
    pub fn digit(&self, i: usize) -> u32 {
        self.at(i).and_then(|c| c.to_digit(10)).unwrap_or(0)
    }

    /// Nothing alphanumeric touches the range `start..end` on either side: a number glued to
    /// letters or other digits is part of something else (a code, a longer number).
    pub fn standalone(&self, start: usize, end: usize) -> bool {
        !self.before(start).is_some_and(char::is_alphanumeric) && !self.at(end).is_some_and(char::is_alphanumeric)
    }

    /// The range is one group of a longer structured number ("2024-010203-1234", "1.250,00",
    /// "12 34 56 78 90"): a separator on either side with a digit beyond it.
    pub fn part_of_longer_number(&self, start: usize, end: usize) -> bool {
        let sep = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '.' | '/' | ':' | ',' | ' ' | '\u{a0}'));
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

    pub(super) fn finding(&self, h: Hit) -> Finding {
        Finding {
            kind: h.kind,
            confidence: h.confidence,
            start: self.utf16[h.start],
            end: self.utf16[h.end],
            char_start: h.start as u32,
            char_end: h.end as u32,
            text: self.chars[h.start..h.end].iter().collect(),
        }
    }
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
