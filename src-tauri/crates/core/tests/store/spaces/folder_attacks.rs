//! The folder as an attacker leaves it: files anyone with write access can drop there — an
//! unreadable "roster", links, pipes, huge and junk files — lock nobody out, stall no read,
//! move no member's numbering and leave nothing in the status once they are gone.

use super::*;
use eftertanke_core::OpenOptions;
use std::sync::mpsc;
use std::time::Duration;

fn rosters_dir(t: &Team) -> PathBuf {
    t.folder.join(format!("eftertanke-{}/rosters", t.space))
}

/// An age file encrypted to nobody in the team.
fn foreign_age_file() -> Vec<u8> {
    let stranger = MemberKeys::generate().unwrap();
    age::encrypt(
        &stranger.public().recipient().unwrap(),
        b"{\"kind\":\"eftertanke-roster\"}",
    )
    .unwrap()
}

fn codes(store: &Store, space: &str) -> Vec<String> {
    store
        .space_status(space)
        .unwrap()
        .rejected
        .into_iter()
        .map(|p| p.code)
        .collect()
}

#[test]
fn an_unreadable_file_named_like_a_later_roster_locks_nobody_out() {
    let mut t = team(2);
    let planted = rosters_dir(&t).join("000099-ffffffffffffffff.roster");
    std::fs::write(&planted, foreign_age_file()).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    for m in &mut t.members {
        m.sync_space(&t.space, false).unwrap();
    }
    for store in std::iter::once(&t.lead).chain(&t.members) {
        let status = store.space_status(&t.space).unwrap();
        assert!(!status.removed, "nobody is removed by a file anyone can write");
        let named: Vec<_> = status.rejected.iter().filter(|p| p.code == "not_a_roster").collect();
        assert_eq!(named.len(), 1, "named once: {:?}", status.rejected);
        assert!(
            named[0].reason.contains("not a roster of this space"),
            "{}",
            named[0].reason
        );
    }
    // Everyone still shares, comments and reads.
    let private = entry(&mut t.members[0], "Stadig med");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["Stadig med"]);
    // Read again, it is still named once; gone, it is forgotten.
    t.members[1].sync_space(&t.space, false).unwrap();
    assert_eq!(codes(&t.members[1], &t.space), ["not_a_roster"]);
    std::fs::remove_file(&planted).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(codes(&t.members[1], &t.space).is_empty());
}

#[test]
fn a_journal_an_earlier_version_marked_removed_recovers_when_it_opens() {
    let mut t = team(1);
    drop(t.members.remove(0));
    // As the earlier version left it: marked removed by an unreadable file, schema 12.
    {
        let conn = rusqlite::Connection::open(&t.dbs[1]).unwrap();
        conn.execute_batch(
            "UPDATE spaces SET removed_at = '2026-12-01T10:00:00.000Z';
             DROP TABLE space_file_stats; DROP TABLE space_roster_files; DROP TABLE space_file_records;
             DROP TABLE space_seals; DROP TABLE space_counts_released; DROP TABLE space_seen; DROP TABLE space_reviewed; DROP TABLE space_outbox; DROP TABLE space_files_to_remove; DROP TABLE search_edited; DROP INDEX space_records_counts_only; ALTER TABLE spaces DROP COLUMN not_ours;
             ALTER TABLE space_files DROP COLUMN epoch; PRAGMA user_version = 12;",
        )
        .unwrap();
    }
    let mut member = Store::open(&t.dbs[1], &OpenOptions::default()).unwrap();
    assert!(!member.space_status(&t.space).unwrap().removed);
    let private = entry(&mut member, "Tilbage");
    member.share_entries(&t.space, &[private], Scope::Named, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["Tilbage"]);
}

