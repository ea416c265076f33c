//! Export and import: the JSON round trip into an empty journal loses nothing (`round_trip.rs`),
//! the guard runs before anything leaves (`guard.rs`), and a hostile, cut, newer or foreign file,
//! a full disk and a read-only folder change nothing (`bad_input.rs`), and the PDF meeting pack
//! reads as it should (`pdf.rs`).

mod bad_input;
mod guard;
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

/// The core typesets nothing itself: started without a typesetter (as its own tests are), a PDF
/// export says so and writes nothing; the PDF's tests live with the typesetter
/// (`crates/pdf/tests/export.rs`).
#[test]
fn without_a_typesetter_a_pdf_export_says_so_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_entry(&crate::search::said("Kaffe i opgangen", "Tre kom."), None)
        .unwrap()
        .id;
    let pdf = tmp.path().join("pakke.pdf");
    let err = export(&store, ExportFormat::Pdf, &pdf, &[id], FindingsChoice::Keep).unwrap_err();
    assert!(err.to_string().contains("without a typesetter"), "{err}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0, "nothing is written");
}
