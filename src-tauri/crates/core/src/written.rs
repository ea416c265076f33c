//! How the documents write what they print: a day in the reader's words, and a person's words
//! as Markdown reads them, literally. Shared by the export's pack and Markdown and by a team
//! session's document.

use crate::locale::Locale;
use chrono::NaiveDate;

/// A day as the reader writes it: "3. december 2026", "3 December 2026".
pub fn day(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::Da => date.format_localized("%-d. %B %Y", chrono::Locale::da_DK).to_string(),
        Locale::En => date.format_localized("%-d %B %Y", chrono::Locale::en_GB).to_string(),
    }
}

/// A `YYYY-MM-DD` day written by [`day`]; any other text as it is.
pub fn day_text(text: &str, locale: Locale) -> String {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_or_else(|_| text.to_owned(), |d| day(d, locale))
}

/// Text as Markdown reads it literally: a person's words never become headings, lists,
/// links or markup. Line breaks are kept.
pub fn literal(text: &str) -> String {
    text.lines().map(literal_line).collect::<Vec<_>>().join("  \n")
}

fn literal_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    for c in line.chars() {
        if "\\`*_[]<>#|~!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that would open a list: "- …", "+ …", "12. …", "3) …".
    let start = out.len() - out.trim_start().len();
    let rest = &out[start..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if rest.starts_with(['-', '+']) {
        out.insert(start, '\\');
    } else if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        out.insert(start + digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::literal;

    #[test]
    fn a_persons_words_stay_literal() {
        assert_eq!(literal("# Ikke en overskrift"), "\\# Ikke en overskrift");
        assert_eq!(literal("- ikke en liste"), "\\- ikke en liste");
        assert_eq!(literal("3. ikke nummereret"), "3\\. ikke nummereret");
        assert_eq!(literal("[link](http://x) <b>"), "\\[link\\](http://x) \\<b\\>");
        assert_eq!(literal("to\nlinjer"), "to  \nlinjer");
    }
}