#[test]
fn a_real_removal_is_told_by_the_leads_notice_and_a_colleagues_forged_notice_is_not() {
    use eftertanke_core::spaces::removal::RemovalNotice;
    let mut t = team(2);
    let victim = keys_of(&t.dbs[1]);
    let colleague = keys_of(&t.dbs[2]);
    // A colleague signs a "notice" removing member 0: it is not the lead's.
    let forged = RemovalNotice::new(&t.space, 9, &victim.public().key_id(), "2026-12-07T10:00:00.000Z");
    std::fs::write(
        rosters_dir(&t).join(forged.file_name()),
        forged.seal(&colleague, &victim.public()).unwrap(),
    )
    .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    assert!(!t.members[0].space_status(&t.space).unwrap().removed);
    std::fs::remove_file(rosters_dir(&t).join(forged.file_name())).unwrap();
    // The lead's removal is.
    t.lead.remove_member(&t.space, "Medarbejder 0").unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    assert!(t.members[0].space_status(&t.space).unwrap().removed);
    // A notice deleted from the folder is written again by the lead's next read.
    for f in std::fs::read_dir(rosters_dir(&t)).unwrap().flatten() {
        if f.path().extension().is_some_and(|e| e == "notice") {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    t.lead.sync_space(&t.space, false).unwrap();
    let notices = std::fs::read_dir(rosters_dir(&t))
        .unwrap()
        .flatten()
        .filter(|f| f.path().extension().is_some_and(|e| e == "notice"))
        .count();
    assert_eq!(notices, 1);
}

#[test]
fn two_rosters_of_one_epoch_are_named_as_a_fork() {
    let mut t = team(1);
    let lead = keys_of(&t.dbs[0]);
    let roster = t.lead.space_roster(&t.space).unwrap();
    for (i, issued) in ["2026-12-07T10:00:00.000Z", "2026-12-07T10:00:01.000Z"]
        .iter()
        .enumerate()
    {
        let next = roster.next(issued).unwrap();
        std::fs::write(
            rosters_dir(&t).join(format!("{:06}-fork{i}.roster", next.epoch)),
            next.seal(&lead).unwrap(),
        )
        .unwrap();
    }
    t.members[0].sync_space(&t.space, false).unwrap();
    let status = t.members[0].space_status(&t.space).unwrap();
    assert_eq!(status.roster_forks, [roster.epoch + 1]);
}

/// Runs `f` on a thread of its own and fails if it takes longer than a minute: a read that
/// hangs on a pipe must fail the test, not stall it.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the read did not end within a minute")
}

#[cfg(unix)]
#[test]
fn links_pipes_huge_and_junk_files_are_left_alone_and_forgotten_when_gone() {
    let mut t = team(1);
    let first = entry(&mut t.members[0], "Først");
    t.members[0]
        .share_entries(&t.space, &[first], Scope::Named, false)
        .unwrap();
    let own = bundle_files(&t.folder)[0].parent().unwrap().to_path_buf();
    std::os::unix::fs::symlink("/dev/zero", own.join("00000002-zero.bundle")).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(own.join("00000003-pipe.bundle"))
            .status()
            .unwrap()
            .success()
    );
    std::fs::File::create(own.join("00000004-huge.bundle"))
        .unwrap()
        .set_len(4 << 30)
        .unwrap();
    const JUNK: usize = 3_000;
    for i in 0..JUNK {
        std::fs::write(own.join(format!("{:08}-junk.bundle", 90_000 + i)), b"not ours").unwrap();
    }
    let mut lead = t.lead;
    let space = t.space.clone();
    let (report, lead) = within_a_minute(move || {
        let r = lead.sync_space(&space, false).unwrap();
        (r, lead)
    });
    t.lead = lead;
    assert_eq!(report.bundles, 1, "{report:?}");
    assert_eq!(report.not_ours, JUNK + 2, "the junk, the link and the pipe: {report:?}");
    let too_large: Vec<_> = report.rejected.iter().filter(|p| p.code == "too_large").collect();
    assert_eq!(too_large.len(), 1, "{:?}", report.rejected);
    assert_eq!(
        report.rejected.len(),
        1,
        "junk is counted, not listed: {:?}",
        report.rejected.len()
    );
    // The member's next bundle follows its own, not the junk's numbers.
    let next = entry(&mut t.members[0], "Dernæst");
    t.members[0]
        .share_entries(&t.space, &[next], Scope::Named, false)
        .unwrap();
    assert!(
        own.read_dir()
            .unwrap()
            .flatten()
            .any(|f| f.file_name().to_string_lossy().starts_with("00000002-"))
    );
    let again = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(again.bundles, 1, "{again:?}");
    let status = t.lead.space_status(&t.space).unwrap();
    assert!(
        status.missing.is_empty(),
        "no bundle is missing: {:?}",
        status.missing.len()
    );
    assert_eq!(status.not_ours, JUNK + 2);
    // Gone, forgotten.
    for f in own.read_dir().unwrap().flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("00000001-") || name.starts_with("00000002-")) || name.contains("zero") {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    t.lead.sync_space(&t.space, false).unwrap();
    let status = t.lead.space_status(&t.space).unwrap();
    assert_eq!(status.not_ours, 0);
    assert!(status.rejected.is_empty(), "{:?}", status.rejected);
    assert_eq!(titles(&t.lead, &t.space), ["Dernæst", "Først"]);
}

