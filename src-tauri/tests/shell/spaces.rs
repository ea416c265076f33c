//! The team area's commands through the real capability file: two apps, two journals, one
//! shared folder — a lead makes a space, a colleague joins with a pasted card and shares, the
//! lead reads it and the colleague withdraws it.

use super::shell_app::Shell;
use serde_json::json;

#[test]
fn a_space_is_made_joined_shared_into_and_read_through_the_window_s_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("Team");
    std::fs::create_dir_all(&folder).unwrap();
    let lead = Shell::start(&tmp.path().join("lead"));
    let worker = Shell::start(&tmp.path().join("worker"));
    let space = lead
        .invoke(
            "create_space",
            json!({ "name": "Team Nord", "leadName": "Leder", "folder": folder }),
        )
        .unwrap();
    let space = space.as_str().unwrap().to_owned();
    let card = worker.invoke("member_card", json!({ "name": "Sara" })).unwrap();
    assert_eq!(card["fingerprint"].as_str().unwrap().len(), 24);
    let epoch = lead
        .invoke("invite_member", json!({ "space": space, "card": card.to_string() }))
        .unwrap();
    assert_eq!(epoch, json!(2));
    // The worker confirms the lead's fingerprint, shown beside the space's name on the lead's
    // screen; a wrong one joins nothing and says why.
    let spaces = lead.invoke("list_spaces", json!({})).unwrap();
    let fingerprint = spaces[0]["leadFingerprint"].as_str().unwrap().to_owned();
    let wrong = worker
        .invoke(
            "join_spaces",
            json!({ "folder": folder, "lead": "0000 0000 0000 0000 0000" }),
        )
        .unwrap_err();
    assert_eq!(wrong["field"], "lead", "{wrong}");
    assert_eq!(
        worker
            .invoke("join_spaces", json!({ "folder": folder, "lead": fingerprint }))
            .unwrap(),
        json!([space])
    );

    let entry = worker
        .invoke(
            "create_entry",
            json!({ "input": { "guideId": "co-production", "guideVersion": null, "complete": false, "tags": [],
                "overridePersonalData": false,
                "answers": { "occurred_on": "2026-03-12", "headline": "Lektiecafé", "outcome": "partly" } } }),
        )
        .unwrap();
    let preview = worker
        .invoke(
            "share_preview",
            json!({ "space": space, "entry": entry["id"], "scope": "anonymous" }),
        )
        .unwrap();
    assert_eq!(
        preview["body"]["occurred_on"], "2026-03",
        "the preview is the core's projection"
    );
    assert_eq!(preview["author"], serde_json::Value::Null);
    let shared = worker
        .invoke(
            "share_entries",
            json!({ "space": space, "entries": [entry["id"]], "scope": "named", "acceptFindings": false }),
        )
        .unwrap();
    let report = lead
        .invoke("sync_space", json!({ "space": space, "allowMassWithdrawal": false }))
        .unwrap();
    assert_eq!(report["bundles"], 1);
    let seen = lead.invoke("space_entries", json!({ "space": space })).unwrap();
    assert_eq!(seen[0]["title"], "Lektiecafé");
    assert_eq!(seen[0]["author"], "Sara");
    let status = lead.invoke("space_status", json!({ "space": space })).unwrap();
    assert_eq!(status["members"].as_array().unwrap().len(), 2);
    assert_eq!(status["space"]["lead"], true);

    worker
        .invoke("withdraw_share", json!({ "space": space, "sharedId": shared[0] }))
        .unwrap();
    lead.invoke("sync_space", json!({ "space": space, "allowMassWithdrawal": false }))
        .unwrap();
    assert_eq!(
        lead.invoke("space_entries", json!({ "space": space })).unwrap(),
        json!([])
    );
    // The facilitator keeps what is shared for two years; the worker's status says so.
    lead.invoke("set_retention", json!({ "space": space, "months": 24 }))
        .unwrap();
    let refused = worker
        .invoke("set_retention", json!({ "space": space, "months": 6 }))
        .unwrap_err();
    assert_eq!(refused["field"], "space", "{refused}");
    worker
        .invoke("sync_space", json!({ "space": space, "allowMassWithdrawal": false }))
        .unwrap();
    let status = worker.invoke("space_status", json!({ "space": space })).unwrap();
    assert_eq!(status["retention"]["months"], 24);
    // A bad card is refused with its field named.
    let err = lead
        .invoke("invite_member", json!({ "space": space, "card": "not a card" }))
        .unwrap_err();
    assert_eq!(err["field"], "card", "{err}");
}

/// The lead never asks for a read: the app watches the space's folder, so a colleague's share
/// arrives within seconds (the half-minute rescan would take up to thirty).
#[test]
fn a_colleague_s_share_arrives_by_itself_while_the_app_watches_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("Team");
    std::fs::create_dir_all(&folder).unwrap();
    let lead = Shell::start(&tmp.path().join("lead"));
    lead.start_background();
    let space = lead
        .invoke(
            "create_space",
            json!({ "name": "Team Syd", "leadName": "Leder", "folder": folder }),
        )
        .unwrap();
    // The colleague is a separate journal, as on another computer: the core, not this app.
    let colleague_db = tmp.path().join("colleague.sqlite3");
    let mut colleague = eftertanke_core::Store::open(&colleague_db, &Default::default()).unwrap();
    let card = colleague.member_card("Sara").unwrap();
    lead.invoke("invite_member", json!({ "space": space, "card": card.to_code() }))
        .unwrap();
    let space = space.as_str().unwrap();
    let fingerprint = lead.invoke("list_spaces", json!({})).unwrap()[0]["leadFingerprint"]
        .as_str()
        .unwrap()
        .to_owned();
    colleague.join_spaces(&folder, &fingerprint).unwrap();
    colleague.sync_space(space, false).unwrap();
    // Shared while the app is starting to watch: read when the watch begins.
    share_headline(&mut colleague, space, "Gårdfest");
    wait_for_title(&lead, space, "Gårdfest", std::time::Duration::from_secs(12));
    // Shared while the folder is watched: read on the change, long before the half-minute rescan.
    share_headline(&mut colleague, space, "Lektiecafé");
    wait_for_title(&lead, space, "Lektiecafé", std::time::Duration::from_secs(8));
}

fn share_headline(colleague: &mut eftertanke_core::Store, space: &str, headline: &str) {
    let input = serde_json::from_value(json!({
        "guideId": "co-production", "guideVersion": null, "complete": false, "tags": [],
        "overridePersonalData": false,
        "answers": { "occurred_on": "2026-03-12", "headline": headline, "outcome": "succeeded" } }))
    .unwrap();
    let entry = colleague.create_entry(&input, None).unwrap();
    colleague
        .share_entries(space, &[entry.id], eftertanke_core::spaces::Scope::Named, false)
        .unwrap();
}

/// Waits, without asking the app to read, until the space lists an entry of that title.
fn wait_for_title(lead: &Shell, space: &str, title: &str, within: std::time::Duration) {
    let deadline = std::time::Instant::now() + within;
    loop {
        let seen = lead.invoke("space_entries", json!({ "space": space })).unwrap();
        if seen.as_array().is_some_and(|a| a.iter().any(|e| e["title"] == title)) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{title} was not read by itself within {within:?}: {seen}"
        );
        #[allow(clippy::disallowed_methods)]
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
