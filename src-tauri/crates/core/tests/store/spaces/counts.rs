//! "Only as counts", tried as a colleague with tools: the contribution reaches the lead's app
//! alone and carries only what is counted; a cell needs three different people; the counts
//! change only when three people's contributions changed, so a colleague who reads them before
//! and after one share (or one withdrawal) learns nothing of it; they are counted apart from the
//! reflections shared one by one; the author sees their own and can withdraw them.

use super::*;
use eftertanke_core::spaces::CountsOnly;
use eftertanke_core::spaces::bundle::open_bundle;

fn counts_share(t: &mut Team, who: usize, title: &str, outcome: &str) -> String {
    let mut input = quick("2026-03-12", title, outcome);
    input
        .answers
        .insert("what_happened".into(), json!("Fritekst, der bliver hjemme"));
    input.tags = vec!["hemmeligt emneord".into()];
    let id = t.members[who].create_entry(&input, None).unwrap().id;
    t.members[who]
        .share_entries(&t.space, &[id], Scope::Aggregate, false)
        .unwrap()
        .remove(0)
}

/// The counts as a colleague (member `who`) reads them after a read of the folder.
fn seen_by(t: &mut Team, who: usize) -> Option<CountsOnly> {
    t.members[who].sync_space(&t.space, false).unwrap();
    t.members[who].space_counts(&t.space).unwrap().counts_only
}

fn cells(c: &CountsOnly) -> Vec<(String, usize)> {
    c.cells.iter().map(|c| (c.outcome.clone(), c.count)).collect()
}

