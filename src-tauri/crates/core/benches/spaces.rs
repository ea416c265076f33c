//! Benchmark: reflection spaces at team scale, each beside its baseline in one run.
//!
//! 1. Import: a lead's encrypted journal reads a space of 20 members × 500 shared entries
//!    (10,000 records in 200 bundles of 50, each bundle age-encrypted to 21 members and signed)
//!    — time and peak memory — beside raw inserts of the same rows into a copy of the same
//!    SQLCipher database, one transaction per bundle (target: within 3x raw).
//! 2. Sharing 100 entries in one bundle (target: under a second).
//! 3. A quiet re-read of the same folder (nothing new: every file known by its size, time and
//!    file id) beside the first read and beside what a quiet read cost before: reading and
//!    hashing every file (target: milliseconds).
//! 4. The same quiet re-read and the space's status with a retention period set (24 months,
//!    nothing due), beside both without one: what a period costs every read.
//!
//! Run: `cargo bench -p eftertanke-core --bench spaces` (MEMBERS=N, PER_MEMBER=N, PER_BUNDLE=N;
//! `PER_BUNDLE=1` makes the 20 × 500-bundle folder, 10,000 files).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::entries_range;
use eftertanke_core::spaces::Scope;
use eftertanke_core::vault::{KdfParams, Vault};
use eftertanke_core::{OpenOptions, Store};
use std::path::Path;
use std::time::Instant;

// This benchmark times one side at a time: the pair timing is not used here.
#[allow(dead_code)]
mod timing;

