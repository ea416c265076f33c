//! A journal exported as JSON and imported into an empty journal is the same journal.

use super::export;
use crate::search::found;
use crate::with;
use eftertanke_core::export::{ExportFormat, ExportRequest, FindingsChoice};
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::{InitiativeInput, Locale, OpenOptions, Store};
use serde_json::json;

#[test]
fn a_journal_exported_and_imported_into_an_empty_one_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = Store::open_in_dir(&tmp.path().join("a"), &OpenOptions::default()).unwrap();
    let ids = source.create_entries(&reference_case(Locale::Da)).unwrap();
    source
        .link_entries(ids[1], ids[0], eftertanke_core::LinkKind::FollowsUp)
        .unwrap();
    let mut tagged = with(&[
        ("occurred_on", json!("2026-11-02")),
        ("headline", json!("Lektiecafé \"i\" kælderen")),
        ("outcome", json!("too_early")),
        ("what_happened", json!("Linje et\nLinje to — æøå ÆØÅ é ü 🙂")),
    ]);
    tagged.tags = vec!["efterår".into(), "lektier".into()];
    let third = source.create_entry(&tagged, None).unwrap();
    source.update_entry(third.id, &tagged, None).unwrap();
    let first = source.get_entry(ids[0]).unwrap();
    if let Some(a) = first.actions.first() {
        source.set_action_status(a.id, "done", "To møder holdt").unwrap();
    }
    let initiative = source.list_initiatives().unwrap()[0].clone();
    source
        .update_initiative(
            initiative.id,
            &InitiativeInput {
                title: initiative.title.clone(),
                neighbourhood: "Vestparken".into(),
                citizen_group: "Mødre".into(),
                purpose: "Dansk".into(),
            },
        )
        .unwrap();

    let file = tmp.path().join("journal.json");
    let report = export(&source, ExportFormat::Json, &file, &[], FindingsChoice::Keep).unwrap();
    assert_eq!(report.entries, 3);

    let mut target = Store::open_in_dir(&tmp.path().join("b"), &OpenOptions::default()).unwrap();
    let imported = target.import_file(&file, None, &[], &mut |_| true).unwrap();
    assert_eq!((imported.added, imported.links), (3, 1));

    for id in [ids[0], ids[1], third.id] {
        let (a, b) = (source.get_entry(id).unwrap(), target.get_entry(id).unwrap());
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap(),
            "entry {id} is the same, with its author, times, revision, actions and tags"
        );
    }
    assert_eq!(
        serde_json::to_value(source.list_initiatives().unwrap()).unwrap(),
        serde_json::to_value(target.list_initiatives().unwrap()).unwrap(),
        "the initiatives keep their ids and words"
    );
    assert_eq!(
        serde_json::to_value(source.links_of(ids[1]).unwrap()).unwrap(),
        serde_json::to_value(target.links_of(ids[1]).unwrap()).unwrap()
    );
    assert_eq!(found(&target, "kælderen"), [third.id], "what is imported is found");

    // The same file again changes nothing; a newer revision replaces an older one.
    let again = target.import_file(&file, None, &[], &mut |_| true).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
    let mut newer = tagged.clone();
    newer.answers.insert("what_happened".into(), json!("Nu kom alle."));
    source.update_entry(third.id, &newer, None).unwrap();
    export(&source, ExportFormat::Json, &file, &[third.id], FindingsChoice::Keep).unwrap();
    // Named before it changes anything, and changed only when accepted.
    let preview = target.import_preview_file(&file, None).unwrap();
    assert_eq!(preview.changes.len(), 1);
    assert_eq!(preview.changes[0].id, third.id);
    assert_eq!(preview.changes[0].changed, ["what_happened"]);
    let declined = target.import_file(&file, None, &[], &mut |_| true).unwrap();
    assert_eq!((declined.updated, declined.declined), (0, 1));
    assert_ne!(target.get_entry(third.id).unwrap().what_happened, "Nu kom alle.");
    let merged = target.import_file(&file, None, &[third.id], &mut |_| true).unwrap();
    assert_eq!(merged.updated, 1);
    assert_eq!(target.get_entry(third.id).unwrap().what_happened, "Nu kom alle.");

    // A deletion here is not undone by an import.
    target.delete_entry(third.id).unwrap();
    let after = target.import_file(&file, None, &[], &mut |_| true).unwrap();
    assert_eq!(after.deleted_here, 1);
    assert!(target.get_entry(third.id).is_err());
}

#[test]
fn an_encrypted_copy_opens_only_with_its_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = Store::open_in_memory().unwrap();
    source.create_entries(&reference_case(Locale::Da)).unwrap();
    let path = tmp.path().join("flyt.json");
    let report = source
        .export(
            &ExportRequest {
                format: ExportFormat::Json,
                entries: vec![],
                path: path.clone(),
                findings: FindingsChoice::Keep,
                locale: Locale::Da,
                passphrase: Some("en lang nok frase".into()),
            },
            &mut |_| true,
        )
        .unwrap();
    assert_eq!(report.files, [tmp.path().join("flyt.json.age")]);
    let bytes = std::fs::read(&report.files[0]).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(
        !String::from_utf8_lossy(&bytes).contains("mødre"),
        "nothing readable in it"
    );

    let mut target = Store::open_in_memory().unwrap();
    let none = target
        .import_file(&report.files[0], None, &[], &mut |_| true)
        .unwrap_err();
    assert!(none.to_string().contains("encrypted"), "{none}");
    let wrong = target
        .import_file(&report.files[0], Some(&"forkert frase!".into()), &[], &mut |_| true)
        .unwrap_err();
    assert!(wrong.to_string().contains("passphrase"), "{wrong}");
    assert_eq!(target.count_entries().unwrap(), 0);
    let ok = target
        .import_file(&report.files[0], Some(&"en lang nok frase".into()), &[], &mut |_| true)
        .unwrap();
    assert_eq!(ok.added, 2);
}

