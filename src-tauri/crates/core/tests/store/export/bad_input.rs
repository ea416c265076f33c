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
    let err = store.import_file(&path, None, &[], &mut |_| true).unwrap_err();
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

/// The guard reads every text an import brings, as saving does: an initiative's words and an
/// action's status note too, not only the answers.
#[test]
fn a_cpr_number_anywhere_in_the_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let real = exported(tmp.path());
    let mut in_initiative = real.clone();
    in_initiative["initiatives"][0]["purpose"] = json!("Borger 010203-1234 kom med");
    let err = refused(&serde_json::to_vec(&in_initiative).unwrap());
    assert_eq!(err.problem(), Some(Problem::PersonalData), "{err}");
    assert!(
        err.to_string().contains("initiatives[0].purpose") && !err.to_string().contains("1234"),
        "{err}"
    );
    let mut in_note = real.clone();
    let with_actions = in_note["entries"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| !e["actions"].as_array().unwrap().is_empty())
        .expect("the reference case has actions");
    in_note["entries"][with_actions]["actions"][0]["statusNote"] = json!("ringede til 0102031234");
    let err = refused(&serde_json::to_vec(&in_note).unwrap());
    assert_eq!(err.problem(), Some(Problem::PersonalData), "{err}");
    assert!(err.to_string().contains("statusNote"), "{err}");
}

/// An exported file edited by hand — a headline changed, the revision raised — is named before
/// it changes anything, changes nothing unless accepted, and the version it replaces stays in
/// the entry's history.
#[test]
fn a_file_edited_by_hand_is_named_and_needs_the_persons_yes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let ids = store.create_entries(&reference_case(Locale::Da)).unwrap();
    let path = tmp.path().join("mine.json");
    export(&store, ExportFormat::Json, &path, &[], FindingsChoice::Keep).unwrap();
    let mut file: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let at = file["entries"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["id"] == json!(ids[0]))
        .unwrap();
    let before = store.get_entry(ids[0]).unwrap();
    file["entries"][at]["answers"]["headline"] = json!("Ændret i hånden");
    file["entries"][at]["revision"] = json!(99);
    std::fs::write(&path, serde_json::to_vec(&file).unwrap()).unwrap();

    let preview = store.import_preview_file(&path, None).unwrap();
    assert_eq!(preview.changes.len(), 1, "{preview:?}");
    let change = &preview.changes[0];
    assert_eq!((change.id, change.title.as_str()), (ids[0], before.title.as_str()));
    assert_eq!(change.title_in_file.as_deref(), Some("Ændret i hånden"));
    assert_eq!(change.changed, ["headline"]);
    assert_eq!(change.occurred_on, before.occurred_on);

    let declined = store.import_file(&path, None, &[], &mut |_| true).unwrap();
    assert_eq!((declined.updated, declined.declined), (0, 1));
    assert_eq!(store.get_entry(ids[0]).unwrap().title, before.title);

    let accepted = store.import_file(&path, None, &[ids[0]], &mut |_| true).unwrap();
    assert_eq!(accepted.updated, 1);
    assert_eq!(store.get_entry(ids[0]).unwrap().title, "Ændret i hånden");
    let history = store.entry_history(ids[0]).unwrap();
    assert!(history.iter().any(|v| v.revision == before.revision), "{history:?}");
    let old = store.entry_version(ids[0], before.revision, Locale::Da).unwrap();
    assert!(serde_json::to_string(&old.document).unwrap().contains(&before.title));
}
