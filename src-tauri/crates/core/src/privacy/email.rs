//! E-mail addresses: a local part, `@`, and a domain of at least two labels whose last is
//! two or more letters. Letters outside ASCII (æ, ø, å) are allowed on both sides.

use super::text::Chars;
use super::{Confidence, FindingKind, Hit};

fn is_local(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

pub(super) fn find(t: &Chars) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    for at in (0..t.len()).filter(|&k| t.at(k) == Some('@')) {
        if hits.last().is_some_and(|h| at < h.end) {
            continue;
        }
        let mut start = at;
        while start > 0 && t.before(start).is_some_and(is_local) {
            start -= 1;
        }
        // A sentence's punctuation is not part of the address.
        while start < at && t.at(start) == Some('.') {
            start += 1;
        }
        let mut end = at + 1;
        while t.at(end).is_some_and(is_domain) {
            end += 1;
        }
        while end > at + 1 && matches!(t.before(end), Some('.' | '-')) {
            end -= 1;
        }
        let local: String = t.chars[start..at].iter().collect();
        let domain: String = t.chars[at + 1..end].iter().collect();
        if valid(&local, &domain) {
            hits.push(Hit {
                kind: FindingKind::Email,
                confidence: Confidence::High,
                start,
                end,
            });
        }
    }
    hits
}

fn valid(local: &str, domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    !local.is_empty()
        && !local.ends_with('.')
        && !local.contains("..")
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && tld_ok
}
