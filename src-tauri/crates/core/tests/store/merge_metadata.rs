//! The merge unit, kept by every write: entries, actions, initiatives and links each keep their
//! id and author for good, get a higher revision and a later `updated_at` with every change, and
//! leave a tombstone instead of disappearing. Checked over random sequences of edits, with the
//! database read bare after every step.

use super::quick;
use eftertanke_core::{ActionId, Entry, EntryId, InitiativeInput, LinkId, LinkKind, OpenOptions, Store};
use rusqlite::Connection;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// xorshift64*, seeded: a failing sequence is reproduced from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    author: String,
    revision: i64,
    updated_at: String,
    deleted: bool,
    /// Every other column, as the record's content.
    content: String,
}

type Snapshot = BTreeMap<(&'static str, String), Row>;

/// The merge metadata and content of every record of the four tables that travel.
fn snapshot(conn: &Connection) -> Snapshot {
    let mut all = Snapshot::new();
    let tables: [(&'static str, &str); 4] = [
        (
            "entries",
            "title || answers || occurred_on || outcome || coalesce(initiative_id, '') || coalesce(completed_at, '')",
        ),
        (
            "actions",
            "entry_id || position || text || owner || coalesce(review_on, '') || status || status_note",
        ),
        ("initiatives", "title || neighbourhood || citizen_group || purpose"),
        ("entry_links", "from_entry || to_entry || kind"),
    ];
    for (table, content) in tables {
        let sql = format!("SELECT id, author_id, revision, updated_at, deleted_at IS NOT NULL, {content} FROM {table}");
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Row {
                        author: r.get(1)?,
                        revision: r.get(2)?,
                        updated_at: r.get(3)?,
                        deleted: r.get(4)?,
                        content: r.get(5)?,
                    },
                ))
            })
            .unwrap();
        for row in rows {
            let (id, row) = row.unwrap();
            all.insert((table, id), row);
        }
    }
    all
}

fn check(before: &Snapshot, after: &Snapshot, step: &str) {
    for (key, old) in before {
        let new = after
            .get(key)
            .unwrap_or_else(|| panic!("{step}: {key:?} was removed instead of tombstoned"));
        assert_eq!(new.author, old.author, "{step}: {key:?} keeps its author");
        assert!(new.revision >= old.revision, "{step}: {key:?}'s revision went back");
        assert!(
            new.updated_at >= old.updated_at,
            "{step}: {key:?}'s updated_at went back"
        );
        assert!(
            !old.deleted || new.deleted,
            "{step}: {key:?} came back from its tombstone"
        );
        if new.content != old.content || new.deleted != old.deleted {
            assert!(
                new.revision > old.revision,
                "{step}: {key:?} changed without a new revision"
            );
        }
    }
}

fn actions_answer(entry: &Entry) -> Value {
    Value::Array(
        entry
            .actions
            .iter()
            .map(|a| json!({ "id": a.id.to_string(), "text": a.text, "owner": a.owner }))
            .collect(),
    )
}

const INITIATIVES: [&str; 5] = [
    "Ældrecaféen",
    "ældrecaféen",
    "Lektiecafé",
    "LEKTIECAFÉ",
    "Strandvejens Gårdlaug",
];

