//! "Withdrawn" means gone from the folder too, tried as someone who reads the folder later with
//! the keys of that epoch: the author's files that carried the share are written again without
//! it (a named bundle under its own number, so nothing is reported missing), an anonymous file
//! is removed, and the comments on it are erased in every journal and in their writers' files.

use super::*;
use eftertanke_core::spaces::Audience;
use std::path::Path;

/// Every bundle in the folder opened with `db`'s keys, as text (those it cannot open skipped).
fn readable(t: &Team, db: usize) -> Vec<String> {
    let keys = keys_of(&t.dbs[db]);
    bundle_files(&t.folder)
        .iter()
        .filter_map(|f| age::decrypt(keys.identity(), &std::fs::read(f).unwrap()).ok())
        .map(|plain| String::from_utf8(plain).unwrap())
        .collect()
}

#[test]
fn a_named_withdrawal_takes_the_share_out_of_the_authors_files_and_keeps_their_numbering() {
    let mut t = team(2);
    let a = entry(&mut t.members[0], "Trukket tilbage");
    let b = entry(&mut t.members[0], "Bliver");
    t.members[0]
        .share_entries(&t.space, &[a, b], Scope::Named, false)
        .unwrap();
    let c = entry(&mut t.members[0], "Også");
    t.members[0].share_entries(&t.space, &[c], Scope::Named, false).unwrap();
    // The lead read it before; the colleague reads only after the withdrawal.
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["Bliver", "Også", "Trukket tilbage"]);
    let id = t.members[0]
        .space_entries(&t.space)
        .unwrap()
        .into_iter()
        .find(|e| e.title == "Trukket tilbage")
        .unwrap()
        .id;
    t.members[0].withdraw_share(&t.space, &id).unwrap();

    for text in readable(&t, 0) {
        assert!(
            !text.contains("Trukket tilbage"),
            "the withdrawn share is still in a file"
        );
    }
    let names: Vec<String> = bundle_files(&t.folder)
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy()[..8].to_owned())
        .collect();
    assert_eq!(
        names,
        ["00000001", "00000002", "00000003"],
        "one file a number, the first replaced"
    );

    for (reader, who) in [
        (1, "a colleague reading for the first time"),
        (0, "the lead, who read it before"),
    ] {
        let store = if reader == 0 {
            &mut t.lead
        } else {
            &mut t.members[reader]
        };
        store.sync_space(&t.space, false).unwrap();
        assert_eq!(titles(store, &t.space), ["Bliver", "Også"], "{who}");
        let status = store.space_status(&t.space).unwrap();
        assert!(status.missing.is_empty(), "{who}: {:?}", status.missing);
        assert!(status.chain_breaks.is_empty(), "{who}: {:?}", status.chain_breaks);
        assert!(status.rejected.is_empty(), "{who}: {:?}", status.rejected);
    }
    // The next bundle still follows on.
    let d = entry(&mut t.members[0], "Senere");
    t.members[0].share_entries(&t.space, &[d], Scope::Named, false).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    let status = t.members[1].space_status(&t.space).unwrap();
    assert!(
        status.chain_breaks.is_empty() && status.missing.is_empty(),
        "{status:?}"
    );
}

#[test]
fn an_anonymous_withdrawal_removes_its_file() {
    let mut t = team(1);
    let a = entry(&mut t.members[0], "Uden navn, trukket");
    let id = t.members[0]
        .share_entries(&t.space, &[a], Scope::Anonymous, false)
        .unwrap()
        .remove(0);
    let before = bundle_files(&t.folder);
    assert_eq!(before.len(), 1);
    t.members[0].withdraw_share(&t.space, &id).unwrap();
    assert!(!before[0].exists(), "the anonymous file that carried it is still there");
    for text in readable(&t, 0) {
        assert!(!text.contains("Uden navn, trukket"));
    }
    t.lead.sync_space(&t.space, false).unwrap();
    assert!(titles(&t.lead, &t.space).is_empty());
    assert!(t.lead.space_status(&t.space).unwrap().rejected.is_empty());
}

