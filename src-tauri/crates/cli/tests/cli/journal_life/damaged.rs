//! A damaged journal (hole 3) is never a new one; interrupted backups are cleared.

use super::*;

#[test]
fn an_emptied_deleted_or_truncated_database_beside_its_key_file_is_damaged_and_nothing_is_created() {
    type Damage = fn(&Path);
    let cases: [(&str, Damage); 4] = [
        ("emptied", |db| std::fs::write(db, b"").unwrap()),
        ("deleted", |db| std::fs::remove_file(db).unwrap()),
        ("cut mid-page", |db| {
            let len = std::fs::metadata(db).unwrap().len();
            std::fs::File::options()
                .write(true)
                .open(db)
                .unwrap()
                .set_len(len / 2 + 100)
                .unwrap();
        }),
        ("cut at a page", |db| {
            let len = std::fs::metadata(db).unwrap().len();
            std::fs::File::options()
                .write(true)
                .open(db)
                .unwrap()
                .set_len(len / 2 / 4096 * 4096)
                .unwrap();
        }),
    ];
    for (what, damage) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let out = run(dir, &["demo", "--entries", "300"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(run(dir, &["backup"]).status.success());
        let db = dir.join("eftertanke.sqlite3");
        damage(&db);
        let files = snapshot(dir);
        let kept_backups = backups(dir);
        for args in [&["list"][..], &["add", "--title", "Ny", "--outcome", "partly"][..]] {
            let out = run(dir, args);
            assert_eq!(out.status.code(), Some(74), "{what}, {args:?}: {}", text(&out.stderr));
            assert!(
                text(&out.stderr).contains("damaged") && text(&out.stderr).contains("backup"),
                "{what}, {args:?}: says damaged and offers a backup: {}",
                text(&out.stderr)
            );
        }
        assert_eq!(snapshot(dir), files, "{what}: nothing was created or changed");
        assert_eq!(backups(dir), kept_backups, "{what}: the backups are untouched");
        let verify = run(dir, &["verify"]);
        assert!(
            verify.status.success(),
            "{what}: the backups still verify: {}",
            text(&verify.stderr)
        );
    }
}

#[test]
fn stale_partial_backups_are_removed_when_the_journal_opens() {
    let tmp = tempfile::tempdir().unwrap();
    add(tmp.path(), "x");
    let partial = tmp
        .path()
        .join("backups/eftertanke-20260101T000000.000Z-daily.sqlite3.partial");
    std::fs::create_dir_all(partial.parent().unwrap()).unwrap();
    std::fs::write(&partial, vec![0u8; 8192]).unwrap();
    listed(tmp.path()).unwrap();
    assert!(!partial.exists(), "an interrupted backup's partial copy is gone");
    let made = run(tmp.path(), &["backup"]);
    assert!(made.status.success(), "and a backup is simply made again");
}
