//! The `settings` table: this installation's preferences, one row per key — the language and
//! the personal-data guard's "never store" list (a JSON array).

use super::Store;
use crate::error::{Error, Result};
use crate::privacy::{Finding, normalise_words, scan};
use crate::settings::{Language, Settings};
use crate::time;
use rusqlite::{OptionalExtension, params};

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let language: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = 'language'", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.fail(e))?;
        // An unknown value (written by a newer version) falls back to following the system.
        let language = language.as_deref().and_then(Language::from_code).unwrap_or_default();
        Ok(Settings { language })
    }

    pub fn set_language(&mut self, language: Language) -> Result<Settings> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES ('language', ?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![language.code(), time::to_db(time::now())],
            )
            .map_err(|e| self.fail(e))?;
        self.settings()
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
        let value = serde_json::to_string(&words).map_err(|e| Error::Internal(e.to_string()))?;
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
}
