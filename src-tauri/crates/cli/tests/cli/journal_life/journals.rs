//! Several journals on one computer, from the command line: `--journal NAME`, `journals`,
//! `journals --new NAME`, and concurrent first runs of one name.

use super::*;

/// `eftertanke` with the OS data folder under `home` (no `EFTERTANKE_DATA_DIR`).
fn on_root(home: &Path, args: &[&str], passphrase: &str) -> Command {
    let mut cmd = Command::new(cli());
    cmd.args(args)
        .env_remove("EFTERTANKE_DATA_DIR")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("EFTERTANKE_PASSPHRASE", passphrase)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn root_run(home: &Path, args: &[&str], passphrase: &str) -> Output {
    on_root(home, args, passphrase).output().unwrap()
}

fn shelf(home: &Path) -> PathBuf {
    home.join("data/dk.eftertanke.desktop/journals")
}

#[test]
fn each_journal_is_chosen_by_name_and_none_is_made_by_accident() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let none = root_run(home, &["list"], PASSPHRASE);
    assert_eq!(none.status.code(), Some(65), "{}", text(&none.stderr));
    assert!(text(&none.stderr).contains("journals --new"), "{}", text(&none.stderr));
    assert!(!shelf(home).exists(), "asking made nothing");

    let made = root_run(home, &["journals", "--new", "AB"], PASSPHRASE);
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(text(&made.stderr).contains("recovery code"), "{}", text(&made.stderr));
    assert!(text(&made.stdout).starts_with("AB\t"));
    let added = root_run(
        home,
        &["add", "--title", "Only one journal: it is used", "--outcome", "partly"],
        PASSPHRASE,
    );
    assert!(added.status.success(), "{}", text(&added.stderr));

    let other = "the other person's passphrase";
    assert!(
        root_run(home, &["journals", "--new", "Rådgiver"], other)
            .status
            .success()
    );
    let unnamed = root_run(home, &["list"], PASSPHRASE);
    assert_eq!(unnamed.status.code(), Some(65));
    assert!(
        text(&unnamed.stderr).contains("2 journals"),
        "{}",
        text(&unnamed.stderr)
    );

    let mine = root_run(home, &["list", "--journal", "ab"], PASSPHRASE);
    assert!(
        text(&mine.stdout).contains("Only one journal"),
        "{}",
        text(&mine.stderr)
    );
    let theirs = root_run(home, &["list", "--journal", "RÅDGIVER"], other);
    assert!(theirs.status.success(), "{}", text(&theirs.stderr));
    assert_eq!(text(&theirs.stdout), "", "nothing of AB's journal");
    let wrong = root_run(home, &["list", "--journal", "Rådgiver"], PASSPHRASE);
    assert_eq!(wrong.status.code(), Some(77), "AB's passphrase does not open the other");

    let typo = root_run(home, &["add", "--journal", "AC", "--title", "x"], PASSPHRASE);
    assert_eq!(typo.status.code(), Some(65));
    assert!(
        text(&typo.stderr).contains("no journal named \u{201c}AC\u{201d}"),
        "{}",
        text(&typo.stderr)
    );
    let listed = text(&root_run(home, &["journals"], "").stdout);
    assert_eq!(
        listed
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect::<Vec<_>>(),
        ["AB", "Rådgiver"]
    );
    assert_eq!(
        std::fs::read_dir(shelf(home))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count(),
        2
    );

    // Under EFTERTANKE_DATA_DIR there is one journal and nothing to choose.
    let one = tempfile::tempdir().unwrap();
    let chosen = command(one.path(), &["list", "--journal", "AB"]).output().unwrap();
    assert_eq!(chosen.status.code(), Some(65));
    assert!(
        text(&chosen.stderr).contains("EFTERTANKE_DATA_DIR"),
        "{}",
        text(&chosen.stderr)
    );
}

#[test]
fn concurrent_first_runs_of_one_name_make_exactly_one_journal() {
    for trial in 0..3 {
        let home = tempfile::tempdir().unwrap();
        let children: Vec<Child> = (0..3)
            .map(|_| {
                on_root(home.path(), &["journals", "--new", "AB"], PASSPHRASE)
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<Output> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
        let made = outputs.iter().filter(|o| o.status.success()).count();
        assert_eq!(made, 1, "trial {trial}: exactly one made it");
        for refused in outputs.iter().filter(|o| !o.status.success()) {
            assert_eq!(
                refused.status.code(),
                Some(65),
                "trial {trial}: {}",
                text(&refused.stderr)
            );
            assert!(
                text(&refused.stderr).contains("already on this computer"),
                "{}",
                text(&refused.stderr)
            );
        }
        let folders = std::fs::read_dir(shelf(home.path()))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count();
        assert_eq!(folders, 1, "trial {trial}: no half-made folder left");
        let added = root_run(home.path(), &["add", "--title", "x", "--outcome", "partly"], PASSPHRASE);
        assert!(added.status.success(), "trial {trial}: {}", text(&added.stderr));
    }
}