/// An encrypted copy is as strong as the journal: the journal's minimum passphrase, in the
/// journal's words, and scrypt at age's own default work factor, 2^18.
#[test]
fn an_encrypted_copy_takes_the_journals_passphrase_rule_and_ages_work_factor() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = Store::open_in_memory().unwrap();
    source.create_entries(&reference_case(Locale::Da)).unwrap();
    let request = |passphrase: &str| ExportRequest {
        format: ExportFormat::Json,
        entries: vec![],
        path: tmp.path().join("flyt.json"),
        findings: FindingsChoice::Keep,
        locale: Locale::Da,
        passphrase: Some(passphrase.into()),
    };
    let short = source.export(&request("ni tegn!!"), &mut |_| true).unwrap_err();
    assert_eq!(short.problem(), Some(eftertanke_core::Problem::TooShort), "{short}");
    assert!(short.to_string().contains("at least 10 characters"), "{short}");
    assert!(!tmp.path().join("flyt.json.age").exists(), "nothing written");

    let report = source.export(&request("ti tegn!!!"), &mut |_| true).unwrap();
    let bytes = std::fs::read(&report.files[0]).unwrap();
    let header = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
    let stanza = header.lines().find(|l| l.starts_with("-> scrypt ")).expect(&header);
    assert_eq!(stanza.rsplit(' ').next(), Some("18"), "{stanza}");
}

/// The encrypted copy is a standard age file: the `age` CLI (Debian's package `age`, installed
/// by `scripts/setup.sh test`) opens it with the passphrase. age reads a passphrase only from a
/// terminal, so it runs under `script`, which gives it one.
#[test]
fn the_age_cli_opens_an_encrypted_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = Store::open_in_memory().unwrap();
    source.create_entries(&reference_case(Locale::Da)).unwrap();
    let report = source
        .export(
            &ExportRequest {
                format: ExportFormat::Json,
                entries: vec![],
                path: tmp.path().join("flyt.json"),
                findings: FindingsChoice::Keep,
                locale: Locale::Da,
                passphrase: Some("en lang nok frase".into()),
            },
            &mut |_| true,
        )
        .unwrap();
    let plain = tmp.path().join("opened.json");
    let command = format!(
        "age --decrypt --output '{}' '{}'",
        plain.display(),
        report.files[0].display()
    );
    let mut child = std::process::Command::new("timeout")
        .args([
            "60",
            "script",
            "--quiet",
            "--return",
            "--command",
            &command,
            "/dev/null",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("script (util-linux) and age are needed: scripts/setup.sh test installs age");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"en lang nok frase\n").unwrap();
    assert!(child.wait().unwrap().success(), "age could not open the file");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&plain).unwrap()).unwrap();
    assert_eq!(json["entries"].as_array().map(Vec::len), Some(2), "{json}");
}

#[test]
fn markdown_is_one_file_or_one_per_entry_with_front_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let ids = store.create_entries(&reference_case(Locale::Da)).unwrap();
    let mut hostile = with(&[
        ("occurred_on", json!("2026-11-02")),
        ("headline", json!("# Ikke en overskrift")),
        ("outcome", json!("failed")),
        ("what_happened", json!("- ikke en liste\n[link](http://x) <script>")),
    ]);
    hostile.tags = vec!["a\"b".into()];
    let h = store.create_entry(&hostile, None).unwrap();

    let one = tmp.path().join("alle.md");
    export(&store, ExportFormat::Markdown, &one, &[], FindingsChoice::Keep).unwrap();
    let text = std::fs::read_to_string(&one).unwrap();
    assert!(
        text.contains("# \\# Ikke en overskrift"),
        "a person's words stay literal"
    );
    assert!(text.contains("\\- ikke en liste") && text.contains("\\<script\\>"));
    assert!(text.contains("## "), "the guide's steps are headings");

    let dir = tmp.path().join("hver");
    std::fs::create_dir(&dir).unwrap();
    let report = export(
        &store,
        ExportFormat::Markdown,
        &dir,
        &[ids[0], h.id],
        FindingsChoice::Keep,
    )
    .unwrap();
    assert_eq!(report.files.len(), 2);
    let own = std::fs::read_to_string(
        report
            .files
            .iter()
            .find(|f| f.to_string_lossy().contains("ikke-en-overskrift"))
            .unwrap(),
    )
    .unwrap();
    assert!(own.starts_with("---\nid: "), "{own}");
    assert!(own.contains("title: \"# Ikke en overskrift\"\n"));
    assert!(own.contains("tags: [\"a\\\"b\"]\n"), "{own}");
}
