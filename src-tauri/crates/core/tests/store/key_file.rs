//! The key file as an attacker or a bad disk leaves it: every field mutated — numbers at their
//! extremes, wrong types, truncated — gives a clear error within a second, never an abort or a
//! hang, and changes nothing on disk.

use eftertanke_core::vault::KdfParams;
use eftertanke_core::{ErrorKind, Journal, Secret};
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "a passphrase for fuzzing";

fn made(dir: &Path) -> Value {
    let (journal, _code) = Journal::create(dir, &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests()).unwrap();
    journal.lock();
    serde_json::from_slice(&std::fs::read(dir.join("eftertanke.key.json")).unwrap()).unwrap()
}

/// Every mutation of one key file: each leaf replaced by extremes and wrong types, each
/// object missing each field, and the text cut at many lengths.
fn mutations(original: &Value) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let extremes = [
        json!(0),
        json!(-1),
        json!(u32::MAX),
        json!(u64::MAX),
        json!(1e300),
        json!("x"),
        json!(""),
        json!(null),
        json!(true),
        json!([]),
        json!({}),
        json!("00".repeat(16)),
        json!("zz".repeat(24)),
        json!("ab".repeat(5000)),
    ];
    let mut paths = Vec::new();
    leaves(original, &mut Vec::new(), &mut paths);
    for path in &paths {
        for value in &extremes {
            let mut v = original.clone();
            *pointer(&mut v, path) = value.clone();
            out.push((format!("{} = {value}", path.join(".")), serde_json::to_vec(&v).unwrap()));
        }
        // One flipped character in a hex field: a disk error.
        if let Some(s) = pointer(&mut original.clone(), path).as_str().map(str::to_owned)
            && s.len() > 4
        {
            let mut v = original.clone();
            let flipped: String = s
                .char_indices()
                .map(|(i, c)| if i == 2 { if c == '0' { '1' } else { '0' } } else { c })
                .collect();
            *pointer(&mut v, path) = json!(flipped);
            out.push((
                format!("{} with one character changed", path.join(".")),
                serde_json::to_vec(&v).unwrap(),
            ));
        }
        let mut v = original.clone();
        let (last, parent) = path.split_last().unwrap();
        if let Some(obj) = pointer(&mut v, parent).as_object_mut() {
            obj.remove(last);
            out.push((format!("{} missing", path.join(".")), serde_json::to_vec(&v).unwrap()));
        }
    }
    let text = serde_json::to_vec_pretty(original).unwrap();
    for cut in (0..text.len()).step_by(37) {
        out.push((format!("cut at {cut} bytes"), text[..cut].to_vec()));
    }
    out.push(("not JSON".into(), vec![0xff, 0xfe, 0, 1]));
    out
}

fn leaves(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                at.push(k.clone());
                leaves(child, at, out);
                at.pop();
            }
        }
        _ => out.push(at.clone()),
    }
}

fn pointer<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| &mut v[k.as_str()])
}

#[test]
fn every_mutated_field_is_a_clear_error_within_a_second_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let original = made(tmp.path());
    let key_file = tmp.path().join("eftertanke.key.json");
    let db = std::fs::read(tmp.path().join("eftertanke.sqlite3")).unwrap();
    let cases = mutations(&original);
    assert!(cases.len() > 150, "the mutations cover the file: {}", cases.len());
    for (what, bytes) in cases {
        std::fs::write(&key_file, &bytes).unwrap();
        let started = Instant::now();
        let result = Journal::open_with(tmp.path(), &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests());
        let took = started.elapsed();
        assert!(took < Duration::from_secs(1), "{what}: answered in {took:?}");
        match result {
            Ok(journal) => {
                // A mutation that changes nothing that matters (a date, hex case, a field
                // the check does not need) may still open: then it must be the same journal.
                journal.lock();
            }
            Err(err) => {
                assert!(
                    matches!(err.kind(), ErrorKind::KeyFile | ErrorKind::WrongPassphrase),
                    "{what}: a key-file error, not {:?}: {err}",
                    err.kind()
                );
                if err.kind() == ErrorKind::WrongPassphrase {
                    assert!(
                        what.contains("recovery") || what.contains("changedAt") || what.contains("createdAt"),
                        "{what}: a changed passphrase slot is named as damage, not a wrong passphrase"
                    );
                }
                assert!(!err.to_string().contains("unexpected"), "{what}: {err}");
            }
        }
        assert_eq!(
            std::fs::read(&key_file).unwrap(),
            bytes,
            "{what}: the key file is untouched"
        );
        assert_eq!(
            std::fs::read(tmp.path().join("eftertanke.sqlite3")).unwrap(),
            db,
            "{what}: the database is untouched"
        );
    }
}

#[test]
fn a_changed_salt_says_the_key_file_is_damaged_not_that_the_passphrase_is_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let mut file = made(tmp.path());
    file["passphrase"]["salt"] = json!("11".repeat(16));
    std::fs::write(
        tmp.path().join("eftertanke.key.json"),
        serde_json::to_vec(&file).unwrap(),
    )
    .unwrap();
    let err = Journal::unlock(tmp.path(), &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::KeyFile, "{err}");
    assert!(err.to_string().contains("no passphrase"), "{err}");
}

#[test]
fn tampered_argon2_costs_are_refused_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    for (field, value) in [
        ("memoryKib", json!(u32::MAX)),
        ("iterations", json!(u32::MAX)),
        ("parallelism", json!(0)),
    ] {
        let mut file = made(tmp.path());
        file["passphrase"]["kdf"][field] = value;
        std::fs::write(
            tmp.path().join("eftertanke.key.json"),
            serde_json::to_vec(&file).unwrap(),
        )
        .unwrap();
        let started = Instant::now();
        let err = Journal::unlock(tmp.path(), &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests()).unwrap_err();
        assert!(started.elapsed() < Duration::from_millis(200), "{field}: at once");
        assert!(
            err.to_string().contains("key file") && err.to_string().contains("damaged"),
            "{field}: {err}"
        );
        for f in ["eftertanke.key.json", "eftertanke.sqlite3"] {
            let _ = std::fs::remove_file(tmp.path().join(f));
        }
    }
}
