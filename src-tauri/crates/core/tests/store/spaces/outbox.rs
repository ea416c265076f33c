//! A share without a name reaches the folder at a random moment 15 minutes to 4 hours later,
//! never beside its author's named share of the same minute; a moment that passed while the
//! app was closed is drawn again at the next start; a withdrawal before the moment means the
//! file is never written at all.

use super::*;

/// The moments the author's journal keeps for its waiting bundles, as a colleague with tools
/// would read them from their own copy of the database.
fn moments(db: &Path) -> Vec<chrono::DateTime<chrono::Utc>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.prepare("SELECT due_at FROM space_outbox")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|d| eftertanke_core::time::from_db(&d.unwrap()).unwrap())
        .collect()
}

fn set_moments(db: &Path, to: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("UPDATE space_outbox SET due_at = ?1", [to]).unwrap();
}

#[test]
fn an_anonymous_share_waits_for_a_random_moment_hours_away_while_a_named_one_goes_at_once() {
    let mut t = team(1);
    t.members[0].send_anonymous_at_once(false);
    let named = entry(&mut t.members[0], "Med navn");
    let anonymous = entry(&mut t.members[0], "Uden navn");
    let before = chrono::Utc::now();
    t.members[0]
        .share_entries(&t.space, &[named], Scope::Named, false)
        .unwrap();
    t.members[0]
        .share_entries(&t.space, &[anonymous], Scope::Anonymous, false)
        .unwrap();
    assert_eq!(
        bundle_files(&t.folder).len(),
        1,
        "only the named share is in the folder"
    );
    assert_eq!(t.members[0].space_status(&t.space).unwrap().waiting, 1);
    let due = moments(&t.dbs[1]);
    assert_eq!(due.len(), 1);
    let wait = due[0] - before;
    assert!(
        wait >= chrono::Duration::minutes(15) && wait <= chrono::Duration::hours(4) + chrono::Duration::seconds(5),
        "{wait}"
    );
    // Reading the folder before the moment writes nothing.
    t.members[0].sync_space(&t.space, false).unwrap();
    assert_eq!(bundle_files(&t.folder).len(), 1);
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["Med navn"]);

    // Its moment came: the first read after it writes the file.
    set_moments(&t.dbs[1], "2000-01-01T00:00:00.000000Z");
    t.members[0].sync_space(&t.space, false).unwrap();
    assert_eq!(bundle_files(&t.folder).len(), 2);
    assert_eq!(t.members[0].space_status(&t.space).unwrap().waiting, 0);
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["Med navn", "Uden navn"]);
}

#[test]
fn a_moment_that_passed_while_the_app_was_closed_is_drawn_again_at_the_next_start() {
    let mut t = team(1);
    t.members[0].send_anonymous_at_once(false);
    let a = entry(&mut t.members[0], "Uden navn");
    t.members[0]
        .share_entries(&t.space, &[a], Scope::Anonymous, false)
        .unwrap();
    drop(t.members.remove(0));
    set_moments(&t.dbs[1], "2000-01-01T00:00:00.000000Z");
    let start = chrono::Utc::now();
    let mut again = Store::open(&t.dbs[1], &OpenOptions::default()).unwrap();
    let due = moments(&t.dbs[1]);
    let wait = due[0] - start;
    assert!(
        wait >= chrono::Duration::minutes(5) && wait <= chrono::Duration::hours(1) + chrono::Duration::seconds(5),
        "not written the minute the author starts the app: {wait}"
    );
    again.sync_space(&t.space, false).unwrap();
    assert!(bundle_files(&t.folder).is_empty());
}

#[test]
fn a_share_withdrawn_before_its_moment_is_never_written() {
    let mut t = team(1);
    t.members[0].send_anonymous_at_once(false);
    let a = entry(&mut t.members[0], "Fortrudt");
    let id = t.members[0]
        .share_entries(&t.space, &[a], Scope::Anonymous, false)
        .unwrap()
        .remove(0);
    t.members[0].withdraw_share(&t.space, &id).unwrap();
    set_moments(&t.dbs[1], "2000-01-01T00:00:00.000000Z");
    t.members[0].sync_space(&t.space, false).unwrap();
    let keys = keys_of(&t.dbs[0]);
    let files = bundle_files(&t.folder);
    assert_eq!(files.len(), 1, "only the withdrawal");
    let plain = age::decrypt(keys.identity(), &std::fs::read(&files[0]).unwrap()).unwrap();
    assert!(!String::from_utf8_lossy(&plain).contains("Fortrudt"));
}
