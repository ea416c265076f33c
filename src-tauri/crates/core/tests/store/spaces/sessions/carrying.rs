//! What a session carries: actions that keep their ids and history across sessions, a clock far
//! off, a bundle the journal did not record before a crash, and the owner's due actions.

use super::*;
use eftertanke_core::sessions::{ItemStatus, MaterialNote};
use eftertanke_core::spaces::Mark;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};

#[test]
fn actions_carried_across_three_sessions_keep_their_ids_and_history() {
    let mut t = team(1);
    t.lead.record_session(&t.space, &first_session(), false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    let action = open.iter().find(|i| i.text.starts_with("Ring")).unwrap().id.clone();
    let first_improvement = open.iter().find(|i| i.text.starts_with("Spørg")).unwrap().id.clone();
    let second = SessionDraft {
        held_on: Some(day("2026-11-16")),
        carried: vec![
            CarriedStatus {
                review_on: Some(day("2026-11-30")),
                ..verdict(&action, Verdict::Continue, "Formanden var syg")
            },
            verdict(&first_improvement, Verdict::Done, "Det virkede"),
        ],
        improvement: Some(item("Mød foreningen i deres lokaler", "Medarbejder 0", "2026-12-14")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &second, false).unwrap();
    let agenda = t.lead.session_agenda(&t.space).unwrap();
    let carried: Vec<&str> = agenda.carried.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(carried.len(), 2, "the continued action and the new improvement");
    assert!(carried.contains(&action.as_str()), "the continued action keeps its id");
    let third = SessionDraft {
        held_on: Some(day("2026-11-30")),
        carried: agenda
            .carried
            .iter()
            .map(|i| verdict(&i.id, Verdict::Done, ""))
            .collect(),
        improvement: Some(item("Inviter borgerne med fra starten", "Teamleder", "2027-01-11")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &third, false).unwrap();

    // The member's journal, reading all three bundles, sees the same history.
    t.members[0].sync_space(&t.space, false).unwrap();
    let seen = t.members[0].space_actions(&t.space).unwrap();
    let a = seen.iter().find(|i| i.id == action).expect("the action kept its id");
    assert_eq!(
        a.history
            .iter()
            .map(|h| (h.status, h.why.as_str(), h.held_on.as_str()))
            .collect::<Vec<_>>(),
        [
            (ItemStatus::Continue, "Formanden var syg", "2026-11-16"),
            (ItemStatus::Done, "", "2026-11-30")
        ]
    );
    assert_eq!(a.review_on, "2026-11-30", "continue moved the review date");
    assert_eq!(a.status, ItemStatus::Done);
    assert!(a.owner_is_me, "Medarbejder 0 owns it");
    let sessions = t.members[0].space_sessions(&t.space).unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(
        sessions.iter().map(|s| s.held_on.as_str()).collect::<Vec<_>>(),
        ["2026-11-02", "2026-11-16", "2026-11-30"]
    );
    assert_eq!(sessions[1].carried.len(), 2);
    assert_eq!(sessions[1].carried[0].status, ItemStatus::Continue);
    assert_eq!(
        t.members[0]
            .space_actions(&t.space)
            .unwrap()
            .iter()
            .filter(|i| i.status.is_open())
            .count(),
        1,
        "only the third session's improvement is open"
    );
}

#[test]
fn an_owner_sees_their_action_due_and_a_session_goes_through_what_the_lead_took_to_it() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Lektiecafé");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Agenda, true).unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Agenda, true).unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Seen, true).unwrap();
    let agenda = t.lead.session_agenda(&t.space).unwrap();
    assert_eq!(agenda.material.len(), 1, "taken once, however often asked");
    // The author sees it taken to the session, never that the facilitator has seen it: that is
    // the facilitator's own note, in no file of the folder. Only the lead marks.
    assert!(t.lead.space_entries(&t.space).unwrap()[0].seen);
    t.members[0].sync_space(&t.space, false).unwrap();
    let mine = &t.members[0].space_entries(&t.space).unwrap()[0];
    assert!(mine.on_agenda && !mine.seen);
    let lead_keys = keys_of(&t.dbs[0]);
    for f in bundle_files(&t.folder) {
        let plain = age::decrypt(lead_keys.identity(), &std::fs::read(f).unwrap()).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&plain).contains("seen"), "a seen mark travels");
    }
    assert!(t.members[0].mark_shared(&t.space, &shared, Mark::Seen, true).is_err());

    let mut draft = first_session();
    draft.held_on = None;
    draft.material = vec![MaterialNote {
        on: shared.clone(),
        note: "Borgerne kom først ind ved udførelsen".into(),
    }];
    draft.actions = vec![item("Ring til foreningens formand", "Medarbejder 1", "2026-01-01")];
    assert!(
        t.lead.record_session(&t.space, &draft, false).is_err(),
        "a review date before today's session"
    );
    let today = chrono::Utc::now().date_naive();
    draft.actions[0].review_on = today;
    draft.improvement.as_mut().unwrap().review_on = today + chrono::Days::new(14);
    t.lead.record_session(&t.space, &draft, false).unwrap();
    assert!(
        t.lead.session_agenda(&t.space).unwrap().material.is_empty(),
        "gone through"
    );
    assert!(!t.lead.space_entries(&t.space).unwrap()[0].on_agenda);

    t.members[1].sync_space(&t.space, false).unwrap();
    let due = t.members[1].team_actions(&today.to_string()).unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert!(due[0].due && due[0].item.text.starts_with("Ring"));
    assert!(
        !t.members[1]
            .team_actions(&today.pred_opt().unwrap().to_string())
            .unwrap()[0]
            .due
    );
    assert!(
        t.members[0].team_actions(&today.to_string()).unwrap().is_empty(),
        "not theirs"
    );
    assert!(
        t.members[0].team_actions("soon").is_err(),
        "a day that is not one is refused"
    );
    let session = &t.members[1].space_sessions(&t.space).unwrap()[0];
    assert_eq!(session.material[0].title, "Lektiecafé");
    assert!(session.material[0].received && !session.material[0].withdrawn);
    // Withdrawn since, the session's record says so (and keeps its note), never "not received".
    t.members[0].withdraw_share(&t.space, &shared).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    let material = &t.members[1].space_sessions(&t.space).unwrap()[0].material[0];
    assert!(material.withdrawn && !material.received && material.title.is_empty());
    assert_eq!(material.note, "Borgerne kom først ind ved udførelsen");
}

