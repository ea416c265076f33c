//! Per-installation preferences.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language of the interface. `System` follows the operating system's locale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    System,
    Da,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::System => "system",
            Language::Da => "da",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Language::System, Language::Da, Language::En]
            .into_iter()
            .find(|l| l.code() == code)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub language: Language,
}
