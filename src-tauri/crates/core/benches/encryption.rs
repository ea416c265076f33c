//! Benchmark: what encryption at rest costs. The same work on an encrypted (SQLCipher) and an
//! unencrypted database, side by side in one run, interleaved so both see the same disk:
//!
//! 1. a durable save (a quick capture, WAL + synchronous=FULL);
//! 2. the first timeline page at 100,000 entries in 2,000 initiatives, the store opened fresh
//!    each time (a cold page cache inside SQLite: decryption is paid for every page read), and
//!    with the store kept open.
//!
//! Run: `cargo bench -p eftertanke-core --bench encryption` (SAVES=N, RUNS=N). Target: the
//! encrypted figures within 2x of the unencrypted ones.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::{entries_range, follow_up_links, reference_case};
use eftertanke_core::vault::{KdfParams, Vault};
use eftertanke_core::{OpenOptions, Store, TimelineFilter};
use std::path::Path;
use std::time::{Duration, Instant};

const ENTRIES: usize = 100_000;
const INITIATIVES: usize = 2_000;

fn main() {
    let saves: usize = env_or("SAVES", 1_000);
    let runs: usize = env_or("RUNS", 100);
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    println!("encryption at rest: SQLCipher (AES-256, raw key) vs unencrypted, same run");
    println!("{:<52} {:>10} {:>10}", "", "p50", "p95");

    // 1. Durable save.
    let dir = tempfile::tempdir_in(tmp).unwrap();
    let (plain_dir, enc_dir) = (dir.path().join("plain"), dir.path().join("encrypted"));
    let mut plain = Store::open_in_dir(&plain_dir, &OpenOptions::default()).unwrap();
    let key = vault(&enc_dir).create("a passphrase for the benchmark").unwrap().0;
    let mut enc = Store::open_in_dir(&enc_dir, &OpenOptions::with_key(key)).unwrap();
    let mut quick = reference_case(Locale::Da)[0].clone();
    quick
        .answers
        .retain(|k, _| ["occurred_on", "initiative", "headline", "expected", "outcome"].contains(&k.as_str()));
    let (mut tp, mut te) = (Vec::new(), Vec::new());
    for _ in 0..saves {
        tp.push(time(|| drop(plain.create_entry(&quick, None).unwrap())));
        te.push(time(|| drop(enc.create_entry(&quick, None).unwrap())));
    }
    compare(&format!("durable save ({saves} saves)"), &mut tp, &mut te);

    // 2. The first timeline page at 100,000 entries.
    let big = tmp.join("timeline-100k.sqlite3");
    ensure_big(&big);
    let big_enc_dir = tempfile::tempdir_in(tmp).unwrap();
    std::fs::copy(&big, big_enc_dir.path().join("eftertanke.sqlite3")).unwrap();
    let t = Instant::now();
    let key = vault(big_enc_dir.path())
        .create("a passphrase for the benchmark")
        .unwrap()
        .0;
    println!(
        "(encrypting a copy of the 100,000-entry database took {:.1?})",
        t.elapsed()
    );
    let page = |store: &Store| {
        let page = store.timeline_page(&TimelineFilter::default(), None, 20).unwrap();
        assert_eq!(page.lanes.len(), 20);
    };
    let enc_options = OpenOptions::with_key(key);
    let (mut tp, mut te) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        tp.push(time(|| page(&Store::open(&big, &OpenOptions::default()).unwrap())));
        te.push(time(|| {
            page(&Store::open_in_dir(big_enc_dir.path(), &enc_options).unwrap())
        }));
    }
    compare("open + first timeline page, 100,000 entries", &mut tp, &mut te);
    let plain = Store::open(&big, &OpenOptions::default()).unwrap();
    let enc = Store::open_in_dir(big_enc_dir.path(), &enc_options).unwrap();
    let (mut tp, mut te) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        tp.push(time(|| page(&plain)));
        te.push(time(|| page(&enc)));
    }
    compare("first timeline page, store open", &mut tp, &mut te);
}

fn vault(dir: &Path) -> Vault {
    // The key derivation runs once per unlock and is not what is measured here.
    Vault::with_kdf(dir, KdfParams::insecure_for_tests())
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn quantiles(times: &mut [Duration]) -> (f64, f64) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize].as_secs_f64();
    (at(0.5), at(0.95))
}

fn compare(name: &str, plain: &mut [Duration], enc: &mut [Duration]) {
    let (p, e) = (quantiles(plain), quantiles(enc));
    let show = |label: &str, (a, b): (f64, f64)| {
        println!(
            "{:<52} {:>10.3?} {:>10.3?}",
            format!("{name}: {label}"),
            Duration::from_secs_f64(a),
            Duration::from_secs_f64(b)
        );
    };
    show("unencrypted", p);
    show("encrypted", e);
    println!(
        "{:<52} {:>9.2}x {:>9.2}x   (target: within 2x)",
        format!("{name}: ratio"),
        e.0 / p.0,
        e.1 / p.1
    );
}

/// The same 100,000-entry database the timeline benchmark builds (and reuses).
fn ensure_big(path: &Path) {
    if let Ok(store) = Store::open(path, &OpenOptions::default())
        && store.count_entries().unwrap_or(0) == ENTRIES as u64
    {
        return;
    }
    let _ = std::fs::remove_file(path);
    let mut store = Store::open(path, &OpenOptions::default()).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let mut ids = Vec::with_capacity(ENTRIES);
    for start in (0..ENTRIES).step_by(5_000) {
        let range = start..(start + 5_000).min(ENTRIES);
        let batch = entries_range(ENTRIES, range, INITIATIVES, &Locale::ALL, 2026, today);
        ids.extend(store.create_entries(&batch).unwrap());
    }
    store.link_many(&follow_up_links(&ids, INITIATIVES)).unwrap();
}
