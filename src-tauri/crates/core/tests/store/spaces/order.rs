//! Bundles applied in any order, and twice, give the same journal.

use super::*;

#[test]
fn bundles_give_the_same_journal_in_any_order_and_read_twice() {
    let mut t = team(3);
    // A reader whose database is copied before it reads anything, once per order.
    let reader_db = joined_reader(&mut t);
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
        let (_dir, folder, mut r) = fresh_reader(&t, &reader_db);
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
        let status = r.space_status(&t.space).unwrap();
        assert_eq!(status.missing, vec![], "every bundle arrived");
        assert_eq!(status.chain_breaks, vec![], "each member's chain holds in any order");
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
