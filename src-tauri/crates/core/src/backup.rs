//! Backups: consistent, encrypted copies of the database in `<data dir>/backups/`, named for
//! when and why they were made, verified by opening them.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The folder of backups beside a database file.
pub const BACKUP_DIR: &str = "backups";
/// How many backups are kept unless Settings say otherwise.
pub const DEFAULT_KEEP: usize = 14;
/// A daily backup is due when the newest backup is older than this.
pub const DAILY: chrono::TimeDelta = chrono::TimeDelta::hours(24);

const PREFIX: &str = "eftertanke-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

/// Why a backup was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The daily backup, made while the app runs.
    Daily,
    /// Always made before the schema is migrated to a new version.
    BeforeMigration,
    /// Asked for by the person (Settings, or `eftertanke backup`).
    Manual,
    /// The database as it was just before a restore replaced it.
    BeforeRestore,
}

impl BackupReason {
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::Manual => "manual",
            BackupReason::BeforeRestore => "before-restore",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        [Self::Daily, Self::BeforeMigration, Self::Manual, Self::BeforeRestore]
            .into_iter()
            .find(|r| r.slug() == slug)
    }
}

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file_name: String,
    pub created_at: DateTime<Utc>,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

impl BackupInfo {
    /// The file name a backup made now for `reason` gets.
    pub(crate) fn file_name_for(at: DateTime<Utc>, reason: BackupReason) -> String {
        format!("{PREFIX}{}-{}{SUFFIX}", at.format(STAMP), reason.slug())
    }

    /// Reads a backup's time and reason from its file name; `None` for any other file.
    pub fn parse(file_name: &str, size_bytes: u64) -> Option<Self> {
        let rest = file_name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
        let (stamp, slug) = rest.split_once('-')?;
        let created = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
        Some(Self {
            file_name: file_name.to_owned(),
            created_at: created,
            reason: BackupReason::from_slug(slug)?,
            size_bytes,
        })
    }
}

/// The backups folder for a database file.
pub fn backup_dir(database: &Path) -> PathBuf {
    database.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

/// The backups beside a database, newest first. A missing folder is an empty list.
pub fn list(database: &Path) -> crate::Result<Vec<BackupInfo>> {
    let dir = backup_dir(database);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(crate::Error::from_io(&dir, &e)),
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let size = e.metadata().ok()?.len();
            BackupInfo::parse(e.file_name().to_str()?, size)
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    Ok(out)
}

/// What opening a backup found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupCheck {
    pub schema_version: i64,
    pub entries: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_strangers_are_ignored() {
        let at = "2026-11-27T10:15:00.123Z".parse::<DateTime<Utc>>().expect("time");
        let name = BackupInfo::file_name_for(at, BackupReason::BeforeMigration);
        assert_eq!(name, "eftertanke-20261127T101500.123Z-before-migration.sqlite3");
        let info = BackupInfo::parse(&name, 7).expect("parses");
        assert_eq!(
            (info.created_at, info.reason, info.size_bytes),
            (at, BackupReason::BeforeMigration, 7)
        );
        for other in [
            "notes.txt",
            "eftertanke-x-daily.sqlite3",
            "eftertanke-20261127T101500.123Z-weekly.sqlite3",
        ] {
            assert!(BackupInfo::parse(other, 1).is_none(), "{other}");
        }
    }
}
