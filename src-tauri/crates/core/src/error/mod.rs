//! The one error type of the core. Shells branch on [`ErrorKind`], never on message text; each
//! message says what was being attempted and what the person can do about it.

mod classify;
pub(crate) mod disk_space;

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in a form the UI and CLI can branch on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input broke a rule; `field` names the field.
    InvalidInput,
    /// The record asked for does not exist (or was deleted).
    NotFound,
    /// The database file is damaged or is not a database at all.
    Corrupt,
    /// The file is a SQLite database, but not one of Eftertanke's.
    NotEftertanke,
    /// The database was written by a newer version of Eftertanke.
    NewerSchema,
    /// Another program holds the database locked.
    Locked,
    /// The data directory or database file cannot be written.
    Unwritable,
    /// The disk is full.
    DiskFull,
    /// The journal is locked: unlock it first.
    VaultLocked,
    /// The passphrase does not unlock the data; try again.
    WrongPassphrase,
    /// The recovery code does not unlock the data; try again.
    WrongRecoveryCode,
    /// The key file is damaged or missing, so the encrypted data cannot be opened.
    KeyFile,
    /// A file offered as a backup is not a readable Eftertanke backup.
    NotABackup,
    /// The data directory is on a network drive, where SQLite's locking is not safe.
    NetworkFileSystem,
    /// The person cancelled long work; nothing was changed.
    Cancelled,
    /// Anything else: a bug or an unexpected storage failure.
    Internal,
}

/// Why an input field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Required,
    NotADate,
    UnknownValue,
    TooLong,
    Malformed,
    /// The answer is not of the question's type (text for a scale, say).
    WrongType,
    /// The guide has no question with that id.
    UnknownQuestion,
    /// A link from an entry to itself.
    SelfLink,
    /// A "follows up on" link that would close the chain into a circle.
    Cycle,
    /// Shorter than the rule allows (a passphrase, say).
    TooShort,
    /// The answer holds a CPR number; saving needs it replaced or an explicit override.
    PersonalData,
    /// Another record already has this value (a journal's name, say), or the input gives it twice.
    Duplicate,
    /// Outside the values that make sense (a day in the year 9999, say).
    OutOfRange,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{field}: {message}")]
    Invalid {
        field: String,
        problem: Problem,
        message: String,
    },

    #[error("no {what} with id {id} exists; it may have been deleted")]
    NotFound { what: &'static str, id: String },

    #[error(
        "the database at {path} is damaged or is not a database. Nothing was changed. \
         Keep the file, and restore a backup or ask IT for help"
    )]
    Corrupt { path: PathBuf },

    #[error(
        "the file at {path} is a database, but not an Eftertanke database. Nothing was changed. \
         Point EFTERTANKE_DATA_DIR (or --db) at Eftertanke's own data"
    )]
    NotEftertanke { path: PathBuf },

    #[error(
        "the database at {path} was written by a newer version of Eftertanke (schema {found}; \
         this version knows up to {supported}). Nothing was changed. Install the newer version"
    )]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },

    #[error(
        "the database at {path} is locked by another program (perhaps Eftertanke is already open). \
         Close the other program and try again"
    )]
    Locked { path: PathBuf },

    #[error(
        "cannot write to {path}: {reason}. Choose a folder you can write to, or ask IT \
         to fix its permissions"
    )]
    Unwritable { path: PathBuf, reason: String },

    #[error(
        "the disk holding {path} is full, so nothing could be written. Nothing already saved was \
         lost{}. Free some space on that disk (empty the trash, move large files) and try again",
        if *draft_kept { "; your draft is kept and will be saved then" } else { "" }
    )]
    DiskFull {
        path: PathBuf,
        /// The failed save came from a draft, which is still there.
        draft_kept: bool,
    },

    #[error(
        "the journal in {path} is busy: another Eftertanke (the app or an `eftertanke` command) \
         is setting it up or restoring a backup, or has it open while a restore waits. Waited \
         {waited_secs} s. Try again in a moment, or close the other Eftertanke first"
    )]
    Busy { path: PathBuf, waited_secs: u64 },

    #[error(
        "the journal's database {path} is {what}, though its key file is there: the journal is \
         damaged. Nothing was created or changed. Restore the newest backup that opens (in the \
         app's recovery screen, or `eftertanke verify` and `eftertanke restore`)"
    )]
    JournalMissing { path: PathBuf, what: &'static str },

    #[error("{what} was cancelled. Nothing was changed")]
    Cancelled { what: &'static str },

    #[error("the journal is locked; unlock it with your passphrase")]
    VaultLocked,

    #[error("that passphrase does not unlock this journal. Check the keyboard layout and Caps Lock, and try again")]
    WrongPassphrase,

    #[error("that recovery code does not unlock this journal. Check it letter by letter and try again")]
    WrongRecoveryCode,

    #[error(
        "the key file {path} is damaged: {reason}. Nothing was changed. Restore the data directory \
         from a copy that includes the key file, or ask IT for help"
    )]
    KeyFileDamaged { path: PathBuf, reason: String },

    #[error(
        "the key file {path} cannot be read: {reason}. Nothing was changed. Check that this user \
         may read it (its owner and permissions), or ask IT for help"
    )]
    KeyFileUnreadable { path: PathBuf, reason: String },

    #[error(
        "the key file {path} does not open this journal's database: it belongs to another \
         journal (copied or restored from elsewhere). Nothing was changed. Put this journal's \
         own key file back — a copy is kept in the backups folder"
    )]
    KeyFileOfAnotherJournal { path: PathBuf },

    #[error(
        "the journal's data is encrypted, but its key file {path} is missing. Nothing was changed. \
         Put the key file back (it is copied into the backups folder), or ask IT for help"
    )]
    KeyFileMissing { path: PathBuf },

    #[error("{path} is not an Eftertanke backup that can be read ({reason}). Nothing was changed")]
    NotABackup { path: PathBuf, reason: String },
    #[error(
        "the data directory {path} is on a network drive ({file_system}). SQLite's locking is \
         not safe on network drives: the journal could be damaged or lose saved entries. No \
         database was created there. Choose a folder on this computer's own disk \
         (EFTERTANKE_DATA_DIR or --db), and share entries with colleagues through bundles or a \
         shared-folder export instead"
    )]
    NetworkFileSystem { path: PathBuf, file_system: String },

    /// Something that should not happen, with what was being done and, where there is one, the
    /// error that caused it (kept as the source, not only as text).
    #[error("unexpected error ({what}){}", cause_text(source.as_deref()))]
    Internal {
        what: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
    },
}

