//! Danish CPR numbers (personnumre): a date `DDMMYY` (or `DD.MM.YY`, `DD-MM-YY`, `DD/MM/YY`)
//! and a four-digit serial, on a date that exists once the century is read from the serial's
//! first digit and the year (the CPR office's rules).
//!
//! Between date and serial there may be nothing or up to three chars of spacing and joining
//! punctuation (a hyphen or any dash, spaces, a tab, a line break, a dot, a slash, " - "): a
//! person in a hurry writes all of those, and someone determined tries them. The detectors read
//! the text normalised (see [`super::text`]), so other digits, dashes and invisible characters
//! inside change nothing. A number glued to a word ("CPR010203-1234") is still one.
//!
//! The modulus-11 check is not required: numbers issued since 2007 may fail it and are valid.
//! It only raises the confidence, as do words like "cpr" or "født" just before the number.
//! Precision matters as much as recall, so a candidate is refused when it is glued to other
//! digits, or is one group of a longer structured number (a case number, an ISBN, an amount),
//! and a date written with separators needs a dash before the serial ("12.03.24 1530" is a date
//! and a time).

use super::text::{Chars, has_word};
use super::{Confidence, FindingKind, Hit};
use chrono::NaiveDate;

/// Words that, just before a number, say it is a CPR number.
const CPR_CONTEXT: &[&str] = &[
    "cpr",
    "cpr-nr",
    "cprnr",
    "cpr.nr",
    "cpr-nummer",
    "cpr nr",
    "personnummer",
    "personnr",
    "pers.nr",
    "født",
    "fødselsdato",
];

/// Words that, just before an unseparated ten-digit run, say it is another kind of number.
const OTHER_NUMBER_CONTEXT: &[&str] = &[
    "konto",
    "kontonr",
    "kontonummer",
    "reg",
    "reg.nr",
    "regnr",
    "ordre",
    "ordrenr",
    "faktura",
    "fakturanr",
    "sag",
    "sagsnr",
    "sagsnummer",
    "j.nr",
    "jnr",
    "journalnr",
    "isbn",
    "ean",
    "ref",
    "account",
    "invoice",
    "order",
    "case",
    "cvr",
    "cvr-nr",
    "cvrnr",
    "cvr.nr",
    "cvr-nummer",
    "p-nr",
    "pnr",
    "p.nr",
    "p-nummer",
    "se-nr",
    "senr",
    "se-nummer",
];

/// Chars that may stand between the date and the serial (dashes are read as `-`).
fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '\\' | '_')
}

/// Most chars between the date and the serial.
const MAX_GAP: usize = 3;

/// Separators that make a digit group beside the number part of one longer number.
const STRUCTURE: &[char] = &['-', '.', '/', ':', ','];

/// The separators a date may be written with.
const DATE_SEPARATORS: &[char] = &['.', '-', '/'];

/// The four-digit birth year of a CPR number, from its two-digit year and the first digit of
/// its serial, per the CPR office's century table.
pub fn cpr_century_year(yy: u32, seventh: u32) -> Option<i32> {
    let yy = yy as i32;
    match seventh {
        0..=3 => Some(1900 + yy),
        4 | 9 => Some(if yy <= 36 { 2000 + yy } else { 1900 + yy }),
        5..=8 => Some(if yy <= 57 { 2000 + yy } else { 1800 + yy }),
        _ => None,
    }
}

/// The old modulus-11 check over the ten digits (weights 4 3 2 7 6 5 4 3 2 1).
pub fn mod11_ok(digits: &[u32; 10]) -> bool {
    const WEIGHTS: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum::<u32>() % 11 == 0
}

pub(super) fn find(t: &Chars) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i + 10 <= t.len() {
        match candidate(t, i) {
            Some(hit) => {
                i = hit.end;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// The date at `i`: where it ends, the separator it is written with, and its six digits.
fn date_at(t: &Chars, i: usize) -> Option<(usize, Option<char>, [usize; 6])> {
    if !t.digits_at(i, 2) {
        return None;
    }
    match t.at(i + 2)? {
        c if c.is_ascii_digit() => t
            .digits_at(i, 6)
            .then_some((i + 6, None, [i, i + 1, i + 2, i + 3, i + 4, i + 5])),
        sep if DATE_SEPARATORS.contains(&sep) => (t.digits_at(i + 3, 2)
            && t.at(i + 5) == Some(sep)
            && t.digits_at(i + 6, 2))
        .then_some((i + 8, Some(sep), [i, i + 1, i + 3, i + 4, i + 6, i + 7])),
        _ => None,
    }
}

fn candidate(t: &Chars, i: usize) -> Option<Hit> {
    if t.before(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let (date_end, date_separator, date_digits) = date_at(t, i)?;
    let mut serial = date_end;
    while serial < date_end + MAX_GAP && t.at(serial).is_some_and(is_gap) {
        serial += 1;
    }
    let gap = &t.chars[date_end..serial];
    let dashed = gap.contains(&'-');
    if let Some(sep) = date_separator
        && !(dashed || gap == [sep])
    {
        return None;
    }
    let end = serial + 4;
    if !t.digits_at(serial, 4) || t.is_digit(end) || t.part_of_longer_number(i, end, STRUCTURE) {
        return None;
    }
    let mut digits = [0u32; 10];
    for (k, d) in digits.iter_mut().enumerate() {
        *d = t.digit(if k < 6 { date_digits[k] } else { serial + k - 6 });
    }
    let year = cpr_century_year(digits[4] * 10 + digits[5], digits[6])?;
    let born = NaiveDate::from_ymd_opt(year, digits[2] * 10 + digits[3], digits[0] * 10 + digits[1])?;
    // No one alive was born after today: such a number is less likely a CPR number.
    let future = born > chrono::Utc::now().date_naive();

    let before = t.lower_before(i, 24);
    let named = has_word(&before, CPR_CONTEXT) || glued_to_context(&before);
    let other = !named && has_word(&before, OTHER_NUMBER_CONTEXT);
    if other && (gap.is_empty() || future) {
        // An account, order, case, CVR or P-number written as one run of digits, or labelled
        // as one on a date no one was born on yet.
        return None;
    }
    let mut confidence = if dashed { Confidence::Medium } else { Confidence::Low };
    if mod11_ok(&digits) && !future {
        confidence = confidence.raised();
    }
    if named {
        confidence = Confidence::High;
    }
    Some(Hit {
        kind: FindingKind::Cpr,
        confidence,
        start: i,
        end,
    })
}

/// "CPR010203-1234": a context word glued to the number.
fn glued_to_context(before: &str) -> bool {
    CPR_CONTEXT.iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seventh_digit_and_the_year_give_the_century() {
        assert_eq!(cpr_century_year(85, 0), Some(1985));
        assert_eq!(cpr_century_year(85, 3), Some(1985));
        assert_eq!(cpr_century_year(10, 4), Some(2010));
        assert_eq!(cpr_century_year(36, 9), Some(2036));
        assert_eq!(cpr_century_year(37, 9), Some(1937));
        assert_eq!(cpr_century_year(57, 5), Some(2057));
        assert_eq!(cpr_century_year(58, 8), Some(1858));
    }

    #[test]
    fn modulus_11_is_the_old_checksum() {
        // 070761-4285 is the CPR office's own published example.
        assert!(mod11_ok(&[0, 7, 0, 7, 6, 1, 4, 2, 8, 5]));
        assert!(!mod11_ok(&[0, 7, 0, 7, 6, 1, 4, 2, 8, 6]));
    }
}
