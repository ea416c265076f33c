//! Per-installation preferences.

use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The interface's language; `None` follows the operating system.
    pub language: Option<Locale>,
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
            language: None,
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            backups_keep: crate::backup::DEFAULT_KEEP as u32,
        }
    }
}
