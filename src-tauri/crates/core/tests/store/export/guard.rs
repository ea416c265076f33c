//! Before anything leaves as a readable file, the guard reads every text and the person chooses.

use super::export;
use crate::search::said;
use eftertanke_core::export::{ExportFormat, FindingsChoice};
use eftertanke_core::{ErrorKind, FindingKind, Problem, Store};

#[test]
fn the_guard_runs_before_export_and_the_choice_is_the_persons() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let clean = store.create_entry(&said("Kaffe", "Tre kom."), None).unwrap();
    let phone = store
        .create_entry(&said("Opkald", "Ring til 22 34 56 78 i morgen."), None)
        .unwrap();
    store.set_never_store_words(&["Fatima".into()]).unwrap();
    let named = store
        .create_entry(&said("Mødet med Fatima", "Fatima kom."), None)
        .unwrap();

    let findings = store.export_findings(&[]).unwrap();
    let kinds: Vec<(bool, FindingKind)> = findings.iter().map(|f| (f.entry == phone.id, f.kind)).collect();
    assert!(kinds.contains(&(true, FindingKind::Phone)), "{findings:?}");
    assert_eq!(
        findings.iter().filter(|f| f.entry == named.id).count(),
        2,
        "the never-store word, in the title and the text"
    );

    let file = tmp.path().join("ud.json");
    let err = export(&store, ExportFormat::Json, &file, &[], FindingsChoice::Refuse).unwrap_err();
    assert_eq!(
        (err.kind(), err.problem()),
        (ErrorKind::InvalidInput, Some(Problem::PersonalData))
    );
    assert!(!file.exists(), "refused: nothing is written");

    let out = export(&store, ExportFormat::Json, &file, &[], FindingsChoice::LeaveOut).unwrap();
    assert_eq!((out.entries, out.left_out), (1, 2));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&clean.id.to_string()) && !text.contains("Fatima") && !text.contains("22 34"));

    let out = export(
        &store,
        ExportFormat::Markdown,
        &tmp.path().join("ud.md"),
        &[],
        FindingsChoice::Replace,
    )
    .unwrap();
    assert_eq!(out.entries, 3);
    assert!(out.replaced >= 3);
    let md = std::fs::read_to_string(tmp.path().join("ud.md")).unwrap();
    assert!(!md.contains("Fatima") && !md.contains("22 34 56 78"), "{md}");
    assert!(md.contains("Mødet med borger A"), "the title too: {md}");
    assert_eq!(
        store.get_entry(named.id).unwrap().title,
        "Mødet med Fatima",
        "the journal itself is not changed"
    );

    export(&store, ExportFormat::Json, &file, &[clean.id], FindingsChoice::Refuse).unwrap();
}
