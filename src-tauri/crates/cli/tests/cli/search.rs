//! `eftertanke search` as a script would use it: exit 0 with or without hits, JSON that reads
//! back, any query text taken, a bad filter named with 65, and the index built again.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

use crate::process::{ok, run};

#[test]
fn search_finds_danish_forms_and_exits_0_with_or_without_hits() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--reference-case"]);
    let text = ok(tmp.path(), &["search", "somaliske mødre"]);
    assert!(text.contains("[somaliske]"), "{text}");
    assert!(text.trim_end().ends_with("2 of 2 found."), "{text}");

    let json: serde_json::Value = serde_json::from_str(&ok(tmp.path(), &["search", "mødet", "--json"])).unwrap();
    assert!(
        json["total"].as_u64().unwrap() >= 1,
        "a stem: 'mødet' finds 'mødte' and 'møde'"
    );
    assert_eq!(json["terms"], serde_json::json!(["mødet"]));

    let none = ok(tmp.path(), &["search", "kanariefugl"]);
    assert_eq!(none.trim(), "0 of 0 found.", "no hits is not an error");
    for hostile in ["\"", "*", "NOT", "NEAR(", "((", "' OR 1=1 --", &"ø".repeat(10_000)] {
        let out = run(tmp.path(), &["search", hostile]);
        assert!(
            out.status.success(),
            "{hostile:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_bad_filter_is_named_with_exit_65() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--reference-case"]);
    let out = run(tmp.path(), &["search", "mødre", "--outcome", "won"]);
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outcome"));
    let out = run(tmp.path(), &["search", "mødre", "--from", "2025-02-30"]);
    assert_eq!(out.status.code(), Some(65), "a day that does not exist");
}

#[test]
fn the_index_is_built_again_and_finds_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--entries", "300", "--language", "da"]);
    let before = ok(tmp.path(), &["search", "beboere", "--json", "--limit", "100"]);
    let out = run(tmp.path(), &["search", "--rebuild"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("300 entries"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("300 of 300"),
        "progress is shown"
    );
    assert_eq!(
        ok(tmp.path(), &["search", "beboere", "--json", "--limit", "100"]),
        before
    );
}