#[test]
fn a_counts_only_share_reaches_the_lead_alone_and_carries_only_outcome_level_and_contributor() {
    let mut t = team(2);
    counts_share(&mut t, 0, "Hemmelig titel", "failed");
    let files = bundle_files(&t.folder);
    assert_eq!(files.len(), 1);
    let bytes = std::fs::read(&files[0]).unwrap();
    let colleague = keys_of(&t.dbs[2]);
    let author = keys_of(&t.dbs[1]);
    for (who, keys) in [("a colleague", &colleague), ("the author", &author)] {
        assert!(
            open_bundle(keys.identity(), &bytes).is_err(),
            "{who} opens a counts-only bundle"
        );
    }
    let lead = keys_of(&t.dbs[0]);
    let opened = open_bundle(lead.identity(), &bytes).unwrap();
    let record: serde_json::Value = serde_json::from_str(&opened.manifest.records[0].record).unwrap();
    let mut fields: Vec<&str> = record["body"].as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort();
    assert_eq!(fields, ["contributor", "level", "outcome"]);
    let text = opened.manifest.records[0].record.clone();
    for secret in ["Hemmelig", "Fritekst", "hemmeligt", "2026-03"] {
        assert!(!text.contains(secret), "'{secret}' travels in a counts-only share");
    }
    assert!(opened.manifest.author.is_none(), "written without a name");
    // The colleague's journal holds nothing of it.
    t.members[1].sync_space(&t.space, false).unwrap();
    let conn = rusqlite::Connection::open(&t.dbs[2]).unwrap();
    let held: i64 = conn
        .query_row("SELECT count(*) FROM space_records WHERE kind = 'entry'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(held, 0, "a colleague's journal stores a counts-only contribution");
}

#[test]
fn a_cell_needs_three_different_people_and_the_counts_change_only_when_three_people_changed() {
    let mut t = team(5);
    // One person's three contributions: one person, so nothing is released.
    for n in 0..3 {
        counts_share(&mut t, 0, &format!("A{n}"), "failed");
    }
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(seen_by(&mut t, 4), None, "one person's shares are released");
    // Two more people: three changed since nothing was released.
    counts_share(&mut t, 1, "B", "failed");
    counts_share(&mut t, 2, "C", "failed");
    t.lead.sync_space(&t.space, false).unwrap();
    let first = seen_by(&mut t, 4).expect("released for three people");
    assert_eq!(first.contributions, 5);
    // failed: 5 shares by 3 people, shown.
    assert_eq!(cells(&first), vec![("failed".to_owned(), 5)]);
    assert_eq!(first.withheld, 0);

    // One more share, then one withdrawal: a colleague comparing before and after sees nothing.
    counts_share(&mut t, 3, "D", "succeeded");
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(
        seen_by(&mut t, 4).as_ref(),
        Some(&first),
        "one share changed the counts"
    );
    let c_share = t.members[2]
        .space_entries(&t.space)
        .unwrap()
        .into_iter()
        .find(|e| e.mine)
        .unwrap()
        .id;
    t.members[2].withdraw_share(&t.space, &c_share).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(
        seen_by(&mut t, 4).as_ref(),
        Some(&first),
        "one withdrawal changed the counts"
    );
    assert_eq!(
        t.lead.space_counts(&t.space).unwrap().counts_only.as_ref(),
        Some(&first)
    );

    // A third person changes: D, C's withdrawal and E make three; the counts move.
    counts_share(&mut t, 4, "E", "succeeded");
    t.lead.sync_space(&t.space, false).unwrap();
    let second = seen_by(&mut t, 4).unwrap();
    assert_eq!(second.contributions, 6);
    // failed: 4 shares, but by 2 people now; succeeded: D and E, 2 people. Nothing is shown.
    assert_eq!(cells(&second), vec![]);
    assert_eq!(second.withheld, 6);
}

#[test]
fn counts_only_are_counted_apart_from_what_is_shared_one_by_one() {
    let mut t = team(3);
    for who in 0..3 {
        counts_share(&mut t, who, "Tal", "partly");
        let named = entry(&mut t.members[who], "Med navn");
        t.members[who]
            .share_entries(&t.space, &[named], Scope::Named, false)
            .unwrap();
    }
    t.lead.sync_space(&t.space, false).unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    let counts = t.members[0].space_counts(&t.space).unwrap();
    assert_eq!(
        counts.cells.iter().map(|c| c.count).collect::<Vec<_>>(),
        vec![3],
        "the named shares alone"
    );
    assert_eq!(
        cells(counts.counts_only.as_ref().unwrap()),
        vec![("partly".to_owned(), 3)]
    );
    let timeline = t.members[0].space_timeline(&t.space).unwrap();
    assert_eq!(timeline.aggregate, 3);
    assert_eq!(t.members[0].space_status(&t.space).unwrap().shared, 3);
}

#[test]
fn the_author_sees_their_counts_only_shares_and_withdraws_them() {
    let mut t = team(2);
    let shared = counts_share(&mut t, 0, "Min tælling", "failed");
    let mine = t.members[0].space_entries(&t.space).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        (mine[0].id.as_str(), mine[0].title.as_str(), mine[0].scope, mine[0].mine),
        (shared.as_str(), "Min tælling", Scope::Aggregate, true),
        "listed to its author under the title only its author's journal holds"
    );
    t.lead.sync_space(&t.space, false).unwrap();
    assert!(
        t.lead.space_entries(&t.space).unwrap().is_empty(),
        "the lead lists it one by one"
    );
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(t.members[1].space_entries(&t.space).unwrap().is_empty());
    t.members[0].withdraw_share(&t.space, &shared).unwrap();
    assert!(t.members[0].space_entries(&t.space).unwrap().is_empty());
    let left = bundle_files(&t.folder).len();
    assert_eq!(left, 1, "the share's file is gone; only the withdrawal is left");
    for f in bundle_files(&t.folder) {
        assert!(open_bundle(keys_of(&t.dbs[2]).identity(), &std::fs::read(f).unwrap()).is_err());
    }
}

#[test]
fn a_bundle_for_the_lead_alone_that_holds_more_than_counts_is_refused() {
    use eftertanke_core::spaces::keys::RecordKey;
    let mut t = team(1);
    let roster = t.members[0].space_roster(&t.space).unwrap();
    let lead = roster.leads().map(|l| l.keys.key_id()).collect::<Vec<_>>();
    // A whispered reflection, anonymous and for the lead's eyes only, passed off as counts.
    let key = RecordKey::generate().unwrap();
    let json = json!({"kind": "entry", "id": key.record_id(), "revision": 1, "updated_at": "2026-12-02",
                      "scope": "anonymous", "body": {"title": "Hvisket", "occurred_on": "2026-03"}})
    .to_string();
    plant_anonymous(&t, &roster, &key, json, Some(&lead), "whisper.bundle");
    let report = t.lead.sync_space(&t.space, false).unwrap();
    let codes: Vec<&str> = report.rejected.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["bad_record"], "{:?}", report.rejected);
    assert!(t.lead.space_entries(&t.space).unwrap().is_empty());
}
