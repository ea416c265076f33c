//! The team area's commands through the real capability file: two apps, two journals, one
//! shared folder — a lead makes a space, a colleague joins with a pasted card and shares, the
//! lead reads it and the colleague withdraws it.

use super::ipc::Shell;
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
    assert_eq!(
        worker.invoke("join_spaces", json!({ "folder": folder })).unwrap(),
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
    // A bad card is refused with its field named.
    let err = lead
        .invoke("invite_member", json!({ "space": space, "card": "not a card" }))
        .unwrap_err();
    assert_eq!(err["field"], "card", "{err}");
}