fn one_sequence(seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mut rng = Rng(seed | 1);
    let mut entries: Vec<EntryId> = Vec::new();
    let mut links: Vec<LinkId> = Vec::new();
    let mut before = snapshot(&conn);
    for step in 0..160 {
        let op = if entries.len() < 3 { 0 } else { rng.below(7) };
        let label = format!("seed {seed}, step {step}, op {op}");
        match op {
            0 => {
                let mut input = quick("2026-02-01", &format!("Forsøg {step}"), "partly");
                input
                    .answers
                    .insert("initiative".into(), json!(INITIATIVES[rng.below(5)]));
                let actions: Vec<Value> = (0..rng.below(3))
                    .map(|n| json!({ "text": format!("Handling {step}.{n}") }))
                    .collect();
                input.answers.insert("actions".into(), Value::Array(actions));
                input.guide_id = "co-production".into();
                input.guide_version = None;
                entries.push(store.create_entry(&input, None).unwrap().id);
            }
            1 => {
                let id = entries[rng.below(entries.len())];
                let Ok(entry) = store.get_entry(id) else { continue };
                let mut input = entry.to_input();
                let mut actions = actions_answer(&entry);
                match rng.below(5) {
                    0 => drop(input.answers.insert("headline".into(), json!(format!("Rettet {step}")))),
                    1 if !entry.actions.is_empty() => {
                        actions[0]["text"] = json!(format!("Ny ordlyd {step}"));
                    }
                    2 if !entry.actions.is_empty() => drop(actions.as_array_mut().unwrap().pop()),
                    3 => actions
                        .as_array_mut()
                        .unwrap()
                        .push(json!({ "text": format!("Tilføjet {step}") })),
                    _ => drop(
                        input
                            .answers
                            .insert("initiative".into(), json!(INITIATIVES[rng.below(5)])),
                    ),
                }
                input.answers.insert("actions".into(), actions);
                store.update_entry(id, &input, None).unwrap();
            }
            2 => {
                let id = entries[rng.below(entries.len())];
                let Ok(entry) = store.get_entry(id) else { continue };
                let Some(action) = entry.actions.first() else { continue };
                let status = ["done", "partly", "dropped", "open"][rng.below(4)];
                store
                    .set_action_status(action.id, status, &format!("note {step}"))
                    .unwrap();
            }
            3 => {
                let all = store.list_initiatives().unwrap();
                if all.is_empty() {
                    continue;
                }
                let i = &all[rng.below(all.len())];
                let input = InitiativeInput {
                    title: i.title.clone(),
                    neighbourhood: "Gellerup".into(),
                    citizen_group: "beboere".into(),
                    purpose: format!("formål {step}"),
                };
                store.update_initiative(i.id, &input).unwrap();
            }
            4 => {
                let (a, b) = (entries[rng.below(entries.len())], entries[rng.below(entries.len())]);
                if let Ok(id) = store.link_entries(a, b, LinkKind::Related) {
                    links.push(id);
                }
            }
            5 if !links.is_empty() => {
                let id = links.swap_remove(rng.below(links.len()));
                let _ = store.unlink(id);
            }
            _ => {
                let id = entries[rng.below(entries.len())];
                let _ = store.delete_entry(id);
            }
        }
        let after = snapshot(&conn);
        check(&before, &after, &label);
        before = after;
    }
    let tables: Vec<&str> = before.keys().map(|(t, _)| *t).collect();
    for table in ["entries", "actions", "initiatives", "entry_links"] {
        assert!(tables.contains(&table), "seed {seed}: the sequence touched {table}");
    }
}

#[test]
fn every_change_to_every_record_that_travels_bumps_its_revision_and_keeps_its_id_and_author() {
    for seed in [1, 2026, 0x5eed_cafe, 77_777] {
        one_sequence(seed);
    }
}

