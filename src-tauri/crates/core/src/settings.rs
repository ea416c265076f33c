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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub language: Language,
    /// Minutes without input before the app locks itself; 0 never locks.
    pub idle_lock_minutes: u32,
    /// How many backups are kept.
    pub backups_keep: u32,
}

/// The idle times Settings offers, in minutes (0: never).
pub const IDLE_LOCK_CHOICES: [u32; 6] = [2, 5, 10, 15, 30, 0];
/// The default idle lock: ten minutes, short enough for a shared office PC.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 10;
/// The range of backups that can be kept.
pub const BACKUPS_KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=100;

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::System,
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            backups_keep: crate::backup::DEFAULT_KEEP as u32,
        }
    }
}
