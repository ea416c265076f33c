//! `eftertanke export` and `import` between real processes and real file systems: a journal
//! exported and imported into an empty one reads the same, an encrypted copy opens only with its
//! passphrase, a bad file is refused with 65 and changes nothing, personal data stops the export
//! until the person says what to do, and an export to a full or read-only disk leaves no file
//! under the name asked for (a small tmpfs in a private mount namespace, as the journal's own
//! full-disk test does).

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

use crate::namespace::{mount, rerun_inside};
use crate::process::{ok, run, run_env};
use std::path::Path;
use std::process::Command;

fn ids(dir: &Path) -> Vec<String> {
    ok(dir, &["list", "--json", "--limit", "200"])
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn a_journal_exported_and_imported_by_another_process_reads_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    ok(&a, &["demo", "--reference-case"]);
    ok(&a, &["demo", "--entries", "40", "--language", "da", "--seed", "3"]);
    let file = tmp.path().join("alt.json");
    ok(
        &a,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
            "--findings",
            "keep",
        ],
    );
    let said = ok(&b, &["import", file.to_str().unwrap()]);
    assert!(said.starts_with("42 added"), "{said}");
    assert_eq!(ids(&a), ids(&b));
    for id in ids(&a) {
        assert_eq!(
            ok(&a, &["show", &id, "--json"]),
            ok(&b, &["show", &id, "--json"]),
            "{id}"
        );
    }
    assert!(
        ok(&b, &["import", file.to_str().unwrap()])
            .starts_with("0 added, 0 updated, 0 left as they are, 42 already here")
    );

    // Some entries, and an encrypted copy that needs its passphrase.
    let some = ids(&a);
    let copy = tmp.path().join("to.json");
    let out = run_env(
        &a,
        &[
            "export",
            "--format",
            "json",
            "--out",
            copy.to_str().unwrap(),
            "--encrypt",
            "--findings",
            "keep",
            &some[0],
            &some[1],
        ],
        &[("EFTERTANKE_EXPORT_PASSPHRASE", "en god lang frase")],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let age = tmp.path().join("to.json.age");
    let c = tmp.path().join("c");
    let out = run(&c, &["import", age.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("encrypted"));
    let out = run_env(
        &c,
        &["import", age.to_str().unwrap()],
        &[("EFTERTANKE_EXPORT_PASSPHRASE", "en god lang frase")],
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("2 added"));
}

#[test]
fn personal_data_stops_the_export_until_the_person_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let j = tmp.path().join("j");
    ok(
        &j,
        &[
            "add",
            "--date",
            "2026-11-02",
            "--title",
            "Opkald",
            "--outcome",
            "partly",
            "--notes",
            "Ring 22 34 56 78",
        ],
    );
    let file = tmp.path().join("ud.md");
    let out = run(&j, &["export", "--format", "md", "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("phone in \"Opkald\"") && err.contains("Nothing was written"),
        "{err}"
    );
    assert!(!file.exists());
    ok(
        &j,
        &[
            "export",
            "--format",
            "md",
            "--out",
            file.to_str().unwrap(),
            "--findings",
            "replace",
        ],
    );
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(!md.contains("22 34 56 78") && md.contains("borger A"), "{md}");
}

#[test]
fn a_bad_file_is_refused_with_65_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let j = tmp.path().join("j");
    ok(&j, &["demo", "--reference-case"]);
    let before = ok(&j, &["list", "--json"]);
    let real = tmp.path().join("real.json");
    ok(
        &j,
        &[
            "export",
            "--format",
            "json",
            "--out",
            real.to_str().unwrap(),
            "--findings",
            "keep",
        ],
    );
    let text = std::fs::read_to_string(&real).unwrap();
    for (name, bytes) in [
        ("cut.json", text.as_bytes()[..text.len() / 3].to_vec()),
        ("other.json", br#"{"format":"something-else","version":1}"#.to_vec()),
        (
            "newer.json",
            text.replace("\"version\": 1", "\"version\": 7").into_bytes(),
        ),
        (
            "cpr.json",
            text.replacen("\"what_happened\": \"", "\"what_happened\": \"070761-4285 ", 1)
                .into_bytes(),
        ),
        ("binary.json", vec![0, 159, 146, 150, 255]),
    ] {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&j, &["import", path.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(65),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("Nothing was imported"),
            "{name}"
        );
        assert_eq!(ok(&j, &["list", "--json"]), before, "{name} changed nothing");
    }
    let out = run(&j, &["import", tmp.path().join("missing.json").to_str().unwrap()]);
    assert_ne!(
        out.status.code(),
        Some(0),
        "a missing file is an error, not an empty import"
    );
}

const INNER: &str = "EFTERTANKE_EXPORT_DISK_INNER";
const NAME: &str = "an_export_to_a_full_or_read_only_disk_leaves_no_file_under_its_name";

