//! `space review` and `space reviewed`: what arrived since the lead last went through the
//! space, narrowed, and marked as gone through.

use super::*;

#[test]
fn the_lead_reviews_what_arrived_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let (space, lead, sara, ali) = team_of_three(tmp.path());
    for (dir, title, outcome) in [(&sara, "Lektiecafé", "failed"), (&ali, "Madklub", "succeeded")] {
        let id = ok(
            dir,
            &["add", "--date", "2026-03-12", "--title", title, "--outcome", outcome],
            None,
        )
        .trim()
        .to_owned();
        ok(dir, &["space", "share", &space, &id], None);
    }
    ok(&lead, &["space", "sync", &space], None);
    let words = ok(&lead, &["space", "review", &space], None);
    assert!(words.starts_with("2 to review (last gone through: never)"), "{words}");
    assert!(
        words.contains("Lektiecafé") && words.contains("(Sara)") && words.contains("Madklub"),
        "{words}"
    );

    let failed: serde_json::Value = serde_json::from_str(&ok(
        &lead,
        &["space", "review", &space, "--outcome", "failed", "--json"],
        None,
    ))
    .unwrap();
    let items = failed["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["entry"]["title"], "Lektiecafé");
    // The review is of what the team shared, never a list per person.
    let by_ali = run(&lead, &["space", "review", &space, "--member", "ali"], None);
    assert_eq!(by_ali.status.code(), Some(2), "a review narrowed to one person");

    // Bad input: named, exit 65 (an outcome) or 2 (a level out of 0-4, refused by the parser).
    let bad = run(&lead, &["space", "review", &space, "--outcome", "maybe"], None);
    assert_eq!(bad.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("outcome"));
    let level = run(&lead, &["space", "review", &space, "--level", "7"], None);
    assert_eq!(level.status.code(), Some(2));

    ok(&lead, &["space", "reviewed", &space], None);
    assert!(ok(&lead, &["space", "review", &space], None).starts_with("0 to review"));
    let id = ok(
        &sara,
        &[
            "add",
            "--date",
            "2026-03-20",
            "--title",
            "Fællesspisning",
            "--outcome",
            "partly",
        ],
        None,
    )
    .trim()
    .to_owned();
    ok(&sara, &["space", "share", &space, &id], None);
    ok(&lead, &["space", "sync", &space], None);
    let after = ok(&lead, &["space", "review", &space], None);
    assert!(
        after.starts_with("1 to review") && after.contains("Fællesspisning"),
        "{after}"
    );

    // The facilitator keeps what is shared for two years; everyone's status says so.
    assert!(ok(&lead, &["space", "retention", &space, "--months", "24"], None).contains("kept for 24 months"));
    ok(&sara, &["space", "sync", &space], None);
    let status = ok(&sara, &["space", "status", &space], None);
    assert!(
        status.contains("kept for 24 months (set by the facilitator)"),
        "{status}"
    );
    let not_lead = run(&sara, &["space", "retention", &space, "--months", "6"], None);
    assert_eq!(not_lead.status.code(), Some(65), "only the facilitator");
    let too_long = run(&lead, &["space", "retention", &space, "--months", "200"], None);
    assert_eq!(too_long.status.code(), Some(2));
    assert!(ok(&lead, &["space", "retention", &space, "--forever"], None).contains("as long as the space exists"));
}
