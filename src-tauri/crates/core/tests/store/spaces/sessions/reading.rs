//! What a member's journal makes of sessions: entries it never received, sessions from someone
//! who is not the lead, and any order of arrival.

use super::*;
use eftertanke_core::locale::Locale;
use eftertanke_core::sessions::MaterialNote;
use eftertanke_core::spaces::Mark;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};

#[test]
fn a_session_naming_an_entry_the_reader_never_received_still_reads() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Fællesspisning");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    let entry_bundle = bundle_files(&t.folder).remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    let mut draft = first_session();
    draft.material = vec![MaterialNote {
        on: shared,
        note: "Et godt eksempel".into(),
    }];
    t.lead.record_session(&t.space, &draft, false).unwrap();
    // The entry's bundle has not reached the second member's computer.
    let away = t._tmp.path().join("away.bundle");
    std::fs::rename(&entry_bundle, &away).unwrap();
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let session = &t.members[1].space_sessions(&t.space).unwrap()[0];
    assert!(!session.material[0].received, "named as not received");
    assert_eq!(session.material[0].note, "Et godt eksempel", "the note stays");
    let md = t.members[1]
        .session_markdown(&t.space, &session.id, Locale::Da)
        .unwrap();
    assert!(md.contains("ikke har modtaget"), "{md}");
    // When it arrives, the session shows it.
    std::fs::rename(&away, &entry_bundle).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(t.members[1].space_sessions(&t.space).unwrap()[0].material[0].received);
}

#[test]
fn a_session_or_roster_from_a_member_who_is_not_the_lead_is_refused_and_changes_nothing() {
    let mut t = team(2);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let member = keys_of(&t.dbs[1]);
    let session = json!({"kind": "session", "id": uuid::Uuid::now_v7().to_string(), "revision": 1,
        "updated_at": "2026-12-02T10:00:00.000Z", "scope": "named",
        "body": {"held_on": "2026-12-02", "carried": [], "material": [], "answers": {},
                 "improvement": "", "actions": []}});
    let records = vec![SignedRecord {
        record: session.to_string(),
        writer: None,
        sig: None,
    }];
    let m = Manifest::new(&roster, Some((&member, 1, None)), records);
    plant(
        &t,
        "00000001-session.bundle",
        &seal_bundle(&m, Some(&member), &roster).unwrap().0,
    );
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert_eq!(
        report.rejected.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
        ["not_lead"],
        "{report:?}"
    );
    assert!(report.rejected[0].reason.contains("only the space's lead"));
    assert!(t.members[1].space_sessions(&t.space).unwrap().is_empty());

    // A roster signed by a member: said, and not taken.
    let mut forged = roster.next("2026-12-02T10:00:00.000Z").unwrap();
    forged.members.retain(|m| m.keys.key_id() == member.public().key_id());
    let bytes = forged.seal(&member).unwrap();
    let dir = t.folder.join(format!("eftertanke-{}/rosters", t.space));
    std::fs::write(dir.join(format!("{:06}-forged.roster", forged.epoch)), bytes).unwrap();
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert!(report.rejected.iter().any(|p| p.code == "not_lead"), "{report:?}");
    assert_eq!(t.members[1].space_roster(&t.space).unwrap().epoch, roster.epoch);
    assert!(
        t.members[1]
            .space_status(&t.space)
            .unwrap()
            .rejected
            .iter()
            .any(|p| p.code == "not_lead"),
        "the folder's status names it"
    );
}

#[test]
fn sessions_and_comments_merge_to_the_same_journal_in_any_order() {
    let mut t = team(1);
    let reader_db = joined_reader(&mut t);
    t.members[0].sync_space(&t.space, false).unwrap();
    let private = entry(&mut t.members[0], "Madklub");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    let c = t
        .lead
        .comment(
            &t.space,
            &shared,
            None,
            "Tag det med",
            eftertanke_core::spaces::Audience::Team,
            false,
        )
        .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    t.members[0]
        .comment(
            &t.space,
            &shared,
            Some(&c),
            "Gerne",
            eftertanke_core::spaces::Audience::Team,
            false,
        )
        .unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Agenda, true).unwrap();
    let mut draft = first_session();
    draft.material = vec![MaterialNote {
        on: shared.clone(),
        note: String::new(),
    }];
    t.lead.record_session(&t.space, &draft, false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    let second = SessionDraft {
        held_on: Some(day("2026-11-30")),
        carried: open.iter().map(|i| verdict(&i.id, Verdict::Continue, "")).collect(),
        improvement: Some(item("Mød foreningen", "Medarbejder 0", "2026-12-30")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &second, false).unwrap();

    let files = bundle_files(&t.folder);
    let mut results = Vec::new();
    for reversed in [false, true] {
        // The rosters are in the reader's folder; the bundles come by hand.
        let (_dir, _folder, mut r) = fresh_reader(&t, &reader_db);
        r.sync_space(&t.space, false).unwrap();
        assert!(
            r.space_sessions(&t.space).unwrap().is_empty(),
            "nothing read from the folder"
        );
        let mut order = files.clone();
        if reversed {
            order.reverse();
        }
        // In this order, and each twice.
        for f in order.iter().chain(order.iter()) {
            r.import_bundle_file(&t.space, f, false).unwrap();
        }
        results.push(
            serde_json::to_string(&(
                r.space_sessions(&t.space).unwrap(),
                r.space_actions(&t.space).unwrap(),
                r.space_comments(&t.space, &shared).unwrap(),
                r.session_agenda(&t.space).unwrap().material.len(),
            ))
            .unwrap(),
        );
    }
    assert_eq!(
        results[0], results[1],
        "the same sessions, actions and comments in any order"
    );
    assert!(results[0].contains("Gerne") && results[0].contains("Mød foreningen"));
}

#[test]
fn a_session_holding_a_cpr_number_is_held_back_and_named_not_shown() {
    let mut t = team(1);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let lead_keys = keys_of(&t.dbs[0]);
    // A broken build of the lead's, past its own guard.
    let session = json!({"kind": "session", "id": uuid::Uuid::now_v7().to_string(), "revision": 1,
        "updated_at": "2026-12-02T10:00:00.000000Z", "scope": "named",
        "body": {"held_on": "2026-12-02", "carried": [], "answers": {}, "improvement": "", "actions": [],
                 "material": [{"on": uuid::Uuid::now_v7().to_string(), "note": "Borgeren 010203-1234 kom"}]}});
    let records = vec![SignedRecord {
        record: session.to_string(),
        writer: None,
        sig: None,
    }];
    let m = Manifest::new(&roster, Some((&lead_keys, 30, None)), records);
    plant(
        &t,
        "00000030-cpr.bundle",
        &seal_bundle(&m, Some(&lead_keys), &roster).unwrap().0,
    );
    t.members[0].sync_space(&t.space, false).unwrap();
    assert!(t.members[0].space_sessions(&t.space).unwrap().is_empty(), "not shown");
    let held = t.members[0].space_status(&t.space).unwrap().held_back;
    assert_eq!(held.len(), 1, "named in the space's status for the lead to follow up");
    assert!(held[0].reason.contains("CPR"), "{held:?}");
    assert!(
        !held[0].reason.contains("010203"),
        "the number itself is never repeated"
    );
}
