//! Concurrent first runs (hole 1): exactly one journal, every reported save readable.

use super::*;

#[test]
fn concurrent_first_runs_make_exactly_one_journal_and_every_reported_save_is_readable() {
    for trial in 0..6 {
        let tmp = tempfile::tempdir().unwrap();
        let children: Vec<Child> = ["A", "B", "C"]
            .iter()
            .map(|t| spawn(tmp.path(), &["add", "--title", t, "--outcome", "partly"]))
            .collect();
        let mut reported = HashSet::new();
        let mut codes = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            if out.status.success() {
                reported.insert(text(&out.stdout).trim().to_owned());
            } else {
                panic!(
                    "trial {trial}: every add succeeds, one after the other: {}",
                    text(&out.stderr)
                );
            }
            codes += usize::from(text(&out.stderr).contains("recovery code"));
        }
        assert_eq!(
            codes, 1,
            "trial {trial}: exactly one process made the journal and showed its code"
        );
        let found = listed(tmp.path()).unwrap_or_else(|e| panic!("trial {trial}: the journal must open: {e}"));
        assert!(
            reported.is_subset(&found),
            "trial {trial}: every save reported must be in the one journal: {reported:?} vs {found:?}"
        );
        let temps: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.contains("creating"))
            .collect();
        assert!(temps.is_empty(), "trial {trial}: no temporary file is left: {temps:?}");
    }
}
