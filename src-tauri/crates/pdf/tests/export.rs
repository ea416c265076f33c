//! The meeting pack as a reader gets it: pages counted by `pdfinfo`, words read back by
//! `pdftotext` (poppler-utils, installed by `scripts/setup.sh test`); the guard before it; too
//! many entries, and a stop while the pages are laid out, write nothing. The core's export,
//! with this crate's typesetter handed to it, as the shells do.

#![allow(clippy::unwrap_used)]

use eftertanke_core::export::{ExportFormat, ExportReport, ExportRequest, FindingsChoice};
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::{EntryId, EntryInput, ErrorKind, Locale, Problem, Result, Store};
use serde_json::json;
use std::path::Path;
use std::process::Command;

/// The core's store, able to make PDFs (as the app and the CLI set it up at their start).
fn store() -> Store {
    eftertanke_core::export::use_typesetter(Box::new(eftertanke_pdf::Typst));
    Store::open_in_memory().unwrap()
}

/// An entry titled `title` whose "what happened" is `text`.
fn said(title: &str, text: &str) -> EntryInput {
    EntryInput {
        guide_id: "co-production".into(),
        guide_version: Some(1),
        answers: [
            ("occurred_on", json!("2026-10-01")),
            ("headline", json!(title)),
            ("outcome", json!("partly")),
            ("what_happened", json!(text)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
        complete: false,
        tags: Vec::new(),
        override_personal_data: false,
        follows_up: None,
    }
}

fn export(
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

fn poppler(tool: &str, pdf: &Path) -> String {
    let mut cmd = Command::new(tool);
    cmd.arg(pdf);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: scripts/setup.sh test installs it ({e})"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", pdf);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

fn request(path: &Path, locale: Locale) -> ExportRequest {
    ExportRequest {
        format: ExportFormat::Pdf,
        entries: Vec::new(),
        path: path.to_path_buf(),
        findings: FindingsChoice::Keep,
        locale,
        passphrase: None,
    }
}

#[test]
fn a_selection_prints_as_a_meeting_pack_in_either_language() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = store();
    let ids = store.create_entries(&reference_case(Locale::Da)).unwrap();
    let (first, second) = (store.get_entry(ids[0]).unwrap(), store.get_entry(ids[1]).unwrap());

    let da = tmp.path().join("pakke.pdf");
    let report = export(&store, ExportFormat::Pdf, &da, &[ids[1], ids[0]], FindingsChoice::Keep).unwrap();
    assert_eq!((report.entries, report.files.clone()), (2, vec![da.clone()]));
    let text = poppler("pdftotext", &da);
    // A title page, the contents, and each entry from a page of its own.
    let sheets: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages(&da) >= 4, "{text}");
    assert!(sheets[0].contains("2 refleksioner"), "the title page: {}", sheets[0]);
    assert!(sheets[1].contains("Indhold"), "the contents: {}", sheets[1]);
    let (at_second, at_first) = (
        sheets[1].find(&second.title[..20]).unwrap(),
        sheets[1].find(&first.title[..20]).unwrap(),
    );
    assert!(
        at_second < at_first,
        "the contents keep the order asked for: {}",
        sheets[1]
    );
    assert!(sheets[2].trim_start().starts_with(&second.title[..20]), "{}", sheets[2]);
    let starts = sheets
        .iter()
        .filter(|s| s.trim_start().starts_with(&first.title[..20]))
        .count();
    assert_eq!(starts, 1, "the first entry starts a page of its own");
    // Their æøå words, and the guide's Danish questions as headings.
    for w in ["mødre", "Vestparken", "Hvad skete der faktisk?", "Side 3 af"] {
        assert!(text.contains(w), "{w:?} is not in the PDF:\n{text}");
    }

    let en = tmp.path().join("pack.pdf");
    store.export(&request(&en, Locale::En), &mut |_| true).unwrap();
    let text = poppler("pdftotext", &en);
    for w in ["2 reflections", "Contents", "What actually happened?", "Page 3 of"] {
        assert!(text.contains(w), "{w:?} is not in the English PDF:\n{text}");
    }
}

#[test]
fn the_guard_reads_a_pdf_before_it_is_made() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = store();
    let phone = store
        .create_entry(&said("Opkald til Ærøvej", "Ring til 22 34 56 78 i morgen."), None)
        .unwrap();
    let pdf = tmp.path().join("ud.pdf");
    let err = export(&store, ExportFormat::Pdf, &pdf, &[phone.id], FindingsChoice::Refuse).unwrap_err();
    assert_eq!(err.problem(), Some(Problem::PersonalData));
    assert!(!pdf.exists(), "refused: nothing is written");

    export(&store, ExportFormat::Pdf, &pdf, &[phone.id], FindingsChoice::Replace).unwrap();
    let text = poppler("pdftotext", &pdf);
    assert!(
        text.contains("Opkald til Ærøvej") && !text.contains("22 34 56 78"),
        "{text}"
    );
    assert_eq!(pages(&pdf), 1, "one entry is printed as itself, with no title page");
}

#[test]
fn more_entries_than_a_pack_holds_are_refused_before_anything_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = store();
    let many: Vec<_> = (0..=eftertanke_core::export::pdf::MOST_ENTRIES)
        .map(|i| said(&format!("Forsøg {i}"), "Kort."))
        .collect();
    store.create_entries(&many).unwrap();
    let pdf = tmp.path().join("alle.pdf");
    let mut asked = 0;
    let err = store
        .export(&request(&pdf, Locale::Da), &mut |_| {
            asked += 1;
            true
        })
        .unwrap_err();
    assert_eq!((err.field(), err.problem()), (Some("entries"), Some(Problem::TooLong)));
    assert!(err.to_string().contains("at most 1000"), "{err}");
    assert_eq!(asked, 0, "refused at once");
    assert!(!pdf.exists());
}

#[test]
fn a_stop_while_the_pages_are_laid_out_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = store();
    let entries: Vec<_> = (0..200)
        .map(|i| {
            said(
                &format!("Forsøg nummer {i} i beboerhuset"),
                &"Få kom, og de gik før tid. ".repeat(40),
            )
        })
        .collect();
    store.create_entries(&entries).unwrap();
    let pdf = tmp.path().join("stoppet.pdf");
    // Every entry is read; then the layout asks again while it works, and is told to stop.
    let mut at_the_end = 0;
    let err = store
        .export(&request(&pdf, Locale::Da), &mut |p| {
            if p.done < p.total {
                return true;
            }
            at_the_end += 1;
            at_the_end < 3
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    assert_eq!(at_the_end, 3, "the layout asked while it worked");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "no file, and no temporary file"
    );
}
