//! The `settings` table: this installation's preferences, one row per key — the language and
//! the personal-data guard's "never store" list (a JSON array).

use super::Store;
use crate::error::{Error, Problem, Result};
use crate::locale::Locale;
use crate::privacy::{Finding, normalise_words, scan};
use crate::reflection::entry::EntryInput;
use crate::reflection::{EntryCheck, check_texts, entry_texts};
use crate::settings::{self, Settings};
use crate::time;
use rusqlite::{OptionalExtension, params};

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let defaults = Settings::default();
        // "system", or an unknown value (written by a newer version), follows the system.
        let language = self.setting("language")?.as_deref().and_then(Locale::from_code);
        let idle_lock_minutes = self
            .setting("idle_lock_minutes")?
            .and_then(|v| v.parse().ok())
            .filter(|m| settings::IDLE_LOCK_CHOICES.contains(m))
            .unwrap_or(defaults.idle_lock_minutes);
        let backups_keep = self
            .setting("backups_keep")?
            .and_then(|v| v.parse().ok())
            .filter(|k| settings::BACKUPS_KEEP_RANGE.contains(k))
            .unwrap_or(defaults.backups_keep);
        Ok(Settings {
            language,
            idle_lock_minutes,
            backups_keep,
        })
    }

    /// The interface's language; `None` follows the operating system.
    pub fn set_language(&mut self, language: Option<Locale>) -> Result<Settings> {
        self.put_setting("language", language.map_or("system", Locale::code))?;
        self.settings()
    }

    /// Minutes of no input before the app locks; one of [`settings::IDLE_LOCK_CHOICES`].
    pub fn set_idle_lock_minutes(&mut self, minutes: u32) -> Result<Settings> {
        if !settings::IDLE_LOCK_CHOICES.contains(&minutes) {
            return Err(Error::invalid(
                "idleLockMinutes",
                Problem::UnknownValue,
                format!("choose one of {:?} minutes (0: never)", settings::IDLE_LOCK_CHOICES),
            ));
        }
        self.put_setting("idle_lock_minutes", &minutes.to_string())?;
        self.settings()
    }

    /// How many backups to keep, within [`settings::BACKUPS_KEEP_RANGE`].
    pub fn set_backups_keep(&mut self, keep: u32) -> Result<Settings> {
        if !settings::BACKUPS_KEEP_RANGE.contains(&keep) {
            return Err(Error::invalid(
                "backupsKeep",
                Problem::UnknownValue,
                "keep between 1 and 100 backups",
            ));
        }
        self.put_setting("backups_keep", &keep.to_string())?;
        self.settings()
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.fail(e))
    }

    fn put_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![key, value, time::to_db(time::now())],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}

impl Store {
    /// The person's "never store" words and phrases, in the order they were given.
    pub fn never_store_words(&self) -> Result<Vec<String>> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = 'never_store'", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.fail(e))?;
        // A value this version cannot read (written by a newer one) counts as an empty list
        // rather than making the guard fail.
        Ok(stored
            .and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok())
            .unwrap_or_default())
    }

    /// Replaces the "never store" list (trimmed, without duplicates) and returns it as stored.
    pub fn set_never_store_words(&mut self, words: &[String]) -> Result<Vec<String>> {
        let words = normalise_words(words)?;
        let value = serde_json::to_string(&words).map_err(|e| Error::caused("keeping the never-store words", e))?;
        self.conn
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES ('never_store', ?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![value, time::to_db(time::now())],
            )
            .map_err(|e| self.fail(e))?;
        self.never_store_words()
    }

    /// Personal data in `text`, with this person's "never store" list.
    pub fn scan_text(&self, text: &str) -> Result<Vec<Finding>> {
        Ok(scan(text, &self.never_store_words()?))
    }

    /// The guard's check of an entry being written: every text of it (see
    /// [`crate::reflection::entry_texts`]) scanned once, with this person's "never store" list.
    /// The answers need not be valid yet; the guide must exist.
    pub fn check_entry(&self, input: &EntryInput) -> Result<EntryCheck> {
        let guide = input.guide(self.guides)?;
        let texts = entry_texts(guide, &input.answers, &input.tags);
        Ok(check_texts(texts, &self.never_store_words()?))
    }
}
