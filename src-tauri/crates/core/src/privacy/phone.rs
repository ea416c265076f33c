//! Danish phone numbers: eight digits whose first is 2–9 (the Danish numbering plan keeps 1
//! for short service numbers), optionally after `+45` or `0045`, written unspaced, in pairs
//! (`12 34 56 78`, `12-34-56-78`) or as 4 + 4 (`1234 5678`).
//!
//! Eight digits in a row are also dates, amounts and CVR or case numbers, so an unprefixed
//! number is refused when its neighbours say it is one of those, and an unspaced one when it
//! reads as a date.

use super::text::{Chars, ends_with_word, has_word};
use super::{Confidence, FindingKind, Hit};
use chrono::NaiveDate;

/// Words that, just before a number, say it is a phone number.
const PHONE_CONTEXT: &[&str] = &[
    "tlf",
    "tlf.nr",
    "tlfnr",
    "telefon",
    "telefonnummer",
    "mobil",
    "mobilnummer",
    "mob",
    "ring",
    "sms",
    "phone",
    "tel",
    "mobile",
    "call",
];

/// Words that, just before a number, say it is something else.
const OTHER_NUMBER_CONTEXT: &[&str] = &[
    "cvr",
    "cvr-nr",
    "cvrnr",
    "p-nr",
    "se-nr",
    "sag",
    "sagsnr",
    "sagsnummer",
    "j.nr",
    "jnr",
    "journalnr",
    "konto",
    "kontonr",
    "ordre",
    "ordrenr",
    "faktura",
    "fakturanr",
    "isbn",
    "ean",
    "ref",
    "kunde",
    "kundenr",
    "case",
    "invoice",
    "order",
    "account",
];

/// Separators that make a digit group beside the number part of one longer number (a
/// spaced run of digits is one number too).
const GROUPING: &[char] = &['-', '.', '/', ':', ',', ' '];

/// Currency just before a number makes it an amount.
const CURRENCY_BEFORE: &[&str] = &["kr", "dkk", "eur", "€", "$"];

/// What may follow an amount.
const AMOUNT_AFTER: &[&str] = &[" kr", "kr", ",-", " dkk", " euro", " €", "€", ".-", " mio", " kroner"];

pub(super) fn find(t: &Chars) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < t.len() {
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

/// The length of a `+45` / `0045` prefix (with one space or hyphen after it) at `i`.
fn prefix(t: &Chars, i: usize) -> usize {
    let is = |k: usize, s: &str| s.chars().enumerate().all(|(n, c)| t.at(k + n) == Some(c));
    let len = if is(i, "+45") {
        3
    } else if is(i, "0045") {
        4
    } else {
        return 0;
    };
    match t.at(i + len) {
        Some(' ' | '\u{a0}' | '-') => len + 1,
        _ => len,
    }
}

/// The end of an eight-digit body starting at `b`, and whether it was spaced.
fn body(t: &Chars, b: usize) -> Option<(usize, bool)> {
    if !t.at(b).is_some_and(|c| ('2'..='9').contains(&c)) {
        return None;
    }
    let sep_at = |k: usize, allowed: &[char]| t.at(k).is_some_and(|c| allowed.contains(&c));
    if t.digits_at(b, 8) {
        return Some((b + 8, false));
    }
    if t.digits_at(b, 4) && sep_at(b + 4, &[' ', '\u{a0}']) && t.digits_at(b + 5, 4) {
        return Some((b + 9, true));
    }
    let sep = t.at(b + 2).filter(|c| matches!(c, ' ' | '\u{a0}' | '-'))?;
    let pairs = (0..4).all(|p| t.digits_at(b + 3 * p, 2)) && (1..4).all(|p| t.at(b + 3 * p - 1) == Some(sep));
    pairs.then_some((b + 11, true))
}

/// Reads as a date: `YYYYMMDD` or `DDMMYYYY` in the last two centuries.
fn looks_like_date(t: &Chars, b: usize) -> bool {
    let n = |k: usize, len: usize| t.number(k, len);
    let plausible = |y: u32| (1900..2100).contains(&y);
    let ymd = plausible(n(b, 4)) && NaiveDate::from_ymd_opt(n(b, 4) as i32, n(b + 4, 2), n(b + 6, 2)).is_some();
    let dmy = plausible(n(b + 4, 4)) && NaiveDate::from_ymd_opt(n(b + 4, 4) as i32, n(b + 2, 2), n(b, 2)).is_some();
    ymd || dmy
}

fn candidate(t: &Chars, i: usize) -> Option<Hit> {
    let c = t.at(i)?;
    if !(c.is_ascii_digit() || c == '+') || t.before(i).is_some_and(|p| p.is_alphanumeric() || p == '+') {
        return None;
    }
    let pre = prefix(t, i);
    let (end, spaced) = body(t, i + pre)?;
    if !t.standalone(i, end) || t.part_of_longer_number(i, end, GROUPING) {
        return None;
    }
    let before = t.lower_before(i, 24);
    let named = has_word(&before, PHONE_CONTEXT);
    if pre == 0 && !named {
        let after = t.lower_after(end, 7);
        if ends_with_word(&before, CURRENCY_BEFORE)
            || has_word(&before, OTHER_NUMBER_CONTEXT)
            || AMOUNT_AFTER.iter().any(|a| after.starts_with(a))
            || (!spaced && looks_like_date(t, i))
        {
            return None;
        }
    }
    let confidence = if pre > 0 || named {
        Confidence::High
    } else if spaced {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    Some(Hit {
        kind: FindingKind::Phone,
        confidence,
        start: i,
        end,
    })
}
