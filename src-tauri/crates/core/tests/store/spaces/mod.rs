//! Reflection spaces between real journals (each its own database) and one shared folder:
//! sharing, reading, withdrawing, roster epochs, hostile and broken files, order and repeats.

mod chain;
mod comments;
mod counts;
mod folder_attacks;
mod hostile;
mod order;
mod outbox;
mod projection;
mod removal_order;
mod retention;
mod review;
mod sessions;
mod sharing;
mod timeline;
mod withdrawal;

use super::quick;
use eftertanke_core::spaces::keys::MemberKeys;
use eftertanke_core::spaces::record::Scope;
use eftertanke_core::{EntryId, OpenOptions, Store};
use serde_json::json;
use std::path::{Path, PathBuf};

pub struct Team {
    pub _tmp: tempfile::TempDir,
    pub folder: PathBuf,
    pub lead: Store,
    pub members: Vec<Store>,
    pub space: String,
    pub dbs: Vec<PathBuf>,
}

/// A journal that writes its anonymous bundles at once (as the CLI's `--now` does), so a test
/// reads them without waiting; `outbox.rs` tests the wait itself.
pub fn journal(dir: &Path, name: &str) -> (Store, PathBuf) {
    let path = dir.join(format!("{name}.sqlite3"));
    let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
    store.send_anonymous_at_once(true);
    (store, path)
}

/// A lead and `n` members who have all joined one space in one folder.
pub fn team(n: usize) -> Team {
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
    let fingerprint = lead_fingerprint(&lead, &space);
    for m in &mut members {
        assert_eq!(m.join_spaces(&folder, &fingerprint).unwrap(), vec![space.clone()]);
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

/// The lead's fingerprint as the lead's screen shows it, to read aloud to a newcomer.
pub fn lead_fingerprint(lead: &Store, space: &str) -> String {
    lead.spaces()
        .unwrap()
        .into_iter()
        .find(|s| s.id == space)
        .unwrap()
        .lead_fingerprint
}

/// A reader the lead adds to the team, which joins and is closed before it reads anything: its
/// database, to copy once per order of reading.
pub fn joined_reader(t: &mut Team) -> PathBuf {
    let (mut reader, reader_db) = journal(t._tmp.path(), "reader");
    let card = reader.member_card("Læser").unwrap();
    t.lead.invite_member(&t.space, &card.to_json()).unwrap();
    reader
        .join_spaces(&t.folder, &lead_fingerprint(&t.lead, &t.space))
        .unwrap();
    reader_db
}

pub fn entry(store: &mut Store, title: &str) -> EntryId {
    store
        .create_entry(&quick("2026-03-12", title, "partly"), None)
        .unwrap()
        .id
}

/// A journal's keys in the space, read from its (unencrypted test) database: what a hostile
/// colleague holds.
pub fn keys_of(db: &Path) -> MemberKeys {
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

pub fn titles(store: &Store, space: &str) -> Vec<String> {
    let mut t: Vec<String> = store
        .space_entries(space)
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    t.sort();
    t
}

pub fn bundle_files(folder: &Path) -> Vec<PathBuf> {
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

/// An anonymous bundle of one record (`json`) signed by `key`, as any member of `roster`'s epoch
/// can make one (for `audience` only, if given), written into the space's anonymous folder as
/// `name`.
pub fn plant_anonymous(
    t: &Team,
    roster: &eftertanke_core::spaces::roster::Roster,
    key: &eftertanke_core::spaces::keys::RecordKey,
    json: String,
    audience: Option<&[String]>,
    name: &str,
) {
    use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
    let mut manifest = Manifest::new(
        roster,
        None,
        vec![SignedRecord {
            sig: Some(key.sign(json.as_bytes())),
            writer: Some(key.public()),
            record: json,
        }],
    );
    if let Some(ids) = audience {
        manifest = manifest.for_audience(ids);
    }
    let dir = t.folder.join(format!("eftertanke-{}/anonymous", t.space));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), seal_bundle(&manifest, None, roster).unwrap().0).unwrap();
}

/// A bundle a hostile or broken writer made, placed where a member's bundles go.
pub fn plant(t: &Team, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = t.folder.join(format!("eftertanke-{}/members/planted", t.space));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn record(title: &str, id: &str, revision: u64) -> String {
    json!({"kind": "entry", "id": id, "revision": revision, "updated_at": "2026-12-02T10:00:00.000Z",
           "scope": "named", "body": {"title": title, "occurred_on": "2026-03-01"}})
    .to_string()
}

/// A copy of a folder tree with only the files `keep` lets through.
pub fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) {
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

/// A copy of a reader's journal, made before it read anything, on a folder of its own that
/// holds only the rosters: bundles reach it only as the test hands them over. Returns the
/// directory (kept alive by the caller), the folder and the journal.
pub fn fresh_reader(t: &Team, reader_db: &Path) -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reader.sqlite3");
    std::fs::copy(reader_db, &db).unwrap();
    let folder = dir.path().join("carrier");
    copy_dir(&t.folder, &folder, &|p| p.extension().is_some_and(|x| x == "roster"));
    let mut r = Store::open(&db, &OpenOptions::default()).unwrap();
    r.move_space_folder(&t.space, &folder).unwrap();
    (dir, folder, r)
}
