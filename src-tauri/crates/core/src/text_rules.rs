//! What typed text may hold. A one-line field (a title, a name, a role, an action) holds no
//! control character and no bidirectional override — a terminal or a table would obey them, so
//! a title could run escape codes or forge a row; a long text may hold line breaks and tabs,
//! and nothing else below U+0020. A text of nothing but invisible characters is empty.

/// Why a text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A control character (the first one found).
    Control(char),
    /// A bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    Bidi(char),
}

impl Refused {
    /// The sentence a person reads.
    pub fn message(self) -> String {
        match self {
            Refused::Control('\n' | '\r') => "one line of text: no line breaks".to_owned(),
            Refused::Control(c) => format!("holds a control character (U+{:04X}), which cannot be typed", c as u32),
            Refused::Bidi(c) => format!(
                "holds a text-direction override (U+{:04X}), which can make text show in another order than it is",
                c as u32
            ),
        }
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing: zero-width space, joiners, marks, word joiner and invisible
/// operators, byte-order mark, soft hyphen, combining grapheme joiner, Mongolian vowel
/// separator, and the bidi controls.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    ) || is_bidi_control(c)
}

/// A one-line field: refused if it holds a control character or a bidi override.
pub fn check_line(text: &str) -> Result<(), Refused> {
    for c in text.chars() {
        if c.is_control() {
            return Err(Refused::Control(c));
        }
        if is_bidi_control(c) {
            return Err(Refused::Bidi(c));
        }
    }
    Ok(())
}

/// A long text, with its line ends made `\n`: refused if it holds another control character.
pub fn check_long(text: &str) -> Result<String, Refused> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        Some(c) => Err(Refused::Control(c)),
        None => Ok(text),
    }
}

/// Does the text show anything at all?
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// The text with every control character shown as `\u{…}` and bidi controls removed: for
/// printing what an older version may have stored, so nothing reaches a terminal raw.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else if !is_bidi_control(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_refuse_controls_and_overrides_and_long_texts_keep_lines() {
        assert_eq!(check_line("Danskkursus for mødre"), Ok(()));
        for (bad, why) in [
            ("a\u{1b}[2Jb", Refused::Control('\u{1b}')),
            ("two\nlines", Refused::Control('\n')),
            ("nul\0", Refused::Control('\0')),
            ("car\rriage", Refused::Control('\r')),
            ("\u{202E}tnemmoc", Refused::Bidi('\u{202E}')),
            ("iso\u{2066}late", Refused::Bidi('\u{2066}')),
        ] {
            assert_eq!(check_line(bad), Err(why), "{bad:?}");
        }
        assert_eq!(check_long("a\r\nb\rc\td").unwrap(), "a\nb\nc\td");
        assert_eq!(check_long("bell\u{7}"), Err(Refused::Control('\u{7}')));
    }

    #[test]
    fn invisible_only_is_blank_and_printing_shows_controls() {
        for blank in ["", "  ", "\u{200B}\u{200D}", "\u{FEFF}\u{2060}", "\u{00AD} \u{200E}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        assert!(!is_blank("\u{200B}a"));
        assert_eq!(printable("x\u{1b}[31my\n\u{202E}z"), "x\\u{1b}[31my\\u{a}z");
    }
}