#[test]
fn a_session_from_a_computer_whose_clock_is_far_off_shows_its_dates_as_written_and_keeps_its_place() {
    let mut t = team(1);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let lead_keys = keys_of(&t.dbs[0]);
    // The lead's laptop thinks it is 2099: its stamps say so; its record id is what it is.
    let early = uuid::Uuid::now_v7().to_string();
    let improvement = uuid::Uuid::now_v7().to_string();
    let record = |kind: &str, id: &str, body: serde_json::Value| SignedRecord {
        record: json!({"kind": kind, "id": id, "revision": 1, "updated_at": "2099-01-01T08:00:00.000000Z",
                       "scope": "named", "body": body})
        .to_string(),
        writer: None,
        sig: None,
    };
    let owner = lead_keys.public().key_id();
    let records = vec![
        record(
            "improvement",
            &improvement,
            json!({"text": "Spørg borgerne først", "owner": owner, "review_on": "2099-02-01",
                   "from_session": early, "history": []}),
        ),
        record(
            "session",
            &early,
            json!({"held_on": "2099-01-01", "carried": [], "material": [], "answers": {},
                   "improvement": improvement, "actions": []}),
        ),
    ];
    let m = Manifest::new(&roster, Some((&lead_keys, 40, None)), records);
    plant(
        &t,
        "00000040-clock.bundle",
        &seal_bundle(&m, Some(&lead_keys), &roster).unwrap().0,
    );
    let report = t.members[0].sync_space(&t.space, false).unwrap();
    assert!(
        report.rejected.is_empty(),
        "a wrong clock is not a reason to refuse: {report:?}"
    );
    // Then the lead's clock is right again, and the next session carries the improvement.
    t.lead.sync_space(&t.space, false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    assert_eq!(open.len(), 1);
    let next = SessionDraft {
        carried: vec![verdict(&open[0].id, Verdict::Done, "")],
        improvement: Some(item("Mød foreningen", "Medarbejder 0", "2027-06-01")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &next, false).unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    let sessions = t.members[0].space_sessions(&t.space).unwrap();
    assert_eq!(
        sessions.iter().map(|s| s.held_on.as_str()).collect::<Vec<_>>(),
        ["2099-01-01", sessions[1].held_on.as_str()],
        "shown as written, in the order of their ids, not of their dates"
    );
    assert_eq!(sessions[0].id, early);
    let improvement_now = t.members[0].space_actions(&t.space).unwrap();
    let first = improvement_now.iter().find(|i| i.id == improvement).unwrap();
    assert_eq!(
        first.status,
        ItemStatus::Done,
        "the later session's verdict stands, whatever the stamps said"
    );
    assert_eq!(first.review_on, "2099-02-01");
}

#[test]
fn a_session_bundle_the_journal_did_not_record_before_a_crash_is_read_before_the_next_one_is_built() {
    let mut t = team(1);
    t.lead.record_session(&t.space, &first_session(), false).unwrap();
    let stale_agenda = t.lead.session_agenda(&t.space).unwrap();
    // The journal as it was before the next session: as if the power went between the bundle
    // reaching the folder and the journal's commit.
    let lead_db = t.dbs[0].clone();
    let saved = t._tmp.path().join("lead-before.sqlite3");
    drop(std::mem::replace(&mut t.lead, journal(t._tmp.path(), "scratch").0));
    std::fs::copy(&lead_db, &saved).unwrap();
    let _ = std::fs::remove_file(lead_db.with_extension("sqlite3-wal"));
    let mut lead = Store::open(&lead_db, &OpenOptions::default()).unwrap();
    let all_done = |agenda: &eftertanke_core::sessions::SessionAgenda, text: &str| SessionDraft {
        carried: agenda
            .carried
            .iter()
            .map(|i| verdict(&i.id, Verdict::Done, ""))
            .collect(),
        improvement: Some(item(text, "Teamleder", "2027-03-01")),
        ..Default::default()
    };
    lead.record_session(&t.space, &all_done(&stale_agenda, "Anden"), false)
        .unwrap();
    drop(lead);
    std::fs::copy(&saved, &lead_db).unwrap();
    let _ = std::fs::remove_file(lead_db.with_extension("sqlite3-wal"));
    let mut lead = Store::open(&lead_db, &OpenOptions::default()).unwrap();
    assert_eq!(
        lead.space_sessions(&t.space).unwrap().len(),
        1,
        "the journal does not know its second session"
    );

    // Built on what the journal knew, the next session would fork last time's items: it is
    // refused, saying why, once the folder is read.
    let refused = lead.record_session(&t.space, &all_done(&stale_agenda, "Tredje"), false);
    let message = refused.unwrap_err().to_string();
    assert!(message.contains("closed by an earlier session"), "{message}");
    let fresh = lead.session_agenda(&t.space).unwrap();
    assert_eq!(fresh.carried.len(), 1, "only the second session's improvement is open");
    lead.record_session(&t.space, &all_done(&fresh, "Tredje"), false)
        .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    let sessions = t.members[0].space_sessions(&t.space).unwrap();
    assert_eq!(sessions.len(), 3);
    for i in t.members[0].space_actions(&t.space).unwrap() {
        let carried_by = sessions
            .iter()
            .filter(|s| s.carried.iter().any(|c| c.id == i.id))
            .count();
        assert_eq!(carried_by, i.history.len(), "one version per verdict: {i:?}");
        assert!(carried_by <= 1, "no item was judged twice: {i:?}");
    }
}
