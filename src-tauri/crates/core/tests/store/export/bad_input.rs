//! A file offered for import that is not ours, is cut short, is of a newer format, holds a CPR
//! number or is otherwise hostile gets a clear message, and the journal is not changed.

use super::export;
use crate::search::said;
use eftertanke_core::export::{ExportFormat, FindingsChoice};
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::{ErrorKind, Locale, Problem, Store};
use serde_json::{Value, json};

/// A real export of the reference case, as JSON to change.
fn exported(tmp: &std::path::Path) -> Value {
    let mut store = Store::open_in_memory().unwrap();
    let ids = store.create_entries(&reference_case(Locale::Da)).unwrap();
    store
        .link_entries(ids[1], ids[0], eftertanke_core::LinkKind::FollowsUp)
        .unwrap();
    let path = tmp.join("real.json");
    export(&store, ExportFormat::Json, &path, &[], FindingsChoice::Keep).unwrap();
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn refused(bytes: &[u8]) -> eftertanke_core::Error {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("offered.json");
    std::fs::write(&path, bytes).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let keep = store.create_entry(&said("Bliver", "Som det var."), None).unwrap();
    let err = store.import_file(&path, None, &mut |_| true).unwrap_err();
    assert_eq!(store.count_entries().unwrap(), 1, "{err}: nothing was imported");
    assert_eq!(store.get_entry(keep.id).unwrap().revision, 1, "and nothing changed");
    assert!(err.to_string().contains("Nothing was imported"), "{err}");
    err
}

#[test]
fn a_file_that_is_not_ours_is_named_as_such() {
    let err = refused(br#"{"hello": "world"}"#);
    assert_eq!(
        (err.kind(), err.problem()),
        (ErrorKind::InvalidInput, Some(Problem::UnknownValue))
    );
    assert!(err.to_string().contains("not an Eftertanke export"));
    let err = refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(err.to_string().contains("is not JSON"), "{err}");
    let err = refused(b"");
    assert!(err.to_string().contains("ends early"), "{err}");
}

#[test]
fn a_file_cut_short_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let text = serde_json::to_string_pretty(&exported(tmp.path())).unwrap();
    for cut in [text.len() / 2, text.len() - 2, 40] {
        let err = refused(&text.as_bytes()[..cut]);
        assert_eq!(err.problem(), Some(Problem::Malformed), "{err}");
        assert!(err.to_string().contains("cut short"), "cut at {cut}: {err}");
    }
}

#[test]
fn a_newer_format_is_refused_with_both_versions_named() {
    let tmp = tempfile::tempdir().unwrap();
    let mut file = exported(tmp.path());
    file["version"] = json!(2);
    file["somethingNew"] = json!(true);
    let err = refused(serde_json::to_string(&file).unwrap().as_bytes());
    assert_eq!(err.problem(), Some(Problem::OutOfRange));
    assert!(
        err.to_string().contains("format 2") && err.to_string().contains("up to 1"),
        "{err}"
    );
}

#[test]
fn a_cpr_number_in_any_entry_refuses_the_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let mut file = exported(tmp.path());
    file["entries"][1]["answers"]["what_happened"] = json!("Borgeren 070761-4285 kom.");
    let err = refused(serde_json::to_string(&file).unwrap().as_bytes());
    assert_eq!(err.problem(), Some(Problem::PersonalData));
    assert_eq!(err.field(), Some("entries[1].answers.what_happened"));
}

/// A change made to a real export.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn hostile_files_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let base = exported(tmp.path());
    let cases: Vec<(&str, Change)> = vec![
        ("an unknown field", Box::new(|f| f["entries"][0]["evil"] = json!(1))),
        (
            "a title of a million characters",
            Box::new(|f| f["entries"][0]["answers"]["headline"] = json!("x".repeat(1_000_000))),
        ),
        (
            "an answer of the wrong type",
            Box::new(|f| f["entries"][0]["answers"]["interest_alignment"] = json!("høj")),
        ),
        (
            "an unknown guide",
            Box::new(|f| f["entries"][0]["guideId"] = json!("no-such-guide")),
        ),
        (
            "an id twice",
            Box::new(|f| {
                let first = f["entries"][0].clone();
                f["entries"].as_array_mut().unwrap().push(first);
            }),
        ),
        ("a revision of 0", Box::new(|f| f["entries"][0]["revision"] = json!(0))),
        (
            "a time that is not one",
            Box::new(|f| f["entries"][0]["updatedAt"] = json!("igår")),
        ),
        (
            "an action status that is not one",
            Box::new(
                |f| f["entries"][0]["actions"] = json!([{ "id": "0190a000-0000-7000-8000-000000000001", "status": "maybe", "createdAt": "2026-01-01T00:00:00.000000Z", "updatedAt": "2026-01-01T00:00:00.000000Z" }]),
            ),
        ),
        (
            "a link of an unknown kind",
            Box::new(|f| f["links"][0]["kind"] = json!("owns")),
        ),
        (
            "a link to an entry that is nowhere",
            Box::new(|f| f["links"][0]["to"] = json!("0190a000-0000-7000-8000-000000000002")),
        ),
        (
            "a link closing a circle",
            Box::new(|f| {
                let mut back = f["links"][0].clone();
                back["id"] = json!("0190a000-0000-7000-8000-000000000003");
                back["from"] = f["links"][0]["to"].clone();
                back["to"] = f["links"][0]["from"].clone();
                f["links"].as_array_mut().unwrap().push(back);
            }),
        ),
        (
            "a version that is not a number",
            Box::new(|f| f["version"] = json!("1")),
        ),
    ];
    for (what, change) in cases {
        let mut file = base.clone();
        change(&mut file);
        let err = refused(serde_json::to_string(&file).unwrap().as_bytes());
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput | ErrorKind::NotFound),
            "{what}: {err}"
        );
    }
}

#[test]
fn an_export_to_a_folder_that_is_not_there_or_a_bad_path_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.create_entries(&reference_case(Locale::Da)).unwrap();
    let gone = tmp.path().join("findes-ikke").join("ud.json");
    let err = export(&store, ExportFormat::Json, &gone, &[], FindingsChoice::Keep).unwrap_err();
    assert!(err.to_string().contains("findes-ikke"), "{err}");
    let err = export(
        &store,
        ExportFormat::Json,
        std::path::Path::new("relativ.json"),
        &[],
        FindingsChoice::Keep,
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("path"));
    let err = export(&store, ExportFormat::Json, tmp.path(), &[], FindingsChoice::Keep).unwrap_err();
    assert_eq!(err.field(), Some("path"), "JSON into a folder: a file is needed");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "no file, and no temporary file, is left"
    );
}
