//! Reflection spaces between real journals (each its own database) and one shared folder:
//! sharing, reading, withdrawing, roster epochs, hostile and broken files, order and repeats.

use super::quick;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
use eftertanke_core::spaces::keys::MemberKeys;
use eftertanke_core::spaces::record::Scope;
use eftertanke_core::{EntryId, ErrorKind, OpenOptions, Problem, Store};
use serde_json::json;
use std::path::{Path, PathBuf};

struct Team {
    _tmp: tempfile::TempDir,
    folder: PathBuf,
    lead: Store,
    members: Vec<Store>,
    space: String,
    dbs: Vec<PathBuf>,
}

fn journal(dir: &Path, name: &str) -> (Store, PathBuf) {
    let path = dir.join(format!("{name}.sqlite3"));
    (Store::open(&path, &OpenOptions::default()).unwrap(), path)
}

/// A lead and `n` members who have all joined one space in one folder.
fn team(n: usize) -> Team {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("OneDrive - Kommune/Team Nord");
    std::fs::create_dir_all(&folder).unwrap();
    let (mut lead, lead_db) = journal(tmp.path(), "lead");
    let space = lead.create_space("Team Nord", "Teamleder", &folder).unwrap();
    let mut members = Vec::new();
    let mut dbs = vec![lead_db];
    for i in 0..n {
        let (mut m, db) = journal(tmp.path(), &format!("m{i}"));
        let card = m.member_card(&format!("Medarbejder {i}")).unwrap();
        lead.invite_member(&space, &card.to_code()).unwrap();
        members.push(m);
        dbs.push(db);
    }
    for m in &mut members {
        assert_eq!(m.join_spaces(&folder).unwrap(), vec![space.clone()]);
        m.sync_space(&space, false).unwrap();
    }
    Team {
        _tmp: tmp,
        folder,
        lead,
        members,
        space,
        dbs,
    }
}

fn entry(store: &mut Store, title: &str) -> EntryId {
    store
        .create_entry(&quick("2026-03-12", title, "partly"), None)
        .unwrap()
        .id
}

/// A journal's keys in the space, read from its (unencrypted test) database: what a hostile
/// colleague holds.
fn keys_of(db: &Path) -> MemberKeys {
    let conn = rusqlite::Connection::open(db).unwrap();
    let (age, signing): (String, Vec<u8>) = conn
        .query_row(
            "SELECT i.age_secret, i.signing_secret FROM member_identities i JOIN spaces s ON s.identity_id = i.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    MemberKeys::from_secrets(&age, &signing).unwrap()
}

fn titles(store: &Store, space: &str) -> Vec<String> {
    let mut t: Vec<String> = store
        .space_entries(space)
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    t.sort();
    t
}

fn bundle_files(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "bundle") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_shared_reflection_reaches_the_lead_and_a_colleague_and_a_withdrawal_takes_it_back() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Lektiecafé i Bydelshuset");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    assert_ne!(shared[0], private.to_string(), "the private id never leaves");

    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!((report.bundles, report.records), (1, 1), "{report:?}");
    let seen = t.lead.space_entries(&t.space).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].title, "Lektiecafé i Bydelshuset");
    assert_eq!(seen[0].author.as_deref(), Some("Medarbejder 0"));
    assert!(!seen[0].mine);
    t.members[1].sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.members[1], &t.space), vec!["Lektiecafé i Bydelshuset"]);
    assert!(t.members[0].space_entries(&t.space).unwrap()[0].mine);
    // Reading twice changes nothing.
    let again = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!((again.bundles, again.records), (0, 0));

    // An edit re-shared is the next revision of the same shared record.
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let seen = t.lead.space_entries(&t.space).unwrap();
    assert_eq!(
        (seen.len(), seen[0].id.as_str(), seen[0].revision),
        (1, shared[0].as_str(), 2)
    );

    t.members[0].withdraw_share(&t.space, &shared[0]).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert!(t.lead.space_entries(&t.space).unwrap().is_empty());
    assert_eq!(t.lead.space_status(&t.space).unwrap().missing, vec![]);
}