#[test]
fn an_unchanged_action_keeps_its_revision_and_a_removed_one_leaves_a_tombstone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mut input = quick("2026-02-01", "Forsøg", "partly");
    input.answers.insert(
        "actions".into(),
        json!([{ "text": "Ring til foreningen" }, { "text": "Book lokalet" }]),
    );
    let saved = store.create_entry(&input, None).unwrap();
    let (keep, drop_id): (ActionId, ActionId) = (saved.actions[0].id, saved.actions[1].id);
    let mut edit = saved.to_input();
    edit.answers.insert("headline".into(), json!("Forsøg, rettet"));
    edit.answers.insert(
        "actions".into(),
        json!([{ "id": keep.to_string(), "text": "Ring til foreningen" }]),
    );
    let edited = store.update_entry(saved.id, &edit, None).unwrap();
    assert_eq!(edited.actions.iter().map(|a| a.id).collect::<Vec<_>>(), [keep]);
    let rows: Vec<(String, i64, bool, String)> = conn
        .prepare("SELECT id, revision, deleted_at IS NOT NULL, text FROM actions ORDER BY position, id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let kept = rows.iter().find(|r| r.0 == keep.to_string()).unwrap();
    assert_eq!((kept.1, kept.2), (1, false), "unchanged: same revision");
    let gone = rows.iter().find(|r| r.0 == drop_id.to_string()).unwrap();
    assert_eq!(
        (gone.1, gone.2, gone.3.as_str()),
        (2, true, ""),
        "a tombstone, its words blanked"
    );

    let done = store.set_action_status(keep, "done", "").unwrap();
    assert_eq!(done.id, keep);
    let revision: i64 = conn
        .query_row("SELECT revision FROM actions WHERE id = ?1", [keep.to_string()], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(revision, 2, "a status is a change too");
}

#[test]
fn initiatives_are_one_whatever_the_case_or_form_of_their_name() {
    let mut store = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for name in [
        "Ældrecaféen",
        "ældrecaféen",
        "ÆLDRECAFÉEN",
        "Ældrecafe\u{301}en",
        "  ældrecaféen ",
    ] {
        let mut input = quick("2026-02-01", name, "partly");
        input.answers.insert("initiative".into(), json!(name));
        ids.push(store.create_entry(&input, None).unwrap().initiative_id.unwrap());
    }
    assert!(
        ids.iter().all(|id| *id == ids[0]),
        "one lane for every spelling: {ids:?}"
    );
    let newest = store.list_entries(None, 1).unwrap().entries[0].id;
    assert_eq!(
        store.latest_attempt("ÆLDRECAFÉEN").unwrap(),
        Some(newest),
        "what a follow-up links to"
    );
    assert_eq!(store.latest_attempt("Ældrecafe").unwrap(), None);
    for (a, b) in [
        ("Straße", "STRASSE"),
        ("Ørestad", "ØRESTAD"),
        ("Åbent hus", "åbent HUS"),
    ] {
        let one = |name: &str, store: &mut Store| {
            let mut input = quick("2026-02-01", name, "partly");
            input.answers.insert("initiative".into(), json!(name));
            store.create_entry(&input, None).unwrap().initiative_id.unwrap()
        };
        assert_eq!(one(a, &mut store), one(b, &mut store), "{a} ~ {b}");
    }
    let mut aero = quick("2026-02-01", "x", "partly");
    aero.answers.insert("initiative".into(), json!("Aero"));
    let aero = store.create_entry(&aero, None).unwrap().initiative_id.unwrap();
    let mut aero_danish = quick("2026-02-01", "x", "partly");
    aero_danish.answers.insert("initiative".into(), json!("Ærø"));
    assert_ne!(
        store.create_entry(&aero_danish, None).unwrap().initiative_id.unwrap(),
        aero
    );
}

#[test]
fn the_history_takes_new_kinds_as_rows_and_stays_append_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
    let entry = store
        .create_entry(&quick("2026-02-01", "Forsøg", "partly"), None)
        .unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let event = |kind: &str| {
        conn.execute(
            "INSERT INTO entry_events (id, entry_id, kind, occurred_at) VALUES (?1, ?2, ?3, '2026-02-01T00:00:00.000000Z')",
            [EntryId::new().to_string(), entry.id.to_string(), kind.to_owned()],
        )
    };
    assert!(event("share").is_err(), "a kind no migration added is refused");
    conn.execute("INSERT INTO entry_event_kinds (kind) VALUES ('share')", [])
        .unwrap();
    event("share").unwrap();
    assert!(
        conn.execute("UPDATE entry_events SET kind = 'personal_data_override'", [])
            .is_err()
    );
    assert!(conn.execute("DELETE FROM entry_events", []).is_err());
}

#[test]
fn a_follow_up_is_saved_with_its_entry_or_neither_is() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store
        .create_entry(&quick("2026-01-10", "Første forsøg", "failed"), None)
        .unwrap();
    let mut second = quick("2026-02-10", "Andet forsøg", "partly");
    second.follows_up = Some(first.id);
    let second = store.create_entry(&second, None).unwrap();
    assert_eq!(
        store.follows_up_on(second.id).unwrap(),
        Some(first.id),
        "linked in the save"
    );

    // The first cannot follow up on the second (a circle): the edit is refused whole.
    let mut circle = first.to_input();
    circle.answers.insert("headline".into(), json!("Første forsøg, rettet"));
    circle.follows_up = Some(second.id);
    let refused = store.update_entry(first.id, &circle, None).unwrap_err();
    assert_eq!(
        (refused.field(), refused.problem()),
        (Some("followsUp"), Some(eftertanke_core::Problem::Cycle))
    );
    let unchanged = store.get_entry(first.id).unwrap();
    assert_eq!(
        (unchanged.title.as_str(), unchanged.revision),
        ("Første forsøg", 1),
        "nothing of the edit was written"
    );

    // A deleted attempt to follow up on: the new entry is not written either.
    store.delete_entry(first.id).unwrap();
    let before = store.count_entries().unwrap();
    let mut orphan = quick("2026-03-10", "Tredje forsøg", "partly");
    orphan.follows_up = Some(first.id);
    let refused = store.create_entry(&orphan, None).unwrap_err();
    assert_eq!(refused.field(), Some("followsUp"), "{refused}");
    assert_eq!(store.count_entries().unwrap(), before, "neither the entry nor the link");
}