/// The cause as the message's end: ": " and its text, or nothing.
fn cause_text(source: Option<&(dyn std::error::Error + Send + Sync + 'static)>) -> String {
    source.map(|e| format!(": {e}")).unwrap_or_default()
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid { .. } => ErrorKind::InvalidInput,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Corrupt { .. } => ErrorKind::Corrupt,
            Error::NotEftertanke { .. } => ErrorKind::NotEftertanke,
            Error::NewerSchema { .. } => ErrorKind::NewerSchema,
            Error::Locked { .. } => ErrorKind::Locked,
            Error::Unwritable { .. } => ErrorKind::Unwritable,
            Error::DiskFull { .. } => ErrorKind::DiskFull,
            Error::Busy { .. } => ErrorKind::Locked,
            Error::JournalMissing { .. } => ErrorKind::Corrupt,
            Error::VaultLocked => ErrorKind::VaultLocked,
            Error::WrongPassphrase => ErrorKind::WrongPassphrase,
            Error::WrongRecoveryCode => ErrorKind::WrongRecoveryCode,
            Error::KeyFileDamaged { .. }
            | Error::KeyFileMissing { .. }
            | Error::KeyFileUnreadable { .. }
            | Error::KeyFileOfAnotherJournal { .. } => ErrorKind::KeyFile,
            Error::NotABackup { .. } => ErrorKind::NotABackup,
            Error::NetworkFileSystem { .. } => ErrorKind::NetworkFileSystem,
            Error::Cancelled { .. } => ErrorKind::Cancelled,
            Error::Internal { .. } => ErrorKind::Internal,
        }
    }

    /// The input field this error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn problem(&self) -> Option<Problem> {
        match self {
            Error::Invalid { problem, .. } => Some(*problem),
            _ => None,
        }
    }

    /// The same error, noting that the draft the failed save came from is kept.
    pub(crate) fn with_draft_kept(self, from_draft: bool) -> Self {
        match self {
            Error::DiskFull { path, .. } => Error::DiskFull {
                path,
                draft_kept: from_draft,
            },
            other => other,
        }
    }

    /// An unexpected failure while doing `what`, with no error beneath it.
    pub fn internal(what: impl Into<String>) -> Self {
        Error::Internal {
            what: what.into(),
            source: None,
        }
    }

    /// An unexpected failure while doing `what`, caused by `source`.
    pub fn caused(what: impl Into<String>, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        Error::Internal {
            what: what.into(),
            source: Some(Box::new(source)),
        }
    }

    pub fn invalid(field: &str, problem: Problem, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_owned(),
            problem,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let err = Error::Locked {
            path: "/x/eftertanke.sqlite3".into(),
        };
        assert!(
            err.to_string().contains("try again"),
            "a locked database must tell the user how to recover"
        );
        let err = Error::NetworkFileSystem {
            path: "/mnt/share".into(),
            file_system: "nfs".into(),
        };
        let text = err.to_string();
        assert!(
            text.contains("locking is not safe") && text.contains("own disk") && text.contains("bundles"),
            "a refused network drive must say why and where to keep the journal instead: {text}"
        );
    }
}
