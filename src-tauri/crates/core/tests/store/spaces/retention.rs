//! A retention period, set by the facilitator and shown to everyone: what was shared longer ago
//! is withdrawn by its author's app (and so taken out of its files) and erased in every journal,
//! with the comments on it; the status says what goes soon and when.

use super::*;
use eftertanke_core::spaces::Audience;

/// Makes the record `id` look written on `day` in the journal at `db` (as if shared then).
fn age_record(db: &Path, id: &str, day: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE space_records SET updated_at = ?2, record = json_set(record, '$.updated_at', ?2) WHERE id = ?1",
        [id, day],
    )
    .unwrap();
}

fn folder_text(t: &Team) -> String {
    let keys = keys_of(&t.dbs[0]);
    bundle_files(&t.folder)
        .iter()
        .filter_map(|f| age::decrypt(keys.identity(), &std::fs::read(f).unwrap()).ok())
        .map(|p| String::from_utf8_lossy(&p).into_owned())
        .collect()
}

#[test]
fn past_the_period_a_share_and_its_comments_leave_every_journal_and_the_folder() {
    let mut t = team(2);
    let old = entry(&mut t.members[0], "Gammelt forsøg");
    let new = entry(&mut t.members[0], "Nyt forsøg");
    let ids = t.members[0]
        .share_entries(&t.space, &[old, new], Scope::Named, false)
        .unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    let comment = t.members[1]
        .comment(&t.space, &ids[0], None, "En gammel kommentar", Audience::Team, false)
        .unwrap();
    let fresh = t.members[1]
        .comment(&t.space, &ids[1], None, "En ny kommentar", Audience::Team, false)
        .unwrap();
    for store in [&mut t.lead, &mut t.members[0]] {
        store.sync_space(&t.space, false).unwrap();
    }
    // Shared, and commented on, long ago.
    for db in &t.dbs {
        age_record(db, &ids[0], "2020-01-06T10:00:00.000000Z");
        age_record(db, &comment, "2020-01-07T10:00:00.000000Z");
    }

    assert!(
        t.members[0].set_retention(&t.space, Some(12)).is_err(),
        "only the facilitator sets it"
    );
    for wrong in [0, 121] {
        assert!(t.lead.set_retention(&t.space, Some(wrong)).is_err(), "{wrong} months");
    }
    t.lead.set_retention(&t.space, Some(24)).unwrap();
    assert_eq!(
        titles(&t.lead, &t.space),
        ["Nyt forsøg"],
        "erased in the facilitator's journal"
    );
    assert!(t.lead.space_comments(&t.space, &ids[0]).unwrap().is_empty());
    assert_eq!(t.lead.space_comments(&t.space, &ids[1]).unwrap()[0].id, fresh);

    // The author's and the commenter's apps take theirs out of the folder when they read it.
    t.members[0].sync_space(&t.space, false).unwrap();
    assert_eq!(
        t.members[0].space_status(&t.space).unwrap().retention.unwrap().months,
        24
    );
    assert_eq!(titles(&t.members[0], &t.space), ["Nyt forsøg"]);
    assert!(
        !folder_text(&t).contains("Gammelt forsøg"),
        "the old share is still in the folder"
    );
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(
        !folder_text(&t).contains("En gammel kommentar"),
        "the old comment is still in the folder"
    );
    assert!(folder_text(&t).contains("En ny kommentar"));
    assert_eq!(titles(&t.members[1], &t.space), ["Nyt forsøg"]);
    let status = t.lead.space_status(&t.space).unwrap();
    assert!(
        status.missing.is_empty() && status.chain_breaks.is_empty(),
        "{status:?}"
    );
}

#[test]
fn the_status_says_what_goes_within_a_month_and_when() {
    let mut t = team(1);
    let a = entry(&mut t.members[0], "Snart væk");
    let id = t.members[0]
        .share_entries(&t.space, &[a], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(
        t.lead.space_status(&t.space).unwrap().retention,
        None,
        "kept while the space exists"
    );
    // Written 11 months and 20 days ago; the period is 12 months.
    let written = chrono::Utc::now() - chrono::Days::new(355);
    age_record(&t.dbs[0], &id, &eftertanke_core::time::to_db(written));
    t.lead.set_retention(&t.space, Some(12)).unwrap();
    let retention = t.lead.space_status(&t.space).unwrap().retention.unwrap();
    assert_eq!((retention.months, retention.due_soon), (12, 1));
    let goes = (written.date_naive() + chrono::Months::new(12)).to_string();
    assert_eq!(retention.next_on.as_deref(), Some(goes.as_str()));
    assert_eq!(titles(&t.lead, &t.space), ["Snart væk"], "not gone yet");
    // Lifted, nothing goes.
    t.lead.set_retention(&t.space, None).unwrap();
    assert_eq!(t.lead.space_status(&t.space).unwrap().retention, None);
}