/// `export --format pdf` of `ids` to `pdf`, keeping what the guard finds.
fn pdf_export<'a>(pdf: &'a Path, ids: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "export",
        "--format",
        "pdf",
        "--out",
        pdf.to_str().unwrap(),
        "--findings",
        "keep",
    ];
    args.extend_from_slice(ids);
    args
}

#[test]
fn a_selection_is_printed_as_one_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--reference-case"]);
    let both = ids(tmp.path());
    let pdf = tmp.path().join("møde.pdf");
    let out = run(tmp.path(), &pdf_export(&pdf, &[&both[1], &both[0]]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("laying out the pages") && stderr.contains("not encrypted"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), pdf.to_str().unwrap());
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap();
    assert!(pages >= 4, "a title page, the contents and two entries: {info}");

    let out = run(
        tmp.path(),
        &["export", "--format", "pdf", "--out", tmp.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(65), "a folder is not a PDF's name");
}

#[test]
fn an_export_to_a_full_or_read_only_disk_leaves_no_file_under_its_name() {
    if let Some(scratch) = std::env::var_os(INNER) {
        return inside(Path::new(&scratch));
    }
    let scratch = tempfile::tempdir().unwrap();
    rerun_inside(
        &format!("carry::{NAME}"),
        INNER,
        scratch.path(),
        "the export's disk test",
    );
}

fn inside(scratch: &Path) {
    let j = scratch.join("journal");
    ok(&j, &["demo", "--entries", "300", "--language", "da"]);
    let stick = scratch.join("stick");
    std::fs::create_dir(&stick).unwrap();
    mount(&stick, &["-t", "tmpfs", "-o", "size=64k", "eftertanke-export"]);
    let file = stick.join("alt.json");
    let out = run(
        &j,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
            "--findings",
            "keep",
        ],
    );
    assert_eq!(out.status.code(), Some(74), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("full"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_dir(&stick).unwrap().count(),
        0,
        "no file and no temporary file is left"
    );
    // A PDF of twenty entries does not fit either.
    let pdf = stick.join("pakke.pdf");
    let twenty: Vec<String> = ids(&j).into_iter().take(20).collect();
    let out = run(
        &j,
        &pdf_export(&pdf, &twenty.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    assert_eq!(out.status.code(), Some(74), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_dir(&stick).unwrap().count(),
        0,
        "no PDF and no temporary file is left"
    );

    let status = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&stick)
        .status()
        .unwrap();
    assert!(status.success());
    let small = stick.join("en.json");
    let one = ids(&j)[0].clone();
    let out = run(
        &j,
        &[
            "export",
            "--format",
            "json",
            "--out",
            small.to_str().unwrap(),
            "--findings",
            "keep",
            &one,
        ],
    );
    assert_eq!(out.status.code(), Some(74), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&stick).unwrap().count(), 0);
}

/// An export edited by hand changes an entry only when the person says so, names it first,
/// and the version it replaced stays in `history`.
#[test]
fn an_import_names_what_it_would_change_and_changes_it_only_when_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let j = tmp.path().join("j");
    let id = ok(
        &j,
        &[
            "add",
            "--date",
            "2026-11-02",
            "--title",
            "Møde i klubben",
            "--outcome",
            "partly",
        ],
    )
    .trim()
    .to_owned();
    let file = tmp.path().join("ud.json");
    ok(
        &j,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
            "--findings",
            "keep",
        ],
    );
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["entries"][0]["answers"]["headline"] = serde_json::json!("Ændret i hånden");
    json["entries"][0]["revision"] = serde_json::json!(7);
    std::fs::write(&file, serde_json::to_vec(&json).unwrap()).unwrap();

    let said = ok(&j, &["import", file.to_str().unwrap()]);
    assert!(
        said.contains("1 entr(ies) here would change")
            && said.contains("2026-11-02  \"Møde i klubben\" → \"Ændret i hånden\": headline")
            && said.contains("--accept-changes")
            && said.contains("0 updated, 1 left as they are"),
        "{said}"
    );
    assert!(ok(&j, &["show", &id]).contains("Møde i klubben"));
    let said = ok(&j, &["import", file.to_str().unwrap(), "--accept-changes"]);
    assert!(said.contains("1 updated"), "{said}");
    assert!(ok(&j, &["show", &id]).contains("Ændret i hånden"));
    let history = ok(&j, &["history", &id]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(
        lines[0].starts_with("revision 7") && lines[0].contains("(now)") && lines[0].contains("headline"),
        "{history}"
    );
    assert!(
        lines[1].starts_with("revision 1") && lines[1].contains("first version"),
        "{history}"
    );
    let as_json: serde_json::Value = serde_json::from_str(&ok(&j, &["history", &id, "--json"])).unwrap();
    assert_eq!(as_json.as_array().unwrap().len(), 2);
}