#[test]
fn comments_on_a_withdrawn_share_are_erased_in_every_journal_and_in_their_writers_files() {
    let mut t = team(3);
    let a = entry(&mut t.members[0], "Med kommentarer");
    let id = t.members[0]
        .share_entries(&t.space, &[a], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.members[1].sync_space(&t.space, false).unwrap();
    t.members[1]
        .comment(&t.space, &id, None, "En kommentar, der skal væk", Audience::Team, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(t.lead.space_comments(&t.space, &id).unwrap().len(), 1);
    t.members[0].withdraw_share(&t.space, &id).unwrap();

    // The lead held the comment; a colleague who never read gets both at once.
    t.lead.sync_space(&t.space, false).unwrap();
    t.members[2].sync_space(&t.space, false).unwrap();
    for (store, who) in [(&t.lead, "the lead"), (&t.members[2], "a colleague reading late")] {
        assert!(
            store.space_comments(&t.space, &id).unwrap_or_default().is_empty(),
            "{who}"
        );
        let db = store.path().to_path_buf();
        let conn = rusqlite::Connection::open(db).unwrap();
        let kept: i64 = conn
            .query_row("SELECT count(*) FROM space_records WHERE kind = 'comment'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, 0, "{who} keeps the comment");
    }
    // Its writer's app takes it out of their file when it reads the withdrawal.
    assert!(readable(&t, 0).iter().any(|t| t.contains("skal væk")));
    t.members[1].sync_space(&t.space, false).unwrap();
    for text in readable(&t, 0) {
        assert!(!text.contains("skal væk"), "the comment is still in the folder");
    }
    t.lead.sync_space(&t.space, false).unwrap();
    let status = t.lead.space_status(&t.space).unwrap();
    assert!(
        status.chain_breaks.is_empty() && status.missing.is_empty() && status.rejected.is_empty(),
        "{status:?}"
    );
}

/// Makes `path` impossible to remove (or possible again), as a sync client holding a file open
/// on Windows does: the file system's immutable flag, which binds root too.
fn hold(path: &Path, on: bool) {
    let status = std::process::Command::new("chattr")
        .arg(if on { "+i" } else { "-i" })
        .arg(path)
        .status()
        .expect("chattr (e2fsprogs) runs");
    assert!(
        status.success(),
        "chattr could not set the immutable flag on {}",
        path.display()
    );
}

#[test]
fn a_file_the_folder_would_not_let_go_of_is_removed_at_the_next_read() {
    let mut t = team(1);
    let a = entry(&mut t.members[0], "Holdt fast");
    let id = t.members[0]
        .share_entries(&t.space, &[a], Scope::Named, false)
        .unwrap()
        .remove(0);
    let first = bundle_files(&t.folder).remove(0);
    hold(&first, true);
    let withdrawn = t.members[0].withdraw_share(&t.space, &id);
    hold(&first, false);
    withdrawn.expect("the withdrawal stands though its old file could not be removed yet");
    assert!(first.exists(), "the old file is still there (the folder held it)");
    let status = t.members[0].space_status(&t.space).unwrap();
    assert_eq!(status.to_remove, 1, "the status says one file waits to be removed");

    // The next read (nothing new in the folder) removes it.
    t.members[0].sync_space(&t.space, false).unwrap();
    assert!(!first.exists(), "the old file is removed at the next read");
    assert_eq!(t.members[0].space_status(&t.space).unwrap().to_remove, 0);
    for text in readable(&t, 0) {
        assert!(!text.contains("Holdt fast"), "the withdrawn share is still in a file");
    }
    t.lead.sync_space(&t.space, false).unwrap();
    assert!(titles(&t.lead, &t.space).is_empty());
    let status = t.lead.space_status(&t.space).unwrap();
    assert!(
        status.chain_breaks.is_empty() && status.missing.is_empty() && status.rejected.is_empty(),
        "{status:?}"
    );
}
