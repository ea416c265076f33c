//! Benchmark: the PDF meeting pack beside the Markdown export of the same entries, in one run.
//!
//! For 1, 20, 200 and 1,000 entries (the most one PDF holds), the whole export as a person
//! starts it (the guard, the entries read, the file written) to PDF and to Markdown, measured
//! in turn; the PDF's extra is Typst's layout, each time from nothing (`eftertanke-pdf` empties
//! Typst's memo cache after every pack, so a repeat is not served from it). Also its size.
//!
//! Run: `cargo bench -p eftertanke-pdf --bench pdf` (RUNS=N sets the repetitions; the 1,000
//! runs a third as often).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::export::{ExportFormat, ExportRequest, FindingsChoice};
use eftertanke_core::reflection::demo;
use eftertanke_core::{EntryId, Locale, Store};
use std::path::Path;

// The core's benchmarks' timing, shared: this one times with `measure_pair` only.
#[allow(dead_code)]
#[path = "../../core/benches/timing/mod.rs"]
mod timing;
use timing::measure_pair;

fn export(store: &Store, format: ExportFormat, ids: &[EntryId], path: &Path) {
    store
        .export(
            &ExportRequest {
                format,
                entries: ids.to_vec(),
                path: path.to_path_buf(),
                findings: FindingsChoice::Keep,
                locale: Locale::Da,
                passphrase: None,
            },
            &mut |_| true,
        )
        .unwrap();
}

fn main() {
    eftertanke_core::export::use_typesetter(Box::new(eftertanke_pdf::Typst));
    let runs: usize = std::env::var("RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let until = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let ids = store
        .create_entries(&demo::entries(1000, 20, &[Locale::Da], 2026, until))
        .unwrap();
    println!("export of demo entries: PDF (Typst) beside Markdown, p50 and p95 in ms");
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>8} {:>10}",
        "entries", "pdf p50", "pdf p95", "md p50", "md p95", "ratio", "pdf size"
    );
    for n in [1usize, 20, 200, 1000] {
        let (pdf, md) = (tmp.path().join(format!("{n}.pdf")), tmp.path().join(format!("{n}.md")));
        let some = &ids[..n];
        let reps = if n == 1000 { runs.div_ceil(3) } else { runs };
        let (p, m) = measure_pair(
            reps,
            || export(&store, ExportFormat::Pdf, some, &pdf),
            || export(&store, ExportFormat::Markdown, some, &md),
        );
        let size = std::fs::metadata(&pdf).unwrap().len();
        println!(
            "{n:>8} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>7.0}x {:>8} KB",
            p.0 * 1e3,
            p.1 * 1e3,
            m.0 * 1e3,
            m.1 * 1e3,
            p.0 / m.0,
            size / 1024
        );
    }
}