#[test]
fn a_quiet_read_opens_no_file_again() {
    let mut t = team(1);
    for title in ["En", "To", "Tre"] {
        let e = entry(&mut t.members[0], title);
        t.members[0].share_entries(&t.space, &[e], Scope::Named, false).unwrap();
    }
    t.lead.sync_space(&t.space, false).unwrap();
    // Made unreadable without changing size, time or file id: a read that opened it would
    // call it damaged; a read that trusts what it saw leaves it as read.
    let file = bundle_files(&t.folder)[0].clone();
    let meta = std::fs::metadata(&file).unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&file, &bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(report.bundles, 0);
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.unchanged, 3 + 2, "three bundles and two rosters: {report:?}");
}

#[test]
fn a_shadow_roster_naming_a_colleague_as_lead_is_refused_at_join() {
    use eftertanke_core::spaces::roster::{Role, Roster, RosterMember};
    let mut t = team(1);
    let (mut newcomer, _) = journal(t._tmp.path(), "newcomer");
    let card = newcomer.member_card("Ny").unwrap();
    // A colleague makes a space of their own in the team's folder, names themselves its lead
    // and the newcomer its member, to receive the newcomer's "only the author" threads.
    let colleague = keys_of(&t.dbs[1]);
    let shadow_id = uuid::Uuid::now_v7().to_string();
    let lead = RosterMember {
        member: "skygge".into(),
        name: "Teamleder".into(),
        role: Role::Lead,
        keys: colleague.public(),
    };
    let mut shadow = Roster::new_space(&shadow_id, "Team Nord", lead, "2026-12-07T10:00:00.000Z").unwrap();
    shadow.members.push(RosterMember {
        member: "ny".into(),
        name: "Ny".into(),
        role: Role::Member,
        keys: card.keys.clone(),
    });
    let dir = t.folder.join(format!("eftertanke-{shadow_id}/rosters"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("000001-skygge.roster"), shadow.seal(&colleague).unwrap()).unwrap();
    let fingerprint = lead_fingerprint(&t.lead, &t.space);
    let refused = newcomer.join_spaces(&t.folder, &fingerprint).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("not by the lead whose fingerprint you gave"),
        "{refused}"
    );
    assert!(newcomer.spaces().unwrap().is_empty(), "nothing taken from the folder");
    // The real lead adds the card: the real space is joined, the shadow never.
    t.lead.invite_member(&t.space, &card.to_code()).unwrap();
    assert_eq!(
        newcomer.join_spaces(&t.folder, &fingerprint).unwrap(),
        [t.space.clone()]
    );
    assert_eq!(newcomer.spaces().unwrap().len(), 1);
    // A fingerprint that is not one is refused with its shape.
    let typo = newcomer.join_spaces(&t.folder, "7F3A 09C2").unwrap_err();
    assert!(typo.to_string().contains("five groups of four"), "{typo}");
}

#[test]
fn an_anonymous_records_id_cannot_be_claimed_first_by_a_colleague() {
    use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
    use eftertanke_core::spaces::keys::{RecordKey, bound_record_id};
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Anonymt forsøg");
    let ids = t.members[0]
        .share_entries(&t.space, &[private], Scope::Anonymous, false)
        .unwrap();
    let id = ids[0].clone();
    assert_eq!(
        uuid::Uuid::parse_str(&id).unwrap().get_version_num(),
        8,
        "no time in the id"
    );
    // The colleague reads it, and writes the same id first: in a named bundle of their own, and
    // as "another anonymous writer" with a key of their own.
    t.members[1].sync_space(&t.space, false).unwrap();
    let colleague = keys_of(&t.dbs[2]);
    let roster = t.members[1].space_roster(&t.space).unwrap();
    let named = Manifest::new(
        &roster,
        Some((&colleague, 1, None)),
        vec![SignedRecord {
            record: record("Kapret", &id, 5),
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000001-claim.bundle",
        &seal_bundle(&named, Some(&colleague), &roster).unwrap().0,
    );
    let key = RecordKey::generate().unwrap();
    assert_ne!(bound_record_id(&key.public()), id);
    plant_anonymous(
        &t,
        &roster,
        &key,
        record("Også kapret", &id, 5),
        None,
        "0000-claim.bundle",
    );
    let report = t.lead.sync_space(&t.space, false).unwrap();
    let refused: Vec<_> = report.rejected.iter().filter(|p| p.name.contains("claim")).collect();
    assert_eq!(refused.len(), 2, "{:?}", report.rejected);
    assert!(refused.iter().all(|p| p.code == "bad_record"), "{refused:?}");
    assert_eq!(titles(&t.lead, &t.space), ["Anonymt forsøg"]);
}
