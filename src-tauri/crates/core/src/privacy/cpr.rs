//! Danish CPR numbers (personnumre): `DDMMYY-SSSS`, with the hyphen, a single space or
//! nothing between date and serial, on a date that exists once the century is read from the
//! serial's first digit and the year (the CPR office's rules).
//!
//! The modulus-11 check is not required: numbers issued since 2007 may fail it and are valid.
//! It only raises the confidence, as do words like "cpr" or "født" just before the number.
//! Precision matters as much as recall, so a candidate is refused when it is glued to letters
//! or digits, or is one group of a longer structured number (a case number, an amount).

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
];

/// Chars that may stand between the date and the serial.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | ' ' | '\u{a0}')
}

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

fn candidate(t: &Chars, i: usize) -> Option<Hit> {
    if !t.digits_at(i, 6) || t.before(i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let (serial, separated) = match t.at(i + 6) {
        Some(c) if c.is_ascii_digit() => (i + 6, None),
        Some(c) if is_separator(c) => (i + 7, Some(c)),
        _ => return None,
    };
    let end = serial + 4;
    if !t.digits_at(serial, 4) || !t.standalone(i, end) || t.part_of_longer_number(i, end) {
        return None;
    }
    let mut digits = [0u32; 10];
    for (k, d) in digits.iter_mut().enumerate() {
        *d = t.digit(if k < 6 { i + k } else { serial + k - 6 });
    }
    let year = cpr_century_year(digits[4] * 10 + digits[5], digits[6])?;
    NaiveDate::from_ymd_opt(year, digits[2] * 10 + digits[3], digits[0] * 10 + digits[1])?;

    let before = t.lower_before(i, 24);
    let named = has_word(&before, CPR_CONTEXT);
    let hyphenated = separated.is_some_and(|c| !c.is_whitespace());
    if separated.is_none() && !named && has_word(&before, OTHER_NUMBER_CONTEXT) {
        // An account, order or case number written as one run of digits.
        return None;
    }
    let mut confidence = if hyphenated {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    if mod11_ok(&digits) {
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
