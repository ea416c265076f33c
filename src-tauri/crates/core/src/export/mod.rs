//! Taking a journal with you, and bringing one in: the JSON export's versioned format
//! (`format.rs` over the travelling records of `crate::records`, documented in
//! `docs/export-format.md`), entries as Markdown (`markdown.rs`) or a meeting pack to print
//! (`pdf.rs`, laid out by `eftertanke-pdf` through `typesetter.rs`), the choice made about
//! personal data before anything leaves (`findings.rs`), writing an export (`writing.rs`),
//! reading a file offered for import (`reading.rs`) and importing it (`import.rs`). The use
//! cases are `Store` methods here; the rows they read and merge are the store's tables
//! (`store/merged.rs` writes an import in one transaction).

pub mod findings;
pub mod format;
mod import;
pub mod markdown;
pub mod pack;
pub mod pdf;
pub mod reading;
mod typesetter;
mod words;
mod writing;

use crate::id::EntryId;
use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

pub use findings::{ExportFinding, FindingsChoice};
pub use typesetter::{Typesetter, use_typesetter};

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The whole of each entry, in Eftertanke's versioned format: for moving a journal or
    /// keeping an archive, and for importing again.
    Json,
    /// Readable text: one file for all, or one file per entry (with front matter) when the
    /// path is a folder.
    Markdown,
    /// A meeting pack to print and hand over: one entry, or several with a title page and
    /// contents, each starting on a new page.
    Pdf,
}

/// An export, as the window or the CLI asks for it.
#[derive(Clone, Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The entries to export, in this order; empty: the whole journal, newest first.
    #[serde(default)]
    pub entries: Vec<EntryId>,
    /// The file to write (or, for Markdown, a folder: one file per entry).
    #[ts(type = "string")]
    pub path: PathBuf,
    #[serde(default)]
    pub findings: FindingsChoice,
    /// The language of the questions and words of a Markdown or PDF export.
    pub locale: Locale,
    /// Encrypt the file with this passphrase (age, scrypt): `PATH.age` is written instead.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub passphrase: Option<crate::vault::secret::Secret>,
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    /// The files written.
    #[ts(type = "Array<string>")]
    pub files: Vec<PathBuf>,
    pub entries: u32,
    /// Entries left out because they hold personal data ([`FindingsChoice::LeaveOut`]).
    pub left_out: u32,
    /// Personal data replaced by role labels ([`FindingsChoice::Replace`]).
    pub replaced: u32,
    pub encrypted: bool,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Entries this journal did not have.
    pub added: u32,
    /// Entries this journal had in an older revision.
    pub updated: u32,
    /// Entries this journal already had as they are, or newer.
    pub unchanged: u32,
    /// Entries deleted in this journal: a deletion is never undone by an import.
    pub deleted_here: u32,
    /// Entries the file would have changed, left as they are because the person did not
    /// accept the change.
    pub declined: u32,
    pub initiatives: u32,
    pub links: u32,
}

/// What an import would do, before it does anything: each entry here it would change, named.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub added: u32,
    pub changes: Vec<ImportChange>,
    pub unchanged: u32,
    pub deleted_here: u32,
}

/// An entry of this journal that an import would replace with the file's newer version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportChange {
    pub id: crate::id::EntryId,
    /// The entry's title and date here, as the person knows it.
    pub title: String,
    #[ts(type = "string")]
    pub occurred_on: chrono::NaiveDate,
    /// The title in the file, when it differs.
    pub title_in_file: Option<String>,
    /// The questions whose answers differ (`"tags"` for the tags), in the guide's order.
    pub changed: Vec<String>,
    /// The guide version of the file's version, which words those questions.
    pub guide_id: String,
    pub guide_version: u32,
}

/// Where an export is offered to be saved: the Documents folder, named from today.
pub fn suggested_path(format: ExportFormat, locale: Locale) -> PathBuf {
    let name = match locale {
        Locale::Da => "refleksioner",
        Locale::En => "reflections",
    };
    let ext = match format {
        ExportFormat::Json => "json",
        ExportFormat::Markdown => "md",
        ExportFormat::Pdf => "pdf",
    };
    // The person's own day names the file (nothing stored is stamped with local time).
    #[allow(clippy::disallowed_methods)]
    let today = chrono::Local::now().date_naive();
    crate::files::documents_dir().join(format!("{name}-{today}.{ext}"))
}
