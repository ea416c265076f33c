//! `space comment` and `space comments` between three real journals: a team comment every
//! member reads, an author-only one only the author reads, and an answer in the thread.

use super::*;

#[test]
fn comments_reach_whom_they_are_for_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let (space, lead, sara, ali) = team_of_three(tmp.path());
    let entry = add(&sara, "Lektiecafé");
    let shared = ok(&sara, &["space", "share", &space, &entry], None).trim().to_owned();
    ok(&lead, &["space", "sync", &space], None);

    let team_comment = ok(
        &lead,
        &["space", "comment", &space, &shared, "Tag den med på mødet"],
        None,
    );
    assert!(uuid_like(team_comment.trim()), "{team_comment}");
    let private = ok(
        &lead,
        &["space", "comment", &space, &shared, "-", "--author-only"],
        Some("Hvordan gik det\nbagefter?"),
    )
    .trim()
    .to_owned();
    ok(&sara, &["space", "sync", &space], None);
    ok(
        &sara,
        &[
            "space",
            "comment",
            &space,
            &shared,
            "Fint, tak",
            "--author-only",
            "--reply-to",
            &private,
        ],
        None,
    );
    ok(&ali, &["space", "sync", &space], None);
    ok(&lead, &["space", "sync", &space], None);

    let thread: serde_json::Value =
        serde_json::from_str(&ok(&lead, &["space", "comments", &space, &shared, "--json"], None)).unwrap();
    let texts: Vec<&str> = thread
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Tag den med på mødet", "Hvordan gik det\nbagefter?", "Fint, tak"]
    );
    assert_eq!(thread[2]["replyTo"], private.as_str());
    assert_eq!(thread[1]["audience"], "author");
    let words = ok(&sara, &["space", "comments", &space, &shared], None);
    assert!(
        words.contains("Leder, to the author only: Hvordan gik det\n  bagefter?"),
        "{words}"
    );
    assert!(
        words.contains("    ") && words.contains("Sara, to the author only (you): Fint, tak"),
        "{words}"
    );

    let third = ok(&ali, &["space", "comments", &space, &shared, "--json"], None);
    let third: serde_json::Value = serde_json::from_str(&third).unwrap();
    assert_eq!(
        third.as_array().unwrap().len(),
        1,
        "Ali reads the team comment only: {third}"
    );

    // Bad input: exit 65 with the field named, nothing sent.
    let cpr = run(&lead, &["space", "comment", &space, &shared, "Mor 010203-1234"], None);
    assert_eq!(cpr.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&cpr.stderr).contains("text"));
    let unknown = run(&lead, &["space", "comment", &space, "not-a-share", "Hej"], None);
    assert_ne!(unknown.status.code(), Some(0));
    let after: serde_json::Value =
        serde_json::from_str(&ok(&lead, &["space", "comments", &space, &shared, "--json"], None)).unwrap();
    assert_eq!(after, thread, "nothing refused was sent");
}