fn main() {
    let members: usize = env_or("MEMBERS", 20);
    let per_member: usize = env_or("PER_MEMBER", 500);
    let per_bundle: usize = env_or("PER_BUNDLE", 50);
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let folder = tmp.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let lead_dir = tmp.path().join("lead");
    let mut lead = encrypted(&lead_dir);
    let space = lead.create_space("Team", "Leder", &folder).unwrap();
    let mut journals = Vec::new();
    for i in 0..members {
        let mut m = Store::open(&tmp.path().join(format!("m{i}.sqlite3")), &OpenOptions::default()).unwrap();
        let card = m.member_card(&format!("Medarbejder {i}")).unwrap();
        lead.invite_member(&space, &card.to_json()).unwrap();
        journals.push(m);
    }
    let today = chrono::Utc::now().date_naive();
    let fingerprint = lead.spaces().unwrap()[0].lead_fingerprint.clone();
    let mut share_100 = None;
    for (i, m) in journals.iter_mut().enumerate() {
        m.join_spaces(&folder, &fingerprint).unwrap();
        let inputs = entries_range(per_member, 0..per_member, 10, &Locale::ALL, 7 + i as u64, today);
        let ids = m.create_entries(&inputs).unwrap();
        for chunk in ids.chunks(per_bundle) {
            m.share_entries(&space, chunk, Scope::Named, true).unwrap();
        }
        if i == 0 {
            // 2. One bundle of 100 entries, re-shared (the same projections, next revision).
            let t = Instant::now();
            m.share_entries(&space, &ids[..100.min(ids.len())], Scope::Named, true)
                .unwrap();
            share_100 = Some(t.elapsed());
        }
    }
    drop(journals);
    let before = lead_dir.join("eftertanke.sqlite3");
    lead.checkpoint().unwrap();
    let raw_copy = tmp.path().join("raw.sqlite3");
    std::fs::copy(&before, &raw_copy).unwrap();
    let records = members * per_member;
    println!(
        "space import: {members} members x {per_member} shared entries ({records} records), bundles of {per_bundle}, encrypted journal"
    );

    // 1. Import through the core.
    reset_peak_memory();
    let rss_before = memory_kb("VmRSS");
    let t = Instant::now();
    let report = lead.sync_space(&space, false).unwrap();
    let core = t.elapsed();
    let peak = memory_kb("VmHWM");
    assert_eq!(report.records, records + 100.min(per_member), "{report:?}");
    assert!(report.rejected.is_empty());
    assert_eq!(lead.space_entries(&space).unwrap().len(), records);

    // The same rows inserted raw into a copy of the same database, a transaction per bundle.
    let rows: Vec<(String, String, String, i64, String)> = {
        let conn = rusqlite::Connection::open(&before).unwrap();
        conn.pragma_update(None, "key", lead_key_sql(&lead)).unwrap();
        let mut s = conn
            .prepare("SELECT id, hash, writer, revision, record FROM space_records")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let raw = rusqlite::Connection::open(&raw_copy).unwrap();
    raw.pragma_update(None, "key", lead_key_sql(&lead)).unwrap();
    eftertanke_core::store::apply_pragmas(&raw, std::time::Duration::from_secs(5)).unwrap();
    let t = Instant::now();
    for chunk in rows.chunks(per_bundle) {
        let tx = raw.unchecked_transaction().unwrap();
        for (id, hash, writer, revision, record) in chunk {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO space_records (space_id, id, hash, kind, writer, author_key, scope, revision, \
                 updated_at, deleted, record) VALUES (?1, ?2, ?3, 'entry', ?4, ?4, 'named', ?5, '', 0, ?6)",
            )
            .unwrap()
            .execute(rusqlite::params![space, id, hash, writer, revision, record])
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let raw_time = t.elapsed();
    println!(
        "{:<52} {:>10.2?}",
        "import through the core (decrypt, verify, guard, merge)", core
    );
    println!(
        "{:<52} {:>10.2?}",
        "raw inserts of the same rows, same database", raw_time
    );
    println!(
        "{:<52} {:>9.2}x   (target: within 3x)",
        "ratio core/raw",
        core.as_secs_f64() / raw_time.as_secs_f64()
    );
    println!(
        "{:<52} {:>7} MB   (resident before: {} MB)",
        "peak resident memory during the import",
        peak / 1024,
        rss_before / 1024
    );
    // 3. A quiet re-read, beside the first read and the old way (read and hash every file).
    let files = files_under(&folder);
    let (quiet_p50, quiet_p95) = timing::measure(10, || {
        let r = lead.sync_space(&space, false).unwrap();
        assert_eq!(r.bundles + r.rosters, 0, "{r:?}");
    });
    let (hash_p50, _) = timing::measure(3, || {
        for f in &files {
            let bytes = std::fs::read(f).unwrap();
            std::hint::black_box(eftertanke_core::spaces::keys::short_hash(&[&bytes]));
        }
    });
    println!(
        "{:<52} {:>10.2?}",
        format!("first read of the folder ({} files)", files.len()),
        core
    );
    println!(
        "{:<52} {:>8.2} ms   (p95 {:.2} ms; target: milliseconds)",
        "quiet re-read: nothing new",
        quiet_p50 * 1e3,
        quiet_p95 * 1e3
    );
    println!(
        "{:<52} {:>8.2} ms   (what every quiet read cost before)",
        "reading and hashing every file",
        hash_p50 * 1e3
    );
    // 4. A retention period set: every read looks for what is due, and the status for what goes
    // soon. Beside the same without a period (measured here, in this run).
    let (status_p50, _) = timing::measure(10, || {
        std::hint::black_box(lead.space_status(&space).unwrap());
    });
    lead.set_retention(&space, Some(24)).unwrap();
    lead.sync_space(&space, false).unwrap();
    let (kept_p50, kept_p95) = timing::measure(10, || {
        let r = lead.sync_space(&space, false).unwrap();
        assert_eq!(r.bundles + r.rosters, 0, "{r:?}");
    });
    let (kept_status_p50, _) = timing::measure(10, || {
        std::hint::black_box(lead.space_status(&space).unwrap());
    });
    println!(
        "{:<52} {:>8.2} ms   (p95 {:.2} ms; without a period {:.2} ms)",
        "quiet re-read, a 24-month retention period set",
        kept_p50 * 1e3,
        kept_p95 * 1e3,
        quiet_p50 * 1e3
    );
    println!(
        "{:<52} {:>8.2} ms   (without a period {:.2} ms)",
        "the space's status, a retention period set",
        kept_status_p50 * 1e3,
        status_p50 * 1e3
    );
    if let Some(t) = share_100 {
        println!(
            "{:<52} {:>10.2?}   (target: under 1 s)",
            "sharing 100 entries in one bundle", t
        );
    }
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

fn lead_key_sql(store: &Store) -> String {
    store.key().unwrap().sqlcipher_value().to_string()
}

fn encrypted(dir: &Path) -> Store {
    let (key, _) = Vault::with_kdf(dir, KdfParams::insecure_for_tests())
        .create("a passphrase for the benchmark")
        .unwrap();
    Store::open_in_dir(dir, &OpenOptions::with_key(key)).unwrap()
}

/// Linux's peak resident set (VmHWM) starts again from the current one.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn memory_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?
                .trim_start_matches(':')
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}
