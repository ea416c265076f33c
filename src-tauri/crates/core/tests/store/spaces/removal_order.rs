//! Removal is final for every scope, in any order of reading: a removed member's writes after
//! the removal — named, anonymous, counts-only, from their journal or from a copy of it made
//! before — count for nobody, whichever files a reader sees first; their bundles from before
//! the removal stay.

use super::*;

const BEFORE: &str = "Før udmeldelsen";
const COLLEAGUE: &str = "Kollegaens forsøg";

/// A team of a lead and two members, where member 1 shared before the lead removed them and
/// then kept writing: from their journal (which had not read the removal yet) in all three
/// scopes, and from a copy of their journal made before the removal. Returns the team and a
/// reader's journal (joined before any of it, then closed) to copy per order.
fn removal_with_late_writes() -> (Team, PathBuf) {
    let mut t = team(2);
    let reader_db = joined_reader(&mut t);
    for m in &mut t.members {
        m.sync_space(&t.space, false).unwrap();
    }
    let before = entry(&mut t.members[1], BEFORE);
    t.members[1]
        .share_entries(&t.space, &[before], Scope::Named, false)
        .unwrap();
    let colleague = entry(&mut t.members[0], COLLEAGUE);
    t.members[0]
        .share_entries(&t.space, &[colleague], Scope::Named, false)
        .unwrap();
    // A copy of the member's journal from before the removal.
    let copy_db = t._tmp.path().join("m1-copy.sqlite3");
    for suffix in ["", "-wal"] {
        let from = PathBuf::from(format!("{}{suffix}", t.dbs[2].display()));
        if from.exists() {
            std::fs::copy(&from, format!("{}{suffix}", copy_db.display())).unwrap();
        }
    }

    t.lead.remove_member(&t.space, "Medarbejder 1").unwrap();

    // The removed member writes on, at the epoch it still knows, in every scope.
    for (title, scope) in [
        ("Sneget ind med navn", Scope::Named),
        ("Sneget ind uden navn", Scope::Anonymous),
        ("Sneget ind som tal", Scope::Aggregate),
    ] {
        let late = entry(&mut t.members[1], title);
        t.members[1].share_entries(&t.space, &[late], scope, false).unwrap();
    }
    let mut copy = Store::open(&copy_db, &eftertanke_core::OpenOptions::default()).unwrap();
    let late = entry(&mut copy, "Fra den gamle kopi");
    copy.share_entries(&t.space, &[late], Scope::Named, false).unwrap();
    (t, reader_db)
}

/// Every file of the space's folder, below it.
fn space_files(t: &Team) -> Vec<PathBuf> {
    let root = t.folder.join(format!("eftertanke-{}", t.space));
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().strip_prefix(&root).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// What a reader ends with: the shared titles, and the counts (which hold counts-only shares).
fn end_state(r: &Store, space: &str) -> (Vec<String>, usize, String) {
    let status = r.space_status(space).unwrap();
    let counts = serde_json::to_string(&r.space_counts(space).unwrap()).unwrap();
    (titles(r, space), status.aggregate, counts)
}

#[test]
fn the_lead_and_the_colleague_refuse_every_late_write() {
    let (mut t, _) = removal_with_late_writes();
    let report = t.lead.sync_space(&t.space, false).unwrap();
    let late = report
        .rejected
        .iter()
        .filter(|p| p.code == "sealed_out" || p.code == "removed_member")
        .count();
    assert_eq!(late, 4, "{:?}", report.rejected);
    assert_eq!(titles(&t.lead, &t.space), [BEFORE, COLLEAGUE]);
    assert_eq!(t.lead.space_status(&t.space).unwrap().aggregate, 0);
    t.members[0].sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.members[0], &t.space), [BEFORE, COLLEAGUE]);
    assert_eq!(t.members[0].space_status(&t.space).unwrap().aggregate, 0);
}

#[test]
fn fifty_random_orders_and_batches_end_in_one_state() {
    let (t, reader_db) = removal_with_late_writes();
    let files = space_files(&t);
    let root = t.folder.join(format!("eftertanke-{}", t.space));
    let mut seed: u64 = 0xdead_beef;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut states = Vec::new();
    // Orders in which a late write was shown for a while (read before the removal), then taken
    // back when the removal's seal arrived.
    let mut taken_back = 0;
    for _ in 0..50 {
        let mut order = files.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, next() % (i + 1));
        }
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("reader.sqlite3");
        std::fs::copy(&reader_db, &db).unwrap();
        let carrier = dir.path().join("carrier");
        std::fs::create_dir_all(&carrier).unwrap();
        let mut r = Store::open(&db, &eftertanke_core::OpenOptions::default()).unwrap();
        r.move_space_folder(&t.space, &carrier).unwrap();
        let into = carrier.join(format!("eftertanke-{}", t.space));
        let mut handed = 0;
        let mut shown_late = false;
        while handed < order.len() {
            let batch = 1 + next() % 4;
            for rel in order.iter().skip(handed).take(batch) {
                let to = into.join(rel);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(root.join(rel), &to).unwrap();
            }
            handed += batch;
            r.sync_space(&t.space, false).unwrap();
            shown_late |= titles(&r, &t.space)
                .iter()
                .any(|t| t.starts_with("Sneget") || t.contains("kopi"));
        }
        taken_back += usize::from(shown_late);
        states.push(end_state(&r, &t.space));
    }
    let (titles, aggregate, _) = &states[0];
    assert_eq!(titles, &[BEFORE, COLLEAGUE], "the late writes count nowhere");
    assert_eq!(*aggregate, 0);
    assert!(states.iter().all(|s| s == &states[0]), "every order ends alike");
    assert!(taken_back > 0, "some orders read a late write before the removal");
}

/// A colleague who shared at the very moment of the removal, before reading it, missed the
/// seal: readers refuse that bundle, and the colleague's app writes the share again at the new
/// epoch as soon as it reads the removal, where it counts.
#[test]
fn a_share_that_missed_the_seal_is_written_again_at_the_new_epoch() {
    let mut t = team(2);
    t.lead.remove_member(&t.space, "Medarbejder 1").unwrap();
    // Member 0 has not read the removal yet: it shares at the epoch before.
    let late = entry(&mut t.members[0], "I sidste øjeblik");
    t.members[0]
        .share_entries(&t.space, &[late], Scope::Named, false)
        .unwrap();
    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(report.rejected.iter().filter(|p| p.code == "sealed_out").count(), 1);
    assert!(titles(&t.lead, &t.space).is_empty());
    // Member 0 reads the removal: its share goes out again, and is no longer its problem.
    t.members[0].sync_space(&t.space, false).unwrap();
    let status = t.members[0].space_status(&t.space).unwrap();
    assert!(status.rejected.is_empty(), "{:?}", status.rejected);
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["I sidste øjeblik"]);
    assert_eq!(titles(&t.members[0], &t.space), ["I sidste øjeblik"]);
}
