//! The `settings` table: this installation's preferences, one row per key.

use super::Store;
use crate::error::Result;
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