#[test]
fn bundles_give_the_same_journal_in_any_order_and_read_twice() {
    let mut t = team(3);
    // A reader whose database is copied before it reads anything, once per order.
    let (mut reader, reader_db) = journal(t._tmp.path(), "reader");
    let card = reader.member_card("Læser").unwrap();
    t.lead.invite_member(&t.space, &card.to_json()).unwrap();
    reader.join_spaces(&t.folder).unwrap();
    drop(reader);
    for m in &mut t.members {
        m.sync_space(&t.space, false).unwrap();
    }
    // 3 authors × 20 bundles: shares, re-shares, withdrawals, anonymous ones.
    for (a, m) in t.members.iter_mut().enumerate() {
        let ids: Vec<EntryId> = (0..4).map(|i| entry(m, &format!("Forsøg {a}.{i}"))).collect();
        let mut shared = Vec::new();
        for round in 0..20 {
            let i = round % 4;
            match round {
                0..=3 => shared.push(m.share_entries(&t.space, &[ids[i]], Scope::Named, false).unwrap()[0].clone()),
                4 => {
                    let anonymous = entry(m, &format!("Anonymt {a}"));
                    m.share_entries(&t.space, &[anonymous], Scope::Anonymous, false)
                        .unwrap();
                }
                9 | 14 => m.withdraw_share(&t.space, &shared[i]).unwrap(),
                _ => {
                    m.share_entries(&t.space, &[ids[i]], Scope::Named, false).unwrap();
                }
            }
        }
    }
    let files = bundle_files(&t.folder);
    assert_eq!(files.len(), 60, "3 authors x 20 bundles");
    let mut results = Vec::new();
    let mut seed: u64 = 0x5eed;
    for order in 0..6 {
        let mut files = files.clone();
        if order > 0 {
            // Fisher–Yates with a fixed LCG: different orders, the same every run.
            for i in (1..files.len()).rev() {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                files.swap(i, (seed >> 33) as usize % (i + 1));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("reader.sqlite3");
        std::fs::copy(&reader_db, &db).unwrap();
        let folder = dir.path().join("carrier");
        copy_dir(&t.folder, &folder, &|p| p.extension().is_some_and(|x| x == "roster"));
        let mut r = Store::open(&db, &OpenOptions::default()).unwrap();
        r.move_space_folder(&t.space, &folder).unwrap();
        for (n, f) in files.iter().enumerate() {
            let rel = f.strip_prefix(&t.folder).unwrap();
            let to = folder.join(rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(f, &to).unwrap();
            if n % 7 == 0 {
                // A carrier's conflict copy of the same bytes, and a second read.
                std::fs::copy(f, to.with_extension("sync-conflict-20261202-ABCDEF.bundle")).unwrap();
                r.sync_space(&t.space, false).unwrap();
            }
        }
        let report = r.sync_space(&t.space, false).unwrap();
        assert!(report.rejected.is_empty(), "{:?}", report.rejected);
        assert_eq!(
            r.space_status(&t.space).unwrap().missing,
            vec![],
            "every bundle arrived"
        );
        results.push(serde_json::to_string(&r.space_entries(&t.space).unwrap()).unwrap());
    }
    assert!(
        results.windows(2).all(|w| w[0] == w[1]),
        "every order gives the same space"
    );
    let seen: Vec<serde_json::Value> = serde_json::from_str(&results[0]).unwrap();
    // Per author: 4 entries (two withdrawn and shared again under new shared ids) and one
    // anonymous share.
    assert_eq!(seen.len(), 15);
    assert_eq!(seen.iter().filter(|e| e["scope"] == "anonymous").count(), 3);
}

fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let target = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &target, keep);
        } else if keep(&p) {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

/// A bundle a hostile or broken writer made, placed where a member's bundles go.
fn plant(t: &Team, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = t.folder.join(format!("eftertanke-{}/members/planted", t.space));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn record(title: &str, id: &str, revision: u64) -> String {
    json!({"kind": "entry", "id": id, "revision": revision, "updated_at": "2026-12-02T10:00:00.000Z",
           "scope": "named", "body": {"title": title, "occurred_on": "2026-03-01"}})
    .to_string()
}

#[test]
fn hostile_and_broken_bundles_are_refused_with_a_reason_and_change_nothing() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Madklub");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let before = serde_json::to_string(&t.lead.space_entries(&t.space).unwrap()).unwrap();
    let roster = t.lead.space_roster(&t.space).unwrap();
    let good = bundle_files(&t.folder)[0].clone();
    let bytes = std::fs::read(&good).unwrap();
    let member = keys_of(&t.dbs[1]);
    let stranger = MemberKeys::generate().unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let one = |title: &str| {
        vec![SignedRecord {
            record: record(title, &id, 1),
            writer: None,
            sig: None,
        }]
    };

    let mut cases: Vec<(&str, Vec<u8>, &str)> = Vec::new();
    cases.push(("truncated", bytes[..bytes.len() / 2].to_vec(), "damaged"));
    let mut flipped = bytes.clone();
    let at = flipped.len() - 40;
    flipped[at] ^= 0x01;
    cases.push(("one byte flipped", flipped, "damaged"));
    // Signed by someone the roster does not name.
    let m = Manifest::new(&roster, Some((&stranger, 1, None)), one("Fremmed"));
    cases.push((
        "a non-member's",
        seal_bundle(&m, Some(&stranger), &roster).unwrap().0,
        "not_a_member",
    ));
    // A member's key id with a stranger's signature.
    let m = Manifest::new(&roster, Some((&member, 50, None)), one("Forfalsket"));
    cases.push((
        "forged signature",
        seal_bundle(&m, Some(&stranger), &roster).unwrap().0,
        "bad_signature",
    ));
    // Neither signed nor with the membership code.
    let m = Manifest::new(&roster, None, one("Usigneret"));
    let mut other = roster.clone();
    other.membership_key = "AAAA".into();
    cases.push(("unsigned", seal_bundle(&m, None, &other).unwrap().0, "bad_signature"));
    // A future format.
    let mut m = Manifest::new(&roster, Some((&member, 51, None)), one("Fremtid"));
    m.format = 99;
    cases.push((
        "a future format",
        seal_bundle(&m, Some(&member), &roster).unwrap().0,
        "newer_format",
    ));
    // Another space's.
    let mut m = Manifest::new(&roster, Some((&member, 52, None)), one("Andet rum"));
    m.space = uuid::Uuid::now_v7().to_string();
    cases.push((
        "another space's",
        seal_bundle(&m, Some(&member), &roster).unwrap().0,
        "other_space",
    ));
    // Oversized.
    cases.push(("oversized", vec![b'a'; 17 * 1024 * 1024], "too_large"));
    // A record that is not one.
    let m = Manifest::new(
        &roster,
        Some((&member, 53, None)),
        vec![SignedRecord {
            record: "{}".into(),
            writer: None,
            sig: None,
        }],
    );
    cases.push((
        "a malformed record",
        seal_bundle(&m, Some(&member), &roster).unwrap().0,
        "bad_record",
    ));

    for (i, (_, bytes, _)) in cases.iter().enumerate() {
        plant(&t, &format!("{i:08}-hostile.bundle"), bytes);
    }
    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(report.bundles, 0, "{report:?}");
    for (i, (what, _, code)) in cases.iter().enumerate() {
        let p = report
            .rejected
            .iter()
            .find(|p| p.name.contains(&format!("{i:08}-hostile")))
            .unwrap_or_else(|| panic!("{what} not refused: {report:?}"));
        assert_eq!(p.code, *code, "{what}: {}", p.reason);
        assert!(!p.reason.is_empty());
    }
    assert_eq!(
        serde_json::to_string(&t.lead.space_entries(&t.space).unwrap()).unwrap(),
        before,
        "nothing changed"
    );
    assert_eq!(t.lead.space_status(&t.space).unwrap().rejected.len(), cases.len());
}

#[test]
fn a_removed_member_cannot_read_later_bundles_and_their_later_bundles_are_refused() {
    let mut t = team(2);
    let removed_keys = keys_of(&t.dbs[2]);
    t.lead.remove_member(&t.space, "Medarbejder 1").unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    let private = entry(&mut t.members[0], "Efter udmeldelsen");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    // The removed member's journal reads nothing of it, and its keys cannot decrypt it.
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(t.members[1].space_entries(&t.space).unwrap().is_empty());
    let newest = bundle_files(&t.folder).into_iter().last().unwrap();
    assert!(age::decrypt(removed_keys.identity(), &std::fs::read(&newest).unwrap()).is_err());
    // It cannot share any more.
    let own = entry(&mut t.members[1], "Forsøg");
    let err = t.members[1]
        .share_entries(&t.space, &[own], Scope::Named, false)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(t.members[1].space_status(&t.space).unwrap().removed);
    // A bundle it writes anyway at the last epoch it read is refused by the others.
    let roster_before = t.members[1].space_roster(&t.space).unwrap();
    assert!(roster_before.epoch < t.lead.space_roster(&t.space).unwrap().epoch);
    let id = uuid::Uuid::now_v7().to_string();
    let m = Manifest::new(
        &roster_before,
        Some((&removed_keys, 9, None)),
        vec![SignedRecord {
            record: record("Sneget ind", &id, 1),
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000009-late.bundle",
        &seal_bundle(&m, Some(&removed_keys), &roster_before).unwrap().0,
    );
    let report = t.lead.sync_space(&t.space, false).unwrap();
    let p = report.rejected.iter().find(|p| p.name.contains("late")).unwrap();
    assert_eq!(p.code, "removed_member", "{}", p.reason);
    assert!(!titles(&t.lead, &t.space).contains(&"Sneget ind".to_owned()));
}

#[test]
fn an_anonymous_share_holds_no_author_installation_or_exact_date() {
    let mut t = team(1);
    let private = entry(&mut t.members[0], "Fælles spisning");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Anonymous, false)
        .unwrap();
    let file = bundle_files(&t.folder)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("anonymous"))
        .unwrap();
    let plain = age::decrypt(keys_of(&t.dbs[0]).identity(), &std::fs::read(&file).unwrap()).unwrap();
    let text = String::from_utf8(plain).unwrap();
    let author = keys_of(&t.dbs[1]);
    let installation = t.members[0].installation_id().to_string();
    let roster = t.lead.space_roster(&t.space).unwrap();
    let me = roster.members.iter().find(|m| m.name == "Medarbejder 0").unwrap();
    for needle in [
        author.public().key_id(),
        author.public().signing.clone(),
        author.public().age.clone(),
        installation,
        me.member.clone(),
        "Medarbejder 0".into(),
        "2026-03-12".into(),
        private.to_string(),
    ] {
        assert!(!text.contains(&needle), "the anonymous bundle holds {needle}");
    }
    assert!(text.contains("2026-03"), "the month stays");
    t.lead.sync_space(&t.space, false).unwrap();
    let seen = t.lead.space_entries(&t.space).unwrap();
    assert_eq!(
        (seen.len(), seen[0].author.clone(), seen[0].scope),
        (1, None, Scope::Anonymous)
    );
}

#[test]
fn a_vanished_file_deletes_nothing_and_a_vanished_folder_changes_nothing() {
    let mut t = team(1);
    let private = entry(&mut t.members[0], "Gårdfest");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    for f in bundle_files(&t.folder) {
        std::fs::remove_file(f).unwrap();
    }
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), vec!["Gårdfest"]);
    let moved = t.folder.with_extension("moved");
    std::fs::rename(&t.folder, &moved).unwrap();
    let err = t.lead.sync_space(&t.space, false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unwritable);
    assert!(err.to_string().contains("not there"), "{err}");
    let another = entry(&mut t.members[0], "Endnu et forsøg");
    assert_eq!(
        t.members[0]
            .share_entries(&t.space, &[another], Scope::Named, false)
            .unwrap_err()
            .kind(),
        ErrorKind::Unwritable
    );
    assert!(!t.folder.exists(), "nothing made a new empty folder");
    assert_eq!(titles(&t.lead, &t.space), vec!["Gårdfest"]);
}

