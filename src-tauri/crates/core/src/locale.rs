//! The languages Eftertanke speaks — its interface, the role labels the guard writes, the demo
//! and the documents of an entry — as one type. Which one the interface uses is a preference
//! ([`crate::Settings::language`]: a locale, or none to follow the operating system).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A text in both interface languages (a guide's questions and options, a team guide's words).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LocalText {
    pub da: String,
    pub en: String,
}

/// Danish or English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    Da,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Da, Locale::En];

    /// The code stored and sent: `da` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Da => "da",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The locale of an operating system's tag ("da-DK", "da_DK.UTF-8", "en-GB"): Danish for
    /// Danish, English for anything else.
    pub fn of_os_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("da") {
            Locale::Da
        } else {
            Locale::En
        }
    }

    /// A guide's text in this locale.
    pub fn text(self, text: &LocalText) -> &str {
        match self {
            Locale::Da => &text.da,
            Locale::En => &text.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn codes_round_trip_and_os_tags_pick_danish_only_for_danish() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
        }
        assert_eq!(Locale::from_code("system"), None);
        assert_eq!(Locale::of_os_tag("da-DK"), Locale::Da);
        assert_eq!(Locale::of_os_tag("da_DK.UTF-8"), Locale::Da);
        assert_eq!(Locale::of_os_tag("en-GB"), Locale::En);
        assert_eq!(Locale::of_os_tag("sv-SE"), Locale::En);
    }
}
