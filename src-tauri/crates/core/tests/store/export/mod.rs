//! Export and import: the JSON round trip into an empty journal loses nothing (`round_trip.rs`),
//! the guard runs before anything leaves (`guard.rs`), and a hostile, cut, newer or foreign file,
//! a full disk and a read-only folder change nothing (`bad_input.rs`), and the PDF meeting pack
//! reads as it should (`pdf.rs`).

mod bad_input;
mod guard;
mod pdf;
mod round_trip;

use eftertanke_core::export::{ExportFormat, ExportReport, ExportRequest, FindingsChoice};
use eftertanke_core::{EntryId, Locale, Result, Store};
use std::path::Path;

pub fn export(
    store: &Store,
    format: ExportFormat,
    path: &Path,
    entries: &[EntryId],
    findings: FindingsChoice,
) -> Result<ExportReport> {
    store.export(
        &ExportRequest {
            format,
            entries: entries.to_vec(),
            path: path.to_path_buf(),
            findings,
            locale: Locale::Da,
            passphrase: None,
        },
        &mut |_| true,
    )
}