#[test]
fn the_guard_blocks_a_cpr_number_at_share_and_holds_one_back_at_import() {
    let mut t = team(1);
    let mut input = quick("2026-03-12", "Samtale", "partly");
    input.answers.insert(
        "what_happened".into(),
        json!("Borgeren gav sit nummer 010203-1234 ved døren."),
    );
    input.override_personal_data = true;
    let private = t.members[0].create_entry(&input, None).unwrap().id;
    let err = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, true)
        .unwrap_err();
    assert_eq!(err.problem(), Some(Problem::PersonalData));
    assert!(!err.to_string().contains("1234"), "the number is not repeated: {err}");
    assert!(bundle_files(&t.folder).is_empty(), "nothing left the journal");
    // A phone number asks first.
    let mut input = quick("2026-03-13", "Opringning", "partly");
    input
        .answers
        .insert("what_happened".into(), json!("Ring til 20 30 40 50 om mødet."));
    let phone = t.members[0].create_entry(&input, None).unwrap().id;
    assert_eq!(
        t.members[0]
            .share_entries(&t.space, &[phone], Scope::Named, false)
            .unwrap_err()
            .problem(),
        Some(Problem::PersonalData)
    );
    t.members[0]
        .share_entries(&t.space, &[phone], Scope::Named, true)
        .unwrap();

    // A colleague's build without the guard: the number arrives and is held back.
    let keys = keys_of(&t.dbs[1]);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let rec =
        json!({"kind": "entry", "id": id, "revision": 1, "updated_at": "2026-12-02T10:00:00.000Z", "scope": "named",
                     "body": {"title": "Ulovlig", "answers": {"what_happened": "cpr 010203-1234"}}})
        .to_string();
    let m = Manifest::new(
        &roster,
        Some((&keys, 40, None)),
        vec![SignedRecord {
            record: rec,
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000040-cpr.bundle",
        &seal_bundle(&m, Some(&keys), &roster).unwrap().0,
    );
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), vec!["Opringning"]);
    let status = t.lead.space_status(&t.space).unwrap();
    assert_eq!(status.held_back.len(), 1);
    assert_eq!(status.held_back[0].author.as_deref(), Some("Medarbejder 0"));
    assert!(status.held_back[0].reason.contains("answers.what_happened"));
}
